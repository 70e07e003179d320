"""A trainer's tools for content packs: `schema` (JSON Schemas for editors), `new-pack` (a commented starting
pack) and the field reference made from the models, which the guides hold between markers."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from game.cli import main
from game.content import load_content
from game.content.newpack import in_language, new_ids, template_dir, write_new_pack
from game.content.reference import command, embed, embedded, guide, reference_markdown
from game.content.schema import all_schemas, combined_schema, file_pattern, kind_schema, kinds, schema_file
from tests.conftest import ROOT, run_game


def _validator(kind: str):
    schema = kind_schema(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _problems(kind: str, data) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in _validator(kind).iter_errors(data)]


@pytest.mark.parametrize("kind", list(kinds()))
def test_the_schema_of_each_kind_accepts_every_built_in_file(kind):
    files = sorted((ROOT / "content").glob(file_pattern(kind)))
    assert files, f"no built-in file for {kind}"
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert _problems(kind, data) == [], path.name
        # the one combined schema takes it as well
        assert not list(jsonschema.Draft202012Validator(combined_schema()).iter_errors(data)), path.name


def test_each_schema_says_which_files_it_is_for():
    schemas = all_schemas()
    assert set(schemas) == {schema_file(kind) for kind in kinds()}
    assert "scenarios/*.yaml" in schemas["scenarios.schema.json"]["title"]
    assert "rules.yaml" in schemas["rules.schema.json"]["description"]
    assert [b["title"] for b in combined_schema()["anyOf"]] == [f"Vitale Coalities: {file_pattern(k)}" for k in kinds()]


def test_the_schema_knows_bounds_words_lengths_and_unknown_fields(content):
    trend = yaml.safe_load((ROOT / "content/trends/eenzaamheid.yaml").read_text(encoding="utf-8"))
    assert _problems("trends", {**trend, "effects": {"progress": 30}})  # bounded(-15, 15)
    assert _problems("trends", {**trend, "effects": {"indicators": {"geluk": 2}}})  # not an indicator
    assert _problems("trends", {**trend, "category": "weather"})
    assert _problems("trends", {**trend, "title": {"nl": "x" * 121, "en": "x"}})  # a title is at most 120
    assert _problems("trends", {**trend, "title": {"nl": "Eenzaamheid"}})  # the English is required
    assert _problems("trends", {**trend, "tittle": trend["title"]})  # a typo is an unknown field
    assert _problems("trends", {**trend, "effects": {"trust": True}})  # YAML's yes is not a number
    scenario = yaml.safe_load((ROOT / "content/scenarios/ikhoven.yaml").read_text(encoding="utf-8"))
    assert _problems("scenarios", {**scenario, "color": None})  # an unquoted "#7b4f9d" reads as nothing
    assert _problems("scenarios", [scenario]) == []  # a file may hold a list of items


def test_schema_command_writes_one_file_per_kind_and_prints_the_combined_one(tmp_path, capsys):
    assert main(["schema", "--out", str(tmp_path / "schema")]) == 0
    out = capsys.readouterr().out
    assert sorted(p.name for p in (tmp_path / "schema").iterdir()) == sorted(all_schemas())
    assert '"yaml.schemas"' in out and "scenarios/*.yaml" in out
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["anyOf"]
    (tmp_path / "file").write_text("x")
    assert main(["schema", "--out", str(tmp_path / "file")]) == 2
    assert "is a file" in capsys.readouterr().err


def test_new_pack_validates_plays_and_checks_against_its_own_schemas(tmp_path, capsys):
    pack = tmp_path / "mijn-pakket"
    assert main(["new-pack", str(pack)]) == 0
    assert "validate --content" in capsys.readouterr().out
    loaded = load_content(pack=pack)
    assert loaded.ok, "\n".join(map(str, loaded.problems))
    ids = new_ids()
    assert ids.keys() == {"scenarios", "trends", "challenges"}
    for kind, found in ids.items():
        assert set(found) <= set(getattr(loaded.content, kind)), kind
        for item in found:
            path = pack / kind / f"{item}.yaml"
            text = path.read_text(encoding="utf-8")
            first = text.splitlines()[0]
            assert first == f"# yaml-language-server: $schema=../schema/{kind}.schema.json"
            schema = json.loads((pack / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
            assert not list(jsonschema.Draft202012Validator(schema).iter_errors(yaml.safe_load(text)))
            assert "#nl" not in text and "#en" not in text
    scenario = ids["scenarios"][0]
    assert main(["simulate", "--content", str(pack), "--scenario", scenario, "--games", "20", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)["results"][0]
    assert result["games"] == 20 and result["scenario"] == scenario


def test_new_pack_refuses_a_folder_that_holds_something(tmp_path):
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "notes.txt").write_text("mine")
    done = run_game("new-pack", str(taken))
    assert done.returncode == 2
    assert "not empty" in done.stderr and "nothing was written" in done.stderr
    assert "Traceback" not in done.stderr
    assert sorted(p.name for p in taken.iterdir()) == ["notes.txt"]
    (tmp_path / "empty").mkdir()
    assert write_new_pack(tmp_path / "empty", "en")  # an empty folder is fine


def test_the_starting_pack_keeps_the_comments_of_one_language():
    source = (template_dir() / "trends").glob("*.yaml")
    text = next(iter(source)).read_text(encoding="utf-8")
    assert "#nl " in text and "#en " in text
    dutch, english = in_language(text, "nl"), in_language(text, "en")
    assert "#nl" not in dutch + english and "#en" not in dutch + english
    assert yaml.safe_load(dutch) == yaml.safe_load(english) == yaml.safe_load(text)
    assert dutch != english


def test_the_reference_names_every_field_of_every_model():
    text = reference_markdown("en")
    texts = {"Text", "Title", "LongText"}  # said inline ("text: nl and en, ..."), not in a table of their own
    for name, schema in kind_schema("scenarios")["$defs"].items():
        for field in schema.get("properties", {}) if name not in texts else ():
            assert f"| `{field}` |" in text, field
    assert "whole number from −20 to 20" in text and "`trust_gov` (trust in local government)" in text
    dutch = reference_markdown("nl")
    assert "geheel getal van −20 tot en met 20" in dutch and "`wellbeing` (welzijn)" in dutch


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_guides_hold_the_reference_the_models_make_now(lang):
    path = ROOT / guide(lang)
    held = embedded(path.read_text(encoding="utf-8"))
    assert held is not None, f"{guide(lang)} has no field reference between its markers; run `{command(lang)}`"
    assert held == reference_markdown(lang), (
        f"{guide(lang)}'s field reference differs from the models and the built-in content; "
        f"run `{command(lang)}` and commit the result"
    )


def test_the_reference_goes_between_the_markers_and_nowhere_else(tmp_path, capsys):
    guide_file = tmp_path / "guide.md"
    guide_file.write_text(
        "# Guide\n\nbefore\n\n<!-- field-reference:start -->\nold\n<!-- field-reference:end -->\nafter\n"
    )
    assert main(["schema", "--reference", "--lang", "en", "--out", str(guide_file)]) == 0
    text = guide_file.read_text()
    assert text.startswith("# Guide\n\nbefore\n\n") and text.endswith("after\n") and "\nold\n" not in text
    assert embed(text, reference_markdown("en")) == text
