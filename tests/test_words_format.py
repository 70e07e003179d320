"""One way to write a percentage, a person with a role, a change and a date (issue 17, "One truth on the beamer")."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from game.words import NBSP, day_time, percent, person, role_word, signed_change, words


def test_a_percentage_is_13_percent_in_english_and_13_space_percent_in_dutch():
    assert percent(13, "en") == "13%"
    assert percent(13, "nl") == f"13{NBSP}%"
    assert percent(45.0, "nl", 1) == f"45{NBSP}%"  # a whole number without its ",0"
    assert percent(45.25, "nl", 1) == f"45,3{NBSP}%" or percent(45.25, "nl", 1) == f"45,2{NBSP}%"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_percent_sign_in_the_catalogue_follows_the_one_rule(lang):
    """A number or a {parameter} before "%": Dutch puts a no-break space between them, English nothing."""
    bad = []
    for key, text in words()[lang].items():
        for match in re.finditer(r"([}\d])(\s?)%", text):
            space = match.group(2)
            if (lang == "nl" and space != NBSP) or (lang == "en" and space):
                bad.append((key, text))
    assert not bad, bad


def test_a_person_with_a_role_has_one_format_without_brackets_in_brackets():
    from game.content.loader import load_content

    content = load_content().content
    for role in content.roles.values():
        for lang in ("nl", "en"):
            who = person("Anna", role, lang)
            assert who.count("(") == 1 and who.endswith(")"), who
            word = role_word(role, lang)
            assert word[:1].isupper(), word  # capitalised as on the role cards
    wethouder = content.roles["wethouder"]
    assert person("Anna", wethouder, "en") == "Anna (Wethouder)"
    assert person("Anna", wethouder, "nl") == "Anna (Wethouder)"
    assert person("Bas", None, "nl", "inwoner") == "Bas (inwoner)"  # a role the content lacks: its id


def test_a_change_of_nothing_is_plus_minus_zero():
    assert signed_change(0, "nl") == "±0"
    assert signed_change(2, "nl") == "+2"
    assert signed_change(-2.5, "nl", 1) == "−2,5"


def test_a_day_in_a_list_is_day_month_in_words():
    moment = datetime(2026, 12, 5, 15, 2)
    assert day_time(moment, "en") == "5 Dec 15:02"
    assert day_time(moment, "nl") == "5 dec 15:02"


def test_the_load_screen_names_a_damaged_file_by_its_name_in_a_plain_sentence(tmp_path):
    from game.content.loader import load_content
    from game.saves import SaveError
    from game.ui.scenes.load import file_label, problem_text

    content = load_content().content
    path = tmp_path / "saves" / "spel-samendam-2-20260101T100000.json"
    exc = SaveError("not_json", path=str(path), line=6, error="Expecting value")
    for lang in ("nl", "en"):
        label = file_label(path, content, lang)
        assert label.startswith("Samendam, ") and "spel-" not in label
        text = problem_text(exc, label, lang)
        assert path.name in text and str(tmp_path) not in text and "JSON" not in text, text


def test_the_debriefs_log_saved_line_is_news_for_a_few_seconds():
    from game.ui.scenes.debrief import NEWS_SECONDS
    from tests.screens import open_screen
    from tests.ui_driver import new_app, step

    app = new_app(size=(1280, 720))
    open_screen(app, "debrief")
    step(app, 2)
    scene = app.top
    assert "logs/" in scene.status and scene.status_line() == scene.status
    step(app, int(NEWS_SECONDS / 0.5) + 2, dt=0.5)
    assert scene.status_line() == "" and "logs/" in scene.status  # gone from the screen, kept for the tests


def test_the_content_check_names_page_up_down_only_when_the_list_scrolls():
    from tests.screens import open_screen
    from tests.ui_driver import new_app, step

    app = new_app(size=(1280, 720))
    open_screen(app, "content_check")
    step(app, 2)
    scene = app.top
    assert not scene.problems and "Page" not in scene.keys_text()
