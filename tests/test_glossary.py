"""The glossary (issue 17): a tab of the how-to, reached from every screen with F1 (and F1 again, or a click on
its tab); every knob, indicator, resource, role, coalition role and future of the content explained in both
languages; its text inside the window, nothing cut and nothing overlapping at 1280x720 100 % and 1920x1080
150 %; a knob that a trainer's pack adds is explained too."""

from __future__ import annotations

import pygame
import pytest
import yaml

from game import words
from game.engine.vocabulary import COALITION_ROLES, INDICATORS, RESOURCES
from game.ui.scenes.glossary import SECTIONS
from game.ui.theme import font
from tests.conftest import ROOT, write_pack
from tests.screens import open_screen
from tests.ui_driver import click, find_button, layout_problems, new_app, overlapping_buttons, step

LANGS = ("nl", "en")


def f1(app) -> None:
    """Post an F1 key press, as a person would, and run the loop."""
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F1, mod=0, unicode="", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=pygame.K_F1, mod=0, unicode="", scancode=0))
    step(app, 1)


def press(app, key: int, times: int = 1) -> None:
    for _ in range(times):
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0))
        step(app, 1)


def configured(size=(1280, 720), lang="nl", text_size=100, **options):
    app = new_app(size=size, **options)
    app.settings.lang = lang
    app.settings.text_size = text_size
    app.apply_settings()
    step(app, 1)
    return app


def open_glossary(app) -> object:
    """F1 opens the how-to, F1 there its glossary; the how-to scene."""
    f1(app)
    assert app.top.name == "howto"
    assert app.top.tab == "guide"
    f1(app)
    assert app.top.name == "howto" and app.top.tab == "glossary"
    app.draw()
    return app.top


def section_texts(app) -> dict:
    """Every section's text as drawn, reached by clicking its button on the left."""
    scene = app.top
    found = {}
    for i, sid in enumerate(SECTIONS):
        btn = next(b for b, name in scene.names.items() if name == f"section_{i}")
        click(app, btn)
        assert scene.glossary.section == i
        app.draw()
        found[sid] = scene.glossary.box.text
    return found


# ----------------------------------------------------------------------------- reaching it
@pytest.mark.parametrize("screen", ["menu", "setup", "trend", "table", "settings", "content_check"])
def test_f1_opens_the_howto_from_every_screen_and_f1_again_its_glossary(screen):
    app = new_app(seed=1)
    open_screen(app, screen)
    below = app.top
    depth = len(app.stack)
    scene = open_glossary(app)
    assert len(app.stack) == depth + 1  # F1 in the how-to switches tabs, it does not stack another how-to
    f1(app)
    assert app.top is scene and scene.tab == "guide"
    # one click on a tab switches too
    click(app, find_button(app, app.t("glossary.tab_glossary")))
    assert app.top is scene and scene.tab == "glossary"
    click(app, find_button(app, app.t("glossary.tab_guide")))
    assert scene.tab == "guide"
    press(app, pygame.K_ESCAPE)
    assert app.top is below


def test_the_glossary_with_the_keyboard():
    app = configured()
    scene = open_glossary(app)
    glossary = scene.glossary
    assert glossary.section == 0
    press(app, pygame.K_RIGHT)
    assert glossary.section == 1
    press(app, pygame.K_LEFT)
    assert glossary.section == 0
    press(app, pygame.K_1 + len(SECTIONS) - 1)
    assert glossary.section == len(SECTIONS) - 1
    press(app, pygame.K_HOME)
    assert glossary.section == 0
    # the arrows up and down scroll the text, Page Down a screenful, to the end of it
    bar = glossary.box.bar
    assert bar is not None, "the first section is longer than a 1280x720 window"
    press(app, pygame.K_DOWN)
    assert bar.start_percentage > 0
    press(app, pygame.K_UP)
    assert bar.start_percentage == 0
    press(app, pygame.K_PAGEDOWN, times=40)
    assert bar.start_percentage + bar.visible_percentage >= 0.99
    # Enter on "Next" goes through the sections; on the last it says "Done" and closes the how-to
    assert scene.names[scene.focus[scene.focus_index]] == "next"
    press(app, pygame.K_RETURN, times=len(SECTIONS) - 1)
    assert glossary.section == len(SECTIONS) - 1
    assert any(b.text == app.t("howto.done") for b in scene.buttons)
    press(app, pygame.K_RETURN)
    assert app.top is not scene


# ----------------------------------------------------------------------------- what it says
def _names(content, lang: str) -> dict:
    """What the glossary must explain: the content's knobs, roles and futures, the vocabulary's indicators,
    resources and coalition roles, each by its name in `lang` (the section it belongs in)."""
    return {
        "knobs": [k.name.get(lang) for k in content.knobs.values()],
        "figures": [words.indicator_name(i, lang) for i in INDICATORS]
        + [words.resource_name(r, lang) for r in RESOURCES],
        "roles": [r.name.get(lang) for r in content.roles.values()]
        + [words.coalition_role_name(c, lang) for c in COALITION_ROLES],
        "futures": [s.name.get(lang) for s in content.scenarios.values()],
    }


