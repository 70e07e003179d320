"""A commented starting content pack (`python -m game new-pack DIR`): a fourth scenario, a trend card and a
challenge that validate and play, for a trainer to change rather than write from nothing.

The pack's files are copies of assets/newpack/, whose comments come in both languages (lines that start with
`#nl` or `#en`); the copy keeps the comments of one language. Each file starts with a line that ties it to its
JSON Schema in the pack's `schema/` folder, so VS Code's YAML extension completes and checks it without any
setting.
"""

from __future__ import annotations

import re
from pathlib import Path

from game.paths import assets_dir

from .schema import schema_file, write_schemas

SCHEMA_FOLDER = "schema"
_COMMENT = re.compile(r"^(\s*)#(nl|en)(?: (.*))?$")


class PackFolderTaken(Exception):
    """The folder for a new pack exists and holds files already (nothing is written into it)."""


def template_dir() -> Path:
    """The starting pack's files, with comments in both languages."""
    return assets_dir() / "newpack"


def in_language(text: str, lang: str) -> str:
    """A template file with only the comments of `lang` (`#nl ...` / `#en ...`) kept, as plain `# ...`."""
    kept = []
    for line in text.splitlines():
        found = _COMMENT.match(line)
        if found is None:
            kept.append(line)
        elif found.group(2) == lang:
            kept.append(f"{found.group(1)}# {found.group(3) or ''}".rstrip())
    return "\n".join(kept) + "\n"


def schema_line(kind: str) -> str:
    """The first line of a pack's file of `kind`: where yaml-language-server (VS Code) finds its schema."""
    return f"# yaml-language-server: $schema=../{SCHEMA_FOLDER}/{schema_file(kind)}"


def write_new_pack(folder: Path, lang: str = "nl") -> list[Path]:
    """Write the starting pack into `folder` (made when missing; refused when it holds anything); the files
    written, the pack's own first. OSError when the folder cannot be written."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise PackFolderTaken(str(folder))
    written = []
    for source in sorted(template_dir().glob("*/*.yaml")):
        kind = source.parent.name
        target = folder / kind / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        text = in_language(source.read_text(encoding="utf-8"), lang)
        target.write_text(schema_line(kind) + "\n" + text, encoding="utf-8")
        written.append(target)
    return written + write_schemas(folder / SCHEMA_FOLDER)


def new_ids() -> dict[str, list[str]]:
    """The ids the starting pack adds, per kind (its file names are its ids)."""
    found: dict[str, list[str]] = {}
    for source in sorted(template_dir().glob("*/*.yaml")):
        found.setdefault(source.parent.name, []).append(source.stem)
    return found
