"""Scenario, role and challenge differences live in content: no built-in id is written in the game's code,
so a trainer's pack with a fourth future or another role is shown and played like the built-in ones."""

from __future__ import annotations

import re

from tests.conftest import ROOT

# Files allowed to name a built-in id (none: the bots' strategies and role preferences are content now).
STILL_IN_CODE: set = set()


def _builtin_ids() -> set:
    ids = set()
    for kind in ("scenarios", "roles", "challenges"):
        for path in (ROOT / "content" / kind).glob("*.yaml"):
            found = re.search(r"^id: *([a-z0-9_]+)", path.read_text(encoding="utf-8"), re.M)
            if found:
                ids.add(found.group(1))
    return ids


def _quoted(ids: set):
    """An id written as a string in code: "samendam" or 'samendam'."""
    return re.compile("[\"']({})[\"']".format("|".join(sorted(ids))))


def test_no_built_in_scenario_role_or_challenge_id_in_the_code():
    ids = _builtin_ids()
    assert {"samendam", "wethouder"} <= ids
    quoted = _quoted(ids)
    found = []
    for path in sorted((ROOT / "game").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel in STILL_IN_CODE:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if quoted.search(line):
                found.append(f"{rel}:{number}: {line.strip()}")
    assert not found, "\n".join(found)


def test_the_exceptions_still_need_their_place():
    """An exception that no longer names an id must leave the list."""
    quoted = _quoted(_builtin_ids())
    for rel in STILL_IN_CODE:
        assert quoted.search((ROOT / rel).read_text(encoding="utf-8")), f"{rel} needs no exception any more"
