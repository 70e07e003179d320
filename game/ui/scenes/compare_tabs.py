"""The compare screen's six tabs, each drawn into the body of the screen: the tables' outcomes, one chart of a
number over the rounds, each dilemma card with every table's answer, the coalitions, the choices that helped,
and the questions for the room.

Tables stand in columns; when they do not all fit at a readable size the columns come in pages ("Tafels 1-4
van 8"), never in tiny text. A tab's pagers and its heading share the row at the top of the body.
"""

from __future__ import annotations

import pygame

from game.analysis import compare as analysis
from game.engine.vocabulary import INDICATORS
from game.export import charts
from game.export.draw import hanging_list, line_height, wrap
from game.words import capital, indicator_name, percent, signed_change

from .compare_draw import (
    Item,
    column_step,
    draw_columns,
    draw_skipped,
    one_deck,
    shown_tables,
    skipped_height,
    table_colour,
    table_pages,
    table_panels,
)

MEASURES = ("progress", *INDICATORS)


# ------------------------------------------------------------------------------------------------ the head row
def _pagers(scene) -> list:
    """(label, attribute, count) of the pagers in the tab's head row, left to right."""
    out = []
    if scene.tab == "chart":
        out.append((scene.t("compare.chart_step"), "measure", len(MEASURES)))
    if scene.tab == "dilemmas":
        rows = scene.analysis("dilemmas", analysis.dilemma_rows)
        if len(rows) > 1:
            out.append((scene.t("compare.card_page", n=scene.card + 1, total=len(rows)), "card", len(rows)))
    return out


def _table_pager(scene, body: pygame.Rect) -> list:
    """The pager of the tables' columns (in the row of buttons at the bottom), when they come in pages."""
    if scene.tab not in ("overview", "dilemmas", "coalitions"):
        return []
    pages = table_pages(scene, body)
    if pages <= 1:
        return []
    shown = shown_tables(scene, body)
    label = scene.t("compare.tables_page", a=shown[0] + 1, b=shown[-1] + 1, n=len(scene.cmp.tables))
    return [(label, "table_page", pages)]


def _place(scene, pagers: list, right: int, top: int, height: int) -> tuple:
    """Pagers from `right` leftwards: ([(label rect, label, prev rect, next rect, attr, count)], the x left of
    them)."""
    look = scene.look
    pw, gap = look.px(64), look.px(10)
    fnt = look.font("body")
    placed = []
    for label, attr, count in reversed(pagers):
        nxt = pygame.Rect(right - pw, top, pw, height)
        prev = pygame.Rect(nxt.left - gap - pw, top, pw, height)
        text_w = fnt.size(label)[0] + look.px(4)
        text = pygame.Rect(prev.left - gap - text_w, top, text_w, height)
        placed.insert(0, (text, label, prev, nxt, attr, count))
        right = text.left - look.px(28)
    return placed, right


def _heading(scene) -> str:
    lang = scene.app.settings.lang
    if scene.tab == "chart":
        key = MEASURES[scene.measure]
        what = scene.t("debrief.challenge_progress") if key == "progress" else capital(indicator_name(key, lang))
        return scene.t("compare.chart_title", what=what)
    if scene.tab == "dilemmas":
        rows = scene.analysis("dilemmas", analysis.dilemma_rows)
        return rows[min(scene.card, len(rows) - 1)]["name"] if rows else ""
    return ""


def _head(scene, body: pygame.Rect) -> tuple:
    """(the head row's height, the heading's rect, [(label rect, label, prev rect, next rect, attr, count)])."""
    look = scene.look
    pagers = _pagers(scene)
    heading = _heading(scene)
    if not pagers and not heading:
        return 0, None, []
    bh = look.px(52)
    placed, right = _place(scene, pagers, body.right, body.top, bh)
    hfnt = look.font("large", True)
    width = max(1, right - body.left)
    lines = min(2, len(wrap(heading, hfnt, width))) if heading else 0
    height = max(bh, lines * hfnt.get_linesize())
    return height + look.px(12), pygame.Rect(body.left, body.top, width, height), placed


