"""The rulebook: the content and the setup of one game, compiled into flat numbers for the hot loop.

Scenario rules are folded in here, once: each action's cost under this scenario, each trend's effects
plus its modifier for this scenario, the coalition criteria. The rules code never asks which scenario is
played; it only reads the compiled numbers. Pydantic stays at this edge.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional

from game.engine.vocabulary import INDICATORS, RESOURCES

if TYPE_CHECKING:  # the content's models are read, never imported: the engine runs without pydantic
    from game.content.models import ActionEffects, Effects, Text

NR = len(RESOURCES)
NI = len(INDICATORS)
R_INDEX = {name: i for i, name in enumerate(RESOURCES)}
I_INDEX = {name: i for i, name in enumerate(INDICATORS)}


def _vec(mapping: dict[str, int], index: dict[str, int], size: int) -> tuple:
    out = [0] * size
    for key, value in mapping.items():
        out[index[key]] += value
    return tuple(out)


def _drift(economy: dict[str, int], own: dict[str, int]) -> tuple:
    """Each indicator's change per round: the scenario's economy's, plus the scenario's own."""
    return tuple(a + b for a, b in zip(_vec(economy, I_INDEX, NI), _vec(own, I_INDEX, NI), strict=True))


class SetupError(ValueError):
    """A game setup that does not fit the content (unknown scenario, role, too many seats, ...)."""


@dataclass(frozen=True, slots=True)
class SeatSetup:
    """One seat at the table: its role, its name, and whether a computer plays it (with which strategy)."""

    role: str
    name: str
    bot: bool = False
    strategy: str = "balanced"

    def to_json(self) -> dict[str, Any]:
        """The seat as JSON data."""
        return {"role": self.role, "name": self.name, "bot": self.bot, "strategy": self.strategy}


@dataclass(frozen=True, slots=True)
class Setup:
    """Everything chosen before the game starts. With the seed and the actions it is the whole game."""

    scenario: str
    challenge: str
    seats: tuple[SeatSetup, ...]
    rounds: int = 5
    seed: int = 0

    def to_json(self) -> dict[str, Any]:
        """The setup as JSON data."""
        return {
            "scenario": self.scenario,
            "challenge": self.challenge,
            "seats": [s.to_json() for s in self.seats],
            "rounds": self.rounds,
            "seed": self.seed,
        }

    @staticmethod
    def from_json(data: Any) -> Setup:
        """Rebuild a setup; SetupError when the data is not one."""
        try:
            seats = tuple(
                SeatSetup(str(s["role"]), str(s["name"]), bool(s.get("bot", False)), str(s.get("strategy", "balanced")))
                for s in data["seats"]
            )
            return Setup(str(data["scenario"]), str(data["challenge"]), seats, int(data["rounds"]), int(data["seed"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise SetupError(f"not a game setup: {exc}") from None


@dataclass(frozen=True, slots=True)
class CompiledEffects:
    """Trend or opportunity effects as vectors."""

    ind: tuple
    res: tuple
    role_res: dict  # role id -> resource vector
    progress: int
    need: tuple
    trust: int


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """An action definition under this game's scenario."""

    id: str
    kind: str
    role: Optional[str]
    ap: int
    cost: tuple
    target: bool
    needs_coalition: bool
    self_res: tuple
    target_res: tuple
    pot: tuple
    ind: tuple
    progress: int
    trust_target: int
    trust_coalition: int
    trust_all: int
    resilience: int
    reveal: bool
    need: tuple  # lasting change of the need per round
    requires: tuple  # ((role id, reason Text), ...): the actor's coalition must hold that role
    name: Text
    description: Text


@dataclass(frozen=True, slots=True)
class Criteria:
    """The criteria of a vital coalition under this scenario."""

    min_roles: int
    required_roles: tuple
    lead_roles: tuple
    forbidden_lead_roles: tuple
    trust_threshold: int
    all_members_contribute: bool
    goals_must_advance: bool
    walkout_chance: float
    lead_yield: dict = field(default_factory=dict)  # role id -> yield of a coalition it leads
    member_yield: dict = field(default_factory=dict)  # role id -> yield added per member of that role
    lead_round: dict = field(default_factory=dict)  # role id -> (trust change, indicator vector) every round
    unknown_need_factor: float = 0.7  # share of the gain while the needs are not known


