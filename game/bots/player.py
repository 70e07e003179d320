"""A computer player: picks an action by its strategy's preferences, checks it with the engine, explains it.

The bot never changes a state itself: it proposes actions, and every one passes `engine.check` (the same
predicate `legal_actions` uses) before it is returned; the caller applies it. Its own random generator is
seeded from the game's seed and its seat, so a game with bots is as repeatable as the rest of the engine.
"""

from __future__ import annotations

from typing import Optional

from game.content.models import COALITION_ROLES, INDICATORS, RESOURCES
from game.engine import rng
from game.engine.actions import (
    Accept,
    BuildFacts,
    Conversation,
    Decline,
    EndTurn,
    Invest,
    Invite,
    Propose,
    Seize,
    Signature,
)
from game.engine.rules import check, pot_with_bonus
from game.engine.state import PHASE_ACTIONS, GameState

from .strategies import ROLE_SEATS, STRATEGIES, Profile
from .words import Because

NR = len(RESOURCES)


class Bot:
    """A computer player for one seat."""

    __slots__ = ("seat", "profile", "rng", "keep")

    def __init__(self, seat: int, profile: Profile | str, seed: int) -> None:
        self.seat = seat
        self.profile = STRATEGIES[profile] if isinstance(profile, str) else profile
        self.rng = rng.seed_state(seed * 7919 + seat * 104729 + 17)
        self.keep = [0] * NR  # units of each resource kept back, worked out at each decision

    # ------------------------------------------------------------------ the decision
    def choose(self, state: GameState) -> tuple:
        """The action to take now, with a one-sentence reason (a Because)."""
        if state.phase != PHASE_ACTIONS or state.turn != self.seat:
            raise ValueError("it is not this bot's turn")
        self._set_reserve(state)
        for option in self._options(state):
            action, because = option
            if check(state, action) is None:
                return action, because
        return EndTurn(self.seat), Because("done")

    def _options(self, state: GameState):
        """Candidate actions in order of preference (the first legal one is taken)."""
        p = self.profile
        s = self.seat
        me = state.seats[s]
        if p.passive:
            yield EndTurn(s), Because("passive")
            return
        yield from self._answer_invitations(state)
        if p.coalition:
            yield from self._coalition_building(state)
        if me.ap <= 0:
            yield EndTurn(s), Because("done")
            return
        book = state.book
        coalition = state.coalition_of(s)
        if p.facts and not state.needs_known and self._is_fact_seat(state):
            yield BuildFacts(s), Because("facts")
        if p.talk and coalition is not None:
            low = self._lowest_trust_member(state, coalition)
            if low is not None:
                yield Conversation(s, low), Because("talk", other=state.seats[low].name)
            if self._trust_gap(state, coalition):
                for spec in book.signatures.get(me.role, ()):
                    if spec.trust_coalition > 0 and spec.kind == "signature":
                        yield Signature(s, spec.id), Because("signature", action_id=spec.id)
        if coalition is not None:
            amounts = self._coalition_investment(state, coalition)
            if amounts is not None:
                yield Invest(s, amounts), Because("invest_need")
            if p.facts:  # a group that knows the numbers also works on what is scarce
                yield from self._make_scarce(state, coalition)
        elif not p.coalition:
            amounts = self._solo_investment(state)
            if amounts is not None:
                yield Invest(s, amounts), Because("invest_alone")
        if p.learning and state.resilience < 4 and state.round < book.setup.rounds:
            for spec in book.signatures.get(me.role, ()):
                if spec.resilience:
                    yield Signature(s, spec.id), Because("learning")
        if p.seize:
            for trend in state.current_trends():
                if trend in book.opportunities and trend not in state.seized:
                    cost = book.opportunities[trend][0]
                    if all(me.res[i] >= cost[i] + self._reserve(state, i) for i in range(NR)):
                        yield Seize(s, trend), Because("seize")
        if p.goal_care:
            yield from self._goal_actions(state)
        yield from self._signature_actions(state)
        yield EndTurn(s), Because("done")

    # ------------------------------------------------------------------ coalitions
    def _answer_invitations(self, state: GameState):
        s = self.seat
        for cid, c in enumerate(state.coalitions):
            if s in c.invites:
                if self.profile.coalition and state.seats[s].coalition < 0 and self._likes(state, c):
                    yield Accept(s, cid), Because("accept")
                else:
                    yield Decline(s, cid), Because("decline")

    def _likes(self, state: GameState, c) -> bool:
        """Whether this bot wants to join coalition c."""
        members = self.profile.member_roles
        return not members or state.seats[self.seat].role in members

    def _founder(self, state: GameState) -> int:
        """The seat this strategy expects to found the coalition."""
        for role in self.profile.lead_roles:
            for i, seat in enumerate(state.seats):
                if seat.role == role:
                    return i
        return 0

    def _is_fact_seat(self, state: GameState) -> bool:
        """The seat that builds facts: the first professional, else the founder."""
        for i, seat in enumerate(state.seats):
            if seat.role == "professional":
                return i == self.seat
        return self._founder(state) == self.seat

    def _coalition_building(self, state: GameState):
        s = self.seat
        me = state.seats[s]
        if me.coalition < 0:
            if self._founder(state) == s and not any(
                c.active and s in c.invites for c in state.coalitions
            ):
                yield Propose(s, self._best_kvd(state), "lead"), Because("propose")
            return
        c = state.coalitions[me.coalition]
        lead = c.lead()
        inviter = lead if lead is not None else min(c.members)
        if inviter != s:
            return
        wanted = self.profile.member_roles
        taken = set(c.members.values()) | set(c.invites.values())
        founder = self._founder(state)
        for t, seat in enumerate(state.seats):
            if t == s or seat.coalition >= 0 or t in c.invites:
                continue
            if wanted and seat.role not in wanted:
                continue
            preferred = ROLE_SEATS.get(seat.role, COALITION_ROLES)
            if t == founder:
                preferred = ("lead",) + preferred
            for role in preferred:
                if role not in taken:
                    yield Invite(s, t, role), Because("invite", other=seat.name)
                    break

    def _best_kvd(self, state: GameState) -> str:
        """The KVD that speaks to most of the roles this strategy wants in its coalition."""
        wanted = set(self.profile.member_roles or {seat.role for seat in state.seats})
        best, best_score = None, -1
        for kvd, appeal in state.book.kvds.items():
            score = len(wanted.intersection(appeal))
            if score > best_score:
                best, best_score = kvd, score
        return best

    def _trust_gap(self, state: GameState, c) -> bool:
        """Whether some pair of members trusts each other less than the criteria ask."""
        threshold = state.book.criteria.trust_threshold
        members = list(c.members)
        return any(
            state.trust[a][b] < threshold for i, a in enumerate(members) for b in members[i + 1 :]
        )

    def _lowest_trust_member(self, state: GameState, c) -> Optional[int]:
        threshold = state.book.criteria.trust_threshold
        s = self.seat
        low, low_value = None, threshold
        for m in c.members:
            if m != s and state.trust[s][m] < low_value:
                low, low_value = m, state.trust[s][m]
        return low

    # ------------------------------------------------------------------ investing
    def _set_reserve(self, state: GameState) -> None:
        """Work out the units of each resource this bot keeps back (for its goal, or time for talking)."""
        p = self.profile
        keep = self.keep
        keep[0] = keep[2] = keep[3] = 0
        keep[1] = 1 if p.talk else 0
        if p.goal_care:
            me = state.seats[self.seat]
            goal = state.book.goal(me.role, me.goal)
            if goal.kind == "resource_at_least":
                i = RESOURCES.index(goal.target)
                last_round = state.round >= state.book.setup.rounds
                keep[i] = max(keep[i], goal.value if last_round else min(goal.value, me.res[i]) - 1)

    def _reserve(self, state: GameState, i: int) -> int:
        """Units of resource i this bot keeps back."""
        return self.keep[i]

    def _coalition_investment(self, state: GameState, c) -> Optional[tuple]:
        """What is still missing in the coalition's pot, as far as this seat can give it."""
        me = state.seats[self.seat]
        pot = pot_with_bonus(state, c)
        cap = state.book.base.invest_cap
        order = range(NR)
        if self.profile.money_first:
            order = sorted(range(NR), key=lambda i: i != 0)
        out = [0] * NR
        left = cap
        for i in order:
            need = state.need[i] + (state.hidden[i] if state.needs_known else 0)
            missing = need - pot[i]
            spare = me.res[i] - self._reserve(state, i)
            give = min(missing, spare, left)
            if give > 0:
                out[i] = give
                left -= give
        if sum(out) == 0 and sum(me.invested) == 0:
            # every member contributes something: reciprocity (a scenario may demand it)
            for i in sorted(range(NR), key=lambda i: -me.res[i]):
                if me.res[i] - self._reserve(state, i) > 0:
                    out[i] = 1
                    break
        return tuple(out) if sum(out) else None

    def _make_scarce(self, state: GameState, c):
        """Actions that produce a resource the coalition's pot still lacks and this seat cannot give."""
        me = state.seats[self.seat]
        pot = pot_with_bonus(state, c)
        book = state.book
        specs = [book.kind_action["conversation"], book.kind_action["build_facts"]]
        specs += list(book.signatures.get(me.role, ()))
        for i in range(NR):
            need = state.need[i] + (state.hidden[i] if state.needs_known else 0)
            if pot[i] >= need or me.res[i] > self._reserve(state, i):
                continue
            best = max(specs, key=lambda spec: spec.self_res[i] - spec.cost[i])
            if best.self_res[i] - best.cost[i] <= 0:
                continue
            if best.kind == "conversation":
                others = [m for m in c.members if m != self.seat] or [t for t in range(book.n) if t != self.seat]
                low = min(others, key=lambda t: state.trust[self.seat][t])
                yield Conversation(self.seat, low), Because("talk", other=state.seats[low].name)
            elif best.kind == "build_facts":
                yield BuildFacts(self.seat), Because("facts")
            else:
                yield self._signature(state, best), Because("signature", action_id=best.id)

    def _solo_investment(self, state: GameState) -> Optional[tuple]:
        me = state.seats[self.seat]
        cap = state.book.base.invest_cap
        out = [0] * NR
        left = cap
        for i in sorted(range(NR), key=lambda i: -me.res[i]):
            give = min(me.res[i] - self._reserve(state, i), left)
            if give > 0:
                out[i] = give
                left -= give
        return tuple(out) if sum(out) else None

    # ------------------------------------------------------------------ goals and signatures
    def _goal_actions(self, state: GameState):
        s = self.seat
        me = state.seats[s]
        goal = state.book.goal(me.role, me.goal)
        if goal.kind == "indicator_at_least":
            target = INDICATORS.index(goal.target)
            if state.ind[target] < goal.value:
                for spec in state.book.signatures.get(me.role, ()):
                    if spec.ind[target] > 0:
                        yield self._signature(state, spec), Because("goal")
        elif goal.kind == "trust_at_least":
            others = [t for t in range(len(state.seats)) if t != s]
            low = min(others, key=lambda t: state.trust[s][t])
            if state.trust[s][low] < goal.value:
                yield Conversation(s, low), Because("talk", other=state.seats[low].name)

    def _signature(self, state: GameState, spec):
        s = self.seat
        if not spec.target:
            return Signature(s, spec.id)
        coalition = state.coalition_of(s)
        pool = [m for m in coalition.members if m != s] if coalition else []
        if not pool:
            pool = [t for t in range(len(state.seats)) if t != s]
        self.rng, pick = rng.below(self.rng, len(pool))
        return Signature(s, spec.id, pool[pick])

    def _signature_actions(self, state: GameState):
        me = state.seats[self.seat]
        own = {spec.id: spec for spec in state.book.signatures.get(me.role, ())}
        for action_id in self.profile.signatures:
            spec = own.get(action_id)
            if spec is None:
                continue
            if all(me.res[i] >= spec.cost[i] + self._reserve(state, i) for i in range(NR)):
                yield self._signature(state, spec), Because("signature", action_id=action_id)


def make_bots(state: GameState, strategy: Optional[str] = None) -> dict:
    """A Bot for every computer seat of a game (or for every seat, with `strategy`)."""
    setup = state.book.setup
    bots = {}
    for i, seat in enumerate(setup.seats):
        if strategy is not None or seat.bot:
            bots[i] = Bot(i, strategy or seat.strategy, setup.seed)
    return bots
