"""The debrief's wind tunnel tab: the group's strategy replayed under every scenario, drawn from the result.

While the wind tunnel runs (in the background, see `game.ui.jobs`) the tab shows how far it is; afterwards a
row per scenario (share of games realised, mean progress, the cards that broke it) and the group's choices
sorted into those that held up in every future and those that only worked in the played one.
"""

from __future__ import annotations

import pygame

from game.export.draw import hanging_list, line_height, wrap
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
    look = scene.look
    gap = look.px(24)
    left = pygame.Rect(body.left, body.top, int((body.width - gap) * 0.48), body.height)
    right = pygame.Rect(left.right + gap, body.top, body.right - left.right - gap, body.height)
    _draw_scenarios(scene, painter, left, result)
    _draw_choices(scene, painter, right, result)


def _draw_scenarios(scene, painter, rect: pygame.Rect, result) -> None:
    """A row per scenario: its name, a bar of the share of games realised, that share and the mean progress in
    words, and the trend cards that broke it most often; the rows' words all at one size."""
    look, c = scene.look, painter.c
    lang = scene.app.settings.lang
    content = scene.app.content
    painter.panel(rect)
    inner = rect.inflate(-look.px(32), -look.px(24))
    title = scene.t("windtunnel.per_scenario", games=result.games)
    # the heading on one line, large where it fits so, else at body size on as many lines as it needs
    head_kind = (
        "large"
        if painter.fits(pygame.Rect(0, 0, inner.width, line_height(look, "large", True)), title, "large", True, "large")
        else "body"
    )
    heading = _height(look, inner.width, title, head_kind, True)
    painter.text(
        pygame.Rect(inner.left, inner.top, inner.width, heading), title, head_kind, bold=True, min_kind=head_kind
    )
    y = inner.top + heading + look.px(6)
    rows = result.results
    row_h = (inner.bottom - y) // max(1, len(rows))
    bold_h = line_height(look, "body", True)
    x = inner.left + look.px(18)
    width = inner.right - x
    room = row_h - bold_h - look.px(24) - look.px(10)  # under the name and the bar
    realised = [
        scene.t("windtunnel.realised", pct=f"{r.realised * 100:.0f}", progress=f"{r.mean_progress:.0f}") for r in rows
    ]
    breaks = [_broken_texts(scene, r) for r in rows]

    def fits(kind: str) -> bool:
        # the share in words on two lines at most, and under it every card that broke the future (its shortest
        # line naming them all)
        h = line_height(look, kind)
        return all(
            _height(look, width, text, kind) + _height(look, width, options[-1], kind) <= room
            and _height(look, width, text, kind) <= 2 * h
            for text, options in zip(realised, breaks, strict=True)
        )

    kind = next((k for k in ("body", "small") if fits(k)), "small")
    text_h = line_height(look, kind)
    for r, words, options in zip(rows, realised, breaks, strict=True):
        name = content.scenarios[r.scenario].name.get(lang)
        if r.scenario == result.played_scenario:
            name = scene.t("windtunnel.played", scenario=name)
        accent = hex_colour(content.scenarios[r.scenario].color)
        stripe = pygame.Rect(inner.left, y + look.px(4), look.px(8), row_h - look.px(14))
        pygame.draw.rect(painter.surface, accent, stripe, border_radius=look.px(3))
        painter.text(pygame.Rect(x, y, width, bold_h), name, "body", bold=True, min_kind="small")
        bar_y = y + bold_h + look.px(2)
        painter.bar(pygame.Rect(x, bar_y + look.px(2), width, look.px(16)), r.realised, accent, c["bar_bg"])
        label_y = bar_y + look.px(22)
        used = painter.text(pygame.Rect(x, label_y, width, 2 * text_h), words, kind, min_kind=kind)
        box = pygame.Rect(x, used.bottom + look.px(2), width, y + row_h - used.bottom - look.px(8))
        # the fullest "broke on" line that fits (every form names all the cards)
        text = next((t for t in options if _height(look, width, t, kind) <= box.height), options[-1])
        if box.height >= text_h:
            painter.text(box, text, kind, min_kind=kind, colour=c["muted"])
        y += row_h


def _broken_texts(scene, r) -> list:
    """What broke a scenario most often (three cards at most), from the fullest line to the shortest: naming
    all the cards, with the words before them, then without; the count after each card, or once ("(1× each)")
    when they broke it equally often; only then the first cards and "…". Or that nothing broke it."""
    content, lang = scene.app.content, scene.app.settings.lang
    if not r.broken_by:
        return [scene.t("windtunnel.never_broken")]
    top = r.broken_by[:3]
    titles = [content.trends[t].title.get(lang) for t, _ in top]
    counts = {n for _, n in top}
    forms = [", ".join(f"{title}\u00a0({n}×)" for title, (_, n) in zip(titles, top, strict=True))]
    if len(top) > 1 and len(counts) == 1:
        forms.append(scene.t("windtunnel.each", cards=", ".join(titles), n=top[0][1]))
    # the last resorts, for a row too low to name them all (many futures on a small window): the first cards
    named = [f"{title}\u00a0({n}×)" for title, (_, n) in zip(titles, top, strict=True)]
    shorter = [", ".join(named[:k]) + " …" for k in (2, 1)]
    return [scene.t("windtunnel.broken_by", cards=cards) for cards in forms] + forms + shorter[3 - len(top) :]


