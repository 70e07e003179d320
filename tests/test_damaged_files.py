"""Every JSON file the game reads back - saves, backups, game logs, settings - damaged in the ways that used to
crash it: deep nesting, huge numbers, NaN and Infinity, wrong types behind a valid checksum, a file far too
large. Each gets the file's own message (exit 2 on the command line), no traceback, and stays untouched; the
game still starts with all of them in its data folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import make_log, run_game
from tests.test_saves import _session_with_saves

DEEP = "[" * 200_000 + "]" * 200_000


def _resign(data: dict) -> bytes:
    """A save's JSON with a checksum that matches its (changed) body, as someone editing the file would."""
    from game.saves import _checksum

    body = {k: v for k, v in data.items() if k != "checksum"}
    return json.dumps({**body, "checksum": _checksum(body)}).encode("utf-8")


def _with(text, path: str, value) -> dict:
    """The JSON `text` parsed, with the value at `path` (keys and list indexes joined by dots) replaced."""
    data = json.loads(text)
    node = data
    *parents, last = path.split(".")
    for key in parents:
        node = node[int(key)] if isinstance(node, list) else node[key]
    node[int(last) if isinstance(node, list) else last] = value
    return data


def _save_cases(good: bytes) -> dict:
    """name -> bytes of a damaged save."""
    data = json.loads(good)

    def changed(path: str, value) -> bytes:
        return _resign(_with(good, path, value))

    return {
        "nested 200,000 deep": ('{"format": "vitale-coalities-save", "x": ' + DEEP + "}").encode(),
        "a 5,000-digit number": good.replace(
            f'"save_version": {data["save_version"]}'.encode(), b'"save_version": ' + b"9" * 5000
        ),
        "seed Infinity": good.replace(f'"seed": {data["setup"]["seed"]}'.encode(), b'"seed": Infinity'),
        "seed Infinity, re-signed": changed("setup.seed", float("inf")),
        "rounds 1e400": good.replace(f'"rounds": {data["setup"]["rounds"]}'.encode(), b'"rounds": 1e400', 1),
        "rounds NaN, re-signed": changed("setup.rounds", float("nan")),
        "timer_minutes abc, re-signed": changed("session.timer_minutes", "abc"),
        "seed as text, re-signed": changed("setup.seed", "zeven"),
        "seed 10**30, re-signed": changed("setup.seed", 10**30),
        "seats of numbers, re-signed": changed("setup.seats", [1, 2, 3]),
        "actions a dict, re-signed": changed("actions", {"a": 1}),
        "an action seat of 10**20, re-signed": changed("actions.3.seat", 10**20),
        "mode a list, re-signed": changed("session.mode", ["beamer"]),
        "summary round -5, re-signed": changed("summary.round", -5),
        "bool as rounds, re-signed": changed("setup.rounds", True),
    }


def _log_cases(good: dict) -> dict:
    """name -> bytes of a damaged game log."""
    text = json.dumps(good)

    def changed(path: str, value) -> bytes:
        return json.dumps(_with(text, path, value)).encode("utf-8")

    return {
        "nested 200,000 deep": ('{"format": "vitale-coalities-log", "x": ' + DEEP + "}").encode(),
        "a 5,000-digit seed": text.replace(f'"seed": {good["seed"]}', '"seed": ' + "9" * 5000, 1).encode(),
        "progress abc": changed("outcome.progress", "abc"),
        "progress Infinity": text.replace('"progress": 100.0', '"progress": Infinity').encode(),
        "seed Infinity": text.replace(f'"seed": {good["seed"]}', '"seed": Infinity', 1).encode(),
        "rounds of the setup 1e400": text.replace('"rounds": 5', '"rounds": 1e400', 1).encode(),
        "seats a text": changed("seats", "vier"),
        "an action of the wrong shape": changed("actions.2", ["draw_trend"]),
        "indicators of text": changed("rounds.0.indicators.wellbeing", "veel"),
        "result a number": changed("outcome.result", 7),
    }


@pytest.fixture(scope="module")
def good_save(content, tmp_path_factory) -> bytes:
    session = _session_with_saves(content, tmp_path_factory.mktemp("good-save"))
    return session.saver.path.read_bytes()


@pytest.fixture(scope="module")
def good_log(content) -> dict:
    return make_log(content)


def test_every_damaged_save_and_backup_is_refused_with_its_message(content, good_save, tmp_path):
    from game.saves import SaveError, backup_of, load_save, save_info

    for name, raw in _save_cases(good_save).items():
        path = tmp_path / "spel-samendam-3-20260101T100000.json"
        path.write_bytes(raw)
        backup = backup_of(path)
        backup.write_bytes(raw)  # the backup just as damaged: no good one to offer
        with pytest.raises(SaveError) as refused:
            load_save(path, content)
        for lang in ("nl", "en"):
            assert str(path) in refused.value.text(lang), name
        assert refused.value.backup is None, name
        with pytest.raises(SaveError):
            load_save(backup, content)
        assert path.read_bytes() == raw and backup.read_bytes() == raw, f"{name}: a refused file was changed"
        assert save_info(path).scenario in ("", "samendam"), name  # the load list shows it without raising


