"""The facilitator panel (F2): pause, turn timer (and a large clock to project), text size, language, undo,
skip a seat, end the game now."""

from __future__ import annotations

import pygame

from game.export.draw import line_height, wrap
from game.ui.scene import Overlay

TIMERS = (0, 2, 3, 5, 8)


class FacilitatorScene(Overlay):
    """An overlay for the trainer; the game is paused while it is open."""

    name = "facilitator"
    modal = True

    armed = False  # "end the game" was pressed once and waits for the confirming second press

    def build(self) -> None:
        w, h = self.app.window.get_size()
        look = self.look
        session = self.app.session
        pw = look.px(760)
        bw, bh = pw - look.px(80), look.px(64)
        # the panel is as tall as its five buttons and the note under them need (the note wraps to the width)
        note = look.font("small")
        note_h = len(wrap(self.t("facilitator.paused"), note, bw)) * note.get_linesize()
        self.head_h = max(look.px(56), line_height(look, "heading"))  # the title, as tall as its text
        top_h = look.px(44) + self.head_h
        ph = min(h, top_h + 8 * (bh + look.px(14)) + note_h + look.px(30))
        top = (h - ph) // 2
        if self.armed:  # the confirmation under the rows: the panel grows downwards, the rows stay put
            ph = min(h - top, ph + bh + look.px(14))
        self.panel_rect = pygame.Rect((w - pw) // 2, top, pw, ph)
        x = self.panel_rect.left + look.px(40)
        y = self.panel_rect.top + top_h
        minutes = getattr(session, "timer_minutes", 0)
        rows = [
            (self.t("facilitator.resume"), self.app.pop, True),
            (
                self.t("facilitator.timer_off") if not minutes else self.t("facilitator.timer", n=minutes),
                self._timer,
                True,
            ),
            (
                self.t("facilitator.big_timer_on" if session.big_timer else "facilitator.big_timer_off"),
                self._big_timer,
                bool(minutes),
            ),
            (self.t("facilitator.text_size", n=self.app.settings.text_size), self.app.next_text_size, True),
            (self.t("setup.language"), self.app.toggle_language, True),
            (self.t("facilitator.undo"), self._undo, session.can_undo()),
            (self.t("facilitator.skip"), self._skip, session.current() >= 0),
            # once armed, this row takes it back: a double click on "end" must not end a training day's game
            (self.t("facilitator.end_cancel") if self.armed else self.t("facilitator.end"), self._end_row, True),
        ]
        for text, callback, enabled in rows:
            self.button(
                pygame.Rect(x, y, bw, bh),
                text,
                callback,
                "@primary" if callback == self.app.pop else None,
                enabled=enabled,
            )
            y += bh + look.px(14)
        if self.armed:  # the confirmation, under the row that was pressed (which now takes it back)
            self.button(pygame.Rect(x, y, bw, bh), self.t("facilitator.end_sure"), self._end)
            y += bh + look.px(14)
        self.message_rect = pygame.Rect(x, y, bw, self.panel_rect.bottom - y - look.px(20))
        self.focus_index = 0

    def _timer(self) -> None:
        session = self.app.session
        current = getattr(session, "timer_minutes", 0)
        session.timer_minutes = TIMERS[(TIMERS.index(current) + 1) % len(TIMERS)] if current in TIMERS else 0
        self.rebuild()

    def _big_timer(self) -> None:
        """The turn's timer large at the foot of the table, to project (or back in the top bar)."""
        session = self.app.session
        session.big_timer = not session.big_timer
        self.rebuild()

    def _undo(self) -> None:
        from game.ui.flow import advance

        if self.app.session.undo():
            self.app.pop()
            advance(self.app)

    def _skip(self) -> None:
        from game.ui.flow import advance

        self.app.session.skip_seat()
        self.app.session.last_human = -1
        self.app.pop()
        advance(self.app)

    def _end_row(self) -> None:
        """The "end the game" row: arms the confirmation (shown elsewhere), or, armed, takes it back."""
        self.armed = not self.armed
        self.rebuild()
        self.app.dirty = True

    def _end(self) -> None:
        """End the game (the confirmation's button, shown once the end was asked for)."""
        from game.ui.flow import advance

        if not self.armed:
            self._end_row()
            return
        self.app.session.end_now()
        self.app.pop()
        advance(self.app)

    def draw(self, painter) -> None:
        look = self.look
        painter.panel(self.panel_rect, width=3)
        painter.text(
            pygame.Rect(
                self.panel_rect.left + look.px(40),
                self.panel_rect.top + look.px(30),
                self.panel_rect.width - look.px(80),
                self.head_h,
            ),
            self.t("facilitator.title"),
            "heading",
        )
        painter.text(self.message_rect, self.t("facilitator.paused"), "small", colour=painter.c["muted"])
        self.draw_widgets(painter)
