"""Check that content items refer only to things that exist (Tuxemon-style reference checks).

Each check names the item, the field and the missing id, so a trainer can find the typo. An item with a
broken reference is left out of the bundle; the other items stay usable.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .messages import field_name
from .models import INDICATORS, REQUIRED_ACTIONS, RESOURCES
from .phrases import Phrase, Term
from .yamlread import Problem

Locate = Callable[[str, str, tuple], "tuple[str, int]"]


def _expect(known: Iterable[str], what: str, value: str) -> Phrase:
    names = sorted(known)
    listed = ", ".join(names) if len(names) <= 12 else ", ".join(names[:12]) + ", ..."
    return Phrase("content.ref.unknown", what=Term("content.what", what), value=value, known=listed)


class _Checks:
    """The items being checked, and what the checks found: the problems and the (kind, id) to leave out."""

    def __init__(self, items: dict[str, dict[str, Any]], locate: Locate) -> None:
        self.items = items
        self.locate = locate
        self.problems: list[Problem] = []
        self.dropped: set[tuple[str, str]] = set()
        self.scenarios, self.roles, self.actions = items["scenarios"], items["roles"], items["actions"]
        self.stances: frozenset | set = frozenset()
        self.skipped: dict[tuple[str, str], str] = {}  # ("scenario", id) -> the skipped file that has it

    def expect(self, known: Iterable[str], what: str, value: str) -> Phrase:
        """The message for a reference to an unknown `what`: that its file was skipped, when it was."""
        file = self.skipped.get((what, value))
        if file is not None:
            return Phrase("content.ref.skipped", the_what=Term("content.the", what), value=value, file=file)
        return _expect(known, what, value)

    def report(self, kind: str, item_id: str, loc: tuple, message: Phrase) -> None:
        """A problem of the item `item_id`, at `loc`; the item is left out."""
        file, line = self.locate(kind, item_id, loc)
        self.problems.append(Problem.of(file, line, field_name(loc), message))
        self.dropped.add((kind, item_id))

    def check_role(self, kind: str, item_id: str, loc: tuple, role: str) -> None:
        """`role` must be a role."""
        if role not in self.roles:
            self.report(kind, item_id, loc, self.expect(self.roles, "role", role))

    def check_action(self, kind: str, item_id: str, loc: tuple, action: str) -> None:
        """`action` must be an action."""
        if action not in self.actions:
            self.report(kind, item_id, loc, self.expect(self.actions, "action", action))


def _check_trends(c: _Checks) -> None:
    """A trend's modifiers name scenarios; its effects' role_resources name roles."""
    for trend_id, trend in c.items["trends"].items():
        for scenario_id in trend.modifiers:
            if scenario_id not in c.scenarios:
                c.report("trends", trend_id, ("modifiers", scenario_id), c.expect(c.scenarios, "scenario", scenario_id))
        effect_sets = [(("effects",), trend.effects)]
        effect_sets += [(("modifiers", s), e) for s, e in trend.modifiers.items()]
        if trend.opportunity:
            effect_sets.append((("opportunity", "effects"), trend.opportunity.effects))
        for i, response in enumerate(trend.responses):
            loc = ("responses", i)
            if response.stance not in c.stances:
                c.report("trends", trend_id, loc + ("stance",), c.expect(c.stances, "stance", response.stance))
            for scenario_id in response.modifiers:
                if scenario_id not in c.scenarios:
                    where = loc + ("modifiers", scenario_id)
                    c.report("trends", trend_id, where, c.expect(c.scenarios, "scenario", scenario_id))
            effect_sets.append((loc + ("effects",), response.effects))
            effect_sets += [(loc + ("modifiers", s), e) for s, e in response.modifiers.items()]
        for loc, effects in effect_sets:
            for role_id in effects.role_resources:
                c.check_role("trends", trend_id, loc + ("role_resources", role_id), role_id)


def _check_signature_actions(c: _Checks, role_id: str, role: Any) -> None:
    """A role's signature actions exist and belong to that role."""
    for i, action_id in enumerate(role.signature_actions):
        loc = ("signature_actions", i)
        action = c.actions.get(action_id)
        if action is None:
            c.report("roles", role_id, loc, c.expect(c.actions, "action", action_id))
        elif action.role != role_id:
            c.report("roles", role_id, loc, Phrase("content.ref.other_role", action=action_id, role=action.role))


def _check_private_goals(c: _Checks, role_id: str, role: Any) -> None:
    """A role's private goals have different ids, and targets that are indicators or resources."""
    goal_ids = set()
    for i, goal in enumerate(role.private_goals):
        loc = ("private_goals", i)
        if goal.id in goal_ids:
            c.report("roles", role_id, loc + ("id",), Phrase("content.ref.goal_twice", id=goal.id))
        goal_ids.add(goal.id)
        if goal.kind == "indicator_at_least" and goal.target not in INDICATORS:
            c.report("roles", role_id, loc + ("target",), c.expect(INDICATORS, "indicator", str(goal.target)))
        if goal.kind == "resource_at_least" and goal.target not in RESOURCES:
            c.report("roles", role_id, loc + ("target",), c.expect(RESOURCES, "resource", str(goal.target)))


def _check_roles(c: _Checks) -> None:
    """Each role's signature actions and private goals."""
    for role_id, role in c.roles.items():
        _check_signature_actions(c, role_id, role)
        _check_private_goals(c, role_id, role)