def _draw_choices(scene, painter, rect: pygame.Rect, result) -> None:
    """The group's choices in three lists (robust, fragile, not decisive), each with what it gained per
    scenario; the headings at one size and the lists at one size. Where that does not fit, the lists are
    drawn smaller, then the "not decisive" list leaves out its numbers (still a list, in every language)."""
    look, c = scene.look, painter.c
    lang = scene.app.settings.lang
    content = scene.app.content
    painter.panel(rect)
    inner = rect.inflate(-look.px(32), -look.px(24))
    played = content.scenarios[result.played_scenario].name.get(lang)
    groups = (
        (scene.t("windtunnel.robust"), "robust", c["good"]),
        (scene.t("windtunnel.fragile", scenario=played), "fragile", c["warn"]),
        (scene.t("windtunnel.other", scenario=played), "other", c["muted"]),
    )
    order = [r.scenario for r in result.results]
    names = {s: content.scenarios[s].name.get(lang) for s in order}
    # the headings: one size for all three, on one line, else wrapped on two
    for head_kind, head_lines in (("body", 1), ("body", 2), ("small", 2)):
        head_h = head_lines * line_height(look, head_kind, True)
        box = pygame.Rect(0, 0, inner.width, head_h)
        if all(painter.fits(box, title, head_kind, True, head_kind) for title, _, _ in groups):
            break
    head_used = [
        len(wrap(t, look.font(head_kind, True), inner.width)) * line_height(look, head_kind, True) for t, _, _ in groups
    ]
    between = look.px(14)

    def lists(detail: bool) -> list:
        out = []
        for _, verdict, _ in groups:
            chosen = [x for x in result.choices if x.verdict == verdict]
            if detail or verdict != "other":
                out.append([("•", f"{x.choice.label[lang]} ({_gains(scene, x, order, names)})") for x in chosen])
            else:
                out.append([("•", x.choice.label[lang]) for x in chosen])
        return out

    def need(items_per_group: list, kind: str) -> int:
        return sum(
            h + _list_height(scene, inner, items, kind) + between
            for h, items in zip(head_used, items_per_group, strict=True)
        )

    # never below small (at large text the tiny size would undo it): where the numbers of the "not decisive"
    # list do not fit, that list goes without them; the note that explains the numbers is kept room for, at
    # small size, in its short form (one footer line) where the whole one does not fit
    notes = (scene.t("windtunnel.how"), scene.t("windtunnel.how_short"))
    kind, items_per_group, how = "small", lists(False), notes[-1]
    options = [(k, detail, note) for k, detail in [("body", True), ("small", True)] for note in notes]
    options += [(k, False, note) for k in ("body", "small") for note in notes]
    for k, detail, note in options:
        if need(lists(detail), k) + _height(look, inner.width, note, "small") <= inner.height:
            kind, items_per_group, how = k, lists(detail), note
            break
    y = inner.top
    for (title, _, colour), items, h in zip(groups, items_per_group, head_used, strict=True):
        painter.text(
            pygame.Rect(inner.left, y, inner.width, h), title, head_kind, bold=True, colour=colour, min_kind=head_kind
        )
        box = pygame.Rect(inner.left, y + h, inner.width, inner.bottom - y - h)
        y = box.top + _list_height(scene, inner, items, kind) + between
        if items:
            hanging_list(painter, look, box, items, kind)
        else:
            painter.text(box, scene.t("windtunnel.none"), kind, min_kind=kind)
    for note_kind in dict.fromkeys((kind, "small")):  # the note at the lists' size when it fits, else small
        if inner.bottom - y >= _height(look, inner.width, how, note_kind):
            box = pygame.Rect(inner.left, y, inner.width, inner.bottom - y)
            painter.text(box, how, note_kind, colour=c["muted"], min_kind=note_kind)
            break


def _list_height(scene, inner: pygame.Rect, items: list, kind: str) -> int:
    """The height of one group's list at `kind` ("none" when it is empty)."""
    if not items:
        return _height(scene.look, inner.width, scene.t("windtunnel.none"), kind)
    return hanging_list(None, scene.look, inner, items, kind)


def _gains(scene, choice, order: list, names: dict) -> str:
    """'Ikhoven +35, Samendam +8, Staatsburcht n.v.t.': the gain per scenario, or that there was no room."""
    no_room = scene.t("windtunnel.no_room")
    lang = scene.app.settings.lang
    return ", ".join(
        f"{names[s]} {no_room if choice.status.get(s) == 'no_room' else signed(choice.gains[s], lang)}" for s in order
    )


def _height(look, width: int, text: str, kind: str = "small", bold: bool = False) -> int:
    """The height `text` takes at `kind`, wrapped to `width`."""
    fnt = look.font(kind, bold)
    return len(wrap(text, fnt, max(1, width))) * fnt.get_linesize()


def _futures(scene) -> str:
    """The content's futures by name, in its order: "Samendam, Ikhoven en Staatsburcht"."""
    content = scene.app.content
    names = [content.scenarios[s].name.get(scene.lang()) for s in content.scenario_ids()]
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " " + scene.t("common.and") + " " + names[-1]
