"""Two measured speed-ups of pygame_gui (pinned to 0.6.x in pyproject.toml), applied when the UI starts.

Text measurement: pygame_gui 0.6 measures every piece of text by rendering it (`GUIFontPygame.get_rect`: "the
only way to get accurate layout data with kerning"), so each button's text is rendered twice or more when a
screen is built.
SDL_ttf's own measurement (`Font.size`, TTF_SizeUTF8) includes kerning and gives the same width and height as
the rendered surface; `tests/test_ui_layout.py` checks that on every catalogue string. Opening the setup
screen took ~21 ms of its ~65 ms in these renders.

States drawn when first shown: every button has five looks (normal, hovered, selected, active, disabled), and
pygame_gui draws each of them ahead, one per widget per frame, after the widget is made (the disabled one
only when it is needed). A screen of 27 buttons spent ~4 ms of each of its next four frames on looks that
are mostly never shown (only the button under the mouse is hovered). pygame_gui draws a look that is not
ready when the widget switches to it (`DrawableShape.set_active_state`), so only the normal look is now drawn
ahead; the others are drawn on first use (~0.2 ms, when the mouse reaches the button).
"""

from __future__ import annotations

import pygame
from pygame_gui.core.drawable_shapes.drawable_shape import DrawableShape, DrawableShapeState
from pygame_gui.core.gui_font_pygame import GUIFontPygame

_PRIVATE_FONT = "_GUIFontPygame__internal_font"  # the pygame Font inside pygame_gui's wrapper


def _measured_rect(self: GUIFontPygame, text: str) -> pygame.Rect:
    """The rectangle pygame_gui's own get_rect gives, from SDL_ttf's size instead of a full render."""
    if text == "":
        return pygame.Rect(0, 0, 0, 0)
    font = getattr(self, _PRIVATE_FONT)
    return pygame.Rect((0, font.get_ascent()), font.size(text))


_STATE_INIT = DrawableShapeState.__init__


def _state_init(self: DrawableShapeState, state_id: str) -> None:
    _STATE_INIT(self, state_id)
    self.should_auto_pregen = state_id == "normal"  # the others: drawn when first shown


def install() -> bool:
    """Use the faster measurement and draw only the normal look ahead; False (and pygame_gui untouched) when
    its internals are not as expected."""
    if getattr(GUIFontPygame, "_vc_fast", False):
        return True
    if _PRIVATE_FONT not in GUIFontPygame.__init__.__code__.co_names:
        return False  # another pygame_gui inside: keep its own measurement
    if "generated" not in DrawableShape.set_active_state.__code__.co_names:
        return False  # a pygame_gui that does not draw a missing look on demand
    GUIFontPygame.get_rect = _measured_rect
    DrawableShapeState.__init__ = _state_init
    GUIFontPygame._vc_fast = True
    return True
