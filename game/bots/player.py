"""A computer player: picks an action by its strategy's preferences, checks it with the engine, explains it.

The bot never changes a state itself: it proposes actions, and every one passes `engine.check` (the same
predicate `legal_actions` uses) before it is returned; the caller applies it. Its own random generator is
seeded from the game's seed and its seat, so a game with bots is as repeatable as the rest of the engine.
"""

from __future__ import annotations

from itertools import combinations
from typing import Optional

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
from game.engine.actors import pot_with_funds
from game.engine.outcome import equality_change
from game.engine.rules import check
from game.engine.state import PHASE_ACTIONS, PHASE_DILEMMA, GameState
from game.engine.vocabulary import COALITION_ROLES, INDICATORS, RESOURCES

from .dilemmas import answer_dilemma
from .strategies import Profile, profile_of
from .words import KEYS, Because

# A reason without parameters is never changed once made, so each is made once and shared.
PLAIN = {key: Because(key) for key in KEYS}

NR = len(RESOURCES)
ALL_RESOURCES = tuple(range(NR))
NOTHING = (0,) * NR
EQUALITY = INDICATORS.index("equality")


def _first_legal(state: GameState, candidates) -> Optional[tuple]:
    """The first (action, reason) of `candidates` that `check` accepts, or None."""
    for action, because in candidates:
        if check(state, action) is None:
            return action, because
    return None


class _Plan:
    """What a bot works out once per game: what depends on the table, the rulebook and its own goal, but
    not on the moment. `choose` runs for every single move, so it reads these instead of searching again."""

    __slots__ = (
        "book",
        "goal_id",
        "goal",
        "goal_value",
        "goal_resource",
        "goal_indicator",
        "founder",
        "fact_seat",
        "keep",
        "producers",
        "liked",
        "serves",
    )

    def __init__(self, bot: Bot, state: GameState) -> None:
        me = state.seats[bot.seat]
        self.book = state.book
        self.goal_id = me.goal
        self.goal = None
        self.goal_value = 0
        self.goal_resource = self.goal_indicator = -1  # the goal's resource or indicator index
        if bot.profile.goal_care:
            goal = self.goal = state.book.goal(me.role, me.goal)
            self.goal_value = goal.value  # read at every decision: a slot is cheaper than a pydantic field
            if goal.kind == "resource_at_least":
                self.goal_resource = RESOURCES.index(goal.target)
            elif goal.kind == "indicator_at_least":
                self.goal_indicator = INDICATORS.index(goal.target)
        self.founder = bot._founder(state)
        self.fact_seat = bot._is_fact_seat(state)
        # per role, how it prefers to serve in a coalition it does not lead (the content's roles say)
        self.serves = {
            role_id: tuple(role.coalition_roles) or COALITION_ROLES
            for role_id, role in state.book.content.roles.items()
        }
        self.keep = (0, 1 if bot.profile.talk else 0, 0, 0)  # time kept back for talking
        self.producers: Optional[tuple] = None  # see Bot._producers; worked out when first needed
        self.liked: Optional[tuple] = None  # its own signature actions this strategy likes, in order


def founder_seat(roles: tuple, lead_roles: tuple) -> int:
    """The seat a strategy expects to found the coalition: the first seat of its first lead role there is."""
    for role in lead_roles:
        if role in roles:
            return roles.index(role)
    return 0


def fact_seat(content, roles: tuple, lead_roles: tuple) -> int:
    """The seat the bots let build facts: the first seat of a role the content marks `builds_facts`, else the
    founder. The wind tunnel reads a table's way of playing with the same rule."""
    for s, role in enumerate(roles):
        named = content.roles.get(role)
        if named is not None and named.builds_facts:
            return s
    return founder_seat(roles, lead_roles)


