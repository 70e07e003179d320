"""Load a game: the saved games, newest first, with scenario, round, seats and time; pick one to play on.

A damaged save stays in the list with a short note; choosing it says what is wrong and, when its backup is
good, offers that backup. Nothing here ever changes a save file.
"""

from __future__ import annotations

import logging
from typing import Optional

import pygame

from game.saves import SaveError, SaveInfo, list_saves, load_save
from game.ui.draw import line_height
from game.ui.scene import Scene

log = logging.getLogger(__name__)
PER_PAGE = 6


class LoadScene(Scene):
    """The list of saved games."""

    name = "load"

    def __init__(self, app, message: str = "", backup: Optional[SaveInfo] = None) -> None:
        super().__init__(app)
        self.saves = list_saves()
        self.page = 0
        self.message = message
        self.backup = backup  # a good backup to offer after a damaged save

    def build(self) -> None:
        w, h = self.app.window.get_size()
        look = self.look
        m = look.px(60)
        top = look.px(40) + line_height(look, "heading") + look.px(20)
        bh = look.px(76)
        gap = look.px(12)
        shown = self.saves[self.page * PER_PAGE : (self.page + 1) * PER_PAGE]
        for i, info in enumerate(shown):
            rect = pygame.Rect(m, top + i * (bh + gap), w - 2 * m, bh)
            self.button(rect, self.row_text(info), lambda info=info: self.open(info), "@choice")
        row_y = h - look.px(40) - look.px(72)
        back = self.t("load.back")
        bw = self.fit(back, look.px(220))
        self.button(pygame.Rect(m, row_y, bw, look.px(72)), back, self.back)
        x = m + bw + look.px(16)
        if self.backup is not None:
            label = self.t("load.use_backup")
            width = self.fit(label, look.px(300), primary=True)
            self.button(pygame.Rect(x, row_y, width, look.px(72)), label, self.open_backup, "@primary")
            x += width + look.px(16)
        pages = max(1, -(-len(self.saves) // PER_PAGE))
        if pages > 1:
            pw = look.px(72)
            self.button(pygame.Rect(w - m - 2 * pw - look.px(12), row_y, pw, look.px(72)), "‹", lambda: self.turn(-1),
                        enabled=self.page > 0)
            self.button(pygame.Rect(w - m - pw, row_y, pw, look.px(72)), "›", lambda: self.turn(+1),
                        enabled=self.page < pages - 1)
        if self.focus_index < 0:
            self.focus_index = 0

    def row_text(self, info: SaveInfo) -> str:
        """'Samendam · ronde 3 van 5 · Anna, Bas, … · 22-11 21:40' (or what is wrong with it)."""
        if info.problem is not None:
            return self.t("load.damaged", name=info.path.name, time=info.saved_local)
        scenario = self.app.content.scenarios.get(info.scenario)
        name = scenario.name.get(self.app.settings.lang) if scenario else info.scenario
        seats = ", ".join(s.split(" (")[0] for s in info.seats)
        where = self.t("load.finished") if info.finished else self.t("load.round", round=info.round, rounds=info.rounds)
        return f"{name} · {where} · {seats} · {info.saved_local}"

    def turn(self, step: int) -> None:
        """Another page of saves."""
        self.page += step
        self.focus_index = 0
        self.rebuild()

    def open(self, info: SaveInfo) -> None:
        """Play on from this save, or say why that cannot be."""
        from game.ui.flow import resume_game

        try:
            loaded = load_save(info.path, self.app.content)
        except SaveError as exc:
            log.warning("save not loaded: %s", exc)
            self.message = exc.text(self.app.settings.lang)
            self.backup = exc.backup
            self.rebuild()
            self.app.dirty = True
            return
        resume_game(self.app, loaded)

    def open_backup(self) -> None:
        """Play on from the offered backup."""
        if self.backup is not None:
            self.open(self.backup)

    def back(self) -> None:
        from game.ui.scenes.menu import MenuScene

        self.app.goto(MenuScene(self.app))

    def draw(self, painter) -> None:
        w, h = self.app.window.get_size()
        look = self.look
        c = painter.c
        painter.surface.fill(c["bg"])
        m = look.px(60)
        painter.text(pygame.Rect(m, look.px(40), w - 2 * m, line_height(look, "heading")), self.t("load.title"),
                     "heading")
        if not self.saves:
            top = look.px(40) + line_height(look, "heading") + look.px(20)
            painter.text(pygame.Rect(m, top, w - 2 * m, look.px(200)), self.t("menu.no_saves"), "body")
        if self.message:
            box = pygame.Rect(m, h - look.px(130) - look.px(150), w - 2 * m, look.px(140))
            painter.panel(box, fill=c["highlight"])
            painter.text(box.inflate(-look.px(30), -look.px(20)), self.message, "body", colour=c["bad"],
                         min_kind="small")
        self.draw_widgets(painter)

    def autoplay(self) -> None:
        self.back()
