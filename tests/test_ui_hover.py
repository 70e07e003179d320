"""Rules at the moment of choice (issue 17): a mouse user sees why an action is grey, and the first round's
hint shows beside the chosen action. Driven by posted mouse-motion events on the real table."""

from __future__ import annotations

import pygame

from game.engine.state import PHASE_ACTIONS
from game.ui.scenes.table import TableScene
from tests import screens
from tests.ui_driver import new_app, step, texts_on_screen


def _table_in_round(app, rnd: int) -> TableScene:
    screens._start(app)
    screens._bots_until(
        app, lambda s: s.state.phase == PHASE_ACTIONS and not s.is_bot(s.current()) and s.state.round == rnd
    )
    app.goto(TableScene(app))
    step(app, 2)
    return app.top


def _move_mouse(app, pos) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    step(app, 2)


def test_the_mouse_over_a_grey_action_says_why_it_is_not_possible():
    app = new_app(size=(1600, 900))
    table = _table_in_round(app, 2)
    seat = app.session.current()
    app.session.state.seats[seat].res[:] = [0, 0, 0, 0]  # nothing to invest or pay with: some actions go grey
    table.rebuild()
    step(app, 2)
    grey = [btn for btn in table.actions.action_keys if not btn.is_enabled]
    assert grey, "with no resources at all, some action is not possible"
    _move_mouse(app, grey[0].rect.center)
    shown = texts_on_screen(app)
    assert "Nu niet mogelijk" in shown, shown[-400:]
    # pointing away: the row with the keyboard's focus speaks again (a possible one says what it does)
    _move_mouse(app, (2, 2))
    focused = table.focus[table.focus_index]
    assert focused.is_enabled == ("Nu niet mogelijk" not in texts_on_screen(app))


def test_the_first_rounds_hint_appears_beside_the_chosen_action():
    app = new_app(size=(1600, 900))
    assert app.settings.hints
    _table_in_round(app, 1)
    hint = app.t("hint.round1")
    assert hint in texts_on_screen(app)
    app.settings.hints = False
    app.top.rebuild()
    app.dirty = True
    step(app, 2)
    assert hint not in texts_on_screen(app)


def _tooltip_at(app, pos) -> str:
    """Rest the pointer at `pos` past the tooltip's delay: the tooltip's text ("" when none shows)."""
    _move_mouse(app, pos)
    step(app, 4, dt=0.2)
    tip = app.top.tooltip
    if tip is None or not tip.alive():
        return ""
    assert app.window.get_rect().contains(tip.rect), f"the tooltip {tip.rect} is not inside the window"
    return tip.text_block.html_text


def test_a_grey_action_explains_itself_in_a_tooltip():
    app = new_app(size=(1600, 900))
    table = _table_in_round(app, 2)
    app.session.state.seats[app.session.current()].res[:] = [0, 0, 0, 0]
    table.rebuild()
    step(app, 2)
    grey = [btn for btn in table.actions.action_keys if not btn.is_enabled]
    assert grey
    assert "Nu niet mogelijk" in _tooltip_at(app, grey[0].rect.center)
    assert _tooltip_at(app, (2, app.window.get_height() // 2)) == "", "pointing at nothing shows no tooltip"


def test_resource_icons_and_coalition_roles_have_tooltips_in_both_languages():
    for lang, money, lead in (("nl", "Geld", "trekker"), ("en", "Money", "lead")):
        app = new_app(size=(1280, 720))
        app.settings.lang = lang
        app.apply_settings()
        table = _table_in_round(app, 2)
        tips = table.drawn_tips
        money_tip = next(rect for rect, text in tips if text.startswith(money))
        assert money in _tooltip_at(app, money_tip.center)
        roles = [rect for rect, text in tips if lead in text and "\n" in text]  # the coalition's member line
        assert roles, "a coalition exists in round 2 of this game, and its roles are explained"
        assert app.t("coalition_role_about.lead") in _tooltip_at(app, roles[0].center)


def test_the_chosen_coalition_role_is_explained_where_it_is_chosen():
    app = new_app(size=(1280, 720))
    table = _table_in_round(app, 1)
    table._begin("propose", "propose")
    app.dirty = True
    step(app, 2)
    assert app.t("coalition_role_about.lead") in texts_on_screen(app)
    table.actions.pickers._cycle("role_index", 1, 5)
    app.dirty = True
    step(app, 2)
    assert app.t("coalition_role_about.financier") in texts_on_screen(app)
