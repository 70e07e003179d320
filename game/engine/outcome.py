"""How a game ended: realised, reached but unfair, partly or stranded, and whose private goal was met."""

from __future__ import annotations

from dataclasses import dataclass

from .rulebook import I_INDEX
from .rules import goal_measure
from .state import GameState

REALISED, UNFAIR, PARTLY, STRANDED = "realised", "unfair", "partly", "stranded"
RESULTS = (REALISED, UNFAIR, PARTLY, STRANDED)
EQUALITY = I_INDEX["equality"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result of a game (or of the game so far)."""

    result: str
    progress: float
    goals_met: tuple  # per seat
    indicators: tuple
    equality_change: int = 0  # equality at the end minus at the start
    fair: bool = True  # equality fell no further than the rules allow

    def to_json(self) -> dict:
        """The outcome as JSON data."""
        return {
            "result": self.result,
            "progress": round(self.progress, 2),
            "goals_met": list(self.goals_met),
            "indicators": list(self.indicators),
            "equality_change": self.equality_change,
            "fair": self.fair,
        }


def equality_change(state: GameState) -> int:
    """How far equality moved since the start of the game (negative: the gaps grew)."""
    return state.ind[EQUALITY] - state.history[0][0][EQUALITY]


def is_fair(state: GameState) -> bool:
    """Whether equality fell no further than the rules' `fairness_max_drop`: the gaps count."""
    return equality_change(state) >= -state.book.base.fairness_max_drop


def is_realised(state: GameState) -> bool:
    """Whether the challenge is realised: full progress, and fair."""
    return state.progress >= state.book.base.realised_at and is_fair(state)


def outcome(state: GameState) -> Outcome:
    """The outcome: realised at full progress when it is fair (else reached but unfair), partly above the
    rules' threshold, else stranded."""
    base = state.book.base
    fair = is_fair(state)
    if state.progress >= base.realised_at:
        result = REALISED if fair else UNFAIR
    elif state.progress >= base.partly_at:
        result = PARTLY
    else:
        result = STRANDED
    met = tuple(goal_measure(state, s) >= 1.0 for s in range(len(state.seats)))
    return Outcome(result, state.progress, met, tuple(state.ind), equality_change(state), fair)
