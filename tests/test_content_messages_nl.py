"""Content problems in the interface's language (issue 18, item 6): every message the content loading gives
exists in Dutch and English, is said with all its parameters, and the Dutch says it in Dutch.

The four messages the issue names (a tab, an unquoted colour, a missing English text, a reference into a
skipped file) are checked word for word in both languages, on the content check screen and by
`validate --lang`; every other message is walked in both languages through the bad-input cases, a slice of
the fuzz cases and one bad value per validator.
"""

from __future__ import annotations

import json
import re

import pytest
from pydantic import ValidationError

from game.content import load_content, yamlread
from game.content import models as m
from game.content.messages import errors_of
from game.content.phrases import Phrase
from game.words import LANGUAGES, MISSING, words
from tests.conftest import run_game
from tests.test_content_bad_input import CASES, _pack, _trend
from tests.test_robustness_content import mutate_case

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
# Words that give away an English sentence in a Dutch text (a field description stays English by design, and
# PyYAML's rarer complaints do: the four messages of the issue have neither).
ENGLISH = re.compile(r"\b(the|this|expected|field|which|because|skipped|missing|needs|got|put|quotes|file)\b")

# The four messages of the issue: (case, Dutch words, English words) - the English as the messages always said.
FOUR = {
    "tab_indentation": ("deze regel springt in met een tab; YAML wil spaties", "indented with a tab"),
    "unquoted_colour": (
        "dit veld is leeg, want voor YAML begint met # een opmerking; zet de waarde tussen aanhalingstekens, "
        'zo: color: "#7b4f9d"',
        'because to YAML a # starts a comment; put the value in quotes, like color: "#7b4f9d"',
    ),
    "missing_english": (
        "de Engelse tekst ontbreekt; zet er een regel `en: ...` bij",
        "this field is missing; expected the English text",
    ),
    "reference_into_a_skipped_file": (
        'het scenario "vierde" staat in mijnpakket/scenarios/vierde.yaml, en dat bestand is overgeslagen',
        'the scenario "vierde" is in mijnpakket/scenarios/vierde.yaml, which was skipped because of its own problems',
    ),
}


def _case_problems(tmp_path, name):
    files, where, _what = CASES[name]()
    files["trends/goed.yaml"] = _trend("goed")
    pack = _pack(tmp_path, files)
    return pack, where, load_content(pack=pack).problems


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", sorted(FOUR))
def test_the_four_messages_of_the_issue_in_both_languages(tmp_path, name, lang):
    pack, where, problems = _case_problems(tmp_path, name)
    dutch, english = FOUR[name]
    found = [p for p in problems if str(p).startswith(where)]
    assert found, [str(p) for p in problems]
    problem = found[0]
    text = problem.text(lang)
    assert (dutch if lang == "nl" else english) in text, text
    assert english in problem.message  # the command line's and --json's English stays as it was
    if lang == "nl":
        assert not ENGLISH.search(text), text
        assert not PLACEHOLDER.search(text), text
    else:
        assert text == problem.message


def test_the_content_check_screen_and_validate_say_them_in_the_chosen_language(tmp_path):
    from game.ui.scenes.content_check import ContentCheckScene

    pack, where, problems = _case_problems(tmp_path, "tab_indentation")
    tab = next(p for p in problems if str(p).startswith(where))
    assert ContentCheckScene.problem_line(tab, "nl") == f"{tab.file}:{tab.line}: {tab.field}: {tab.text('nl')}"
    assert "springt in met een tab" in ContentCheckScene.problem_line(tab, "nl")
    assert "indented with a tab" in ContentCheckScene.problem_line(tab, "en")

    done = run_game("validate", "--content", str(pack), "--lang", "nl", env={"PYTHONIOENCODING": "utf-8"})
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert any(line.startswith(where) and "springt in met een tab" in line for line in done.stdout.splitlines())
    english = run_game("validate", "--content", str(pack), env={"PYTHONIOENCODING": "utf-8"})
    assert english.stdout.splitlines() == [str(p) for p in problems]  # the default stays English, as before

    as_json = json.loads(run_game("validate", "--content", str(pack), "--json", "--lang", "nl").stdout)
    error = next(e for e in as_json["errors"] if e["field"] == "(file)" and "tab" in e["message"])
    assert "indented with a tab" in error["message"] and "springt in met een tab" in error["text"]


def test_validate_of_the_builtin_content_still_says_ok():
    done = run_game("validate", "--lang", "nl")
    assert done.returncode == 0 and done.stdout.startswith("ok: "), done.stdout


def test_every_content_key_is_in_dutch_and_english():
    table = words()
    keys = {lang: {k for k in table[lang] if k.startswith("content.")} for lang in LANGUAGES}
    assert keys["nl"] == keys["en"] and len(keys["nl"]) > 50
    assert all(table[lang][key].strip() for lang in LANGUAGES for key in keys[lang])


def _said_everywhere(problems) -> list[str]:
    """What is wrong with the problems said in both languages: a placeholder left, a key not in the catalogue."""
    wrong = []
    for p in problems:
        for lang in LANGUAGES:
            text = p.text(lang)
            if PLACEHOLDER.search(text) or "content." in text or not text.strip():
                wrong.append(f"{lang}: {p.file}:{p.line}: {text}")
        if p.key and p.text("en") != p.message:
            wrong.append(f"en text differs from the message: {p}")
    return wrong


