"""The game's one catalogue of words: every player-facing sentence in Dutch (the default) and English.

The words live in assets/i18n/<lang>.json plus any <lang>.<part>.json (flat keys such as "menu.new_game",
"reason.no_ap", "resource.money"); each part holds one area's words (the screens, the engine's reasons, the
files, the reports). Content texts (scenarios, trends, roles) come from the content's own nl/en fields.

One lookup, `say(key, lang, **params)`, and one fallback rule: the requested language, else Dutch, else the
key itself (recorded in `MISSING`, so a test can fail on it) - never an exception in front of a group.

A parameter may be a `Term` (an id of the vocabulary: said as "<kind>.<id>"), a `Reason` (said as
"reason.<key>"), a content text ({"nl": ..., "en": ...} or an object with `.get(lang)`) or a plain value.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from game.engine.reasons import Reason, Term
from game.engine.vocabulary import RESOURCES
from game.paths import assets_dir

LANGUAGES = ("nl", "en")
DEFAULT = "nl"
MISSING: set = set()


def read_words(folder: Path) -> dict[str, dict[str, str]]:
    """Every language's words from `folder`: <lang>.json and its <lang>.<part>.json files."""
    words: dict[str, dict[str, str]] = {}
    for code in LANGUAGES:
        table: dict[str, str] = {}
        for path in [folder / f"{code}.json", *sorted(folder.glob(f"{code}.*.json"))]:
            table.update(json.loads(path.read_text(encoding="utf-8")))
        words[code] = table
    return words


@lru_cache(maxsize=4)
def _words_in(folder: Optional[Path] = None) -> dict[str, dict[str, str]]:
    return read_words(folder or assets_dir() / "i18n")


def words(folder: Optional[Path] = None) -> dict[str, dict[str, str]]:
    """The catalogue's tables, {lang: {key: text}} (read once)."""
    return _words_in(folder)


def template(key: str, lang: str, table: Optional[dict] = None) -> str:
    """The unfilled text of `key` in `lang`, by the one fallback rule (lang, then Dutch, then the key)."""
    table = table if table is not None else words()
    text = table.get(lang, {}).get(key)
    if text is None:
        MISSING.add(key)
        text = table[DEFAULT].get(key, key)
    return text


def value_in(value: Any, lang: str, table: Optional[dict] = None) -> Any:
    """A parameter as the sentence shows it in `lang` (see the module's docstring)."""
    if isinstance(value, Term):
        return say(f"{value.kind}.{value.id}", lang, table)
    if isinstance(value, Reason):
        return reason_text(value, lang, table)
    if isinstance(value, Mapping):
        return value.get(lang) or value.get(DEFAULT, "")
    if hasattr(value, "get") and hasattr(value, "nl"):  # a content text (game.content's Text)
        return value.get(lang)
    return value


def say(key: str, lang: str, table: Optional[dict] = None, /, **params: Any) -> str:
    """The text `key` in `lang` with its `{name}` parameters filled in."""
    text = template(key, lang, table)
    if not params:
        return text
    try:
        return text.format(**{name: value_in(v, lang, table) for name, v in params.items()})
    except (KeyError, IndexError, ValueError):
        return text


def shown_path(path) -> str:
    """A file as a projected screen shows it: its folder's name and its own ("logs/spel-....json"), never the
    whole path with the user's home folder in it."""
    from pathlib import Path

    path = Path(path)
    return f"{path.parent.name}/{path.name}" if path.parent.name else path.name


def decimal(value: float, lang: str, digits: int = 1) -> str:
    """A number with `digits` decimals as `lang` writes it: 3,5 in Dutch, 3.5 in English."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "nl" else text


def capital(text: str) -> str:
    """`text` with its first letter a capital (a name that starts a sentence: "tijd" -> "Tijd")."""
    return text[:1].upper() + text[1:]


def signed(value: float, lang: str, digits: int = 0) -> str:
    """A change with its sign (+3, −2,5); one that rounds to nothing is 0, never −0."""
    text = decimal(abs(value), lang, digits)
    if float(text.replace(",", ".")) == 0:
        return decimal(0, lang, digits)
    return ("+" if value > 0 else "−") + text


NBSP = "\u00a0"  # the font has no narrow no-break space (U+202F); a plain one keeps "13 %" on one line


def percent(value: float, lang: str, digits: int = 0) -> str:
    """A percentage as `lang` writes it: "13 %" in Dutch (a no-break space before the sign), "13%" in English.
    Every screen, the report and the catalogue's own "%" signs follow this one rule (tests/test_words_format)."""
    number = decimal(value, lang, digits if round(value, digits) != round(value) else 0)  # 45 %, not 45,0 %
    return f"{number}{NBSP}%" if lang == "nl" else f"{number}%"


