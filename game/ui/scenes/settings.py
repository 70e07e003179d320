"""Settings: language, full screen, text size, colour-blind-safe palette, sound, first-round hints, animations.

An overlay over the screen it was opened from. Every row is one button that shows the current value and
changes it on a click or Enter; the change takes effect at once (the whole stack is rebuilt in the new
language, size or palette) and is saved.
"""

from __future__ import annotations

import pygame

from game.export.draw import wrap
from game.ui.scene import Overlay
from game.ui.settings import TEXT_SIZES
from game.ui.theme import font


class SettingsScene(Overlay):
    """The settings, as a panel over the screen below."""

    name = "settings"
    modal = True

    def __init__(self, app) -> None:
        super().__init__(app)
        self.focus_index = 0  # the first row has the keyboard focus from the start
        self.rows: list = []  # (label, help, button) per row, in order
        self.panel_rect = pygame.Rect(0, 0, 0, 0)

    # ----------------------------------------------------------------- the rows
    def _spec(self) -> list:
        """(id, label, help, value text, primary?, change) for every row."""
        s = self.app.settings
        t = self.t

        def on_off(value: bool) -> str:
            return t("settings.on") if value else t("settings.off")

        return [
            (
                "language",
                t("settings.language"),
                t("settings.language_help"),
                t("settings.lang_nl") if s.lang == "nl" else t("settings.lang_en"),
                False,
                self._toggle_lang,
            ),
            (
                "display",
                t("settings.display"),
                t("settings.display_help"),
                t("settings.fullscreen") if s.fullscreen else t("settings.window"),
                False,
                self._toggle_fullscreen,
            ),
            (
                "text_size",
                t("settings.text_size"),
                t("settings.text_size_help"),
                t("settings.percent", n=s.text_size),
                False,
                self._next_text_size,
            ),
            (
                "colourblind",
                t("settings.colourblind"),
                t("settings.colourblind_help"),
                on_off(s.colourblind),
                s.colourblind,
                lambda: self._flip("colourblind"),
            ),
            (
                "sound",
                t("settings.sound"),
                t("settings.sound_help"),
                on_off(s.sound),
                s.sound,
                lambda: self._flip("sound"),
            ),
            (
                "hints",
                t("settings.hints"),
                t("settings.hints_help"),
                on_off(s.hints),
                s.hints,
                lambda: self._flip("hints"),
            ),
            (
                "animations",
                t("settings.animations"),
                t("settings.animations_help"),
                on_off(s.animations),
                s.animations,
                lambda: self._flip("animations"),
            ),
        ]

    def _values_possible(self) -> list[str]:
        """Every text a value button can show (the buttons are made wide enough for the longest)."""
        t = self.t
        return [
            t("settings.lang_nl"),
            t("settings.lang_en"),
            t("settings.fullscreen"),
            t("settings.window"),
            *(t("settings.percent", n=n) for n in TEXT_SIZES),
            t("settings.on"),
            t("settings.off"),
            t("settings.close"),
        ]

    # ----------------------------------------------------------------- layout
    def build(self) -> None:
        w, h = self.app.window.get_size()
        look = self.look
        body = font(look.size("body"))
        bold = font(look.size("body"), True)
        heading = font(look.size("heading"), True)
        small = font(look.size("small"))
        spec = self._spec()

        pad = look.px(40)
        gap = look.px(12)
        row_h = max(look.px(62), int(body.get_linesize() * 1.45))
        label_w = max(bold.size(label)[0] for _, label, *_ in spec) + look.px(16)  # bold when focused
        value_w = max(look.px(300), max(bold.size(v)[0] for v in self._values_possible()) + look.px(72))
        max_w = w - 2 * look.px(30)
        panel_w = min(max_w, max(look.px(900), 2 * pad + label_w + look.px(30) + value_w))
        label_w = panel_w - 2 * pad - look.px(30) - value_w

        title_h = heading.get_linesize() + look.px(6)
        close_h = max(look.px(68), int(body.get_linesize() * 1.5))
        inner_w = panel_w - 2 * pad
        helps = [row[2] for row in spec] + [f"{self.t('settings.close_help')} {self.t('settings.note')}"]
        help_h = max(len(wrap(x, small, inner_w)) for x in helps) * small.get_linesize() + look.px(10)
        note_h = len(wrap(self.t("settings.note"), small, inner_w)) * small.get_linesize() + look.px(14)
        # the keys hint sits beside Close when it fits there, else on a line of its own below
        beside_w = inner_w - value_w - look.px(24)
        self.keys_beside = len(wrap(self.t("settings.keys"), small, max(1, beside_w))) * small.get_linesize() <= close_h
        keys_h = (
            0 if self.keys_beside else len(wrap(self.t("settings.keys"), small, inner_w)) * small.get_linesize() + gap
        )
        panel_h = pad + title_h + len(spec) * (row_h + gap) + look.px(10) + close_h + pad
        room = h - 2 * look.px(16)
        # the extras, most useful first, while they fit: the focused row's help, the keys, the note
        self.show_help = panel_h + help_h + gap <= room
        panel_h += (help_h + gap) if self.show_help else 0
        self.show_keys = self.keys_beside or panel_h + keys_h <= room
        panel_h += 0 if self.keys_beside or not self.show_keys else keys_h
        self.show_note = panel_h + note_h <= room
        panel_h += note_h if self.show_note else 0
        if not self.show_note:
            note_h = 0
        panel_h = min(panel_h, h - 2 * look.px(10))
        self.panel_rect = pygame.Rect((w - panel_w) // 2, (h - panel_h) // 2, panel_w, panel_h)
        p = self.panel_rect

        y = p.top + pad
        self.title_rect = pygame.Rect(p.left + pad, y, p.width - 2 * pad, title_h)
        y += title_h
        self.note_rect = pygame.Rect(p.left + pad, y, p.width - 2 * pad, note_h)
        y += note_h
        self.rows = []
        bx = p.right - pad - value_w
        for index, (row_id, label, help_text, value, primary, change) in enumerate(spec):
            rect = pygame.Rect(bx, y, value_w, row_h)
            btn = self.button(
                rect, value, lambda i=index, f=change: self._change(i, f), "@primary" if primary else None
            )
            label_rect = pygame.Rect(p.left + pad, y, label_w, row_h)
            band = pygame.Rect(p.left + pad - look.px(14), y - gap // 2, p.width - 2 * pad + look.px(28), row_h + gap)
            self.rows.append((row_id, label, help_text, btn, label_rect, band))
            y += row_h + gap
        y += look.px(10)
        self.help_rect = pygame.Rect(p.left + pad, y, p.width - 2 * pad, help_h)
        if self.show_help:
            y += help_h + gap
        close_w = value_w
        self.close_btn = self.button(
            pygame.Rect(p.right - pad - close_w, y, close_w, close_h), self.t("settings.close"), self.back
        )
        if self.keys_beside:
            self.keys_rect = pygame.Rect(p.left + pad, y, p.width - 2 * pad - close_w - look.px(24), close_h)
        else:
            self.keys_rect = pygame.Rect(p.left + pad, y + close_h + gap, p.width - 2 * pad, keys_h - gap)

    # ----------------------------------------------------------------- changes
    def _change(self, index: int, change) -> None:
        self.focus_index = index  # a click moves the keyboard focus to the row, so its help shows
        change()

    def _toggle_lang(self) -> None:
        self.app.settings.lang = "en" if self.app.settings.lang == "nl" else "nl"
        self.app.apply_settings()

    def _toggle_fullscreen(self) -> None:
        self.app.toggle_fullscreen()

    def _next_text_size(self) -> None:
        self.app.next_text_size()

    def _flip(self, field: str) -> None:
        setattr(self.app.settings, field, not getattr(self.app.settings, field))
        self.app.apply_settings()

    # ----------------------------------------------------------------- drawing
    def draw(self, painter) -> None:
        look = self.look
        c = painter.c
        p = self.panel_rect
        shadow = p.move(look.px(8), look.px(10))
        pygame.draw.rect(painter.surface, c["dim"], shadow, border_radius=look.px(18))
        painter.panel(p, radius=18, width=3)
        painter.text(self.title_rect, self.t("settings.title"), "heading")
        if self.show_note:
            painter.text(self.note_rect, self.t("settings.note"), "small", colour=c["muted"])
        focused = self.focus[self.focus_index] if 0 <= self.focus_index < len(self.focus) else None
        help_text = self.t("settings.close_help") if focused is self.close_btn else ""
        if help_text and not self.show_note:  # no room for the note under the title: it goes with Close's help
            help_text = f"{help_text} {self.t('settings.note')}"
        for _row_id, label, row_help, btn, label_rect, band in self.rows:
            if btn is focused:
                pygame.draw.rect(painter.surface, c["highlight"], band, border_radius=look.px(10))
                help_text = row_help
            painter.text(label_rect, label, "body", bold=btn is focused, valign="middle")
        if self.show_help and help_text:
            painter.text(self.help_rect, help_text, "small", colour=c["muted"])
        if self.show_keys:
            painter.text(self.keys_rect, self.t("settings.keys"), "small", colour=c["muted"], valign="middle")
        self.draw_widgets(painter)
