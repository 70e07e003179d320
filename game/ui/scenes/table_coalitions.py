"""The table's coalitions panel, under the seats: each coalition (who is in and in which role, the vital
criteria it meets and those it does not yet, its pot and whether it is vital now, its KVD) and the trust
between the seats.

The coalitions are words in a scrolling text, so that none is dropped however many there are and however
large the text: with two or three coalitions, or at 150 % on a small window, the panel scrolls. The trust
table stands at the panel's foot as a grid when there is room for it beside at least a few lines of the
coalitions; else the trust between the seats comes after the coalitions in the same scrolling text, a line
per seat.
"""

from __future__ import annotations

import pygame

from game.engine import coalition_checklist, pot_with_funds
from game.engine.vocabulary import RESOURCES
from game.export.draw import line_height, wrap
from game.ui.scrolltext import LINE_SPACING
from game.words import capital, coalition_role_name, reason_text, resource_name, say, signed

from .table_actors import Painting
from .table_layout import centre_split
from .table_pickers import challenge_kvds, role_about

# the coalitions' text keeps at least this many lines above the trust grid (its members and whether it is vital
# come first)
TEXT_LINES_BESIDE_GRID = 3


def role_tip(state, seat: int, lang: str, others: bool = True) -> str:
    """Who holds which role in their coalition, and what that role means."""
    role = state.coalitions[state.seats[seat].coalition].members[seat]
    return say(
        "table.role_tip",
        lang,
        name=state.seats[seat].name,
        role=coalition_role_name(role, lang),
        about=role_about(state, role, lang, others),
    )


