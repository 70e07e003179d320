"""The rules: which actions are legal, and what applying one does. Pure and deterministic.

`check(state, action)` is the single source of legality: the list of moves (`moves.options` and
`legal_actions`) filters candidates through it, `apply` refuses what it refuses, and the bots ask it before
they act.
"""

from __future__ import annotations

from itertools import combinations
from typing import Optional

from game.engine.events import (
    Answered,
    Dissolved,
    Founded,
    Joined,
    LeadPrice,
    Left,
    LostVital,
    NotVital,
    Seized,
    TrendDrawn,
    TrendMissed,
    Vital,
    Walkout,
)
from game.engine.vocabulary import COALITION_ROLES, INDICATORS, RESOURCES

from . import actors, rng
from .actions import (
    SEAT_KINDS,
    Accept,
    Action,
    BuildFacts,
    Conversation,
    Decline,
    DrawTrend,
    EndTurn,
    Invest,
    Invite,
    Leave,
    Offer,
    Propose,
    ResolveRound,
    Respond,
    Seize,
    Signature,
    content_action_id,
)
from .effects import (
    NO_INDICATORS,
    NO_RESOURCES,
    add_floored,
    add_ind,
    add_progress,
    add_trust,
    add_trust_among,
    apply_effects,
    pay,
)
from .reasons import Reason, Term
from .rulebook import NI, NR, Rulebook, Setup, goal_measure_spec
from .state import PHASE_ACTIONS, PHASE_DILEMMA, PHASE_OVER, PHASE_RESOLVE, PHASE_TREND, Coalition, GameState, Seat

ALL_RESOURCES = tuple(range(NR))  # a loop over a tuple makes no range or enumerate object
KNOB_KINDS = frozenset(SEAT_KINDS)  # the actions that turn knobs: the seats' own (not the engine's, not the table's)
MAX_COALITION = len(COALITION_ROLES)
# What a vital coalition adds to the municipality at every resolution: trust in government and participation.
VITAL_INDICATORS = tuple(1 if name in ("trust_gov", "participation") else 0 for name in INDICATORS)


class IllegalAction(ValueError):
    """An action that the rules do not allow now; `reason` says why in nl and en."""

    def __init__(self, reason: Reason) -> None:
        super().__init__(f"{reason.key} {reason.params}")
        self.reason = reason


# ---------------------------------------------------------------------------------------------- setup


def new_game(content, setup: Setup) -> GameState:
    """The state at the start of a game (before the first trend is drawn)."""
    book = Rulebook.compile(content, setup)
    state_rng = rng.seed_state(setup.seed)
    state_rng, deck = rng.shuffled(state_rng, list(book.trend_ids))
    seats = []
    for spec in setup.seats:
        goals = book.goals[spec.role]
        state_rng, pick = rng.below(state_rng, len(goals))
        seats.append(Seat(spec.role, spec.name, spec.bot, goals[pick].id, list(book.start_res[spec.role])))
    n = book.n
    base = book.base  # a pydantic model: read each number once
    trust = [[base.start_trust] * n for _ in range(n)]
    for i in range(n):
        trust[i][i] = 0
    start = base.start_indicators
    ind = [start.get(name, 50) for name in INDICATORS]
    state = GameState(
        book=book,
        round=1,
        phase=PHASE_TREND,
        turn=-1,
        seats=seats,
        trust=trust,
        ind=ind,
        progress=0.0,
        need=list(book.need),
        hidden=list(book.hidden_need),
        needs_known=False,
        deck=deck,
        drawn=[],
        coalitions=[],
        rng=state_rng,
        budgets=[actor.budget for actor in book.actors],
        knobs=[0.0] * len(book.knobs),
        knobs_far=[0] * len(book.knobs),
    )
    state.history.append((tuple(ind), 0.0))
    return state


# ----------------------------------------------------------------------------------------- legality


def _phase_reason(state: GameState) -> Reason:
    if state.phase == PHASE_OVER:
        return Reason("game_over")
    return Reason("wrong_phase", phase=Term("phase", str(state.phase)))


