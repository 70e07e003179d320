"""The game log (written, read back, replayed, refused when broken) and the debrief's analysis: timeline,
five knobs, questions; and the debrief's seven tabs on screen."""

from __future__ import annotations

import json

import pytest

from tests.conftest import make_log

TABS = ("outcome", "timeline", "charts", "coalition", "knobs", "windtunnel", "reflection")


# ------------------------------------------------------------------------------------------ the log
def test_a_log_holds_the_whole_game_and_replays_to_the_same_state(content, tmp_path):
    from game.analysis.gamelog import read_log, write_log
    from game.engine import Setup, replay

    data = make_log(content, "ikhoven", seed=11)
    for key in (
        "format_version",
        "game_version",
        "content_digest",
        "seed",
        "scenario",
        "challenge",
        "seats",
        "actions",
        "rounds",
        "outcome",
    ):
        assert key in data, key
    assert all({"round", "action", "line"} <= set(a) for a in data["actions"])
    assert all(set(a["line"]) == {"nl", "en"} and a["line"]["nl"] for a in data["actions"])
    assert not any("time" in a or "written" in a for a in data["actions"]), "actions carry no wall-clock time"
    assert [r["round"] for r in data["rounds"]] == list(range(1, len(data["rounds"]) + 1))
    assert {s["human"] for s in data["seats"]} == {True, False}
    path = write_log(data, tmp_path)
    log = read_log(path, content)
    direct = replay(content, Setup.from_json(data["setup"]), log.actions)
    assert log.state.to_json() == direct.to_json()
    assert log.digest_matches


def test_two_plays_of_the_same_game_give_identical_actions_and_outcome(content):
    one = make_log(content, "staatsburcht", seed=5)
    two = make_log(content, "staatsburcht", seed=5)
    assert one["actions"] == two["actions"]
    assert one["outcome"] == two["outcome"]
    assert one["rounds"] == two["rounds"]


