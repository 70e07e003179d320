"""Writing files so that nothing is lost: write a `.new` file in the same folder, fsync, then rename."""

from __future__ import annotations

import os
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step (a crash leaves the old file or the new one, never half)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(path.name + ".new")
    with open(temp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, path)


class JsonFileProblem(Exception):
    """Why `read_json_file` could not give the JSON in a file: a key (missing, too_big, unreadable, empty,
    not_text, not_json) and the details a message may use (size in MB, error, line)."""

    def __init__(self, key: str, **params) -> None:
        super().__init__(key)
        self.key = key
        self.params = {"size": 0, "error": "", "line": 1, **params}


def read_json_file(path: Path, max_bytes: int):
    """The JSON in a file the game wrote (a save, a log), read without changing it; JsonFileProblem if not."""
    import json

    path = Path(path)
    if not path.is_file():
        raise JsonFileProblem("missing")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise JsonFileProblem("too_big", size=round(size / 1e6, 1))
        raw = path.read_bytes()
    except OSError as exc:
        raise JsonFileProblem("unreadable", error=exc.strerror or exc) from None
    if not raw.strip():
        raise JsonFileProblem("empty", error="the file is empty")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise JsonFileProblem("not_text") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise JsonFileProblem("not_json", line=exc.lineno, error=exc.msg) from None
