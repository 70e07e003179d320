"""The rules engine: purity, legality, replay, JSON round trips, golden games, random playouts."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import (
    RESULTS,
    BuildFacts,
    EndTurn,
    GameState,
    IllegalAction,
    Invest,
    Propose,
    SeatSetup,
    Setup,
    action_from_json,
    action_to_json,
    apply,
    check,
    is_over,
    legal_actions,
    new_game,
    outcome,
    replay,
)
from game.engine.rules import apply_in_place
from game.words import reason_text, words
from tests.conftest import ROOT, to_actions

ROLES = ("wethouder", "inwoner", "bedrijf", "professional")


def _setup(scenario="samendam", challenge="eenzaamheid_ouderen", n=4, seed=3, rounds=5):
    seats = tuple(SeatSetup(ROLES[i % 4], f"Speler {i + 1}") for i in range(n))
    return Setup(scenario, challenge, seats, rounds, seed)


def test_the_engine_never_imports_pygame():
    code = (
        "import sys; import game.engine, game.bots, game.analysis.simulate; "
        "assert 'pygame' not in sys.modules and 'pygame_gui' not in sys.modules, 'pygame imported'; print('pure')"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0 and "pure" in done.stdout, done.stderr


def test_the_engine_has_no_module_level_randomness_or_io():
    for path in (ROOT / "game" / "engine").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        for forbidden in ("import random", "from random", "open(", "import pygame", "time.time", "os.environ"):
            assert forbidden not in text, f"{path.name} uses {forbidden}"


def test_a_new_game_starts_with_a_trend(content):
    state = new_game(content, _setup())
    assert state.phase == "trend" and state.round == 1
    assert legal_actions(state) == [type(legal_actions(state)[0])()]
    assert sorted(state.deck) == sorted(content.trends)


def test_an_illegal_action_raises_with_a_reason_in_both_languages_and_changes_nothing(content):
    state = new_game(content, _setup())
    state = to_actions(state)  # draw the trend, answer its dilemma
    before = json.dumps(state.to_json(), sort_keys=True)
    wrong_seat = (state.turn + 1) % 4
    with pytest.raises(IllegalAction) as info:
        apply(state, EndTurn(wrong_seat))
    assert reason_text(info.value.reason, "nl") != reason_text(info.value.reason, "en")
    assert "beurt" in reason_text(info.value.reason, "nl")
    too_much = Invest(state.turn, (50, 0, 0, 0))
    with pytest.raises(IllegalAction):
        apply(state, too_much)
    assert json.dumps(state.to_json(), sort_keys=True) == before
    assert isinstance(IllegalAction(check(state, too_much)), ValueError)


def test_apply_returns_a_new_state_and_leaves_the_old_one(content):
    state = to_actions(new_game(content, _setup()))
    seat = state.turn
    after = apply(state, BuildFacts(seat))
    assert after is not state
    assert state.seats[seat].ap == 2 and after.seats[seat].ap == 1
    assert not state.needs_known and after.needs_known


def test_a_coalition_needs_a_kvd_of_the_challenge_and_distinct_roles(content):
    state = to_actions(new_game(content, _setup()))
    seat = state.turn
    assert check(state, Propose(seat, "geen_doel", "lead")) is not None
    kvd = content.challenges["eenzaamheid_ouderen"].kvds[0].id
    state = apply(state, Propose(seat, kvd, "lead"))
    assert state.coalitions[0].members == {seat: "lead"}
    assert check(state, Propose(seat, kvd, "lead")).key == "already_in_coalition"


def test_every_engine_sentence_exists_in_dutch_and_english():
    table = words()
    engine_keys = [k for k in table["nl"] if k.split(".")[0] in ("reason", "phase", "line", "resource", "indicator")]
    assert len(engine_keys) > 60
    for key in engine_keys:
        assert table["nl"][key] and table["en"].get(key), key


def _random_playout(content, setup, choose):
    state = new_game(content, setup)
    n_trends = len(content.trends)
    steps = 0
    budgets = [actor.budget for actor in state.book.actors]
    while not is_over(state):
        actions = legal_actions(state)
        assert actions, "a running game always has a legal action"
        action = actions[choose(len(actions))]
        knobs, far = list(state.knobs), list(state.knobs_far)
        apply_in_place(state, action)
        steps += 1
        # the actors spend within their budgets; a move that happens once happens once; knobs only turn on
        assert all(0 <= left <= most for left, most in zip(state.budgets, budgets, strict=True))
        assert len(set(state.actor_done)) == len(state.actor_done)
        assert all(after >= before for after, before in zip(state.knobs, knobs, strict=True))
        assert all(f == g or g == 0 for f, g in zip(state.knobs_far, far, strict=True)), "a knob stays turned far"
        for seat in state.seats:
            assert min(seat.res) >= 0, "a resource went negative"
            assert seat.ap >= 0
        assert 0 <= state.progress <= 100
        assert all(0 <= v <= 100 for v in state.ind)
        assert all(0 <= state.trust[a][b] <= 10 for a in range(len(state.seats)) for b in range(len(state.seats)))
        drawn = [t for r in state.drawn for t in r]
        assert sorted(drawn + state.deck) == sorted(content.trends), "the deck's cards are conserved"
        assert len(drawn) + len(state.deck) == n_trends
        assert steps < 5000
    return state


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 2**32),
    scenario=st.sampled_from(["samendam", "ikhoven", "staatsburcht"]),
    challenge=st.sampled_from(["eenzaamheid_ouderen", "laaggeletterdheid", "schulden", "samenhang_wijk"]),
    n=st.integers(2, 6),
    rounds=st.integers(1, 5),
    data=st.data(),
)
def test_random_legal_playouts_keep_the_invariants(content, seed, scenario, challenge, n, rounds, data):
    # End the turn more often than uniform choice would, so that games reach their end in a sane number of steps.
    def choose(k):
        return data.draw(st.integers(0, k - 1), label="action")

    state = _random_playout(content, _setup(scenario, challenge, n, seed, rounds), choose)
    assert is_over(state)
    again = replay(content, state.book.setup, state.actions)
    assert again.to_json() == state.to_json(), "replay gives the identical state"
    text = json.dumps(state.to_json())
    back = GameState.from_json(json.loads(text), state.book)
    assert back.to_json() == state.to_json(), "the state round-trips through JSON"
    assert outcome(state).result in RESULTS
    assert len(state.answers) == sum(e.kind == "answered" for e in state.events), "every answer is told"


def test_actions_round_trip_through_json(content):
    import random

    rnd = random.Random(5)
    state = new_game(content, _setup(n=5))
    while not is_over(state):
        actions = legal_actions(state)
        action = rnd.choice(actions)
        assert action_from_json(json.loads(json.dumps(action_to_json(action)))) == action
        apply_in_place(state, action)


@pytest.mark.parametrize(
    "bad",
    [
        None,
        {},
        {"kind": "nope"},
        {"kind": "invest", "seat": 0, "amounts": [1, 2]},
        {"kind": "end_turn", "seat": "x"},
        {"kind": "end_turn"},
    ],
)
def test_a_bad_action_in_json_is_a_value_error(bad):
    with pytest.raises(ValueError):
        action_from_json(bad)


GOLDEN = sorted((Path(__file__).parent / "golden").glob("*.json"))


@pytest.mark.parametrize("path", GOLDEN, ids=[p.stem for p in GOLDEN])
def test_golden_games_replay_to_their_recorded_end(content, path):
    data = json.loads(path.read_text(encoding="utf-8"))
    setup = Setup.from_json(data["setup"])
    state = replay(content, setup, [action_from_json(a) for a in data["actions"]])
    expected = data["expected"]
    assert is_over(state)
    assert list(state.ind) == expected["indicators"]
    assert round(state.progress, 6) == expected["progress"]
    assert outcome(state).to_json() == expected["outcome"]
    assert len(state.history) - 1 == expected["rounds_played"]


def test_there_are_three_golden_games():
    assert len(GOLDEN) == 3


def test_every_event_kind_is_typed_and_round_trips_through_json(content):
    """Events are small typed records; saved as [round, kind, field, ...] as before, read back the same."""
    from game.analysis.simulate import play, table
    from game.engine.events import EVENT_TYPES, Event, event_from_json

    kinds = set()
    for seed in range(12):
        for scenario in sorted(content.scenarios):
            state = play(
                content, Setup(scenario, sorted(content.challenges)[seed % 6], table(content, 4, "balanced"), 5, seed)
            )
            for event in state.events:
                assert isinstance(event, Event)
                data = event.to_json()
                assert data[0] == event.round and data[1] == event.kind
                assert event_from_json(data) == event
                kinds.add(event.kind)
    assert {"trend", "founded", "joined", "vital", "actor", "knob_far", "knob_works"} <= kinds <= set(EVENT_TYPES)


def test_copy_and_json_cover_every_field_of_the_state():
    """copy(), to_json() and from_json() are made from one field list per class: it names every field."""
    from dataclasses import fields

    from game.engine.state import COALITION_FIELDS, SEAT_FIELDS, STATE_FIELDS, Coalition, GameState, Seat

    assert [f.name for f in fields(GameState)] == ["book"] + [name for name, _ in STATE_FIELDS]
    assert [f.name for f in fields(Seat)] == [name for name, _ in SEAT_FIELDS]
    assert [f.name for f in fields(Coalition)] == [name for name, _ in COALITION_FIELDS]
