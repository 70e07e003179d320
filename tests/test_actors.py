"""The actors (the region, the national government) and the knobs as levers: content, engine, words."""

from __future__ import annotations

import pydantic
import pytest

from game.analysis.explain import explain, round_lines
from game.analysis.simulate import make_bots, play, table
from game.content import load_content
from game.content.models import ActorMove
from game.engine import apply_in_place, is_over, legal_actions, new_game, replay
from game.engine.actions import Respond
from game.engine.events import ActorMoved, KnobTurned, KnobWorks
from game.engine.rulebook import Setup
from tests.conftest import ROOT

CHALLENGES = ("eenzaamheid_ouderen", "schulden", "samenhang_wijk")


def _games(content, scenario: str, strategy: str, n: int = 8):
    for seed in range(n):
        yield play(content, Setup(scenario, CHALLENGES[seed % 3], table(content, 4, strategy), 5, seed))


def _steps(content, state):
    """(before, action, after) of every action of a finished game, replayed."""
    now = new_game(content, state.book.setup)
    for action in state.actions:
        before = now.copy()
        apply_in_place(now, action)
        yield before, action, now


def test_a_fund_pays_into_the_coalition_pot_within_the_budget(content):
    """Staatsburcht's region: 4 money into the pot of a coalition with the wethouder and 3+ members, 16 in all."""
    seen = 0
    for state in _games(content, "staatsburcht", "balanced"):
        region = next(i for i, a in enumerate(state.book.actors) if a.id == "regio")
        gifts = [e for e in state.events if isinstance(e, ActorMoved) and e.move == "regiofonds"]
        assert sum(sum(e.gift) for e in gifts) == 16 - state.budgets[region]
        for before, action, after in _steps(content, state):
            if action.kind != "resolve_round":
                continue
            for e in after.events[len(before.events) :]:
                if isinstance(e, ActorMoved) and e.move == "regiofonds":
                    c = before.coalitions[e.coalition]
                    assert len(c.members) >= 3 and any(before.seats[m].role == "wethouder" for m in c.members)
                    assert sum(e.gift) <= 4 and e.gift[0] == sum(e.gift)  # money only
                    seen += 1
    assert seen >= 4


