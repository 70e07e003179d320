"""The UI's view of the game's one catalogue (`game.words`): the words in the current language, switched live.

Content texts (scenarios, trends, ...) come from the content's own nl/en fields. A missing key is shown by the
catalogue's one fallback rule (Dutch, else the key itself) and recorded in `missing`, so a test fails on it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game import words as catalogue

LANGUAGES = catalogue.LANGUAGES


class Catalogue:
    """The words of the UI in the current language; switching is live."""

    def __init__(self, lang: str = "nl", folder: Path | None = None) -> None:
        self.words: dict[str, dict[str, str]] = catalogue.words(folder)
        self.lang = catalogue.language(lang)
        self.missing: set[str] = set()

    def set_lang(self, lang: str) -> None:
        """Switch the language."""
        if lang in LANGUAGES:
            self.lang = lang

    def __call__(self, key: str, **params: Any) -> str:
        """The string `key` in the current language, with `{name}` parameters filled in."""
        if key not in self.words[self.lang]:
            self.missing.add(key)
        return catalogue.say(key, self.lang, self.words, **params)

    def has(self, key: str) -> bool:
        """Whether the key exists in the current language."""
        return key in self.words[self.lang]
