"""`python -m game simulate`: many games played by computer players, summarised per scenario and strategy.

Game i of a run uses the same seed (and so the same deck order) in every scenario and for every strategy,
so differences between rows come from the rules and the choices, not from luck of the draw.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from game.bots import make_bots
from game.engine import DrawTrend, ResolveRound, SeatSetup, Setup, is_realised, new_game
from game.engine.rules import apply_in_place
from game.engine.state import PHASE_ACTIONS, PHASE_DILEMMA, PHASE_OVER, PHASE_TREND
from game.engine.vocabulary import INDICATORS

_DRAW, _RESOLVE = DrawTrend(), ResolveRound()


def table(content, n: int, strategy: str) -> tuple:
    """The seats of a simulated table of n: the content's table roles (rules.table_roles), all computers."""
    return tuple(SeatSetup(role, f"{role}{i + 1}", True, strategy) for i, role in enumerate(content.table_roles(n)))


def game_seed(seed: int, index: int) -> int:
    """The seed of game `index` in a run with `seed`."""
    return (seed * 1_000_003 + index * 7_919) % (2**63)


def play(content, setup: Setup, bots: Optional[dict] = None, before_draw=None, after_draw=None):
    """Play one game to the end with bots in every seat; return the final state.

    `before_draw(state)` and `after_draw(state, what before_draw returned)` watch each round's draw (the wind
    tunnel measures there how much the drawn cards hurt)."""
    state = new_game(content, setup)
    return play_on(state, bots if bots is not None else make_bots(state), before_draw, after_draw)


def play_on(state, bots: dict, before_draw=None, after_draw=None):
    """Play a game on from `state` (changed in place) to its end, with a bot in every seat; return it."""
    while state.phase != PHASE_OVER:
        if state.phase == PHASE_TREND:
            seen = before_draw(state) if before_draw is not None else None
            apply_in_place(state, _DRAW)
            if after_draw is not None:
                after_draw(state, seen)
        elif state.phase == PHASE_ACTIONS:
            action, _ = bots[state.turn].choose(state)
            apply_in_place(state, action)
        elif state.phase == PHASE_DILEMMA:  # the round's first seat speaks for the table
            chair = bots.get(state.start_seat) or next(iter(bots.values()))
            action, _ = chair.choose(state)
            apply_in_place(state, action)
        else:
            apply_in_place(state, _RESOLVE)
    return state


def setups(content, scenario: str, seats: tuple, games: int, seed: int = 1, challenge=None, rounds=None):
    """The setups of a run's games: game i has seed game_seed(seed, i); challenges rotate when none is given."""
    challenges = [challenge] if challenge else sorted(content.challenges)
    rounds = rounds or content.rules.default_rounds
    for i in range(games):
        yield Setup(scenario, challenges[i % len(challenges)], seats, rounds, game_seed(seed, i))


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
    realised = 0
    total_progress = 0.0
    totals = [0.0] * len(INDICATORS)
    for setup in setups(content, scenario, table(content, seats, strategy), games, seed, challenge, rounds):
        state = play(content, setup)
        if is_realised(state):
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
