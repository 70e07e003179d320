"""Benchmark: process start to the main menu's first frame (budget: <= 600 ms, median).

Runs `python -m game --first-frame` (it presents the menu's first frame and exits 0) as a subprocess under the
dummy video and audio drivers with a temp $VITALE_COALITIES_HOME, and times it from just before the process is
started until it has exited. So the figure includes the interpreter's start and its shutdown after the frame;
it is a little more than what a player waits for. One warm-up run (disk cache, the user folders made) is not
counted.

    python bench/startup.py [--runs N] [--json]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, child_env, run_alone, spread, verdict  # noqa: E402

BUDGET_MS = 600.0


def one_run(env: dict) -> float:
    """Milliseconds of one `python -m game --first-frame`."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "game", "--first-frame"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    ms = (time.perf_counter() - start) * 1000
    if done.returncode != 0:
        raise RuntimeError(f"python -m game --first-frame exited {done.returncode}: {done.stderr.strip()[-500:]}")
    return ms


def measure(runs: int) -> dict:
    """Median, min and max milliseconds over `runs` runs (after one warm-up)."""
    with tempfile.TemporaryDirectory(prefix="vc-bench-start-") as home:
        env = child_env(home)
        one_run(env)
        times = [one_run(env) for _ in range(runs)]
    return dict(spread(times, 1), budget=BUDGET_MS, samples=[round(t, 1) for t in times])


def line(f: dict) -> str:
    """The line of text of a run alone."""
    return (
        f"startup_ms  median {f['median']} ms  (min {f['min']}, max {f['max']}, {f['runs']} runs; "
        f"budget {BUDGET_MS:.0f} ms: {verdict(f['median'], BUDGET_MS)})"
    )


def main() -> int:
    return run_alone(__doc__, measure, {"--runs": {"type": int, "default": 9}}, line, key="startup_ms")


if __name__ == "__main__":
    sys.exit(main())
