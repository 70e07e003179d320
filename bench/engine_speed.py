"""Benchmark: full bot games per second on one core, per scenario (budget: >= 2,000/s for `balanced`,
4 seats, 5 rounds).

    python bench/engine_speed.py [--games N] [--strategy NAME] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.content import load_content  # noqa: E402
from game.engine import Setup  # noqa: E402
from game.simulate import game_seed, play, table  # noqa: E402

BUDGET = 2000.0


def measure(games: int, strategy: str, repeats: int = 3) -> dict:
    """Games per second per scenario: the median of `repeats` runs of `games` games each."""
    content = load_content().content
    challenges = sorted(content.challenges)
    seats = table(4, strategy)  # the same four bot seats in every game
    out = {}
    for scenario in sorted(content.scenarios):
        rates = []
        for _ in range(repeats):
            start = time.perf_counter()
            for i in range(games):
                play(content, Setup(scenario, challenges[i % len(challenges)], seats, 5, game_seed(1, i)))
            rates.append(games / (time.perf_counter() - start))
        out[scenario] = {"median": round(statistics.median(rates)), "min": round(min(rates)), "max": round(max(rates))}
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--games", type=int, default=600)
    parser.add_argument("--strategy", default="balanced")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    figures = measure(args.games, args.strategy)
    if args.json:
        print(json.dumps({"engine_games_per_s": figures, "strategy": args.strategy, "budget": BUDGET}))
        return 0
    for scenario, f in figures.items():
        verdict = "within budget" if f["median"] >= BUDGET else "below budget"
        print(
            f"{scenario:<14} {f['median']:>6} games/s (min {f['min']}, max {f['max']}; "
            f"budget {BUDGET:.0f}: {verdict})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
