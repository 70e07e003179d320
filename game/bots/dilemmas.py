"""How a computer player answers a trend card's dilemma for the table: by the stance its strategy prefers.

A stance (let go, take back, protect, invest) is content (rules.yaml); a strategy names the one it leans to.
The answer never reads the scenario: a scenario-blind way of playing gives the same kind of answer in every
future, and the lab measures what that kind of answer brings in each.
"""

from __future__ import annotations

from game.engine.actions import Respond
from game.engine.state import GameState

from .strategies import Profile
from .words import Because


def answer_dilemma(profile: Profile, state: GameState) -> tuple:
    """(Respond, Because) for the first open dilemma: the answer of the profile's stance, else the card's
    first answer."""
    trend = state.pending[0]
    stances = state.book.stances[trend]
    wanted = profile.stance
    chosen = next((r for r, stance in stances.items() if wanted and stance == wanted), None)
    key = "dilemma_stance" if chosen is not None else "dilemma_first"
    chosen = chosen or next(iter(stances))
    text = state.book.content.dilemma(trend, state.book.setup.scenario).response(chosen).text
    return Respond(trend, chosen), Because(key, answer=text)
