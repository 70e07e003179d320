"""The trainer's field reference in Markdown, made from the content's JSON Schemas (and so from the models):
every field of every kind of file with its kind of value in plain words, its allowed values and bounds,
whether it is required or its default, and its description.

The guides (docs/content-packs.md, docs/inhoudspakketten.md) hold this text between two markers; a test fails
when they differ from what the models make now, and `python -m game schema --reference --lang LANG --out FILE`
writes it in again. The structural words come from the catalogue; the descriptions are the models' own
(English) ones, so there is one place to improve them.
"""

from __future__ import annotations

import json
import re
from typing import Any, Optional

from game.words import say, words

from .loader import load_content
from .models import Text
from .schema import RULES, file_pattern, kind_schema, kinds

START = "<!-- field-reference:start -->"
END = "<!-- field-reference:end -->"
# The vocabularies whose words the catalogue names ("indicator.wellbeing" -> "welzijn")
GLOSSED = ("indicator", "resource", "category", "coalition_role")
COLOUR = "^#[0-9a-fA-F]{6}$"


def command(lang: str) -> str:
    """The command that writes the reference of `lang` into its guide."""
    return f"python -m game schema --reference --lang {lang} --out {guide(lang)}"


def guide(lang: str) -> str:
    """The guide that holds the reference of `lang`, relative to the project."""
    return "docs/inhoudspakketten.md" if lang == "nl" else "docs/content-packs.md"


def _number(value: float, lang: str) -> str:
    """A bound as the guide writes it: −20, 0,5 in Dutch, 0.5 in English."""
    text = f"{value:g}".replace("-", "−")
    return text.replace(".", ",") if lang == "nl" else text


