"""What-if branches: the same game from the start of one round on under another future.

A branch is the table's own game up to the start of a round (its seed and its actions), then the future turns:
from that round on the rules, the trend cards' modifiers, the region's moves and the income are those of the
other future, and the table's indicators, trust, coalitions and resources are kept as they were. Replaying the
branch is replaying the actions before the turn, `change_future`, then the actions after it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from .rulebook import Rulebook, SetupError
from .state import PHASE_TREND, GameState


@dataclass(frozen=True)
class Branch:
    """Where a game turned to another future: after `after` actions (the start of round `round`)."""

    round: int
    scenario: str
    after: int

    def to_json(self) -> dict[str, Any]:
        """As a game log holds it."""
        return {"round": self.round, "scenario": self.scenario, "after": self.after}

    @staticmethod
    def from_json(data: Any) -> Branch:
        """From a game log; ValueError when it is not a branch."""
        if not isinstance(data, dict):
            raise ValueError("a branch is a mapping")
        number, scenario, after = data.get("round"), data.get("scenario"), data.get("after")
        if not isinstance(scenario, str) or not all(isinstance(v, int) and v >= 0 for v in (number, after)):
            raise ValueError("a branch has a round, a scenario and the number of actions before it")
        return Branch(number, scenario, after)


def can_change_future(state: GameState) -> bool:
    """A future turns only between rounds: before a round's trend is drawn, with no dilemma open."""
    return state.phase == PHASE_TREND and not state.pending


def change_future(state: GameState, scenario: str) -> GameState:
    """The game from here under `scenario` (a new state; `state` is not changed). The new future's region
    starts with its full budgets, and the knobs keep how far the table turned them."""
    if not can_change_future(state):
        raise ValueError("a future can only change at the start of a round")
    book = Rulebook.compile(state.book.content, replace(state.book.setup, scenario=scenario))
    if len(book.knobs) != len(state.knobs):
        raise SetupError("the other future has other knobs")
    new = state.copy()
    new.book = book
    new.budgets = [actor.budget for actor in book.actors]
    new.actor_done = []
    return new
