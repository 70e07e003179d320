"""Why something is not allowed, or not vital: ids and numbers, never finished sentences.

The engine says *what* (a key and its parameters); the catalogue (`game.words`) says it in Dutch or English.
"""

from __future__ import annotations

from typing import NamedTuple


class Term(NamedTuple):
    """An id of the game's vocabulary, named in a sentence: Term("resource", "money") reads "geld" / "money"."""

    kind: str  # resource, indicator, coalition_role, phase
    id: str


class Reason:
    """Why something is not allowed (or not vital): a key and its parameters (numbers, names, `Term`s)."""

    __slots__ = ("key", "params")

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params

    def __repr__(self) -> str:
        return f"Reason({self.key!r}, {self.params!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Reason) and (self.key, self.params) == (other.key, other.params)
