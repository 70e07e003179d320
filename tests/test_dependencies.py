"""The lock: every dependency pinned with hashes, inside pyproject.toml's ranges, installed as locked, and the
licence list (THIRD_PARTY.md) naming the locked versions."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import ROOT

LOCK = ROOT / "requirements.lock"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)(?:\s*;\s*([^\\]+?))?\s*\\?$")


def _locked() -> dict:
    """name -> (version, marker or None, number of hashes) for every pin in the lock."""
    pins, current = {}, None
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            current = canonicalize_name(match.group(1))
            pins[current] = [match.group(2), match.group(3), 0]
        elif line.strip().startswith("--hash=sha256:") and current:
            pins[current][2] += 1
    return {name: tuple(pin) for name, pin in pins.items()}


def _declared() -> list:
    """Every requirement pyproject.toml declares: the game's, its extras' and its build backend's."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    found = list(project["project"]["dependencies"]) + list(project["build-system"]["requires"])
    for extra in project["project"]["optional-dependencies"].values():
        found += extra
    return [Requirement(r) for r in found]


def test_every_declared_dependency_is_locked_inside_its_range_with_hashes():
    locked = _locked()
    assert locked, "requirements.lock has no pins"
    for name, (_version, _marker, hashes) in locked.items():
        assert hashes >= 1, f"{name} has no hash in requirements.lock"
    for requirement in _declared():
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{requirement} is not in requirements.lock: run `python3 dev.py lock`"
        version = locked[name][0]
        assert requirement.specifier.contains(version, prereleases=True), (
            f"requirements.lock has {name}=={version}, outside {requirement}: run `python3 dev.py lock`"
        )


def test_the_environment_runs_the_locked_versions():
    """What the tests run on is what the lock says (dev.py installs it; `test --latest` is the exception)."""
    import os

    if os.environ.get("VC_LATEST") == "1":
        return
    wrong = {}
    for name, (version, marker, _hashes) in _locked().items():
        if marker:
            continue  # another platform's package
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            wrong[name] = (version, None)
            continue
        if installed != version:
            wrong[name] = (version, installed)
    assert not wrong, f"locked vs installed: {wrong}"


def test_the_licence_list_names_the_locked_versions():
    locked = _locked()
    rows = re.findall(r"^\| \[([^\]]+)\]\([^)]*\) \| ([\d.]+) \|", (ROOT / "THIRD_PARTY.md").read_text("utf-8"), re.M)
    python_packages = [(name, version) for name, version in rows if canonicalize_name(name) in locked]
    assert len(python_packages) >= 10, rows
    stale = {name: (version, locked[canonicalize_name(name)][0]) for name, version in python_packages}
    stale = {name: pair for name, pair in stale.items() if pair[0] != pair[1]}
    assert not stale, f"THIRD_PARTY.md vs requirements.lock: {stale}"