def _broken_logs(content, tmp_path):
    data = make_log(content)
    good = json.dumps(data, ensure_ascii=False).encode()
    newer = dict(data, format_version=99)
    first_rules = dict(data, format_version=1)  # a log of the first rules: refused, not replayed
    other_scenario = dict(data, setup=dict(data["setup"], scenario="utopia"))
    changed = json.loads(good)  # as if the content's numbers changed: the replay no longer ends as recorded
    changed["outcome"]["progress"] = changed["outcome"]["progress"] - 10
    cases = {
        "not_json": b"this is not a log",
        "not_json ": good[: len(good) // 2],  # cut off halfway
        "newer": json.dumps(newer).encode(),
        "old_rules": json.dumps(first_rules).encode(),
        "content_missing": json.dumps(other_scenario).encode(),
        "content_changed": json.dumps(changed).encode(),
        "not_log": json.dumps({"hello": "world"}).encode(),
        "not_text": b"\xff\xfe\x00garbage",
    }
    for name, raw in cases.items():
        path = tmp_path / f"{name.strip()}-{len(raw)}.json"
        path.write_bytes(raw)
        yield name.strip(), path, raw


def test_a_broken_log_gets_a_clear_message_and_stays_untouched(content, tmp_path):
    from game.analysis.gamelog import LogError, read_log

    for name, path, raw in _broken_logs(content, tmp_path):
        with pytest.raises(LogError) as caught:
            read_log(path, content)
        error = caught.value
        assert error.key == name, (name, error.key)
        for lang in ("nl", "en"):
            text = error.text(lang)
            assert str(path) in text and "Traceback" not in text and len(text) < 400
        assert path.read_bytes() == raw, "a bad log is never changed"


def test_the_cli_refuses_a_broken_log_in_one_line_with_exit_2(content, tmp_path):
    from tests.conftest import run_game

    for name, path, _ in list(_broken_logs(content, tmp_path))[:4]:
        done = run_game("windtunnel", "--log", str(path), "--games", "5")
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        assert done.returncode == 2, (name, done.stderr)
        assert len(lines) == 1 and "Traceback" not in done.stderr, (name, done.stderr)


# ------------------------------------------------------------------------------------------ the analysis
@pytest.fixture(scope="module")
def story(content):
    import tempfile
    from pathlib import Path

    from game.analysis.debrief import Story
    from game.analysis.gamelog import GameLog, read_log, write_log

    folder = Path(tempfile.mkdtemp())
    log: GameLog = read_log(write_log(make_log(content), folder), content)
    return Story(content, log)


def test_the_timeline_has_every_round_with_its_cards_and_at_most_three_decisive_moves(story):
    from game.analysis.debrief import timeline

    for lang in ("nl", "en"):
        rounds = timeline(story, lang)
        assert len(rounds) == len(story.end.history) - 1
        for r in rounds:
            assert 1 <= len(r.decisive) <= 3
            assert len(r.trends) == len(story.end.drawn[r.round - 1])
            assert not set(r.decisive) & set(r.events)
        assert any(r.key_events for r in rounds), "coalition news (founded, vital) shows up"


def test_knobs_are_read_by_the_content_rules(story, content):
    from collections import Counter

    from game.analysis.debrief import content_action_id, knob_level, knobs

    results = knobs(story, "nl")
    assert [k.number for k in results] == [1, 2, 3, 4, 5]
    assert all(0 <= k.fraction <= 1 and k.level in ("low", "medium", "high") and k.reading for k in results)
    # the engine's count is the content's weights times the uses of each action, as the debrief lists them
    counts = Counter(content_action_id(s.action) for s in story.player_steps())
    for k in results:
        knob = content.knobs[k.id]
        assert k.score == pytest.approx(sum(w * counts.get(a, 0) for a, w in knob.actions.items()))
        assert k.fraction == pytest.approx(min(1.0, k.score / knob.full_at), abs=1e-3)
        # the lever: what turning it far does, and when it did in this game (the engine's round)
        assert k.lasting and k.far_round == story.end.knobs_far[[s.id for s in story.end.book.knobs].index(k.id)]
        worked = k.far_round and k.far_round < len(story.end.history) - 1
        assert (f" {k.far_round}" in k.lasting) if worked else True
    rules = content.rules
    assert knob_level(rules, 0.0) == "low"
    assert knob_level(rules, rules.knob_medium_at) == "medium"
    assert knob_level(rules, rules.knob_high_at) == "high"
    assert knob_level(rules, 1.0) == "high"
    assert {k.name for k in knobs(story, "en")} == {k.name.en for k in content.knobs.values()}


def test_reflection_has_the_scenarios_questions_and_two_or_three_from_the_game(story):
    from game.analysis.debrief import reflection_questions

    for lang in ("nl", "en"):
        own, generated = reflection_questions(story, lang)
        assert own == [q.get(lang) for q in story.scenario.reflection_questions]
        assert 2 <= len(generated) <= 3
        assert all(q.endswith("?") for q in generated)


def test_a_seat_that_never_joined_gets_its_own_question(content, tmp_path):
    from game.analysis.debrief import Story, generated_questions
    from game.analysis.gamelog import read_log, write_log

    data = make_log(content, "samendam", seed=3, strategy="solo")  # solo bots never form a coalition
    story = Story(content, read_log(write_log(data, tmp_path), content))
    questions = generated_questions(story, "en")
    assert any("No coalition came about" in q for q in questions), questions


# ------------------------------------------------------------------------------------------ the screen
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=["720p", "1080p"])
def test_every_debrief_tab_renders(size):
    from tests.screens import open_screen
    from tests.ui_driver import new_app

    for tab in TABS:
        app = new_app(size=size)
        open_screen(app, "debrief" if tab == "outcome" else f"debrief_{tab}")
        scene = app.top
        assert scene.name == "debrief" and scene.tab == tab
        assert app.frame_records, tab
        if tab == "charts":
            points = len(scene.story.series()["progress"])
            assert [len(p) for p in scene.chart_info[0].points] == [points] * 5
            assert [len(p) for p in scene.chart_info[1].points] == [points]
        if tab == "coalition":
            assert len(scene.network_info.nodes) == len(scene.story.end.seats)


