"""Benchmark: full bot games per second on one core (budget: >= 2,000/s for `balanced`, 4 seats, 5 rounds).

The figure is the games of the three scenarios together - the mix `simulate --scenario all` and the wind
tunnel play - per second of wall time. Each run plays `--games` games of every scenario, one scenario after
the other, so that a burst of other work on the machine slows the scenarios of a run alike; the figure is
the median of the runs, with min and max. Each scenario's own rate is reported too: Ikhoven is the slowest,
as its games last all five rounds and draw eight trend cards, where the others often end early.

    python bench/engine_speed.py [--games N] [--repeats N] [--strategy NAME] [--json]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import arguments, emit, spread, verdict  # noqa: E402  (also puts the project on the path)

from game.analysis.simulate import game_seed, play, table  # noqa: E402
from game.content import load_content  # noqa: E402
from game.engine import Setup  # noqa: E402

BUDGET = 2000.0


def measure(games: int, strategy: str, repeats: int = 5) -> dict:
    """Games per second of the three scenarios together (`mix`) and of each (`scenarios`), over `repeats`
    runs of `games` games per scenario."""
    content = load_content().content
    challenges = sorted(content.challenges)
    seats = table(content, 4, strategy)  # the same four bot seats in every game
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
        "mix": spread(mix, None),  # whole games per second
        "scenarios": {scenario: spread(rates, None) for scenario, rates in per.items()},
        "games": games,
        "repeats": repeats,
        "strategy": strategy,
    }


def main() -> int:
    options = {
        "--games": {"type": int, "default": 200, "help": "games per scenario per run (200)"},
        "--repeats": {"type": int, "default": 5, "help": "runs (5)"},
        "--strategy": {"default": "balanced"},
    }
    args = arguments(__doc__, options, raw=False)
    figures = measure(args.games, args.strategy, args.repeats)
    f = figures["mix"]
    lines = [
        f"{'3 scenarios':<14} {f['median']:>6} games/s (min {f['min']}, max {f['max']}; budget {BUDGET:.0f}: "
        f"{verdict(f['median'], BUDGET, '>=')})"
    ]
    for scenario, f in figures["scenarios"].items():
        lines.append(f"{scenario:<14} {f['median']:>6} games/s (min {f['min']}, max {f['max']})")
    return emit(args.json, {"engine_games_per_s": figures, "budget": BUDGET}, "\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
