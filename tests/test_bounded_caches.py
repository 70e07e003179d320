"""Memory does not grow with every window size: the caches that depend on the window's size (fonts, line
breaks, rendered lines, icons, pygame_gui's fonts and shadows) stay bounded however many sizes the window takes,
and a size whose fonts were dropped comes back as it was. Counts only: the memory figures are in
bench/resize_memory.py."""

from __future__ import annotations

import gc
import random
import warnings

import pygame
import pytest

from game.export import draw
from game.export import look as shared_look
from game.ui import app as app_module
from game.ui import scrolltext
from game.ui.theme import LOOKS_KEPT, Look, per_look, use_look
from tests.screens import open_screen
from tests.ui_driver import new_app

SIZES = 60
FIRST = (1600, 900)
GUI_FONTS_KEPT = 16  # a small bound for the test, so that 60 sizes must drop pygame_gui's fonts
PER_LOOK = {"wrapped": draw._wrapped, "rendered": draw._rendered, "icons": draw.load_icon}


def _sizes(n: int, seed: int = 3) -> list:
    """n different window sizes from 800x600 to 3840x2160 (never FIRST)."""
    rng, sizes = random.Random(seed), []
    while len(sizes) < n:
        size = (rng.randint(800, 3840), rng.randint(600, 2160))
        if size not in sizes and size != FIRST:
            sizes.append(size)
    return sizes


def _resize(app, size) -> None:
    w, h = size
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=size, w=w, h=h))
    app.step(0.05)
    assert app.window.get_size() == size


def _frame(app) -> list:
    return sorted((r.text, tuple(r.rect), r.px) for r in app.frame_records)


def _our_gui_fonts(app) -> list:
    return [font_id for font_id in app.theme.get_font_dictionary().loaded_fonts if font_id.startswith("atkinson_")]


