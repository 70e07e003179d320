"""Where a scenario's emblem or a role's icon is: in the content pack's own `emblems/` or `icons/` folder, else
among the built-in pictures in assets. A pack's picture stays inside its pack (no link or path out of it) and
is small (a picture of megabytes would slow every screen that draws it); otherwise it is not used, and the
game draws its own emblem instead (see `game.export.draw.Painter.emblem`)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from game.paths import assets_dir

ART_BYTES = 512 * 1024  # the largest picture a pack may bring; the built-in emblems are about 2 KB
SUFFIXES = (".svg", ".png")


def art_file(pack: Optional[Path], folder: str, name: str) -> Optional[Path]:
    """The picture `name` of `folder` ("emblems", "icons"): the pack's, else the built-in one, else None.
    `name` is a plain file name (the content models refuse paths), with or without its suffix."""
    if not name or "/" in name or "\\" in name or ".." in name:
        return None
    names = [name] if name.lower().endswith(SUFFIXES) else [name + suffix for suffix in SUFFIXES]
    roots = ([Path(pack) / folder] if pack is not None else []) + [assets_dir() / folder]
    for root in roots:
        for candidate in names:
            path = root / candidate
            if _usable(path, root):
                return path
    return None


def _usable(path: Path, root: Path) -> bool:
    """Whether `path` is a file inside `root` of at most ART_BYTES."""
    try:
        return path.is_file() and path.resolve().is_relative_to(root.resolve()) and path.stat().st_size <= ART_BYTES
    except (OSError, ValueError, RuntimeError):
        return False