@dataclass(frozen=True, slots=True)
class MoveSpec:
    """An actor's move under this scenario, compiled: when it happens, what it gives and does."""

    key: str  # "actor:move", unique in a scenario: a dilemma's key in `pending` and the answers
    actor: int  # the actor's index in Rulebook.actors
    id: str
    at: str  # "round_start" or "resolution"
    towards: str  # "table" or "coalition"
    from_round: int
    until_round: int
    lead: tuple  # role ids (towards a coalition)
    with_roles: tuple
    members_at_least: int
    progress_below: Optional[int]
    ind_below: tuple  # (indicator index, value) pairs
    ind_at_least: tuple
    no_vital_coalition: bool
    once: bool
    fund: tuple  # resource vector into a coalition's pot
    match: Optional[tuple]  # (role id, share, resource index)
    effects: CompiledEffects
    has_effects: bool
    dilemma: bool


@dataclass(frozen=True, slots=True)
class ActorSpec:
    """An actor of this scenario: its id, its budget and its moves."""

    id: str
    budget: int
    moves: tuple


def _compile_actor(index: int, actor) -> ActorSpec:
    moves = []
    for m in actor.moves:
        w = m.when
        effects = _compile_effects(m.effects)
        moves.append(
            MoveSpec(
                key=f"{actor.id}:{m.id}",
                actor=index,
                id=m.id,
                at=m.at,
                towards=m.towards,
                from_round=w.from_round,
                until_round=w.until_round,
                lead=tuple(w.lead),
                with_roles=tuple(w.with_roles),
                members_at_least=w.members_at_least,
                progress_below=w.progress_below,
                ind_below=tuple((I_INDEX[k], v) for k, v in w.indicator_below.items()),
                ind_at_least=tuple((I_INDEX[k], v) for k, v in w.indicator_at_least.items()),
                no_vital_coalition=w.no_vital_coalition,
                once=m.once,
                fund=_vec(m.fund, R_INDEX, NR),
                match=(m.match.role, m.match.share, R_INDEX[m.match.resource]) if m.match is not None else None,
                effects=effects,
                has_effects=effects != _NO_EFFECTS,
                dilemma=bool(m.responses),
            )
        )
    return ActorSpec(actor.id, actor.budget, tuple(moves))


@dataclass(frozen=True, slots=True)
class KnobSpec:
    """One of the five knobs under this scenario: the weighted uses at which it is turned far, and what it
    does at every later resolution."""

    id: str
    far_at: float
    lasting: CompiledEffects
    works: bool  # the lasting effect changes something


def _compile_effects(base: Effects, extra: Optional[Effects] = None, scale: float = 1.0) -> CompiledEffects:
    """Effects (plus a scenario's extra) as vectors; `scale` (a card's impact) multiplies every number."""
    parts = [base] + ([extra] if extra is not None else [])
    if scale != 1.0:
        return _scaled(_compile_effects(base, extra), scale)
    role_res: dict[str, list] = {}
    for part in parts:
        for role, mapping in part.role_resources.items():
            vec = role_res.setdefault(role, [0] * NR)
            for key, value in mapping.items():
                vec[R_INDEX[key]] += value
    return CompiledEffects(
        ind=tuple(map(sum, zip(*(_vec(p.indicators, I_INDEX, NI) for p in parts), strict=True))),
        res=tuple(map(sum, zip(*(_vec(p.resources, R_INDEX, NR) for p in parts), strict=True))),
        role_res={role: tuple(vec) for role, vec in role_res.items()},
        progress=sum(p.progress for p in parts),
        need=tuple(map(sum, zip(*(_vec(p.need, R_INDEX, NR) for p in parts), strict=True))),
        trust=sum(p.trust for p in parts),
    )


