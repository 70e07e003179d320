"""The main menu: new game, continue, load, compare tables, settings, how to play, content check, quit."""

from __future__ import annotations

import pygame

from game.export.draw import line_height
from game.ui.scene import Scene


class MenuScene(Scene):
    """The first screen."""

    name = "menu"

    def build(self) -> None:
        w, h = self.app.window.get_size()
        look = self.look
        bw, bh = look.px(560), look.px(70)
        gap = look.px(12)
        x = w // 2 + look.px(40)
        y = look.px(300)
        t = self.t
        from game.saves import has_saves

        can = has_saves()  # one look in the folder, however many saves there are
        items = [
            (t("menu.new_game"), self._new_game, "@primary", True, None),
            (t("menu.continue"), self._continue, None, can, None if can else t("menu.no_saves")),
            (t("menu.load"), self._load, None, True, None),  # also the way to earlier debriefs
            (t("menu.compare"), self._compare, None, True, None),
            (t("menu.settings"), lambda: self._open("settings", "SettingsScene"), None, True, None),
            (t("menu.howto"), lambda: self._open("howto", "HowToScene"), None, True, None),
            (t("menu.content_check"), lambda: self._open("content_check", "ContentCheckScene"), None, True, None),
            (t("menu.quit"), self.app.quit, None, True, None),
        ]
        for text, callback, object_id, enabled, tip in items:
            self.button(pygame.Rect(x, y, bw, bh), text, callback, object_id, tooltip=tip, enabled=enabled)
            y += bh + gap
        self.focus_index = 0

    def _new_game(self) -> None:
        from game.ui.scenes.setup import SetupScene

        self.app.goto(SetupScene(self.app))

    def _continue(self) -> None:
        """Play on from the newest save; when it cannot be loaded, the load list says why."""
        from game.saves import SaveError, latest_save, load_save
        from game.ui.flow import resume_game
        from game.ui.scenes.load import LoadScene

        path = latest_save()
        if path is None:
            return
        try:
            loaded = load_save(path, self.app.content)
        except SaveError as exc:
            self.app.goto(LoadScene(self.app, exc.text(self.app.settings.lang), exc.backup))
            return
        resume_game(self.app, loaded)

    def _load(self) -> None:
        from game.ui.scenes.load import LoadScene

        self.app.goto(LoadScene(self.app))

    def _compare(self) -> None:
        from game.ui.scenes.compare import CompareScene

        self.app.goto(CompareScene(self.app))

    def _open(self, module: str, cls: str) -> None:
        import importlib

        scene = getattr(importlib.import_module(f"game.ui.scenes.{module}"), cls)
        self.app.push(scene(self.app))

    def back(self) -> None:
        self.app.quit()

    def draw(self, painter) -> None:
        w, h = self.app.window.get_size()
        look = self.look
        c = painter.c
        painter.surface.fill(c["bg"])
        left = pygame.Rect(look.px(80), look.px(90), w // 2 - look.px(120), look.px(200))
        title = painter.text(left, "Vitale Coalities", "title", bold=True)
        # the tagline under the title as large as it came out, above the buttons (which start at px 300)
        top = title.bottom + look.px(4)
        sub = pygame.Rect(look.px(80), top, w - look.px(160), max(line_height(look, "large"), look.px(290) - top))
        painter.text(sub, self.t("menu.tagline"), "large", colour=c["muted"])
        # the four roles around a table, and the three futures
        centre = (w // 4 + look.px(20), h // 2 + look.px(120))
        radius = look.px(170)
        pygame.draw.circle(painter.surface, c["panel"], centre, radius + look.px(60))
        pygame.draw.circle(painter.surface, c["panel_edge"], centre, radius + look.px(60), look.px(3))
        import math

        for i, role in enumerate(self.app.content.table_roles(4)):
            angle = math.pi * (0.5 * i - 0.25)
            pos = (int(centre[0] + radius * math.cos(angle)), int(centre[1] + radius * math.sin(angle)))
            size = look.px(110)
            painter.role_icon(self.app.content, role, pygame.Rect(pos[0] - size // 2, pos[1] - size // 2, size, size))
        size = look.px(120)
        painter.icon("app", pygame.Rect(centre[0] - size // 2, centre[1] - size // 2, size, size))
        foot = pygame.Rect(look.px(80), h - look.px(70), w - look.px(160), look.px(50))
        hint = self.t("menu.keys")
        if self.app.notice:
            hint = self.t(f"notice.{self.app.notice}") + "  " + hint
        if self.app._content is not None:  # a pack's skipped files first (its problems: Inhoud controleren)
            from game.ui.packs import skipped_text

            skipped = skipped_text(self.app.pack, self.app.content_problems, self.t)
            if skipped:
                hint = f"{skipped} {self.t('menu.see_check')}  {hint}"
        painter.text(foot, hint, "small", colour=c["muted"])
        self.draw_widgets(painter)

    def autoplay(self) -> None:
        from game.ui.scenes.setup import SetupScene

        self.app.goto(SetupScene(self.app))
