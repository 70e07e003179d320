"""Pass the laptop: before a person's turn, a screen that hides the private goal until that seat is ready."""

from __future__ import annotations

import pygame

from game.ui.scene import Scene
from game.words import person


class HandoverScene(Scene):
    """ "Geef de laptop aan ..." — the goal stays hidden until the seat presses a key or the button."""

    name = "handover"

    def __init__(self, app, seat: int) -> None:
        super().__init__(app)
        self.seat = seat
        self.revealed = False

    def build(self) -> None:
        w, h = self.app.window.get_size()
        look = self.look
        label = self.t("handover.play") if self.revealed else self.t("handover.reveal")
        bw, bh = self.fit(label, look.px(520), primary=True), look.px(80)
        self.button(pygame.Rect((w - bw) // 2, h - look.px(160), bw, bh), label, self._press_main, "@primary")
        self.focus_index = 0

    def _press_main(self) -> None:
        if not self.revealed:
            self.revealed = True
            self.rebuild()
            return
        from game.ui.flow import advance

        self.app.session.last_human = self.seat
        advance(self.app)

    def key(self, event) -> bool:
        if event.key in (pygame.K_TAB, pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT, pygame.K_ESCAPE):
            return super().key(event)
        self._press_main()  # any other key: reveal, then play
        return True

    def autoplay(self) -> None:
        self._press_main()

    def shot_name(self) -> str:
        return "handover"

    def draw(self, painter) -> None:
        w, h = self.app.window.get_size()
        look = self.look
        c = painter.c
        lang = self.app.settings.lang
        state = self.app.session.state
        seat = state.seats[self.seat]
        painter.surface.fill(c["bg"])
        size = look.px(150)
        painter.role_icon(self.app.content, seat.role, pygame.Rect((w - size) // 2, look.px(90), size, size))
        painter.text(
            pygame.Rect(look.px(80), look.px(270), w - look.px(160), look.px(90)),
            self.t("handover.pass_to", person=person(seat.name, state.book.content.roles.get(seat.role), lang)),
            "title",
            align="center",
        )
        box = pygame.Rect(w // 2 - look.px(620), look.px(400), look.px(1240), look.px(300))
        painter.panel(box)
        inner = box.inflate(-look.px(60), -look.px(50))
        if self.revealed:
            goal = state.book.goal(seat.role, seat.goal)
            painter.text(
                pygame.Rect(inner.left, inner.top, inner.width, look.px(50)),
                self.t("handover.your_goal"),
                "large",
                bold=True,
            )
            painter.text(
                pygame.Rect(inner.left, inner.top + look.px(60), inner.width, inner.height - look.px(60)),
                goal.text.get(lang),
                "large",
            )
        else:
            painter.text(
                inner,
                self.t("handover.hidden", name=seat.name),
                "large",
                align="center",
                valign="middle",
                colour=c["muted"],
            )
        self.draw_widgets(painter)
