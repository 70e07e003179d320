"""A trainer's pack with a fourth and a fifth future (one with its own emblem, one without), a role and a
challenge: each future is chosen on the setup with the mouse, at 1280x720 and 1920x1080, and played to the
debrief; the how-to names every future."""

from __future__ import annotations

import pygame
import pytest

from game.ui.scenes.howto import PAGES
from tests.conftest import ROOT
from tests.test_ui_game import play_through
from tests.ui_driver import click, find_button, layout_problems, new_app, step, texts_on_screen

PACK = ROOT / "tests" / "packs" / "vijf_toekomsten"


def _to_setup(app):
    click(app, find_button(app, "Nieuw spel"))
    assert app.top.name == "setup"


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_every_future_of_a_pack_is_chosen_with_the_mouse_on_the_setup(size):
    app = new_app(size, content_pack=PACK)
    content = app.content
    assert len(content.scenarios) == 5 and "huisarts" in content.roles and "woningnood" in content.challenges
    _to_setup(app)
    window = app.window.get_rect()
    for sid in content.scenario_ids():
        name = content.scenarios[sid].name.nl
        btn = find_button(app, name)
        assert btn is not None, name
        assert window.contains(btn.rect), (name, btn.rect)
        click(app, btn)
        assert app.top.choices.scenario == sid
        assert layout_problems(app) == [], (sid, layout_problems(app))


def test_the_pack_s_role_and_challenge_can_be_chosen_on_the_setup():
    app = new_app((1280, 720), content_pack=PACK)
    _to_setup(app)
    seen_roles, seen_challenges = set(), set()
    for _ in range(12):
        click(app, find_button(app, "›"))  # the challenge cycles
        seen_challenges.add(app.top.choices.challenge)
    rect = pygame.Rect(find_button(app, "Wethouder").rect)  # the first seat's role: it cycles too
    for _ in range(6):
        seen_roles.add(app.top.choices.seats[0].role)
        click(app, next(b for b in app.top.buttons if b.alive() and b.rect == rect))
    assert "woningnood" in seen_challenges
    assert "huisarts" in seen_roles


@pytest.mark.parametrize("size, scenario", [((1280, 720), "Zorgdorp"), ((1920, 1080), "Netwerkstad")])
def test_a_pack_s_future_is_played_to_the_debrief(size, scenario):
    import time

    app = new_app(size, content_pack=PACK, windtunnel_games=8)
    play_through(app, "nl", "pass", scenario=scenario)
    assert app.top.name == "debrief"
    assert app.session.state.book.setup.scenario == scenario.lower()
    # the wind tunnel plays the table's way of playing in every future of the pack, and names each
    click(app, find_button(app, "Windtunnel"))
    deadline = time.monotonic() + 120
    while "% klaar" in texts_on_screen(app) and time.monotonic() < deadline:
        step(app, 1)
        time.sleep(0.05)
    app.draw()
    shown = texts_on_screen(app)
    assert "% klaar" not in shown
    for future in app.content.scenarios.values():
        assert future.name.nl in shown, future.name.nl
    assert layout_problems(app) == []


def test_the_how_to_names_every_future_of_the_pack_with_an_emblem():
    app = new_app((1280, 720), content_pack=PACK)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F1, mod=0, unicode="", scancode=0))
    step(app, 2)
    howto = app.top
    while PAGES[howto.page] != "futures":
        howto.next_page()
        step(app, 1)
    app.draw()
    shown = texts_on_screen(app)
    for scenario in app.content.scenarios.values():
        assert scenario.name.nl in shown
    markers = [marker for marker, _ in howto.lines() if marker[0] == "emblem"]
    assert len(markers) == 5


def _partial_pack(tmp_path):
    """The test pack with one broken trend (a tab) and one broken scenario (an unquoted colour)."""
    import shutil

    pack = tmp_path / "half"
    shutil.copytree(PACK, pack)
    trend = (ROOT / "content" / "trends" / "vergrijzing.yaml").read_text(encoding="utf-8")
    (pack / "trends").mkdir()
    (pack / "trends" / "tab.yaml").write_text(
        trend.replace("id: vergrijzing", "id: tab").replace("\n  en: ", "\n\ten: ", 1), encoding="utf-8"
    )
    (pack / "trends" / "heel.yaml").write_text(trend.replace("id: vergrijzing", "id: heel"), encoding="utf-8")
    scenario = (pack / "scenarios" / "netwerkstad.yaml").read_text(encoding="utf-8")
    (pack / "scenarios" / "netwerkstad.yaml").write_text(
        scenario.replace('color: "#5b2d8e"', "color: #5b2d8e"), encoding="utf-8"
    )
    return pack


