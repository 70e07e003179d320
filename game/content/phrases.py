"""A content problem's words kept unsaid: a key of the catalogue (`content.*`) and its parameters.

A problem is found once and shown in more than one language: English on the command line and in
`validate --json` (`Problem.message`), the interface's language on the content check screen
(`Problem.text`). So the loader keeps the key and the parameters, and says them when it is shown.

A parameter is said by its kind: a `Phrase` (a part of the sentence with words of its own), a `Term` (a
word of the catalogue, "content.value.nothing"), a `Count` (thousands grouped as the language writes
them: 1,200 / 1.200), a `Decimal` (a size: 5.0 / 5,0), `Either` (choices joined by "or" / "of"), else the
value as it is: what the file says, a field's name, a number to type (YAML writes 0.5, in Dutch too).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from game.engine.reasons import Term
from game.words import decimal, say

__all__ = ["Count", "ContentValueError", "Decimal", "Either", "Phrase", "Term", "both", "shown"]


class Phrase:
    """A text of the catalogue with its parameters, said in a language when it is shown."""

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key = key
        self.params = params

    def say(self, lang: str) -> str:
        """The text in `lang` ("nl" or "en"), every parameter said in that language too."""
        return said(self.key, self.params, lang)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Phrase) and (self.key, self.params) == (other.key, other.params)

    __hash__ = None  # type: ignore[assignment]  # its parameters are a dict

    def __repr__(self) -> str:
        return f"Phrase({self.key!r}, {self.params!r})"

    def __str__(self) -> str:
        return self.say("en")


class Count(int):
    """A number of characters, values or kilobytes: 1,200 in English, 1.200 in Dutch."""


class Decimal(float):
    """A size with one decimal: 5.0 MB in English, 5,0 MB in Dutch."""


class Either(tuple):
    """Choices, as pydantic lists them: 'low', 'medium' or 'high' ('low', 'medium' of 'high' in Dutch)."""


def _said(value: Any, lang: str) -> Any:
    if isinstance(value, Phrase):
        return value.say(lang)
    if isinstance(value, Count):
        grouped = f"{int(value):,}"
        return grouped.replace(",", ".") if lang == "nl" else grouped
    if isinstance(value, Decimal):
        return decimal(value, lang, 1)
    if isinstance(value, Either):
        if len(value) < 2:
            return ", ".join(value)
        return f"{', '.join(value[:-1])} {say('content.or', lang)} {value[-1]}"
    return value  # a Term or a plain value: `say` says it


def said(key: str, params: Mapping[str, Any], lang: str) -> str:
    """The catalogue's text `key` in `lang` with `params` filled in (see the module's docstring)."""
    return say(key, lang, **{name: _said(value, lang) for name, value in params.items()})


def both(parts: list[Phrase]) -> Phrase:
    """Several findings about one value as one sentence: "A, and B, and C"."""
    whole = parts[0]
    for part in parts[1:]:
        whole = Phrase("content.and", first=whole, then=part)
    return whole


class ContentValueError(ValueError):
    """A validator's finding with the words of the catalogue: pydantic shows its English text (str()), and
    `messages.describe` finds the phrase in the error's context, to say it in any language."""

    def __init__(self, key: str, /, **params: Any) -> None:
        self.phrase = Phrase(key, **params)
        super().__init__(self.phrase.say("en"))


def shown(value: Any) -> Any:
    """A value the way a trainer typed it (a long text cut short), or what kind of value it is."""
    if isinstance(value, str):
        value = " ".join(value.split())
        return f'"{value}"' if len(value) < 60 else f'"{value[:57]}..."'
    if isinstance(value, dict):
        return Term("content.value", "mapping")
    if isinstance(value, list):
        return Term("content.value", "list")
    if value is None:
        return Term("content.value", "nothing")
    return repr(value)