class _Writer:
    """Walks the schemas of every kind of file, writing one table per model, each model once."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.texts = {model.__name__: model.MOST for model in (Text, *Text.__subclasses__())}
        self.defs: dict[str, Any] = {}
        self.queue: list[str] = []  # the parts (nested models) met, in the order they were first met
        self.words = words()[lang]

    def t(self, key: str, **params: Any) -> str:
        return say(f"reference.{key}", self.lang, **params)

    def link(self, name: str) -> str:
        """A nested model's name, linked to its table (queued to be written once)."""
        if name not in self.queue:
            self.queue.append(name)
        return f"[{name}](#{name.lower()})"

    def values(self, values: list) -> str:
        """Allowed words, each with its name in the game where the catalogue has one."""
        shown = []
        prefix = next((p for p in GLOSSED if all(f"{p}.{v}" in self.words for v in values)), None)
        for value in values:
            name = self.words[f"{prefix}.{value}"] if prefix else ""
            gloss = f" ({name})" if name and name.lower() != str(value).replace("_", " ") else ""  # no "money (money)"
            shown.append(f"`{value}`{gloss}")
        return ", ".join(shown)

    def kind_of(self, node: dict) -> str:  # noqa: C901 - one branch per kind of JSON Schema node, flat on purpose
        """The kind of value of a schema node in plain words."""
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            if name in self.texts:
                return self.t("text", most=f"{self.texts[name]:,}".replace(",", "." if self.lang == "nl" else ","))
            return self.link(name)
        if "anyOf" in node:  # Optional[X]: X or null; "may be left out" says the rest
            kinds_ = [self.kind_of(n) for n in node["anyOf"] if n.get("type") != "null"]
            return " / ".join(kinds_)
        if "enum" in node or "const" in node:
            return self.t("one_of", values=self.values(node.get("enum") or [node.get("const")]))
        kind = node.get("type")
        if kind in ("integer", "number") and "minimum" in node:
            lo, hi = _number(node["minimum"], self.lang), _number(node["maximum"], self.lang)
            return self.t("whole" if kind == "integer" else "number", lo=lo, hi=hi)
        if kind == "boolean":
            return self.t("yes_no")
        if kind == "string":
            if node.get("pattern") == COLOUR:
                return self.t("colour")
            return self.t("id") if node.get("pattern") else self.t("string")
        if kind == "array":
            item = self.kind_of(node.get("items", {}))
            count = self._count(node.get("minItems"), node.get("maxItems"))
            return self.t("list_count", count=count, item=item) if count else self.t("list", item=item)
        if kind == "object":
            value = self.kind_of(node.get("additionalProperties") or next(iter(node["patternProperties"].values())))
            keys = node.get("propertyNames", {}).get("enum")
            if keys:
                return self.t("per_key", keys=self.values(keys), value=value)
            return self.t("per_id", value=value)
        return str(kind)

    def _count(self, least: Optional[int], most: Optional[int]) -> str:
        if least and most:
            return self.t("between", lo=least, hi=most)
        if least:
            return self.t("at_least", n=least)
        return self.t("at_most", n=most) if most else ""

    def need(self, name: str, node: dict, required: list) -> str:
        """Required, or what it is when left out."""
        if name in required:
            return self.t("required")
        if "default" not in node or node["default"] is None or node["default"] in ({}, [], ""):
            return self.t("optional")
        if isinstance(node["default"], dict) and "$ref" in node:
            return self.t("default_parts")
        shown = json.dumps(node["default"], ensure_ascii=False).replace('"', "")
        return self.t("default", value=f"`{shown}`")

    def table(self, schema: dict) -> list[str]:
        """The table of one model's fields."""
        head = f"| {self.t('field')} | {self.t('kind')} | {self.t('need')} | {self.t('meaning')} |"
        lines = [head, "|---|---|---|---|"]
        required = schema.get("required", [])
        for name, node in schema.get("properties", {}).items():
            meaning = " ".join((node.get("description") or "").split())
            cells = [f"`{name}`", self.kind_of(node), self.need(name, node, required), meaning]
            lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
        return lines

    def section(self, name: str, intro: str = "", title: str = "") -> list[str]:
        schema = self.defs[name]
        lines = [f'<a id="{name.lower()}"></a>', "", f"### {title or name}", ""]
        about = " ".join((schema.get("description") or "").split())
        lines += [line for line in (intro, about) if line]
        return lines + [""] + self.table(schema) + [""]

    def write(self) -> list[str]:
        lines: list[str] = []
        for kind, model in kinds().items():
            self.defs.update(kind_schema(kind)["$defs"])
            name = model.__name__
            key = "rules_file" if kind == RULES else "file_kind"
            intro = self.t(key, pattern=file_pattern(kind), model=f"`{name}`")
            lines += self.section(name, intro, f"`{file_pattern(kind)}`: {name}")
        parts: list[str] = []
        done = {model.__name__ for model in kinds().values()}
        while any(name not in done for name in self.queue):
            name = next(name for name in self.queue if name not in done)
            done.add(name)
            parts += self.section(name)
        lines += [f"### {self.t('parts')}", "", self.t("parts_intro"), "", *parts]
        return lines + self.ids()

    def ids(self) -> list[str]:
        """The ids of the built-in items that other fields refer to."""
        content = load_content().content
        rows = [
            ("ids_scenarios", [(i, content.scenarios[i].name.get(self.lang)) for i in content.scenario_ids()]),
            ("ids_roles", [(i, content.roles[i].name.get(self.lang)) for i in content.role_ids()]),
            ("ids_actions", [(i, a.name.get(self.lang)) for i, a in sorted(content.actions.items())]),
            ("ids_stances", [(s.id, s.name.get(self.lang)) for s in content.rules.stances]),
        ]
        lines = [f"### {self.t('ids')}", "", self.t("ids_intro"), ""]
        for key, pairs in rows:
            lines.append(f"- **{self.t(key)}**: " + ", ".join(f"`{i}` ({name})" for i, name in pairs))
        return lines + [""]


def reference_markdown(lang: str = "en") -> str:
    """The field reference in `lang` (nl or en), between its markers, ending in a new line."""
    body = _Writer(lang).write()
    notice = say("reference.generated", lang, command=command(lang))
    return "\n".join([START, "", f"*{notice}*", "", *body, END]) + "\n"


_BETWEEN = re.compile(re.escape(START) + r".*?" + re.escape(END) + r"\n?", re.S)


def embedded(text: str) -> Optional[str]:
    """The reference a guide holds between the markers (with them), or None when it has no markers."""
    found = _BETWEEN.search(text)
    return found.group(0) if found else None


def embed(text: str, reference: str) -> str:
    """`text` with the reference between its markers replaced (appended at the end when it has none)."""
    if embedded(text) is None:
        return text.rstrip("\n") + "\n\n" + reference
    return _BETWEEN.sub(lambda _: reference, text, count=1)
