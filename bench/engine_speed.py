"""Benchmark: full bot games per second on one core (budget: >= 2,000/s for `balanced`, 4 seats, 5 rounds).

The figure is the games of the three scenarios together - the mix `simulate --scenario all` and the wind
tunnel play - per second of wall time. Each run plays `--games` games of every scenario, one scenario after
the other, so that a burst of other work on the machine slows the scenarios of a run alike; the figure is
the median of the runs, with min and max. Each scenario's own rate is reported too: Ikhoven is the slowest,
as its games last all five rounds and draw eight trend cards, where the others often end early.

    python bench/engine_speed.py [--games N] [--repeats N] [--strategy NAME] [--json]
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


def _spread(rates: list) -> dict:
    return {"median": round(statistics.median(rates)), "min": round(min(rates)), "max": round(max(rates))}


def measure(games: int, strategy: str, repeats: int = 5) -> dict:
    """Games per second of the three scenarios together (`mix`) and of each (`scenarios`), over `repeats`
    runs of `games` games per scenario."""
    content = load_content().content
    challenges = sorted(content.challenges)
    seats = table(4, strategy)  # the same four bot seats in every game
    scenarios = sorted(content.scenarios)
    mix: list = []
    per: dict = {scenario: [] for scenario in scenarios}
    for _ in range(repeats):
        total = 0.0
        for scenario in scenarios:
            start = time.perf_counter()
            for i in range(games):
                play(content, Setup(scenario, challenges[i % len(challenges)], seats, 5, game_seed(1, i)))
            spent = time.perf_counter() - start
            per[scenario].append(games / spent)
            total += spent
        mix.append(games * len(scenarios) / total)
    return {
        "mix": _spread(mix),
        "scenarios": {scenario: _spread(rates) for scenario, rates in per.items()},
        "games": games,
        "repeats": repeats,
        "strategy": strategy,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--games", type=int, default=200, help="games per scenario per run (200)")
    parser.add_argument("--repeats", type=int, default=5, help="runs (5)")
    parser.add_argument("--strategy", default="balanced")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    figures = measure(args.games, args.strategy, args.repeats)
    if args.json:
        print(json.dumps({"engine_games_per_s": figures, "budget": BUDGET}))
        return 0
    f = figures["mix"]
    verdict = "within budget" if f["median"] >= BUDGET else "below budget"
    print(f"{'3 scenarios':<14} {f['median']:>6} games/s (min {f['min']}, max {f['max']}; budget {BUDGET:.0f}: {verdict})")
    for scenario, f in figures["scenarios"].items():
        print(f"{scenario:<14} {f['median']:>6} games/s (min {f['min']}, max {f['max']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
