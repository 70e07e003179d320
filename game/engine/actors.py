"""The actors and the knobs: what moves at a round's start and resolution besides the seats.

An actor (the region, the national government, ...) is content of a scenario: a budget and a few moves, each
with conditions. A move towards a coalition funds or matches its pot before the coalition's resolution; a
move towards the table changes the municipality (and may put a dilemma to the table as a round starts). A
knob (one of the five knobs) is turned by the seats' actions, by weights in the content; once turned far it
has a lasting effect at every later resolution. Pure and deterministic, like the rules that call it.
"""

from __future__ import annotations

from typing import Optional

from .effects import NO_RESOURCES, add_floored, apply_effects
from .events import ActorMoved, KnobTurned, KnobWorks, Vital
from .reasons import Reason, Term
from .rulebook import NR, MoveSpec
from .state import Coalition, GameState
from .vocabulary import INDICATORS


def _roles_term(state: GameState, roles: tuple) -> dict:
    """Several roles as one reason parameter: "wethouder of professional" / "wethouder or professional"
    (made once per content and scenario: the bots ask for a move's conditions on every investment)."""
    book = state.book

    def make() -> dict:
        words = [book.role_term(r)["role"] for r in roles]
        out = {}
        for lang, joiner in (("nl", " of "), ("en", " or ")):
            out[lang] = joiner.join(w.get(lang, "") if isinstance(w, dict) else str(w) for w in words)
        return {"roles": out}

    return book.shared(("roles_term", roles), make)


def move_gaps(state: GameState, m: MoveSpec, c: Optional[Coalition] = None) -> list:
    """Why actor move `m` does not happen now (towards coalition `c` when it is a coalition's move): a list
    of reasons, empty when it does. The table shows the same list as the move's conditions."""
    gaps = []
    rnd = state.round
    if m.once and m.key in state.actor_done:
        return [Reason("actor_done")]
    if rnd < m.from_round:
        gaps.append(Reason("actor_from_round", first=m.from_round))
    elif rnd > m.until_round:
        gaps.append(Reason("actor_past_round", last=m.until_round))
    if c is not None:
        seats = state.seats
        if m.lead:
            lead = c.lead()
            if lead is None or seats[lead].role not in m.lead:
                gaps.append(Reason("actor_lead", **_roles_term(state, m.lead)))
        if m.with_roles:
            roles = {seats[s].role for s in c.members}
            missing = tuple(r for r in m.with_roles if r not in roles)
            if missing:
                gaps.append(Reason("actor_roles", **_roles_term(state, missing)))
        if len(c.members) < m.members_at_least:
            gaps.append(Reason("actor_members", have=len(c.members), need=m.members_at_least))
    if m.progress_below is not None and state.progress >= m.progress_below:
        gaps.append(Reason("actor_progress_below", need=m.progress_below))
    ind = state.ind
    for i, v in m.ind_below:
        if ind[i] >= v:
            gaps.append(Reason("actor_indicator_below", indicator=Term("indicator", INDICATORS[i]), need=v))
    for i, v in m.ind_at_least:
        if ind[i] < v:
            gaps.append(Reason("actor_indicator_at_least", indicator=Term("indicator", INDICATORS[i]), need=v))
    if m.no_vital_coalition and _vital_this_round(state):
        gaps.append(Reason("actor_vital"))
    if (any(m.fund) or m.match is not None) and state.budgets[m.actor] <= 0:
        gaps.append(Reason("actor_budget"))
    return gaps


def _vital_this_round(state: GameState) -> bool:
    """Whether a coalition was vital at this round's resolution (read from the events, newest first)."""
    rnd = state.round
    for event in reversed(state.events):
        if event.round != rnd:
            return False
        if isinstance(event, Vital):
            return True
    return False


def _happen(state: GameState, m: MoveSpec, coalition: int = -1, gift: tuple = NO_RESOURCES) -> None:
    """Move `m` happens: its effects, its mark when it happens once, and its event."""
    if m.has_effects:
        apply_effects(state, m.effects)
    if m.once:
        state.actor_done.append(m.key)
    state.events.append(ActorMoved(state.round, state.book.actors[m.actor].id, m.id, coalition, gift))


def at_round_start(state: GameState) -> None:
    """The actors' moves as a round starts (after the trend cards): a move with a dilemma puts it to the table."""
    for m in state.book.start_moves:
        if not move_gaps(state, m):
            _happen(state, m)
            if m.dilemma:
                state.pending.append(m.key)


def _gifts(state: GameState, c: Coalition) -> list:
    """(move, resource vector, units paid) of each actor move towards coalitions that coalition `c` meets
    now: a fund, or a match of what one role's members put in this round, as far as the actor's budget
    reaches (budgets are read, not spent)."""
    out = []
    left = list(state.budgets)
    seats = state.seats
    for m in state.book.coalition_moves:
        if move_gaps(state, m, c):
            continue
        gift = list(m.fund)
        if m.match is not None:
            role, share, resource = m.match
            units = sum(sum(seats[s].invested) for s in c.members if seats[s].role == role)
            gift[resource] += int(units * share + 1e-9)
        paid = 0
        for i in range(NR):
            give = min(gift[i], left[m.actor] - paid)
            gift[i] = give if give > 0 else 0
            paid += gift[i]
        if paid > 0 or m.has_effects:  # nothing to give (no resident invested this round): no move at all
            left[m.actor] -= paid
            out.append((m, tuple(gift), paid))
    return out


def pot_with_funds(state: GameState, c: Coalition) -> list:
    """Coalition `c`'s pot as the resolution would judge it now: with what the actors would add."""
    pot = c.pot[:]
    for _, gift, _ in _gifts(state, c):
        add_floored(pot, gift)
    return pot


def fund_coalition(state: GameState, c: Coalition) -> None:
    """Before a coalition's resolution: the actors' funds go into its pot and out of their budgets."""
    for m, gift, paid in _gifts(state, c):
        state.budgets[m.actor] -= paid
        add_floored(c.pot, gift)
        _happen(state, m, c.id, gift)


def at_resolution(state: GameState) -> None:
    """After the coalitions' resolution: the actors' moves towards the table."""
    for m in state.book.table_moves:
        if not move_gaps(state, m):
            _happen(state, m)


def turn_knobs(state: GameState, action_id: str) -> None:
    """A seat's action turns the knobs that the content weighs it for."""
    weights = state.book.knob_weights.get(action_id)
    if weights:
        knobs = state.knobs
        for i, w in weights:
            knobs[i] += w


def knobs_at_resolution(state: GameState) -> None:
    """A knob turned far since the last resolution is marked; one turned far before works on (its lasting
    effect, at every later resolution)."""
    rnd = state.round
    far = state.knobs_far
    for i, spec in enumerate(state.book.knobs):
        if far[i]:
            if spec.works:
                apply_effects(state, spec.lasting)
                state.events.append(KnobWorks(rnd, spec.id))
        elif state.knobs[i] >= spec.far_at - 1e-9:
            far[i] = rnd
            state.events.append(KnobTurned(rnd, spec.id))