def test_a_damaged_save_with_a_good_backup_offers_the_backup(content, good_save, tmp_path):
    from game.saves import SaveError, backup_of, load_save

    for name, raw in _save_cases(good_save).items():
        path = tmp_path / "spel-samendam-3-20260101T100000.json"
        path.write_bytes(raw)
        backup_of(path).write_bytes(good_save)
        with pytest.raises(SaveError) as refused:
            load_save(path, content)
        assert refused.value.backup is not None, name


def test_every_damaged_log_is_refused_with_its_message(content, good_log, tmp_path):
    from game.analysis.gamelog import LogError, read_log
    from game.ui.scenes.load import LogFile, log_info

    for name, raw in _log_cases(good_log).items():
        path = tmp_path / "spel-samendam-7-20260101T100000.json"
        path.write_bytes(raw)
        with pytest.raises(LogError) as refused:
            read_log(path, content)
        for lang in ("nl", "en"):
            assert str(path) in refused.value.text(lang), name
        assert path.read_bytes() == raw, name
        log_info(LogFile(path, "01-01 10:00"))  # the list of earlier debriefs shows it without raising


def test_damaged_settings_are_set_aside_and_the_defaults_used(user_home):
    from game.ui.settings import load_settings, settings_path

    cases = {
        "nested": "[" * 200_000,
        "huge number": '{"lang": "en", "text_size": ' + "1" * 5000 + "}",
        "NaN": '{"lang": "en", "text_size": NaN}',
        "wrong type": '{"lang": ["en"]}',
    }
    for name, text in cases.items():
        path = settings_path()
        path.write_text(text, encoding="utf-8")
        settings, notice = load_settings()
        assert settings.lang == "nl" and notice, name
        assert not path.exists(), f"{name}: the broken file should have been set aside"
    path = settings_path()
    with open(path, "wb") as handle:  # 200 MB, sparse: refused by its size, never read
        handle.truncate(200 * 1024 * 1024)
    settings, notice = load_settings()
    assert settings.lang == "nl" and notice


def test_the_command_line_refuses_damaged_files_in_one_line(content, good_save, good_log, tmp_path):
    save = tmp_path / "spel-samendam-3-20260101T100000.json"
    save.write_bytes(_save_cases(good_save)["timer_minutes abc, re-signed"])
    log = tmp_path / "spel-samendam-7-20260101T100000.json"
    log.write_bytes(_log_cases(good_log)["progress abc"])
    deep_log = tmp_path / "diep.json"
    deep_log.write_bytes(_log_cases(good_log)["nested 200,000 deep"])
    runs = [
        ("play", "--resume", str(save)),
        ("report", "--log", str(log), "--out", str(tmp_path / "r.pdf")),
        ("windtunnel", "--log", str(log), "--games", "2"),
        ("windtunnel", "--log", str(deep_log), "--games", "2"),
    ]
    for args in runs:
        done = run_game(*args)
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        assert done.returncode == 2, (args, done.stderr[-1500:])
        assert "Traceback" not in done.stderr and len(lines) == 1, (args, done.stderr[-1500:])
    assert save.read_bytes() == _save_cases(good_save)["timer_minutes abc, re-signed"]


def _write_damaged(home: Path, good_save: bytes, good_log: dict) -> None:
    """Every damaged save in `home`/saves and every damaged log in `home`/logs, one file each."""
    for folder, cases in (("saves", _save_cases(good_save)), ("logs", _log_cases(good_log))):
        (home / folder).mkdir(exist_ok=True)
        for i, raw in enumerate(cases.values()):
            (home / folder / f"spel-samendam-{i}-20260101T1000{i:02d}.json").write_bytes(raw)


def test_the_game_starts_with_every_damaged_file_in_its_data_folder(good_save, good_log, user_home):
    _write_damaged(user_home, good_save, good_log)
    (user_home / "settings").mkdir(exist_ok=True)
    (user_home / "settings" / "settings.json").write_text("[" * 200_000, encoding="utf-8")
    done = run_game("--first-frame")
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-2000:]
    resumed = run_game("play", "--resume", "latest")
    assert resumed.returncode == 2 and "Traceback" not in resumed.stderr, resumed.stderr[-2000:]


def test_the_load_lists_show_every_damaged_file_and_open_none(good_save, good_log, user_home):
    from tests.ui_driver import click_text, new_app

    _write_damaged(user_home, good_save, good_log)
    app = new_app(size=(1280, 720))
    assert click_text(app, "Spel laden")
    for logs in (False, True):
        if logs:
            assert click_text(app, "Eerdere nabesprekingen")
        scene = app.top
        for page in range(-(-len(scene.saves) // 6) + 1):
            for entry in scene.saves:
                if logs:
                    scene.open_log(entry)
                else:
                    scene.open(scene.save_info(entry))
                assert app.top is scene and scene.message, (logs, entry)
            scene.page = page
            scene.rebuild()
            app.draw()