def _afford(res: list, cost: tuple) -> Optional[Reason]:
    """None when `res` covers `cost`, else which resource is short."""
    for i in ALL_RESOURCES:
        if res[i] < cost[i]:
            return Reason("too_poor", resource=Term("resource", RESOURCES[i]), need=cost[i], have=res[i])
    return None


def check(state: GameState, action: Action) -> Optional[Reason]:
    """None when `action` is legal now, else the reason it is not."""
    rule = _CHECKS.get(action.kind)
    if rule is not None and state.phase == PHASE_ACTIONS and action.seat == state.turn:
        return rule(state, action, state.seats[action.seat])  # a seat's move in its own turn
    return _check_moment(state, action)


def _check_moment(state: GameState, action: Action) -> Optional[Reason]:
    """`check` for the engine's own moves, and for a seat's move at the wrong moment (or of unknown kind)."""
    kind = action.kind
    phase = state.phase
    if kind == "draw_trend":
        return None if phase == PHASE_TREND else _phase_reason(state)
    if kind == "resolve_round":
        return None if phase == PHASE_RESOLVE else _phase_reason(state)
    if kind == "respond":
        if phase != PHASE_DILEMMA:
            return _phase_reason(state)
        answers = state.book.responses.get(action.trend)
        if action.trend not in state.pending or answers is None or action.response not in answers:
            return Reason("no_dilemma")
        return None
    if phase != PHASE_ACTIONS:
        return _phase_reason(state)
    s = action.seat
    if s != state.turn:
        if 0 <= s < len(state.seats):
            return Reason("not_your_turn", name=state.seats[s].name)
        return Reason("bad_target")
    rule = _CHECKS.get(kind)
    if rule is None:
        return Reason("unknown_action")
    return rule(state, action, state.seats[s])


# One function per kind of seat action, called by `check` once phase and turn are right: a dict lookup
# instead of a chain of kind comparisons, since the bots ask `check` before every move they make.


def _check_end_turn(state: GameState, action: EndTurn, seat: Seat) -> Optional[Reason]:
    return None


def _check_invest(state: GameState, action: Invest, seat: Seat) -> Optional[Reason]:
    if seat.ap < 1:
        return Reason("no_ap")
    cap = state.book.invest_cap
    amounts = action.amounts
    # a hand-made action may hold anything; JSON ones are checked on reading
    if not isinstance(amounts, tuple | list) or len(amounts) != NR or min(amounts) < 0 or not 1 <= sum(amounts) <= cap:
        return Reason("invest_amount", cap=cap)
    return _afford(seat.res, amounts)


def _bad_target(state: GameState, action: Action) -> bool:
    """Whether the action's target is no other seat at the table."""
    t = action.target
    return not 0 <= t < state.book.n or t == action.seat


def _check_generic(state: GameState, action: Action, seat: Seat) -> Optional[Reason]:
    """Actions whose only conditions are action points and their cost (build facts; a talk has a target)."""
    spec = state.book.kind_action[action.kind]
    if seat.ap < spec.ap:
        return Reason("no_ap")
    return _afford(seat.res, spec.cost)


def _check_conversation(state: GameState, action: Conversation, seat: Seat) -> Optional[Reason]:
    if _bad_target(state, action):
        return Reason("bad_target")
    return _check_generic(state, action, seat)


def _check_offer(state: GameState, action: Offer, seat: Seat) -> Optional[Reason]:
    if _bad_target(state, action):
        return Reason("bad_target")
    book = state.book
    spec = book.kind_action["offer"]
    if seat.ap < spec.ap:
        return Reason("no_ap")
    cap = book.base.offer_max
    if not 0 <= action.resource < NR or not 1 <= action.amount <= cap:
        return Reason("offer_amount", cap=cap)
    cost = list(spec.cost)
    cost[action.resource] += action.amount
    return _afford(seat.res, tuple(cost))


