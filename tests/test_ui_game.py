"""A whole game through the real screens, driven by posted mouse and keyboard events:
2 people and 2 computers, in Dutch and English, in both table modes."""

from __future__ import annotations

import pygame
import pytest

from tests.ui_driver import (
    click,
    find_button,
    key,
    layout_problems,
    new_app,
    press_by_keyboard,
    step,
    texts_on_screen,
)

MAX_LOOPS = 2500


def _press(app, btn, keyboard: bool) -> bool:
    if btn is None or not btn.is_enabled:
        return False
    if keyboard:
        return press_by_keyboard(app, btn)
    click(app, btn)
    return True


def _by_y(app, text):
    return sorted((b for b in app.top.buttons if b.alive() and b.text == text), key=lambda b: (b.rect.y, b.rect.x))


def _setup(app, lang: str, mode: str, keyboard: bool, scenario: str = "") -> None:
    assert app.top.name == "menu"
    _press(app, find_button(app, "Nieuw spel"), keyboard)
    assert app.top.name == "setup"
    if lang == "en":
        _press(app, find_button(app, "Taal: Nederlands"), keyboard)
        assert app.settings.lang == "en"
    if scenario:
        _press(app, find_button(app, scenario), keyboard)
        assert app.top.choices.scenario == scenario.lower()
    person = "Mens" if lang == "nl" else "Person"
    for _ in range(2):  # the last two seats become computer players
        humans = _by_y(app, person)
        _press(app, humans[-1], keyboard)
    if mode == "beamer":
        _press(app, find_button(app, "Laptop doorgeven", "Pass the laptop"), keyboard)
        assert app.top.choices.mode == "beamer"
    seats = app.top.choices.seats
    assert [s.bot for s in seats] == [False, False, True, True]
    _press(app, find_button(app, "Start het spel", "Start the game"), keyboard)


def _human_turn(app, keyboard: bool, done_this_turn: set, screens: set) -> None:
    """A simple but complete human policy: join, found, invite, invest, end the turn."""
    session = app.session
    state = session.state
    seat = session.current()
    me = state.seats[seat]
    if _press(app, find_button(app, "Sluit je aan", "Join "), keyboard):
        return
    if me.coalition < 0 and not any(c.active for c in state.coalitions) and "propose" not in done_this_turn:
        done_this_turn.add("propose")
        if _press(app, find_button(app, "Stel een coalitie voor", "Propose a coalition"), keyboard):
            assert app.top.shot_name() == "coalition"
            screens.add("coalition")
            _press(app, find_button(app, "Stel de coalitie voor", "Propose the coalition"), keyboard)
            return
    coalition = state.coalition_of(seat)
    if coalition is not None and coalition.lead() == seat and "invite" not in done_this_turn:
        done_this_turn.add("invite")
        if _press(app, find_button(app, "Nodig uit voor", "Invite to your"), keyboard):
            if not _press(app, find_button(app, "Nodig uit", "Invite"), keyboard):
                _press(app, find_button(app, "Terug", "Back"), keyboard)
            return
    if me.ap > 0 and "invest" not in done_this_turn and any(me.res):
        done_this_turn.add("invest")
        if _press(app, find_button(app, "Investeer in de opgave", "Invest in the challenge"), keyboard):
            assert app.top.shot_name() == "action"
            screens.add("action")
            plus = _by_y(app, "+")
            richest = max(range(4), key=lambda i: me.res[i])
            _press(app, plus[richest], keyboard)
            if not _press(app, find_button(app, "Investeer", "Invest"), keyboard):
                _press(app, find_button(app, "Terug", "Back"), keyboard)
            return
    done_this_turn.clear()
    _press(app, find_button(app, "Beurt klaar", "End turn"), keyboard)


