"""The debrief's wind tunnel tab: the group's strategy replayed under every scenario, drawn from the result.

While the wind tunnel runs (in the background, see `game.ui.jobs`) the tab shows how far it is; afterwards a
row per scenario (share of games realised, mean progress, the cards that broke it) and the group's choices
sorted into those that held up in every future and those that only worked in the played one.
"""

from __future__ import annotations

import pygame

from game.export.draw import line_height
from game.ui.theme import hex_colour
from game.words import signed


def draw_windtunnel(scene, painter, body: pygame.Rect) -> None:
    """The tab: progress while running, the verdict when done."""
    job = scene.job
    if job is None or not job.finished:
        _draw_running(scene, painter, body, job)
    elif not job.ok:
        painter.panel(body)
        painter.text(
            body.inflate(-scene.look.px(40), -scene.look.px(40)),
            scene.t("windtunnel.failed"),
            "body",
            colour=painter.c["bad"],
        )
    else:
        _draw_result(scene, painter, body, job.result)


def _draw_running(scene, painter, body: pygame.Rect, job) -> None:
    look, c = scene.look, painter.c
    painter.panel(body)
    inner = body.inflate(-look.px(60), -look.px(50))
    heading = line_height(look, "large", True)
    painter.text(
        pygame.Rect(inner.left, inner.top, inner.width, heading), scene.t("windtunnel.running"), "large", bold=True
    )
    y = inner.top + heading + look.px(16)
    fraction = job.fraction if job is not None else 0.0
    painter.bar(pygame.Rect(inner.left, y, inner.width, look.px(28)), fraction, c["accent"], c["bar_bg"])
    y += look.px(40)
    painter.text(
        pygame.Rect(inner.left, y, inner.width, line_height(look, "body")),
        scene.t("windtunnel.percent", pct=f"{fraction * 100:.0f}"),
        "body",
        colour=c["muted"],
    )
    y += line_height(look, "body") + look.px(20)
    painter.text(
        pygame.Rect(inner.left, y, inner.width, inner.bottom - y),
        scene.t("windtunnel.explain", futures=_futures(scene)),
        "body",
    )


