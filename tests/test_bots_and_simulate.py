"""Computer players and `simulate`: deterministic, legal, explained, and the command line's contract."""

import json

import pytest

from game.analysis.simulate import play, table
from game.bots import Bot, make_bots
from game.bots.words import KEYS
from game.engine import Setup, check, new_game
from game.engine.rules import apply_in_place
from game.words import words
from tests.conftest import run_game

SCENARIOS = ("samendam", "ikhoven", "staatsburcht")


# The teaching property (what works depends on the future, robust options hold in every future) is asserted by
# the balance lab's targets over the whole strategy space: tests/test_lab_targets.py.


def test_bots_are_deterministic_and_only_take_legal_actions(content):
    setup = Setup("ikhoven", "schulden", table(content, 5, "balanced"), 5, 99)
    first = play(content, setup)
    second = play(content, setup)
    assert first.actions == second.actions
    # Replaying through the checked path proves every bot action was legal where it was taken.
    state = new_game(content, setup)
    for action in first.actions:
        assert check(state, action) is None
        apply_in_place(state, action)


def test_no_strategy_reads_the_scenario():
    import inspect

    import game.bots.player as player
    import game.bots.strategies as strategies

    for module in (player, strategies):
        source = inspect.getsource(module)
        for name in ("samendam", "ikhoven", "staatsburcht", ".scenario"):
            assert name not in source, f"{module.__name__} mentions {name}"


def test_a_bot_explains_its_choice_in_both_languages(content):
    state = new_game(content, Setup("samendam", "schulden", table(content, 4, "balanced"), 5, 4))
    apply_in_place(state, __import__("game.engine", fromlist=["DrawTrend"]).DrawTrend())
    bot = Bot(state.turn, "balanced", 4)
    action, because = bot.choose(state)
    assert check(state, action) is None
    name = state.seats[state.turn].name
    assert name in because.text("nl", name) and name in because.text("en", name)
    assert because.text("nl", name) != because.text("en", name)
    for key in KEYS:
        assert words()["nl"].get(f"bot.{key}") and words()["en"].get(f"bot.{key}"), key


def test_make_bots_covers_computer_seats_only(content):
    seats = table(content, 4, "balanced")
    human = (seats[0].__class__(seats[0].role, "Anna", False),) + seats[1:]
    state = new_game(content, Setup("samendam", "schulden", human, 5, 1))
    assert sorted(make_bots(state)) == [1, 2, 3]
    assert sorted(make_bots(state, "solo")) == [0, 1, 2, 3]


def test_simulate_json_has_the_contracted_shape_and_is_byte_for_byte_repeatable():
    args = ("simulate", "--scenario", "all", "--strategy", "balanced", "--games", "20", "--seed", "5", "--json")
    first = run_game(*args)
    second = run_game(*args)
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert data["seed"] == 5 and data["games"] == 20
    assert [r["scenario"] for r in data["results"]] == sorted(SCENARIOS)
    for r in data["results"]:
        assert set(r) == {"scenario", "strategy", "games", "realised", "mean_progress", "mean_indicators"}
        assert 0 <= r["realised"] <= 1 and 0 <= r["mean_progress"] <= 100
        assert set(r["mean_indicators"]) == {"wellbeing", "participation", "equality", "trust_gov", "finances"}


def test_simulate_prints_a_table():
    done = run_game("simulate", "--scenario", "samendam", "--games", "5", "--strategy", "all")
    assert done.returncode == 0, done.stderr
    assert "balanced" in done.stdout and "passive" in done.stdout


@pytest.mark.parametrize(
    "args, words",
    [
        (("--scenario", "utopia", "--games", "5"), 'unknown scenario "utopia"'),
        (("--scenario", "samendam", "--games", "5", "--strategy", "chaos"), 'unknown strategy "chaos"'),
        (("--scenario", "samendam", "--games", "5", "--challenge", "nope"), 'unknown challenge "nope"'),
        (("--scenario", "samendam", "--games", "-3"), "expected a whole number from 1 to 100000"),
        (("--scenario", "samendam", "--games", "99999999999"), "expected a whole number from 1 to 100000"),
        (("--scenario", "samendam", "--games", "veel"), 'expected a whole number, got "veel"'),
        (("--scenario", "samendam"), "required"),
    ],
)
def test_simulate_refuses_bad_input_in_one_line(args, words):
    done = run_game("simulate", *args)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and words in lines[0], done.stderr


def test_simulate_refuses_a_broken_content_pack(tmp_path):
    (tmp_path / "trends").mkdir()
    (tmp_path / "trends" / "kapot.yaml").write_text("id: [kapot\n", encoding="utf-8")
    done = run_game("simulate", "--scenario", "samendam", "--games", "3", "--content", str(tmp_path))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "kapot.yaml" in done.stderr
