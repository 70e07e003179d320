"""The built-in content: complete, bilingual, and within the word ranges the design asks for."""

import json

from pydantic import BaseModel

from game.content.models import Text
from tests.conftest import run_game


def _texts(value, path=""):
    """Every Text inside a model, with where it is."""
    if isinstance(value, Text):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), f"{path}.{name}")
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _texts(item, f"{path}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, f"{path}.{key}")


def test_validate_json_lists_the_builtin_content():
    done = run_game("validate", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["ok"] is True and data["errors"] == []
    assert sorted(data["scenarios"]) == ["ikhoven", "samendam", "staatsburcht"]
    assert len(data["trends"]) == 21
    assert sorted(data["roles"]) == ["bedrijf", "inwoner", "professional", "wethouder"]
    assert len(data["challenges"]) >= 5


def test_every_player_facing_text_has_dutch_and_english(content):
    missing = []
    for kind in ("scenarios", "trends", "roles", "challenges", "actions", "knobs"):
        for item_id, item in getattr(content, kind).items():
            for path, text in _texts(item):
                if not text.nl.strip() or not (text.en or "").strip():
                    missing.append(f"{kind}/{item_id}{path}")
    assert not missing, missing


def _words(text):
    return len(text.split())


def test_scenario_descriptions_are_150_to_300_words(content):
    for scenario in content.scenarios.values():
        for lang in ("nl", "en"):
            words = _words(scenario.description.get(lang))
            assert 150 <= words <= 300, (scenario.id, lang, words)
        assert len(scenario.reflection_questions) >= 4


def test_trend_texts_are_60_to_120_words(content):
    for trend in content.trends.values():
        for lang in ("nl", "en"):
            words = _words(trend.text.get(lang))
            assert 60 <= words <= 120, (trend.id, lang, words)


def test_roles_challenges_and_knobs_are_complete(content):
    for role in content.roles.values():
        assert len(role.private_goals) >= 2
        assert role.signature_actions
    for challenge in content.challenges.values():
        assert len(challenge.kvds) >= 3
    assert sorted(k.number for k in content.knobs.values()) == [1, 2, 3, 4, 5]


def test_the_scenarios_follow_the_seed_articles(content):
    s = content.scenarios
    assert s["samendam"].economy == "mild_shrinkage"
    assert s["ikhoven"].economy == "heavy_shrinkage"
    assert s["staatsburcht"].economy == "growth"
    # Fit is earned, not gated: no built-in future bans a lead or requires a role.
    for scenario in s.values():
        crit = scenario.rules.coalition
        assert not (crit.lead_roles or crit.forbidden_lead_roles or crit.required_roles), scenario.id
    # Samendam: residents leading yield most; Ikhoven: a leading municipality yields least, and pays for it in
    # trust every round; Staatsburcht: the wethouder leading yields most, and the region adds money.
    # The actors: Staatsburcht's region funds coalitions with the wethouder and takes over; Ikhoven's national
    # government takes a task back and puts a dilemma to the table; Samendam's matches residents' effort.
    yields = {sc: s[sc].rules.coalition.lead_yield for sc in s}
    assert max(yields["samendam"], key=yields["samendam"].get) == "inwoner"
    assert min(yields["ikhoven"], key=yields["ikhoven"].get) == "wethouder"
    assert s["ikhoven"].rules.coalition.lead_round["wethouder"].trust < 0
    assert max(yields["staatsburcht"], key=yields["staatsburcht"].get) == "wethouder"
    region = {a.level: a for a in s["staatsburcht"].actors}["region"]
    assert region.budget > 0 and any(m.fund and "wethouder" in m.when.with_roles for m in region.moves)
    assert any(m.towards == "table" and m.when.no_vital_coalition for m in region.moves)
    national = {a.level: a for a in s["ikhoven"].actors}["national"]
    assert any(m.responses and m.at == "round_start" for m in national.moves)
    national = {a.level: a for a in s["samendam"].actors}["national"]
    assert any(m.match is not None and m.match.role == "inwoner" for m in national.moves)


def test_the_content_bundle_is_immutable(content):
    import pydantic
    import pytest

    with pytest.raises(TypeError):
        content.scenarios["x"] = None  # type: ignore[index]
    with pytest.raises(pydantic.ValidationError):
        content.scenarios["samendam"].id = "y"  # frozen model
    assert len(content.digest) == 64
