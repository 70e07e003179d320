"""The setup screen's scenario description (a ScrollText, not a pygame_gui text box) and the language switch
that keeps the UI manager: what shows, scrolling with the wheel, keeping the scroll on a rebuild, the focus."""

from __future__ import annotations

import pygame

from tests.screens import open_screen
from tests.ui_driver import click, find_button, new_app, step


def _setup(size=(1280, 720)):
    app = new_app(size=size)
    open_screen(app, "setup")
    step(app, 2)
    return app, app.top


def _wheel(app, pos, y=-1, times=3):
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    step(app, 1)
    for _ in range(times):
        pygame.event.post(
            pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=y, flipped=False, precise_x=0.0, precise_y=float(y))
        )
        step(app, 1)
    step(app, 15)  # the scroll bar eases to its place


def test_the_description_shows_motto_text_and_challenge_in_both_languages():
    app, scene = _setup()
    content = app.content
    scenario = content.scenarios[scene.choices.scenario]
    challenge = content.challenges[scene.choices.challenge]
    shown = " ".join(r.text for r in app.frame_records)
    assert scenario.motto.nl in shown
    assert " ".join(scenario.description.nl.split()[:8]) in " ".join(shown.split())
    assert challenge.description.nl.split()[0] in shown
    assert "Opgave:" in shown
    click(app, find_button(app, "Taal:"))
    assert app.settings.lang == "en" and app.top is scene
    app.dirty = True
    app.draw()
    shown = " ".join(r.text for r in app.frame_records)
    assert scenario.motto.en in shown and scenario.motto.nl not in shown
    assert find_button(app, "Language:") is not None and find_button(app, "Taal:") is None
    click(app, find_button(app, "Language:"))
    assert app.settings.lang == "nl"


def test_the_long_description_scrolls_with_the_wheel_and_keeps_its_place():
    app, scene = _setup()
    box = scene.desc
    assert box.bar is not None and box.bar.alive(), "the description is longer than its panel at 1280x720"
    assert box.bar.start_percentage == 0
    before = app.window.subsurface(box.inner).copy()
    _wheel(app, box.rect.center)
    scrolled = scene.desc.bar.start_percentage
    assert scrolled > 0
    app.dirty = True
    app.draw()
    after = app.window.subsurface(box.inner).copy()
    assert pygame.image.tobytes(before, "RGB") != pygame.image.tobytes(after, "RGB")
    # a choice that does not change the description keeps it, scrolled where it was
    click(app, find_button(app, "rondes"))
    assert scene.desc is box and box.bar.alive() and box.bar.start_percentage == scrolled
    # another scenario: another text, from the top
    click(app, find_button(app, "Ikhoven"))
    assert scene.desc is not box and not box.bar.alive()
    assert scene.desc.bar is None or scene.desc.bar.start_percentage == 0


def test_the_wheel_elsewhere_does_not_scroll_the_description():
    app, scene = _setup()
    _wheel(app, scene.start_btn.rect.center)
    assert scene.desc.bar.start_percentage == 0


def test_a_language_switch_keeps_the_manager_and_the_focus_works():
    app, scene = _setup()
    manager = scene.manager
    lang_btn = find_button(app, "Taal:")
    click(app, lang_btn)
    assert scene.manager is manager  # no new manager (and theme, fonts) for another language
    assert manager.get_locale() == "en"
    labels = [b.text for b in scene.focus if hasattr(b, "text") and isinstance(b.text, str)]
    assert "Start the game" in " ".join(labels) or any("Start" in t for t in labels)
    assert all(b.alive() for b in scene.focus)
    # Tab walks every focusable widget and Enter presses the focused button
    for _ in range(len(scene.focus)):
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_TAB, mod=0, unicode=""))
        step(app, 1)
    assert 0 <= scene.focus_index < len(scene.focus)


def test_button_looks_other_than_normal_are_drawn_when_first_shown():
    """game/ui/gui_speed.py: only a button's normal look is drawn ahead; hovered, pressed and disabled looks
    are drawn when the button first shows them, and then look as pygame_gui draws them."""
    app, scene = _setup()
    btn = find_button(app, "rondes")
    shape = btn.drawable_shape
    assert shape.states["normal"].generated
    assert not shape.states["hovered"].generated and not shape.states_to_redraw_queue
    normal = pygame.image.tobytes(btn.image, "RGBA")
    btn.on_hovered()  # what pygame_gui does when the mouse comes over it (the dummy driver has no real mouse)
    step(app, 2)
    assert shape.active_state.state_id == "hovered" and shape.states["hovered"].generated
    assert pygame.image.tobytes(btn.image, "RGBA") != normal  # the hovered colours show
    remove = [b for b in scene.buttons if b.text == "×"]
    while len(scene.choices.seats) > 2:
        click(app, remove[0])
        remove = [b for b in scene.buttons if b.text == "×"]
    assert all(not b.is_enabled for b in remove)
    assert all(b.drawable_shape.active_state.state_id == "disabled" for b in remove)
    assert all(b.drawable_shape.states["disabled"].generated for b in remove)


def _pixels(app) -> bytes:
    app.dirty = True
    app.draw()
    return pygame.image.tobytes(app.window, "RGB")


def _look(app, text_size: int, colourblind: bool) -> None:
    app.settings.text_size = text_size
    app.settings.colourblind = colourblind
    app.apply_settings()
    step(app, 2)


def test_a_changed_look_draws_what_a_fresh_start_in_that_look_draws():
    """The app's one pygame_gui theme is moved to a new text size or palette in place (App._retheme): after
    going back and forth, the setup screen is drawn exactly as by an app started in that look."""
    looks = [(125, True), (100, False), (150, True), (125, False)]
    fresh = {}
    for text_size, colourblind in looks:
        app, _ = _setup()
        app.setup_choices.seed = 7  # every app draws its own random deck, whose session code is on the screen
        _look(app, text_size, colourblind)
        fresh[(text_size, colourblind)] = _pixels(app)
    app, _ = _setup()
    app.setup_choices.seed = 7
    for text_size, colourblind in looks + looks[::-1]:
        _look(app, text_size, colourblind)
        assert _pixels(app) == fresh[(text_size, colourblind)], (text_size, colourblind)


def test_a_rebuild_that_keeps_the_description_keeps_its_scroll_bar_whole():
    app, scene = _setup()
    before = _pixels(app)
    bar = scene.desc.bar
    parts = [bar.top_button, bar.bottom_button, bar.sliding_button]
    scene.rebuild()
    assert scene.desc.bar is bar and all(part.alive() for part in parts)
    assert _pixels(app) == before


def test_session_presets_set_the_rounds_and_the_turn_timer():
    from game.ui.scenes.setup import SESSIONS

    app, scene = _setup()
    seen = []
    for _ in SESSIONS:
        click(app, find_button(app, "Sessie"))
        minutes, rounds, timer, debrief = next(
            p for p in SESSIONS if p[1:3] == (scene.choices.rounds, scene.choices.timer)
        )
        seen.append(minutes)
        assert find_button(app, f"Sessie van {minutes} minuten") is not None
        assert f"{debrief} minuten" in scene.message
    assert sorted(seen) == [45, 60, 90]
    click(app, find_button(app, "rondes"))  # another number of rounds: no longer a planned session
    assert find_button(app, app.t("setup.session_own")) is not None
    scene.start()
    assert app.session.timer_minutes == scene.choices.timer and app.session.setup.rounds == scene.choices.rounds
