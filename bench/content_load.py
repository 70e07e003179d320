"""Benchmark: load and validate the built-in content (budget: under 30 ms, median).

python bench/content_load.py [--runs N] [--json]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import run_alone, verdict  # noqa: E402  (also puts the project on the path)

from game.content import load_content  # noqa: E402

BUDGET_MS = 30.0


def measure(runs: int) -> dict:
    """Median, min and max milliseconds of `load_content()` over `runs` runs (after one warm-up)."""
    load_content()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = load_content()
        times.append((time.perf_counter() - start) * 1000)
        assert result.ok
    return {
        "content_load_ms": round(statistics.median(times), 2),
        "min": round(min(times), 2),
        "max": round(max(times), 2),
        "budget": BUDGET_MS,
    }


def line(f: dict) -> str:
    """The line of text of a run alone."""
    return (
        f"content_load_ms  median {f['content_load_ms']} ms  (min {f['min']}, "
        f"max {f['max']}; budget {BUDGET_MS} ms: {verdict(f['content_load_ms'], BUDGET_MS)})"
    )


def main() -> int:
    return run_alone(__doc__, measure, {"--runs": {"type": int, "default": 20}}, line, raw=False)


if __name__ == "__main__":
    sys.exit(main())