def _all_pagers(scene, body: pygame.Rect, row: pygame.Rect) -> list:
    """Every pager placed: the head row's and the tables' (at the right of the row of buttons)."""
    tables, _ = _place(scene, _table_pager(scene, body), row.right, row.top, row.height)
    return _head(scene, body)[2] + tables


def buttons(scene, body: pygame.Rect, row: pygame.Rect) -> list:
    """The pagers' buttons: (rect, text, callback, enabled)."""
    out = []
    for _, _, prev, nxt, attr, count in _all_pagers(scene, body, row):
        value = getattr(scene, attr)
        if attr == "measure":  # the chart's numbers go round
            out.append((prev, "‹", lambda: _cycle(scene, -1), True))
            out.append((nxt, "›", lambda: _cycle(scene, +1), True))
        else:
            out.append((prev, "‹", lambda attr=attr, count=count: scene.turn(attr, -1, count), value > 0))
            out.append((nxt, "›", lambda attr=attr, count=count: scene.turn(attr, +1, count), value < count - 1))
    return out


def _cycle(scene, step: int) -> None:
    scene.measure = (scene.measure + step) % len(MEASURES)
    scene.rebuild()
    scene.app.dirty = True


def draw(scene, painter, body: pygame.Rect, row: pygame.Rect) -> None:
    """Draw the head row, the current tab under it and the tables' pager's label."""
    height, heading_rect, _ = _head(scene, body)
    if heading_rect is not None and _heading(scene):
        painter.text(heading_rect, _heading(scene), "large", bold=True, valign="middle", min_kind="body")
    for text_rect, label, *_ in _all_pagers(scene, body, row):
        painter.text(text_rect, label, "body", valign="middle", min_kind="body")
    area = pygame.Rect(body.left, body.top + height, body.width, body.height - height)
    DRAWERS[scene.tab](scene, painter, area)


