"""One truth: the debrief's tabs, the `debrief --json` command, the game log and the report tell the same
numbers, for whole games and for games the facilitator ended in the middle of a round (issue 17)."""

from __future__ import annotations

import json
import re

import pytest

from game.analysis.debrief import Story, debrief_json
from game.analysis.gamelog import build_log, read_log, write_log
from game.analysis.simulate import play, table
from game.engine import Setup
from game.engine.vocabulary import INDICATORS
from tests.conftest import run_game

STRATEGIES = ("balanced", "citizen_platform", "top_down", "solo")


def _games(content):
    """30 seeded games: every scenario, four ways of playing, and every fifth ended mid-round."""
    scenarios = sorted(content.scenarios)
    for n in range(30):
        scenario = scenarios[n % len(scenarios)]
        strategy = STRATEGIES[n % len(STRATEGIES)]
        setup = Setup(scenario, sorted(content.challenges)[n % 6], table(content, 4, strategy), 5, 100 + n)
        actions = list(play(content, setup).actions)
        early = n % 5 == 2
        if early:  # the facilitator ends the game after a few moves of round 3 (its cards are drawn)
            draws = [i for i, a in enumerate(actions) if a.kind == "draw_trend"]
            if len(draws) >= 3:
                actions = actions[: draws[2] + 4]
        yield setup, actions, early


def test_the_debrief_the_log_and_the_state_agree_in_30_games(content, tmp_path):
    for i, (setup, actions, early) in enumerate(_games(content)):
        data = build_log(content, setup, actions, ended_early=early, written=f"2026-01-01T10:00:{i:02d}Z")
        log = read_log(write_log(data, tmp_path), content)
        story = Story(content, log)
        shown = debrief_json(story, "nl")
        out = shown["outcome"]
        assert out["indicators_end"] == data["outcome"]["indicators"], (setup, early)
        assert out["indicators_end"] == dict(zip(INDICATORS, story.end.ind, strict=True))
        assert out["progress"] == pytest.approx(data["outcome"]["progress"], abs=0.051)
        assert out["result"] == data["outcome"]["result"] and out["fair"] == data["outcome"]["fair"]
        assert out["equality_change"] == out["indicators_end"]["equality"] - out["indicators_start"]["equality"]
        # every finished round on the charts is the log's round; the last point is the end, also mid-round
        for entry in data["rounds"]:
            point = shown["rounds"][entry["round"]]
            assert point["indicators"] == entry["indicators"]
            assert point["progress"] == pytest.approx(entry["progress"], abs=0.051)
        assert shown["rounds"][-1]["indicators"] == out["indicators_end"]
        assert [r["round"] for r in shown["timeline"]] == [r["round"] for r in data["rounds"]]
        for r in shown["timeline"]:
            assert r["progress"] == pytest.approx(data["rounds"][r["round"] - 1]["progress"], abs=0.051)
        # a reflection question names only a trend drawn in this game
        drawn = {content.trends[t].title.nl for cards in story.end.drawn for t in cards}
        titles = {t.title.nl for t in content.trends.values()}
        for question in shown["reflection"]["game"]:
            named = {t for t in titles if f"“{t}”" in question}
            assert named <= drawn, (question, drawn)


def test_the_debrief_command_prints_what_the_tabs_show(content, tmp_path, game_log_file):
    done = run_game("debrief", "--log", str(game_log_file), "--json", "--lang", "en")
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    expected = debrief_json(Story(content, read_log(game_log_file, content)), "en")
    assert shown == json.loads(json.dumps(expected, ensure_ascii=False))
    assert set(shown["outcome"]["indicators_end"]) == set(INDICATORS)
    words = run_game("debrief", "--log", str(game_log_file))
    assert words.returncode == 0 and shown["outcome"]["title"] != words.stdout  # a summary in the log's language
    bad = run_game("debrief", "--log", str(tmp_path / "nope.json"), "--json")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr and bad.stderr.strip()


@pytest.mark.parametrize("early", [False, True])
def test_the_report_shows_the_same_end_as_the_screen(content, tmp_path, early):
    from pypdf import PdfReader

    from game.export.report import write_report

    setup, actions, _ = next((s, a, e) for s, a, e in _games(content) if e == early and s.scenario == "ikhoven")
    data = build_log(content, setup, actions, ended_early=early, written="2026-01-01T10:00:00Z")
    log = read_log(write_log(data, tmp_path), content)
    pdf = write_report(content, log, tmp_path / "rapport.pdf", "nl", games=3)
    text = "\n".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    shown = debrief_json(Story(content, log), "nl")
    assert shown["outcome"]["title"] in text.replace("\n", " ")
    rows = {m.group(1).lower(): m.groups()[1:] for m in re.finditer(r"^(Welzijn|Gelijkheid) (\d+) (\d+)", text, re.M)}
    assert set(rows) == {"welzijn", "gelijkheid"}, text[:800]
    for dutch, name in (("welzijn", "wellbeing"), ("gelijkheid", "equality")):
        start, end = shown["outcome"]["indicators_start"][name], shown["outcome"]["indicators_end"][name]
        assert rows[dutch] == (str(start), str(end))
