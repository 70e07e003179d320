"""Comparing tables (issue 19): session codes, `compare`, skipped logs and what-if branches."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from game.analysis.sessioncode import ALPHABET, MAX_SEED, SessionCodeError, code_of, decode, encode
from game.engine import SeatSetup, Setup, new_game
from game.saves import state_digest
from tests.conftest import make_log, run_game

CODE_SEED = 1234


def _setup(content, scenario: str, seed: int = CODE_SEED) -> Setup:
    seats = tuple(SeatSetup(r, f"N{i}", True, content.default_strategy()) for i, r in enumerate(content.table_roles(4)))
    return Setup(scenario, sorted(content.challenges)[0], seats, 5, seed)


# ------------------------------------------------------------------------------------------- session codes
def test_a_code_carries_seed_challenge_rounds_and_future(content):
    for challenge in sorted(content.challenges):
        for scenario in [None, *content.scenario_ids()]:
            for seed, rounds in ((0, 1), (CODE_SEED, 5), (MAX_SEED, 10)):
                code = encode(content, seed, challenge, rounds, scenario)
                assert code is not None and len(code) == len("VC-XXXX-XXXX")
                said = decode(content, code)
                assert (said.seed, said.challenge, said.rounds, said.scenario) == (seed, challenge, rounds, scenario)
                # read aloud and typed loosely: lower case, spaces, no dashes, O for 0
                loose = code.lower().replace("-", " ").replace("0", "o")
                assert decode(content, loose) == said


def test_a_code_cannot_carry_every_seed(content):
    challenge = sorted(content.challenges)[0]
    assert encode(content, MAX_SEED + 1, challenge, 5) is None
    assert code_of(content, _setup(content, content.scenario_ids()[0], seed=10**9)) is None


def test_a_mistyped_code_is_named_a_typo(content):
    code = encode(content, CODE_SEED, sorted(content.challenges)[0], 5)
    chars = code.replace("-", "")[2:]
    undetected = 0
    for i, ch in enumerate(chars):
        for other in ALPHABET:
            if other == ch:
                continue
            typed = chars[:i] + other + chars[i + 1 :]
            try:
                decode(content, typed)
                undetected += 1
            except SessionCodeError as exc:
                assert exc.key in ("typo", "other_content")
    # one wrong character is caught unless it turns a 0 into a Z or back (a weighted sum modulo 31)
    assert undetected <= len(chars)
    for i in range(len(chars) - 1):
        if chars[i] != chars[i + 1]:
            swapped = chars[:i] + chars[i + 1] + chars[i] + chars[i + 2 :]
            with pytest.raises(SessionCodeError):
                decode(content, swapped)


@pytest.mark.parametrize(
    "typed, key",
    [("", "empty"), ("VC-7K3P", "length"), ("VC-7K3P-XQ4U", "letter"), ("VC-7K3P-XQ4!", "letter")],
)
def test_a_wrong_code_says_what_is_wrong_in_both_languages(content, typed, key):
    with pytest.raises(SessionCodeError) as caught:
        decode(content, typed)
    assert caught.value.key == key
    for lang in ("nl", "en"):
        text = caught.value.text(lang)
        assert text and "{" not in text and "code." not in text


def test_a_code_of_other_content_is_named_so(content):
    from dataclasses import replace

    code = encode(content, CODE_SEED, sorted(content.challenges)[0], 5)
    other = replace(content, digest="f" * 64 if not content.digest.startswith("f") else "0" * 64)
    with pytest.raises(SessionCodeError) as caught:
        decode(other, code)
    assert caught.value.key == "other_content"


def test_one_code_deals_the_same_deck_and_goals_in_every_future(content):
    states = [new_game(content, _setup(content, s)) for s in content.scenario_ids()]
    assert len({tuple(s.deck) for s in states}) == 1
    assert len({tuple(seat.goal for seat in s.seats) for s in states}) == 1


def test_play_with_a_wrong_code_is_one_clear_line():
    done = run_game("play", "--code", "VC-09MJ-G1JX")
    assert done.returncode == 2
    assert "mistyped" in done.stderr and "Traceback" not in done.stderr
    done = run_game("play", "--code", "VC-09MJ-G1JN", "--seed", "5")
    assert done.returncode == 2 and "leave out --seed" in done.stderr


# ------------------------------------------------------------------------------------------- four tables
@pytest.fixture(scope="module")
def four_tables(tmp_path_factory, content):
    """Four laptops: one session code, three futures (two tables in the first), each played by --autoplay."""
    code = encode(content, CODE_SEED, sorted(content.challenges)[0], 5)
    folder = tmp_path_factory.mktemp("handed_in")
    futures = content.scenario_ids()
    printed = []
    for k, scenario in enumerate([futures[0], futures[1], futures[2], futures[0]]):
        home = tmp_path_factory.mktemp(f"laptop{k}")
        done = run_game(
            "play",
            "--autoplay",
            "--quit-after-debrief",
            "--code",
            code,
            "--scenario",
            scenario,
            "--window",
            "1280x720",
            env={"VITALE_COALITIES_HOME": str(home)},
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        printed.append(done.stdout.splitlines()[0])
        (log,) = (home / "logs").glob("*.json")
        shutil.copy(log, folder / f"tafel{k + 1}-{log.name}")
    return code, folder, printed


def test_autoplay_prints_the_code_first_and_logs_it(four_tables):
    code, folder, printed = four_tables
    assert printed == [f"session code: {code}"] * 4
    for path in folder.glob("*.json"):
        assert json.loads(path.read_text(encoding="utf-8"))["session_code"] == code


def test_compare_json_lists_the_four_tables_with_their_own_numbers(four_tables, tmp_path):
    code, folder, _ = four_tables
    done = run_game("compare", str(folder), "--json", "--games", "5")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert len(data["tables"]) == 4 and data["skipped"] == []
    assert data["shared_decks"] == {code: [t["file"] for t in data["tables"]]}
    for table in data["tables"]:
        log = json.loads(Path(table["file"]).read_text(encoding="utf-8"))
        assert table["shared_deck"] is True and table["session_code"] == code
        assert table["scenario"] == log["scenario"]
        assert table["outcome"] == log["outcome"]["result"]
        assert table["progress"] == log["outcome"]["progress"]
        assert table["indicators"] == log["outcome"]["indicators"]
        assert [r["progress"] for r in table["rounds"][1:]] == [r["progress"] for r in log["rounds"]]
        assert table["rounds"][-1]["indicators"] == log["rounds"][-1]["indicators"]
    assert len({t["scenario"] for t in data["tables"]}) == 3


def test_damaged_foreign_and_newer_logs_are_named_and_left_out(four_tables, tmp_path):
    _, folder, _ = four_tables
    mixed = tmp_path / "mixed"
    shutil.copytree(folder, mixed)
    first = json.loads(next(iter(sorted(folder.glob("*.json")))).read_text(encoding="utf-8"))
    (mixed / "kapot.json").write_text('{"format": "vitale-coalities-log", "act', encoding="utf-8")
    (mixed / "nieuwer.json").write_text(json.dumps({**first, "format_version": 99}), encoding="utf-8")
    (mixed / "vreemd.json").write_text(json.dumps({**first, "content_digest": "0" * 64}), encoding="utf-8")
    (mixed / "oud.json").write_text(json.dumps({**first, "game_version": "0.0.1"}), encoding="utf-8")
    (mixed / "leeg.json").write_text("", encoding="utf-8")
    done = run_game("compare", str(mixed), "--json", "--games", "5", "--lang", "nl")
    assert done.returncode == 0 and "Traceback" not in done.stderr
    data = json.loads(done.stdout)
    assert len(data["tables"]) == 4
    reasons = {Path(s["file"]).name: s["reason"] for s in data["skipped"]}
    assert set(reasons) == {"kapot.json", "nieuwer.json", "vreemd.json", "oud.json", "leeg.json"}
    assert "nieuwere versie" in reasons["nieuwer.json"]
    assert "andere spelinhoud" in reasons["vreemd.json"]
    assert "versie 0.0.1" in reasons["oud.json"]
    for name in reasons:
        assert name in done.stderr


def test_compare_of_nothing_usable_says_so(tmp_path):
    (tmp_path / "x.json").write_text("[]", encoding="utf-8")
    done = run_game("compare", str(tmp_path / "x.json"), str(tmp_path / "missing.json"))
    assert done.returncode == 1
    assert "none of the files" in done.stderr and "does not exist" in done.stderr and "Traceback" not in done.stderr


# ------------------------------------------------------------------------------------------- what-if branches
@pytest.fixture(scope="module")
def table_log(content, tmp_path_factory):
    from game.analysis.gamelog import read_log, write_log

    folder = tmp_path_factory.mktemp("branch")
    data = make_log(content, scenario=content.scenario_ids()[0], seed=CODE_SEED)
    return read_log(write_log(data, folder), content)


def test_a_branch_replays_the_table_to_its_round_and_is_deterministic_after(content, table_log, tmp_path):
    from game.analysis.branch import make_branch, turn_point
    from game.analysis.gamelog import read_log, write_log
    from game.engine import replay

    other = content.scenario_ids()[1]
    first = make_branch(content, table_log, 3, other, written="2026-12-05T10:00:00Z")
    again = make_branch(content, table_log, 3, other, written="2026-12-05T10:00:00Z")
    assert first == again
    after = turn_point(table_log, 3)
    assert first["branch"] == {"round": 3, "scenario": other, "after": after}
    assert first["actions"][:after] == table_log.data["actions"][:after]
    assert all(e["round"] < 3 for e in first["actions"][:after])
    assert first["actions"][after]["round"] == 3
    # up to round 3 the branch is the table's game, state for state
    table_state = replay(content, table_log.setup, table_log.actions[:after])
    branch = read_log(write_log(first, tmp_path), content)
    branch_state = replay(content, branch.setup, branch.actions[:after])
    assert state_digest(branch_state) == state_digest(table_state)
    assert branch.branch is not None and branch.state.book.setup.scenario == other
    assert [r["round"] for r in first["rounds"]][:2] == [1, 2]
    assert first["rounds"][:2] == table_log.data["rounds"][:2]
    assert first["scenario"] == other and first["session_code"] == table_log.data["session_code"]


def test_a_branch_compares_like_a_table(content, table_log, tmp_path):
    from game.analysis.branch import make_branch
    from game.analysis.compare import comparison_json, read_tables
    from game.analysis.gamelog import write_log

    branch_path = write_log(make_branch(content, table_log, 3, content.scenario_ids()[2]), tmp_path)
    assert branch_path.name.startswith("tak-")
    cmp = read_tables(content, [table_log.path, branch_path], choice_games=5)
    data = comparison_json(cmp, "nl")
    assert [t["branch"] is not None for t in data["tables"]] == [False, True]
    assert "wat als" in data["tables"][1]["table"]
    assert data["tables"][1]["scenario"] == content.scenario_ids()[2]


def test_branch_command(table_log, tmp_path, content):
    out = tmp_path / "tak.json"
    done = run_game(
        "branch",
        "--log",
        str(table_log.path),
        "--round",
        "3",
        "--scenario",
        content.scenario_ids()[1],
        "--out",
        str(out),
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["branch"]["round"] == 3
    done = run_game("branch", "--log", str(table_log.path), "--round", "1", "--scenario", content.scenario_ids()[1])
    assert done.returncode == 2 and "not 1" in done.stderr
    done = run_game("branch", "--log", str(out), "--round", "3", "--scenario", content.scenario_ids()[1])
    assert done.returncode == 2 and "branch itself" in done.stderr


def test_every_round_and_future_branches_into_a_log_that_replays(content, tmp_path):
    from game.analysis.branch import branch_rounds, make_branch
    from game.analysis.gamelog import read_log, write_log

    for seed, played in ((1, 0), (3, 1), (11, 2)):
        log = read_log(write_log(make_log(content, content.scenario_ids()[played], seed=seed), tmp_path), content)
        rounds = branch_rounds(log)
        last = max(e["round"] for e in log.data["actions"])  # a game realised early ends early
        assert rounds == list(range(2, last + 1))
        for round_no in rounds:
            for scenario in content.scenario_ids():
                data = make_branch(content, log, round_no, scenario)
                again = read_log(write_log(data, tmp_path), content)  # refuses a log that replays otherwise
                assert again.state.book.setup.scenario == scenario
                assert again.data["outcome"] == data["outcome"]