def test_validate_play_and_the_content_check_agree_on_a_partial_pack(tmp_path):
    import json

    from game.ui.packs import skipped_files
    from game.ui.scenes.content_check import ContentCheckScene
    from tests.conftest import run_game

    pack = _partial_pack(tmp_path)
    done = run_game("validate", "--content", str(pack), "--json")
    report = json.loads(done.stdout)
    assert done.returncode == 1
    files = list(dict.fromkeys(e["file"] for e in report["errors"]))
    assert files == ["half/scenarios/netwerkstad.yaml", "half/trends/tab.yaml"]
    # play: the same files skipped, the same items loaded, one line about it first
    app = new_app((1280, 720), content_pack=pack)
    assert skipped_files(app.content_problems) == files
    for kind in ("scenarios", "trends", "roles", "challenges"):
        assert sorted(getattr(app.content, kind)) == sorted(report[kind]), kind
    assert "zorgdorp" in app.content.scenarios and "netwerkstad" not in app.content.scenarios
    assert "heel" in app.content.trends and "tab" not in app.content.trends
    first = run_game("--first-frame", "play", "--content", str(pack))
    assert first.returncode == 0
    assert first.stderr.splitlines()[0].startswith("vitale-coalities play: pack half: 2 file(s) skipped")
    # the content check screen lists the same files, and says so first
    app.push(ContentCheckScene(app))
    app.draw()
    shown = texts_on_screen(app)
    assert "Pakket half: 2 bestanden overgeslagen." in shown
    for file in files:
        assert file in app.top.box.html_text


def test_play_names_the_skipped_file_of_an_unknown_scenario(tmp_path):
    from tests.conftest import run_game

    pack = _partial_pack(tmp_path)
    done = run_game("--first-frame", "play", "--content", str(pack), "--scenario", "netwerkstad")
    assert done.returncode == 2
    assert 'the scenario "netwerkstad" is in half/scenarios/netwerkstad.yaml, which was skipped' in done.stderr
    assert "Traceback" not in done.stderr


def test_a_pack_chosen_on_the_content_check_is_played_and_remembered(tmp_path, monkeypatch):
    import shutil

    from game.paths import user_dir
    from game.ui.scenes.content_check import ContentCheckScene

    shutil.copytree(PACK, user_dir("packs") / "vijf_toekomsten")
    app = new_app((1280, 720))
    assert app.pack is None and len(app.content.scenarios) == 3
    app.push(ContentCheckScene(app))
    step(app, 2)
    click(app, find_button(app, "Inhoudspakket: geen"))
    assert app.pack is not None and app.pack.name == "vijf_toekomsten"
    assert len(app.content.scenarios) == 5
    app.draw()
    shown = texts_on_screen(app)
    assert "Dit pakket voegt toe: Netwerkstad, Zorgdorp (toekomsten); Huisarts (rollen); Woningnood (opgaven)." in shown
    # the next start plays it too
    again = new_app((1280, 720))
    assert again.pack == app.pack and "zorgdorp" in again.content.scenarios
    # and the setup says so
    click(again, find_button(again, "Nieuw spel"))
    again.draw()
    assert "Inhoud: pakket vijf_toekomsten" in texts_on_screen(again)


def test_a_pack_s_emblem_is_drawn_and_a_missing_one_is_made():
    """Zorgdorp brings its own emblem (emblems/zorgdorp.svg: a brown disc with a white house); Netwerkstad has
    none, so the game draws a disc in its colour with its initial; never an empty place."""
    from game.export.draw import Painter

    app = new_app((1280, 720), content_pack=PACK)
    surface = pygame.Surface((120, 120))
    painter = Painter(surface, app.look)
    for sid, colour in (("zorgdorp", (0x8A, 0x3B, 0x12)), ("netwerkstad", (0x5B, 0x2D, 0x8E))):
        surface.fill((255, 255, 255))
        painter.emblem(app.content, sid, pygame.Rect(0, 0, 120, 120))
        assert tuple(surface.get_at((12, 60)))[:3] == colour, sid  # the disc's edge, left of the middle
    surface.fill((255, 255, 255))
    painter.emblem(app.content, "samendam", pygame.Rect(0, 0, 120, 120))  # the built-in emblem is still used
    assert len({tuple(surface.get_at((x, y)))[:3] for x in range(0, 120, 8) for y in range(0, 120, 8)}) > 2


def test_a_pack_picture_outside_the_pack_or_too_large_is_not_used(tmp_path):
    import os

    from game.content.art import ART_BYTES, art_file

    pack = tmp_path / "p"
    (pack / "emblems").mkdir(parents=True)
    (pack / "emblems" / "groot.svg").write_bytes(b"<svg/>" + b" " * ART_BYTES)
    outside = tmp_path / "elders.svg"
    outside.write_text("<svg/>")
    os.symlink(outside, pack / "emblems" / "link.svg")
    assert art_file(pack, "emblems", "groot.svg") is None
    assert art_file(pack, "emblems", "link.svg") is None
    assert art_file(pack, "emblems", "../elders.svg") is None
