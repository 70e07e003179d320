"""The crash test: kill a game at random moments and check that resuming it loses nothing.

`python tests/crash_test.py [KILLS] [SEED]` runs it on demand (200 kills by default); CI runs 20 through
`tests/test_saves.py`. Each kill: start `play --autoplay` in a fresh data folder, wait until the game has
saved at least once, kill it with SIGKILL after a random delay, then `play --resume latest --autoplay
--quit-after-debrief`. The resumed game must end with the same actions and outcome (read from the game
logs written at the debrief) as the same game played without interruption.
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


def kill_and_resume(home: Path, delay: float) -> dict:
    """Start the game, kill it `delay` seconds after its first save, resume it to the end; the log."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "game", "play", "--autoplay", "--quit-after-debrief", *GAME],
        cwd=ROOT,
        env=_env(home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    saves = home / "saves"
    deadline = time.monotonic() + 120
    while not any(saves.glob("spel-*.json")) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(delay)
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    done = _run(home, "play", "--resume", "latest", "--autoplay", "--quit-after-debrief")
    assert done.returncode == 0, done.stderr[-2000:]
    return _last_log(home)


def crash_runs(kills: int, seed: int = 1, out=None) -> int:
    """Run `kills` kill-and-resume rounds; return how many were killed mid-game (the rest had finished)."""
    rnd = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        want = reference(Path(tmp) / "reference")
        interrupted = 0
        for k in range(kills):
            home = Path(tmp) / f"kill{k}"
            delay = rnd.uniform(0.0, 1.6)
            got = kill_and_resume(home, delay)
            assert got["actions"] == want["actions"], f"kill {k} after {delay:.2f} s: the actions differ"
            assert got["outcome"] == want["outcome"], f"kill {k} after {delay:.2f} s: the outcome differs"
            logs = len(list((home / "logs").glob("spel-*.json")))
            interrupted += logs == 1  # the killed run never reached its debrief
            if out is not None:
                print(f"kill {k + 1}/{kills} after {delay:.2f} s: same game", file=out, flush=True)
    return interrupted


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    s = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    start = time.monotonic()
    mid = crash_runs(n, s, sys.stdout)
    print(f"{n} kills ({mid} mid-game), every resumed game identical, {time.monotonic() - start:.0f} s")
