"""The UI's catalogue of words: every player-facing string in Dutch (default) and English.

Strings live in assets/i18n/nl.json and en.json (flat keys like "menu.new_game"); content texts (scenarios,
trends, ...) come from the content's own nl/en fields. A missing key is shown as the key itself (and a test
fails on it), never as an exception in front of a group.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from game.paths import assets_dir

LANGUAGES = ("nl", "en")


class Catalogue:
    """The words of the UI in the current language; switching is live."""

    def __init__(self, lang: str = "nl", folder: Path | None = None) -> None:
        folder = folder or assets_dir() / "i18n"
        self.words: dict[str, dict[str, str]] = {}
        for code in LANGUAGES:
            # nl.json plus any nl.<part>.json: each screen's words may live in a file of their own
            words: dict[str, str] = {}
            for path in [folder / f"{code}.json", *sorted(folder.glob(f"{code}.*.json"))]:
                words.update(json.loads(path.read_text(encoding="utf-8")))
            self.words[code] = words
        self.lang = lang if lang in LANGUAGES else "nl"
        self.missing: set[str] = set()

    def set_lang(self, lang: str) -> None:
        """Switch the language."""
        if lang in LANGUAGES:
            self.lang = lang

    def __call__(self, key: str, **params: Any) -> str:
        """The string `key` in the current language, with `{name}` parameters filled in."""
        table = self.words[self.lang]
        text = table.get(key)
        if text is None:
            self.missing.add(key)
            text = self.words["nl"].get(key, key)
        if params:
            try:
                return text.format(**params)
            except (KeyError, IndexError, ValueError):
                return text
        return text

    def has(self, key: str) -> bool:
        """Whether the key exists in the current language."""
        return key in self.words[self.lang]