def _check_propose(state: GameState, action: Propose, seat: Seat) -> Optional[Reason]:
    book = state.book
    spec = book.kind_action["propose"]
    if seat.ap < spec.ap:
        return Reason("no_ap")
    if seat.coalition >= 0:
        return Reason("already_in_coalition")
    if action.kvd not in book.kvds:
        return Reason("unknown_kvd")
    if action.role not in COALITION_ROLES:
        return Reason("unknown_role")
    return _afford(seat.res, spec.cost)


def _check_invite(state: GameState, action: Invite, seat: Seat) -> Optional[Reason]:
    if _bad_target(state, action):
        return Reason("bad_target")
    if seat.coalition < 0:
        return Reason("not_in_coalition")
    c = state.coalitions[seat.coalition]
    target = state.seats[action.target]
    if target.coalition >= 0:
        return Reason("target_in_coalition", target=target.name)
    if action.target in c.invites:
        return Reason("already_invited", target=target.name)
    if action.role not in COALITION_ROLES:
        return Reason("unknown_role")
    if action.role in c.members.values() or action.role in c.invites.values():
        return Reason("role_taken")
    if len(c.members) + len(c.invites) >= MAX_COALITION:
        return Reason("coalition_full")
    return None


def _invitation(state: GameState, action: Action) -> Optional[Coalition]:
    """The active coalition that has invited the acting seat, as the action names it."""
    cid = action.coalition
    if not 0 <= cid < len(state.coalitions):
        return None
    c = state.coalitions[cid]
    return c if c.active and action.seat in c.invites else None


def _check_accept(state: GameState, action: Accept, seat: Seat) -> Optional[Reason]:
    c = _invitation(state, action)
    if c is None:
        return Reason("no_invitation")
    if seat.coalition >= 0:
        return Reason("already_in_coalition")
    if c.invites[action.seat] in c.members.values():
        return Reason("role_taken")
    return None


def _check_decline(state: GameState, action: Decline, seat: Seat) -> Optional[Reason]:
    return None if _invitation(state, action) is not None else Reason("no_invitation")


def _check_leave(state: GameState, action: Leave, seat: Seat) -> Optional[Reason]:
    return None if seat.coalition >= 0 else Reason("not_in_coalition")


def _check_seize(state: GameState, action: Seize, seat: Seat) -> Optional[Reason]:
    book = state.book
    spec = book.kind_action["seize_opportunity"]
    if seat.ap < spec.ap:
        return Reason("no_ap")
    trend = action.trend
    if trend not in state.current_trends() or trend not in book.opportunities or trend in state.seized:
        return Reason("no_opportunity")
    return _afford(seat.res, book.opportunities[trend][0])


def _check_signature(state: GameState, action: Signature, seat: Seat) -> Optional[Reason]:
    spec = state.book.actions.get(action.action)
    if spec is None or spec.kind != "signature":
        return Reason("unknown_action")
    if spec.role != seat.role:
        return Reason("not_your_action")
    if seat.ap < spec.ap:
        return Reason("no_ap")
    if spec.target:
        if _bad_target(state, action):
            return Reason("bad_target")
    elif action.target != -1:
        return Reason("bad_target")
    if spec.needs_coalition and seat.coalition < 0:
        return Reason("not_in_coalition")
    if spec.requires:
        c = state.coalition_of(action.seat)
        for role, reason in spec.requires:
            if c is None or not any(state.seats[m].role == role for m in c.members):
                return Reason("requirement", reason=reason)
    return _afford(seat.res, spec.cost)


_CHECKS = {
    "end_turn": _check_end_turn,
    "invest": _check_invest,
    "conversation": _check_conversation,
    "build_facts": _check_generic,
    "offer": _check_offer,
    "propose": _check_propose,
    "invite": _check_invite,
    "accept": _check_accept,
    "decline": _check_decline,
    "leave": _check_leave,
    "seize_opportunity": _check_seize,
    "signature": _check_signature,
}


