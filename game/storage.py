"""Writing files so that nothing is lost: write a `.new` file in the same folder, fsync, then rename."""

from __future__ import annotations

import os
import re
from pathlib import Path

from game.words import say

TEMP_SUFFIX = ".new"


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step (a crash leaves the old file or the new one, never half)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(path.name + TEMP_SUFFIX)
    try:
        with open(temp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        # a full disk leaves a partial .new behind: it holds nothing the old file does not, and it takes the
        # space the next try needs
        try:
            temp.unlink(missing_ok=True)
        except OSError:
            pass
        raise


def game_file_name(prefix: str, scenario, seed, moment, suffix: str) -> str:
    """`<prefix>-<scenario>-<seed>-<moment>.<suffix>`: the name of a game's save, log or report, made safe for
    any file system from whatever the header holds (the scenario's id, the seed's digits, the moment's digits)."""
    scenario = re.sub(r"[^a-z0-9_-]", "", str(scenario).lower()) or "spel"
    seed = re.sub(r"[^0-9]", "", str(seed)) or "0"
    stamp = re.sub(r"[^0-9T]", "", str(moment))[:15] or "0"
    return f"{prefix}-{scenario}-{seed}-{stamp}.{suffix}"


def remove_leftovers(folder: Path) -> int:
    """Remove the `.new` files a crash or a full disk left in `folder` (never a finished file); how many."""
    removed = 0
    try:
        leftovers = list(Path(folder).glob("*" + TEMP_SUFFIX))
    except OSError:
        return 0
    for path in leftovers:
        try:
            path.unlink()
            removed += 1
        except OSError:
            pass
    return removed


class FileError(ValueError):
    """A file of the game's (a save, a game log) that cannot be used: a key (the catalogue's
    "<PREFIX>.<key>") and the details the text names. `text(lang)` says it in nl or en; a subclass
    translates its own details in `words`."""

    PREFIX = "file"

    def __init__(self, key: str, **params) -> None:
        self.key = key
        self.params = params
        super().__init__(self.text("en"))

    def text(self, lang: str = "nl") -> str:
        """The message in `lang`."""
        return say(f"{self.PREFIX}.{self.key}", lang, **self.words(lang, dict(self.params)))

    def words(self, lang: str, params: dict) -> dict:
        """The details as the message shows them in `lang` (override to translate)."""
        return params

    @classmethod
    def read_json(cls, path: Path, max_bytes: int, renamed: dict | None = None):
        """`read_json_file`, with its problem as this error (`renamed`: problem key -> this error's key)."""
        return cls.read_json_and_bytes(path, max_bytes, renamed)[0]

    @classmethod
    def read_json_and_bytes(cls, path: Path, max_bytes: int, renamed: dict | None = None) -> tuple:
        """`read_json_bytes` (the data and the bytes of one reading), with its problem as this error."""
        try:
            return read_json_bytes(path, max_bytes)
        except JsonFileProblem as problem:
            key = (renamed or {}).get(problem.key, problem.key)
            raise cls(key, path=str(path), **problem.params) from None


class JsonFileProblem(Exception):
    """Why `read_json_file` could not give the JSON in a file: a key (missing, too_big, unreadable, empty,
    not_text, not_json, shape) and the details a message may use (size in MB, error, line, field)."""

    def __init__(self, key: str, **params) -> None:
        super().__init__(key)
        self.key = key
        self.params = {"size": 0, "error": "", "line": 1, "field": "", **params}


# The game's own files hold small numbers (seeds, rounds, points) and shallow data: anything past these
# bounds is damage or mischief, refused before it can reach code that would choke on it (a 5,000-digit
# number, a float of 1e400, NaN, or 200,000 nested brackets that overflow the parser's recursion).
MAX_DIGITS = 40
MAX_DEPTH = 32


def _parse_int(text: str) -> int:
    if len(text) > MAX_DIGITS:
        raise ValueError(f"a number of {len(text)} digits")
    return int(text)


def _parse_float(text: str) -> float:
    if len(text) > MAX_DIGITS:
        raise ValueError(f"a number of {len(text)} characters")
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"the number {text} is too large")
    return value


