"""The debrief (first version): the outcome, the indicators from start to end, every private goal revealed."""

from __future__ import annotations

import pygame

from game.content.models import INDICATORS
from game.engine import outcome
from game.engine.words import INDICATOR_NAMES
from game.ui.scene import Scene


class DebriefScene(Scene):
    """Where the conversation starts."""

    name = "debrief"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.shown = 0.0

    def build(self) -> None:
        w, h = self.app.window.get_size()
        look = self.look
        bw, bh = look.px(360), look.px(72)
        y = h - look.px(40) - bh
        self.button(pygame.Rect(look.px(40), y, bw, bh), self.t("debrief.menu"), self._menu)
        self.button(pygame.Rect(look.px(60) + bw, y, bw, bh), self.t("debrief.new_game"), self._new, "@primary")
        self.button(pygame.Rect(w - look.px(40) - bw, y, bw, bh), self.t("menu.quit"), self.app.quit)
        self.focus_index = 1

    def _menu(self) -> None:
        from game.ui.scenes.menu import MenuScene

        self.app.session = None
        self.app.goto(MenuScene(self.app))

    def _new(self) -> None:
        from game.ui.scenes.setup import SetupScene

        self.app.session = None
        self.app.goto(SetupScene(self.app))

    def back(self) -> None:
        self._menu()

    def update(self, dt: float) -> bool:
        super().update(dt)
        self.shown += dt
        if self.app.options.quit_after_debrief and self.shown > 0.2:
            self.app.quit(0)
        return False

    def shot_name(self) -> str:
        return "debrief"

    def draw(self, painter) -> None:
        w, h = self.app.window.get_size()
        look = self.look
        c = painter.c
        lang = self.app.settings.lang
        state = self.app.session.state
        content = state.book.content
        result = outcome(state)
        painter.surface.fill(c["bg"])
        title = self.t(f"debrief.result_{result.result}")
        painter.text(pygame.Rect(look.px(40), look.px(24), w - look.px(80), look.px(70)), title, "title", bold=True,
                     colour=c["good"] if result.result == "realised" else (c["warn"] if result.result == "partly" else c["bad"]))
        sub = self.t("debrief.progress", pct=f"{result.progress:.0f}", challenge=content.challenges[state.book.setup.challenge].name.get(lang),
                     scenario=content.scenarios[state.book.setup.scenario].name.get(lang))
        painter.text(pygame.Rect(look.px(40), look.px(100), w - look.px(80), look.px(50)), sub, "large")
        m = look.px(40)
        left = pygame.Rect(m, look.px(170), int(w * 0.40), h - look.px(300))
        right = pygame.Rect(left.right + m, look.px(170), w - left.right - 2 * m, h - look.px(300))
        painter.panel(left)
        inner = left.inflate(-look.px(36), -look.px(30))
        painter.text(pygame.Rect(inner.left, inner.top, inner.width, look.px(44)), self.t("debrief.indicators"), "large", bold=True)
        first = state.history[0][0]
        y = inner.top + look.px(56)
        row = (inner.bottom - y) // len(INDICATORS)
        colours = self.look.indicator_colours
        for i, name in enumerate(INDICATORS):
            label = f"{INDICATOR_NAMES[name][lang].capitalize()}: {self.t('common.from_to', a=first[i], b=state.ind[i])}"
            painter.text(pygame.Rect(inner.left, y, inner.width, look.px(36)), label, "body")
            bar_y = y + look.px(38)
            painter.bar(pygame.Rect(inner.left, bar_y, inner.width, look.px(12)), first[i] / 100, c["panel_edge"])
            painter.bar(pygame.Rect(inner.left, bar_y + look.px(16), inner.width, look.px(16)), state.ind[i] / 100, colours[name])
            y += row
        painter.panel(right)
        inner = right.inflate(-look.px(36), -look.px(30))
        painter.text(pygame.Rect(inner.left, inner.top, inner.width, look.px(44)), self.t("debrief.goals"), "large", bold=True)
        y = inner.top + look.px(56)
        row = (inner.bottom - y) // max(1, len(state.seats))
        for i, seat in enumerate(state.seats):
            goal = state.book.goal(seat.role, seat.goal)
            met = result.goals_met[i]
            role = content.roles[seat.role].name.get(lang)
            mark = self.t("debrief.met") if met else self.t("debrief.not_met")
            painter.text(pygame.Rect(inner.left, y, inner.width, look.px(36)), f"{seat.name} ({role}) — {mark}", "body", bold=True,
                         colour=c["good"] if met else c["bad"])
            painter.text(pygame.Rect(inner.left, y + look.px(36), inner.width, row - look.px(40)), goal.text.get(lang), "small")
            y += row
        self.draw_widgets(painter)
