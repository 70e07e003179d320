"""Read one YAML file safely into plain Python data, remembering the line of every value.

Only PyYAML's safe loaders are used (the C one when it is built). Tags that would construct Python
objects (`!!python/object/apply:...`) are refused with the line they stand on, never executed.
Duplicate keys, which PyYAML would silently merge, are reported too. So are values that cannot be read
as their type (`2024-13-45`, `!!int x`), values nested deeper than `MAX_DEPTH` (libyaml's composer would
overflow the C stack on them), an alias that contains itself, and aliases that expand a small file into
more than `MAX_VALUES` values ("billion laughs"). Whatever the bytes, reading ends in data or a ReadError.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import yaml

from .phrases import Count, Decimal, Phrase, Term, said

try:  # the C loader is several times faster; fall back when PyYAML was built without libyaml
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on the platform's wheel
    from yaml import SafeLoader  # type: ignore[assignment]

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 64  # content needs a handful of levels; the C composer crashes on tens of thousands
MAX_VALUES = 200_000  # values in one file after expanding aliases; the built-in files hold a few hundred
Path_ = tuple  # a location inside a document: keys and list indexes


def _one_line(text: Any, limit: int) -> str:
    """`text` on one line (control characters become spaces), valid UTF-8, at most `limit` characters."""
    text = str(text).encode("utf-8", "replace").decode("utf-8")
    text = "".join(c if c.isprintable() else " " for c in text).strip()
    return text if len(text) <= limit else text[: limit - 3] + "..."


@dataclass
class Problem:
    """One problem found in content: where it is and what was expected.

    `line` is the line of the value (1-based); a problem of a whole file (not YAML, not UTF-8, empty, too
    large, a link out of the pack) is on line 1, and so is one of a whole kind, whose `file` is then the
    folder's name (`actions` when an action the game needs is missing). Each part is kept to one line.
    `key` and `params` are the words of the catalogue (`content.*`, see `phrases`), which `text` says in
    either language; `message` is the English text (the command line's and `validate --json`'s).
    """

    file: str
    line: int
    field: str
    message: str = ""
    key: str = ""
    params: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        # One problem is one line of plain text, whatever a broken file put into a name or a value.
        self.file = _one_line(self.file, 300) or "(unknown file)"
        self.field = _one_line(self.field, 200) or "(file)"
        self.message = _one_line(self.message or self.text("en"), 600) or "this is not valid content"
        self.line = self.line if isinstance(self.line, int) and self.line >= 1 else 1

    @classmethod
    def of(cls, file: str, line: int, where: str, phrase: Phrase) -> Problem:
        """The problem at `file`:`line`, field `where`, in the words of `phrase`."""
        return cls(file, line, where, key=phrase.key, params=dict(phrase.params))

    def text(self, lang: str) -> str:
        """The message in `lang` ("nl" or "en"); the English `message` when it has no words of the catalogue."""
        if not self.key:
            return self.message
        return _one_line(said(self.key, self.params, lang), 600) or self.message

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"

    def as_dict(self, lang: Optional[str] = None) -> dict[str, Any]:
        """The problem as JSON-ready data; with `lang`, also its `text` in that language."""
        data = {"file": self.file, "line": self.line, "field": self.field, "message": self.message}
        return {**data, "text": self.text(lang)} if lang else data


@dataclass
class Document:
    """A parsed YAML file: its data and the line of each location in it."""

    data: Any
    lines: dict[tuple, int] = field(default_factory=dict)
    source: tuple = ()  # the file's lines, to explain a problem by what is written there

    def written(self, line: int) -> str:
        """The text of line `line` (1-based) as written in the file; "" when there is none."""
        return self.source[line - 1] if 1 <= line <= len(self.source) else ""

    def line_of(self, loc: tuple) -> int:
        """The line of `loc`, or of its nearest enclosing location that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)


class ReadError(Exception):
    """A file could not be read as YAML at all: on `line`, for the reason `key` of the catalogue."""

    def __init__(self, line: int, key: str, /, **params: Any) -> None:
        self.phrase = Phrase(key, **params)
        self.message = self.phrase.say("en")
        super().__init__(self.message)
        self.line = line


_SCALAR_CONSTRUCTOR = yaml.SafeLoader("")  # used only to turn scalar nodes into Python values


_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_KINDS = {  # what a trainer calls a value of each scalar tag: content.kind.<this> in the catalogue
    _INT: "int",
    "tag:yaml.org,2002:float": "float",
    "tag:yaml.org,2002:bool": "bool",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:timestamp": "timestamp",
}


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) < 60 else text[:57] + "..."


