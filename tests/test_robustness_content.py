"""Content that is broken in every way a trainer (or a stranger) could break it: never a traceback.

Issue 6, "must hold":
- Fuzzed content: 1,000 mutated copies of the built-in YAML (a seeded mutator, reproducible per case) go
  through the loader; nothing escapes as an exception and every problem has a file, a line and a message.
  Most cases are a content pack holding one mutated file (which replaces the built-in items by id, the way
  a trainer's pack does); some mutate a copy of the whole built-in folder, so that rules.yaml and the
  actions the game cannot do without are hit too. A handful go through `python -m game validate`. Every
  trend card that a mutation changed and the loader accepted is also drawn on the trend screen.
- No code from data, no escaping the folders: a file name in content (Role.icon, Scenario.emblem) must be a
  plain name; `load_icon` refuses anything else too; a pack's file that links outside the pack is not read.
- Every loader crash the fuzzer found has a named regression test below.

To replay one fuzz case: `mutate_case(i)` gives its file, its mutations and its bytes.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from game.content import load_content
from game.content import loader as loader_module
from game.content.loader import FOLDERS
from game.content.yamlread import MAX_DEPTH, Problem, ReadError, parse_text
from tests.conftest import ROOT, run_game, write_pack

BUILTIN = ROOT / "content"
FILES = sorted(p.relative_to(BUILTIN).as_posix() for p in BUILTIN.rglob("*") if p.suffix in (".yaml", ".yml"))
ORIGINAL = {rel: (BUILTIN / rel).read_bytes() for rel in FILES}
ORIGINAL_BYTES = set(ORIGINAL.values())
SEED = 6_2026
CASES = 1000
BASE_SHARE = 0.2  # share of the cases that mutate a copy of the whole built-in folder instead of a pack
PROBLEM_LINE = re.compile(r"^.+:\d+: .+: .+$")

# ---------------------------------------------------------------------------------------------- the mutator
WEIRD_VALUES = [
    "",
    '""',
    "''",
    "~",
    "null",
    "[]",
    "{}",
    "[1, 2",
    "{a: 1",
    "yes",
    "no",
    "on",
    "true",
    "-1",
    "0",
    "-0",
    "3.5",
    "1e400",
    "1.0e+400",
    ".inf",
    "-.inf",
    ".nan",
    "0x1F",
    "0o17",
    "0b101",
    "017",
    "1_000",
    "190:20:30",
    "99999999999999999999999999999999",
    "9" * 5000,
    "-" + "9" * 4400,
    "2024-01-01",
    "2024-13-45",
    "2001-12-14t21:59:43.10-05:00",
    "'tekst'",
    '"tekst met \\" en \\n"',
    '"\\ud800"',
    '"\\x00"',
    '"\\0"',
    "x" * 100_000,
    "|\n  twee\n  regels",
    ">-\n  gevouwen",
    "'" + "a" * 70 + "\n  vervolg'",
    "- a\n- b",
    "a: b: c",
    "@gereserveerd",
    "`backtick",
    "%YAML 1.1",
    "&anker waarde",
    "*anker",
    "*bestaat_niet",
    "? sleutel",
    "!!python/object/apply:os.system ['echo pwned']",
    "!!python/name:os.system",
    "!!python/object/new:builtins.exec ['1']",
    "!!python/module:os",
    "!<tag:yaml.org,2002:python/object:os.system> {}",
    "!eigen_tag waarde",
    "!!binary aGFsbG8=",
    "!!set {a, b}",
    "!!omap [a: 1]",
    "!!pairs [a: 1]",
    "!!str 5",
    "!!int vijf",
    "!!int +-5",
    "!!int 0b2",
    "!!float abc",
    "!!bool misschien",
    "!!null iets",
    "!!timestamp gisteren",
    "!!map",
    "!!seq",
    "!!merge <<",
    "../../etc/passwd",
    "/etc/passwd",
    "..\\..\\x",
    "C:\\Windows\\x",
    "\u202egnirts\u202c",
    "\u200b",
    "\U0001f600",
    "\x1b[31mrood",
    "bestaat_niet",
    "samendam",
    "wethouder",
    "invest",
]
WEIRD_BYTES = [
    b"\xff",
    b"\xfe\xff",
    b"\xc3\x28",
    b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80",
    b"\x00",
    b"\x07",
    b"\x1b",
    b"\x7f",
    b"\r",
    b"\t",
    b"\xef\xbb\xbf",
    b"\xc2\x85",
    b"\xe2\x80\xa8",
    b"\xc0\xaf",
    b":",
    b"-",
    b"[",
    b"{",
    b"#",
    b"&",
    b"*",
    b"!",
    b"|",
    b">",
    b"'",
    b'"',
    b"%",
    b"@",
]
WEIRD_KEYS = [
    "onbekend_veld",
    "colour",
    "Id",
    "id ",
    "1",
    "1.5",
    "null",
    "true",
    "~",
    "<<",
    '"a\\nb"',
    "? [a, b]",
    "? {a: 1}",
    "k" * 5000,
    "\U0001f600",
    "!!python/name:os.system",
]
KEY_LINE = re.compile(rb"^(\s*(?:- )?)([A-Za-z_][\w]*):(\s*)(.*)$")
TOKEN = re.compile(rb"[A-Za-z0-9_.+#-]+")
IDENT = re.compile(rb"\b[a-z][a-z0-9_]{1,39}\b")


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True) or [b""]


def _pick_line(rng: random.Random, lines: list[bytes], pattern: re.Pattern | None = None) -> int | None:
    choices = [i for i, line in enumerate(lines) if pattern is None or pattern.match(line.rstrip(b"\r\n"))]
    return rng.choice(choices) if choices else None


def _weird(rng: random.Random) -> bytes:
    return rng.choice(WEIRD_VALUES).encode("utf-8")


def m_delete_lines(rng, data):
    lines = _lines(data)
    i = rng.randrange(len(lines))
    del lines[i : i + rng.randint(1, 3)]
    return b"".join(lines)


def m_duplicate_line(rng, data):
    lines = _lines(data)
    i = rng.randrange(len(lines))
    lines.insert(i, lines[i] if lines[i].endswith(b"\n") else lines[i] + b"\n")
    return b"".join(lines)


def m_swap_lines(rng, data):
    lines = _lines(data)
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return b"".join(lines)


def m_reindent(rng, data):
    lines = _lines(data)
    i = rng.randrange(len(lines))
    line = lines[i]
    how = rng.choice(["more", "less", "tab", "odd"])
    if how == "more":
        line = b" " * rng.randint(1, 6) + line
    elif how == "less":
        line = line[rng.randint(1, 4) :] if line.startswith(b" ") else line
    elif how == "tab":
        line = b"\t" + line.lstrip(b" ")
    else:
        line = b" " + line
    lines[i] = line
    return b"".join(lines)


def m_replace_value(rng, data):
    lines = _lines(data)
    i = _pick_line(rng, lines, KEY_LINE)
    if i is None:
        return m_replace_token(rng, data)
    end = lines[i][len(lines[i].rstrip(b"\r\n")) :] or b"\n"
    m = KEY_LINE.match(lines[i].rstrip(b"\r\n"))
    lines[i] = m.group(1) + m.group(2) + b": " + _weird(rng) + end
    return b"".join(lines)


def m_replace_token(rng, data):
    tokens = list(TOKEN.finditer(data))
    if not tokens:
        return data + _weird(rng)
    t = rng.choice(tokens)
    return data[: t.start()] + _weird(rng) + data[t.end() :]


def m_insert_bytes(rng, data):
    at = rng.randint(0, len(data))
    junk = b"".join(rng.choice(WEIRD_BYTES) for _ in range(rng.randint(1, 4)))
    if rng.random() < 0.3:
        junk = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
    return data[:at] + junk + data[at:]


def m_insert_tag(rng, data):
    tags = [v for v in WEIRD_VALUES if v.startswith("!")]
    tokens = list(TOKEN.finditer(data))
    tag = rng.choice(tags).split(" ")[0].encode()
    if not tokens:
        return tag + b" " + data
    t = rng.choice(tokens)
    return data[: t.start()] + tag + b" " + data[t.start() :]


def m_anchors(rng, data):
    lines = _lines(data)
    keyed = [i for i, line in enumerate(lines) if KEY_LINE.match(line.rstrip(b"\r\n"))]
    how = rng.choice(["use", "undefined", "recursive", "laughs", "merge"])
    if how == "laughs":
        bomb = b"lol0: &l0 [x, x, x, x, x, x, x, x, x]\n"
        for k in range(1, 9):
            bomb += b"lol%d: &l%d [" % (k, k) + b", ".join([b"*l%d" % (k - 1)] * 9) + b"]\n"
        return data + (b"\n" if not data.endswith(b"\n") else b"") + bomb
    if not keyed:
        return data + b"\n&a x: *a\n"
    i, j = rng.choice(keyed), rng.choice(keyed)
    mi = KEY_LINE.match(lines[i].rstrip(b"\r\n"))
    mj = KEY_LINE.match(lines[j].rstrip(b"\r\n"))
    if how == "use":
        lines[i] = mi.group(1) + mi.group(2) + b": &anker " + mi.group(4) + b"\n"
        lines[j] = mj.group(1) + mj.group(2) + b": *anker\n"
    elif how == "undefined":
        lines[j] = mj.group(1) + mj.group(2) + b": *nergens\n"
    elif how == "recursive":
        lines[j] = mj.group(1) + mj.group(2) + b": &rond [a, {b: *rond}]\n"
    else:
        lines.insert(j, mj.group(1) + b"<<: {extra: 1}\n")
    return b"".join(lines)


def m_truncate(rng, data):
    return data[: rng.randint(0, len(data))]


def m_unknown_key(rng, data):
    lines = _lines(data)
    i = _pick_line(rng, lines, KEY_LINE)
    indent = KEY_LINE.match(lines[i].rstrip(b"\r\n")).group(1).replace(b"-", b" ") if i is not None else b""
    key = rng.choice(WEIRD_KEYS).encode("utf-8")
    sep = b"\n" + indent + b": " if key.startswith(b"?") else b": "
    new = indent + key + sep + _weird(rng).split(b"\n")[0] + b"\n"
    lines.insert(i if i is not None else 0, new)
    return b"".join(lines)


def m_rename_id(rng, data):
    idents = [m for m in IDENT.finditer(data) if m.group() not in (b"nl", b"en")]
    if not idents:
        return m_replace_token(rng, data)
    m = rng.choice(idents)
    other = rng.choice([b"bestaat_niet", b"samendam", b"wethouder", b"invest", b"grant", b"money", b"id", b"x"])
    if rng.random() < 0.5:  # every use of this name at once: a rename that leaves the references dangling
        return re.sub(rb"\b" + re.escape(m.group()) + rb"\b", other, data)
    return data[: m.start()] + other + data[m.end() :]


def m_deep(rng, data):
    depth = rng.choice([MAX_DEPTH - 2, MAX_DEPTH + 1, 600, 5000, 200_000])
    if rng.random() < 0.7:
        deep = b"[" * depth + b"]" * depth
    else:  # block nesting grows with the square of the depth: keep it small
        deep = b"\n".join(b"  " * k + b"k:" for k in range(min(depth, 600)))
    lines = _lines(data)
    i = _pick_line(rng, lines, KEY_LINE)
    if i is None or deep.startswith(b"k"):
        return data + b"\ndiep:\n" + deep + b"\n"
    m = KEY_LINE.match(lines[i].rstrip(b"\r\n"))
    lines[i] = m.group(1) + m.group(2) + b": " + deep + b"\n"
    return b"".join(lines)


def m_line_endings(rng, data):
    how = rng.choice(["crlf", "cr", "bom", "bom_inside", "nel", "ls"])
    if how == "crlf":
        return data.replace(b"\n", b"\r\n")
    if how == "cr":
        return data.replace(b"\n", b"\r")
    if how == "bom":
        return b"\xef\xbb\xbf" + data
    if how == "bom_inside":
        at = rng.randint(0, len(data))
        return data[:at] + b"\xef\xbb\xbf" + data[at:]
    return data.replace(b"\n", b"\xc2\x85" if how == "nel" else b"\xe2\x80\xa8", rng.randint(1, 5))


def m_shape(rng, data):
    how = rng.choice(["list", "scalar", "two_docs", "empty", "blank", "comments", "doc_end", "directive"])
    if how == "list":
        return b"- " + data.replace(b"\n", b"\n  ")
    if how == "scalar":
        return _weird(rng) + b"\n"
    if how == "two_docs":
        return b"---\n" + data + b"\n---\n" + data
    if how == "empty":
        return b""
    if how == "blank":
        return b"   \n\n\t\n"
    if how == "comments":
        return b"".join(b"# " + line for line in _lines(data))
    if how == "doc_end":
        return data + b"\n...\n" + data
    return b"%YAML 9.9\n%TAG ! tag:example.com,2000:\n---\n" + data


def m_duplicate_key(rng, data):
    lines = _lines(data)
    i = _pick_line(rng, lines, KEY_LINE)
    if i is None:
        return data
    m = KEY_LINE.match(lines[i].rstrip(b"\r\n"))
    lines.insert(i + 1, m.group(1).replace(b"-", b" ") + m.group(2) + b": 1\n")
    return b"".join(lines)


MUTATORS = {
    name[2:]: fn
    for name, fn in sorted(globals().items())
    if name.startswith("m_") and callable(fn)  # every m_* function above
}


def mutate_case(index: int) -> tuple[str, list[str], bytes, bool]:
    """Fuzz case `index`: (relative file, mutations applied, mutated bytes, whether it mutates the base)."""
    rng = random.Random(SEED * 100_003 + index)
    rel = rng.choice(FILES)
    data = ORIGINAL[rel]
    applied = []
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
        name = rng.choice(sorted(MUTATORS))
        data = MUTATORS[name](rng, data)
        applied.append(name)
    data = data[:900_000]  # stay under the loader's size limit: that limit has a test of its own
    return rel, applied, data, rng.random() < BASE_SHARE


# ------------------------------------------------------------------------------------------- the checks
YAML_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _line_count(path: Path) -> int:
    text = path.read_bytes().decode("utf-8", "replace")
    return len(YAML_BREAKS.split(text))


def check_problems(problems: list, roots: list[Path]) -> list[str]:
    """What is wrong with the problems of one load (empty when every one has a file, a line and a message).

    `roots` are the folders the shown file names are relative to (each content root's parent).
    """
    wrong = []
    for p in problems:
        if not isinstance(p, Problem):
            wrong.append(f"not a Problem: {p!r}")
            continue
        text = str(p)
        if not (isinstance(p.file, str) and p.file.strip()):
            wrong.append(f"no file: {p!r}")
        if not (isinstance(p.line, int) and p.line >= 1):
            wrong.append(f"no line: {p!r}")
        if not (isinstance(p.field, str) and p.field.strip()):
            wrong.append(f"no field: {p!r}")
        if not (isinstance(p.message, str) and p.message.strip()):
            wrong.append(f"no message: {p!r}")
        if "\n" in text or "\r" in text or not PROBLEM_LINE.match(text):
            wrong.append(f"not one `file:line: field: message` line: {text!r}")
        try:
            text.encode("utf-8")
            json.dumps(p.as_dict(), ensure_ascii=False)
        except (UnicodeError, TypeError, ValueError) as exc:
            wrong.append(f"cannot be printed or written as JSON ({exc}): {p!r}")
        if p.file in FOLDERS:  # a problem of a whole kind (e.g. a required action is missing): line 1
            if p.line != 1:
                wrong.append(f"a folder problem must be on line 1: {p!r}")
            continue
        found = [root / p.file for root in roots if (root / p.file).is_file()]
        if not found:
            wrong.append(f"the file {p.file!r} does not exist: {p!r}")
        elif p.line > _line_count(found[0]) + 1:
            wrong.append(f"line {p.line} is past the end of {p.file} ({_line_count(found[0])} lines): {p!r}")
    return wrong


def _digest_of_builtin() -> dict[str, bytes]:
    return {rel: (BUILTIN / rel).read_bytes() for rel in FILES}


@contextmanager
def _time_limit(seconds: float):
    start = time.perf_counter()
    yield
    took = time.perf_counter() - start
    assert took < seconds, f"took {took:.1f} s; expected under {seconds} s"


def test_the_mutator_is_seeded_and_covers_every_mutation():
    assert mutate_case(7) == mutate_case(7)
    used = {name for i in range(CASES) for name in mutate_case(i)[1]}
    assert used == set(MUTATORS), set(MUTATORS) - used
    assert len({mutate_case(i)[0] for i in range(CASES)}) == len(FILES), "every built-in file is mutated"


def test_1000_mutated_content_files_never_crash_the_loader(tmp_path, capsys, monkeypatch):
    builtin_before = _digest_of_builtin()
    # Each case loads all 42 files, of which 41 are the unchanged built-in ones: parse those once (the same
    # bytes give the same Document, which nothing changes), so that 1,000 cases take seconds, not a minute.
    # The mutated file is always parsed afresh, and validation and reference checks run on every file.
    real_parse = loader_module.parse_bytes
    parsed: dict[bytes, object] = {}

    def parse_bytes(raw: bytes):
        if raw not in ORIGINAL_BYTES:
            return real_parse(raw)
        if raw not in parsed:
            parsed[raw] = real_parse(raw)
        return parsed[raw]

    monkeypatch.setattr(loader_module, "parse_bytes", parse_bytes)
    reference = load_content()
    assert reference.ok
    base_copy = tmp_path / "base" / "content"
    shutil.copytree(BUILTIN, base_copy)
    pack = tmp_path / "packs" / "fuzzpakket"
    crashes, bad = [], []
    counts = {"pack": 0, "base": 0, "ok": 0, "problems": 0}
    screen, cards_drawn, drawing_took = None, 0, 0.0  # the trend screen: one app for every card
    start = time.perf_counter()
    for index in range(CASES):
        rel, applied, data, in_base = mutate_case(index)
        if in_base:
            target = base_copy / rel
            target.write_bytes(data)
            roots = [base_copy.parent]
            call = {"base": base_copy}
        else:
            if pack.exists():
                shutil.rmtree(pack)
            target = pack / rel
            target.parent.mkdir(parents=True)
            target.write_bytes(data)
            roots = [pack.parent, ROOT]
            call = {"pack": pack}
        counts["base" if in_base else "pack"] += 1
        try:
            result = load_content(**call)
            wrong = check_problems(result.problems, roots)  # before the base file is put back: lines count
        except BaseException as exc:  # noqa: BLE001 - the point of the test: report every escape
            crashes.append(f"case {index} ({rel}, {'+'.join(applied)}): {type(exc).__name__}: {exc}"[:400])
            continue
        finally:
            if in_base:
                target.write_bytes(ORIGINAL[rel])
        counts["ok" if result.ok else "problems"] += 1
        if wrong:
            bad.append(f"case {index} ({rel}, {'+'.join(applied)}): " + "; ".join(wrong[:3]))
        if rel.startswith("trends/"):
            changed = [i for i, trend in result.content.trends.items() if reference.content.trends.get(i) != trend]
            if changed:
                drawing = time.perf_counter()
                try:
                    screen = screen or _trend_screen()
                    _draw_trend_cards(screen, result.content, changed)
                    cards_drawn += len(changed)
                except Exception as exc:  # noqa: BLE001 - the point of the test: report every escape
                    crashes.append(f"case {index} ({rel}, {'+'.join(applied)}): drawing: {type(exc).__name__}: {exc}")
                drawing_took += time.perf_counter() - drawing
        if not in_base and not result.ok and index % 10 == 0:
            # What the game does with a broken pack: list its problems, play what validate loads (the built-in
            # content with the pack's valid files).
            from game.ui.launch import load

            content, problems = load(pack)
            assert content.digest == result.content.digest and content.summary() == result.content.summary()
            assert [str(p) for p in problems] == [str(p) for p in result.problems]
    took = time.perf_counter() - start - drawing_took
    assert not crashes, f"{len(crashes)} of {CASES} mutated files crashed the loader:\n" + "\n".join(crashes[:15])
    assert not bad, f"{len(bad)} of {CASES} mutated files gave an incomplete problem:\n" + "\n".join(bad[:15])
    # Most mutations must really break something, else the fuzzer tests nothing.
    assert counts["problems"] > CASES // 2, counts
    assert counts["base"] > 100 and counts["pack"] > 600, counts
    # The built-in content is untouched by all of it.
    assert _digest_of_builtin() == builtin_before
    after = load_content()
    assert after.ok and after.content.digest == reference.content.digest
    assert cards_drawn > 50, cards_drawn  # many mutations leave a card valid: each of those was drawn
    with capsys.disabled():
        print(f"\n[fuzz] {CASES} mutated content files in {took:.1f} s: {counts}")
        print(f"[fuzz] {cards_drawn} valid mutated trend cards drawn in {drawing_took:.1f} s")
    assert took < 60, f"the fuzz run took {took:.1f} s"


def _trend_screen():
    """An app on the trend screen at 1280x720 with text at 150 % (the least room a card gets)."""
    from tests.screens import open_screen
    from tests.ui_driver import new_app

    app = new_app(size=(1280, 720))
    app.settings.text_size = 150
    app.resized()
    open_screen(app, "trend")
    return app


def _draw_trend_cards(app, content, trend_ids: list[str]) -> None:
    """Draw the cards `trend_ids` of `content` on the trend screen, in Dutch and in English, as a game with
    that content would (with its rule book, for the cards' effects); then the game's own rule book is put back."""
    from game.engine.rulebook import Rulebook

    state = app.session.state
    own = state.book
    scene = app.top
    assert scene.name == "trend"
    state.book = Rulebook.compile(content, own.setup)
    try:
        scene.cards = list(trend_ids)
        for scene.index in range(len(trend_ids)):
            for app.settings.lang in ("nl", "en"):
                app.draw()
    finally:
        state.book = own
        app.settings.lang = "nl"


def test_mutated_packs_through_the_validate_command(tmp_path):
    """A handful of mutated packs, each of a different kind, through `python -m game validate --content`."""
    chosen: dict[str, tuple] = {}
    for index in range(CASES):
        rel, applied, data, in_base = mutate_case(index)
        if not in_base and applied[0] not in chosen:
            chosen[applied[0]] = (index, rel, data)
        if len(chosen) == 10:
            break
    assert len(chosen) == 10
    for number, (kind, (index, rel, data)) in enumerate(sorted(chosen.items())):
        pack = tmp_path / f"pakket{number}"
        (pack / rel).parent.mkdir(parents=True)
        (pack / rel).write_bytes(data)
        args = ["validate", "--content", str(pack)] + (["--json"] if number % 3 == 0 else [])
        done = run_game(*args)
        where = f"case {index} ({kind} on {rel})"
        assert done.returncode in (0, 1), f"{where}: exit {done.returncode}\n{done.stderr[-2000:]}"
        assert "Traceback" not in done.stderr + done.stdout, f"{where}:\n{done.stderr[-2000:]}"
        if "--json" in args:
            data = json.loads(done.stdout)
            assert data["ok"] is (done.returncode == 0)
            for error in data["errors"]:
                assert error["file"] and error["line"] >= 1 and error["message"], error
        elif done.returncode == 1:
            lines = [line for line in done.stdout.splitlines() if line.strip()]
            assert lines and all(PROBLEM_LINE.match(line) for line in lines), f"{where}: {lines[:5]}"
        else:
            assert done.stdout.startswith("ok:"), f"{where}: {done.stdout[:300]}"


# ------------------------------------------------------------------ regressions: loader crashes the fuzzer found
TREND = ORIGINAL["trends/vergrijzing.yaml"].decode("utf-8")


def _trend_with(line: str) -> str:
    """The Vergrijzing trend as a new item `fuzz` with one extra top-level line (on line 3)."""
    text = TREND.replace("id: vergrijzing", "id: fuzz", 1)
    head, rest = text.split("\n", 2)[:2], text.split("\n", 2)[2]
    return "\n".join(head) + "\n" + line + "\n" + rest


REGRESSIONS = {
    # name: (a top-level line added to a trend, words expected in the message); each crashed the loader before
    "invalid_date": ("datum: 2024-13-45", "cannot be read as a date"),  # ValueError: month must be in 1..12
    "tagged_bad_date": ("datum: !!timestamp gisteren", "cannot be read as a date"),  # AttributeError
    "tagged_bad_float": ("getal: !!float abc", "cannot be read as a number"),  # ValueError
    "tagged_bad_int": ("getal: !!int vijf", "cannot be read as a whole number"),  # ValueError
    "tagged_bad_binary_int": ("getal: !!int 0b2", "cannot be read as a whole number"),  # ValueError
    "tagged_bad_bool": ("janee: !!bool misschien", "cannot be read as true or false"),  # KeyError
    "int_over_4300_digits": ("getal: " + "9" * 5000, "cannot be read as a whole number"),  # ValueError (int limit)
    "recursive_alias": ("rond: &rond [a, {b: *rond}]", "refers to the value that contains it"),  # RecursionError
    "alias_bomb": (
        "lol0: &l0 [x, x, x, x, x, x, x, x, x]\n"
        + "".join(f"lol{k}: &l{k} [" + ", ".join([f"*l{k - 1}"] * 9) + "]\n" for k in range(1, 9)),
        "more than 200,000 values",  # minutes of work and gigabytes of memory before
        8,  # lol5 (line 8) is the first value that holds too many
    ),
    "nested_too_deep_for_python": ("diep: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5), "nested more than"),
    "control_character": ("titel2: a\x1bb", "invisible control character (code 0x1b)"),  # 3 lines, line 1
    "key_with_a_newline": ('"veld\\nmet regeleinde": 1', 'unknown field "veld met regeleinde"'),  # 2 output lines
}


@pytest.mark.parametrize("name", sorted(REGRESSIONS))
def test_loader_regression(tmp_path, name):
    line, expected, *at = REGRESSIONS[name]
    pack = write_pack(tmp_path, {"trends/fuzz.yaml": _trend_with(line)})
    with _time_limit(2):
        result = load_content(pack=pack)
    problems = [str(p) for p in result.problems]
    where = f"mijnpakket/trends/fuzz.yaml:{at[0] if at else 3}: "
    assert any(p.startswith(where) and expected in p for p in problems), problems
    assert not check_problems(result.problems, [tmp_path, ROOT])
    assert "fuzz" not in result.content.trends and "vergrijzing" in result.content.trends


@pytest.mark.parametrize("value", WEIRD_VALUES + [v + " # commentaar" for v in WEIRD_VALUES[:20]])
def test_every_odd_value_is_read_or_refused_with_a_line(value):
    """Each odd value on its own: plain data, or a ReadError with a line and a message; nothing else."""
    for text in (f"a: {value}\n", f"- {value}\n", f"a: [{value}]\n", f"{value}: 1\n"):
        try:
            parse_text(text)
        except ReadError as exc:
            assert exc.line >= 1 and exc.message, text


def test_regression_nesting_that_crashed_libyaml_is_refused_in_a_subprocess(tmp_path):
    """100,000 open brackets made libyaml's C composer overflow the stack: a segmentation fault, no message.

    Run in a subprocess, so that a regression fails this test instead of killing the test run.
    The file is refused where it goes wrong (file and line), the rest of the pack still loads; which
    words explain the refusal is the loader's business (PyYAML >= 6.0.4 refuses the depth itself).
    """
    deep = _trend_with("diep: " + "[" * 100_000 + "]" * 100_000)
    good = _trend_with("").replace("id: fuzz", "id: goed", 1)
    pack = write_pack(tmp_path, {"trends/fuzz.yaml": deep, "trends/goed.yaml": good})
    done = run_game("validate", "--content", str(pack))
    assert done.returncode == 1, (done.returncode, done.stderr[-1000:])
    assert "Traceback" not in done.stderr + done.stdout
    refused = [line for line in done.stdout.splitlines() if line.startswith("mijnpakket/trends/fuzz.yaml:3: ")]
    assert len(refused) == 1 and len(refused[0]) > len("mijnpakket/trends/fuzz.yaml:3: ") + 10, done.stdout
    listed = json.loads(run_game("validate", "--content", str(pack), "--json").stdout)
    assert [(e["file"], e["line"]) for e in listed["errors"]] == [("mijnpakket/trends/fuzz.yaml", 3)]
    assert "goed" in listed["trends"] and "fuzz" not in listed["trends"] and "vergrijzing" in listed["trends"]


@pytest.mark.skipif(sys.platform == "win32" or sys.platform == "darwin", reason="needs a non-UTF-8 file name")
def test_regression_a_file_name_that_is_not_utf8(tmp_path):
    """A pack file whose name is not UTF-8 crashed the digest (UnicodeEncodeError) and could not be printed."""
    pack = tmp_path / "mijnpakket"
    (pack / "trends").mkdir(parents=True)
    name = os.fsencode(pack / "trends") + b"/kapot\xff.yaml"
    with open(name, "wb") as handle:
        handle.write(b"id: [\n")
    result = load_content(pack=pack)
    problems = [str(p) for p in result.problems]
    assert any(p.startswith("mijnpakket/trends/kapot\ufffd.yaml:") for p in problems), problems
    assert not check_problems([p for p in result.problems if "kapot" not in p.file], [tmp_path, ROOT])
    done = run_game("validate", "--content", str(pack))
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr[-1000:]
    assert "kapot" in done.stdout


def test_long_and_multiline_values_give_one_short_line(tmp_path):
    text = TREND.replace("id: vergrijzing", "id: fuzz", 1).replace("category: demography", "category: " + "x" * 5000)
    text = text.replace("certainty: high", 'certainty: "hoog\\nheel hoog"')
    pack = write_pack(tmp_path, {"trends/fuzz.yaml": text})
    result = load_content(pack=pack)
    assert not check_problems(result.problems, [tmp_path, ROOT])
    assert all(len(str(p)) < 800 for p in result.problems), [len(str(p)) for p in result.problems]
    assert any("certainty" in p.field and '"hoog heel hoog"' in p.message for p in result.problems)


# ---------------------------------------------------------------------- no escaping the folders (file names)
SCENARIO = ORIGINAL["scenarios/samendam.yaml"].decode("utf-8")
ROLE = ORIGINAL["roles/wethouder.yaml"].decode("utf-8")
BAD_NAMES = {
    "parent_posix": "../../etc/passwd",
    "absolute_posix": "/etc/passwd",
    "parent_windows": "'..\\..\\x'",
    "drive_windows": "'C:\\Windows\\x'",
    "unc_share": "'\\\\server\\share\\x'",
    "nul_byte": '"samendam\\0.svg"',
    "home": "~/x.svg",
    "dot_dot": "..",
    "device_name": "NUL.svg",
    "folder_inside": "sub/x.svg",
}


class OpenedFiles:
    """Every file the process opens while `active` (an audit hook: it also sees pygame and C code)."""

    active = False
    paths: list[str] = []

    @classmethod
    def hook(cls, event: str, args: tuple) -> None:
        if cls.active and event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)):
            cls.paths.append(os.fsdecode(args[0]))


sys.addaudithook(OpenedFiles.hook)


@contextmanager
def _watch_opens():
    OpenedFiles.paths = []
    OpenedFiles.active = True
    try:
        yield OpenedFiles.paths
    finally:
        OpenedFiles.active = False


def _inside(path: str, *folders: Path) -> bool:
    real = Path(os.path.realpath(path))
    return any(real.is_relative_to(folder.resolve()) for folder in folders)


@pytest.mark.parametrize("kind", sorted(BAD_NAMES))
def test_a_file_name_in_content_cannot_point_outside(tmp_path, kind):
    bad = BAD_NAMES[kind]
    scenario = SCENARIO.replace("id: samendam", "id: eigendam", 1).replace("emblem: samendam.svg", f"emblem: {bad}")
    role = ROLE.replace("icon: wethouder.svg", f"icon: {bad}")
    assert f"emblem: {bad}" in scenario and f"icon: {bad}" in role
    pack = write_pack(tmp_path, {"scenarios/eigendam.yaml": scenario, "roles/wethouder.yaml": role})
    with _watch_opens() as opened:
        result = load_content(pack=pack)
    outside = [p for p in opened if not _inside(p, pack, BUILTIN)]
    assert not outside, f"the loader opened files outside the pack and the built-in content: {outside}"
    by_file = {(p.file, p.line, p.field): p.message for p in result.problems}
    emblem_line = scenario[: scenario.index("emblem:")].count("\n") + 1
    icon_line = role[: role.index("icon:")].count("\n") + 1
    for where, what in [
        (("mijnpakket/scenarios/eigendam.yaml", emblem_line, "emblem"), "assets/emblems"),
        (("mijnpakket/roles/wethouder.yaml", icon_line, "icon"), "assets/icons"),
    ]:
        assert where in by_file, [str(p) for p in result.problems]
        assert f"expected the plain name of a file in {what}" in by_file[where], by_file[where]
        assert "no folders" in by_file[where]
    assert "eigendam" not in result.content.scenarios
    assert not check_problems(result.problems, [tmp_path, ROOT])


@pytest.mark.parametrize("name", ["samendam.svg", "wethouder.svg", "mijn-embleem_2.svg", "A1", ""])
def test_a_plain_file_name_is_accepted(tmp_path, name):
    scenario = SCENARIO.replace("id: samendam", "id: eigendam", 1).replace("emblem: samendam.svg", f"emblem: '{name}'")
    result = load_content(pack=write_pack(tmp_path, {"scenarios/eigendam.yaml": scenario}))
    assert result.ok, [str(p) for p in result.problems]
    assert result.content.scenarios["eigendam"].emblem == name


BAD_ICON_NAMES = [
    "../../../../etc/passwd",
    "/etc/passwd",
    "..",
    "../icons/app",
    "..\\..\\x",
    "C:\\Windows\\x",
    "C:x",
    "\\\\server\\share\\x",
    "a\0b",
    "~/x",
    "",
    "sub/app",
]


def test_load_icon_refuses_names_that_leave_its_folder(tmp_path):
    import pygame

    from game.export.draw import icon_path, load_icon
    from game.paths import assets_dir

    pygame.init()
    assert icon_path("icons", "app") == assets_dir() / "icons" / "app.svg"
    assert load_icon("icons", "app", 24) is not None
    with _watch_opens() as opened:
        for name in BAD_ICON_NAMES:
            assert icon_path("icons", name) is None, name
            assert icon_path("emblems", name) is None, name
            assert load_icon("icons", name, 24) is None, name
            assert icon_path(name, "app") is None, name  # the folder is checked the same way
            assert load_icon(name, "app", 24) is None, name
    assert not [p for p in opened if not _inside(p, assets_dir())], opened


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need extra rights on Windows")
def test_a_pack_file_that_links_outside_the_pack_is_not_read(tmp_path):
    secret = tmp_path / "elders" / "geheim.yaml"
    secret.parent.mkdir()
    secret.write_text(TREND.replace("id: vergrijzing", "id: geheim", 1), encoding="utf-8")
    pack = write_pack(tmp_path, {"trends/goed.yaml": TREND.replace("id: vergrijzing", "id: goed", 1)})
    (pack / "trends" / "link.yaml").symlink_to(secret)
    (pack / "roles").symlink_to(BUILTIN / "roles", target_is_directory=True)
    with _watch_opens() as opened:
        result = load_content(pack=pack)
    assert str(secret) not in opened and not any("geheim" in p for p in opened)
    problems = [str(p) for p in result.problems]
    assert "mijnpakket/trends/link.yaml:1: (file): this file is a link to a place outside" in " ".join(problems)
    assert sum("is a link to a place outside" in p for p in problems) == 1 + 4, problems  # the file + 4 roles
    assert "geheim" not in result.content.trends and "goed" in result.content.trends
    inside = pack / "trends" / "ook_goed.yaml"
    inside.symlink_to(pack / "trends" / "goed.yaml")  # a link inside the pack is fine (a duplicate id here)
    assert any("ook_goed.yaml" in str(p) and "used twice" in str(p) for p in load_content(pack=pack).problems)
