"""Nothing lost over many games: the backup chain after resuming from a backup, a fresh deck for every
"random" game, one log per game however often it is resumed, old finished saves cleaned up, no leftover
`.new` files, an app log that rotates and stays quiet on a full disk."""

from __future__ import annotations

import logging
import os
import time

from tests.test_saves import _move, _session_with_saves
from tests.ui_driver import new_app, step


def test_resuming_from_the_backup_keeps_the_good_backup(content, tmp_path):
    """Loading the backup of a damaged save and playing on must not copy the damaged save over the backup."""
    from game.saves import SaveError, backup_of, load_save
    from game.ui.session import Session

    session = _session_with_saves(content, tmp_path, actions=20)
    path = session.saver.path
    good_backup = backup_of(path).read_bytes()
    path.write_bytes(path.read_bytes()[:150])  # the save cut off by a crash
    try:
        load_save(path, content)
    except SaveError as exc:
        assert exc.backup is not None
        loaded = load_save(exc.backup.path, content)
    else:
        raise AssertionError("a cut-off save was loaded")
    resumed = Session.resume(content, loaded, folder=tmp_path)
    _move(resumed)
    assert backup_of(path).read_bytes() == good_backup, "the backup must stay the good save it was"
    again = load_save(path, content)
    assert len(again.actions) == len(loaded.actions) + 1
    _move(resumed)
    assert len(load_save(backup_of(path), content).actions) == len(loaded.actions) + 1


def test_two_hundred_random_games_in_one_window_have_two_hundred_decks():
    from game.ui.scenes.setup import SetupScene

    app = new_app(size=(1280, 720), autosave=False)
    seeds = set()
    for _ in range(200):
        app.goto(SetupScene(app))
        assert not app.top.choices.fixed_seed
        app.top.start()
        seeds.add(app.session.setup.seed)
    assert len(seeds) == 200


def test_a_fixed_card_order_keeps_its_seed_for_every_game():
    from game.ui.scenes.setup import SetupScene

    app = new_app(size=(1280, 720), autosave=False, seed=4321)
    for _ in range(3):
        app.goto(SetupScene(app))
        app.top.start()
        assert app.session.setup.seed == 4321


def test_a_finished_game_resumed_three_times_has_one_log(content, user_home):
    from game.saves import latest_save, load_save
    from game.ui.flow import resume_game
    from game.ui.scenes.debrief import session_log

    session = _session_with_saves(content, user_home / "saves", actions=10_000)
    assert session.over()
    for _ in range(4):  # the first debrief, then three times "Verder spelen"
        app = new_app(size=(1280, 720), windtunnel_games=4)
        resume_game(app, load_save(latest_save(), content))
        assert app.top.name == "debrief"
        game_log, _message = session_log(app)
        assert game_log.path is not None
    assert len(list((user_home / "logs").glob("spel-*.json"))) == 1


def test_old_finished_saves_are_removed_and_unfinished_ones_kept(content, tmp_path):
    from game.saves import backup_of, remove_finished_saves, save_files

    finished = _session_with_saves(content, tmp_path, actions=10_000, seed=3).saver.path
    unfinished = _session_with_saves(content, tmp_path, actions=5, seed=4).saver.path
    assert backup_of(finished).exists()
    long_ago = time.time() - 100 * 86_400
    for path in (finished, unfinished, backup_of(finished)):
        os.utime(path, (long_ago, long_ago))
    assert remove_finished_saves(0, tmp_path) == 0  # 0 days: keep everything
    assert remove_finished_saves(120, tmp_path) == 0  # not old enough
    assert remove_finished_saves(90, tmp_path) == 1
    assert [f.path for f in save_files(tmp_path)] == [unfinished]
    assert not backup_of(finished).exists()


