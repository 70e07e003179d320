"""The words about the other parties of this future (the region, the national government, ...) on the table:
each with its budget, and each of its moves with whether it happens now for the coalition of the seat in
turn, or why not, in the engine's own reasons (`move_gaps`). Also the painters' common base.
"""

from __future__ import annotations

import pygame

from game.engine import move_gaps
from game.engine.state import Coalition
from game.export.draw import line_height
from game.ui.view import AppView
from game.words import reason_text, signed

from .table_deltas import Deltas
from .table_layout import TableLayout


class Painting(AppView):
    """What both painters read: the app's game, words and look, and the layout."""

    def __init__(self, app, layout: TableLayout, deltas=None) -> None:
        self.app = app
        self.layout = layout
        self.deltas = deltas if deltas is not None else Deltas()  # what the last move changed (table_deltas.py)

    def delta_mark(self, painter, key: tuple, right: int, y: int, room: int) -> None:
        """The difference the last move made to the number at `key`, right-aligned at `right` on the line at
        `y`, when it fits in `room` pixels (nothing when there is none, or no room)."""
        diff = self.deltas.of(*key)
        if not diff:
            return
        text = signed(diff, self.lang())
        look = self.look
        width = look.font("small", True).size(text)[0] + look.px(4)
        if width <= room:
            colour = painter.c["good"] if diff > 0 else painter.c["bad"]
            box = pygame.Rect(right - width, y, width, line_height(look, "small"))
            painter.text(box, text, "small", bold=True, colour=colour, align="right")

    def delta_bar(self, painter, bar: pygame.Rect, key: tuple, scale: float = 100.0) -> None:
        """Over a bar: the stretch the last move added (good colour) or took away (bad colour)."""
        diff = self.deltas.of(*key)
        if not diff:
            return
        now = self.deltas.numbers[key]
        a, b = sorted((now - diff, now))
        left = bar.left + int(bar.width * max(0.0, min(1.0, a / scale)))
        right = bar.left + int(bar.width * max(0.0, min(1.0, b / scale)))
        colour = painter.c["good"] if diff > 0 else painter.c["bad"]
        pygame.draw.rect(painter.surface, colour, pygame.Rect(left, bar.top, max(2, right - left), bar.height))


NO_COALITION = Coalition(id=-1, kvd="", founded=0, members={})  # a seat outside any coalition, as a coalition


class ActorsPainter(Painting):
    """The other parties of this future, for the scrolling panel under the municipality's indicators."""

    def actor_lines(self) -> list:
        """(text, bold) lines for the other parties of this future (the region, the national government): each
        actor with what its budget still holds, then each move with whether it happens now for the coalition
        of the seat in turn, or why not."""
        state = self.state
        lang = self.lang()
        book = state.book
        seat = state.turn if state.turn >= 0 else 0
        coalition = state.coalition_of(seat) if state.seats else None
        out = []
        models = book.content.scenarios[book.setup.scenario].actors  # the compiled actors are in this order
        for a, (actor, model) in enumerate(zip(book.actors, models, strict=True)):
            name = model.name.get(lang)
            if actor.budget:
                name = self.t("table.actor_budget", name=name, left=state.budgets[a], budget=actor.budget)
            out.append((name, True))
            for m, move in zip(actor.moves, model.moves, strict=True):
                move_name = move.name.get(lang)
                if m.towards == "coalition":  # without a coalition: what a coalition would need
                    gaps = move_gaps(state, m, coalition if coalition is not None else NO_COALITION)
                else:
                    gaps = move_gaps(state, m)
                if gaps:
                    status = "; ".join(reason_text(g, lang) for g in gaps[:2])
                elif m.towards == "coalition":
                    status = self.t("table.actor_yes_coalition")
                else:
                    status = self.t("table.actor_yes")
                out.append((f"• {move_name}: {status}", False))
        return out
