"""pygame_gui's theme for a look: our theme file (assets/theme.json) with font sizes scaled to the window and
text size, font paths made absolute and the colour-blind-safe colours. The look itself (palette, fonts, scale,
caches) is the export layer's, shared with the printed report: `game.export.look`.
"""

from __future__ import annotations

import copy
import json
from functools import lru_cache

from game.export.look import (  # noqa: F401 - the screens' names for the shared look
    INDICATOR_COLOURS,
    LOOKS_KEPT,
    PALETTE,
    SIZES,
    font,
    hex_colour,
    per_look,
    use_look,
)
from game.export.look import Look as BaseLook
from game.paths import assets_dir


class Look(BaseLook):
    """The shared look, plus pygame_gui's theme for it."""

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
