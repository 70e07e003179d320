"""Every screen at 1280x720, 1920x1080 and 3840x2160, text at 150 %: no text leaves its panel or is cut;
at 1920x1080 and 100 % body text is at least 24 px and nothing is below 20 px."""

from __future__ import annotations

import pytest

from tests.layout_checks import open_at as _open
from tests.layout_checks import unreadable
from tests.screens import SCREENS
from tests.ui_driver import layout_problems

SIZES = [(1280, 720), (1920, 1080), (3840, 2160)]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_screen_fits_at_150_percent(size, lang):
    problems = {}
    for name in SCREENS:
        found = layout_problems(_open(size, name, 150, lang))
        if found:
            problems[name] = found[:5]
    assert not problems, problems


def test_text_is_readable_from_the_back_of_the_room():
    """1920x1080 at 100 %: body 24 px or more, nothing below 20 px."""
    for name in SCREENS:
        app = _open((1920, 1080), name, 100)
        assert app.look.size("body") >= 24
        small = unreadable(app, 20)
        assert not small, (name, small[:5])


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (3840, 2160)], ids=["720p", "1080p", "4k"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_trend_card_fits_at_150_percent(size, lang, content):
    app = _open(size, "trend", 150, lang)
    scene = app.top
    problems = {}
    for trend_id in sorted(content.trends):
        scene.cards = [trend_id]
        scene.index = 0
        scene.rebuild()  # a card's build decides whether its text scrolls
        app.draw()
        found = layout_problems(app)
        if found:
            problems[trend_id] = found[:3]
    assert not problems, problems


def test_every_trend_card_is_readable_at_1080p(content):
    app = _open((1920, 1080), "trend", 100, "nl")
    scene = app.top
    for trend_id in sorted(content.trends):
        scene.cards = [trend_id]
        scene.rebuild()
        app.draw()
        small = [(r.text[:30], r.px) for r in app.frame_records if r.px < 20]
        assert not small, (trend_id, small)
        text_px = max(r.px for r in app.frame_records if r.text.startswith(content.trends[trend_id].text.nl))
        assert text_px >= 26, (trend_id, text_px)


def test_the_faster_text_measure_gives_what_rendering_gives():
    """game/ui/gui_speed.py measures pygame_gui's text with SDL_ttf's size instead of a render: the same
    rectangles for every catalogue string, in every font size the theme uses."""
    import pygame
    from pygame_gui.core.gui_font_pygame import GUIFontPygame

    from game.paths import assets_dir
    from game.ui.gui_speed import _measured_rect, install
    from game.ui.i18n import Catalogue

    pygame.font.init()
    assert install()
    texts = set()
    for lang in ("nl", "en"):
        texts |= {v for v in Catalogue(lang).words[lang].values() if "{" not in v}
    regular = assets_dir() / "fonts"
    font_file = next(p for p in regular.iterdir() if p.suffix in (".ttf", ".otf"))
    for size in (14, 22, 26, 39):
        font = GUIFontPygame(str(font_file), size)
        inner = font._GUIFontPygame__internal_font
        for text in sorted(texts):
            rendered = inner.render(text, True, pygame.Color("white"))
            assert _measured_rect(font, text).size == rendered.get_size(), (size, text)
