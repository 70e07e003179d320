"""After a move the numbers and bars it changed show their difference for a moment (issue 17), quietly, and
not at all with animations off. Driven on the real table."""

from __future__ import annotations

from game.engine import Conversation, legal_actions
from game.ui.scenes.table_deltas import DELTA_SECONDS
from game.words import signed
from tests.test_ui_hover import _table_in_round
from tests.ui_driver import new_app, step, texts_on_screen


def _talk(app):
    """The seat in turn has a kitchen-table talk (trust between two seats up, time down)."""
    table = app.top
    talk = next(a for a in legal_actions(app.session.state) if isinstance(a, Conversation))
    table._do(talk)
    step(app, 2, dt=0.05)
    return table, talk


def test_a_move_shows_what_it_changed_for_a_moment():
    app = new_app(size=(1280, 720))
    _table_in_round(app, 2)
    table, talk = _talk(app)
    changes = table.deltas.changes
    assert changes.get(("trust", talk.seat, talk.target), 0) > 0, changes
    shown = texts_on_screen(app)
    trust = app.session.state.trust[talk.seat][talk.target]
    diff = changes[("trust", talk.seat, talk.target)]
    assert f"{trust} ({signed(diff, 'nl')})" in shown, shown
    spent = [(k, d) for k, d in table.deltas.seat_resources(talk.seat) if d < 0]
    assert spent, "the talk cost something"
    step(app, int(DELTA_SECONDS / 0.25) + 2, dt=0.25)
    assert not table.deltas.changes
    assert f"({signed(diff, 'nl')})" not in texts_on_screen(app)


def test_no_differences_with_animations_off():
    app = new_app(size=(1280, 720))
    app.settings.animations = False
    _table_in_round(app, 2)
    table, _ = _talk(app)
    assert table.deltas.changes == {}


def test_the_large_clock_is_turned_on_from_the_facilitator_panel():
    from game.ui.scenes.facilitator import FacilitatorScene
    from tests.ui_driver import click_text

    app = new_app(size=(1280, 720))
    _table_in_round(app, 2)
    app.session.timer_minutes = 3
    app.push(FacilitatorScene(app))
    step(app, 2)
    assert click_text(app, app.t("facilitator.big_timer_off"))
    assert app.session.big_timer
    app.pop()
    step(app, 3, dt=0.5)
    app.dirty = True
    step(app, 1)
    left = int(app.top.timer_left)
    clock = next(r for r in app.frame_records if r.text == app.t("table.timer", m=left // 60, s=left % 60))
    assert clock.px >= app.look.size("heading"), "the clock is large"
    assert app.window.get_rect().contains(clock.rect)
