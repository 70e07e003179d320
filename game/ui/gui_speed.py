"""One measured speed-up of pygame_gui (pinned to 0.6.x in pyproject.toml), applied when the UI starts.

pygame_gui 0.6 measures every piece of text by rendering it (`GUIFontPygame.get_rect`: "the only way to get
accurate layout data with kerning"), so each button's text is rendered twice or more when a screen is built.
SDL_ttf's own measurement (`Font.size`, TTF_SizeUTF8) includes kerning and gives the same width and height as
the rendered surface; `tests/test_ui_layout.py` checks that on every catalogue string. Opening the setup
screen took ~21 ms of its ~65 ms in these renders.
"""

from __future__ import annotations

import pygame
from pygame_gui.core.gui_font_pygame import GUIFontPygame

_PRIVATE_FONT = "_GUIFontPygame__internal_font"  # the pygame Font inside pygame_gui's wrapper


def _measured_rect(self: GUIFontPygame, text: str) -> pygame.Rect:
    """The rectangle pygame_gui's own get_rect gives, from SDL_ttf's size instead of a full render."""
    if text == "":
        return pygame.Rect(0, 0, 0, 0)
    font = getattr(self, _PRIVATE_FONT)
    return pygame.Rect((0, font.get_ascent()), font.size(text))


def install() -> bool:
    """Use the faster measurement; False (and pygame_gui untouched) when its internals are not as expected."""
    if getattr(GUIFontPygame, "_vc_fast", False):
        return True
    if _PRIVATE_FONT not in GUIFontPygame.__init__.__code__.co_names:
        return False  # another pygame_gui inside: keep its own measurement
    GUIFontPygame.get_rect = _measured_rect
    GUIFontPygame._vc_fast = True
    return True
