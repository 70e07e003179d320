"""The crash test: kill a game at random moments and check that resuming it loses nothing.

`python tests/crash_test.py [KILLS] [SEED]` runs it on demand (200 kills by default); CI runs 20 through
`tests/test_saves.py`. Each kill: start `play --autoplay` in a fresh data folder, kill it with SIGKILL at a
random moment - mostly mid-game (after its first save), some before its first save, some while its debrief
is open - then `play --resume latest --autoplay --quit-after-debrief`. The resumed game must end with the
same actions and outcome (read from the game log written at the debrief) as the same game played without
interruption, with one log for the game, and no half-written file once the game has started again. Some
kills hit the report export instead (the `report` process the debrief's button starts): the PDF is then
whole or absent.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAME = ("--scenario", "ikhoven", "--seed", "9", "--rounds", "3")


def _env(home: Path) -> dict:
    env = dict(os.environ)
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", VITALE_COALITIES_HOME=str(home))
    return env


def _run(home: Path, *args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "game", *args], cwd=ROOT, env=_env(home), capture_output=True, text=True, timeout=timeout
    )


def _last_log(home: Path) -> dict:
    logs = sorted((home / "logs").glob("spel-*.json"), key=lambda p: p.stat().st_mtime)
    assert logs, f"no game log in {home}"
    return json.loads(logs[-1].read_text(encoding="utf-8"))


def reference(home: Path) -> dict:
    """The game played without interruption: its log."""
    done = _run(home, "play", "--autoplay", "--quit-after-debrief", *GAME)
    assert done.returncode == 0, done.stderr[-2000:]
    return _last_log(home)


def _start(home: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "game", "play", "--autoplay", "--quit-after-debrief", *GAME],
        cwd=ROOT,
        env=_env(home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait_for(proc: subprocess.Popen, folder: Path, pattern: str, limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while not any(folder.glob(pattern)) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)


def _kill(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.wait(30)


def _no_leftovers(home: Path) -> None:
    """What a kill left half-written is gone once the game starts again."""
    done = _run(home, "--first-frame")
    assert done.returncode == 0, done.stderr[-2000:]
    left = [p.name for p in home.rglob("*.new")]
    assert not left, f"half-written files after a restart: {left}"


def kill_and_resume(home: Path, delay: float, moment: str = "game"):
    """Start the game, kill it `delay` seconds after `moment` (start: the process started; game: its first
    save; debrief: its game log was written), then resume it to the end. (log, logged before resuming), or
    (None, False) when the kill came before anything was saved and there was nothing to resume."""
    proc = _start(home)
    if moment == "game":
        _wait_for(proc, home / "saves", "spel-*.json")
    elif moment == "debrief":
        _wait_for(proc, home / "logs", "spel-*.json")
    time.sleep(delay)
    _kill(proc)
    logged = any((home / "logs").glob("spel-*.json"))
    done = _run(home, "play", "--resume", "latest", "--autoplay", "--quit-after-debrief")
    if done.returncode == 2 and "no saved games" in done.stderr:
        assert moment == "start", f"nothing to resume after a kill at {moment} + {delay:.2f} s"
        assert "Traceback" not in done.stderr
        _no_leftovers(home)
        return None, False
    assert done.returncode == 0, done.stderr[-2000:]
    _no_leftovers(home)
    return _last_log(home), logged


def kill_the_export(home: Path, log: Path, delay: float) -> None:
    """Start the report export (the debrief's button runs `report` in a second process), kill it after `delay`;
    the PDF is whole or absent, and a restart leaves no half-written file."""
    out = home / "reports" / "rapport.pdf"
    proc = subprocess.Popen(
        [sys.executable, "-m", "game", "report", "--log", str(log), "--out", str(out), "--games", "30"],
        cwd=ROOT,
        env=_env(home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(delay)
    _kill(proc)
    if out.exists():
        data = out.read_bytes()
        assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF"), "a half-written report"
    _no_leftovers(home)


# The share of the kills at each moment (the rest: mid-game, the case that matters most).
MOMENTS = (("start", 0.15), ("debrief", 0.15), ("export", 0.1))


def crash_runs(kills: int, seed: int = 1, out=None) -> int:
    """Run `kills` kill rounds: mid-game, before the first save, during the debrief and during the export.
    Return how many were killed mid-game (before the debrief) and resumed identically."""
    rnd = random.Random(seed)
    plan = [moment for moment, share in MOMENTS for _ in range(max(1, round(kills * share)))]
    plan = (plan + ["game"] * kills)[:kills]
    rnd.shuffle(plan)
    with tempfile.TemporaryDirectory() as tmp:
        want = reference(Path(tmp) / "reference")
        reference_log = sorted((Path(tmp) / "reference" / "logs").glob("spel-*.json"))[-1]
        interrupted = 0
        for k, moment in enumerate(plan):
            home = Path(tmp) / f"kill{k}"
            delay = rnd.uniform(0.0, 1.6) if moment != "start" else rnd.uniform(0.0, 1.0)
            if moment == "export":
                kill_the_export(home, reference_log, delay)
                what = "the report is whole or absent"
            else:
                got, logged = kill_and_resume(home, delay, moment)
                if got is None:
                    what = "nothing saved yet, nothing to resume"
                else:
                    assert got["actions"] == want["actions"], f"kill {k} at {moment} + {delay:.2f} s: actions differ"
                    assert got["outcome"] == want["outcome"], f"kill {k} at {moment} + {delay:.2f} s: outcome differs"
                    logs = len(list((home / "logs").glob("spel-*.json")))
                    assert logs == 1, f"kill {k} at {moment} + {delay:.2f} s: {logs} logs of one game"
                    interrupted += moment == "game" and not logged
                    what = "same game"
            if out is not None:
                print(f"kill {k + 1}/{kills} at {moment} + {delay:.2f} s: {what}", file=out, flush=True)
    return interrupted


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    s = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    start = time.monotonic()
    mid = crash_runs(n, s, sys.stdout)
    print(f"{n} kills ({mid} mid-game), every resumed game identical, {time.monotonic() - start:.0f} s")