def _scaled(eff: CompiledEffects, scale: float) -> CompiledEffects:
    """`eff` with every number times `scale`, rounded half away from zero (a 1 at 1.5 is 2, a -1 is -2)."""

    def n(v: int) -> int:
        x = abs(v) * scale
        return int(x + 0.5) * (1 if v > 0 else -1) if v else 0

    def vec(v: tuple) -> tuple:
        return tuple(n(x) for x in v)

    return CompiledEffects(
        ind=vec(eff.ind),
        res=vec(eff.res),
        role_res={role: vec(v) for role, v in eff.role_res.items()},
        progress=n(eff.progress),
        need=vec(eff.need),
        trust=n(eff.trust),
    )


def _knob_spec(knob, high_at: float, extra) -> KnobSpec:
    lasting = _compile_effects(knob.lasting, extra)
    return KnobSpec(knob.id, knob.full_at * high_at, lasting, lasting != _NO_EFFECTS)


_NO_EFFECTS = CompiledEffects((0,) * NI, (0,) * NR, {}, 0, (0,) * NR, 0)


def _compile_action(action, scenario) -> ActionSpec:
    rules = scenario.rules
    cost = list(_vec(action.cost, R_INDEX, NR))
    for i, delta in enumerate(_vec(rules.action_costs.get(action.id, {}), R_INDEX, NR)):
        cost[i] = max(0, cost[i] + delta)
    effects: list[ActionEffects] = [action.effects]
    if action.id in rules.action_effects:
        effects.append(rules.action_effects[action.id])

    def vec(name: str, index: dict[str, int], size: int) -> tuple:
        return tuple(map(sum, zip(*(_vec(getattr(e, name), index, size) for e in effects), strict=True)))

    return ActionSpec(
        id=action.id,
        kind=action.kind,
        role=action.role,
        ap=action.ap,
        cost=tuple(cost),
        target=action.target == "seat",
        needs_coalition=action.needs_coalition,
        self_res=vec("self_resources", R_INDEX, NR),
        target_res=vec("target_resources", R_INDEX, NR),
        pot=vec("pot", R_INDEX, NR),
        ind=vec("indicators", I_INDEX, NI),
        progress=sum(e.progress for e in effects),
        trust_target=sum(e.trust_target for e in effects),
        trust_coalition=sum(e.trust_coalition for e in effects),
        trust_all=sum(e.trust_all for e in effects),
        resilience=sum(e.resilience for e in effects),
        reveal=any(e.reveal for e in effects),
        need=vec("need", R_INDEX, NR),
        requires=tuple((r.coalition_with_role, r.reason) for r in rules.action_requirements.get(action.id, [])),
        name=action.name,
        description=action.description,
    )


