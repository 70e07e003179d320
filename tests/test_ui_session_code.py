"""The session code on the setup screen: shown for the current choices, typed in a panel (a valid code sets the
game, a wrong one is named and changes nothing), the code with the future, and the layout at beamer sizes."""

from __future__ import annotations

import pygame
import pytest

from game.analysis.sessioncode import MAX_SEED, SessionCodeError, code_of, decode, encode
from tests.screens import open_screen
from tests.ui_driver import (
    click,
    find_button,
    key,
    layout_problems,
    new_app,
    overlapping_buttons,
    shot,
    step,
    texts_on_screen,
)


def _setup(size=(1280, 720), **options):
    app = new_app(size=size, **options)
    open_screen(app, "setup")
    step(app, 2)
    return app, app.top


def _shown(app) -> str:
    app.dirty = True
    app.draw()
    return texts_on_screen(app)


def _type(app, text: str) -> None:
    for ch in text:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))
    step(app, 2)


def _open_panel(app):
    setup = app.top
    click(app, find_button(app, "Code invoeren", "Enter a code"))
    assert app.top is not setup and app.top.name == "setup_code"
    return app.top


def test_the_code_of_the_choices_is_shown_and_follows_a_new_seed():
    app, scene = _setup()
    ch = scene.choices
    code = code_of(app.content, ch.setup(app))
    assert code is not None and f"Sessiecode {code}" in _shown(app)
    assert decode(app.content, code).seed == ch.seed
    click(app, find_button(app, "Kaarten:"))  # fixed
    click(app, find_button(app, "Kaarten:"))  # random again: a new seed, a new code
    new = code_of(app.content, ch.setup(app))
    assert new != code and f"Sessiecode {new}" in _shown(app)


def test_the_game_started_plays_the_code_that_was_shown(monkeypatch):
    app, scene = _setup()
    started = []
    monkeypatch.setattr("game.ui.flow.start_game", lambda app, setup, mode, timer: started.append(setup))
    shown = code_of(app.content, scene.choices.setup(app))
    scene.start()
    assert code_of(app.content, started[0]) == shown
    assert code_of(app.content, scene.choices.setup(app)) != shown  # the next game: another deck


def test_a_typed_code_sets_seed_challenge_rounds_and_future():
    app, scene = _setup()
    content = app.content
    challenge = sorted(content.challenges)[-1]
    future = content.scenario_ids()[-1]
    code = encode(content, 4242, challenge, 3, future)
    panel = _open_panel(app)
    _type(app, code.lower().replace("-", " "))  # typed as people type it
    key(app, pygame.K_RETURN)
    assert app.top is scene
    ch = scene.choices
    assert (ch.seed, ch.fixed_seed, ch.challenge, ch.rounds, ch.scenario) == (4242, True, challenge, 3, future)
    shown = _shown(app)
    assert f"Sessiecode {code_of(content, ch.setup(app))}" in shown
    assert content.scenarios[future].name.nl in scene.message and panel.error == ""


def test_a_wrong_code_is_named_in_the_panel_and_changes_nothing():
    app, scene = _setup()
    ch = scene.choices
    before = (ch.seed, ch.fixed_seed, ch.challenge, ch.rounds, ch.scenario)
    good = encode(app.content, 99, sorted(app.content.challenges)[0], 5)
    typo = good[:-1] + ("A" if good[-1] != "A" else "B")
    panel = _open_panel(app)
    _type(app, typo)
    click(app, find_button(app, "Toepassen"))
    assert app.top is panel
    with pytest.raises(SessionCodeError) as problem:
        decode(app.content, typo)
    assert panel.error == problem.value.text("nl") and problem.value.text("nl") in _shown(app)
    assert not layout_problems(app, scenes=[panel])
    key(app, pygame.K_ESCAPE)  # cancel
    assert app.top is scene
    assert (ch.seed, ch.fixed_seed, ch.challenge, ch.rounds, ch.scenario) == before


def test_the_code_with_the_future_and_a_seed_no_code_can_carry():
    app, scene = _setup()
    click(app, find_button(app, "Code met toekomst"))
    ch = scene.choices
    code = code_of(app.content, ch.setup(app), with_future=True)
    future = app.content.scenarios[ch.scenario].name.nl
    assert f"Code met {future}: {code}" in _shown(app)
    assert decode(app.content, code).scenario == ch.scenario
    app, scene = _setup(seed=MAX_SEED + 10)
    assert f"Geen sessiecode: kaartnummer {MAX_SEED + 10} is te groot" in _shown(app)


@pytest.mark.parametrize(("size", "text_size", "lang"), [((1280, 720), 100, "nl"), ((1920, 1080), 150, "en")])
def test_the_busiest_setup_and_the_panel_fit(size, text_size, lang):
    app, scene = _setup(size=size, text_size=text_size, lang=lang)
    for _ in range(2):
        click(app, find_button(app, "Speler toevoegen", "Add a seat"))
    click(app, find_button(app, "Laptop doorgeven", "Pass the laptop"))  # beamer: one more option
    click(app, find_button(app, "Code met toekomst", "Code with future"))
    _shown(app)
    assert not layout_problems(app) and not overlapping_buttons(app)
    code = [r for r in app.frame_records if r.rect.colliderect(scene.code_rect)]
    assert code and all(not r.rect.colliderect(b.rect) for r in code for b in scene.buttons)
    name = f"{size[0]}-{lang}-{text_size}"
    shot(app, f"setup-busy-{name}.png")
    panel = _open_panel(app)
    _type(app, "VC-XXXX")
    key(app, pygame.K_RETURN)
    _shown(app)
    assert panel.error and not layout_problems(app, scenes=[panel]) and not overlapping_buttons(app)
    assert app.window.get_rect().contains(panel.panel_rect)
    assert panel.panel_rect.contains(panel.error_rect) and panel.panel_rect.contains(panel.apply_btn.rect)
    shot(app, f"code-panel-{name}.png")
