"""Load a content folder (and optional content packs) into one immutable, checked bundle.

The layout is the same for the built-in content and for a trainer's content pack:
`scenarios/`, `trends/`, `roles/`, `challenges/`, `actions/`, `knobs/` (one item per file, or a list of
items), and an optional `rules.yaml`. A pack adds items or replaces them by id. A file with a problem is
left out and reported; every other file stays usable.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Optional

from pydantic import BaseModel, ValidationError

from .messages import errors_of, field_name
from .models import ActionDef, Challenge, Knob, Role, Rules, Scenario, Strategy, Text, Trend
from .phrases import Phrase, Term
from .references import check_references
from .yamlread import Document, Problem, ReadError, parse_bytes, read_bytes

FOLDERS: dict[str, type[BaseModel]] = {
    "scenarios": Scenario,
    "trends": Trend,
    "roles": Role,
    "challenges": Challenge,
    "actions": ActionDef,
    "knobs": Knob,
    "strategies": Strategy,
}
SUFFIXES = (".yaml", ".yml")


def builtin_content_dir() -> Path:
    """The folder of the built-in content (from source or from the frozen build)."""
    from game.paths import content_dir

    return content_dir()


@dataclass(frozen=True)
class Dilemma:
    """A dilemma the table answers: a trend card's, or one an actor puts to the table as a round starts."""

    key: str  # the trend id, or "actor:move"
    title: Any  # a Text: the card's title, or the actor's name and its move's
    text: Any  # a Text: the card's text, or the move's
    responses: tuple  # content Response models, in order

    def response(self, response_id: str) -> Optional[Any]:
        """The answer with `response_id`, if there is one."""
        return next((r for r in self.responses if r.id == response_id), None)


@dataclass(frozen=True)
class Content:
    """All content of a game, immutable once loaded: the item of each id, per kind."""

    scenarios: Mapping[str, Scenario]
    trends: Mapping[str, Trend]
    roles: Mapping[str, Role]
    challenges: Mapping[str, Challenge]
    actions: Mapping[str, ActionDef]
    knobs: Mapping[str, Knob]
    strategies: Mapping[str, Strategy]
    rules: Rules
    digest: str
    sources: Mapping[tuple[str, str], str]  # (kind, id) -> file the item came from
    pack: Optional[Path] = field(default=None, compare=False)  # the content pack's folder (its own pictures)
    # Memo of pure functions of this content (the engine's compiled scenario rules); never part of equality.
    memo: dict = field(default_factory=dict, compare=False, repr=False, hash=False)

    def scenario_ids(self) -> list[str]:
        """The scenarios in the order the content gives them (its `order`, then its id)."""
        return sorted(self.scenarios, key=lambda i: (self.scenarios[i].order, i))

    def role_ids(self) -> list[str]:
        """The roles in the order the content gives them (its `order`, then its id)."""
        return sorted(self.roles, key=lambda i: (self.roles[i].order, i))

    def strategy_ids(self) -> list[str]:
        """The computer players' strategies in the order the content gives them (its `order`, then its id)."""
        return sorted(self.strategies, key=lambda i: (self.strategies[i].order, i))

    def stance_name(self, stance_id: str, lang: str) -> str:
        """The name of a dilemma answer's stance (rules.yaml `stances`) in `lang`; the id when there is none."""
        for stance in self.rules.stances:
            if stance.id == stance_id:
                return stance.name.get(lang)
        return stance_id

    def dilemma(self, key: str, scenario_id: str) -> Optional[Dilemma]:
        """The dilemma open under `key` in a game of scenario `scenario_id`: a trend card's (its id) or an
        actor move's ("actor:move"); None when there is no such dilemma."""
        trend = self.trends.get(key)
        if trend is not None:
            return Dilemma(key, trend.title, trend.text, tuple(trend.responses)) if trend.responses else None
        actor_id, _, move_id = key.partition(":")
        found = self.actor_move(scenario_id, actor_id, move_id)
        if found is None or not found[1].responses:
            return None
        actor, move = found
        title = Text(nl=f"{actor.name.nl} — {move.name.nl}", en=f"{actor.name.get('en')} — {move.name.get('en')}")
        return Dilemma(key, title, move.text, tuple(move.responses))

    def actor_move(self, scenario_id: str, actor_id: str, move_id: str) -> Optional[tuple]:
        """(Actor, ActorMove) of a scenario's actor by ids, or None."""
        scenario = self.scenarios.get(scenario_id)
        for actor in scenario.actors if scenario is not None else ():
            if actor.id == actor_id:
                move = next((m for m in actor.moves if m.id == move_id), None)
                return (actor, move) if move is not None else None
        return None

    def default_strategy(self) -> str:
        """The strategy of a computer player when none is chosen: rules.default_strategy when the content has
        it, else the first strategy."""
        if self.rules.default_strategy in self.strategies:
            return self.rules.default_strategy
        return next(iter(self.strategy_ids()), self.rules.default_strategy)

    def table_roles(self, seats: int) -> list[str]:
        """The roles of a table of `seats` made without choosing: rules.table_roles where it names known
        roles, filled up with the roles in their order, round and round."""
        chosen = [r for r in self.rules.table_roles if r in self.roles]
        ordered = self.role_ids()
        while len(chosen) < seats:
            chosen.append(ordered[len(chosen) % len(ordered)])
        return chosen[:seats]

    def summary(self) -> dict[str, list[str]]:
        """The ids of each kind, in a stable order."""
        return {kind: sorted(getattr(self, kind)) for kind in ("scenarios", "trends", "roles", "challenges")}