@dataclass(slots=True)
class Rulebook:
    """Content and setup of one game, compiled. Shared (read-only) by every state of that game."""

    content: Any
    setup: Setup
    n: int = 0
    roles: tuple = ()
    actions: dict = field(default_factory=dict)  # action id -> ActionSpec
    kind_action: dict = field(default_factory=dict)  # kind -> ActionSpec for the generic actions
    signatures: dict = field(default_factory=dict)  # role id -> tuple of ActionSpec
    trends: dict = field(default_factory=dict)  # trend id -> CompiledEffects
    opportunities: dict = field(default_factory=dict)  # trend id -> (cost, CompiledEffects)
    responses: dict = field(default_factory=dict)  # trend id -> {response id: CompiledEffects}, in the card's order
    stances: dict = field(default_factory=dict)  # trend id -> {response id: stance id}
    trend_chance: dict = field(default_factory=dict)  # trend id -> the chance its trend comes about when drawn
    trend_ids: tuple = ()
    criteria: Optional[Criteria] = None
    actors: tuple = ()  # ActorSpec, in the scenario's order
    start_moves: tuple = ()  # MoveSpec of every actor that happen as a round starts
    coalition_moves: tuple = ()  # ... at the resolution, towards each coalition
    table_moves: tuple = ()  # ... at the resolution, towards the table
    knobs: tuple = ()  # KnobSpec, in the knobs' order
    knob_weights: dict = field(default_factory=dict)  # content action id -> ((knob index, weight), ...)
    income: tuple = ()  # per seat, a resource vector
    drift: tuple = ()
    cards_per_round: tuple = ()
    progress_multiplier: float = 1.0
    need: tuple = ()
    hidden_need: tuple = ()
    impact: tuple = ()
    kvds: dict = field(default_factory=dict)  # kvd id -> tuple of appealing roles
    goals: dict = field(default_factory=dict)  # role id -> tuple of PrivateGoal
    goal_index: dict = field(default_factory=dict)  # (role id, goal id) -> PrivateGoal, for `goal`
    goal_measures: dict = field(default_factory=dict)  # (role id, goal id) -> (kind, index, value)
    role_words: dict = field(default_factory=dict)  # role id -> its name in the reasons' words
    start_res: dict = field(default_factory=dict)  # role id -> its resources at the start
    base: Any = None  # the base Rules
    # Two of the base numbers, copied here for the hot loop: reading a field of the (pydantic) base costs
    # several times as much as reading a slot.
    invest_cap: int = 6
    action_points: int = 2
    seat_share: float = 1.0  # the table size the needs are written for over this table's size
    table_kinds: int = 0  # how many different roles sit at the table
    all_roles: int = 0  # how many roles the content has

    @staticmethod
    def compile(content: Any, setup: Setup) -> Rulebook:
        """Check the setup against the content and compile it; SetupError on a mismatch."""
        scenario = content.scenarios.get(setup.scenario)
        if scenario is None:
            raise SetupError(f'unknown scenario "{setup.scenario}"; known: {", ".join(sorted(content.scenarios))}')
        challenge = content.challenges.get(setup.challenge)
        if challenge is None:
            raise SetupError(f'unknown challenge "{setup.challenge}"; known: {", ".join(sorted(content.challenges))}')
        if not 2 <= len(setup.seats) <= 6:
            raise SetupError(f"a game has 2 to 6 seats, not {len(setup.seats)}")
        if not 1 <= setup.rounds <= 10:
            raise SetupError(f"a game has 1 to 10 rounds, not {setup.rounds}")
        for seat in setup.seats:
            if seat.role not in content.roles:
                raise SetupError(f'unknown role "{seat.role}"; known: {", ".join(sorted(content.roles))}')
        if len(content.trends) == 0:
            raise SetupError("the content has no trend cards")
        roles = tuple(s.role for s in setup.seats)
        return Rulebook(
            content=content,
            setup=setup,
            base=content.rules,
            invest_cap=content.rules.invest_cap,
            action_points=content.rules.action_points,
            n=len(roles),
            roles=roles,
            table_kinds=len(set(roles)),
            seat_share=content.rules.need_seats / len(roles),
            all_roles=len(content.roles),
            income=_income(content, setup.scenario, roles),
            **_scenario_part(content, setup.scenario),
            **_for_table(_challenge_part(content, setup.challenge), len(roles), content.rules.need_seats),
        )

    def shared(self, key: tuple, make: Callable[[], Any]) -> Any:
        """`make()`, made once for all games of this content and scenario: for values that depend on nothing
        else (such as a computer player's view of the actions). The value is shared, so it is read only."""
        return _memoised(self.content, ("shared", self.setup.scenario) + key, make)

    def cards_in_round(self, round_no: int) -> int:
        """How many trend cards are drawn in this round."""
        cards = self.cards_per_round
        return cards[min(round_no, len(cards)) - 1] if cards else 1

    def role_term(self, role: str) -> dict:
        """The role's name as a reason's parameter ({"role": {"nl": ..., "en": ...}}; the id when unknown).
        Every role of the content is in `role_words`, compiled once per content."""
        return self.role_words.get(role, {"role": role})

    def goal(self, role: str, goal_id: str):
        """The PrivateGoal of a role by id."""
        found = self.goal_index.get((role, goal_id))
        if found is not None:
            return found
        for goal in self.goals[role]:  # raises the same KeyError as always for an unknown role or goal
            if goal.id == goal_id:
                return goal
        raise KeyError(goal_id)


