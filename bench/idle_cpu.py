"""Benchmark: CPU used while the table screen waits for the players (budget: <= 2 % of one core, median).

The real loop, `app.step()` without a dt, so the clock ticks at the game's FPS and sleeps in between, runs for
SECONDS on the table screen (a human seat's turn, round 2, 1920x1080, dummy video driver) with no input; the
figure is the process's CPU time (`time.process_time`, every thread) over that wall time, in % of one core.

    python bench/idle_cpu.py [--runs N] [--seconds S] [--json]
"""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import headless, run_alone, spread, verdict  # noqa: E402

headless()

BUDGET_PCT = 2.0
SIZE = (1920, 1080)


def idle_run(app, seconds: float) -> tuple[float, int, int]:
    """(% of one core, frames, redraws) of `seconds` of the real loop with no input."""
    for _ in range(5):  # whatever the opening left queued (window events) is handled first
        app.step()
    gc.collect()
    draws = [0]
    draw = app.draw

    def counted() -> None:
        draws[0] += 1
        draw()

    app.draw = counted  # counts the redraws (there should be none): a cause when the figure is high
    frames = 0
    try:
        cpu, wall = time.process_time(), time.perf_counter()
        end = wall + seconds
        while time.perf_counter() < end:
            app.step()
            frames += 1
        pct = (time.process_time() - cpu) / (time.perf_counter() - wall) * 100
    finally:
        del app.draw
    return pct, frames, draws[0]


def measure(runs: int, seconds: float) -> dict:
    """Median, min and max % over `runs` runs of `seconds` seconds each."""
    from tests.screens import open_screen
    from tests.ui_driver import new_app

    app = new_app(size=SIZE)
    open_screen(app, "table")
    assert app.top.name == "table" and app.top.step == "choose"
    results = [idle_run(app, seconds) for _ in range(runs)]
    return dict(
        spread([pct for pct, _, _ in results], 2),
        budget=BUDGET_PCT,
        seconds=seconds,
        fps=round(sum(f for _, f, _ in results) / (seconds * runs), 1),
        redraws=sum(d for _, _, d in results),
    )


def line(f: dict) -> str:
    """The line of text of a run alone."""
    return (
        f"idle_cpu_pct  median {f['median']} %  (min {f['min']}, max {f['max']}, {f['runs']} runs of "
        f"{f['seconds']:g} s at {f['fps']} frames/s, {f['redraws']} redraws; budget {BUDGET_PCT} %: "
        f"{verdict(f['median'], BUDGET_PCT)})"
    )


def main() -> int:
    options = {"--runs": {"type": int, "default": 3}, "--seconds": {"type": float, "default": 10.0}}
    return run_alone(__doc__, measure, options, line, key="idle_cpu_pct")


if __name__ == "__main__":
    sys.exit(main())