# ------------------------------------------------------------------------------------------ applying


def apply(state: GameState, action: Action) -> GameState:
    """A new state: `state` with `action` applied. `state` itself is not changed."""
    new = state.copy()
    apply_in_place(new, action)
    return new


def apply_in_place(state: GameState, action: Action) -> None:
    """Apply `action` to a state the caller owns (bots and replays, which need no copy): the one way an
    action changes a state; IllegalAction, and no change, when the rules refuse it."""
    reason = check(state, action)
    if reason is not None:
        raise IllegalAction(reason)
    kind = action.kind
    _APPLY[kind](state, action)
    state.actions.append(action)
    if kind in KNOB_KINDS:  # a seat's action turns the knobs the content weighs it for
        actors.turn_knobs(state, content_action_id(action))


def replay(content, setup: Setup, actions) -> GameState:
    """Rebuild a game from its setup (with seed) and its actions."""
    state = new_game(content, setup)
    for action in actions:
        apply_in_place(state, action)
    return state


# What replaying actions read from a file (a save, a log) can meet: an action the rules refuse, or one that
# names a seat, a trend or an amount that does not exist in this game.
REPLAY_ERRORS = (IllegalAction, KeyError, ValueError, IndexError, TypeError, OverflowError)


def replay_checked(state: GameState, actions) -> int:
    """`replay` onto a new game's `state` for actions read from a file: 0 when all were applied, else the
    number (from 1) of the first action that could not be (the state is then the game so far)."""
    for number, action in enumerate(actions, 1):
        try:
            apply_in_place(state, action)
        except REPLAY_ERRORS:
            return number
    return 0


def is_over(state: GameState) -> bool:
    """True once the game has ended."""
    return state.phase == PHASE_OVER


def goal_measure(state: GameState, s: int) -> float:
    """How far seat s is towards its private goal: 0.0 to 1.0 (1.0 is met)."""
    seat = state.seats[s]
    measure = state.book.goal_measures.get((seat.role, seat.goal))
    if measure is None:  # not compiled: look the goal up (a KeyError when the role has no such goal)
        measure = goal_measure_spec(state.book.goal(seat.role, seat.goal))
    kind, where, value = measure
    if kind == "indicator_at_least":
        have = state.ind[where]
    elif kind == "resource_at_least":
        have = seat.res[where]
    elif kind == "vital_rounds_at_least":
        have = seat.vital_rounds
    elif kind == "progress_at_least":
        have = state.progress
    else:  # trust_at_least
        others = [state.trust[s][t] for t in range(len(state.seats)) if t != s]
        have = sum(others) / len(others) if others else 0
    m = have / value
    return 1.0 if m > 1 else m


def _draw_trend(state: GameState, action: DrawTrend) -> None:
    book = state.book
    if state.round > 1:
        for seat, income in zip(state.seats, book.income, strict=True):
            res = seat.res
            for i in ALL_RESOURCES:  # income is never negative, so no floor at zero is needed
                v = income[i]
                if v:
                    res[i] += v
    cards = []
    for _ in range(book.cards_in_round(state.round)):
        if not state.deck:
            used = set(state.drawn[-1]) if state.drawn else set()
            state.rng, state.deck = rng.shuffled(state.rng, [t for t in book.trend_ids if t not in used])
            if not state.deck:
                break
        card = state.deck.pop(0)
        cards.append(card)
        chance = book.trend_chance.get(card, 1.0)
        comes = True
        if chance < 1.0:  # an uncertain trend may pass the municipality by (a certain one draws no number)
            state.rng, comes = rng.chance(state.rng, chance)
        if comes:
            apply_effects(state, book.trends[card])
            state.events.append(TrendDrawn(state.round, card))
            if card in book.responses:
                state.pending.append(card)
        else:
            state.events.append(TrendMissed(state.round, card))
    state.drawn.append(cards)
    actors.at_round_start(state)
    state.peek = False
    state.start_seat = (state.round - 1) % book.n
    if state.pending:
        state.phase = PHASE_DILEMMA
        state.turn = -1
    else:
        _start_actions(state)