@pytest.mark.parametrize("lang", LANGS)
def test_every_knob_indicator_resource_role_and_future_is_explained(lang):
    app = configured(lang=lang)
    open_glossary(app)
    texts = section_texts(app)
    for section, names in _names(app.content, lang).items():
        for name in names:
            assert name.lower() in texts[section].lower(), (lang, section, name)
    # the game's own words, each a term with its explanation
    for word in ("kvd", "vital", "facts", "pot", "trust", "dilemma", "windtunnel", "private_goal"):
        term = app.t(f"glossary.term.{word}")
        assert any(term in text for text in texts.values()), (lang, word)
    assert "KVD" in texts["together"]
    # nothing looked up that the catalogue lacks, and no Dutch word of the glossary in the English one
    assert not {k for k in app.t.missing if k.startswith("glossary.")}
    if lang == "en":
        nl = app.t.words["nl"]
        shown = "\n".join(texts.values())
        leaked = [v for k, v in nl.items() if k.startswith("glossary.") and v != app.t.words["en"][k] and v in shown]
        assert not leaked, leaked


def test_a_knob_a_pack_adds_is_explained(tmp_path):
    knob = yaml.safe_load((ROOT / "content" / "knobs" / "visie.yaml").read_text(encoding="utf-8"))
    knob.update(
        id="samen_leren",
        number=6,
        name={"nl": "Samen leren met de bibliotheek", "en": "Learning together with the library"},
        description={"nl": "Een zesde knop uit een pakket.", "en": "A sixth knob from a pack."},
    )
    pack = write_pack(tmp_path, {"knobs/samen_leren.yaml": yaml.safe_dump(knob, allow_unicode=True)})
    for lang in LANGS:
        app = configured(lang=lang, content_pack=pack)
        assert "samen_leren" in app.content.knobs
        open_glossary(app)
        text = section_texts(app)["knobs"]
        assert knob["name"][lang] in text and knob["description"][lang] in text


# ----------------------------------------------------------------------------- how it looks
def _overlaps(a: pygame.Rect, b: pygame.Rect) -> bool:
    clip = a.clip(b)
    return clip.width > 1 and clip.height > 1


def layout_faults(app) -> list:
    """Text outside the window or its panel, cut, or a line wider than its panel; texts or buttons on each
    other."""
    window = app.window.get_rect()
    found = layout_problems(app) + overlapping_buttons(app)
    records = [r for r in app.frame_records if r.text.strip()]
    buttons = [b for b in app.top.buttons if b.alive() and b.visible]
    for r in records:
        if not window.contains(r.rect) or not window.contains(r.box):
            found.append(f"outside the window: {r.text[:40]!r}")
    for i, a in enumerate(records):
        for b in records[i + 1 :]:
            if _overlaps(a.rect, b.rect):
                found.append(f"{a.text[:30]!r} overlaps {b.text[:30]!r}")
        for btn in buttons:
            if _overlaps(a.rect, btn.rect):
                found.append(f"{a.text[:30]!r} overlaps the button {btn.text!r}")
    box = app.top.glossary.box
    if not window.contains(box.rect):
        found.append("the glossary's panel is outside the window")
    for line in box.lines:
        for x, text, bold in line:
            if x + font(box.px, bold).size(text)[0] > box.inner.width:
                found.append(f"a line wider than its panel: {text!r}")
    return found


@pytest.mark.parametrize("size,text_size", [((1280, 720), 100), ((1920, 1080), 150)])
@pytest.mark.parametrize("lang", LANGS)
def test_the_glossary_fits_and_nothing_overlaps(size, text_size, lang):
    app = configured(size=size, lang=lang, text_size=text_size)
    scene = open_glossary(app)
    small = app.look.size("small")
    for i in range(len(SECTIONS)):
        scene.glossary.select(i)
        app.draw()
        assert scene.glossary.box.px >= small
        faults = layout_faults(app)
        assert not faults, (size, text_size, lang, SECTIONS[i], faults[:5])
    # the guide's pages with the two tabs above them fit as well
    f1(app)
    for page in range(scene.count):
        scene.page = page
        scene.rebuild()
        app.draw()
        faults = layout_problems(app) + overlapping_buttons(app)
        assert not faults, (size, text_size, lang, f"page {page + 1}", faults[:5])
        tabs = [b for b, name in scene.names.items() if name.startswith("tab_")]
        for record in app.frame_records:
            assert not any(_overlaps(record.rect, b.rect) for b in tabs), record.text[:40]


def test_the_glossary_follows_a_change_of_language_and_size():
    app = configured()
    scene = open_glossary(app)
    dutch = scene.glossary.box.text
    app.settings.lang = "en"
    app.settings.text_size = 150
    app.resized((1920, 1080))
    app.apply_settings()
    app.draw()
    assert app.top is scene and scene.tab == "glossary"
    assert scene.glossary.box.text != dutch
    assert app.t("glossary.term.kvd") in scene.glossary.box.text
    assert not layout_faults(app)
