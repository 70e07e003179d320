"""Read one YAML file safely into plain Python data, remembering the line of every value.

Only PyYAML's safe loaders are used (the C one when it is built). Tags that would construct Python
objects (`!!python/object/apply:...`) are refused with the line they stand on, never executed.
Duplicate keys, which PyYAML would silently merge, are reported too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:  # the C loader is several times faster; fall back when PyYAML was built without libyaml
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on the platform's wheel
    from yaml import SafeLoader  # type: ignore[assignment]

MAX_FILE_BYTES = 1_000_000
Path_ = tuple  # a location inside a document: keys and list indexes


@dataclass
class Problem:
    """One problem found in content: where it is and what was expected."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        """The problem as JSON-ready data."""
        return {"file": self.file, "line": self.line, "field": self.field, "message": self.message}


@dataclass
class Document:
    """A parsed YAML file: its data and the line of each location in it."""

    data: Any
    lines: dict[tuple, int] = field(default_factory=dict)

    def line_of(self, loc: tuple) -> int:
        """The line of `loc`, or of its nearest enclosing location that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)


class ReadError(Exception):
    """A file could not be read as YAML at all."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


_SCALAR_CONSTRUCTOR = yaml.SafeLoader("")  # used only to turn scalar nodes into Python values


_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_OTHER_SCALARS = {"tag:yaml.org,2002:" + name for name in ("float", "bool", "null", "timestamp")}


def _scalar(node: yaml.ScalarNode) -> Any:
    tag = node.tag
    if tag == _STR:  # by far the most common: the parser already resolved it, take the text as it is
        return node.value
    if tag == _INT and node.value.lstrip("+-").isdigit():
        return int(node.value)
    if tag == _INT or tag in _OTHER_SCALARS:
        value = _SCALAR_CONSTRUCTOR.construct_object(node, deep=True)
        return value.isoformat() if hasattr(value, "isoformat") else value
    raise ReadError(node.start_mark.line + 1, f"the YAML tag {tag} is not allowed in content files")


def _walk(node: yaml.Node, loc: tuple, lines: dict[tuple, int]) -> Any:
    lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node)
    if isinstance(node, yaml.SequenceNode):
        if node.tag != "tag:yaml.org,2002:seq":
            raise ReadError(node.start_mark.line + 1, f"the YAML tag {node.tag} is not allowed in content files")
        return [_walk(item, loc + (i,), lines) for i, item in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode):
        if node.tag != "tag:yaml.org,2002:map":
            raise ReadError(node.start_mark.line + 1, f"the YAML tag {node.tag} is not allowed in content files")
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise ReadError(key_node.start_mark.line + 1, "a key must be a plain word, not a list or mapping")
            key = _scalar(key_node)
            if key == "<<":
                raise ReadError(key_node.start_mark.line + 1, "YAML merge keys (<<) are not supported here")
            if isinstance(key, (int, float, bool)) and not isinstance(key, str):
                key = str(key).lower() if isinstance(key, bool) else str(key)
            if key in result:
                raise ReadError(key_node.start_mark.line + 1, f'the key "{key}" appears twice')
            lines[loc + (key,)] = key_node.start_mark.line + 1
            result[key] = _walk(value_node, loc + (key,), lines)
        return result
    raise ReadError(node.start_mark.line + 1, "unsupported YAML node")  # pragma: no cover


def parse_text(text: str) -> Document:
    """Parse YAML text into a Document; raise ReadError with a line on any problem."""
    try:
        loader = SafeLoader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = exc.problem or "invalid YAML"
        raise ReadError(line, f"this is not valid YAML ({what}); check indentation, colons and quotes") from None
    except yaml.YAMLError as exc:
        raise ReadError(1, f"this is not valid YAML ({exc})") from None
    if root is None:
        raise ReadError(1, "the file is empty; expected the fields of a content item (id, name, ...)")
    lines: dict[tuple, int] = {}
    data = _walk(root, (), lines)
    return Document(data, lines)


def read_bytes(path: Path) -> bytes:
    """The raw bytes of a content file, refusing huge files before reading them."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ReadError(
                1,
                f"the file is {size / 1_000_000:.1f} MB; a content file may be at most "
                f"{MAX_FILE_BYTES // 1_000_000} MB",
            )
        return path.read_bytes()
    except OSError as exc:
        raise ReadError(1, f"the file cannot be read ({exc.strerror})") from None


def parse_bytes(raw: bytes) -> Document:
    """Parse a content file's bytes, refusing non-UTF-8 or empty files."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ReadError(
            line, "the file is not UTF-8 text; save it as UTF-8 (in most editors: Save as, encoding UTF-8)"
        ) from None
    if not text.strip():
        raise ReadError(1, "the file is empty; expected the fields of a content item (id, name, ...)")
    return parse_text(text)


def read_file(path: Path) -> Document:
    """Read and parse one content file."""
    return parse_bytes(read_bytes(path))