def _respond(state: GameState, action: Respond) -> None:
    apply_effects(state, state.book.responses[action.trend][action.response])
    state.pending.remove(action.trend)
    state.answers.append((state.round, action.trend, action.response))
    state.events.append(Answered(state.round, action.trend, action.response))
    if not state.pending:
        _start_actions(state)


def _start_actions(state: GameState) -> None:
    """The seats' turns begin: action points, this round's marks, empty pots."""
    book = state.book
    state.phase = PHASE_ACTIONS
    n = book.n
    state.turn = state.start_seat
    state.turns_left = n
    ap = book.action_points
    for s, seat in enumerate(state.seats):
        seat.ap = ap
        seat.done = False
        seat.invested = [0] * NR
        seat.solo = 0
        seat.goal_mark = goal_measure(state, s)
    for c in state.coalitions:
        c.pot = [0] * NR


def _invest(state: GameState, action: Invest) -> None:
    state.seats[action.seat].ap -= 1
    _contribute(state, action.seat, action.amounts, paid=True)


def _contribute(state: GameState, s: int, vec: tuple, paid: bool = False) -> None:
    """Resources put into the challenge: the coalition's pot, or alone. `paid`: they come out of the seat's
    own resources (an investment), else from an action's effect."""
    seat = state.seats[s]
    res, invested, contributed = seat.res, seat.invested, seat.contributed
    pot = state.coalitions[seat.coalition].pot if seat.coalition >= 0 else None
    for i in ALL_RESOURCES:  # one pass over the vector for every list it changes
        v = vec[i]
        if v:
            if paid:
                res[i] -= v
            invested[i] += v
            contributed[i] += v
            if pot is not None:
                pot[i] += v
    if pot is None:
        seat.solo += sum(vec)


def _conversation(state: GameState, action: Conversation) -> None:
    spec = state.book.kind_action["conversation"]
    _generic(state, action.seat, spec, action.target)


def _build_facts(state: GameState, action: BuildFacts) -> None:
    spec = state.book.kind_action["build_facts"]
    _generic(state, action.seat, spec, -1)


def _offer(state: GameState, action: Offer) -> None:
    spec = state.book.kind_action["offer"]
    giver, taker = state.seats[action.seat], state.seats[action.target]
    giver.res[action.resource] -= action.amount
    taker.res[action.resource] += action.amount
    _generic(state, action.seat, spec, action.target)


def _generic(state: GameState, s: int, spec, target: int) -> None:
    """Pay for an action and apply its generic effects (content-defined numbers)."""
    seat = state.seats[s]
    seat.ap -= spec.ap
    pay(seat, spec.cost)
    if spec.self_res != NO_RESOURCES:
        add_floored(seat.res, spec.self_res)
    if target >= 0:
        if spec.target_res != NO_RESOURCES:
            add_floored(state.seats[target].res, spec.target_res)
        add_trust(state, s, target, spec.trust_target)
    if spec.pot != NO_RESOURCES:
        _contribute(state, s, spec.pot)
    if spec.ind != NO_INDICATORS:
        add_ind(state, spec.ind)
    if spec.progress:  # a larger table makes more moves: each counts for its share of a table of need_seats
        add_progress(state, spec.progress * state.book.seat_share)
    if spec.trust_coalition and seat.coalition >= 0:
        add_trust_among(state, state.coalitions[seat.coalition].members, spec.trust_coalition)
    if spec.trust_all:
        for t in range(len(state.seats)):
            add_trust(state, s, t, spec.trust_all)
    if spec.resilience:  # learning, like progress, counts for this seat's share of a table of need_seats
        most = state.book.base.resilience_max  # what a municipality can learn ahead has a ceiling
        state.resilience = min(most, state.resilience + spec.resilience * state.book.seat_share)
    if spec.reveal:
        state.needs_known = True
        state.peek = True
    if spec.need != NO_RESOURCES:  # a lasting change of what the challenge needs: a price (or gain) paid later
        add_floored(state.need, spec.need)


