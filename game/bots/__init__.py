"""Computer players and their named strategies (the content's, content/strategies)."""

from .player import Bot, make_bots
from .strategies import Profile, profile_of
from .words import Because

__all__ = ["Because", "Bot", "Profile", "make_bots", "profile_of"]
