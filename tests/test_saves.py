"""Nothing lost: autosave after every action, resume, undo, migrations, damaged saves, a full disk, and the
crash test (SIGKILL at random moments, then resume)."""

from __future__ import annotations

import errno
import json
import random

import pytest

from tests.conftest import engine_move, run_game
from tests.ui_driver import click_text, new_app, step


def _session_with_saves(content, folder, actions=25, seed=3):
    """A game of bots saved to `folder` after every action; returns the session."""
    from game.engine import SeatSetup, Setup
    from game.ui.session import Session

    seats = tuple(SeatSetup(r, n, False) for r, n in (("wethouder", "Anna"), ("inwoner", "Bas"), ("bedrijf", "Cem")))
    session = Session(content, Setup("samendam", sorted(content.challenges)[0], seats, 3, seed))
    session.enable_saving(folder)
    while len(session.state.actions) < actions and not session.over():
        _move(session, seed)
    return session


def _move(session, seed=3):
    """One move: the engine's draw or resolution, or a balanced bot's action for the seat whose turn it is."""
    from game.bots import Bot

    if not engine_move(session):
        session.act(Bot(session.current(), "balanced", seed).choose(session.state)[0])


def test_every_action_is_saved_and_the_save_replays_to_the_same_state(content, tmp_path):
    from game.saves import backup_of, load_save, state_digest

    session = _session_with_saves(content, tmp_path)
    path = session.saver.path
    assert session.saver.writes == len(session.state.actions) + 1  # the start, then after every action
    loaded = load_save(path, content)
    assert state_digest(loaded.state) == state_digest(session.state)
    backup = load_save(backup_of(path), content)
    assert len(backup.actions) == len(loaded.actions) - 1, "the backup is the save before the last action"
    raw = path.read_text(encoding="utf-8")
    assert "pickle" not in raw and json.loads(raw)["save_version"] >= 1


def _damaged(content, tmp_path):
    """(name, bytes) of damaged copies of a good save."""
    session = _session_with_saves(content, tmp_path / "good")
    good = session.saver.path.read_bytes()
    data = json.loads(good)
    rnd = random.Random(5)
    cases = [
        ("empty", b""),
        ("not json", b"hello, this is not a save"),
        ("other shape", b'{"a": [1, 2, 3]}'),
        ("a list", b"[1, 2]"),
    ]
    for i in range(6):
        cases.append((f"truncated {i}", good[: rnd.randrange(1, len(good) - 1)]))
    for i in range(6):
        flipped = bytearray(good)
        for _ in range(rnd.randrange(1, 4)):
            at = rnd.randrange(len(flipped))
            flipped[at] = (flipped[at] + rnd.randrange(1, 255)) % 256
        cases.append((f"flipped {i}", bytes(flipped)))
    cases.append(("newer", json.dumps(dict(data, save_version=99)).encode()))
    from game.saves import _checksum

    other = {k: v for k, v in data.items() if k != "checksum"}
    other["content_digest"] = "0" * 64  # a save made with other content: intact, but not for this content
    cases.append(("other content", json.dumps({**other, "checksum": _checksum(other)}).encode()))
    return session, cases


def test_a_damaged_save_gets_a_clear_message_offers_the_backup_and_is_never_changed(content, tmp_path):
    from game.saves import SaveError, load_save

    session, cases = _damaged(content, tmp_path)
    backup = session.saver.backup_path.read_bytes()
    for name, raw in cases:
        folder = tmp_path / name.replace(" ", "_")
        folder.mkdir()
        path = folder / session.saver.path.name
        path.write_bytes(raw)
        (folder / session.saver.backup_path.name).write_bytes(backup)
        with pytest.raises(SaveError) as caught:
            load_save(path, content)
        for lang in ("nl", "en"):
            text = caught.value.text(lang)
            assert str(path) in text and "Traceback" not in text, (name, text)
        if name == "newer":
            assert caught.value.key == "newer"
        if name == "other content":
            assert caught.value.key == "content_changed"
        assert caught.value.backup is not None, f"{name}: the good backup is offered"
        assert str(caught.value.backup.path) in caught.value.text("nl")
        assert path.read_bytes() == raw, f"{name}: the damaged save was changed"


def test_resume_from_the_command_line_refuses_a_damaged_save_in_one_line(content, tmp_path):
    session, cases = _damaged(content, tmp_path)
    for name, raw in [c for c in cases if c[0] in ("empty", "truncated 0", "flipped 0", "newer", "other content")]:
        path = tmp_path / f"{name.replace(' ', '_')}.json"
        path.write_bytes(raw)
        done = run_game("play", "--resume", str(path))
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        assert done.returncode == 2, (name, done.stderr)
        assert len(lines) == 1 and "Traceback" not in done.stderr, (name, done.stderr)
        assert path.read_bytes() == raw
    done = run_game("play", "--resume", "latest")
    assert done.returncode == 2 and "no saved games" in done.stderr


