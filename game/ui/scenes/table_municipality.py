"""The table's left panel: the municipality. The challenge's progress and what it needs, the five indicators,
and under them a scrolling panel (built by the scene) with this round's trends and the future's other
parties. Its geometry is worked out the same way when the scene builds and when it draws.
"""

from __future__ import annotations

from typing import Optional

import pygame

from game.engine.vocabulary import INDICATORS, RESOURCES
from game.export.draw import line_height, wrap
from game.ui.scrolltext import LINE_SPACING, layout
from game.words import indicator_name, percent, resource_name

from .table_actors import ActorsPainter, Painting


class MunicipalityPainter(Painting):
    """The municipality's panel at the table's left."""

    COMPACT = (0, 2, 6, 5)  # an indicator's compact row: label line (its text's height), gap, bar, gap (px)

    def need_here(self) -> bool:
        """Whether the need stands under the progress bar: it does unless it would leave this round's trends
        and the other parties less than three lines even with compact indicator rows (large text on a small
        window); then it opens their scrolling panel instead."""
        look = self.look
        small = line_height(look, "small")
        compact = small + sum(look.px(v) for v in self.COMPACT[1:])
        left = self.layout.left.height - look.px(16) - self._head_height(True) - len(INDICATORS) * compact
        return left >= 3 * small

    def need_lines(self, here: Optional[bool] = None) -> tuple:
        """(the need's text, its height) under the progress bar: at most four lines at small size (the short
        text when the long one needs more), so the panel is laid out the same at build time and at drawing;
        ("", 0) when the need is in the scrolling panel (see `need_here`)."""
        look = self.look
        if not (self.need_here() if here is None else here):
            return "", 0
        small = line_height(look, "small")
        width = self.layout.left.width - 2 * look.px(16)
        need = self.need_text()
        lines = len(wrap(need, look.font("small"), width))
        if lines > 4:
            need = self.need_text(short=True)
            lines = len(wrap(need, look.font("small"), width))
        return need, min(4, lines) * small

    def _head_height(self, need: Optional[bool] = None) -> int:
        """From the left panel's top to its first indicator: the progress, the need, "the municipality"."""
        look = self.look
        y = look.px(16) + line_height(look, "body", True) + look.px(4)  # "progress of the challenge"
        y += line_height(look, "large", True) + look.px(6)  # the bar and the percentage
        y += self.need_lines(need)[1] + look.px(14)
        return y + line_height(look, "body", True) + look.px(4)  # "the municipality"

    def municipality_rest(self) -> pygame.Rect:
        """The part of the left panel under the indicators: this round's trends and the future's other
        parties, in a panel that scrolls when they do not fit (built by the scene, as a ScrollText)."""
        r = self.layout.left
        pad = self.look.px(16)
        y = r.top + self._head_height() + len(INDICATORS) * sum(self.indicator_row())
        return pygame.Rect(r.left + pad, y, r.width - 2 * pad, max(0, r.bottom - pad - y))

    def indicator_row(self) -> tuple:
        """(label line, gap, bar, gap) of one indicator: roomy when the roomy rows leave room for the whole of
        this round's trends and the other parties, else compact (so that more of them shows unscrolled)."""
        look = self.look
        small = line_height(look, "small")
        roomy = (small, look.px(2), max(look.px(12), small // 3), look.px(10))
        left = self.layout.left.height - look.px(16) - self._head_height() - len(INDICATORS) * sum(roomy)
        if left >= 3 * small and left >= self.rest_height():
            return roomy
        return (small, *(look.px(v) for v in self.COMPACT[1:]))

    def rest_height(self) -> int:
        """What the scrolling panel under the indicators needs to show its whole text (as ScrollText lays it:
        a border and padding around lines of the small size)."""
        look = self.look
        inner = self.layout.left.width - 2 * look.px(16) - 2 * (1 + look.px(12))
        lines = layout(self.rest_paragraphs(), look.size("small"), max(1, inner))
        return len(lines) * int(look.font("small").get_linesize() * LINE_SPACING) + 2 * (1 + look.px(8))

    def rest_paragraphs(self, spaced: bool = True) -> tuple:
        """What the scrolling part of the left panel says: this round's trends, then the other parties; with
        an empty line between the parts when `spaced` (when they do not all fit, a line of text shows instead)."""
        state = self.state
        lang = self.lang()
        gap = [()] if spaced else []
        out = [] if self.need_here() else [((self.need_text(), False),), *gap]
        out += [((self.t("table.trends_now"), True),)]
        out += [((f"• {state.book.content.trends[t].title.get(lang)}", False),) for t in state.current_trends()]
        parties = ActorsPainter(self.app, self.layout).actor_lines()
        if parties:
            out += gap
            out.append(((self.t("table.actors"), True),))
            out += [((text, bold),) for text, bold in parties]
        return tuple(out)

    def rest_words(self) -> tuple:
        """The scrolling panel's paragraphs: spaced when they all fit in it, else without the empty lines."""
        return self.rest_paragraphs(spaced=self.rest_height() <= self.municipality_rest().height)

    def draw_municipality(self, painter) -> None:
        """The left panel: the challenge's progress and need, the indicators (this round's trends and the
        other parties are in the scrolling panel under them, a widget the scene builds)."""
        look = self.look
        state = self.state
        lang = self.lang()
        c = painter.c
        r = self.layout.left
        painter.panel(r)
        pad = look.px(16)
        inner_w = r.width - 2 * pad
        body_b = line_height(look, "body", True)
        small = line_height(look, "small")
        y = r.top + pad
        heading = pygame.Rect(r.left + pad, y, inner_w, body_b)
        long_heading, short_heading = self.t("table.challenge_progress"), self.t("table.challenge_progress_short")
        used = painter.text(
            heading,
            long_heading if painter.fits(heading, long_heading, "body", True) else short_heading,
            "body",
            bold=True,
            min_kind="small",
        )
        # the progress's change, at the heading's end above the percentage
        self.delta_mark(painter, ("progress",), heading.right, y, heading.right - used.right - look.px(8))
        y += body_b + look.px(4)
        pct = percent(state.progress, self.lang())
        pct_w = look.font("large", True).size(percent(100, self.lang()))[0]
        bar = pygame.Rect(r.left + pad, y + look.px(6), inner_w - pct_w - look.px(10), max(look.px(22), small // 2))
        painter.bar(bar, state.progress / 100, c["accent"])
        self.delta_bar(painter, bar, ("progress",))
        painter.text(
            pygame.Rect(r.right - pad - pct_w, y, pct_w, line_height(look, "large", True)),
            pct,
            "large",
            bold=True,
            align="right",
        )
        y += line_height(look, "large", True) + look.px(6)
        need, need_h = self.need_lines()
        if need:
            painter.text(
                pygame.Rect(r.left + pad, y, inner_w, need_h), need, "small", colour=c["muted"], min_kind="tiny"
            )
        y += need_h + look.px(14)
        painter.text(pygame.Rect(r.left + pad, y, inner_w, body_b), self.t("table.municipality"), "body", bold=True)
        y += body_b + look.px(4)
        colours = look.indicator_colours
        _, label_gap, bar_h, row_gap = self.indicator_row()
        value_w = look.font("small", True).size("100")[0]
        labels = [indicator_name(name, lang).capitalize() for name in INDICATORS]
        # one size for all the names: when one needs the tiny size beside its value, they all take it
        beside_all = pygame.Rect(0, 0, inner_w - value_w - look.px(8), small)
        kind = (
            "small" if all(painter.fits(beside_all, label, "small", min_kind="small") for label in labels) else "tiny"
        )
        for i, (name, label) in enumerate(zip(INDICATORS, labels, strict=True)):
            beside = pygame.Rect(r.left + pad, y, inner_w - value_w - look.px(8), small)
            # a long name (large text, a narrow panel) takes the whole line; its value goes to the bar's end
            wide = not painter.fits(beside, label, kind, min_kind=kind)
            label_rect = pygame.Rect(r.left + pad, y, inner_w, small) if wide else beside
            used = painter.text(label_rect, label, kind, min_kind="tiny")
            value_y = y + small + label_gap - (small - bar_h) // 2 if wide else y
            if not wide:  # the change, between the name and the value
                value_left = r.right - pad - value_w - look.px(6)
                self.delta_mark(painter, ("ind", i), value_left, y, value_left - used.right - look.px(6))
            painter.text(
                pygame.Rect(r.right - pad - value_w, value_y, value_w, small),
                str(state.ind[i]),
                "small",
                bold=True,
                align="right",
            )
            y += small + label_gap
            bar_w = inner_w - value_w - look.px(8) if wide else inner_w
            painter.bar(pygame.Rect(r.left + pad, y, bar_w, bar_h), state.ind[i] / 100, colours[name])
            self.delta_bar(painter, pygame.Rect(r.left + pad, y, bar_w, bar_h), ("ind", i))
            y += bar_h + row_gap

    def need_text(self, short: bool = False) -> str:
        """What the challenge still needs (and that part of it is hidden until the facts are known)."""
        state = self.state
        lang = self.lang()
        parts = []
        for i, res in enumerate(RESOURCES):
            n = state.need[i] + (state.hidden[i] if state.needs_known else 0)
            parts.append(f"{resource_name(res, lang)} {n}")
        text = self.t("table.need", need=", ".join(parts))
        if not state.needs_known and any(state.hidden):
            if short:  # the short note belongs to the sentence: "... network 4 (maybe more)."
                text = f"{text.rstrip('.')} {self.t('table.need_hidden_short')}."
            else:
                text += " " + self.t("table.need_hidden")
        return text
