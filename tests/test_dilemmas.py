"""Trend cards are dilemmas (rules v2): the table answers each card drawn, the answer's effects depend on the
future, a card's impact scales its answers and its certainty decides whether it comes about at all."""

from __future__ import annotations

import json

import pytest

from game.analysis.simulate import play, table
from game.bots import Bot
from game.engine import (
    IllegalAction,
    Respond,
    Setup,
    action_from_json,
    action_to_json,
    dilemma_answers,
    legal_actions,
    new_game,
    replay,
)
from game.engine.rules import apply_in_place
from game.engine.state import PHASE_ACTIONS, PHASE_DILEMMA

KEYS = ("progress", "wellbeing", "participation", "equality", "trust_gov", "finances")


def _totals(response, scenario: str) -> dict:
    """Progress and every indicator of an answer under a scenario: its effects plus its modifier there."""
    parts = [response.effects] + ([response.modifiers[scenario]] if scenario in response.modifiers else [])
    out = {key: 0 for key in KEYS}
    for part in parts:
        out["progress"] += part.progress
        for name, value in part.indicators.items():
            out[name] += value
    return out


def _to_dilemma(content, scenario="samendam", seed=0):
    """A new game brought to its first dilemma (drawing on through rounds of ended turns if need be)."""
    setup = Setup(scenario, sorted(content.challenges)[0], table(content, 4, "balanced"), 5, seed)
    state = new_game(content, setup)
    for _ in range(200):
        if state.phase == PHASE_DILEMMA:
            return state
        apply_in_place(state, legal_actions(state)[0])  # draw, end turns, resolve
    raise AssertionError("no dilemma in a whole game")


# ------------------------------------------------------------------------------------------ the content
def test_every_card_is_a_dilemma_whose_answers_depend_on_the_future(content):
    scenarios = sorted(content.scenarios)
    stances = {s.id for s in content.rules.stances}
    used = {stance: 0 for stance in stances}
    for trend in content.trends.values():
        assert 2 <= len(trend.responses) <= 3, trend.id
        flips = False
        for response in trend.responses:
            used[response.stance] += 1
            totals = {sc: _totals(response, sc) for sc in scenarios}
            for key in KEYS:
                values = [totals[sc][key] for sc in scenarios]
                flips = flips or (max(values) > 0 > min(values))
        assert flips, f"{trend.id}: no answer whose effect turns from good to bad between two futures"
    assert all(n >= 8 for n in used.values()), used


# ------------------------------------------------------------------------------------------ the rules
def test_a_drawn_card_waits_for_the_tables_answer(content):
    state = _to_dilemma(content)
    answers = dilemma_answers(state)
    assert answers and legal_actions(state) == answers
    assert state.turn == -1 and state.pending
    trend = state.pending[0]
    assert {a.response for a in answers if a.trend == trend} == {r.id for r in content.trends[trend].responses}
    with pytest.raises(IllegalAction):  # no seat moves before the table has answered
        apply_in_place(state.copy(), Respond(trend, "no_such_answer"))
    before = state.copy()
    for answer in answers:
        if answer.trend == trend:
            break
    apply_in_place(state, answer)
    assert trend not in state.pending
    assert state.answers[-1] == (state.round, trend, answer.response)
    assert state.events[-1].kind == "answered"
    if not state.pending:
        assert state.phase == PHASE_ACTIONS and state.turn == state.start_seat
    # the answer's effects under this future (indicators clamped to 0..100)
    eff = state.book.responses[trend][answer.response]
    for i, delta in enumerate(eff.ind):
        assert state.ind[i] == max(0, min(100, before.ind[i] + delta))


def test_an_answer_round_trips_through_json_and_replays(content):
    state = _to_dilemma(content, "ikhoven", seed=4)
    answer = dilemma_answers(state)[-1]
    assert action_from_json(json.loads(json.dumps(action_to_json(answer)))) == answer
    apply_in_place(state, answer)
    again = replay(content, state.book.setup, state.actions)
    assert again.to_json() == state.to_json()


def test_the_same_answer_works_out_differently_in_another_future(content):
    """For every card some answer's compiled effects differ between two futures (the lesson of the game)."""
    setups = {
        sc: new_game(content, Setup(sc, sorted(content.challenges)[0], table(content, 4, "balanced"), 5, 1)).book
        for sc in content.scenarios
    }
    for trend in content.trends.values():
        seen = {
            sc: {r: (e.ind, e.progress) for r, e in book.responses[trend.id].items()} for sc, book in setups.items()
        }
        assert len({json.dumps(v, sort_keys=True) for v in seen.values()}) > 1, trend.id


def test_impact_scales_the_answers(content):
    book = new_game(content, Setup("samendam", sorted(content.challenges)[0], table(content, 4, "balanced"))).book
    scale = content.rules.impact_scale
    for trend in content.trends.values():
        for response in trend.responses:
            raw = response.effects.progress + (
                response.modifiers["samendam"].progress if "samendam" in response.modifiers else 0
            )
            compiled = book.responses[trend.id][response.id].progress
            expected = int(abs(raw) * scale[trend.impact] + 0.5) * (1 if raw > 0 else -1) if raw else 0
            assert compiled == expected, (trend.id, response.id)


def test_an_uncertain_trend_sometimes_passes_by(content):
    """Over many games some drawn cards of uncertain trends do not come about, and then pose no dilemma."""
    missed = 0
    for seed in range(40):
        state = play(
            content, Setup("samendam", sorted(content.challenges)[seed % 6], table(content, 4, "balanced"), 5, seed)
        )
        for event in state.events:
            if event.kind == "trend_missed":
                missed += 1
                assert content.trends[event.trend].certainty != "high"
                assert (event.round, event.trend) not in {(r, t) for r, t, _ in state.answers}
    assert missed > 0


# ------------------------------------------------------------------------------------------ the bots
def test_a_bot_answers_by_its_stance_and_says_why(content):
    state = _to_dilemma(content, seed=2)
    trend = state.pending[0]
    stances = {r.stance: r.id for r in content.trends[trend].responses}
    for stance, response in stances.items():
        bot = Bot(0, "balanced", 1)
        from dataclasses import replace

        from game.bots.strategies import profile_of

        bot.profile = replace(profile_of(content, "balanced"), stance=stance)
        action, because = bot.choose(state)
        assert action == Respond(trend, response)
        assert because.key == "dilemma_stance"
        assert because.text("nl", "Anna") != because.text("en", "Anna")
    bot = Bot(0, "passive", 1)  # no stance: the card's first answer
    action, because = bot.choose(state)
    assert action.response == content.trends[trend].responses[0].id and because.key == "dilemma_first"
