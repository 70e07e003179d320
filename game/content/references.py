"""Check that content items refer only to things that exist (Tuxemon-style reference checks).

Each check names the item, the field and the missing id, so a trainer can find the typo. An item with a
broken reference is left out of the bundle; the other items stay usable.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .messages import field_name
from .models import INDICATORS, RESOURCES
from .yamlread import Problem

Locate = Callable[[str, str, tuple], "tuple[str, int]"]

# Actions whose engine rule the game cannot do without; a content pack may change them but not drop them.
REQUIRED_ACTIONS = (
    "invest",
    "conversation",
    "build_facts",
    "offer",
    "propose",
    "invite",
    "accept",
    "decline",
    "leave",
    "seize_opportunity",
    "end_turn",
)


def _expect(known: Iterable[str], what: str, value: str) -> str:
    names = sorted(known)
    listed = ", ".join(names) if len(names) <= 12 else ", ".join(names[:12]) + ", ..."
    return f'there is no {what} "{value}"; expected one of: {listed}'


def check_references(items: dict[str, dict[str, Any]], locate: Locate) -> tuple[list[Problem], set]:
    """All dangling references, and the (kind, id) of each item that has one."""
    problems: list[Problem] = []
    dropped: set[tuple[str, str]] = set()
    scenarios, roles, actions = items["scenarios"], items["roles"], items["actions"]

    def report(kind: str, item_id: str, loc: tuple, message: str) -> None:
        file, line = locate(kind, item_id, loc)
        problems.append(Problem(file, line, field_name(loc), message))
        dropped.add((kind, item_id))

    def check_role(kind: str, item_id: str, loc: tuple, role: str) -> None:
        if role not in roles:
            report(kind, item_id, loc, _expect(roles, "role", role))

    def check_action(kind: str, item_id: str, loc: tuple, action: str) -> None:
        if action not in actions:
            report(kind, item_id, loc, _expect(actions, "action", action))

    for trend_id, trend in items["trends"].items():
        for scenario_id in trend.modifiers:
            if scenario_id not in scenarios:
                report("trends", trend_id, ("modifiers", scenario_id), _expect(scenarios, "scenario", scenario_id))
        effect_sets = [(("effects",), trend.effects)]
        effect_sets += [(("modifiers", s), e) for s, e in trend.modifiers.items()]
        if trend.opportunity:
            effect_sets.append((("opportunity", "effects"), trend.opportunity.effects))
        for loc, effects in effect_sets:
            for role_id in effects.role_resources:
                check_role("trends", trend_id, loc + ("role_resources", role_id), role_id)

    for role_id, role in items["roles"].items():
        for i, action_id in enumerate(role.signature_actions):
            loc = ("signature_actions", i)
            action = actions.get(action_id)
            if action is None:
                report("roles", role_id, loc, _expect(actions, "action", action_id))
            elif action.role != role_id:
                report("roles", role_id, loc, f'the action "{action_id}" belongs to role "{action.role}", not here')
        goal_ids = set()
        for i, goal in enumerate(role.private_goals):
            loc = ("private_goals", i)
            if goal.id in goal_ids:
                report("roles", role_id, loc + ("id",), f'the goal id "{goal.id}" is used twice in this role')
            goal_ids.add(goal.id)
            if goal.kind == "indicator_at_least" and goal.target not in INDICATORS:
                report("roles", role_id, loc + ("target",), _expect(INDICATORS, "indicator", str(goal.target)))
            if goal.kind == "resource_at_least" and goal.target not in RESOURCES:
                report("roles", role_id, loc + ("target",), _expect(RESOURCES, "resource", str(goal.target)))

    for action_id, action in actions.items():
        if action.kind == "signature":
            if action.role is None:
                report("actions", action_id, ("role",), "a signature action must name the role it belongs to")
            else:
                check_role("actions", action_id, ("role",), action.role)

    present_kinds = {a.kind for a in actions.values()}
    for kind in REQUIRED_ACTIONS:
        if kind not in present_kinds:
            problems.append(Problem("actions", 1, "kind", f'no action of kind "{kind}" is defined; the game needs one'))

    for challenge_id, challenge in items["challenges"].items():
        for k, kvd in enumerate(challenge.kvds):
            for r, role_id in enumerate(kvd.appeal):
                check_role("challenges", challenge_id, ("kvds", k, "appeal", r), role_id)
        if sum(challenge.need.values()) == 0:
            report("challenges", challenge_id, ("need",), "expected the need of at least one resource above 0")

    for scenario_id, scenario in scenarios.items():
        rules = scenario.rules
        base = ("rules",)
        for role_id in rules.income_multipliers:
            check_role("scenarios", scenario_id, base + ("income_multipliers", role_id), role_id)
        crit = rules.coalition
        for field in ("required_roles", "lead_roles", "forbidden_lead_roles"):
            for i, role_id in enumerate(getattr(crit, field)):
                check_role("scenarios", scenario_id, base + ("coalition", field, i), role_id)
        if crit.pot_bonus_role:
            check_role("scenarios", scenario_id, base + ("coalition", "pot_bonus_role"), crit.pot_bonus_role)
        for field in ("action_costs", "action_effects", "action_requirements"):
            for action_id in getattr(rules, field):
                check_action("scenarios", scenario_id, base + (field, action_id), action_id)
        for action_id, reqs in rules.action_requirements.items():
            for i, req in enumerate(reqs):
                loc = base + ("action_requirements", action_id, i, "coalition_with_role")
                check_role("scenarios", scenario_id, loc, req.coalition_with_role)

    for knob_id, knob in items["knobs"].items():
        for action_id in knob.actions:
            check_action("knobs", knob_id, ("actions", action_id), action_id)

    return problems, dropped