def test_every_bad_input_case_is_said_in_both_languages(tmp_path):
    MISSING.clear()
    wrong, keys = [], set()
    for name in sorted(CASES):
        _pack_dir, _where, problems = _case_problems(tmp_path / name, name)
        wrong += _said_everywhere(problems)
        keys |= {p.key for p in problems}
    for index in range(0, 1000, 7):  # a slice of the fuzz cases: most kinds of read and shape problems
        rel, _applied, data, _in_base = mutate_case(index)
        pack = tmp_path / "fuzz" / str(index)
        (pack / rel).parent.mkdir(parents=True)
        (pack / rel).write_bytes(data)
        problems = load_content(pack=pack).problems
        wrong += _said_everywhere(problems)
        keys |= {p.key for p in problems}
    assert not wrong, wrong[:10]
    assert not {k for k in MISSING if k.startswith("content.")}, MISSING
    assert len(keys) > 20, keys  # the walk reached many different messages


def test_pyyamls_common_complaints_have_dutch_words():
    table = words()
    for said in set(yamlread._YAML_PROBLEMS.values()):
        assert f"content.yaml.{said}" in table["nl"], said
    with pytest.raises(yamlread.ReadError) as caught:
        yamlread.parse_text("a: b: c\n")
    assert "mapping values are not allowed" in caught.value.message
    assert "dubbele punt" in caught.value.phrase.say("nl")


GOOD_ACTION = {
    "id": "test_actie",
    "kind": "talk",
    "name": {"nl": "Praten", "en": "Talk"},
    "description": {"nl": "Een gesprek.", "en": "A talk."},
}
MOVE = {"id": "zet", "name": {"nl": "Zet", "en": "Move"}, "text": {"nl": "Tekst.", "en": "Text."}}
ANSWER = {"id": "aa", "stance": "let_go", "text": {"nl": "Loslaten", "en": "Let go"}}

# One bad value per validator of the models: (model, data, English words of its message)
VALIDATORS = {
    "bounded_text": (m.ActionDef, {**GOOD_ACTION, "ap": "veel"}, 'expected a whole number between 0 and 2, got "veel"'),
    "bounded_range": (m.ActionDef, {**GOOD_ACTION, "ap": 7}, "expected a whole number between 0 and 2, got 7"),
    "bounded_list": (m.ActionDef, {**GOOD_ACTION, "ap": [1]}, "got a list"),
    "fraction": (m.Match, {"role": "inwoner", "share": 9.5}, "expected a number between 0.1 and 2, got 9.5"),
    "file_name": (m.Role, {"icon": "../x.svg"}, "expected the plain name of a file in assets/icons"),
    "invisible": (m.Title, {"nl": "\u200b", "en": "x"}, "no visible character"),
    "too_long_and_long_word": (
        m.Title,
        {"nl": "x" * 130, "en": "x"},
        "this text is 130 characters long; at most 120 fit in a title or name, and the word",
    ),
    "thousands": (m.LongText, {"nl": "woord " * 600, "en": "x"}, "this text is 3,599 characters long; at most 3,000"),
    "answer_count": (m.Trend, {"responses": [ANSWER]}, "a dilemma has two or three answers, not 1"),
    "own_ids": (m.Trend, {"responses": [ANSWER, ANSWER]}, "every answer of a dilemma needs its own id: aa, aa"),
    "own_stances": (
        m.Trend,
        {"responses": [ANSWER, {**ANSWER, "id": "bb"}]},
        "every answer of a dilemma needs its own stance: let_go, let_go",
    ),
    "actor_moves": (m.Actor, {"moves": [MOVE, MOVE]}, "every move of an actor needs its own id: zet, zet"),
    "table_funds": (m.ActorMove, {**MOVE, "fund": {"money": 1}}, "a move towards the table cannot fund"),
    "coalition_at_start": (
        m.ActorMove,
        {**MOVE, "towards": "coalition", "at": "round_start"},
        "a move towards a coalition happens at the resolution",
    ),
    "dilemma_moment": (m.ActorMove, {**MOVE, "responses": [ANSWER]}, "a move with a dilemma (responses)"),
    "no_vital": (
        m.ActorMove,
        {**MOVE, "at": "round_start", "when": {"no_vital_coalition": True}},
        "no_vital_coalition is read at the resolution",
    ),
    "rounds": (
        m.ActorMove,
        {**MOVE, "when": {"from_round": 4, "until_round": 2}},
        "from_round 4 is after until_round 2",
    ),
    "colour": (m.Scenario, {"color": "#7b4f9"}, 'expected the accent colour, like "#2a7f62", got "#7b4f9"'),
    "id": (m.Stance, {"id": "Hoofdletter", "name": {"nl": "a", "en": "a"}}, "expected a short id of lowercase"),
    "choice": (m.Trend, {"certainty": "zeker"}, "expected one of 'low', 'medium' or 'high', got \"zeker\""),
    "mapping": (m.Trend, {"effects": "veel"}, "expected lines of the form `name: value` here"),
    "unknown_field": (m.Stance, {"id": "ab", "name": {"nl": "a", "en": "a"}, "kleur": 1}, 'unknown field "kleur"'),
}


@pytest.mark.parametrize("name", sorted(VALIDATORS))
def test_each_validator_says_its_message_in_both_languages(name):
    model, data, english = VALIDATORS[name]
    MISSING.clear()
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    said = [(loc, phrase) for loc, phrase in errors_of(caught.value, model) if english in phrase.say("en")]
    assert said, [p.say("en") for _loc, p in errors_of(caught.value, model)]
    phrase: Phrase = said[0][1]
    nl, en = phrase.say("nl"), phrase.say("en")
    assert nl != en and not PLACEHOLDER.search(nl) and not PLACEHOLDER.search(en), (nl, en)
    assert "content." not in nl + en and not {k for k in MISSING if k.startswith("content.")}
    if name == "thousands":
        assert "3.599 tekens" in nl and "3.000" in nl  # Dutch groups thousands with a dot
    if name == "choice":
        assert "'low', 'medium' of 'high'" in nl