def test_a_match_gives_half_of_what_residents_put_in(content):
    """Samendam's national fund: 1 money for every 2 units the coalition's residents invested this round."""
    seen = 0
    for state in _games(content, "samendam", "citizen_platform"):
        for before, action, after in _steps(content, state):
            if action.kind != "resolve_round":
                continue
            budget = before.budgets[0]
            for e in after.events[len(before.events) :]:
                if isinstance(e, ActorMoved) and e.move == "matchingsfonds":
                    c = before.coalitions[e.coalition]
                    units = sum(sum(before.seats[m].invested) for m in c.members if before.seats[m].role == "inwoner")
                    assert e.gift[0] == min(units // 2, budget)
                    budget -= e.gift[0]
                    seen += 1
    assert seen >= 4


def test_the_region_takes_over_once_when_nothing_is_vital(content):
    for state in _games(content, "staatsburcht", "passive", 4):
        over = [e for e in state.events if isinstance(e, ActorMoved) and e.move == "neemt_over"]
        assert len(over) == 1 and over[0].round == 3 and over[0].coalition == -1
        assert "regio:neemt_over" in state.actor_done
        assert state.history[3][1] >= 8  # its progress, whatever else happened


def test_the_national_government_puts_a_dilemma_to_the_table(content):
    """Ikhoven, round 2: The Hague takes a task back and the table chooses which safety net to keep."""
    setup = Setup("ikhoven", "schulden", table(content, 4, "balanced"), 5, 3)
    for answer in ("schuldhulp", "zelf_betalen", "naar_cooperaties"):
        state = new_game(content, setup)
        bots = make_bots(state)
        while not (state.phase == "dilemma" and state.pending and state.pending[0] == "rijk:taak_terug"):
            assert state.round <= 2, "the dilemma comes as round 2 starts"
            options = legal_actions(state)
            if state.phase == "actions":
                action = bots[state.turn].choose(state)[0]
            elif state.phase == "dilemma":
                action = bots[0].answer(state)[0]
            else:
                action = options[0]
            apply_in_place(state, action)
        assert Respond("rijk:taak_terug", answer) in legal_actions(state)
        before = state.copy()
        apply_in_place(state, Respond("rijk:taak_terug", answer))
        assert (2, "rijk:taak_terug", answer) in state.answers
        effects = state.book.responses["rijk:taak_terug"][answer]
        assert state.ind[2] - before.ind[2] == effects.ind[2]  # equality moves as the answer says
        dilemma = content.dilemma("rijk:taak_terug", "ikhoven")
        for lang in ("nl", "en"):
            line = explain(before, state, Respond("rijk:taak_terug", answer), lang).headline
            assert dilemma.title.get(lang) in line and dilemma.response(answer).text.get(lang) in line
    assert content.dilemma("rijk:taak_terug", "samendam") is None, "an actor's dilemma belongs to its future"


def test_a_knob_turned_far_works_on_at_every_later_resolution(content):
    turned = 0
    for state in _games(content, "samendam", "balanced", 12):
        for i, spec in enumerate(state.book.knobs):
            far = [e for e in state.events if isinstance(e, KnobTurned) and e.knob == spec.id]
            works = [e.round for e in state.events if isinstance(e, KnobWorks) and e.knob == spec.id]
            if not far:
                assert state.knobs_far[i] == 0 and not works
                continue
            turned += 1
            assert len(far) == 1 and state.knobs_far[i] == far[0].round
            assert works == list(range(far[0].round + 1, len(state.history)))  # every later resolution
    assert turned >= 5


def test_the_engine_counts_the_knobs_by_the_contents_weights(content):
    from collections import Counter

    from game.analysis.debrief import content_action_id
    from game.engine.actions import SEAT_KINDS

    state = next(_games(content, "ikhoven", "balanced", 1))
    counts = Counter(content_action_id(a) for a in state.actions if a.kind in SEAT_KINDS)
    knobs = sorted(content.knobs.values(), key=lambda k: (k.number, k.id))
    for knob, score in zip(knobs, state.knobs, strict=True):
        assert score == pytest.approx(sum(w * counts[a] for a, w in knob.actions.items()))


def test_actor_and_knob_lines_exist_in_both_languages(content):
    for scenario in ("staatsburcht", "samendam"):
        for state in _games(content, scenario, "balanced", 3):
            again = replay(content, state.book.setup, state.actions)
            assert again.to_json() == state.to_json()
            for before, action, after in _steps(content, state):
                if action.kind != "resolve_round":
                    continue
                new = after.events[len(before.events) :]
                for lang in ("nl", "en"):
                    lines = round_lines(before, after, lang)
                    n = sum(isinstance(e, ActorMoved | KnobTurned | KnobWorks) for e in new)
                    told = [line for line in lines if "{" not in line]
                    assert len(told) == len(lines) and len(lines) >= n


def test_the_table_shows_each_actor_and_why_a_move_does_not_happen(content):
    from game.engine import move_gaps
    from game.engine.state import Coalition
    from game.words import reason_text

    state = new_game(content, Setup("staatsburcht", "schulden", table(content, 4, "balanced"), 5, 1))
    fund = state.book.actors[0].moves[0]
    gaps = move_gaps(state, fund, Coalition(id=-1, kvd="", founded=0, members={}))
    texts = {lang: [reason_text(g, lang) for g in gaps] for lang in ("nl", "en")}
    assert any("Wethouder" in t for t in texts["nl"]) and any("3" in t for t in texts["en"])
    takeover = state.book.actors[0].moves[1]
    assert [g.key for g in move_gaps(state, takeover)] == ["actor_from_round"]


@pytest.mark.parametrize(
    "move, message",
    [
        ({"towards": "table", "fund": {"money": 2}}, "cannot fund a coalition"),
        ({"towards": "coalition", "at": "round_start"}, "at the resolution"),
        ({"when": {"from_round": 4, "until_round": 2}}, "is after until_round"),
        (
            {
                "at": "resolution",
                "responses": [
                    {"id": "een", "stance": "protect", "text": {"nl": "A", "en": "A"}},
                    {"id": "twee", "stance": "let_go", "text": {"nl": "B", "en": "B"}},
                ],
            },
            "as a round starts",
        ),
    ],
)
def test_a_move_that_cannot_happen_is_refused_with_a_plain_message(move, message):
    with pytest.raises(pydantic.ValidationError) as caught:
        ActorMove.model_validate({"id": "zet", "name": {"nl": "X", "en": "X"}, "text": {"nl": "X", "en": "X"}, **move})
    assert message in str(caught.value)


def test_an_actor_naming_an_unknown_role_is_reported_with_its_file(tmp_path):
    text = (ROOT / "content" / "scenarios" / "staatsburcht.yaml").read_text(encoding="utf-8")
    text = text.replace("when: {with_roles: [wethouder], members_at_least: 3}", "when: {with_roles: [burgemeester]}")
    pack = tmp_path / "pakket" / "scenarios"
    pack.mkdir(parents=True)
    (pack / "staatsburcht.yaml").write_text(text, encoding="utf-8")
    result = load_content(pack=tmp_path / "pakket")
    problems = [str(p) for p in result.problems]
    assert any("staatsburcht.yaml" in p and "burgemeester" in p for p in problems), problems


def test_a_game_with_actors_ends(content):
    for scenario in sorted(content.scenarios):
        state = next(_games(content, scenario, "balanced", 1))
        assert is_over(state)
