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
    app = new_app(size, content_pack=PACK)
    play_through(app, "nl", "pass", scenario=scenario)
    assert app.top.name == "debrief"
    assert app.session.state.book.setup.scenario == scenario.lower()


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
