"""Drawing helpers of the compare screen: a colour per table, columns of tables in pages, a column of texts that
steps its sizes down together when it is long (never below small), and the steps before the comparison.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import pygame

from game.export import charts
from game.export.draw import hanging_list, line_height, wrap

# a colour per table, the same as in the zaalverslag (colour-blind safe; its chart adds dashes and markers)
TABLE_COLOURS = charts.TABLE_COLOURS
ORDER = ("small", "body", "large", "heading")  # smallest first


def table_colour(i: int) -> tuple:
    return TABLE_COLOURS[i % len(TABLE_COLOURS)]


@dataclass
class Item:
    """One text of a column (or a bar: `fraction` set), with the room it leaves under it."""

    text: str = ""
    kind: str = "body"
    bold: bool = False
    colour: Optional[tuple] = None
    gap: int = 6  # px at 1080p under it
    fraction: Optional[float] = None  # a bar instead of a text
    extra: dict = field(default_factory=dict)


def _height(look, item: Item, kind: str, width: int) -> int:
    if item.fraction is not None:
        return look.px(14) + look.px(item.gap)
    fnt = look.font(kind, item.bold)
    return len(wrap(item.text, fnt, max(1, width))) * fnt.get_linesize() + look.px(item.gap)


def _stepped(kind: str, steps: int) -> str:
    """`kind` at most as large as the cap of step `steps` (0: as given, then large, body, small): the largest
    texts give way first, the small ones stay as they are."""
    cap = ORDER[max(0, len(ORDER) - 1 - steps)]
    return cap if ORDER.index(kind) > ORDER.index(cap) else kind


def column_step(look, items: list, width: int, height: int) -> int:
    """How many sizes smaller than given the items must be to fit `height` one under the other (at most 3;
    never under small)."""
    for steps in range(3):
        if sum(_height(look, it, _stepped(it.kind, steps), width) for it in items) <= height:
            return steps
    return 3


def draw_columns(painter, columns: list) -> None:
    """Columns side by side, each (rect, items), at one shared size: a column shrunk on its own would make its
    table look less important than its neighbours."""
    look = painter.look
    steps = max((column_step(look, items, rect.width, rect.height) for rect, items in columns), default=0)
    for rect, items in columns:
        draw_column(painter, rect, items, steps)


def draw_column(painter, rect: pygame.Rect, items: list, steps: int = 0) -> int:
    """Draw the items one under the other in `rect`, `steps` sizes smaller than given; the y under the last."""
    look = painter.look
    y = rect.top
    for item in items:
        kind = _stepped(item.kind, steps)
        if item.fraction is not None:
            bar = pygame.Rect(rect.left, y + look.px(2), rect.width, look.px(12))
            painter.bar(bar, item.fraction, item.colour or painter.c["accent"])
            y += _height(look, item, kind, rect.width)
            continue
        need = _height(look, item, kind, rect.width) - look.px(item.gap)
        room = pygame.Rect(rect.left, y, rect.width, max(1, min(need, rect.bottom - y)))
        used = painter.text(room, item.text, kind, colour=item.colour, bold=item.bold, min_kind="small")
        y = used.bottom + look.px(item.gap)
    return y


# ------------------------------------------------------------------------------------------------ columns
def tables_per_page(scene, body: pygame.Rect) -> int:
    """How many tables' columns fit side by side (a column holds about a dozen words of body text per line)."""
    n = len(scene.cmp.tables)
    wide = scene.look.size("body") * 13
    return max(1, min(n, body.width // max(1, wide)))


def table_pages(scene, body: pygame.Rect) -> int:
    per = tables_per_page(scene, body)
    return max(1, -(-len(scene.cmp.tables) // per))


def shown_tables(scene, body: pygame.Rect) -> list:
    """The indexes of the tables on the page shown."""
    per = tables_per_page(scene, body)
    page = min(scene.table_page, table_pages(scene, body) - 1)
    return list(range(page * per, min(len(scene.cmp.tables), (page + 1) * per)))


def column_rects(scene, area: pygame.Rect, count: int) -> list:
    """`count` columns side by side in `area` (as wide as a full page's)."""
    per = max(count, tables_per_page(scene, area))
    gap = scene.look.px(20)
    width = (area.width - gap * (per - 1)) // per
    return [pygame.Rect(area.left + i * (width + gap), area.top, width, area.height) for i in range(count)]


def table_panels(scene, painter, area: pygame.Rect) -> list:
    """The columns of the tables on the page shown: each drawn as a panel headed by its table; per column
    (table index, the room under its header)."""
    look = scene.look
    shown = shown_tables(scene, area)
    out = []
    for i, rect in zip(shown, column_rects(scene, area, len(shown)), strict=True):
        painter.panel(rect)
        inner = rect.inflate(-look.px(24), -look.px(20))
        y = table_header(scene, painter, inner, i, shown)
        out.append((i, pygame.Rect(inner.left, y, inner.width, inner.bottom - y)))
    return out


def table_header(scene, painter, rect: pygame.Rect, i: int, shown: list) -> int:
    """A table's colour and name at the top of its column, as high as the highest of the `shown` tables' names
    (so the columns' rows line up); the y under it."""
    look = painter.look
    band = pygame.Rect(rect.left, rect.top, rect.width, look.px(10))
    pygame.draw.rect(painter.surface, table_colour(i), band, border_radius=look.px(5))
    lang = scene.app.settings.lang
    name = scene.cmp.tables[i].name(lang)
    fnt = look.font("body", True)
    lines = min(2, max(len(wrap(scene.cmp.tables[j].name(lang), fnt, rect.width)) for j in shown))
    box = pygame.Rect(rect.left, band.bottom + look.px(8), rect.width, lines * fnt.get_linesize())
    painter.text(box, name, "body", bold=True, min_kind="small")
    return box.bottom + look.px(10)


# ------------------------------------------------------------------------------------------------ frame
def subtitle(scene) -> str:
    """'4 tafels · Samendam, Ikhoven, Staatsburcht' once the tables are read."""
    cmp = scene.cmp
    if scene.phase != "view" or cmp is None:
        return ""
    lang = scene.app.settings.lang
    futures = list(dict.fromkeys(t.story.scenario.name.get(lang) for t in cmp.tables))
    text = scene.t("compare.subtitle", n=len(cmp.tables), futures=", ".join(futures))
    if one_deck(cmp):
        text += " · " + scene.t("compare.same_deck", code=cmp.tables[0].session_code)
    return text


def one_deck(cmp) -> bool:
    """Whether every table played the same deck (one session code)."""
    codes = {t.session_code for t in cmp.tables}
    return len(codes) == 1 and None not in codes and len(cmp.tables) > 1


def draw_reading(scene, painter, body: pygame.Rect) -> None:
    """What is being done and how far."""
    look = scene.look
    job = scene.job
    done, total = (job.done, job.total) if job is not None else (0, 0)
    text = scene.t("compare.reading", done=done, total=total or scene.reading_total)
    room = pygame.Rect(body.left, body.top + look.px(40), body.width, 3 * line_height(look, "large"))
    used = painter.text(room, text, "large", min_kind="body")
    bar = pygame.Rect(body.left, used.bottom + look.px(24), body.width, look.px(28))
    painter.bar(bar, job.fraction if job is not None else 0.0, painter.c["accent"])


def skipped_texts(scene) -> list:
    """Why each skipped file was left out, naming the file without the folders above it (a projected screen
    never shows the user's home folder)."""
    lang = scene.app.settings.lang
    out = []
    for skipped in scene.cmp.skipped if scene.cmp is not None else []:
        text = skipped.text(lang)
        out.append(text.replace(skipped.file, Path(skipped.file).name))
    return out


def draw_skipped(scene, painter, rect: pygame.Rect) -> None:
    """The files left out, with their reasons, in a panel."""
    look, c = scene.look, painter.c
    painter.panel(rect, fill=c["highlight"])
    inner = rect.inflate(-look.px(28), -look.px(20))
    title_h = line_height(look, "body", True)
    painter.text(
        pygame.Rect(inner.left, inner.top, inner.width, title_h), scene.t("compare.skipped_title"), "body", bold=True
    )
    box = pygame.Rect(inner.left, inner.top + title_h + look.px(4), inner.width, inner.bottom - inner.top - title_h)
    items = [("•", text) for text in skipped_texts(scene)]
    kind = "body" if hanging_list(None, look, box, items, "body", gap=look.px(4)) <= box.height else "small"
    hanging_list(painter, look, box, items, kind, gap=look.px(4))


def skipped_height(scene, width: int, most: int) -> int:
    """The height the skipped files' panel needs at `width` (at most `most`; 0: nothing was skipped)."""
    items = [("•", text) for text in skipped_texts(scene)]
    if not items:
        return 0
    look = scene.look
    inner_w = width - look.px(28)
    body = hanging_list(None, look, pygame.Rect(0, 0, inner_w, 10_000), items, "body", gap=look.px(4))
    need = line_height(look, "body", True) + look.px(4) + body + look.px(20)
    if need > most:
        small = hanging_list(None, look, pygame.Rect(0, 0, inner_w, 10_000), items, "small", gap=look.px(4))
        need = line_height(look, "body", True) + look.px(4) + small + look.px(20)
    return min(need, most)


def draw_failed(scene, painter, body: pygame.Rect) -> None:
    """Why there is nothing to compare, and the files left out."""
    look = scene.look
    room = pygame.Rect(body.left, body.top + look.px(20), body.width, 2 * line_height(look, "large"))
    used = painter.text(room, scene.message, "large", colour=painter.c["bad"], min_kind="body")
    top = used.bottom + look.px(20)
    height = skipped_height(scene, body.width, body.bottom - top)
    if height:
        draw_skipped(scene, painter, pygame.Rect(body.left, top, body.width, height))