# ------------------------------------------------------------------------------------------------ overview
def draw_overview(scene, painter, area: pygame.Rect) -> None:
    """Per table: its future, result, progress, fairness, a shared deck and a what-if branch; the files left out."""
    look, c, lang = scene.look, painter.c, scene.app.settings.lang
    skipped = skipped_height(scene, area.width, area.height * 2 // 5)
    cols = pygame.Rect(area.left, area.top, area.width, area.height - (skipped + look.px(16) if skipped else 0))
    colour = {"realised": c["good"], "partly": c["warn"], "unfair": c["warn"]}
    columns, ends = [], []
    for i, room in table_panels(scene, painter, cols):
        table = scene.cmp.tables[i]
        row = analysis.outcome_row(table, lang)
        change = signed_change(row["equality_change"], lang)
        items = [
            Item(row["future"], "large", bold=True, gap=10),
            Item(row["result_text"], "large", bold=True, colour=colour.get(row["result"], c["bad"]), gap=10),
            Item(scene.t("compare.progress", pct=percent(row["progress"], lang)), "large", gap=4),
            Item(fraction=row["progress"] / 100, colour=table_colour(i), gap=14),
            Item(scene.t("compare.fair" if row["fair"] else "compare.unfair", change=change), "large", gap=10),
        ]
        code = scene.cmp.deck_mark(i)
        if code and not one_deck(scene.cmp):  # one deck for all: the subtitle says so once
            items.append(Item(scene.t("compare.same_deck", code=code), "small", colour=c["muted"]))
        if table.branch is not None:
            items.append(Item(scene.t("compare.what_if", round=table.branch.round), "small", bold=True))
        columns.append((room, items))
        ends.append(_end_items(scene, table, lang))
    # the indicators at the end, where the columns have room for them without making the rest smaller
    steps = max((column_step(look, items, r.width, r.height) for r, items in columns), default=0)
    fuller = [(r, items + more) for (r, items), more in zip(columns, ends, strict=True)]
    if max((column_step(look, items, r.width, r.height) for r, items in fuller), default=0) == steps:
        columns = fuller
    draw_columns(painter, columns)
    if skipped:
        draw_skipped(scene, painter, pygame.Rect(area.left, area.bottom - skipped, area.width, skipped))


def _end_items(scene, table, lang: str) -> list:
    """The five numbers at the end and how far each moved since the start ("Welzijn 70 (+15)")."""
    start = table.data["start"]["indicators"]
    end = table.data["outcome"]["indicators"]
    items = [Item(scene.t("compare.end_numbers"), "body", bold=True, gap=4)]
    for name in INDICATORS:
        moved = signed_change(end[name] - start[name], lang)
        items.append(Item(f"{capital(indicator_name(name, lang))} {end[name]} ({moved})", "body", gap=2))
    return items


# ------------------------------------------------------------------------------------------------ the chart
def draw_chart(scene, painter, area: pygame.Rect) -> None:
    """One number over the rounds, a line per table (its colour, dash and marker), with a legend of names."""
    lang = scene.app.settings.lang
    key = MEASURES[scene.measure]
    series = []
    for i, table in enumerate(scene.cmp.tables):
        values = analysis.series(table)[key]
        series.append((table.name(lang), values, table_colour(i)))
    count = max(len(values) for _, values, _ in series)
    labels = [scene.t("debrief.start")] + [scene.t("debrief.round_short", n=r) for r in range(1, count)]
    painter.panel(area)
    inner = area.inflate(-scene.look.px(32), -scene.look.px(24))
    scene.chart_info = charts.line_chart(painter, inner, series, labels)


# ------------------------------------------------------------------------------------------------ dilemmas
def draw_dilemmas(scene, painter, area: pygame.Rect) -> None:
    """The card shown: each table's stance, answer and its effect in that table's future."""
    c = painter.c
    rows = scene.analysis("dilemmas", analysis.dilemma_rows)
    if not rows:
        painter.text(area, scene.t("compare.no_dilemmas"), "large", min_kind="body")
        return
    row = rows[min(scene.card, len(rows) - 1)]
    columns = []
    for i, room in table_panels(scene, painter, area):
        answer = row["answers"][i]
        if answer is None:
            items = [Item(scene.t("compare.not_met"), "body", colour=c["muted"])]
        else:
            stance = answer["stance"] or answer["response"]
            items = [
                Item(scene.t("compare.answer_round", round=answer["round"], stance=stance), "large", bold=True),
                Item(answer["answer"], "large", gap=14),
                Item(answer["effect"] or scene.t("compare.no_effect"), "body", colour=c["muted"]),
            ]
        columns.append((room, items))
    draw_columns(painter, columns)


# ------------------------------------------------------------------------------------------------ coalitions
def draw_coalitions(scene, painter, area: pygame.Rect) -> None:
    """Per table, its coalitions: who led, for how long it was vital, its members and their roles."""
    c = painter.c
    rows = scene.analysis("coalitions", analysis.coalition_rows)
    columns = []
    for i, room in table_panels(scene, painter, area):
        items = []
        for co in rows[i]:
            lead = scene.t("compare.led_by", name=co["lead"]) if co["lead"] else scene.t("compare.no_lead")
            items.append(Item(lead, "large", bold=True, gap=2))
            when = scene.t("compare.founded", round=co["founded"])
            vital = scene.t("compare.vital_rounds", n=co["vital_rounds"])
            items.append(Item(f"{when} · {vital}", "body", colour=c["muted"], gap=8))
            for member in co["members"]:
                role = co["roles"].get(member)
                items.append(Item(f"{member} · {role}" if role else member, "body", gap=4))
            if not co["active"]:
                items.append(Item(scene.t("compare.fell_apart"), "body", bold=True, colour=c["bad"]))
            items[-1].gap = 16
        if not items:
            items = [Item(scene.t("compare.no_coalition"), "body", colour=c["muted"])]
        columns.append((room, items))
    draw_columns(painter, columns)


# ------------------------------------------------------------------------------------------------ choices
def draw_choices(scene, painter, area: pygame.Rect) -> None:
    """The choices that helped at every table that made them, and those that helped at one table only."""
    look, c, lang = scene.look, painter.c, scene.app.settings.lang
    rows = scene.analysis("choices", analysis.choice_rows)
    names = [t.name(lang) for t in scene.cmp.tables]
    gap = look.px(24)
    half = (area.width - gap) // 2
    panels = [
        (pygame.Rect(area.left, area.top, half, area.height), "every", c["good"]),
        (pygame.Rect(area.left + half + gap, area.top, area.width - half - gap, area.height), "one", c["ink"]),
    ]
    lists = []
    for _, which, _ in panels:
        items = [
            ("•", scene.t("compare.at_tables", choice=row["label"], tables=_names(scene, names, row["tables"])))
            for row in rows[which]
        ]
        lists.append(items)
    boxes = []
    for rect, which, colour in panels:
        painter.panel(rect)
        inner = rect.inflate(-look.px(32), -look.px(24))
        title = scene.t(f"compare.helped_{which}")
        fnt = look.font("large", True)
        h = min(2, len(wrap(title, fnt, inner.width))) * fnt.get_linesize()
        painter.text(pygame.Rect(inner.left, inner.top, inner.width, h), title, "large", bold=True, colour=colour)
        boxes.append(pygame.Rect(inner.left, inner.top + h + look.px(12), inner.width, inner.bottom - inner.top - h))
    kind = _list_kind(look, boxes, lists)
    for box, items, (_, which, _) in zip(boxes, lists, panels, strict=True):
        if items:
            hanging_list(painter, look, box, items, kind, gap=look.px(10))
        else:
            painter.text(box, scene.t(f"compare.none_{which}"), "body", colour=c["muted"])


def _names(scene, names: list, tables: list) -> str:
    """The tables by name ("alle tafels" when it is every one)."""
    if len(tables) == len(names) > 2:
        return scene.t("compare.all_tables")
    return ", ".join(names[i] for i in tables)


def _list_kind(look, boxes: list, lists: list, kinds=("large", "body", "small")) -> str:
    """The largest kind at which every list fits its box."""
    for kind in kinds:
        if all(
            hanging_list(None, look, b, items, kind, gap=look.px(10)) <= b.height
            for b, items in zip(boxes, lists, strict=True)
        ):
            return kind
    return kinds[-1]


# ------------------------------------------------------------------------------------------------ questions
def draw_questions(scene, painter, area: pygame.Rect) -> None:
    """The questions the comparison raises, for the whole room, as large as they fit."""
    look, c = scene.look, painter.c
    questions = scene.analysis("questions", analysis.questions)
    painter.panel(area)
    inner = area.inflate(-look.px(40), -look.px(28))
    title = scene.t("compare.questions_title")
    h = line_height(look, "large", True)
    painter.text(pygame.Rect(inner.left, inner.top, inner.width, h), title, "large", bold=True, min_kind="body")
    box = pygame.Rect(inner.left, inner.top + h + look.px(20), inner.width, inner.height - h - look.px(20))
    if not questions:
        painter.text(box, scene.t("compare.no_questions"), "large", colour=c["muted"], min_kind="body")
        return
    items = [(f"{n}.", q) for n, q in enumerate(questions, 1)]
    kind = _list_kind(look, [box], [items])
    hanging_list(painter, look, box, items, kind, gap=look.px(24))


DRAWERS = {
    "overview": draw_overview,
    "chart": draw_chart,
    "dilemmas": draw_dilemmas,
    "coalitions": draw_coalitions,
    "choices": draw_choices,
    "questions": draw_questions,
}