def role_word(role: Any, lang: str, fallback: str = "") -> str:
    """A role's short name, as the game says it everywhere a person's role is named: "Wethouder", "Inwoners",
    "Residents" - the content's name without a translation in brackets ("Wethouder (alderman)" on the role
    card and in the glossary), capitalised as on the cards. `role` is the content's Role (or None: `fallback`)."""
    if role is None:
        return fallback
    return capital(value_in(role.name, lang).split(" (")[0].strip())


def cost_words(cost, lang: str) -> str:
    """What an action costs, resource before number ("time: 1, money: 2": "1 time" reads as "once"); `cost` has
    a number per resource, in the engine's order of resources. An action's row shows it in brackets after its
    name ("Kitchen-table talk (time: 1)")."""
    return ", ".join(f"{resource_name(RESOURCES[i], lang)}:{NBSP}{n}" for i, n in enumerate(cost) if n)


def person(name: str, role: Any, lang: str, fallback: str = "") -> str:
    """A seat's name with its role, the one format of the whole game: "Anna (Wethouder)", "Bas (Residents)".
    Never brackets within brackets, and never a comma form: a sentence that already sits in brackets names the
    seat alone."""
    word = role_word(role, lang, fallback)
    return f"{name} ({word})" if word else name


def computer_seat(name: str, role: Any, lang: str, fallback: str = "") -> str:
    """A seat a computer plays, the one form of the whole game: "Cem (Professional) · computer"."""
    return f"{person(name, role, lang, fallback)} ·{NBSP}{template('table.computer', lang)}"  # never "·" alone


def day_time(moment: Any, lang: str) -> str:
    """A moment on a list of files, day before month as both languages write it: "5 dec 15:02", "5 Dec 15:02"."""
    months = template("common.months", lang).split()
    month = months[moment.month - 1] if len(months) == 12 else f"{moment.month:02d}"
    return f"{moment.day} {month} {moment:%H:%M}"


def signed_change(value: float, lang: str, digits: int = 0) -> str:
    """A change as a summary shows it: `signed`, and "±0" for none (a bare "0" in brackets reads like a count)."""
    text = signed(value, lang, digits)
    return text if text.startswith(("+", "−")) else "±" + text


def reason_text(why: Reason, lang: str, table: Optional[dict] = None) -> str:
    """An engine `Reason` (why something is not allowed, or not vital) as a sentence."""
    return say(f"reason.{why.key}", lang, table, **why.params)


def term(kind: str, id_: str, lang: str) -> str:
    """The name of a vocabulary id: term("resource", "money", "nl") == "geld"."""
    return say(f"{kind}.{id_}", lang)


def resource_name(id_: str, lang: str) -> str:
    """The name of a resource."""
    return say(f"resource.{id_}", lang)


def indicator_name(id_: str, lang: str) -> str:
    """The name of an indicator of the municipality."""
    return say(f"indicator.{id_}", lang)


def coalition_role_name(id_: str, lang: str) -> str:
    """The name of a role in a coalition (lead, financier, ...)."""
    return say(f"coalition_role.{id_}", lang)


def language(lang: Optional[str]) -> str:
    """`lang` when the catalogue has it, else the default (Dutch)."""
    return lang if lang in LANGUAGES else DEFAULT


class Phrases:
    """One area's texts in one language: `phrases["title"]` is the template, `phrases("title", n=3)` the
    text with its parameters filled in (both by the one lookup above)."""

    __slots__ = ("prefix", "lang")

    def __init__(self, prefix: str, lang: str) -> None:
        self.prefix = prefix
        self.lang = lang

    def __getitem__(self, key: str) -> str:
        return template(f"{self.prefix}.{key}", self.lang)

    def __call__(self, key: str, **params: Any) -> str:
        return say(f"{self.prefix}.{key}", self.lang, **params)
