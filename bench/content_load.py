"""Benchmark: load and validate the built-in content (budget: under 30 ms, median).

python bench/content_load.py [--runs N] [--json]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import emit, verdict  # noqa: E402  (also puts the project on the path)

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    figures = measure(args.runs)
    return emit(
        args.json,
        figures,
        f"content_load_ms  median {figures['content_load_ms']} ms  (min {figures['min']}, "
        f"max {figures['max']}; budget {BUDGET_MS} ms: {verdict(figures['content_load_ms'], BUDGET_MS)})",
    )


if __name__ == "__main__":
    sys.exit(main())
