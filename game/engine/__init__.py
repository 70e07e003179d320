"""The rules engine: pure Python, deterministic, never imports pygame (a test guards this).

A game is its setup (with the seed) and its list of actions: `replay` rebuilds the identical state.
"""

from .actions import (
    ACTION_TYPES,
    Accept,
    Action,
    BuildFacts,
    Conversation,
    Decline,
    DrawTrend,
    EndTurn,
    Invest,
    Invite,
    Leave,
    Offer,
    Propose,
    ResolveRound,
    Seize,
    Signature,
    action_from_json,
    action_to_json,
)
from .outcome import PARTLY, REALISED, STRANDED, Outcome, outcome
from .rulebook import Rulebook, SeatSetup, Setup, SetupError
from .rules import (
    IllegalAction,
    apply,
    apply_in_place,
    check,
    coalition_problems,
    goal_measure,
    is_over,
    legal_actions,
    new_game,
    pot_with_bonus,
    replay,
)
from .state import PHASE_ACTIONS, PHASE_OVER, PHASE_RESOLVE, PHASE_TREND, Coalition, GameState, Seat

__all__ = [name for name in dir() if not name.startswith("_")]
