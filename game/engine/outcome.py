"""How a game ended: realised, partly or stranded, and whose private goal was met."""

from __future__ import annotations

from dataclasses import dataclass

from .rules import goal_measure
from .state import GameState

REALISED, PARTLY, STRANDED = "realised", "partly", "stranded"


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result of a game (or of the game so far)."""

    result: str
    progress: float
    goals_met: tuple  # per seat
    indicators: tuple

    def to_json(self) -> dict:
        """The outcome as JSON data."""
        return {
            "result": self.result,
            "progress": round(self.progress, 2),
            "goals_met": list(self.goals_met),
            "indicators": list(self.indicators),
        }


def outcome(state: GameState) -> Outcome:
    """The outcome: realised at full progress, partly above the rules' threshold, else stranded."""
    base = state.book.base
    if state.progress >= base.realised_at:
        result = REALISED
    elif state.progress >= base.partly_at:
        result = PARTLY
    else:
        result = STRANDED
    met = tuple(goal_measure(state, s) >= 1.0 for s in range(len(state.seats)))
    return Outcome(result, state.progress, met, tuple(state.ind))