def _scalar(node: yaml.ScalarNode) -> Any:
    tag = node.tag
    if tag == _STR:  # by far the most common: the parser already resolved it, take the text as it is
        return node.value
    value = node.value
    digits = value.lstrip("+-")
    if tag == _INT and digits.isascii() and digits.isdigit() and len(value) - len(digits) <= 1 and len(value) < 100:
        return int(value)
    if tag not in _KINDS:
        raise ReadError(node.start_mark.line + 1, "content.read.tag", tag=tag)
    try:
        # The constructor function itself, not construct_object: that one would keep every node in a cache.
        value = _SCALAR_CONSTRUCTOR.yaml_constructors[tag](_SCALAR_CONSTRUCTOR, node)
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError, yaml.YAMLError):
        raise ReadError(
            node.start_mark.line + 1,
            "content.read.not_a_kind",
            value=_short(node.value),
            kind=Term("content.kind", _KINDS[tag]),
        ) from None
    return value.isoformat() if hasattr(value, "isoformat") else value


class _Walk:
    """Turns a node tree into plain data, guarding against alias loops, deep nesting and alias bombs."""

    def __init__(self) -> None:
        self.lines: dict[tuple, int] = {}
        self.sizes: dict[int, int] = {}  # id(node) -> values in it once aliases are expanded; -1 while counting

    def measure(self, node: yaml.Node, depth: int = 0) -> int:
        """The number of values under `node` with every alias expanded, counted once per distinct node.

        Refuses an alias inside its own value, nesting deeper than MAX_DEPTH and more than MAX_VALUES values,
        before anything is expanded: a "billion laughs" file costs no more than its own size.
        """
        line = node.start_mark.line + 1
        if depth > MAX_DEPTH:
            raise ReadError(line, "content.read.too_deep", depth=MAX_DEPTH)
        if isinstance(node, yaml.ScalarNode):
            return 1
        known = self.sizes.get(id(node))
        if known is not None:
            if known < 0:
                raise ReadError(line, "content.read.alias_loop")
            return known
        self.sizes[id(node)] = -1
        if isinstance(node, yaml.MappingNode):
            children = [part for pair in node.value for part in pair]
        else:
            children = list(node.value)
        total = 1 + sum(self.measure(child, depth + 1) for child in children)
        if total > MAX_VALUES:
            raise ReadError(line, "content.read.too_many_values", most=Count(MAX_VALUES))
        self.sizes[id(node)] = total
        return total

    def walk(self, node: yaml.Node, loc: tuple) -> Any:
        """Plain data of a node that `measure` accepted."""
        self.lines.setdefault(loc, node.start_mark.line + 1)
        if len(loc) > MAX_DEPTH:  # an alias to a deep value, used deep down
            raise ReadError(node.start_mark.line + 1, "content.read.too_deep", depth=MAX_DEPTH)
        if isinstance(node, yaml.ScalarNode):
            return _scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return self.sequence(node, loc)
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, loc)
        raise ReadError(node.start_mark.line + 1, "content.read.not_yaml_node")  # pragma: no cover

    def sequence(self, node: yaml.SequenceNode, loc: tuple) -> list:
        if node.tag != "tag:yaml.org,2002:seq":
            raise ReadError(node.start_mark.line + 1, "content.read.tag", tag=node.tag)
        return [self.walk(item, loc + (i,)) for i, item in enumerate(node.value)]

    def mapping(self, node: yaml.MappingNode, loc: tuple) -> dict:
        if node.tag != "tag:yaml.org,2002:map":
            raise ReadError(node.start_mark.line + 1, "content.read.tag", tag=node.tag)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise ReadError(key_node.start_mark.line + 1, "content.read.key_not_plain")
            key = _scalar(key_node)
            if key == "<<":
                raise ReadError(key_node.start_mark.line + 1, "content.read.merge_key")
            if isinstance(key, (int, float, bool)) and not isinstance(key, str):
                key = str(key).lower() if isinstance(key, bool) else str(key)
            if key in result:
                raise ReadError(key_node.start_mark.line + 1, "content.read.key_twice", key=_short(str(key)))
            self.lines[loc + (key,)] = key_node.start_mark.line + 1
            result[key] = self.walk(value_node, loc + (key,))
        return result


_NESTING_CHECK_ABOVE = 500  # far below the depth that overflows a 1 MB C stack; above every built-in file


