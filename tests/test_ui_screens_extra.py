"""Headless tests of the settings, how-to-play and content-check screens: keyboard use, live language switch,
text that fits at every window size and text size, and every word in both catalogues."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pygame
import pytest

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "assets" / "i18n"
SCREEN_FILES = [
    ROOT / "game" / "ui" / "scenes" / f
    for f in ("settings.py", "howto.py", "howto_pictures_play.py", "howto_pictures_setup.py", "content_check.py")
] + [ROOT / "game" / "ui" / "packs.py"]
PREFIXES = ("settings.", "howto.", "check.")


# ----------------------------------------------------------------------------- helpers
def make_app(size=(1280, 720), lang="nl", text_size=100):
    """An app on a blank screen (so only the screen under test draws text), in a language and text size."""
    try:
        from game.ui.launch import build_app
    except ImportError:  # the launcher is not there yet: build the app by hand
        build_app = None
    if build_app is not None:
        app = build_app(size=size)
    else:
        from game.content import load_content
        from game.ui.app import App, Options, init_pygame

        init_pygame()
        res = load_content()
        app = App(Options(content=res.content, content_problems=res.problems, size=size))
    from game.ui.scene import Scene

    app.goto(Scene(app))
    app.settings.lang = lang
    app.settings.text_size = text_size
    app.apply_settings()
    return app


def press(app, key, mod=0, times=1):
    """Post key presses and run one step of the loop for each."""
    for _ in range(times):
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=""))
        app.step(0.05)


def texts(app) -> list[str]:
    """Every text drawn in the last frame."""
    return [r.text for r in app.frame_records]


def assert_fits(app, where: str) -> None:
    """No drawn text was cut, left its box or the window; no text is below the small size; button labels fit."""
    from game.ui.theme import font

    window = app.window.get_rect()
    small = app.look.size("small")
    assert app.frame_records, f"{where}: nothing drawn"
    for r in app.frame_records:
        assert not r.cut, f"{where}: text cut: {r.text!r}"
        assert window.contains(r.rect), f"{where}: text outside the window: {r.text!r} {r.rect}"
        assert r.box.contains(r.rect), f"{where}: text outside its box: {r.text!r} {r.rect} {r.box}"
        assert r.px >= small, f"{where}: text below the small size: {r.text!r} {r.px}px"
        for word in r.text.split():  # no word had to be broken in two
            width = min(font(r.px).size(word)[0], font(r.px, True).size(word)[0])
            assert width <= r.box.width, f"{where}: word split: {word!r} in {r.text!r}"
    for btn in app.top.buttons:
        assert window.contains(btn.rect), f"{where}: button outside the window: {btn.text!r}"
        width = btn.font.size(btn.text)[0]
        assert width <= btn.rect.width - 8, f"{where}: button label too wide: {btn.text!r}"


def catalogue(lang: str) -> dict:
    return json.loads((I18N / f"{lang}.screens.json").read_text(encoding="utf-8"))


# ----------------------------------------------------------------------------- settings
def test_settings_keyboard_switches_language_live():
    from game.ui.scenes.settings import SettingsScene
    from game.ui.settings import load_settings

    app = make_app(lang="nl")
    scene = SettingsScene(app)
    app.push(scene)
    app.draw()
    assert "Instellingen" in texts(app)
    language_btn = scene.rows[0][3]
    # Tab once round every button and back to the language row, then Enter
    press(app, pygame.K_TAB, times=len(scene.focus))
    assert scene.focus[scene.focus_index] is language_btn
    press(app, pygame.K_RETURN)
    assert app.settings.lang == "en"
    assert app.top is scene  # the same overlay, rebuilt
    app.draw()
    assert "Settings" in texts(app) and "Language" in texts(app)
    assert scene.rows[0][3].text == "English"
    assert scene.focus[scene.focus_index] is scene.rows[0][3]  # the focus stayed on the row
    saved, broken = load_settings()
    assert saved.lang == "en" and broken is None
    # Down to the text size row; Enter cycles 100 -> 125
    press(app, pygame.K_DOWN, times=2)
    press(app, pygame.K_RETURN)
    assert app.settings.text_size == 125
    assert app.look.text_size == 125
    # Esc closes the overlay
    press(app, pygame.K_ESCAPE)
    assert app.top.name != "settings"


def test_settings_flags_toggle_and_save():
    from game.ui.scenes.settings import SettingsScene
    from game.ui.settings import load_settings

    app = make_app()
    scene = SettingsScene(app)
    app.push(scene)
    for row_id, field in (
        ("colourblind", "colourblind"),
        ("sound", "sound"),
        ("hints", "hints"),
        ("animations", "animations"),
    ):
        before = getattr(app.settings, field)
        btn = next(row[3] for row in scene.rows if row[0] == row_id)
        scene._press(btn)
        assert getattr(app.settings, field) is (not before)
        assert getattr(load_settings()[0], field) is (not before)
    assert app.look.colourblind is app.settings.colourblind
    # the close button pops, and so does autoplay
    scene._press(scene.close_btn)
    assert app.top.name != "settings"
    app.push(SettingsScene(app))
    app.top.autoplay()
    assert app.top.name != "settings"


def test_settings_fullscreen_row_toggles():
    from game.ui.scenes.settings import SettingsScene

    app = make_app()
    scene = SettingsScene(app)
    app.push(scene)
    btn = next(row[3] for row in scene.rows if row[0] == "display")
    scene._press(btn)
    assert app.settings.fullscreen is True
    btn = next(row[3] for row in scene.rows if row[0] == "display")
    assert btn.text == app.t("settings.fullscreen")
    scene._press(btn)
    assert app.settings.fullscreen is False


# ----------------------------------------------------------------------------- how to play
def test_howto_pages_with_keyboard():
    from game.ui.scenes.howto import PAGES, HowToScene

    app = make_app()
    scene = HowToScene(app)
    app.push(scene)
    app.draw()
    assert scene.page == 0
    assert scene.names[scene.focus[scene.focus_index]] == "next"  # Enter turns the page at once
    assert app.t("howto.page", n=1, total=len(PAGES)) in texts(app)
    press(app, pygame.K_RETURN)
    assert scene.page == 1
    press(app, pygame.K_RIGHT)
    assert scene.page == 2
    press(app, pygame.K_LEFT)
    assert scene.page == 1
    app.draw()
    assert app.t("howto.page", n=2, total=len(PAGES)) in texts(app)
    # Tab moves the focus to Close, Enter there closes the guide
    scene_focus = scene.names[scene.focus[scene.focus_index]]
    assert scene_focus == "next"
    press(app, pygame.K_RETURN, times=len(PAGES) - 2)
    assert scene.page == len(PAGES) - 1
    assert any(b.text == app.t("howto.done") for b in scene.buttons)
    press(app, pygame.K_RETURN)
    assert app.top is not scene


def test_howto_esc_f1_and_autoplay():
    from game.ui.scenes.howto import PAGES, HowToScene

    app = make_app()
    press(app, pygame.K_F1)
    assert app.top.name == "howto"
    press(app, pygame.K_ESCAPE)
    assert app.top.name != "howto"
    scene = HowToScene(app)
    app.push(scene)
    for expected in range(1, len(PAGES)):
        scene.autoplay()
        assert scene.page == expected
    scene.autoplay()
    assert app.top is not scene


# ----------------------------------------------------------------------------- content check
def test_content_check_lists_problems_and_rechecks(tmp_path):
    from game.content import Problem
    from game.ui.scenes.content_check import ContentCheckScene

    app = make_app()
    good = app.content
    app.content_problems = [Problem("pack/trends/a.yaml", 7, "certainty", "expected one of: low, medium, high <&>")]
    scene = ContentCheckScene(app)
    app.push(scene)
    app.draw()
    assert scene.box is not None
    assert "pack/trends/a.yaml:7: certainty: expected one of" in scene.box.html_text
    assert "&lt;&amp;&gt;" in scene.box.html_text  # escaped for pygame_gui's HTML
    assert str(len(good.trends)) in texts(app)
    # a partly broken pack: its good file is played, its bad file is skipped and listed
    pack = tmp_path / "pack"
    (pack / "trends").mkdir(parents=True)
    (pack / "trends" / "bad.yaml").write_text("id: bad\ntitle: 5\n", encoding="utf-8")
    good_trend = (ROOT / "content" / "trends" / "vergrijzing.yaml").read_text(encoding="utf-8")
    (pack / "trends" / "goed.yaml").write_text(good_trend.replace("id: vergrijzing", "id: goed"), encoding="utf-8")
    app.pack = pack
    press(app, pygame.K_RETURN)  # the focus starts on "Check again"
    assert "goed" in app.content.trends and "bad" not in app.content.trends
    assert app.content_problems and all(p.file.startswith("pack/") for p in app.content_problems)
    assert scene.box is not None and "bad.yaml" in scene.box.html_text
    app.draw()
    shown = "\n".join(texts(app))
    assert "Pakket pack: 1 bestand overgeslagen." in shown
    title = app.content.trends["goed"].title.nl
    assert f"Dit pakket voegt toe: {title} (trends)." in shown  # by the card's title, not its id
    # the built-in content alone: no problems, the reloaded content is used
    app.pack = None
    scene.recheck()
    assert app.content_problems == []
    assert app.content is not good and app.content.digest == good.digest
    assert scene.box is None
    app.draw()
    assert app.t("check.all_good") in texts(app)
    press(app, pygame.K_ESCAPE)
    assert app.top is not scene
    app.push(ContentCheckScene(app))
    app.top.autoplay()
    assert app.top.name != "content_check"


# ----------------------------------------------------------------------------- fit everywhere
def all_screens(app):
    """Push each screen (and every how-to page) in turn; yield a name once it is drawn."""
    from game.content import Problem
    from game.ui.scenes.content_check import ContentCheckScene
    from game.ui.scenes.howto import PAGES, HowToScene
    from game.ui.scenes.settings import SettingsScene

    app.push(SettingsScene(app))
    app.draw()
    yield "settings"
    app.pop()
    scene = HowToScene(app)
    app.push(scene)
    for page in range(len(PAGES)):
        scene.page = page
        scene.rebuild()
        app.draw()
        yield f"howto page {page + 1}"
    app.pop()
    app.push(ContentCheckScene(app))
    app.draw()
    yield "content check"
    app.pop()
    app.content_problems = [Problem(f"pack/trends/t{i}.yaml", i + 1, "effects", "expected a number") for i in range(25)]
    scene = ContentCheckScene(app)
    app.push(scene)
    scene.message = app.t("check.rechecked_bad", time="12:00:00")
    scene.message_bad = True
    scene.rebuild()
    app.draw()
    yield "content check with problems"
    app.pop()
    app.content_problems = []


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (3840, 2160)])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_nothing_cut_at_150_percent(size, lang):
    app = make_app(size=size, lang=lang, text_size=150)
    for name in all_screens(app):
        assert_fits(app, f"{name} at {size} {lang} 150%")


@pytest.mark.parametrize(
    "size,text_size", [((1280, 720), 100), ((1920, 1080), 100), ((1920, 1080), 125), ((1024, 768), 150)]
)
def test_nothing_cut_other_sizes(size, text_size):
    for lang in ("nl", "en"):
        app = make_app(size=size, lang=lang, text_size=text_size)
        for name in all_screens(app):
            assert_fits(app, f"{name} at {size} {lang} {text_size}%")


# ----------------------------------------------------------------------------- words
def test_screen_catalogues_have_the_same_keys():
    nl, en = catalogue("nl"), catalogue("en")
    assert set(nl) == set(en)
    for key in nl:
        assert key.startswith(PREFIXES), key
        assert nl[key].strip() and en[key].strip(), key
        assert set(re.findall(r"{(\w+)}", nl[key])) == set(re.findall(r"{(\w+)}", en[key])), key


def test_every_key_used_exists_in_both_languages(monkeypatch):
    """Keys written in the code, and every key asked for while drawing all screens in both languages."""
    from game.ui.i18n import Catalogue

    nl, en = catalogue("nl"), catalogue("en")
    used: set[str] = set()
    for path in SCREEN_FILES:
        used.update(
            re.findall(r"""t\(\s*["']((?:settings|howto|check)\.[\w.]+)["']""", path.read_text(encoding="utf-8"))
        )
    original = Catalogue.__call__

    def recording(self, key, **params):
        used.add(key)
        return original(self, key, **params)

    monkeypatch.setattr(Catalogue, "__call__", recording)
    for lang in ("nl", "en"):
        app = make_app(lang=lang)
        for _ in all_screens(app):
            pass
    ours = {k for k in used if k.startswith(PREFIXES)}
    assert len(ours) > 60
    missing_nl = sorted(k for k in ours if k not in nl)
    missing_en = sorted(k for k in ours if k not in en)
    assert not missing_nl, missing_nl
    assert not missing_en, missing_en
    unused = sorted(set(nl) - ours)
    assert not unused, f"keys nobody uses: {unused}"


def test_content_check_list_scrolls_with_the_keyboard():
    from game.content import Problem
    from game.ui.scenes.content_check import ContentCheckScene

    app = make_app()
    app.content_problems = [Problem(f"pack/trends/t{i}.yaml", i + 1, "title", "is missing") for i in range(40)]
    scene = ContentCheckScene(app)
    app.push(scene)
    app.step(0.05)
    assert scene.box.scroll_bar is not None and scene.box.scroll_bar.start_percentage == 0
    press(app, pygame.K_PAGEDOWN)
    app.step(0.05)
    assert scene.box.scroll_bar.start_percentage > 0
    press(app, pygame.K_HOME)
    app.step(0.05)
    assert scene.box.scroll_bar.start_percentage == 0