class Bot:
    """A computer player for one seat."""

    __slots__ = ("seat", "profile", "seed", "rng", "keep", "plan", "end_turn", "build_facts")

    def __init__(self, seat: int, profile: Profile | str, seed: int) -> None:
        self.seat = seat
        # a strategy's name is read from the game's content when the bot first sees a state
        self.profile: Profile | str = profile
        # The bot draws from the state of this generator mixed with the number of actions so far, never from a
        # generator of its own that moves on: its choice then depends on the game's state alone, so a game
        # resumed from a save (or rebuilt after an undo) goes on exactly as it would have.
        self.seed = seed
        self.rng = -1  # that generator's state: made when first needed (most games never need it)
        self.keep = NOTHING  # units of each resource kept back, worked out at each decision
        self.plan: Optional[_Plan] = None  # made for the game of the first state it sees
        # Proposed at nearly every turn's end, without asking `check`: ending one's turn is legal whenever it is
        # one's turn in the actions phase, which `choose` makes sure of first (a test checks every bot move).
        self.end_turn = EndTurn(seat)
        self.build_facts = BuildFacts(seat)

    # ------------------------------------------------------------------ the decision
    def choose(self, state: GameState) -> tuple:
        """The action to take now, with a one-sentence reason (a Because): a move in its turn, or the table's
        answer to a dilemma."""
        if state.phase == PHASE_DILEMMA:
            return self.answer(state)
        if state.phase != PHASE_ACTIONS or state.turn != self.seat:
            raise ValueError("it is not this bot's turn")
        # The first legal action in this strategy's order of preference: each stage below returns its move,
        # or None to let the next stage look.
        me = state.seats[self.seat]
        plan = self.plan
        if plan is None or plan.book is not state.book or plan.goal_id != me.goal:
            if isinstance(self.profile, str):
                self.profile = profile_of(state.book.content, self.profile)
            plan = self.plan = _Plan(self, state)  # a new game (or a bot reused for another one)
        if self.profile.passive:
            return self.end_turn, PLAIN["passive"]
        found = self._coalition_move(state, plan)
        if found:
            return found
        if me.ap <= 0:
            return self.end_turn, PLAIN["done"]
        # What follows spends resources: work out what is kept back (only a resource goal changes it).
        self.keep = plan.keep if plan.goal_resource < 0 else self._reserve(state, plan)
        coalition = state.coalitions[me.coalition] if me.coalition >= 0 else None
        for stage in (
            self._facts_move,
            self._trust_move,
            self._fairness_move,
            self._investment_move,
            self._learning_move,
        ):
            found = stage(state, plan, coalition)
            if found:
                return found
        found = self._chance_move(state)
        if not found and self.profile.goal_care:
            found = _first_legal(state, self._goal_actions(state, plan))
        return found or _first_legal(state, self._signature_actions(state, plan)) or (self.end_turn, PLAIN["done"])

    def answer(self, state: GameState) -> tuple:
        """The table's answer to the first open dilemma, as this bot would give it (see `answer_dilemma`)."""
        if isinstance(self.profile, str):
            self.profile = profile_of(state.book.content, self.profile)
        return answer_dilemma(self.profile, state)

    def _coalition_move(self, state: GameState, plan: _Plan) -> Optional[tuple]:
        """Answering an invitation, founding the coalition, or inviting the seats this strategy wants."""
        s = self.seat
        invited = False  # by an active coalition
        for cid, c in enumerate(state.coalitions):  # invitations are answered first
            if s in c.invites:
                invited = invited or c.active
                answer = self._answer(state, cid, c)
                if check(state, answer[0]) is None:
                    return answer
        if not self.profile.coalition:
            return None
        me = state.seats[s]
        if me.coalition < 0:
            if plan.founder == s and not invited:
                action = Propose(s, self._best_kvd(state), "lead")
                if check(state, action) is None:
                    return action, PLAIN["propose"]
            return None
        coalition = state.coalitions[me.coalition]
        if len(coalition.members) + len(coalition.invites) < plan.book.n and self._sends_invitations(coalition):
            return _first_legal(state, self._invitations(state, plan, coalition))
        return None

    def _facts_move(self, state: GameState, plan: _Plan, coalition) -> Optional[tuple]:
        """Building the fact foundation, by the one seat the strategy lets do it."""
        if self.profile.facts and not state.needs_known and plan.fact_seat and check(state, self.build_facts) is None:
            return self.build_facts, PLAIN["facts"]
        return None

    def _trust_move(self, state: GameState, plan: _Plan, coalition) -> Optional[tuple]:
        """A talk or a trust-building action, when two members trust each other too little."""
        # Trust is symmetric, so without a gap between any two members this seat trusts every member
        # enough as well: the usual case, found with one look at the pairs.
        if self.profile.talk and coalition is not None and self._trust_gap(state, coalition):
            return _first_legal(state, self._trust_actions(state, coalition))
        return None

    def _fairness_move(self, state: GameState, plan: _Plan, coalition) -> Optional[tuple]:
        """An action of its own that raises equality, once equality has fallen below its start."""
        if not self.profile.fairness or equality_change(state) >= 0:
            return None
        me = state.seats[self.seat]
        for spec in state.book.signatures.get(me.role, ()):
            if spec.ind[EQUALITY] > 0 and self._can_spare(me.res, spec.cost):
                action = self._signature(state, spec)
                if check(state, action) is None:
                    return action, PLAIN["fairness"]
        return None

    def _investment_move(self, state: GameState, plan: _Plan, coalition) -> Optional[tuple]:
        """Filling the coalition's pot (and making scarce needs, for a group that knows the numbers), or
        investing alone for a strategy without coalitions."""
        s = self.seat
        if coalition is not None:
            # the pot with what the actors would add; without actors it is the pot itself, which is only read here
            pot = pot_with_funds(state, coalition) if state.book.coalition_moves else coalition.pot
            amounts = self._coalition_investment(state, pot)
            if amounts is not None:
                action = Invest(s, amounts)
                if check(state, action) is None:
                    return action, PLAIN["invest_need"]
            if self.profile.facts:  # a group that knows the numbers also works on what is scarce
                return _first_legal(state, self._make_scarce(state, plan, coalition, pot))
            return None
        if not self.profile.coalition:
            amounts = self._solo_investment(state)
            if amounts is not None:
                action = Invest(s, amounts)
                if check(state, action) is None:
                    return action, PLAIN["invest_alone"]
        return None

    def _learning_move(self, state: GameState, plan: _Plan, coalition) -> Optional[tuple]:
        """A signature action that organises learning, while resilience is low and rounds remain."""
        book = state.book
        if not self.profile.learning or state.resilience >= 4 or state.round >= book.setup.rounds:
            return None
        for spec in book.signatures.get(state.seats[self.seat].role, ()):
            if spec.resilience:
                action = Signature(self.seat, spec.id)
                if check(state, action) is None:
                    return action, PLAIN["learning"]
        return None

    def _chance_move(self, state: GameState) -> Optional[tuple]:
        """Seizing an opportunity on this round's trend cards that the seat can spare the cost of."""
        if not self.profile.seize:
            return None
        book = state.book
        me = state.seats[self.seat]
        for trend in state.current_trends():
            if trend in book.opportunities and trend not in state.seized:
                if self._can_spare(me.res, book.opportunities[trend][0]):
                    action = Seize(self.seat, trend)
                    if check(state, action) is None:
                        return action, PLAIN["seize"]
        return None

    def _trust_actions(self, state: GameState, coalition):
        """Talks and signature actions that raise trust within the coalition, for a seat that finds it low."""
        s = self.seat
        low = self._lowest_trust_member(state, coalition)
        if low is not None:
            yield Conversation(s, low), Because("talk", other=state.seats[low].name)
        for spec in state.book.signatures.get(state.seats[s].role, ()):
            if spec.trust_coalition > 0 and spec.kind == "signature":
                yield Signature(s, spec.id), Because("signature", action_id=spec.id)

    # ------------------------------------------------------------------ coalitions
    def _answer(self, state: GameState, cid: int, c) -> tuple:
        """The answer to coalition c's invitation."""
        s = self.seat
        if self.profile.coalition and state.seats[s].coalition < 0 and self._likes(state, c):
            return Accept(s, cid), PLAIN["accept"]
        return Decline(s, cid), PLAIN["decline"]

    def _likes(self, state: GameState, c) -> bool:
        """Whether this bot wants to join coalition c."""
        members = self.profile.member_roles
        return not members or state.seats[self.seat].role in members

    def _founder(self, state: GameState) -> int:
        """The seat this strategy expects to found the coalition."""
        return founder_seat(tuple(seat.role for seat in state.seats), self.profile.lead_roles)

    def _is_fact_seat(self, state: GameState) -> bool:
        """Whether this is the seat the bots let build facts (see `fact_seat`)."""
        roles = tuple(seat.role for seat in state.seats)
        return fact_seat(state.book.content, roles, self.profile.lead_roles) == self.seat

    def _sends_invitations(self, c) -> bool:
        """Whether this seat sends the invitations of coalition c (where some seat is neither a member nor
        invited): it is the lead, or the lowest seat while there is no lead. Every member holds a role of
        its own, so at most one holds the lead."""
        members = c.members
        if members[self.seat] == "lead":
            return True
        return "lead" not in members.values() and min(members) == self.seat

    def _invitations(self, state: GameState, plan: _Plan, c):
        """Invitations to the seats this strategy wants, each with the first coalition role still free."""
        s = self.seat
        wanted = self.profile.member_roles
        taken = set(c.members.values())
        taken.update(c.invites.values())
        for t, seat in enumerate(state.seats):
            if t == s or seat.coalition >= 0 or t in c.invites:
                continue
            if wanted and seat.role not in wanted:
                continue
            preferred = plan.serves.get(seat.role, COALITION_ROLES)
            if t == plan.founder:
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
        trust = state.trust
        for a, b in combinations(c.members, 2):
            if trust[a][b] < threshold:
                return True
        return False

    def _lowest_trust_member(self, state: GameState, c) -> Optional[int]:
        s = self.seat
        row = state.trust[s]
        low, low_value = None, state.book.criteria.trust_threshold
        for m in c.members:
            if m != s and row[m] < low_value:
                low, low_value = m, row[m]
        return low

    # ------------------------------------------------------------------ investing
    def _reserve(self, state: GameState, plan: _Plan) -> tuple:
        """The units of each resource a bot with a resource goal keeps back: for its goal, and time for talking."""
        keep = list(plan.keep)
        i = plan.goal_resource
        value = plan.goal_value  # kept in full in the last round, else all but one of what it has towards it
        if state.round < state.book.setup.rounds:
            have = state.seats[self.seat].res[i]
            value = (have if have < value else value) - 1
        if value > keep[i]:
            keep[i] = value
        return tuple(keep)

    def _can_spare(self, res: list, cost: tuple) -> bool:
        """Whether `cost` can be paid while keeping the reserve."""
        keep = self.keep
        for i in ALL_RESOURCES:
            if res[i] < cost[i] + keep[i]:
                return False
        return True

    def _coalition_investment(self, state: GameState, pot: list) -> Optional[tuple]:
        """What is still missing in the coalition's pot (with bonus), as far as this seat can give it.

        Resources are given in their order, money first (`money_first` asks no more: money is the first)."""
        me = state.seats[self.seat]
        res, keep = me.res, self.keep
        need = state.need
        hidden = state.hidden if state.needs_known else NOTHING
        left = cap = state.book.invest_cap
        gives = []
        for i in ALL_RESOURCES:
            give = need[i] + hidden[i] - pot[i]
            if give > 0 and left:  # missing: give it, as far as this seat can spare it and the cap allows
                spare = res[i] - keep[i]
                if spare < give:
                    give = spare
                if left < give:
                    give = left
                if give > 0:
                    left -= give
                    gives.append(give)
                    continue
            gives.append(0)
        if left < cap:
            return tuple(gives)
        if sum(me.invested) == 0:
            # every member contributes something: reciprocity (a scenario may demand it); the most plentiful
            # resource first (a stable sort keeps equal ones in their order)
            for i in sorted(ALL_RESOURCES, key=res.__getitem__, reverse=True):
                if res[i] - keep[i] > 0:
                    out = [0] * NR
                    out[i] = 1
                    return tuple(out)
        return None

    def _make_scarce(self, state: GameState, plan: _Plan, c, pot: list):
        """Actions that produce a resource the coalition's pot (with bonus) still lacks and this seat
        cannot give."""
        me = state.seats[self.seat]
        book = state.book
        res, keep, needs = me.res, self.keep, state.need
        hidden = state.hidden if state.needs_known else NOTHING
        for i in ALL_RESOURCES:
            if pot[i] >= needs[i] + hidden[i] or res[i] > keep[i]:
                continue
            if plan.producers is None:  # the same in every game of the scenario: worked out once
                role = me.role
                plan.producers = book.shared(("bot_producers", role), lambda role=role: self._producers(book, role))
            best = plan.producers[i]
            if best is None:
                continue
            if best.kind == "conversation":
                others = [m for m in c.members if m != self.seat] or [t for t in range(book.n) if t != self.seat]
                low = min(others, key=lambda t: state.trust[self.seat][t])
                yield Conversation(self.seat, low), Because("talk", other=state.seats[low].name)
            elif best.kind == "build_facts":
                yield self.build_facts, PLAIN["facts"]
            else:
                yield self._signature(state, best), Because("signature", action_id=best.id)

    @staticmethod
    def _producers(book, role: str) -> tuple:
        """Per resource: the action that yields most of it net of its cost, or None when none yields any."""
        specs = [book.kind_action["conversation"], book.kind_action["build_facts"]]
        specs += list(book.signatures.get(role, ()))
        out = []
        for i in range(NR):
            best = max(specs, key=lambda spec: spec.self_res[i] - spec.cost[i])
            out.append(best if best.self_res[i] - best.cost[i] > 0 else None)
        return tuple(out)

    def _solo_investment(self, state: GameState) -> Optional[tuple]:
        me = state.seats[self.seat]
        cap = state.book.invest_cap
        out = [0] * NR
        left = cap
        for i in sorted(range(NR), key=lambda i: -me.res[i]):
            give = min(me.res[i] - self.keep[i], left)
            if give > 0:
                out[i] = give
                left -= give
        return tuple(out) if sum(out) else None

    # ------------------------------------------------------------------ goals and signatures
    def _goal_actions(self, state: GameState, plan: _Plan):
        s = self.seat
        goal = plan.goal
        if goal.kind == "indicator_at_least":
            if state.ind[plan.goal_indicator] < goal.value:
                for spec in state.book.signatures.get(state.seats[s].role, ()):
                    if spec.ind[plan.goal_indicator] > 0:
                        yield self._signature(state, spec), PLAIN["goal"]
        elif goal.kind == "trust_at_least":
            row = state.trust[s]
            low = -1  # the other seat this one trusts least (the first of equals)
            for t in range(len(row)):
                if t != s and (low < 0 or row[t] < row[low]):
                    low = t
            if low >= 0 and row[low] < goal.value:
                yield Conversation(s, low), Because("talk", other=state.seats[low].name)

    def _signature(self, state: GameState, spec):
        """The signature action of `spec`; a target is drawn (from the bot's seed and the moment) when it needs one."""
        s = self.seat
        if not spec.target:
            return Signature(s, spec.id)
        coalition = state.coalition_of(s)
        pool = [m for m in coalition.members if m != s] if coalition else []
        if not pool:
            pool = [t for t in range(len(state.seats)) if t != s]
        if self.rng < 0:
            self.rng = rng.seed_state(self.seed * 7919 + s * 104729 + 17)
        _, pick = rng.below(self.rng ^ (len(state.actions) * rng.GAMMA & rng.MASK), len(pool))
        return Signature(s, spec.id, pool[pick])

    def _signature_actions(self, state: GameState, plan: _Plan):
        me = state.seats[self.seat]
        if plan.liked is None:  # the same all game: worked out when first needed
            own = {spec.id: spec for spec in state.book.signatures.get(me.role, ())}
            plan.liked = tuple(own[a] for a in self.profile.signatures if a in own)
        for spec in plan.liked:
            if self._can_spare(me.res, spec.cost):
                yield self._signature(state, spec), Because("signature", action_id=spec.id)


def make_bots(state: GameState, strategy: Optional[str] = None) -> dict:
    """A Bot for every computer seat of a game (or for every seat, with `strategy`). A seat whose strategy the
    content does not have (a save of another content pack) plays the content's default strategy."""
    setup = state.book.setup
    content = state.book.content
    bots = {}
    for i, seat in enumerate(setup.seats):
        if strategy is not None or seat.bot:
            name = strategy or seat.strategy
            bots[i] = Bot(i, name if name in content.strategies else content.default_strategy(), setup.seed)
    return bots
