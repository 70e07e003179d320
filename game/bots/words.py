"""One-sentence reasons a computer player gives for its move (nl/en); the screens show them."""

from __future__ import annotations

from game.words import say

# The reasons a bot may give; their words are the catalogue's "bot.<key>".
KEYS = (
    "passive",
    "done",
    "accept",
    "decline",
    "propose",
    "invite",
    "facts",
    "learning",
    "talk",
    "invest_need",
    "invest_alone",
    "seize",
    "goal",
    "fairness",
    "dilemma_stance",
    "dilemma_first",
    "signature",
)


class Because:
    """Why a bot chose its move: a key and parameters, rendered per language with the seat's name."""

    __slots__ = ("key", "params")

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params

    def text(self, lang: str, name: str) -> str:
        """The reason as one sentence."""
        return say(f"bot.{self.key}", lang, **{"other": "", **self.params, "name": name})

    def __repr__(self) -> str:
        return f"Because({self.key!r})"