def _parse_constant(name: str):
    raise ValueError(f"{name} is not a number the game writes")


def _depth_within(data, limit: int) -> bool:
    """Whether `data` nests no deeper than `limit` (iteratively: no recursion of our own to overflow)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            value = value.values()
        elif not isinstance(value, list):
            continue
        if depth > limit:
            return False
        stack.extend((child, depth + 1) for child in value)
    return True


def _line_of(text: str, position: int) -> int:
    return text.count("\n", 0, max(0, position)) + 1


def parse_json_text(text: str):
    """The JSON in `text`, with the bounds above; JsonFileProblem("not_json", line, error) when not."""
    import json

    try:
        data = json.loads(text, parse_int=_parse_int, parse_float=_parse_float, parse_constant=_parse_constant)
    except json.JSONDecodeError as exc:
        raise JsonFileProblem("not_json", line=exc.lineno, error=exc.msg) from None
    except RecursionError:
        raise JsonFileProblem("not_json", error=f"the values are nested more than {MAX_DEPTH} levels deep") from None
    except ValueError as exc:  # raised by the hooks above (the decoder gives no position for them)
        raise JsonFileProblem("not_json", error=str(exc)[:120]) from None
    if not _depth_within(data, MAX_DEPTH):
        raise JsonFileProblem("not_json", error=f"the values are nested more than {MAX_DEPTH} levels deep")
    return data


def read_json_file(path: Path, max_bytes: int, schema=None):
    """The JSON in a file the game wrote (a save, a log, the settings), read without changing it.

    Every way the file can be wrong ends in a JsonFileProblem, never another exception: missing, unreadable,
    larger than `max_bytes` (checked before reading), not UTF-8, not JSON, numbers or nesting past the bounds
    above, and - with `schema`, a pydantic model - data of the wrong shape or types (key "shape", with the
    first wrong field). The data is returned as read (dicts and lists), checked against `schema`."""
    return read_json_bytes(path, max_bytes, schema)[0]


def read_json_bytes(path: Path, max_bytes: int, schema=None) -> tuple:
    """`read_json_file`, with the bytes it read: (data, bytes), the two from one reading of the file."""
    path = Path(path)
    try:
        if not path.is_file():
            raise JsonFileProblem("missing")
        size = path.stat().st_size
        if size > max_bytes:
            raise JsonFileProblem("too_big", size=round(size / 1e6, 1))
        with open(path, "rb") as handle:
            raw = handle.read(max_bytes + 1)  # the file may have grown since stat
    except OSError as exc:
        raise JsonFileProblem("unreadable", error=exc.strerror or exc) from None
    except ValueError as exc:  # a path the system cannot even look up (a NUL byte in it)
        raise JsonFileProblem("unreadable", error=str(exc)[:120]) from None
    if len(raw) > max_bytes:
        raise JsonFileProblem("too_big", size=round(len(raw) / 1e6, 1))
    if not raw.strip():
        raise JsonFileProblem("empty", error="the file is empty")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data":  # cut off in the middle of a letter: a cut-off file
            raise JsonFileProblem("not_json", line=raw.count(b"\n") + 1, error="the file ends halfway") from None
        raise JsonFileProblem("not_text") from None
    data = parse_json_text(text)
    if schema is not None:
        check_shape(data, schema)
    return data, raw


def check_shape(data, schema) -> None:
    """JsonFileProblem("shape", field, error) unless `data` validates against the pydantic model `schema`."""
    from pydantic import ValidationError

    try:
        schema.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first.get("loc", ())) or "(file)"
        raise JsonFileProblem("shape", field=where, error=str(first.get("msg", ""))[:120]) from None
