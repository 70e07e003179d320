"""The table: the municipality's indicators, the seats, the coalitions, and the action panel of the seat
whose turn it is. Computer seats play here too, one visible move at a time with their reason.

The scene coordinates: the layout (table_layout.py), the action panel and its steps (table_actions.py,
table_pickers.py) and the drawing (table_draw.py) each live in a module of their own.
"""

from __future__ import annotations

import pygame

from game.export.draw import line_height
from game.ui.scene import Scene

from .table_actions import ActionPanel
from .table_coalitions import CoalitionsPainter
from .table_deltas import Deltas
from .table_draw import BoardPainter, PanelPainter
from .table_layout import table_layout, top_buttons
from .table_moves import MovesPainter
from .table_municipality import MunicipalityPainter
from .table_seats import SeatsPainter

BOT_DELAY = 1.4  # seconds a computer move stays on screen before the next one


def _panel_field(name: str, doc: str) -> property:
    """A field of the action panel, read and written on the scene as before the panel had a class."""
    return property(
        lambda self: getattr(self.actions, name), lambda self, value: setattr(self.actions, name, value), doc=doc
    )


def _pickers_field(name: str, doc: str) -> property:
    """A field of the action panel's pickers, read and written on the scene."""
    return property(
        lambda self: getattr(self.actions.pickers, name),
        lambda self, value: setattr(self.actions.pickers, name, value),
        doc=doc,
    )