def _propose(state: GameState, action: Propose) -> None:
    spec = state.book.kind_action["propose"]
    _generic(state, action.seat, spec, -1)
    cid = len(state.coalitions)
    state.coalitions.append(Coalition(cid, action.kvd, state.round, {action.seat: action.role}))
    state.seats[action.seat].coalition = cid
    state.events.append(Founded(state.round, cid, action.seat))


def _invite(state: GameState, action: Invite) -> None:
    c = state.coalitions[state.seats[action.seat].coalition]
    c.invites[action.target] = action.role


def _accept(state: GameState, action: Accept) -> None:
    c = state.coalitions[action.coalition]
    s = action.seat
    role = c.invites.pop(s)
    if state.seats[s].role in state.book.kvds.get(c.kvd, ()):  # the KVD speaks to this role
        for m in c.members:
            add_trust(state, s, m, 1)
    c.members[s] = role
    state.seats[s].coalition = c.id
    state.events.append(Joined(state.round, c.id, s))


def _decline(state: GameState, action: Decline) -> None:
    state.coalitions[action.coalition].invites.pop(action.seat)


def _leave_coalition(state: GameState, s: int, trust_delta: int) -> None:
    seat = state.seats[s]
    c = state.coalitions[seat.coalition]
    del c.members[s]
    seat.coalition = -1
    for m in c.members:
        add_trust(state, s, m, trust_delta)
    if len(c.members) < 2:  # a coalition of one is no coalition: it dissolves
        for m in c.members:
            state.seats[m].coalition = -1
        c.members.clear()
        c.active = False
        c.invites.clear()
        state.events.append(Dissolved(state.round, c.id))


def _leave(state: GameState, action: Leave) -> None:
    spec = state.book.kind_action["leave"]
    cid = state.seats[action.seat].coalition
    _leave_coalition(state, action.seat, spec.trust_coalition)
    state.events.append(Left(state.round, cid, action.seat))


def _seize(state: GameState, action: Seize) -> None:
    spec = state.book.kind_action["seize_opportunity"]
    seat = state.seats[action.seat]
    cost, effects = state.book.opportunities[action.trend]
    seat.ap -= spec.ap
    pay(seat, cost)
    state.seized.append(action.trend)
    apply_effects(state, effects, only_seat=action.seat)
    state.events.append(Seized(state.round, action.trend, action.seat))


def _signature(state: GameState, action: Signature) -> None:
    spec = state.book.actions[action.action]
    _generic(state, action.seat, spec, action.target)


def _end_turn(state: GameState, action: EndTurn) -> None:
    seat = state.seats[action.seat]
    seat.done = True
    state.turns_left -= 1
    if state.turns_left <= 0:
        state.phase = PHASE_RESOLVE
        state.turn = -1
    else:
        state.turn = (state.turn + 1) % state.book.n


