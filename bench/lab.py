"""Benchmark: `python -m game lab --quick` (budget: at most 90 s on this 2-core machine, one process per core).

The whole quick laboratory in-process: its grid of ways of playing, the named strategies, random play, other
table sizes and the sampled decisions, under the built-in content's futures.

    python bench/lab.py [--runs N] [--json]
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import run_alone, spread, verdict  # noqa: E402  (also puts the project on the path)

BUDGET_S = 90.0


def measure(runs: int) -> dict:
    """Median, min and max seconds of a quick lab, over `runs` runs."""
    from game.analysis import lab
    from game.content import load_content

    content = load_content().content
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        lab.run(
            content, profiles=lab.QUICK["profiles"], games=lab.QUICK["games"], tie_decisions=lab.QUICK["tie_decisions"]
        )
        times.append(time.perf_counter() - start)
    s = spread(times)
    return {
        "lab_quick_s": s["median"],
        "min": s["min"],
        "max": s["max"],
        "runs": runs,
        "cores": os.cpu_count(),
        "budget": BUDGET_S,
    }


def line(f: dict) -> str:
    """The line of text of a run alone."""
    return (
        f"lab_quick_s  median {f['lab_quick_s']} s (min {f['min']}, max {f['max']}, {f['runs']} runs, "
        f"{f['cores']} cores; budget {BUDGET_S} s: {verdict(f['lab_quick_s'], BUDGET_S)})"
    )


def main() -> int:
    return run_alone(__doc__, measure, {"--runs": {"type": int, "default": 3}}, line)


if __name__ == "__main__":
    sys.exit(main())
