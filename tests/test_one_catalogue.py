"""Every player-facing word is in the one catalogue (assets/i18n, read by `game.words`): no table of Dutch and
English words is written in the code, and every key exists in both languages."""

from __future__ import annotations

import ast

from game.words import LANGUAGES, MISSING, say, words
from tests.conftest import ROOT


def _is_words(node) -> bool:
    """A written text: a string, an f-string, a table or a tuple of them."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.Dict | ast.Tuple | ast.List):
        return any(_is_words(v) for v in getattr(node, "values", None) or node.elts)
    return False


def test_no_dutch_and_english_words_written_in_the_code():
    found = []
    for path in sorted((ROOT / "game").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Dict):
                continue
            for key, value in zip(node.keys, node.values, strict=True):
                if getattr(key, "value", None) in LANGUAGES and _is_words(value):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
                    break
    assert not found, "words belong in assets/i18n: " + ", ".join(found)


def test_every_key_of_the_catalogue_is_in_dutch_and_english():
    table = words()
    assert set(table["nl"]) == set(table["en"])
    assert all(table[lang][key].strip() for lang in LANGUAGES for key in table[lang])


def test_one_fallback_rule_dutch_then_the_key():
    assert say("resource.money", "nl") == "geld" and say("resource.money", "en") == "money"
    assert say("resource.money", "fr") == "geld"  # any other language: Dutch
    assert say("no.such.key", "en") == "no.such.key" and "no.such.key" in MISSING
    assert say("reason.coalition_full", "en", missing_param=1) == "The coalition is full."