def coalition_checklist(state: GameState, c: Coalition, pot: Optional[list] = None) -> list:
    """The vital criteria of coalition `c`, judged on `pot` or its pot now: (criterion, reasons it is not met)
    for each of members, roles, lead, trust and need, and contribute where the scenario asks every member to; a
    criterion is met when its list is empty. The table shows them in this order."""
    book = state.book
    crit = book.criteria
    seats = state.seats
    members = list(c.members)
    roles = {seats[m].role for m in members}
    size = [] if len(members) >= 2 else [Reason("crit_size")]
    role_gaps = []
    if len(roles) < crit.min_roles:
        role_gaps.append(Reason("crit_roles", have=len(roles), need=crit.min_roles))
    for role in crit.required_roles:
        if role not in roles:
            role_gaps.append(Reason("crit_required", **book.role_term(role)))
    lead_gaps = []
    lead = c.lead()
    if lead is None:
        lead_gaps.append(Reason("crit_no_lead"))
    else:
        lead_role = seats[lead].role
        if crit.lead_roles and lead_role not in crit.lead_roles:
            lead_gaps.append(Reason("crit_lead_role", **book.role_term(crit.lead_roles[0])))
        if lead_role in crit.forbidden_lead_roles:
            lead_gaps.append(Reason("crit_lead_forbidden", **book.role_term(lead_role)))
    trust_gaps = []
    low = None
    trust, threshold = state.trust, crit.trust_threshold
    for a, b in combinations(members, 2):
        t = trust[a][b]
        if t < threshold and (low is None or t < low[0]):
            low = (t, a, b)
    if low is not None:
        trust_gaps.append(
            Reason("crit_trust", a=seats[low[1]].name, b=seats[low[2]].name, have=low[0], need=crit.trust_threshold)
        )
    pot = c.pot if pot is None else pot
    need = state.need
    need_gaps = [
        Reason("crit_need", resource=Term("resource", RESOURCES[i]), have=pot[i], need=need[i])
        for i in ALL_RESOURCES
        if pot[i] < need[i]
    ]
    checklist = [
        ("members", size),
        ("roles", role_gaps),
        ("lead", lead_gaps),
        ("trust", trust_gaps),
        ("need", need_gaps),
    ]
    if crit.all_members_contribute:
        idle = [Reason("crit_contribute", name=seats[m].name) for m in members if sum(seats[m].invested) <= 0]
        checklist.append(("contribute", idle))
    return checklist


def coalition_problems(state: GameState, c: Coalition, pot: Optional[list] = None) -> list:
    """Why coalition `c` is not vital (an empty list when it is), judged on `pot` or its pot now."""
    return [reason for _, reasons in coalition_checklist(state, c, pot) for reason in reasons]


def coalition_yield(state: GameState, c: Coalition) -> float:
    """How much the coalition's make-up yields under this scenario: its lead's role, plus each member's, plus
    each member its KVD speaks to."""
    crit = state.book.criteria
    seats = state.seats
    lead = c.lead()
    out = crit.lead_yield.get(seats[lead].role, 1.0) if lead is not None else 1.0
    member_yield = crit.member_yield
    share = state.book.seat_share  # a larger table seats more of a role: each member counts for its share
    if member_yield:
        for m in c.members:
            out += member_yield.get(seats[m].role, 0.0) * share
    kvd_yield = state.book.base.kvd_yield
    if kvd_yield:  # a KVD the members recognise as their own: each member it speaks to adds
        appeal = state.book.kvds.get(c.kvd, ())
        out += kvd_yield * share * sum(1 for m in c.members if seats[m].role in appeal)
    return out if out > 0 else 0.0


def _fit(state: GameState, pot: list) -> float:
    """How well a pot covers the true need (visible plus hidden), weighted by the need mix."""
    total = 0.0
    covered = 0.0
    for i in range(NR):
        need = state.need[i] + state.hidden[i]
        if need > 0:
            total += need
            covered += pot[i] if pot[i] < need else need
    return covered / total if total else 1.0


def coalition_gain(state: GameState, c: Coalition, checklist: list, pot: list) -> float:
    """The progress coalition `c` makes this round: a vital coalition's gain (its pot's fit with the true need,
    its synergy, the facts, its yield), or, graded, a share of it for the share of the criteria it meets. A
    coalition of one is no coalition: its pot counts as invested alone."""
    book = state.book
    base = book.base
    crit = book.criteria
    if len(c.members) < 2:
        return base.alone_factor * sum(pot)
    # Roles beyond the minimum; a coalition that spans every role at the table counts as spanning every role
    # there is, so a small table is not cut off from the diversity bonus.
    kinds = len({state.seats[m].role for m in c.members})
    extra = (book.all_roles if kinds >= book.table_kinds else kinds) - crit.min_roles
    synergy = 1.0 + base.synergy_per_role * (extra if extra > 0 else 0)
    facts = 1.0 if state.needs_known else crit.unknown_need_factor
    gain = base.vital_gain * _fit(state, pot) * synergy * facts * book.progress_multiplier * coalition_yield(state, c)
    unmet = sum(1 for _, reasons in checklist if reasons)
    if unmet:
        gain *= base.partial_gain * (len(checklist) - unmet) / len(checklist)
    return gain