def play_through(app, lang: str, mode: str, keyboard: bool = False, scenario: str = "") -> dict:
    """Play from the menu to the debrief; return what was seen."""
    _setup(app, lang, mode, keyboard, scenario)
    seen = {"screens": set(), "goal_leaks": [], "turns": 0, "dilemmas": set(), "table_texts": set()}
    goals = None
    done: set = set()
    for _ in range(MAX_LOOPS):
        top = app.top
        seen["screens"].add(top.shot_name() if hasattr(top, "shot_name") else top.name)
        if goals is None and app.session is not None:
            state = app.session.state
            goals = [state.book.goal(s.role, s.goal).text.get(lang) for s in state.seats]
        if mode == "beamer" and goals and top.name != "debrief":
            shown = texts_on_screen(app)
            seen["goal_leaks"] += [g for g in goals if g in shown]
        if top.name == "debrief":
            break
        if top.name == "trend":
            _press(
                app,
                find_button(
                    app, "Verder", "Continue", "Naar het dilemma", "To the dilemma", "Volgende kaart", "Next card"
                ),
                keyboard,
            )
        elif top.name == "dilemma":  # the table answers: the first answer, then the second, in turn
            seen["dilemmas"].add(top.trend)
            answer = "2" if seen["turns"] % 2 else "1"
            _press(app, find_button(app, f"Kies {answer}", f"Choose {answer}"), keyboard)
        elif top.name == "handover":
            key(app, pygame.K_SPACE)
            assert app.top.revealed
            key(app, pygame.K_SPACE)
        elif top.name == "summary":
            _press(app, find_button(app, "Naar de", "To the"), keyboard)
        elif top.name == "table":
            seen["table_texts"].update(texts_on_screen(app).splitlines() if seen["turns"] < 3 else ())
            seat = app.session.current()
            if seat >= 0 and not app.session.is_bot(seat):
                seen["turns"] += 1
                _human_turn(app, keyboard, done, seen["screens"])
            else:
                step(app, 1, dt=0.5)
        else:
            step(app, 1)
    else:
        pytest.fail(f"the game did not reach the debrief; stuck on {app.top.name}")
    seen["goals"] = goals
    return seen


@pytest.mark.parametrize(
    "lang, mode, scenario",
    [("nl", "pass", ""), ("en", "pass", "Staatsburcht"), ("nl", "beamer", "Ikhoven"), ("en", "beamer", "")],
)
def test_a_whole_game_with_the_mouse(lang, mode, scenario):
    app = new_app()
    seen = play_through(app, lang, mode, scenario=scenario)
    assert app.top.name == "debrief"
    assert {"setup", "trend", "dilemma", "table", "summary", "action", "coalition"} <= seen["screens"] | {"setup"}
    if mode == "pass":
        assert "handover" in seen["screens"]
    else:
        assert "handover" not in seen["screens"]
        assert seen["goal_leaks"] == [], "a private goal was drawn in beamer mode"
    app.draw()
    debrief_text = texts_on_screen(app)
    for goal in seen["goals"]:
        assert goal in debrief_text, "the debrief reveals every private goal"
    assert seen["turns"] >= 10
    # the other parties of the future: on the table, and in Ikhoven the national government's dilemma
    parties = {"nl": "Andere partijen in deze toekomst", "en": "Other parties in this future"}[lang]
    assert any(parties in t for t in seen["table_texts"])
    if scenario == "Ikhoven":
        assert "rijk:taak_terug" in seen["dilemmas"]


def test_a_whole_game_with_the_keyboard_alone():
    app = new_app()
    seen = play_through(app, "nl", "pass", keyboard=True)
    assert app.top.name == "debrief"
    assert {"trend", "dilemma", "table", "summary", "handover"} <= seen["screens"]


def test_beamer_peek_shows_the_goal_only_while_the_key_is_held():
    app = new_app()
    _setup(app, "nl", "beamer", keyboard=False)
    for _ in range(40):
        if app.top.name == "table" and not app.session.is_bot(app.session.current()):
            break
        if app.top.name == "trend":
            click(app, find_button(app, "Verder", "Naar het dilemma", "Volgende kaart"))
        elif app.top.name == "dilemma":
            click(app, find_button(app, "Kies 1"))
        else:
            step(app, 1, dt=0.5)
    assert app.top.name == "table"
    seat = app.session.current()
    state = app.session.state
    goal = state.book.goal(state.seats[seat].role, state.seats[seat].goal).text.get("nl")
    key(app, pygame.K_g)  # first press: the warning to blank the beamer
    app.draw()
    assert goal not in texts_on_screen(app)
    assert "beamer" in texts_on_screen(app)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_g, mod=0, unicode="g", scancode=0))
    step(app, 1)
    app.draw()
    assert goal in texts_on_screen(app)
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=pygame.K_g, mod=0, unicode="g", scancode=0))
    step(app, 1)
    app.draw()
    assert goal not in texts_on_screen(app)


