"""The action panel while a computer seat plays: whose turn it is, and under it this round's moves so far, newest
first, told the way the bottom bar tells the last one (the engine's headline, and for a computer's move its
reason), in a panel that scrolls when the round has been long.
"""

from __future__ import annotations

import pygame

from game.export.draw import line_height, wrap
from game.words import computer_seat

from .table_actors import Painting

TOLD_KINDS_SKIPPED = ("end_turn",)  # "X is done; over to Y" says nothing the turn order does not show


class MovesPainter(Painting):
    """The right panel during a computer's turn."""

    def heading(self) -> str:
        """Whose turn it is."""
        seat = self.state.seats[self.session.current()]
        role = self.state.book.content.roles.get(seat.role)
        return self.t("table.bot_thinking", name=computer_seat(seat.name, role, self.lang(), seat.role))

    def regions(self) -> tuple:
        """(the heading's rectangle, the moves' scrolling panel's rectangle) in the right panel."""
        look = self.look
        r = self.layout.right
        pad = look.px(16)
        width = r.width - 2 * pad
        lines = max(1, len(wrap(self.heading(), look.font("large", True), width)))
        head = pygame.Rect(r.left + pad, r.top + pad, width, lines * line_height(look, "large", True))
        top = head.bottom + look.px(10)
        return head, pygame.Rect(r.left + pad, top, width, max(0, r.bottom - pad - top))

    def paragraphs(self) -> tuple:
        """This round's moves of the seats, newest first: each its headline, and a computer's reason under it."""
        lang = self.lang()
        seats = self.state.seats
        out: list = [((self.t("table.moves_round"), True),)]
        moves = []
        for line in reversed(self.session.lines):
            if line.action.kind == "draw_trend":  # the round began here
                break
            if line.seat < 0 or line.action.kind in TOLD_KINDS_SKIPPED:
                continue
            moves.append(line)
        if not moves:
            out.append(((self.t("table.moves_none"), (False, "muted")),))
        for line in moves:
            out.append(((line.told(lang).headline, False),))
            if line.because is not None:
                out.append(((line.because.text(lang, seats[line.seat].name), (False, "muted")),))
        return tuple(out)

    def draw(self, painter) -> None:
        """The panel and its heading (the moves are a scrolling text the scene builds and draws)."""
        painter.panel(self.layout.right)
        head, _ = self.regions()
        painter.text(head, self.heading(), "large", bold=True)