class CoalitionsPainter(Painting):
    """The coalitions panel: its regions, its scrolling text's paragraphs, its heading and trust grid."""

    def regions(self) -> dict:
        """box: the panel; head: its heading; text: the coalitions' scrolling text; grid: the trust grid at the
        foot, or beside the text when it fits there and not under it (None when the trust goes into the text)."""
        look = self.look
        _, box = centre_split(look, self.layout, len(self.state.seats))
        pad = look.px(14)
        inner = box.inflate(-2 * pad, -2 * pad)
        head = pygame.Rect(inner.left, inner.top, inner.width, line_height(look, "body", True))
        below = pygame.Rect(inner.left, head.bottom + look.px(4), inner.width, inner.bottom - head.bottom - look.px(4))
        grid_h = self.grid_height(below.width)
        text_line = int(look.font("small").get_linesize() * LINE_SPACING) + 1
        least_text = TEXT_LINES_BESIDE_GRID * text_line + look.px(16)
        gap = look.px(8)
        if below.height - grid_h - gap >= least_text and self.grid_fits(below.width):
            grid = pygame.Rect(below.left, below.bottom - grid_h, below.width, grid_h)
            text = pygame.Rect(below.left, below.top, below.width, grid.top - gap - below.top)
            return {"box": box, "head": head, "text": text, "grid": grid}
        # beside the text, as narrow as its columns allow, while the text keeps half the width
        narrow = self.grid_width()
        grid_h = self.grid_height(narrow)
        if grid_h <= below.height and below.width - narrow - 2 * gap >= below.width // 2:
            grid = pygame.Rect(below.right - narrow, below.top, narrow, grid_h)
            text = pygame.Rect(below.left, below.top, grid.left - 2 * gap - below.left, below.height)
            return {"box": box, "head": head, "text": text, "grid": grid}
        return {"box": box, "head": head, "text": below, "grid": None}

    def grid_title(self) -> str:
        """The trust grid's title."""
        return self.t("table.trust_title", n=self.state.book.criteria.trust_threshold)

    def title_lines(self, width: int) -> int:
        """The lines the grid's title takes at `width`."""
        return max(1, len(wrap(self.grid_title(), self.look.font("small", True), max(1, width))))

    def grid_height(self, width: int) -> int:
        """The trust grid's height at `width`: its title, the names, a row per seat."""
        rows = len(self.state.seats) + 1 + self.title_lines(width)
        return rows * line_height(self.look, "small") + self.look.px(8)

    def _name_width(self, width: int) -> int:
        """The grid's column of names."""
        fnt = self.look.font("small")
        return min(max(fnt.size(seat.name)[0] for seat in self.state.seats) + self.look.px(12), width // 3)

    def grid_width(self) -> int:
        """The narrowest the grid can be: the names, and columns of a two-digit number or a name's first
        three letters."""
        fnt = self.look.font("small")
        cell = max(
            [fnt.size("10")[0] + self.look.px(14)]
            + [fnt.size(s.name[:3])[0] + self.look.px(8) for s in self.state.seats]
        )
        names = max(fnt.size(seat.name)[0] for seat in self.state.seats) + self.look.px(12)
        return names + len(self.state.seats) * cell

    def grid_fits(self, width: int) -> bool:
        """Whether the trust grid's columns hold a two-digit number (with a change beside it) at `width`."""
        fnt = self.look.font("small")
        return (width - self._name_width(width)) // len(self.state.seats) >= fnt.size("10")[0] + self.look.px(6)

    # ----------------------------------------------------------------- the words
    def paragraphs(self, with_trust: bool) -> tuple:
        """The coalitions (and, `with_trust`, the trust between the seats) as the scrolling text's paragraphs:
        runs of (text, style), a style being bold or (bold, palette colour)."""
        state = self.state
        lang = self.lang()
        active = [co for co in state.coalitions if co.active]
        paragraphs: list = []
        if not active:
            paragraphs.append(((self.t("table.no_coalition"), (False, "muted")),))
        kvds = {k.id: k for k in challenge_kvds(state)}
        for n, co in enumerate(active):
            if n:
                paragraphs.append(())
            members = ", ".join(
                f"{state.seats[s].name} ({coalition_role_name(r, lang)})" for s, r in co.members.items()
            )
            invited = ", ".join(state.seats[s].name for s in co.invites)
            paragraphs.append(((members + (" · " + self.t("table.invited", names=invited) if invited else ""), True),))
            pot = pot_with_funds(state, co)
            checklist = coalition_checklist(state, co, pot)
            # first whether it is vital now (or the first reason why not), then the criteria, its pot and its KVD:
            # the panel shows the first lines without scrolling
            problems = [reason for _, reasons in checklist for reason in reasons]
            if problems:
                status, colour = self.t("table.not_vital_yet", why=reason_text(problems[0], lang)), "bad"
            else:
                status, colour = self.t("table.vital_now"), "good"
            paragraphs.append(((capital(status), (True, colour)),))
            met = [self.t(f"table.check_{key}") for key, reasons in checklist if not reasons]
            open_ = [self.t(f"table.check_{key}") for key, reasons in checklist if reasons]
            runs = []
            if met:
                runs += [(self.t("table.check_met"), False), (", ".join(met) + ".", (False, "good"))]
            if open_:
                runs += [(self.t("table.check_open"), False), (", ".join(open_) + ".", (False, "bad"))]
            paragraphs.append(tuple(runs))
            pot_text = self.t(
                "table.pot", pot=", ".join(f"{resource_name(r, lang)} {pot[i]}" for i, r in enumerate(RESOURCES))
            )
            paragraphs.append(((pot_text, False),))
            paragraphs.append(((f"“{kvds[co.kvd].text.get(lang)}”", (False, "muted")),))
        if with_trust:
            paragraphs += [(), ((self.t("table.trust_title", n=state.book.criteria.trust_threshold), True),)]
            paragraphs += [self.trust_line(seat) for seat in range(len(state.seats))]
        return tuple(paragraphs)

    def trust_line(self, seat: int) -> tuple:
        """A seat's trust in each other seat, as runs: "Anna: Bas 5, Cem 4 (+1), ..."."""
        state = self.state
        threshold = state.book.criteria.trust_threshold
        runs = [(f"{state.seats[seat].name}: ", True)]
        others = [o for o in range(len(state.seats)) if o != seat]
        for k, other in enumerate(others):
            value = state.trust[seat][other]
            diff = self.deltas.of("trust", seat, other)
            number = f"{value} ({signed(diff, self.lang())})" if diff else str(value)
            runs.append((f"{state.seats[other].name} ", False))
            runs.append(
                (number + ("," if k < len(others) - 1 else ""), (True, "good" if value >= threshold else "bad"))
            )
        return tuple(runs)

    def role_tips(self) -> str:
        """Every coalition member's role, explained (the tooltip over the coalitions' text)."""
        state = self.state
        lang = self.lang()
        roles = [role_tip(state, s, lang, others=False) for co in state.coalitions if co.active for s in co.members]
        return "\n".join([*roles, self.t("table.role_others")]) if roles else ""

    # ----------------------------------------------------------------- the drawing
    def draw(self, painter, regions: dict) -> None:
        """The panel, its heading and the trust grid (the scrolling text is a widget the scene draws)."""
        painter.panel(regions["box"])
        painter.text(regions["head"], self.t("table.coalitions"), "body", bold=True)
        painter.tip(regions["text"], self.role_tips())
        if regions["grid"] is not None:
            self.draw_grid(painter, regions["grid"])

    def draw_grid(self, painter, box: pygame.Rect) -> None:
        """The trust between the seats as a grid: a row per seat, a column per other seat."""
        look = self.look
        state = self.state
        n = len(state.seats)
        small = line_height(look, "small")
        fnt = look.font("small")
        names = [seat.name for seat in state.seats]
        name_w = min(max(fnt.size(name)[0] for name in names) + look.px(12), box.width // 3)
        cell = (box.width - name_w) // n
        threshold = state.book.criteria.trust_threshold
        title_h = self.title_lines(box.width) * small
        painter.text(pygame.Rect(box.left, box.top, box.width, title_h), self.grid_title(), "small", bold=True)
        head = box.top + title_h
        for j, name in enumerate(names):
            cell_rect = pygame.Rect(box.left + name_w + j * cell, head, cell - look.px(4), small)
            if not painter.fits(cell_rect, name, "small", min_kind="tiny"):
                name = name[:3]
            painter.text(cell_rect, name, "small", align="center", min_kind="tiny")
        for i, name in enumerate(names):
            y = head + (i + 1) * small
            painter.text(pygame.Rect(box.left, y, name_w, small), name, "small", min_kind="tiny")
            for j in range(n):
                if i == j:
                    continue
                value = state.trust[i][j]
                colour = painter.c["good"] if value >= threshold else painter.c["bad"]
                diff = self.deltas.of("trust", i, j)
                text = f"{value} ({signed(diff, self.lang())})" if diff else str(value)
                cell_rect = pygame.Rect(box.left + name_w + j * cell, y, cell - look.px(4), small)
                if diff and not painter.fits(cell_rect, text, "small", bold=True):
                    text = str(value)
                painter.text(cell_rect, text, "small", bold=True, colour=colour, align="center")
