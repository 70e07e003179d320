"""Computer players and their named strategies."""

from .player import Bot, make_bots
from .strategies import STRATEGIES, Profile
from .words import Because

__all__ = ["STRATEGIES", "Because", "Bot", "Profile", "make_bots"]