def _check_nesting(text: str) -> None:
    """Refuse deep nesting before composing: libyaml's C composer recurses and would crash the game.

    Every level of nesting starts at a character of its own (`-`, `?`, `:`, `[` or `{`), so a text with
    few of them cannot nest deeply and needs no check. Otherwise only the parser's events are read here,
    which libyaml produces without recursion.
    """
    if sum(text.count(c) for c in "-?:[{") <= _NESTING_CHECK_ABOVE:
        return
    loader = SafeLoader(text)
    try:
        depth = 0
        while True:
            event = loader.get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                return
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise ReadError(event.start_mark.line + 1, "content.read.too_deep", depth=MAX_DEPTH)
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    finally:
        loader.dispose()


def parse_text(text: str) -> Document:
    """Parse YAML text into a Document; raise ReadError with a line on any problem."""
    try:
        _check_nesting(text)
        loader = SafeLoader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        tabbed = _tab_indented(text, line)
        if tabbed:
            raise ReadError(tabbed, "content.read.tab") from None
        raise ReadError(line, "content.read.not_yaml", detail=_yaml_problem(exc.problem or "invalid YAML")) from None
    except yaml.reader.ReaderError as exc:
        code = f"{exc.character:#04x}"
        raise ReadError(_line_at(text, exc.position), "content.read.control_character", code=code) from None
    except yaml.YAMLError as exc:
        raise ReadError(1, "content.read.not_yaml_at_all", detail=" ".join(str(exc).split())) from None
    if root is None:
        raise ReadError(1, "content.read.empty")
    walker = _Walk()
    if "&" in text:  # without an anchor there is no alias: nothing can repeat or contain itself
        walker.measure(root)
    data = walker.walk(root, ())
    return Document(data, walker.lines, tuple(_YAML_BREAKS.split(text)))


# PyYAML's most common complaints, said in plain words (content.yaml.<this>; in English PyYAML's own words);
# the others stay PyYAML's English in either language.
_YAML_PROBLEMS = {
    "mapping values are not allowed in this context": "colon",
    "mapping values are not allowed here": "colon",
    "did not find expected key": "indent",
    "could not find expected ':'": "no_colon",
    "found undefined alias": "alias",
    "did not find expected ',' or '}'": "bracket",
    "did not find expected ',' or ']'": "bracket",
    "found unexpected end of stream": "end",
    "found character that cannot start any token": "token",
    "did not find expected '-' indicator": "dash",
    "but found another document": "documents",
    "exceeded maximum nesting depth": "deep",
}


def _yaml_problem(problem: str) -> Any:
    known = _YAML_PROBLEMS.get(problem)
    return Phrase(f"content.yaml.{known}", said=problem) if known else problem


def _tab_indented(text: str, line: int) -> int:
    """The line (1-based) indented with a tab at or just before `line` (YAML's error points at or after it),
    else 0."""
    lines = _YAML_BREAKS.split(text)
    for number in range(min(line, len(lines)), max(0, line - 3), -1):
        written = lines[number - 1]
        if "\t" in written[: len(written) - len(written.lstrip(" \t"))]:
            return number
    return 0


def _line_at(text: str, position: int) -> int:
    """The line of a reader error's position: an offset in the UTF-8 bytes for libyaml, else in the text."""
    if SafeLoader is not yaml.SafeLoader:
        prefix = text.encode("utf-8")[:position].decode("utf-8", "ignore")
    else:  # pragma: no cover - the pure-Python loader counts characters
        prefix = text[:position]
    return len(_YAML_BREAKS.split(prefix))


_YAML_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def read_bytes(path: Path) -> bytes:
    """The raw bytes of a content file, refusing huge files before reading them."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            size_mb = Decimal(round(size / 1_000_000, 1))
            raise ReadError(1, "content.read.too_large", size=size_mb, most=MAX_FILE_BYTES // 1_000_000)
        return path.read_bytes()
    except OSError as exc:
        raise ReadError(1, "content.read.unreadable", error=exc.strerror) from None


def parse_bytes(raw: bytes) -> Document:
    """Parse a content file's bytes, refusing non-UTF-8 or empty files."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ReadError(line, "content.read.not_utf8") from None
    if not text.strip():
        raise ReadError(1, "content.read.empty")
    return parse_text(text)


def read_file(path: Path) -> Document:
    """Read and parse one content file."""
    return parse_bytes(read_bytes(path))