def _resolve_coalition(state: GameState, c: Coalition, rnd: int) -> None:
    """One active coalition at the round's resolution: the actors' funds, vital or not, its progress, its
    lead's price."""
    actors.fund_coalition(state, c)
    pot = c.pot
    checklist = coalition_checklist(state, c, pot)
    gain = coalition_gain(state, c, checklist, pot)
    problems = [reason for _, reasons in checklist for reason in reasons]
    if not problems:
        c.vital = True
        c.vital_rounds += 1
        for m in c.members:
            state.seats[m].vital_rounds += 1
        ind = state.ind
        for i, v in enumerate(VITAL_INDICATORS):  # unclamped: the round's drift clamps every indicator
            if v:
                ind[i] += v
        state.events.append(Vital(rnd, c.id, round(gain, 2)))
    else:
        if c.vital:
            state.events.append(LostVital(rnd, c.id))
        c.vital = False
        state.events.append(NotVital(rnd, c.id, round(gain, 2), tuple(p.key for p in problems)))
    add_progress(state, gain)
    lead = c.lead()
    price = state.book.criteria.lead_round.get(state.seats[lead].role) if lead is not None else None
    if price is not None and len(c.members) >= 2:
        trust, ind = price
        add_trust_among(state, c.members, trust)
        add_ind(state, ind)
        state.events.append(LeadPrice(rnd, c.id, lead))


def _resolve_round(state: GameState, action: ResolveRound) -> None:
    book = state.book
    base = book.base
    crit = book.criteria
    before = state.progress
    rnd = state.round
    for c in state.coalitions:
        if c.active:
            _resolve_coalition(state, c, rnd)
    for seat in state.seats:
        if seat.solo:
            add_progress(state, base.alone_factor * seat.solo * book.seat_share)
    actors.at_resolution(state)
    actors.knobs_at_resolution(state)
    gained = state.progress - before
    ind = state.ind
    drift, impact = book.drift, book.impact
    for i in range(NI):  # every indicator is clamped: the +1s of vital coalitions above are not yet
        v = ind[i] + drift[i]
        if gained and impact[i]:  # else the challenge's impact is nothing (and `round` a call for nothing)
            v += round(impact[i] * gained / 100.0)
        ind[i] = 0 if v < 0 else (100 if v > 100 else v)
    if crit.goals_must_advance and crit.walkout_chance > 0:
        for c in state.coalitions:
            # A coalition that delivers gives every member a reason to stay; a new one gets a round to start.
            if not c.active or c.vital or c.founded == rnd:
                continue
            for m in sorted(c.members):
                if not c.active:
                    break
                measure = goal_measure(state, m)
                if measure < 1.0 and measure <= state.seats[m].goal_mark + 1e-9:
                    state.rng, out = rng.chance(state.rng, crit.walkout_chance)
                    if out:
                        _leave_coalition(state, m, -1)
                        state.events.append(Walkout(rnd, c.id, m))
    state.history.append((tuple(state.ind), state.progress))
    if state.progress >= base.realised_at or rnd >= book.setup.rounds:
        state.phase = PHASE_OVER
    else:
        state.round = rnd + 1
        state.phase = PHASE_TREND
    state.turn = -1


_APPLY = {
    "draw_trend": _draw_trend,
    "respond": _respond,
    "resolve_round": _resolve_round,
    "invest": _invest,
    "conversation": _conversation,
    "build_facts": _build_facts,
    "offer": _offer,
    "propose": _propose,
    "invite": _invite,
    "accept": _accept,
    "decline": _decline,
    "leave": _leave,
    "seize_opportunity": _seize,
    "signature": _signature,
    "end_turn": _end_turn,
}