@dataclass
class _Item:
    model: BaseModel
    file: str
    doc: Document
    loc: tuple
    root: int  # which content root it came from: 0 built-in, 1 the pack


class LoadResult:
    """The content bundle together with every problem found while loading it."""

    def __init__(self, content: Content, problems: list[Problem]) -> None:
        self.content = content
        self.problems = problems

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return not self.problems


def _display(path: Path, base: Path) -> str:
    """A path as the trainer knows it: relative to the folder they gave, with forward slashes."""
    try:
        rel = path.relative_to(base.parent)
    except ValueError:
        rel = path
    # A file name that is not valid UTF-8 (possible on Linux) is shown with a replacement character.
    return rel.as_posix().encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _outside(path: Path, root: Path) -> bool:
    """Whether `path` (through links) lies outside the folder `root` (already resolved)."""
    try:
        path.resolve().relative_to(root)
    except (ValueError, OSError, RuntimeError):
        return True
    return False


OUTSIDE = Phrase("content.link_outside")


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file())


def _read_folder(
    root: Path,
    items: dict[str, dict[str, _Item]],
    problems: list[Problem],
    digest: hashlib._Hash,
    rules_holder: list,
    root_index: int,
    skipped: dict,
) -> None:
    """Read every file under one content root into `items`, later roots replacing earlier ids.

    A content pack (root_index > 0) is read only inside its own folder: a file that is a link to a place
    outside it is reported, not read.
    """
    real_root = root.resolve()
    for kind, model in FOLDERS.items():
        for path in _files(root / kind):
            shown = _display(path, root)
            if root_index > 0 and _outside(path, real_root):
                problems.append(Problem.of(shown, 1, "(file)", OUTSIDE))
                continue
            try:
                raw = read_bytes(path)
                digest.update(shown.encode() + b"\0" + raw + b"\0")
                doc = parse_bytes(raw)
            except ReadError as exc:
                problems.append(Problem.of(shown, exc.line, "(file)", exc.phrase))
                skipped[(kind, path.stem)] = shown  # its items are unknown; a file is mostly named after its id
                continue
            is_list = isinstance(doc.data, list)
            entries = doc.data if is_list else [doc.data]
            seen_here: set[str] = set()
            for index, entry in enumerate(entries):
                loc: tuple = (index,) if is_list else ()
                if not isinstance(entry, dict):
                    problems.append(Problem.of(shown, doc.line_of(loc), field_name(loc), Phrase("content.not_an_item")))
                    continue
                try:
                    item = model.model_validate(entry)
                except ValidationError as exc:
                    for err_loc, message in errors_of(exc, model):
                        full = loc + err_loc
                        line = doc.line_of(full)
                        problems.append(Problem.of(shown, line, field_name(full), _as_written(doc, line, message)))
                    if isinstance(entry.get("id"), str):
                        skipped[(kind, entry["id"])] = shown
                    continue
                item_id = item.id  # type: ignore[attr-defined]
                previous = items[kind].get(item_id)
                if item_id in seen_here or (previous is not None and previous.root == root_index):
                    other = previous.file if previous else shown
                    twice = Phrase("content.id_twice", id=item_id, other=other)
                    problems.append(Problem.of(shown, doc.line_of(loc + ("id",)), field_name(loc + ("id",)), twice))
                    continue
                seen_here.add(item_id)
                items[kind][item_id] = _Item(item, shown, doc, loc, root_index)
    for name in ("rules.yaml", "rules.yml"):
        path = root / name
        if not path.is_file():
            continue
        shown = _display(path, root)
        if root_index > 0 and _outside(path, real_root):
            problems.append(Problem.of(shown, 1, "(file)", OUTSIDE))
            continue
        try:
            raw = read_bytes(path)
            digest.update(shown.encode() + b"\0" + raw + b"\0")
            doc = parse_bytes(raw)
            rules_holder.append(Rules.model_validate(doc.data))
        except ReadError as exc:
            problems.append(Problem.of(shown, exc.line, "(file)", exc.phrase))
        except ValidationError as exc:
            for err_loc, message in errors_of(exc, Rules):
                line = doc.line_of(err_loc)
                problems.append(Problem.of(shown, line, field_name(err_loc), _as_written(doc, line, message)))


