"""The one list of moves: what the seat in turn may do now, as options the table shows and tests replay.

An `Option` is one kind of move (investing, a talk, a signature action, answering one invitation, seizing one
trend's opportunity, ...) with what it costs, what it is expected to do under this scenario (its compiled
action spec), every concrete action of it that `check` accepts now, and - when there is none - the reason.
`legal_actions` is the same list flattened, so the buttons on the table and the engine's legal moves cannot
drift apart (a test clicks through random positions to hold them to that).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from . import actions as act
from .reasons import Reason
from .rulebook import NR, ActionSpec
from .rules import check
from .state import PHASE_ACTIONS, PHASE_DILEMMA, PHASE_RESOLVE, PHASE_TREND, GameState
from .vocabulary import COALITION_ROLES


@dataclass(frozen=True)
class Option:
    """One kind of move for the seat in turn: its legal actions now, or why there are none."""

    key: str  # the kind of move, or "<kind>:<id>" for an invitation, an opportunity or a signature action
    kind: str  # the kind of its actions
    actions: tuple  # the concrete actions `check` accepts now, in a fixed order
    reason: Optional[Reason]  # why not, when `actions` is empty
    spec: Optional[ActionSpec]  # its cost and expected effects under this scenario (None: no spec)
    cost: tuple  # the resources it costs at the least
    first: act.Action  # its first action (legal or not): the one a press applies when it asks no choice

    @property
    def possible(self) -> bool:
        """Whether some action of this option is legal now."""
        return bool(self.actions)


def _option(state: GameState, candidates: list, probe=None, key: str = "", cost=None) -> Option:
    """The option made of the `candidates` that `check` accepts. Its reason is the first candidate's, or the
    probe's when there are none (a seat alone at the table has nobody to talk to); `key` is the kind unless
    given; the cost is the spec's unless given."""
    first = candidates[0] if candidates else probe
    legal = tuple(a for a in candidates if check(state, a) is None)
    reason = None if legal else check(state, first)
    book = state.book
    spec = book.actions.get(first.action) if first.kind == "signature" else book.kind_action.get(first.kind)
    if cost is None:
        cost = spec.cost if spec is not None else (0,) * NR
    return Option(key or first.kind, first.kind, legal, reason, spec, cost, first)


def option_of(state: GameState, action: act.Action) -> Option:
    """One concrete action as an option: possible or not, and why (a picked target, amount or role)."""
    return _option(state, [action])


def _answers(state: GameState, s: int) -> list:
    """Accepting or declining each invitation the seat holds."""
    out = []
    for cid, c in enumerate(state.coalitions):
        if s in c.invites and c.active:  # a fallen coalition's invitation is no move at all
            out.append(_option(state, [act.Accept(s, cid)], key=f"accept:{cid}"))
            out.append(_option(state, [act.Decline(s, cid)], key=f"decline:{cid}"))
    return out


def _coalition_moves(state: GameState, s: int, others: list) -> list:
    """Leaving and inviting, for a member of a coalition."""
    c = state.coalitions[state.seats[s].coalition]
    free = [r for r in COALITION_ROLES if r not in c.members.values() and r not in c.invites.values()]
    invites = [act.Invite(s, t, r) for t in others for r in free]
    probe = act.Invite(s, others[0] if others else -1, free[0] if free else COALITION_ROLES[0])
    return [_option(state, [act.Leave(s)]), _option(state, invites, probe)]


def _resource_moves(state: GameState, s: int, others: list) -> list:
    """Investing, talking, building facts and offering resources."""
    base = state.book.base
    res = state.seats[s].res
    invests = [
        act.Invest(s, tuple(amount if j == i else 0 for j in range(NR)))
        for i in range(NR)
        for amount in range(1, min(res[i], base.invest_cap) + 1)
    ]
    offers = [
        act.Offer(s, t, i, amount)
        for t in others
        for i in range(NR)
        for amount in range(1, min(res[i], base.offer_max) + 1)
    ]
    other = others[0] if others else -1
    return [
        _option(state, invests, act.Invest(s, (1,) + (0,) * (NR - 1))),
        _option(state, [act.Conversation(s, t) for t in others], act.Conversation(s, other)),
        _option(state, [act.BuildFacts(s)]),
        _option(state, offers, act.Offer(s, other, 0, 1)),
    ]


def _proposals(state: GameState, s: int) -> list:
    """Founding a coalition, for a seat outside one."""
    kvds = state.book.kvds
    proposals = [act.Propose(s, k, r) for k in kvds for r in COALITION_ROLES]
    return [_option(state, proposals, act.Propose(s, next(iter(kvds), ""), COALITION_ROLES[0]))]


def _chances(state: GameState, s: int) -> list:
    """Seizing each opportunity on this round's trend cards that nobody has seized yet."""
    book = state.book
    return [
        _option(state, [act.Seize(s, trend)], key=f"seize:{trend}", cost=book.opportunities[trend][0])
        for trend in state.current_trends()
        if trend in book.opportunities and trend not in state.seized
    ]


def _signatures(state: GameState, s: int, others: list) -> list:
    """The seat's own signature actions (for its role)."""
    out = []
    for spec in state.book.signatures.get(state.seats[s].role, ()):
        targets = others if spec.target else [-1]
        actions = [act.Signature(s, spec.id, t) for t in targets]
        out.append(_option(state, actions, act.Signature(s, spec.id, -1), key=f"signature:{spec.id}"))
    return out


def options(state: GameState) -> list:
    """The seat in turn's options now, every kind of move it has (possible or not); [] outside its turn."""
    if state.phase != PHASE_ACTIONS:
        return []
    s = state.turn
    others = [t for t in range(state.book.n) if t != s]
    out = [_option(state, [act.EndTurn(s)])]
    out += _answers(state, s)
    if state.seats[s].coalition >= 0:
        out += _coalition_moves(state, s, others)
    out += _resource_moves(state, s, others)
    if state.seats[s].coalition < 0:
        out += _proposals(state, s)
    out += _chances(state, s)
    out += _signatures(state, s, others)
    return out


def dilemma_answers(state: GameState) -> list:
    """The answers the table can give now: a Respond for each answer of each dilemma still open this round."""
    if state.phase != PHASE_DILEMMA:
        return []
    responses = state.book.responses
    return [act.Respond(trend, response) for trend in state.pending for response in responses[trend]]


def legal_actions(state: GameState) -> list:
    """Every legal action now (investments and offers listed per resource and amount)."""
    if state.phase == PHASE_TREND:
        return [act.DrawTrend()]
    if state.phase == PHASE_RESOLVE:
        return [act.ResolveRound()]
    if state.phase == PHASE_DILEMMA:
        return dilemma_answers(state)
    return [action for option in options(state) for action in option.actions]
