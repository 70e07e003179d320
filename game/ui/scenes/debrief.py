"""The debrief (first version): the outcome, the indicators from start to end, every private goal revealed."""

from __future__ import annotations

import pygame

from game.content.models import INDICATORS
from game.engine import outcome
from game.engine.words import INDICATOR_NAMES
from game.ui.draw import line_height
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
        painter.text(pygame.Rect(look.px(40), look.px(16), w - look.px(80), line_height(look, "title")), title, "title", bold=True,
                     colour=c["good"] if result.result == "realised" else (c["warn"] if result.result == "partly" else c["bad"]))
        sub = self.t("debrief.progress", pct=f"{result.progress:.0f}", challenge=content.challenges[state.book.setup.challenge].name.get(lang),
                     scenario=content.scenarios[state.book.setup.scenario].name.get(lang))
        sub_y = look.px(16) + line_height(look, "title")
        painter.text(pygame.Rect(look.px(40), sub_y, w - look.px(80), line_height(look, "large")), sub, "large")
        m = look.px(40)
        top = sub_y + line_height(look, "large") + look.px(16)
        bottom = h - look.px(130)
        left = pygame.Rect(m, top, int(w * 0.40), bottom - top)
        right = pygame.Rect(left.right + m, top, w - left.right - 2 * m, bottom - top)
        painter.panel(left)
        inner = left.inflate(-look.px(36), -look.px(30))
        large = line_height(look, "large", True)
        body = line_height(look, "body")
        painter.text(pygame.Rect(inner.left, inner.top, inner.width, large), self.t("debrief.indicators"), "large", bold=True)
        first = state.history[0][0]
        y = inner.top + large + look.px(10)
        row = (inner.bottom - y) // len(INDICATORS)
        colours = self.look.indicator_colours
        for i, name in enumerate(INDICATORS):
            label = f"{INDICATOR_NAMES[name][lang].capitalize()}: {self.t('common.from_to', a=first[i], b=state.ind[i])}"
            painter.text(pygame.Rect(inner.left, y, inner.width, body), label, "body")
            bar_y = y + body + look.px(2)
            painter.bar(pygame.Rect(inner.left, bar_y, inner.width, look.px(12)), first[i] / 100, c["panel_edge"])
            painter.bar(pygame.Rect(inner.left, bar_y + look.px(16), inner.width, look.px(16)), state.ind[i] / 100, colours[name])
            y += row
        painter.panel(right)
        inner = right.inflate(-look.px(36), -look.px(30))
        painter.text(pygame.Rect(inner.left, inner.top, inner.width, large), self.t("debrief.goals"), "large", bold=True)
        y = inner.top + large + look.px(10)
        body_b = line_height(look, "body", True)
        row = (inner.bottom - y) // max(1, len(state.seats))
        for i, seat in enumerate(state.seats):
            goal = state.book.goal(seat.role, seat.goal)
            met = result.goals_met[i]
            role = content.roles[seat.role].name.get(lang)
            mark = self.t("debrief.met") if met else self.t("debrief.not_met")
            painter.text(pygame.Rect(inner.left, y, inner.width, body_b), f"{seat.name} ({role}) — {mark}", "body", bold=True,
                         colour=c["good"] if met else c["bad"])
            painter.text(pygame.Rect(inner.left, y + body_b, inner.width, row - body_b - look.px(4)), goal.text.get(lang), "small", min_kind="tiny")
            y += row
        self.draw_widgets(painter)