_COMMENT_VALUE = re.compile(r":\s+#")


_NOTHING = Term("content.value", "nothing")


def _as_written(doc: Document, line: int, message: Phrase) -> Phrase:
    """`message`, explained by what the line says where YAML read something else than a trainer meant: a
    value starting with # is a comment to YAML, so the field is empty."""
    written = doc.written(line).strip()
    if message.params.get("got") == _NOTHING and _COMMENT_VALUE.search(written):
        name, value = (part.strip() for part in written.split(":", 1))
        return Phrase("content.comment_trap", quoted=f'{name}: "{value}"')
    return message


def load_content(pack: Optional[Path] = None, base: Optional[Path] = None) -> LoadResult:
    """Load the built-in content (or `base`), then a content pack on top of it; check references."""
    base = Path(base) if base is not None else builtin_content_dir()
    items: dict[str, dict[str, _Item]] = {kind: {} for kind in FOLDERS}
    problems: list[Problem] = []
    digest = hashlib.sha256()
    rules_holder: list[Rules] = []
    skipped: dict[tuple[str, str], str] = {}  # (folder, id) -> the file that has it, skipped for its problems
    roots = [base] + ([Path(pack)] if pack is not None else [])
    for index, root in enumerate(roots):
        if not root.is_dir():
            problems.append(Problem.of(str(root), 1, "(folder)", Phrase("content.no_folder")))
            continue
        _read_folder(root, items, problems, digest, rules_holder, index, skipped)
    rules = rules_holder[-1] if rules_holder else Rules()
    models = {kind: {i: entry.model for i, entry in entries.items()} for kind, entries in items.items()}
    skipped = {key: file for key, file in skipped.items() if key[1] not in items[key[0]]}  # none loaded instead
    found, dropped = check_references(models, _locator(items), {stance.id for stance in rules.stances}, skipped)
    problems.extend(found)
    problems.sort(key=lambda p: (p.file, p.line))  # in file and line order, as a trainer goes through them
    for kind, item_id in dropped:
        items[kind].pop(item_id, None)
    content = _bundle(items, rules, digest.hexdigest(), Path(pack) if pack is not None else None)
    return LoadResult(content, problems)


def _locator(items: dict[str, dict[str, _Item]]):
    """A function that turns (kind, id, loc) into the file and line of that value."""

    def locate(kind: str, item_id: str, loc: tuple) -> tuple[str, int]:
        entry = items[kind][item_id]
        return entry.file, entry.doc.line_of(entry.loc + loc)

    return locate


def _bundle(items: dict[str, dict[str, _Item]], rules: Rules, digest: str, pack: Optional[Path]) -> Content:
    """Freeze the items into a Content, in a stable order of ids."""
    frozen: dict[str, Any] = {}
    sources: dict[tuple[str, str], str] = {}
    for kind, entries in items.items():
        kept = {}
        for item_id in sorted(entries):
            entry = entries[item_id]
            kept[item_id] = entry.model
            sources[(kind, item_id)] = entry.file
        frozen[kind] = MappingProxyType(kept)
    return Content(rules=rules, digest=digest, sources=MappingProxyType(sources), pack=pack, **frozen)