def _draw_result(scene, painter, body: pygame.Rect, result) -> None:
    look, c = scene.look, painter.c
    lang = scene.app.settings.lang
    content = scene.app.content
    gap = look.px(24)
    left = pygame.Rect(body.left, body.top, int((body.width - gap) * 0.52), body.height)
    right = pygame.Rect(left.right + gap, body.top, body.right - left.right - gap, body.height)

    painter.panel(left)
    inner = left.inflate(-look.px(32), -look.px(24))
    heading = line_height(look, "large", True)
    painter.text(
        pygame.Rect(inner.left, inner.top, inner.width, heading),
        scene.t("windtunnel.per_scenario", games=result.games),
        "large",
        bold=True,
        min_kind="body",
    )
    y = inner.top + heading + look.px(6)
    rows = result.results
    row_h = (inner.bottom - y) // max(1, len(rows))
    bold_h = line_height(look, "body", True)
    small_h = line_height(look, "small")
    for r in rows:
        name = content.scenarios[r.scenario].name.get(lang)
        if r.scenario == result.played_scenario:
            name = scene.t("windtunnel.played", scenario=name)
        accent = hex_colour(content.scenarios[r.scenario].color)
        stripe = pygame.Rect(inner.left, y + look.px(4), look.px(8), row_h - look.px(14))
        pygame.draw.rect(painter.surface, accent, stripe, border_radius=look.px(3))
        x = inner.left + look.px(18)
        width = inner.right - x
        painter.text(pygame.Rect(x, y, width, bold_h), name, "body", bold=True, min_kind="small")
        bar_y = y + bold_h + look.px(2)
        painter.bar(pygame.Rect(x, bar_y + look.px(2), width, look.px(16)), r.realised, accent, c["bar_bg"])
        label_y = bar_y + look.px(22)
        realised = scene.t("windtunnel.realised", pct=f"{r.realised * 100:.0f}", progress=f"{r.mean_progress:.0f}")
        used = painter.text(pygame.Rect(x, label_y, width, 2 * small_h), realised, "small", min_kind="small")
        box = pygame.Rect(x, used.bottom + look.px(2), width, y + row_h - used.bottom - look.px(8))
        text = scene.t("windtunnel.never_broken")
        for top, prefix in ((3, True), (2, True), (1, True), (1, False)):  # less when the row is short
            cards = ", ".join(f"{content.trends[t].title.get(lang)} ({n}×)" for t, n in r.broken_by[:top])
            if not cards:
                text = scene.t("windtunnel.never_broken")
            else:
                text = scene.t("windtunnel.broken_by", cards=cards) if prefix else cards
            if painter.fits(box, text, "small", min_kind="small"):
                break
        if box.height >= small_h:
            painter.text(box, text, "small", min_kind="small", colour=c["muted"])
        y += row_h

    painter.panel(right)
    inner = right.inflate(-look.px(32), -look.px(24))
    played = content.scenarios[result.played_scenario].name.get(lang)
    groups = (
        (scene.t("windtunnel.robust"), [x for x in result.choices if x.verdict == "robust"], c["good"]),
        (
            scene.t("windtunnel.fragile", scenario=played),
            [x for x in result.choices if x.verdict == "fragile"],
            c["warn"],
        ),
        (scene.t("windtunnel.other", scenario=played), [x for x in result.choices if x.verdict == "other"], c["muted"]),
    )
    y = inner.top
    order = [r.scenario for r in result.results]
    names = {s: content.scenarios[s].name.get(lang) for s in order}
    how = scene.t("windtunnel.how")
    for detail in (True, False):  # when the full list does not fit, "made little difference" becomes one line
        texts = []
        for title, chosen, colour in groups:
            if chosen and (detail or colour is not c["muted"]):
                lines = [f"• {x.choice.label[lang]} ({_gains(scene, x, order, names)})" for x in chosen]
            elif chosen:
                lines = ["; ".join(x.choice.label[lang] for x in chosen)]
            else:
                lines = [scene.t("windtunnel.none")]
            texts.append((title, "\n".join(lines), colour))
        need = sum(bold_h + _height(painter, look, inner.width, text) + look.px(14) for _, text, _ in texts)
        if need <= inner.height:
            break
    for title, text, colour in texts:
        painter.text(
            pygame.Rect(inner.left, y, inner.width, bold_h), title, "body", bold=True, colour=colour, min_kind="small"
        )
        box = pygame.Rect(
            inner.left,
            y + bold_h,
            inner.width,
            min(inner.bottom - y - bold_h, _height(painter, look, inner.width, text)),
        )
        used = painter.text(box, text, "small", min_kind="small")
        y = max(y + bold_h + small_h, used.bottom) + look.px(14)
    if inner.bottom - y >= _height(painter, look, inner.width, how):
        painter.text(
            pygame.Rect(inner.left, y, inner.width, inner.bottom - y), how, "small", colour=c["muted"], min_kind="small"
        )


def _gains(scene, choice, order: list, names: dict) -> str:
    """'Ikhoven +35, Samendam +8, Staatsburcht n.v.t.': the gain per scenario, or that there was no room."""
    no_room = scene.t("windtunnel.no_room")
    lang = scene.app.settings.lang
    return ", ".join(
        f"{names[s]} {no_room if choice.status.get(s) == 'no_room' else signed(choice.gains[s], lang)}" for s in order
    )


def _height(painter, look, width: int, text: str) -> int:
    """The height `text` takes in the small size, wrapped to `width`."""
    from game.export.draw import wrap

    fnt = look.font("small")
    return len(wrap(text, fnt, max(1, width))) * fnt.get_linesize()


def _futures(scene) -> str:
    """The content's futures by name, in its order: "Samendam, Ikhoven en Staatsburcht"."""
    content = scene.app.content
    names = [content.scenarios[s].name.get(scene.lang()) for s in content.scenario_ids()]
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " " + scene.t("common.and") + " " + names[-1]
