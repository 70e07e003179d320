"""Benchmark: peak resident memory over an autoplayed game with its debrief (budget: <= 200 MB, median).

Runs `python -m game play --autoplay --quit-after-debrief --scenario samendam --seed 3` as a subprocess (dummy
video and audio drivers, temp $VITALE_COALITIES_HOME) and reads that one child's peak RSS from `os.wait4`
(ru_maxrss, KiB on Linux, bytes on macOS), so earlier subprocesses of the same benchmark run do not count.
The game quits 0.2 s after the debrief shows, so the wind tunnel has only started by then.
MB here means MiB (1024 * 1024 bytes): `ru_maxrss` in KiB / 1024.

    python bench/memory.py [--runs N] [--json]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, child_env, run_alone, spread, verdict  # noqa: E402

BUDGET_MB = 200.0
COMMAND = ["play", "--autoplay", "--quit-after-debrief", "--scenario", "samendam", "--seed", "3"]


def one_run(home: str) -> tuple[float, float]:
    """(peak RSS in MiB, seconds) of one autoplayed game."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "game", *COMMAND],
        cwd=ROOT,
        env=child_env(home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own rusage, not all children's
    except BaseException:
        proc.kill()
        raise
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if proc.returncode != 0:
        raise RuntimeError(f"python -m game {' '.join(COMMAND)} exited {proc.returncode}: {err.strip()[-500:]}")
    kib = usage.ru_maxrss / 1024 if sys.platform == "darwin" else usage.ru_maxrss
    return kib / 1024, seconds


def measure(runs: int) -> dict:
    """Median, min and max peak RSS (MiB) over `runs` autoplayed games, each with a fresh user folder."""
    peaks, seconds = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="vc-bench-rss-") as home:
            mb, s = one_run(home)
        peaks.append(mb)
        seconds.append(s)
    return dict(spread(peaks, 1), budget=BUDGET_MB, game_seconds=round(sum(seconds) / len(seconds), 2))


def line(f: dict) -> str:
    """The line of text of a run alone."""
    return (
        f"rss_mb  median {f['median']} MB  (min {f['min']}, max {f['max']}, {f['runs']} games of "
        f"~{f['game_seconds']} s; budget {BUDGET_MB:.0f} MB: {verdict(f['median'], BUDGET_MB)})"
    )


def main() -> int:
    return run_alone(__doc__, measure, {"--runs": {"type": int, "default": 3}}, line, key="rss_mb")


if __name__ == "__main__":
    sys.exit(main())
