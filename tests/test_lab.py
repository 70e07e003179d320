"""The balance lab (`python -m game lab`): its JSON contract, its named rows equal to `simulate`, and the same
result however the work is spread over processes. The balance targets themselves are asserted in
tests/test_lab_targets.py."""

from __future__ import annotations

import json

import pytest

from game.analysis import lab
from game.analysis.lab_targets import summary, targets
from tests.conftest import run_game

CONTRACT = (
    "scenarios",
    "games",
    "profiles",
    "named",
    "random",
    "seed_share",
    "strategy_share",
    "seats",
    "fairness_failed",
    "equality_change",
    "move_ties",
    "goals_met",  # beyond the contract: each private goal's share of the realised games that met it
)


@pytest.fixture(scope="module")
def small(content):
    return lab.run(content, profiles=8, games=6, tie_decisions=2, workers=1)


def test_the_json_holds_every_field_of_the_contract(small, content):
    assert all(key in small for key in CONTRACT)
    scenarios = content.scenario_ids()
    assert small["scenarios"] == scenarios
    assert len(small["profiles"]) == 8 and len({p["id"] for p in small["profiles"]}) == 8
    for profile in small["profiles"]:
        assert set(profile["realised"]) == set(scenarios)
        assert all(0 <= v <= 1 for v in profile["realised"].values())
        assert all(0 <= v <= 100 for v in profile["progress"].values())
    assert set(small["named"]) == set(content.strategy_ids())
    for key in ("seed_share", "strategy_share", "move_ties", "goals_met"):
        assert all(0 <= v <= 1 for v in small[key].values()), key
    goals = {f"{role}:{goal.id}" for role in content.roles for goal in content.roles[role].private_goals}
    assert set(small["goals_met"]) <= goals
    assert set(small["seats"]) == {"3", "6"}


def test_the_named_rows_are_what_simulate_gives(small, content):
    out = run_game("simulate", "--scenario", "all", "--strategy", "all", "--games", "6", "--seed", "1", "--json")
    assert out.returncode == 0, out.stderr
    for row in json.loads(out.stdout)["results"]:
        assert small["named"][row["strategy"]]["realised"][row["scenario"]] == row["realised"], row


def test_spreading_the_work_over_processes_changes_nothing(small, content):
    spread = lab.run(content, profiles=8, games=6, tie_decisions=2, workers=2)
    assert json.dumps(spread, sort_keys=True) == json.dumps(small, sort_keys=True)


def test_the_summary_names_each_target(small, content):
    lines = summary(small, content)
    for target in targets(small, content):
        assert any(target.name in line for line in lines)


def test_the_command_prints_json_and_words():
    out = run_game("lab", "--profiles", "4", "--games", "3", "--workers", "1", "--json")
    assert out.returncode == 0, out.stderr
    assert len(json.loads(out.stdout)["profiles"]) == 4
    words = run_game("lab", "--profiles", "4", "--games", "3", "--workers", "2")
    assert words.returncode == 0 and "Balance lab" in words.stdout and "Traceback" not in words.stderr
