"""`python -m game simulate`: many games played by computer players, summarised per scenario and strategy.

Game i of a run uses the same seed (and so the same deck order) in every scenario and for every strategy,
so differences between rows come from the rules and the choices, not from luck of the draw.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from typing import Optional

from game.bots import STRATEGIES, make_bots
from game.content.models import INDICATORS
from game.engine import DrawTrend, ResolveRound, SeatSetup, Setup, new_game
from game.engine.rules import apply_checked, apply_in_place
from game.engine.state import PHASE_ACTIONS, PHASE_OVER

TABLE_ROLES = ("wethouder", "inwoner", "bedrijf", "professional", "inwoner", "professional")
_DRAW, _RESOLVE = DrawTrend(), ResolveRound()


def table(n: int, strategy: str) -> tuple:
    """The seats of a simulated table of n: the four roles, then a second inwoner and professional."""
    return tuple(SeatSetup(TABLE_ROLES[i], f"{TABLE_ROLES[i]}{i + 1}", True, strategy) for i in range(n))


def game_seed(seed: int, index: int) -> int:
    """The seed of game `index` in a run with `seed`."""
    return (seed * 1_000_003 + index * 7_919) % (2**63)


def play(content, setup: Setup, bots: Optional[dict] = None):
    """Play one game to the end with bots in every seat; return the final state."""
    state = new_game(content, setup)
    bots = bots if bots is not None else make_bots(state)
    while state.phase != PHASE_OVER:  # one round: draw, the seats' turns, resolve
        apply_in_place(state, _DRAW)
        while state.phase == PHASE_ACTIONS:
            action, _ = bots[state.turn].choose(state)
            apply_checked(state, action)  # choose() only returns actions that passed check()
        apply_in_place(state, _RESOLVE)
    return state


@dataclass
class Summary:
    """The results of many games of one scenario and strategy."""

    scenario: str
    strategy: str
    games: int
    realised: float
    mean_progress: float
    mean_indicators: dict

    def to_json(self) -> dict:
        """As the `simulate --json` contract says."""
        return {
            "scenario": self.scenario,
            "strategy": self.strategy,
            "games": self.games,
            "realised": round(self.realised, 4),
            "mean_progress": round(self.mean_progress, 2),
            "mean_indicators": {k: round(v, 2) for k, v in self.mean_indicators.items()},
        }


def run(
    content,
    scenario: str,
    strategy: str,
    games: int,
    seed: int = 1,
    challenge: Optional[str] = None,
    seats: int = 4,
    rounds: Optional[int] = None,
    progress=None,
) -> Summary:
    """Play `games` games; challenges rotate when none is given."""
    challenges = [challenge] if challenge else sorted(content.challenges)
    rounds = rounds or content.rules.default_rounds
    seat_setup = table(seats, strategy)
    realised = 0
    total_progress = 0.0
    totals = [0.0] * len(INDICATORS)
    realised_at = content.rules.realised_at
    for i in range(games):
        setup = Setup(scenario, challenges[i % len(challenges)], seat_setup, rounds, game_seed(seed, i))
        state = play(content, setup)
        if state.progress >= realised_at:
            realised += 1
        total_progress += state.progress
        for k, v in enumerate(state.ind):
            totals[k] += v
        if progress is not None:
            progress(1)
    return Summary(
        scenario,
        strategy,
        games,
        realised / games,
        total_progress / games,
        {name: totals[k] / games for k, name in enumerate(INDICATORS)},
    )


class ProgressBar:
    """A one-line progress bar on a terminal (stderr); silent when stderr is not a terminal."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.active = sys.stderr.isatty()

    def __call__(self, step: int) -> None:
        self.done += step
        if self.active and (self.done % 50 == 0 or self.done == self.total):
            width = 30
            filled = int(width * self.done / self.total)
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} games")
            if self.done == self.total:
                sys.stderr.write("\n")
            sys.stderr.flush()


def cmd_simulate(args) -> int:
    """The `simulate` command."""
    from game.cli import UsageError
    from game.content import load_content

    if args.content is not None and not args.content.is_dir():
        raise UsageError(f"vitale-coalities simulate: the content folder {args.content} does not exist")
    loaded = load_content(pack=args.content)
    if not loaded.ok:
        first = loaded.problems[0]
        raise UsageError(
            f"vitale-coalities simulate: the content has {len(loaded.problems)} problem(s), first: {first} "
            "(run `validate` for all)"
        )
    content = loaded.content
    scenarios = sorted(content.scenarios) if args.scenario == "all" else [args.scenario]
    for scenario in scenarios:
        if scenario not in content.scenarios:
            known = ", ".join(sorted(content.scenarios))
            raise UsageError(f'vitale-coalities simulate: unknown scenario "{scenario}"; known: {known}, all')
    strategies = list(STRATEGIES) if args.strategy == "all" else [args.strategy]
    for strategy in strategies:
        if strategy not in STRATEGIES:
            known = ", ".join(STRATEGIES)
            raise UsageError(f'vitale-coalities simulate: unknown strategy "{strategy}"; known: {known}, all')
    if args.challenge and args.challenge not in content.challenges:
        known = ", ".join(sorted(content.challenges))
        raise UsageError(f'vitale-coalities simulate: unknown challenge "{args.challenge}"; known: {known}')
    bar = ProgressBar(len(scenarios) * len(strategies) * args.games)
    results = [
        run(content, sc, st, args.games, args.seed, args.challenge, args.seats, args.rounds, bar)
        for st in strategies
        for sc in scenarios
    ]
    if args.json:
        print(json.dumps({"seed": args.seed, "games": args.games, "results": [r.to_json() for r in results]}))
        return 0
    print(f"{'strategy':<18}{'scenario':<14}{'games':>6}{'realised':>10}{'progress':>10}  indicators (end, mean)")
    for r in results:
        inds = " ".join(f"{k[:5]}={v:.0f}" for k, v in r.mean_indicators.items())
        print(f"{r.strategy:<18}{r.scenario:<14}{r.games:>6}{r.realised:>9.0%}{r.mean_progress:>10.1f}  {inds}")
    return 0
