"""The table's panels after the visual review of issue 17: a computer's turn shows this round's moves; the seat
cards and a list of buttons each keep one text size; an action step says which action it sets up and picks
people, resources, goals and roles with ‹ ›, amounts with − +; a page of actions holds as many as fit."""

from __future__ import annotations

import pytest

from tests.layout_checks import open_at
from tests.ui_driver import step

BIG = ((1920, 1080), 150, "en")
SMALL = ((1280, 720), 100, "nl")


def _open(config, name: str):
    size, text_size, lang = config
    app = open_at(size, name, text_size, lang)
    app.dirty = True
    step(app, 2)
    return app


def test_a_computers_turn_shows_this_rounds_moves_newest_first():
    app = _open(BIG, "table_bot")
    table = app.top
    session = app.session
    box = table.moves_box
    assert box is not None
    told = [line.told("en").headline for line in session.lines if line.seat >= 0 and line.action.kind != "end_turn"]
    assert told, "the humans before the computer moved"
    assert told[-1] in box.text
    assert box.text.index(told[-1]) < box.text.index(told[0]) or told[-1] == told[0]
    assert box.rect.colliderect(table.layout.right) and table.layout.right.contains(box.rect)


@pytest.mark.parametrize("config", [BIG, SMALL])
def test_target_buttons_share_one_size(config):
    app = _open(config, "action_target")
    actions = app.top.actions
    styles = {btn.object_ids[-1] for btn in actions.action_keys if btn.alive()}
    assert len(styles) == 1, styles


@pytest.mark.parametrize("config", [BIG, SMALL])
def test_action_rows_share_one_size(config):
    app = _open(config, "table")
    rows = [btn for btn in app.top.actions.action_keys if btn.alive()]
    assert len({btn.object_ids[-1] for btn in rows}) == 1


@pytest.mark.parametrize("config", [BIG, SMALL])
def test_seat_cards_give_each_kind_of_words_one_size(config):
    app = _open(config, "table")
    state = app.session.state
    lang = config[2]
    roles = {state.book.content.roles[seat.role].name.get(lang).split(" (")[0] for seat in state.seats}
    sizes = {r.px for r in app.frame_records if any(r.text.startswith(role) for role in roles)}
    assert len(sizes) == 1, sizes
    # every computer seat says so
    shown = [r.text for r in app.frame_records]
    computer = app.t("table.computer")
    bots = [i for i in range(len(state.seats)) if app.session.is_bot(i)]
    assert sum(computer in text for text in shown) >= len(bots)


def test_a_step_says_which_action_and_cycles_choices_with_arrows():
    app = _open(BIG, "action_offer")
    table = app.top
    pickers = table.actions.pickers
    assert pickers.title, "the offer step has a heading"
    labels = [btn.text for btn in table.widgets.values() if getattr(btn, "text", None) in ("‹", "›", "−", "+")]
    assert labels.count("‹") == 2 and labels.count("›") == 2  # whom, what
    assert labels.count("−") == 1 and labels.count("+") == 1  # how much
    what, how_much = pickers.stepper_labels[1][1], pickers.stepper_labels[2][1]
    assert what.startswith(app.t("table.what") + ": ") and how_much.startswith(app.t("table.amount") + ": ")


def test_propose_keeps_its_heading_and_the_roles_hint_at_large_text():
    app = _open(BIG, "coalition_propose")
    pickers = app.top.actions.pickers
    assert pickers.title
    about = [r for r in app.frame_records if r.text.startswith("The lead")]
    assert about, [r.text for r in app.frame_records]


def test_a_page_of_actions_holds_as_many_as_fit():
    app = _open(BIG, "table")
    actions = app.top.actions
    rows = [btn for btn in actions.action_keys if btn.alive()]
    assert len(rows) >= 5, [btn.text for btn in rows]