def test_the_tabs_answer_to_keys_and_the_game_log_is_written(user_home):
    import pygame

    from tests.screens import open_screen
    from tests.ui_driver import new_app, step

    app = new_app(size=(1280, 720))
    open_screen(app, "debrief")
    scene = app.top
    for i, tab in enumerate(TABS):
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=getattr(pygame, f"K_{i + 1}"), mod=0, unicode=""))
        step(app)
        assert app.top.tab == tab
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_PAGEDOWN, mod=0, unicode=""))
    step(app)
    assert app.top.tab == TABS[0]
    logs = list((user_home / "logs").glob("spel-*.json"))
    # the projected screen names the file by its folder and name, never the whole path (the user's home)
    shown = f"{logs[0].parent.name}/{logs[0].name}"
    assert len(logs) == 1 and scene.status and shown in scene.status and str(logs[0].parent) not in scene.status
    assert json.loads(logs[0].read_text(encoding="utf-8"))["seed"] == 1


def _debrief_on_a_full_disk(monkeypatch):
    """An app showing the debrief's wind tunnel tab, whose game log could not be written (disk full)."""
    import errno

    import game.ui.scenes.debrief as debrief_scene
    from tests.screens import open_screen
    from tests.ui_driver import new_app

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(debrief_scene, "write_log", full)
    app = new_app(size=(1280, 720))
    open_screen(app, "debrief_windtunnel")
    return app, app.top


def test_a_full_disk_does_not_stop_the_debrief(monkeypatch):
    """Writing the log fails (disk full, read-only folder): the debrief works from memory and says so."""
    scene = _debrief_on_a_full_disk(monkeypatch)[1]
    assert scene.name == "debrief" and scene.game_log.path is None
    assert "No space left on device" in scene.status
    assert scene.job.ok, "the wind tunnel runs from the log in memory"


def test_export_writes_the_report_in_a_second_process_while_the_screen_goes_on(user_home):
    import time

    from tests.screens import open_screen
    from tests.ui_driver import new_app, step

    app = new_app(size=(1280, 720))
    open_screen(app, "debrief_windtunnel")
    scene = app.top
    started = time.monotonic()
    scene.export()
    assert scene.exporting is not None and "gemaakt" in scene.status
    assert time.monotonic() - started < 0.5, "the button returns at once"
    deadline = time.monotonic() + 120
    while scene.exporting is not None and time.monotonic() < deadline:
        step(app, 1)
        time.sleep(0.05)
    reports = list((user_home / "reports").glob("rapport-*.pdf"))
    assert len(reports) == 1 and reports[0].stat().st_size > 10_000, scene.status
    assert f"reports/{reports[0].name}" in scene.status and str(reports[0].parent) not in scene.status
    _the_export_button_now_opens_the_report(app, scene, reports[0])


def _the_export_button_now_opens_the_report(app, scene, report):
    """Once written, the report's button opens it (with the system's program; its folder when there is no
    PDF viewer; where it is when neither opens). The program is not really started here."""
    import pygame

    from game.ui import opener
    from tests.ui_driver import find_button

    started = []
    button = find_button(app, app.t("debrief.open_report"))
    assert button is not None and find_button(app, app.t("debrief.export")) is None
    for works, said in (
        ({report}, "debrief.opened_file"),
        ({report.parent}, "debrief.opened_folder"),
        (set(), "debrief.open_failed"),
    ):
        started.clear()
        opener_start = opener._start
        opener._start = lambda target, works=works: started.append(target) or target in works
        try:
            scene._open_report()
        finally:
            opener._start = opener_start
        assert scene.status.startswith(app.t(said, path="")[:12]), scene.status
        assert f"reports/{report.name}" in scene.status
    assert started == [report, report.parent]
    assert isinstance(button.rect, pygame.Rect)


def test_export_without_a_log_file_says_it_is_busy_first(monkeypatch, user_home):
    from tests.ui_driver import step

    app, scene = _debrief_on_a_full_disk(monkeypatch)
    scene.export()
    assert scene.exporting is None and scene.export_pending
    step(app, 1)
    assert "gemaakt" in " ".join(r.text for r in app.frame_records), "busy is drawn before the work starts"
    step(app, 3)
    assert list((user_home / "reports").glob("rapport-*.pdf"))