@pytest.fixture(scope="module")
def walked():
    """An app on the table screen at FIRST that then took SIZES other window sizes; what it held on the way."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(app_module, "GUI_FONTS_KEPT", GUI_FONTS_KEPT)
        shared_look.clear_caches()
        app = new_app(size=FIRST)
        open_screen(app, "table")
        app.step(0.05)
        first = {
            "frame": _frame(app),
            "held": {name: fn.cache_info().currsize for name, fn in PER_LOOK.items()},
            "shadows": len(app.theme.get_shadow_generator().short_term_rect_cache),
        }
        too_many = []  # sizes after which pygame_gui held more of our fonts than the bound or the looks kept need
        for size in _sizes(SIZES):
            _resize(app, size)
            if len(_our_gui_fonts(app)) > max(GUI_FONTS_KEPT, len(set().union(*app.gui_look_fonts))):
                too_many.append((size, len(_our_gui_fonts(app))))
        yield app, first, too_many


def test_the_text_caches_keep_the_last_looks(walked):
    """Line breaks, rendered lines and icons of the last LOOKS_KEPT window sizes only: after 60 sizes about
    LOOKS_KEPT times what the table needs at one size (two looks more, as it needs more lines at some sizes
    than at others), where a cache for every size would hold ~60 times that."""
    app, first, _ = walked
    for name, fn in PER_LOOK.items():
        one_look = first["held"][name]
        assert one_look > 0, name
        # two looks more than kept: at some sizes the table shows more lines than at FIRST (the panel of the
        # future's other parties lists what fits); a cache for every size would hold ~SIZES times one look
        assert fn.cache_info().currsize <= (LOOKS_KEPT + 2) * one_look, (name, fn.cache_info(), one_look)
    assert scrolltext.layout.cache_info().currsize <= LOOKS_KEPT * scrolltext.layout.cache_info().maxsize


def test_fonts_are_bounded(walked):
    app, _, too_many = walked
    assert shared_look.font.cache_info().currsize <= shared_look.FONTS_KEPT
    # pygame_gui's font dictionary: at most GUI_FONTS_KEPT of our fonts, unless the last LOOKS_KEPT looks
    # together use more; those are always loaded
    assert not too_many
    fonts = app.theme.get_font_dictionary()
    assert set().union(*app.gui_look_fonts) <= set(fonts.loaded_fonts)
    in_use = {res.font_id for per_locale in app.theme.ele_font_res.values() for res in per_locale.values()}
    assert in_use <= set(fonts.loaded_fonts)
    assert len(fonts.used_font_ids) <= 4 * GUI_FONTS_KEPT  # pygame_gui's list of fonts asked for: per look now


def test_pygame_gui_keeps_the_shadows_of_the_last_looks(walked):
    app, first, _ = walked
    assert len(app.theme.get_shadow_generator().short_term_rect_cache) <= (LOOKS_KEPT + 1) * max(1, first["shadows"])


def test_a_size_whose_fonts_were_dropped_comes_back_the_same(walked):
    """Back at the first size (its fonts long dropped): pygame_gui loads them as the theme asks (no 'font not
    loaded' warning from a lookup), and the screen is laid out exactly as it was."""
    app, first, _ = walked
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _resize(app, FIRST)
        app.draw()
    assert not [w for w in caught if "not already loaded" in str(w.message)], [str(w.message) for w in caught]
    assert _frame(app) == first["frame"]
    fonts = app.theme.get_font_dictionary()
    assert {res.font_id for per_locale in app.theme.ele_font_res.values() for res in per_locale.values()} <= set(
        fonts.loaded_fonts
    )


def test_an_old_look_leaves_no_widgets_for_the_garbage_collector():
    """The widgets of a look that is gone are freed at once (pygame_gui's text layouts point at their rows and
    back; a dropped manager's widgets were never killed): they used to wait for a full garbage collection,
    with their surfaces, which after a few window sizes was more than a hundred megabytes."""
    app = new_app(size=FIRST)
    open_screen(app, "table")
    app.step(0.05)
    gc.collect()
    gc.disable()
    try:
        for size in _sizes(4, seed=5):
            _resize(app, size)
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
        kinds = {type(obj).__name__ for obj in gc.garbage}
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert not kinds & {"UIButton", "UILabel", "TextBoxLayout", "TextBoxLayoutRow", "DrawableShapeState"}, kinds


def test_per_look_keeps_the_last_looks():
    made = []

    @per_look(maxsize=100)
    def square(x):
        made.append(x)
        return x * x

    looks = [Look(1000 + i, 700, 100, False) for i in range(LOOKS_KEPT + 1)]
    for i, look in enumerate(looks[:LOOKS_KEPT]):  # look i uses 10 i and 10 i + 1
        assert use_look(look)
        square(10 * i), square(10 * i + 1)
    assert square.cache_info().currsize == 2 * LOOKS_KEPT
    use_look(looks[0])  # back to the oldest look kept: its entries are there
    square(0), square(1)
    assert len(made) == 2 * LOOKS_KEPT
    assert not use_look(looks[0])  # the same look again changes nothing
    use_look(looks[LOOKS_KEPT])  # a new look: the least recently used look (looks[1]) goes
    square(0)  # kept (looks[0] is recent), not made again
    assert len(made) == 2 * LOOKS_KEPT
    assert square.cache_info().currsize == 2 * LOOKS_KEPT - 2  # looks[1]'s two are gone (0 counts once)
    square(10)
    assert made[-1] == 10 and len(made) == 2 * LOOKS_KEPT + 1
    square.cache_clear()
    assert square.cache_info().currsize == 0


def test_per_look_bounds_all_its_looks_together():
    @per_look(maxsize=3)
    def double(x):
        return 2 * x

    use_look(Look(1111, 777, 100, False))
    double(0), double(1)
    use_look(Look(1112, 777, 100, False))
    double(10), double(11)  # one too many: the older look's oldest entry (0) goes
    info = double.cache_info()
    assert (info.now, info.before, info.currsize) == (2, 1, 3)
    for x in range(20, 30):  # more than maxsize in one look: its own oldest go
        double(x)
    info = double.cache_info()
    assert (info.now, info.before, info.currsize) == (3, 0, 3)
