"""One vocabulary: the ids of resources, indicators, coalition roles, categories, phases and action kinds are
defined once in the engine; no other module writes their list again, and the catalogue names every one of
them in Dutch and English."""

from __future__ import annotations

import ast

from game.engine.actions import ACTION_TYPES
from game.engine.state import Phase
from game.engine.vocabulary import CATEGORIES, COALITION_ROLES, INDICATORS, RESOURCES
from game.words import LANGUAGES, words
from tests.conftest import ROOT

LISTS = {
    "RESOURCES": RESOURCES,
    "INDICATORS": INDICATORS,
    "COALITION_ROLES": COALITION_ROLES,
    "CATEGORIES": CATEGORIES,
    "phases": tuple(p.value for p in Phase),
    "action kinds": tuple(ACTION_TYPES),
}
HOMES = {"game/engine/vocabulary.py", "game/engine/state.py", "game/engine/actions.py"}


def _strings(node) -> set:
    return {e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)}


def test_no_module_writes_a_vocabulary_list_again():
    found = []
    for path in sorted((ROOT / "game").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel in HOMES:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Tuple | ast.List | ast.Set) and len(node.elts) >= 3:
                written = _strings(node)
                for name, ids in LISTS.items():
                    # the whole list again; for the action kinds, six or more of them (a choice of a few is fine)
                    again = written == set(ids) or (name == "action kinds" and len(written) >= 6 <= len(ids))
                    if again and written <= set(ids):
                        found.append(f"{rel}:{node.lineno} writes {name} again: {sorted(written)}")
    assert not found, "\n".join(found)


def test_the_catalogue_names_every_id_of_the_vocabulary():
    table = words()
    for kind, ids in (
        ("resource", RESOURCES),
        ("indicator", INDICATORS),
        ("coalition_role", COALITION_ROLES),
        ("category", CATEGORIES),
        ("phase", tuple(p.value for p in Phase)),
    ):
        for id_ in ids:
            for lang in LANGUAGES:
                assert table[lang].get(f"{kind}.{id_}"), f"{lang}: {kind}.{id_}"