def test_a_save_of_the_first_rules_and_a_newer_one_are_refused_with_a_message(content, tmp_path):
    from game.saves import SAVE_VERSION, SaveError, load_save

    session = _session_with_saves(content, tmp_path)
    data = json.loads(session.saver.path.read_text(encoding="utf-8"))
    path = tmp_path / "old.json"
    for version in (1, 2):  # saves written under the first rules (no dilemmas, no fairness)
        path.write_text(json.dumps(dict(data, save_version=version)), encoding="utf-8")
        with pytest.raises(SaveError) as caught:
            load_save(path, content)
        assert caught.value.key == "old_rules"
        for lang in ("nl", "en"):
            text = caught.value.text(lang)
            assert str(path) in text and "Traceback" not in text and "{" not in text
        assert path.exists(), "nothing is lost: the file stays"
    path.write_text(json.dumps(dict(data, save_version=SAVE_VERSION + 1)), encoding="utf-8")
    with pytest.raises(SaveError) as caught:
        load_save(path, content)
    assert caught.value.key == "newer"


def test_a_full_disk_keeps_the_game_going_and_saving_is_retried(content, tmp_path, monkeypatch):
    import game.saves as saves

    session = _session_with_saves(content, tmp_path, actions=5)
    real = saves.write_atomic

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(saves, "write_atomic", full)
    _move(session)
    assert session.save_error is not None and session.save_error.errno == errno.ENOSPC
    monkeypatch.setattr(saves, "write_atomic", real)
    _move(session)
    assert session.save_error is None
    assert len(saves.load_save(session.saver.path, content).actions) == len(session.state.actions)


def test_the_table_says_when_saving_fails(monkeypatch):
    import game.saves as saves
    from tests.screens import open_screen

    app = new_app(size=(1600, 900))
    open_screen(app, "table")
    monkeypatch.setattr(saves, "write_atomic", lambda *a, **k: (_ for _ in ()).throw(OSError(errno.EROFS, "Read-only")))
    app.session.skip_seat()
    app.top.rebuild()
    app.draw()
    shown = " ".join(r.text for r in app.frame_records)
    assert "Opslaan lukte niet" in shown and "Read-only" in shown


def test_undo_is_saved_and_the_menu_continues_the_newest_game(user_home):
    from tests.screens import open_screen

    app = new_app(size=(1280, 720))
    open_screen(app, "table")
    session = app.session
    assert session.saver is not None and session.saver.path.parent == user_home / "saves"
    before = len(session.state.actions)
    session.skip_seat()
    assert session.can_undo() and session.undo()
    from game.saves import latest_save, load_save

    assert len(load_save(latest_save(), app.content).actions) == before
    fresh = new_app(size=(1280, 720))
    assert click_text(fresh, "Verder spelen")
    step(fresh, 3)
    assert fresh.session is not None and len(fresh.session.state.actions) == before
    assert fresh.top.name in ("table", "handover", "trend", "summary")


def test_the_load_list_shows_a_damaged_save_and_offers_its_backup(content, user_home):
    session = _session_with_saves(content, user_home / "saves")
    session.saver.path.write_bytes(session.saver.path.read_bytes()[:100])  # cut off, as by a crash
    app = new_app(size=(1280, 720))
    assert click_text(app, "Spel laden")
    assert app.top.name == "load"
    assert click_text(app, "Beschadigd")
    assert "beschadigd" in app.top.message and app.top.backup is not None
    assert click_text(app, "Reservekopie laden")
    step(app, 2)
    assert app.session is not None and app.top.name != "load"


def test_crash_test_twenty_kills():
    """SIGKILL at 20 random moments (mid-game, before the first save, in the debrief, in the export); every
    resumed game ends like the uninterrupted one, with one log and no half-written file."""
    from tests.crash_test import crash_runs

    mid_game = crash_runs(20, seed=1)
    assert mid_game >= 8, f"only {mid_game} of the 12 mid-game kills landed before the debrief"


def test_a_broken_content_pack_or_settings_file_never_stops_the_game(tmp_path, user_home):
    pack = tmp_path / "pack"
    (pack / "trends").mkdir(parents=True)
    (pack / "trends" / "kapot.yaml").write_text("id: kapot\ntitle: [unclosed\n", encoding="utf-8")
    (user_home / "settings").mkdir(exist_ok=True)
    (user_home / "settings" / "settings.json").write_text("{not json", encoding="utf-8")
    done = run_game(
        "play",
        "--content",
        str(pack),
        "--autoplay",
        "--quit-after-debrief",
        "--rounds",
        "1",
        "--scenario",
        "samendam",
        "--seed",
        "2",
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert list((user_home / "logs").glob("spel-*.json")), "the game was played to the debrief"


def test_an_earlier_debrief_opens_from_its_log_and_a_broken_log_says_why(content, user_home):
    from game.analysis.gamelog import write_log
    from tests.conftest import make_log

    good = write_log(make_log(content), user_home / "logs")
    broken = user_home / "logs" / "spel-ikhoven-1-20260101T100000.json"
    broken.write_text('{"format": "vitale-coalities-log", "format_version": 99}', encoding="utf-8")
    app = new_app(size=(1280, 720))
    assert click_text(app, "Spel laden")
    assert click_text(app, "Eerdere nabesprekingen")
    assert app.top.name == "load" and app.top.logs and len(app.top.saves) == 2
    broken_info = next(i for i in app.top.saves if i.path == broken)
    app.top.open_log(broken_info)
    assert "nieuwere versie" in app.top.message and broken.read_text(encoding="utf-8").endswith("99}")
    app.top.open_log(next(i for i in app.top.saves if i.path == good))
    step(app, 2)
    assert app.top.name == "debrief" and app.top.story.log.path == good