def _memoised(content: Any, key: tuple, make) -> Any:
    """`make()`, memoised on the content (whose memo is keyed by what the value depends on)."""
    memo = getattr(content, "memo", None)
    if memo is None:
        return make()
    if key not in memo:
        memo[key] = make()
    return memo[key]


def _income(content: Any, scenario_id: str, roles: tuple) -> tuple:
    """Per seat (by role), its income per round under a scenario, as a resource vector."""

    def make() -> tuple:
        multipliers = content.scenarios[scenario_id].rules.income_multipliers
        return tuple(
            tuple(int(round(v * multipliers.get(role, 1.0))) for v in _vec(content.roles[role].income, R_INDEX, NR))
            for role in roles
        )

    return _memoised(content, ("income", scenario_id, roles), make)


def _challenge_part(content: Any, challenge_id: str) -> dict:
    """The parts of a rulebook that depend only on the challenge (shared read-only by its games)."""

    def make() -> dict:
        challenge = content.challenges[challenge_id]
        return {
            "need": _vec(challenge.need, R_INDEX, NR),
            "hidden_need": _vec(challenge.hidden_need, R_INDEX, NR),
            "impact": _vec(challenge.impact, I_INDEX, NI),
            "kvds": {k.id: tuple(k.appeal) for k in challenge.kvds},
        }

    return _memoised(content, ("challenge", challenge_id), make)


def _for_table(part: dict, seats: int, written_for: int) -> dict:
    """A challenge's needs for a table of `seats`: they are written for a table of `written_for`, and a
    smaller table pools less (so it needs less), a larger one more (so it needs more)."""
    if seats == written_for:
        return part
    scale = seats / written_for
    return {
        **part,
        "need": tuple(round(v * scale) for v in part["need"]),
        "hidden_need": tuple(round(v * scale) for v in part["hidden_need"]),
    }


def _role_words(content: Any) -> dict:
    """Role id -> the role's name as the reasons use it ({"role": {"nl": ..., "en": ...}}): its short name as
    on the cards ("Wethouder", "Inwoners"; no translation in brackets), as everywhere a role is named."""
    return {
        role_id: {"role": {lang: role.name.get(lang).split(" (")[0].strip() for lang in ("nl", "en")}}
        for role_id, role in content.roles.items()
    }


def _goal_index(content: Any) -> dict:
    """(role id, goal id) -> PrivateGoal; the first goal wins on a repeated id, as a linear search would."""
    index: dict = {}
    for role_id, role in content.roles.items():
        for goal in role.private_goals:
            index.setdefault((role_id, goal.id), goal)
    return index


def goal_measure_spec(goal) -> tuple:
    """A PrivateGoal as (kind, index of the indicator or resource it measures or -1, value to reach)."""
    if goal.kind == "indicator_at_least":
        where = I_INDEX[goal.target]
    elif goal.kind == "resource_at_least":
        where = R_INDEX[goal.target]
    else:
        where = -1
    return goal.kind, where, goal.value or 1


def _goal_measures(goal_index: dict) -> dict:
    """(role id, goal id) -> `goal_measure_spec` of that goal."""
    return {key: goal_measure_spec(goal) for key, goal in goal_index.items()}


