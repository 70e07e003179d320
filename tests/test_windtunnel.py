"""The wind tunnel: a group's strategy from its log, played by bots under every scenario (issue 5, part 3)."""

import json

import pytest

from game.analysis.gamelog import read_log, write_log
from game.analysis.windtunnel import (
    Cancelled,
    choices,
    group_strategy,
    run_windtunnel,
    spending_profile,
)
from tests.conftest import make_log, run_game

SCENARIOS = ["samendam", "ikhoven", "staatsburcht"]  # the content's order (its `order` field)


@pytest.fixture(scope="module")
def balanced_log(content, game_log_file):
    return read_log(game_log_file, content)


@pytest.fixture(scope="module")
def small_run(content, balanced_log):
    return run_windtunnel(content, balanced_log, games=30)


# ------------------------------------------------------------------------------------- reading the log
def test_group_strategy_of_the_balanced_log(balanced_log):
    profiles = group_strategy(balanced_log)
    assert len(profiles) == 4
    assert all(p.coalition and not p.passive for p in profiles)
    # the professional founded as lead; every role at the table joined
    assert {p.lead_roles for p in profiles} == {("professional",)}
    assert set(profiles[0].member_roles) == {"wethouder", "inwoner", "bedrijf", "professional"}
    assert profiles[2].facts  # the professional built the fact foundation
    assert [p.talk for p in profiles] == [False, False, False, True]
    assert [p.learning for p in profiles] == [False, False, True, False]  # the professional organised learning
    assert not any(p.fairness for p in profiles)  # nobody raised equality with an action of its own
    # the table's answers to the dilemmas: the strategy's stance (balanced protects)
    assert {p.stance for p in profiles} == {"protect"}
    assert profiles[0].signatures == ("convene", "cut_red_tape")  # used three times, then twice
    assert profiles[1].signatures == ("start_initiative",)
    assert [p.seize for p in profiles] == [False, True, False, True]


def test_a_passive_group_reads_as_passive_and_has_no_choices(content, tmp_path):
    log = read_log(write_log(make_log(content, strategy="passive"), tmp_path), content)
    assert all(p.passive for p in group_strategy(log))
    assert choices(log, content) == []
    result = run_windtunnel(content, log, games=5).to_json()
    assert [r["realised"] for r in result["results"]] == [0.0, 0.0, 0.0]
    assert result["robust"] == [] and result["fragile"] == []


def test_spending_profile_counts_actions_and_resources(balanced_log):
    table = spending_profile(balanced_log)
    assert [row["role"] for row in table] == ["wethouder", "inwoner", "professional", "bedrijf"]
    assert [row["human"] for row in table] == [True, True, False, False]
    for s, row in enumerate(table):
        own = [a for a in balanced_log.actions if a.seat == s]
        assert sum(row["actions"].values()) == len(own)
        invested = [sum(a.amounts[i] for a in own if a.kind == "invest") for i in range(4)]
        assert list(row["invested"].values()) == invested
        assert all(row["contributed"][k] >= row["invested"][k] for k in row["invested"])
    assert table[0]["signatures"] == {"convene": 3, "cut_red_tape": 2}
    assert table[0]["spent"]["time"] > 0


def test_choices_have_stable_ids_labels_and_a_cap(content, balanced_log):
    found = choices(balanced_log, content)
    ids = [c.id for c in found]
    assert 1 <= len(ids) <= 6 and len(set(ids)) == len(ids)
    assert ids[:4] == ["coalition", "lead:professional", "facts", "learning"]
    for c in found:
        assert c.label["nl"] and c.label["en"]
    profiles = group_strategy(balanced_log)
    learning = next(c for c in found if c.id == "learning")
    assert not any(p.learning for p in learning.without(profiles))


# ------------------------------------------------------------------------------------------- running
def test_the_result_follows_the_contract(small_run):
    data = small_run.to_json()
    assert data["played_scenario"] == "samendam"
    assert [r["scenario"] for r in data["results"]] == SCENARIOS
    for r in data["results"]:
        assert r["games"] == 30
        assert 0.0 <= r["realised"] <= 1.0
        assert 0.0 <= r["mean_progress"] <= 100.0
        assert set(r["mean_indicators"]) == {"wellbeing", "participation", "equality", "trust_gov", "finances"}
        assert len(r["broken_by"]) <= 3
    for item in data["robust"] + data["fragile"]:
        assert item["id"] and item["label"]["nl"] and item["label"]["en"]
        assert set(item["gains"]) == set(SCENARIOS)
    # without a coalition nothing moves, in any future
    assert "coalition" in [c["id"] for c in data["robust"]]
    json.dumps(data)


def test_the_wind_tunnel_is_deterministic(content, balanced_log, small_run):
    again = run_windtunnel(content, balanced_log, games=30)
    assert again.to_json() == small_run.to_json()


def test_progress_is_reported_and_cancel_stops_it(content, balanced_log):
    seen = []
    run_windtunnel(content, balanced_log, games=12, progress=lambda done, total: seen.append((done, total)))
    total = seen[-1][1]
    assert seen[-1] == (total, total)
    assert all(b[0] - a[0] <= 10 for a, b in zip(seen, seen[1:], strict=False))
    with pytest.raises(Cancelled):
        run_windtunnel(content, balanced_log, games=12, cancel=lambda: True)


def test_text_lines_in_both_languages(small_run):
    nl = "\n".join(small_run.lines("nl"))
    en = "\n".join(small_run.lines("en"))
    assert "Samendam (gespeeld)" in nl and "Robuust" in nl
    assert "Samendam (played)" in en and "Robust" in en and "Ikhoven" in en


# ----------------------------------------------------------------------------------------------- CLI
def test_cli_json(game_log_file):
    before = game_log_file.read_bytes()
    done = run_game("windtunnel", "--log", str(game_log_file), "--games", "20", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["played_scenario"] == "samendam"
    assert len(data["results"]) == 3
    for r in data["results"]:
        assert r["games"] == 20 and 0.0 <= r["realised"] <= 1.0
        assert isinstance(r["mean_progress"], (int, float))
    assert isinstance(data["robust"], list) and isinstance(data["fragile"], list)
    assert done.stderr == ""  # no progress bar when stderr is not a terminal
    assert game_log_file.read_bytes() == before


def test_cli_text(game_log_file):
    done = run_game("windtunnel", "--log", str(game_log_file), "--games", "10", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "Samendam (played)" in done.stdout


def _bad(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("case", ["not_json", "truncated", "newer", "unknown_scenario", "missing"])
def test_cli_bad_logs_fail_in_one_line(case, game_log_file, tmp_path):
    good = game_log_file.read_text(encoding="utf-8")
    data = json.loads(good)
    if case == "not_json":
        path = _bad(tmp_path, "x.json", "dit is geen json\n")
    elif case == "truncated":
        path = _bad(tmp_path, "half.json", good[: len(good) // 2])
    elif case == "newer":
        path = _bad(tmp_path, "v99.json", json.dumps({**data, "format_version": 99}))
    elif case == "unknown_scenario":
        data["scenario"] = data["setup"]["scenario"] = "atlantis"
        path = _bad(tmp_path, "atlantis.json", json.dumps(data))
    else:
        path = tmp_path / "nope.json"
    before = path.read_bytes() if path.exists() else None
    done = run_game("windtunnel", "--log", str(path), "--games", "5", "--json")
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert done.stdout == ""
    if before is not None:
        assert path.read_bytes() == before
    else:
        assert not path.exists()
