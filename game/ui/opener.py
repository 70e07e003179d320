"""Open a file the game wrote (the report) with the program the computer uses for it, or its folder.

The game never waits for that program: it starts it and goes on. Whether it could be started is all it
learns; a laptop without a PDF viewer gets the folder instead, and one without either gets the words of where
the file is (the caller shows them).
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

log = logging.getLogger(__name__)


def _environment() -> dict:
    """The environment for the program started: a frozen build's own library path removed (PyInstaller sets
    LD_LIBRARY_PATH to its bundle, which breaks the system's programs; it keeps the original in *_ORIG)."""
    env = dict(os.environ)
    if getattr(sys, "frozen", False):
        for name in ("LD_LIBRARY_PATH", "DYLD_LIBRARY_PATH"):
            original = env.pop(f"{name}_ORIG", None)
            if original is not None:
                env[name] = original
            else:
                env.pop(name, None)
    return env


def _start(target: Path) -> bool:
    """Start the system's program for `target`; False when there is none."""
    try:
        if sys.platform.startswith("win"):
            os.startfile(str(target))  # noqa: S606 - the user's own file, opened as they asked
            return True
        command = ["open", str(target)] if sys.platform == "darwin" else ["xdg-open", str(target)]
        subprocess.Popen(  # noqa: S603 - a fixed program and the user's own file
            command,
            env=_environment(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        return True
    except (OSError, ValueError) as exc:
        log.warning("could not open %s: %s", target, exc)
        return False


def open_file_or_folder(path: Path) -> str:
    """Open `path` with its program, else its folder: "file", "folder", or "" when neither could be opened."""
    path = Path(path)
    if path.is_file() and _start(path):
        return "file"
    if path.parent.is_dir() and _start(path.parent):
        return "folder"
    return ""


def open_folder(path: Path) -> bool:
    """Open the folder `path` in the file manager; False when it could not be opened."""
    path = Path(path)
    return path.is_dir() and _start(path)
