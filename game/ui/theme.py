"""Look and feel: the palette (normal and colour-blind-safe), fonts, and the scale for any window size.

Sizes are designed for 1920x1080 at text size 100 % (body 26 px, nothing below 21 px) and scale with the
window's height and the chosen text size, so a beamer at 1080p shows body text of 26-39 px.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from functools import lru_cache

import pygame

from game.colours import hex_rgb
from game.paths import assets_dir

BASE_HEIGHT = 1080
SIZES = {
    "title": 60,
    "heading": 40,
    "large": 32,
    "body": 26,
    "small": 22,
    "tiny": 18,
}  # tiny: only as a last resort when space runs out

# A warm board-game table: light paper background, dark ink, calm accents.
PALETTE = {
    "bg": (246, 241, 231),
    "panel": (255, 253, 248),
    "panel_edge": (194, 184, 168),
    "ink": (43, 38, 34),
    "muted": (98, 90, 80),
    "accent": (27, 127, 107),
    "good": (27, 127, 107),
    "bad": (180, 60, 40),
    "warn": (181, 101, 29),
    "focus": (47, 85, 151),
    "highlight": (255, 236, 179),
    "bar_bg": (230, 220, 203),
    "dim": (30, 26, 22),
}
# Okabe-Ito based: distinguishable with every common form of colour blindness.
PALETTE_CB = dict(PALETTE, good=(0, 114, 178), bad=(213, 94, 0), warn=(230, 159, 0), accent=(0, 114, 178))

INDICATOR_COLOURS = {
    "wellbeing": (27, 127, 107),
    "participation": (47, 85, 151),
    "equality": (107, 76, 154),
    "trust_gov": (181, 101, 29),
    "finances": (90, 90, 90),
}
INDICATOR_COLOURS_CB = {
    "wellbeing": (0, 158, 115),
    "participation": (0, 114, 178),
    "equality": (204, 121, 167),
    "trust_gov": (230, 159, 0),
    "finances": (86, 86, 86),
}
CATEGORY_COLOURS = {
    "demography": (107, 76, 154),
    "technology": (47, 85, 151),
    "economy": (181, 101, 29),
    "society": (27, 127, 107),
    "governance": (120, 70, 60),
    "environment": (70, 120, 50),
}
CATEGORY_COLOURS_CB = {
    "demography": (204, 121, 167),
    "technology": (0, 114, 178),
    "economy": (230, 159, 0),
    "society": (0, 158, 115),
    "governance": (86, 86, 86),
    "environment": (86, 180, 233),
}
ROLE_COLOURS = {
    "wethouder": (107, 76, 154),
    "inwoner": (27, 127, 107),
    "bedrijf": (181, 101, 29),
    "professional": (47, 85, 151),
}


def hex_colour(text: str) -> tuple:
    """'#rrggbb' as an RGB tuple (the content's colours are checked when it loads)."""
    return hex_rgb(text)


@lru_cache(maxsize=64)
def font(px: int, bold: bool = False) -> pygame.font.Font:
    """The bundled font at a pixel size."""
    name = "AtkinsonHyperlegibleNext_700Bold.ttf" if bold else "AtkinsonHyperlegibleNext_400Regular.ttf"
    return pygame.font.Font(str(assets_dir() / "fonts" / name), max(8, px))


@dataclass
class Look:
    """The scale and colours for the current window and settings."""

    width: int
    height: int
    text_size: int = 100
    colourblind: bool = False

    @property
    def scale(self) -> float:
        """Layout scale relative to 1080p (widths follow the height, so 4:3 and 16:9 both work)."""
        return min(self.height / BASE_HEIGHT, self.width / 1600)

    @property
    def text_scale(self) -> float:
        """Text scale: layout scale times the chosen text size."""
        return self.scale * self.text_size / 100

    def px(self, value: float) -> int:
        """A layout length designed for 1080p, at this window."""
        return max(1, int(round(value * self.scale)))

    def size(self, kind: str) -> int:
        """A text size by kind (title, heading, large, body, small) in pixels."""
        return max(12, int(round(SIZES[kind] * self.text_scale)))

    def font(self, kind: str, bold: bool = False) -> pygame.font.Font:
        """The font for a kind of text."""
        return font(self.size(kind), bold or kind in ("title", "heading"))

    @property
    def colours(self) -> dict:
        """The palette."""
        return PALETTE_CB if self.colourblind else PALETTE

    @property
    def indicator_colours(self) -> dict:
        """A colour per indicator."""
        return INDICATOR_COLOURS_CB if self.colourblind else INDICATOR_COLOURS

    @property
    def category_colours(self) -> dict:
        """A colour per trend category."""
        return CATEGORY_COLOURS_CB if self.colourblind else CATEGORY_COLOURS

    def gui_theme(self) -> dict:
        """pygame_gui's theme (assets/theme.json) with font sizes scaled and font paths made absolute."""
        data = copy.deepcopy(_base_theme())
        folder = assets_dir()
        for element in GUI_ELEMENTS:  # pygame_gui has no global default font: give every element ours
            data.setdefault(element, {}).setdefault("font", dict(data["defaults"]["font"]))
        default_font = dict(data["defaults"]["font"])
        for block in data.values():
            spec = block.get("font")
            if not spec:
                continue
            spec["size"] = str(max(12, int(round(int(spec["size"]) * self.text_scale))))
            for key in ("regular_path", "bold_path", "italic_path", "bold_italic_path"):
                spec[key] = str(folder / spec.get(key, default_font[key]))
            # the same font for both languages (pygame_gui looks fonts up per locale)
            block["font"] = [dict(spec, locale=code) for code in ("nl", "en")]
        if self.colourblind:
            for key in ("@primary", "@tab_selected"):
                data[key]["colours"].update(
                    {
                        "normal_bg": "#0072b2",
                        "hovered_bg": "#005a8c",
                        "active_bg": "#004a73",
                        "normal_border": "#004a73",
                    }
                )
            data["defaults"]["colours"]["filled_bar"] = "#0072b2"
        return data


GUI_ELEMENTS = (
    "button",
    "label",
    "text_box",
    "text_entry_line",
    "text_entry_box",
    "drop_down_menu",
    "tool_tip",
    "selection_list",
    "horizontal_slider",
    "window",
    "panel",
    "scrolling_container",
    "tab_container",
)


@lru_cache(maxsize=1)
def _base_theme() -> dict:
    return json.loads((assets_dir() / "theme.json").read_text(encoding="utf-8"))
