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
