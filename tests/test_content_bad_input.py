"""Bad content gets a clear `file:line: field: message`, exit 1, no traceback; good files still load."""

import json
import shutil
from pathlib import Path

import pytest

from game.content import load_content
from tests.conftest import ROOT, run_game

GOOD_TREND = (ROOT / "content" / "trends" / "vergrijzing.yaml").read_text(encoding="utf-8")


def _pack(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    pack = tmp_path / "mijnpakket"
    for rel, data in files.items():
        path = pack / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            data = data.encode("utf-8")
        path.write_bytes(data)
    return pack


def _trend(new_id: str, replace: tuple[str, str] | None = None) -> str:
    text = GOOD_TREND.replace("id: vergrijzing", f"id: {new_id}", 1)
    if replace:
        assert replace[0] in text
        text = text.replace(replace[0], replace[1], 1)
    return text


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def _problems(pack: Path):
    result = load_content(pack=pack)
    return result, [str(p) for p in result.problems]


def _assert_still_usable(result, good_id="goed"):
    assert good_id in result.content.trends, "the valid file in the pack must still load"
    assert len(result.content.scenarios) == 3


CASES = {}


def case(fn):
    CASES[fn.__name__] = fn
    return fn


@case
def yaml_syntax_error():
    text = _trend("kapot", ("category: demography", "category: [demography"))
    return {"trends/kapot.yaml": text}, "mijnpakket/trends/kapot.yaml:", "not valid YAML"


@case
def missing_required_field():
    text = _trend("zonder_vraag")
    text = text[: text.index("question:")]
    return {"trends/zonder_vraag.yaml": text}, "mijnpakket/trends/zonder_vraag.yaml:2: question:", "missing"


@case
def wrong_type():
    text = _trend("verkeerd", ("wellbeing: -3", 'wellbeing: "veel"'))
    line = _line_of(text, 'wellbeing: "veel"')
    return (
        {"trends/verkeerd.yaml": text},
        f"mijnpakket/trends/verkeerd.yaml:{line}: effects.indicators.wellbeing:",
        'expected a whole number between -20 and 20, got "veel"',
    )


@case
def unknown_field():
    text = _trend("extra", ("category: demography", "category: demography\ncolour: red"))
    line = _line_of(text, "colour: red")
    return {"trends/extra.yaml": text}, f"mijnpakket/trends/extra.yaml:{line}: colour:", 'unknown field "colour"'


@case
def duplicate_id():
    text = _trend("dubbel")
    return (
        {"trends/dubbel.yaml": text, "trends/dubbel2.yaml": text},
        "mijnpakket/trends/dubbel2.yaml:2: id:",
        'the id "dubbel" is used twice',
    )


@case
def dangling_reference():
    text = _trend("los", ("  samendam:\n", "  utopia:\n"))
    line = _line_of(text, "  utopia:")
    return (
        {"trends/los.yaml": text},
        f"mijnpakket/trends/los.yaml:{line}: modifiers.utopia:",
        'there is no scenario "utopia"',
    )


@case
def not_utf8():
    data = _trend("latijn").replace("Nederland wordt", "Nederland w\u00e9rdt").encode("latin-1")
    return {"trends/latijn.yaml": data}, "mijnpakket/trends/latijn.yaml:8: (file):", "not UTF-8"


@case
def empty_file():
    return {"trends/leeg.yaml": ""}, "mijnpakket/trends/leeg.yaml:1: (file):", "the file is empty"


@case
def python_tag():
    text = "id: !!python/object/apply:os.system ['touch /tmp/vc-pwned']\n" + _trend("tag").split("\n", 2)[2]
    return (
        {"trends/tag.yaml": text},
        "mijnpakket/trends/tag.yaml:1: (file):",
        "the YAML tag tag:yaml.org,2002:python/object/apply:os.system is not allowed",
    )


@case
def huge_file():
    text = _trend("groot") + "#" + "x" * 5_000_000 + "\n"
    return {"trends/groot.yaml": text}, "mijnpakket/trends/groot.yaml:1: (file):", "5.0 MB"


@case
def tab_indentation():
    text = _trend("tab", ("\n  en: ", "\n\ten: "))
    line = _line_of(text, "\ten: ")
    return {"trends/tab.yaml": text}, f"mijnpakket/trends/tab.yaml:{line}:", "indented with a tab"


@case
def unquoted_colour():
    text = (ROOT / "content" / "scenarios" / "samendam.yaml").read_text(encoding="utf-8")
    text = text.replace("id: samendam", "id: vierde", 1).replace('color: "#1b7f6b"', "color: #7b4f9d", 1)
    line = _line_of(text, "color: #7b4f9d")
    where = f"mijnpakket/scenarios/vierde.yaml:{line}: color:"
    return (
        {"scenarios/vierde.yaml": text},
        where,
        'because to YAML a # starts a comment; put the value in quotes, like color: "#7b4f9d"',
    )


@case
def missing_english():
    text = _trend("alleen_nl")
    start = text.index("question:")
    en = text.index("  en:", start)
    end = text.index("\n", en) + 1
    while text[end:].startswith("    "):  # a folded text goes on over indented lines
        end = text.index("\n", end) + 1
    text = text[:en] + text[end:]
    where = f"mijnpakket/trends/alleen_nl.yaml:{_line_of(text, 'question:')}: question.en:"
    return {"trends/alleen_nl.yaml": text}, where, "this field is missing; expected the English text"


@case
def reference_into_a_skipped_file():
    scenario = (ROOT / "content" / "scenarios" / "samendam.yaml").read_text(encoding="utf-8")
    scenario = scenario.replace("id: samendam", "id: vierde", 1).replace("economy: mild_shrinkage", "economy: boom")
    trend = _trend("verwijst", ("modifiers:\n", "modifiers:\n  vierde: {progress: 1}\n"))
    where = f"mijnpakket/trends/verwijst.yaml:{_line_of(trend, '  vierde:')}: modifiers.vierde:"
    what = 'the scenario "vierde" is in mijnpakket/scenarios/vierde.yaml, which was skipped because of its own problems'
    return {"scenarios/vierde.yaml": scenario, "trends/verwijst.yaml": trend}, where, what


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_content_is_reported_with_file_and_line(tmp_path, name):
    files, where, what = CASES[name]()
    files["trends/goed.yaml"] = _trend("goed")
    pack = _pack(tmp_path, files)
    result, problems = _problems(pack)
    assert not result.ok
    matching = [p for p in problems if p.startswith(where) and what in p]
    assert matching, f"expected a problem starting {where!r} containing {what!r}; got {problems}"
    _assert_still_usable(result)


@pytest.mark.parametrize("name", ["wrong_type", "python_tag", "not_utf8", "duplicate_id"])
def test_validate_cli_exits_1_without_traceback(tmp_path, name):
    files, where, what = CASES[name]()
    files["trends/goed.yaml"] = _trend("goed")
    pack = _pack(tmp_path, files)
    done = run_game("validate", "--content", str(pack), env={"PYTHONIOENCODING": "utf-8"})
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    lines = [line for line in done.stdout.splitlines() if line]
    assert all(line.count(":") >= 3 for line in lines), lines
    assert any(what in line for line in lines)
    as_json = run_game("validate", "--content", str(pack), "--json")
    data = json.loads(as_json.stdout)
    assert as_json.returncode == 1 and data["ok"] is False
    assert {"file", "line", "field", "message"} <= set(data["errors"][0])
    assert "goed" in data["trends"]


def test_python_tag_is_never_executed(tmp_path):
    marker = tmp_path / "pwned"
    text = f"id: !!python/object/apply:os.system ['touch {marker}']\n"
    pack = _pack(tmp_path, {"trends/tag.yaml": text})
    load_content(pack=pack)
    run_game("validate", "--content", str(pack))
    assert not marker.exists()


def test_all_problems_are_reported_not_only_the_first(tmp_path):
    text = _trend("veel", ("wellbeing: -3", "wellbeing: veel"))
    text = text.replace("certainty: high", "certainty: zeker")
    pack = _pack(tmp_path, {"trends/veel.yaml": text, "trends/leeg.yaml": ""})
    result, problems = _problems(pack)
    assert len(problems) >= 3, problems
    assert any("certainty" in p and "expected one of" in p for p in problems)


def test_a_pack_can_replace_and_add_items(tmp_path):
    replaced = GOOD_TREND.replace("nl: Vergrijzing", "nl: Vergrijzing in ons dorp")
    pack = _pack(tmp_path, {"trends/vergrijzing.yaml": replaced, "trends/nieuw.yaml": _trend("nieuw")})
    result, problems = _problems(pack)
    assert result.ok, problems
    assert result.content.trends["vergrijzing"].title.nl == "Vergrijzing in ons dorp"
    assert len(result.content.trends) == 22
    assert result.content.sources[("trends", "vergrijzing")] == "mijnpakket/trends/vergrijzing.yaml"


def test_a_pack_scenario_can_be_referred_to_by_pack_trends(tmp_path):
    scenario = (ROOT / "content" / "scenarios" / "samendam.yaml").read_text(encoding="utf-8")
    scenario = scenario.replace("id: samendam", "id: eigendam", 1)
    trend = _trend("eigen", ("  samendam:\n", "  eigendam:\n"))
    pack = _pack(tmp_path, {"scenarios/eigendam.yaml": scenario, "trends/eigen.yaml": trend})
    result, problems = _problems(pack)
    assert result.ok, problems
    assert "eigendam" in result.content.scenarios


def test_validate_refuses_a_missing_pack_folder(tmp_path):
    done = run_game("validate", "--content", str(tmp_path / "nope"))
    assert done.returncode == 2
    assert "does not exist" in done.stderr and "Traceback" not in done.stderr


def test_the_builtin_folder_copied_as_a_pack_is_valid(tmp_path):
    pack = tmp_path / "kopie"
    shutil.copytree(ROOT / "content", pack)
    result, problems = _problems(pack)
    assert result.ok, problems
