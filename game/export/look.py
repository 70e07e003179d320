"""Look and feel shared by the screens and the printed report: the palette (normal and colour-blind-safe),
fonts, the scale for any window size, and the caches of what is measured and drawn per look.

Sizes are designed for 1920x1080 at text size 100 % (body 26 px, nothing below 21 px) and scale with the
window's height and the chosen text size, so a beamer at 1080p shows body text of 26-39 px.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, update_wrapper
from typing import NamedTuple

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


def hex_colour(text: str) -> tuple:
    """'#rrggbb' as an RGB tuple (the content's colours are checked when it loads)."""
    return hex_rgb(text)


# ------------------------------------------------------------------------------------------ caches per look
# Every text scales with the window, so each window size (and text size) needs line breaks, rendered lines and
# icons of its own. A cache made with `per_look` keeps what the last LOOKS_KEPT looks used and drops the rest
# when the app moves to another look (`use_look`, which the app calls): memory stays flat however many sizes
# the window takes. Six: the settings offer three text sizes (the button goes round 100, 125, 150 %) and two
# palettes, six looks at one window size that someone trying them out comes back to - each change after the
# first of its kind finds its texts ready, as when these caches kept everything. A window dragged back or a
# full-screen switch and back are cheap too; the many sizes a dragged window edge passes through age out.
# `maxsize` bounds the entries of all those looks together, as lru_cache's did (the oldest look's go first), also
# for code that draws in many looks without telling (tests that make Looks of their own). Fonts: see FONTS_KEPT.
LOOKS_KEPT = 6


class CacheInfo(NamedTuple):
    """What a per-look cache holds: the current look's entries, those of the older looks kept (an entry two
    looks share counts in both), all of them (each entry once), and the bound."""

    now: int
    before: int
    currsize: int
    maxsize: int


class _PerLook:
    """The entries of one cache for each look kept, the current look's first."""

    __slots__ = ("now", "looks", "maxsize")

    def __init__(self, maxsize: int) -> None:
        self.now: dict = {}
        self.looks: list[dict] = [self.now]
        self.maxsize = maxsize

    def fetch(self, key, make: Callable, args: tuple, kwargs: dict):
        """A miss in the current look: an older look's entry (shared, not made again) or a new one."""
        for entries in self.looks[1:]:
            value = entries.get(key, _MISSING)
            if value is not _MISSING:
                break
        else:
            value = make(*args, **kwargs)
        if sum(map(len, self.looks)) >= self.maxsize:  # the oldest entry of the oldest look goes
            oldest = next(entries for entries in reversed(self.looks) if entries)
            del oldest[next(iter(oldest))]
        self.now[key] = value
        return value

    def next_look(self, kept: int | None) -> None:
        """The app moved to another look: the one kept at `kept` (1 is the previous look), or a new one (the
        oldest look kept goes, except the entries a newer look used too)."""
        looks = self.looks  # (shorter than `_looks` when the cache was made or cleared later: those are empty)
        self.now = looks.pop(kept) if kept is not None and kept < len(looks) else {}
        looks.insert(0, self.now)
        del looks[LOOKS_KEPT:]

    def clear(self) -> None:
        """Drop every entry."""
        self.now = {}
        self.looks = [self.now]

    def info(self) -> CacheInfo:
        """How much it holds."""
        before = sum(len(entries) for entries in self.looks[1:])
        every = set().union(*(entries.keys() for entries in self.looks))
        return CacheInfo(len(self.now), before, len(every), self.maxsize)


_MISSING = object()
_KWARGS = object()  # separates the positional arguments from the keyword ones in a key
_PER_LOOK: list[_PerLook] = []  # every cache made with per_look
_looks: list = []  # the keys of the looks kept, the current one first


def per_look(maxsize: int) -> Callable:
    """Like `functools.lru_cache(maxsize)`, for results that belong to a look: the cache keeps the entries the
    last LOOKS_KEPT looks used, at most `maxsize` in all (see above). The function gets `cache_clear()` and
    `cache_info()` (a `CacheInfo`)."""

    def decorate(fn: Callable) -> Callable:
        cache = _PerLook(maxsize)
        _PER_LOOK.append(cache)

        def cached(*args, **kwargs):
            key = (*args, _KWARGS, *kwargs.items()) if kwargs else args
            try:
                return cache.now[key]
            except KeyError:
                return cache.fetch(key, fn, args, kwargs)

        cached.cache_clear = cache.clear
        cached.cache_info = cache.info
        return update_wrapper(cached, fn)

    return decorate


def use_look(look: Look) -> bool:
    """The app shows `look` from now on (a window size, text size and palette): every per-look cache keeps the
    entries of this look and of the LOOKS_KEPT - 1 looks before it. True when it is another look than the
    current one."""
    key = look.key
    if _looks and _looks[0] == key:
        return False
    kept = _looks.index(key) if key in _looks else None
    if kept is not None:
        del _looks[kept]
    _looks.insert(0, key)
    del _looks[LOOKS_KEPT:]
    for cache in _PER_LOOK:
        cache.next_look(kept)
    return True


def clear_caches() -> None:
    """Empty every per-look cache (line breaks, rendered lines, icons, scroll-text layouts) and the fonts."""
    for cache in _PER_LOOK:
        cache.clear()
    _font.cache_clear()


def font(px: int, bold: bool = False) -> pygame.font.Font:
    """The bundled font at a pixel size: one object per size and face (the text caches in draw.py are keyed by
    these objects)."""
    return _font(max(8, px), bool(bold))


# Fonts are kept by size (a fixed bound), not per look: window sizes share their text sizes (whole pixels), and
# a font made anew has to load its glyphs again - with the fonts of two looks kept, measuring text took twice
# as long after a resize to a new size. One look uses 12-15 fonts; all window sizes from 800x600 to 3840x2160
# together ~95 (bench/resize_memory.py); a font is ~50 KB, ~250 KB with the glyphs it has cached. So at most
# FONTS_KEPT (~30 MB), least recently used out first; the per-look caches above keep a font alive only as long
# as they keep its look.
FONTS_KEPT = 128


@lru_cache(maxsize=FONTS_KEPT)
def _font(px: int, bold: bool) -> pygame.font.Font:
    name = "AtkinsonHyperlegibleNext_700Bold.ttf" if bold else "AtkinsonHyperlegibleNext_400Regular.ttf"
    return pygame.font.Font(str(assets_dir() / "fonts" / name), px)


font.cache_clear, font.cache_info = _font.cache_clear, _font.cache_info  # as before: theme.font.cache_info()


@dataclass
class Look:
    """The scale and colours for the current window and settings."""

    width: int
    height: int
    text_size: int = 100
    colourblind: bool = False

    @property
    def key(self) -> tuple:
        """What the look's fonts, sizes and colours depend on (`use_look` tells the caches by it)."""
        return (self.width, self.height, self.text_size, self.colourblind)

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
