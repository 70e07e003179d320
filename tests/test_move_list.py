"""One list of moves: the buttons on the table are the engine's options (`engine.moves`), enabled exactly when the
engine has a legal action for them, with the engine's reason when it has none; and `legal_actions` is that
list flattened. Checked in random positions of real games, on the real table scene."""

from __future__ import annotations

import random

import pytest

from game.engine import legal_actions, options
from game.engine.state import PHASE_ACTIONS
from game.ui.flow import start_game
from game.ui.scenes.setup import SetupChoices
from game.ui.scenes.table import TableScene
from tests.conftest import engine_move
from tests.ui_driver import new_app, step

POSITIONS = 60


def _positions(app, seed: int):
    """Random positions of one game with four human seats: every move a random legal action."""
    choices = SetupChoices(app)
    choices.seed = seed
    for seat in choices.seats:
        seat.bot = False
    start_game(app, choices.setup(app), "beamer")
    session = app.session
    rnd = random.Random(seed)
    while session.needs_engine() != "over":
        if not engine_move(session):
            yield session.state
            session.act(rnd.choice(legal_actions(session.state)))


@pytest.mark.parametrize("seed", [3, 8])
def test_the_enabled_buttons_on_the_table_are_the_engines_legal_moves(seed):
    app = new_app()
    seen = 0
    for state in _positions(app, seed):
        if seen >= POSITIONS:
            break
        assert state.phase == PHASE_ACTIONS
        app.goto(TableScene(app))
        step(app, 1)
        table = app.top
        shown = {}
        for _ in range(10):  # every page of the list (a long list has pages, with a row to the next page)
            shown.update(
                {option.key: (btn.is_enabled, option) for btn, option in table.action_keys.items() if btn.alive()}
            )
            table.actions._next_page()
            step(app, 1)
            if table.actions.page == 0:
                break
        engine = {option.key: option for option in options(state) if option.kind != "end_turn"}
        assert set(shown) == set(engine), (seed, seen)
        for key, option in engine.items():
            enabled, on_button = shown[key]
            assert enabled == option.possible, (seed, seen, key)
            assert on_button.actions == option.actions and on_button.reason == option.reason, (seed, seen, key)
        legal = {a for option in options(state) for a in option.actions}
        assert legal == set(legal_actions(state))
        seen += 1
    assert seen >= 20, "the games were too short to test"