def _scenario_part(content: Any, scenario_id: str) -> dict:
    """The parts of a rulebook that depend only on the content and the scenario (memoised on the content)."""
    key = ("rulebook", scenario_id)
    memo = getattr(content, "memo", None)
    if memo is not None and key in memo:
        return memo[key]
    scenario = content.scenarios[scenario_id]
    actions = {a.id: _compile_action(a, scenario) for a in content.actions.values()}
    kind_action: dict = {}
    for spec in actions.values():
        if spec.kind != "signature":
            kind_action.setdefault(spec.kind, spec)
    trends: dict = {}
    opportunities: dict = {}
    responses: dict = {}
    stances: dict = {}
    trend_chance: dict = {}
    base = content.rules
    for trend_id, trend in content.trends.items():
        scale = base.impact_scale.get(trend.impact, 1.0)  # a card's impact: how strongly it and its answers work
        trends[trend_id] = _compile_effects(trend.effects, trend.modifiers.get(scenario.id), scale)
        trend_chance[trend_id] = base.certainty_chance.get(trend.certainty, 1.0)
        if trend.responses:
            responses[trend_id] = {
                r.id: _compile_effects(r.effects, r.modifiers.get(scenario.id), scale) for r in trend.responses
            }
            stances[trend_id] = {r.id: r.stance for r in trend.responses}
        if trend.opportunity is not None:
            opportunities[trend_id] = (
                _vec(trend.opportunity.cost, R_INDEX, NR),
                _compile_effects(trend.opportunity.effects),
            )
    actors = tuple(_compile_actor(i, a) for i, a in enumerate(scenario.actors))
    moves = [m for a in actors for m in a.moves]
    # an actor's dilemma is answered like a card's, under its move's "actor:move" key
    for spec, m in zip(moves, (m for actor in scenario.actors for m in actor.moves), strict=True):
        if m.responses:
            responses[spec.key] = {r.id: _compile_effects(r.effects, r.modifiers.get(scenario.id)) for r in m.responses}
            stances[spec.key] = {r.id: r.stance for r in m.responses}
    knobs = sorted(content.knobs.values(), key=lambda k: (k.number, k.id))
    knob_weights: dict = {}
    for i, knob in enumerate(knobs):
        for action_id, weight in knob.actions.items():
            knob_weights.setdefault(action_id, []).append((i, weight))
    rules = scenario.rules
    crit = rules.coalition
    goal_index = _goal_index(content)
    part = {
        "actions": actions,
        "kind_action": kind_action,
        "signatures": {
            role_id: tuple(actions[a] for a in role.signature_actions if a in actions)
            for role_id, role in content.roles.items()
        },
        "trend_ids": tuple(sorted(content.trends)),
        "trends": trends,
        "opportunities": opportunities,
        "responses": responses,
        "stances": stances,
        "trend_chance": trend_chance,
        "criteria": Criteria(
            min_roles=crit.min_roles,
            required_roles=tuple(crit.required_roles),
            lead_roles=tuple(crit.lead_roles),
            forbidden_lead_roles=tuple(crit.forbidden_lead_roles),
            trust_threshold=crit.trust_threshold,
            all_members_contribute=crit.all_members_contribute,
            goals_must_advance=crit.goals_must_advance,
            walkout_chance=crit.walkout_chance,
            lead_yield=dict(crit.lead_yield),
            member_yield=dict(crit.member_yield),
            lead_round={
                role_id: (effect.trust, _vec(effect.indicators, I_INDEX, NI))
                for role_id, effect in crit.lead_round.items()
            },
            unknown_need_factor=(
                content.rules.unknown_need_factor if crit.unknown_need_factor is None else crit.unknown_need_factor
            ),
        ),
        "actors": actors,
        "start_moves": tuple(m for m in moves if m.at == "round_start"),
        "coalition_moves": tuple(m for m in moves if m.at == "resolution" and m.towards == "coalition"),
        "table_moves": tuple(m for m in moves if m.at == "resolution" and m.towards == "table"),
        "knobs": tuple(_knob_spec(k, base.knob_high_at, k.modifiers.get(scenario.id)) for k in knobs),
        "knob_weights": {action_id: tuple(pairs) for action_id, pairs in knob_weights.items()},
        "drift": _drift(content.rules.economy_drift.get(scenario.economy, {}), rules.indicator_drift),
        "cards_per_round": tuple(rules.cards_per_round),
        "progress_multiplier": rules.progress_multiplier,
        "goals": {role_id: tuple(role.private_goals) for role_id, role in content.roles.items()},
        "goal_index": goal_index,
        "goal_measures": _goal_measures(goal_index),
        "role_words": _role_words(content),
        "start_res": {
            role_id: tuple(role.start.get(r, 0) for r in RESOURCES) for role_id, role in content.roles.items()
        },
    }
    if memo is not None:
        memo[key] = part
    return part