class TableScene(Scene):
    """The game table during the actions phase."""

    name = "table"

    step = _panel_field("step", "The action panel's step: choose | target | invest | offer | propose | invite.")
    pending = _panel_field("pending", "The action id being parameterised.")
    error = _panel_field("error", "Why the last or the chosen action is not possible.")
    action_keys = _panel_field("action_keys", "Action button -> its option in the engine's list of moves.")
    amounts = _pickers_field("amounts", "The amounts picked per resource (an offer's amount is the first).")
    target = _pickers_field("target", "The seat picked.")
    resource = _pickers_field("resource", "The resource picked for an offer.")
    kvd_index = _pickers_field("kvd_index", "The KVD picked for a proposal.")
    role_index = _pickers_field("role_index", "The coalition role picked.")

    def __init__(self, app) -> None:
        super().__init__(app)
        self.actions = ActionPanel(self)  # the action panel: its step, pickers, buttons and what they do
        self.layout = None  # the panels' rectangles, made by build()
        self.rest_box = None  # the scrolling panel of this round's trends and the other parties (a ScrollText)
        self.coalition_regions: dict = {}  # the coalitions panel's parts (table_coalitions.py)
        self.coalition_box = None  # the coalitions' scrolling text
        self.moves_box = None  # a computer's turn: this round's moves in a scrolling text (table_moves.py)
        self.top_text_right = 0
        self.bot_clock = 0.0
        self.banner = None  # (seat, Because) of the last computer move
        self.peeking = False
        self.peek_warned = False
        self.info = ""
        self.timer_left = None
        self.timer_seat = None  # (round, seat) whose turn the timer counts
        self.paused = False
        self.hint_shown = False
        self.deltas = Deltas()  # what the last move changed, shown for a moment

    def shot_name(self) -> str:
        """Screenshots: the table, the invest step and the coalition step are distinct screens."""
        if self.step in ("propose", "invite"):
            return "coalition"
        if self.step != "choose":
            return "action"
        return "table"

    # ================================================================= layout
    def build(self) -> None:
        self.layout = table_layout(self.look, self.app.window.get_size())
        # the top-right buttons are as wide as their words
        corner = ((self.t("table.help"), self._help), (self.t("table.facilitator"), self._facilitator))
        rects, self.top_text_right = top_buttons(self.look, self.layout, [text for text, _ in corner])
        for rect, (text, callback) in zip(rects, corner, strict=True):
            self.button(rect, text, callback, focusable=False)
        municipality = MunicipalityPainter(self.app, self.layout)
        rest = municipality.municipality_rest()
        if rest.height >= line_height(self.look, "small") * 2:  # this round's trends and the other parties
            self.rest_box = self.scroll_text(rest, municipality.rest_words(), "small")
        else:
            self.rest_box = None
        coalitions = CoalitionsPainter(self.app, self.layout, self.deltas)
        self.coalition_regions = coalitions.regions()
        self.coalition_box = self.scroll_text(
            self.coalition_regions["text"], coalitions.paragraphs(self.coalition_regions["grid"] is None), "small"
        )
        self.actions.action_keys = {}
        seat = self.session.current()
        self.moves_box = None
        if seat >= 0 and not self.session.is_bot(seat):
            self.actions.build(seat)
        elif seat >= 0:  # a computer plays: this round's moves so far
            moves = MovesPainter(self.app, self.layout)
            self.moves_box = self.scroll_text(moves.regions()[1], moves.paragraphs(), "small")

    def _help(self) -> None:
        from game.ui.scenes.howto import HowToScene

        self.app.push(HowToScene(self.app))

    def _facilitator(self) -> None:
        from game.ui.scenes.facilitator import FacilitatorScene

        self.app.push(FacilitatorScene(self.app))

    def _begin(self, step: str, pending=None) -> None:
        """Go to a step of the action panel (tests and the screen catalogue open the steps this way)."""
        self.actions.begin(step, pending)

    def _do(self, action) -> None:
        """Apply an action as its button would (the smoke run plays the human seats this way)."""
        self.actions.act(action)

    # ================================================================= events
    def back(self) -> None:
        if self.step != "choose":
            self.actions.cancel()

    def key(self, event) -> bool:
        if event.key == pygame.K_g and self.app.session.mode == "beamer":
            if not self.peek_warned:
                self.peek_warned = True
                self.info = self.t("table.peek_warning")
                return True
            self.peeking = True
            return True
        return super().key(event)

    def handle(self, event) -> bool:
        if event.type == pygame.KEYUP and event.key == pygame.K_g and self.peeking:
            self.peeking = False
            return True
        return super().handle(event)

    # ================================================================= time: bots and the turn timer
    def update(self, dt: float) -> bool:
        redraw = super().update(dt)  # a scrolled text, a tooltip
        if self.deltas.update(self.state, dt, self.app.settings.animations):
            redraw = True
            if self.coalition_regions.get("grid") is None:  # the trust is in the coalitions' text: say it there
                self.rebuild()
        if self.paused:
            return redraw
        session = self.session
        seat = session.current()
        if seat >= 0 and session.is_bot(seat):
            self.bot_clock += dt
            delay = 0.0 if self.app.options.autoplay else BOT_DELAY
            if self.bot_clock >= delay:
                self.bot_clock = 0.0
                self._bot_move()
                redraw = True
        minutes = getattr(session, "timer_minutes", 0)
        if minutes and seat >= 0 and not session.is_bot(seat):
            if self.timer_left is None or self.timer_seat != (session.state.round, seat):
                self.timer_left = minutes * 60.0  # a fresh turn: the screen is reused from seat to seat
                self.timer_seat = (session.state.round, seat)
            before = self.timer_left
            self.timer_left = max(0.0, self.timer_left - dt)
            redraw = redraw or int(self.timer_left) != int(before)
            if before > 0 and self.timer_left == 0:  # the turn's time is up: say so once, with a soft click
                self.info = self.t("table.time_up", name=session.state.seats[seat].name)
                self.app.sounds.click()
                redraw = True
        return redraw

    def _bot_move(self) -> None:
        from game.ui.flow import advance

        session = self.session
        action, because = session.bot_move()
        seat = action.seat
        session.act(action, because)
        self.banner = (seat, because)
        if session.current() != seat:
            advance(self.app)
        elif self.app.stack and self.app.top is self:
            self.rebuild()

    def autoplay(self) -> None:
        """Human seats under --autoplay never exist (all seats are computers); nothing to do."""

    # ================================================================= drawing
    def draw(self, painter) -> None:
        c = painter.c
        painter.surface.fill(c["bg"])
        board = BoardPainter(self.app, self.layout, self.deltas)
        panel = PanelPainter(self.app, self.layout, self.actions)
        board.draw_top(painter, self.top_text_right, self.timer_left)
        MunicipalityPainter(self.app, self.layout, self.deltas).draw_municipality(painter)
        if self.rest_box is not None:
            self.rest_box.draw(painter)
        SeatsPainter(self.app, self.layout, self.deltas).draw(painter)
        CoalitionsPainter(self.app, self.layout, self.deltas).draw(painter, self.coalition_regions)
        seat = self.session.current()
        if seat >= 0 and self.session.is_bot(seat):
            MovesPainter(self.app, self.layout).draw(painter)
            if self.moves_box is not None:
                self.moves_box.draw(painter)
        else:
            panel.draw(painter, self.peeking)
        board.draw_bottom(painter, self.info, self.banner, self.timer_left)
        self.draw_widgets(painter)
        if self.peeking:
            panel.draw_peek(painter)