def test_the_facilitator_can_undo_skip_and_end(content):
    app = new_app()
    _setup(app, "nl", "pass", keyboard=False)
    for _ in range(60):
        if app.top.name == "table" and not app.session.is_bot(app.session.current()):
            break
        if app.top.name == "trend":
            click(app, find_button(app, "Verder", "Naar het dilemma", "Volgende kaart"))
        elif app.top.name == "dilemma":
            click(app, find_button(app, "Kies 1"))
        elif app.top.name == "handover":
            key(app, pygame.K_SPACE)
            key(app, pygame.K_SPACE)
        else:
            step(app, 1, dt=0.5)
    session = app.session
    seat = session.current()
    click(app, find_button(app, "Bouw aan het feitenfundament"))
    assert session.state.needs_known
    key(app, pygame.K_F2)
    assert app.top.name == "facilitator"
    click(app, find_button(app, "ongedaan"))
    assert not session.state.needs_known, "undo replays the shorter action list"
    assert session.current() == seat
    key(app, pygame.K_F2)
    click(app, find_button(app, "overslaan"))
    assert session.current() != seat
    key(app, pygame.K_F2)
    end = find_button(app, "nu beëindigen en nabespreken")
    click(app, end)
    assert app.top.name == "facilitator", "one press only asks to be sure"
    click(app, find_button(app, "Toch niet"))  # a double click on "end" lands on "do not end"
    assert app.top.name == "facilitator" and find_button(app, "Ja, beëindig") is None
    click(app, find_button(app, "nu beëindigen en nabespreken"))
    sure = find_button(app, "Ja, beëindig")
    assert not sure.rect.colliderect(end.rect), "the confirmation is not where the pointer pressed"
    click(app, sure)
    assert app.top.name == "debrief"


def test_leaving_a_coalition_asks_once_and_a_double_click_does_not_leave(content):
    from game.engine import Propose
    from tests.screens import open_screen

    app = new_app(size=(1280, 720))
    open_screen(app, "table")
    session = app.session
    seat = session.current()
    if session.state.coalition_of(seat) is None:
        session.act(
            Propose(seat, session.state.book.content.challenges[session.state.book.setup.challenge].kvds[0].id, "lead")
        )
        app.top.rebuild()
        step(app, 2)
    leave = find_button(app, "Verlaat de coalitie", "Stap uit")
    assert leave is not None, [b.text for b in app.top.buttons]
    click(app, leave)
    click(app, leave) if leave.alive() else None  # the second click of a double click
    assert session.state.coalition_of(seat) is not None, "one press (or a double click) only asks"
    sure = find_button(app, "Ja, stap uit")
    assert sure is not None and not sure.rect.colliderect(leave.rect)
    assert "vertrouwen" in texts_on_screen(app)
    click(app, find_button(app, "Terug"))
    assert session.state.coalition_of(seat) is not None
    click(app, find_button(app, "Verlaat de coalitie", "Stap uit"))
    click(app, find_button(app, "Ja, stap uit"))
    assert session.state.coalition_of(seat) is None


def test_the_turn_timer_says_when_time_is_up():
    from tests.screens import open_screen

    app = new_app(size=(1280, 720))
    open_screen(app, "table")
    app.session.timer_minutes = 1
    table = app.top
    table.update(0.01)
    assert table.timer_left is not None and table.timer_left > 59
    table.update(61.0)
    assert table.timer_left == 0 and "tijd is om" in table.info.lower()


def test_the_facilitator_changes_text_size_and_language_mid_game():
    from tests.screens import open_screen

    app = new_app(size=(1280, 720))
    open_screen(app, "facilitator")
    assert app.settings.text_size == 100 and app.settings.lang == "nl"
    click(app, find_button(app, "Tekstgrootte: 100"))
    assert app.settings.text_size == 125 and app.top.name == "facilitator"
    click(app, find_button(app, "Taal: Nederlands"))
    assert app.settings.lang == "en" and find_button(app, "Text size: 125") is not None
    click(app, find_button(app, "Resume"))
    assert app.top.name == "table"
    assert "Progress of the challenge" in texts_on_screen(app)
    assert not layout_problems(app)