def _check_actions(c: _Checks) -> None:
    """A signature action names its role; every kind the game needs has an action."""
    for action_id, action in c.actions.items():
        if action.kind == "signature":
            if action.role is None:
                c.report("actions", action_id, ("role",), Phrase("content.ref.signature_role"))
            else:
                c.check_role("actions", action_id, ("role",), action.role)
    present_kinds = {a.kind for a in c.actions.values()}
    for kind in REQUIRED_ACTIONS:
        if kind not in present_kinds:
            c.problems.append(Problem.of("actions", 1, "kind", Phrase("content.ref.kind_missing", kind=kind)))


def _check_challenges(c: _Checks) -> None:
    """A challenge's KVDs appeal to roles; it needs at least one resource."""
    for challenge_id, challenge in c.items["challenges"].items():
        for k, kvd in enumerate(challenge.kvds):
            for r, role_id in enumerate(kvd.appeal):
                c.check_role("challenges", challenge_id, ("kvds", k, "appeal", r), role_id)
        if sum(challenge.need.values()) == 0:
            c.report("challenges", challenge_id, ("need",), Phrase("content.ref.no_need"))


def _check_scenario_rules(c: _Checks, scenario_id: str, rules: Any) -> None:
    """The roles and actions a scenario's rules name."""
    base = ("rules",)
    for role_id in rules.income_multipliers:
        c.check_role("scenarios", scenario_id, base + ("income_multipliers", role_id), role_id)
    crit = rules.coalition
    for field in ("required_roles", "lead_roles", "forbidden_lead_roles"):
        for i, role_id in enumerate(getattr(crit, field)):
            c.check_role("scenarios", scenario_id, base + ("coalition", field, i), role_id)
    for field in ("lead_yield", "member_yield", "lead_round"):
        for role_id in getattr(crit, field):
            c.check_role("scenarios", scenario_id, base + ("coalition", field, role_id), role_id)
    for field in ("action_costs", "action_effects", "action_requirements"):
        for action_id in getattr(rules, field):
            c.check_action("scenarios", scenario_id, base + (field, action_id), action_id)
    for action_id, reqs in rules.action_requirements.items():
        for i, req in enumerate(reqs):
            loc = base + ("action_requirements", action_id, i, "coalition_with_role")
            c.check_role("scenarios", scenario_id, loc, req.coalition_with_role)


def _check_actors(c: _Checks, scenario_id: str, actors: list) -> None:
    """The roles an actor's conditions and matching name, and the stances of its dilemmas."""
    for a, actor in enumerate(actors):
        for m, move in enumerate(actor.moves):
            loc = ("actors", a, "moves", m)
            for field in ("lead", "with_roles"):
                for i, role_id in enumerate(getattr(move.when, field)):
                    c.check_role("scenarios", scenario_id, loc + ("when", field, i), role_id)
            if move.match is not None:
                c.check_role("scenarios", scenario_id, loc + ("match", "role"), move.match.role)
            effect_sets = [(loc + ("effects",), move.effects)]
            for r, response in enumerate(move.responses):
                if response.stance not in c.stances:
                    where = loc + ("responses", r, "stance")
                    c.report("scenarios", scenario_id, where, c.expect(c.stances, "stance", response.stance))
                effect_sets.append((loc + ("responses", r, "effects"), response.effects))
            for where, effects in effect_sets:
                for role_id in effects.role_resources:
                    c.check_role("scenarios", scenario_id, where + ("role_resources", role_id), role_id)


def _check_knobs(c: _Checks) -> None:
    """A knob's actions exist."""
    for knob_id, knob in c.items["knobs"].items():
        for action_id in knob.actions:
            c.check_action("knobs", knob_id, ("actions", action_id), action_id)


def _check_strategies(c: _Checks) -> None:
    """A strategy's lead and member roles are roles; the signature actions it likes exist."""
    for strategy_id, strategy in c.items.get("strategies", {}).items():
        for field in ("lead_roles", "member_roles"):
            for i, role_id in enumerate(getattr(strategy, field)):
                c.check_role("strategies", strategy_id, (field, i), role_id)
        for i, action_id in enumerate(strategy.signatures):
            c.check_action("strategies", strategy_id, ("signatures", i), action_id)
        for scenario_id in strategy.expect:
            if scenario_id not in c.scenarios:
                c.report(
                    "strategies", strategy_id, ("expect", scenario_id), c.expect(c.scenarios, "scenario", scenario_id)
                )


# The word a message uses for an item of each content folder.
WHAT = {"scenarios": "scenario", "roles": "role", "actions": "action", "trends": "trend", "challenges": "challenge"}


def check_references(
    items: dict[str, dict[str, Any]],
    locate: Locate,
    stances: frozenset | set = frozenset(),
    skipped: dict[tuple[str, str], str] | None = None,
) -> tuple[list[Problem], set]:
    """All dangling references, and the (kind, id) of each item that has one (`stances`: the rules' stance ids;
    `skipped`: (folder, id) -> file, of the items whose files were skipped for their own problems)."""
    c = _Checks(items, locate)
    c.stances = stances
    c.skipped = {(WHAT[kind], item_id): file for (kind, item_id), file in (skipped or {}).items() if kind in WHAT}
    _check_trends(c)
    _check_roles(c)
    _check_actions(c)
    _check_challenges(c)
    for scenario_id, scenario in c.scenarios.items():
        _check_scenario_rules(c, scenario_id, scenario.rules)
        _check_actors(c, scenario_id, scenario.actors)
    _check_knobs(c)
    _check_strategies(c)
    return c.problems, c.dropped