def test_leftover_new_files_are_removed_and_a_failed_write_leaves_none(tmp_path, monkeypatch):
    from game import storage

    (tmp_path / "spel-a.json.new").write_bytes(b"half")
    (tmp_path / "spel-a.json").write_bytes(b"whole")
    assert storage.remove_leftovers(tmp_path) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["spel-a.json"]

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    try:
        storage.write_atomic(tmp_path / "spel-a.json", b"new")
    except OSError:
        pass
    assert sorted(p.name for p in tmp_path.iterdir()) == ["spel-a.json"]
    assert (tmp_path / "spel-a.json").read_bytes() == b"whole"


def test_the_app_log_rotates_and_says_a_full_disk_once(tmp_path, capsys):
    from game.applog import QuietRotatingHandler

    handler = QuietRotatingHandler(tmp_path / "vitale-coalities.log", max_bytes=2_000, backups=2)
    logger = logging.getLogger("test-applog")
    logger.handlers, logger.propagate, logger.level = [handler], False, logging.INFO
    for i in range(200):
        logger.info("line %d of the log, long enough to fill the file quickly", i)
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["vitale-coalities.log", "vitale-coalities.log.1", "vitale-coalities.log.2"], files
    assert all((tmp_path / f).stat().st_size <= 2_200 for f in files)

    def refuse(*args, **kwargs):
        raise OSError(28, "No space left on device")

    real_open = handler._open
    handler._open = refuse
    handler._drop_stream()
    for i in range(500):
        logger.warning("while the disk is full %d", i)
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot be written" in err and "Traceback" not in err, err
    handler._open = real_open
    logger.info("room again")
    text = (tmp_path / "vitale-coalities.log").read_text(encoding="utf-8")
    assert "works again" in text and "room again" in text
    handler.close()


def test_the_menu_with_four_thousand_saves_reads_none_of_them(content, user_home, monkeypatch):
    """The menu looks in the folder once; the load list reads only the saves on the page it shows."""
    import game.saves as saves

    folder = user_home / "saves"
    good = _session_with_saves(content, folder, actions=3).saver.path.read_bytes()
    for i in range(4000):
        (folder / f"spel-samendam-{i}-20260101T100000.json").write_bytes(good)
    reads = []
    real = saves._quick_info
    monkeypatch.setattr(saves, "_quick_info", lambda path: reads.append(path) or real(path))
    app = new_app(size=(1280, 720))
    app.top.rebuild()
    assert reads == []
    from tests.ui_driver import click_text

    assert click_text(app, "Spel laden")
    step(app, 1)
    assert 0 < len(reads) <= 10, len(reads)


def _mount_tmpfs(folder, size="200k") -> bool:
    import subprocess
    import sys

    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        return False
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True)
    return done.returncode == 0


def _fill(folder) -> None:
    """Write a filler file until the disk is full."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)


def test_a_full_disk_that_frees_up_after_the_debrief_loses_nothing(tmp_path, monkeypatch, capfd):
    """The data folder on a real 200 KB tmpfs (as root, as CI runs): full during the whole game and its debrief;
    once there is room, the save and the log both appear, no `.new` file remains, and stderr got at most one
    line per kind of failure."""
    import subprocess

    import pytest

    data = tmp_path / "data"
    if not _mount_tmpfs(data):
        pytest.skip("needs root on Linux to mount a small tmpfs (CI runs as root)")
    try:
        monkeypatch.setenv("VITALE_COALITIES_HOME", str(data))
        from tests.screens import open_screen

        app = new_app(size=(1280, 720))
        _fill(data)
        open_screen(app, "debrief")
        session = app.session
        assert session.save_error is not None, "the disk was full: the save should have failed"
        assert session.game_log.path is None
        assert not list(data.rglob("*.new"))
        (data / "filler").unlink()
        app.step(6.0)  # the retry timer
        assert session.save_error is None and session.game_log.path is not None
        assert list((data / "saves").glob("spel-*.json")) and list((data / "logs").glob("spel-*.json"))
        assert not list(data.rglob("*.new"))
        err = [line for line in capfd.readouterr().err.splitlines() if line.strip()]
        assert len(err) <= 1, err
    finally:
        logging.getLogger().handlers = []
        subprocess.run(["umount", "-l", str(data)], capture_output=True)
