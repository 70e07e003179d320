"""The balance targets the lab's result is held to, and the result in plain words for a terminal.

The general targets (no dominant recipe, each future its own best, robust options, the deck, table size,
fairness, choices) are written here; what a named strategy should do under a scenario is the content's
(`expect` in content/strategies), so a trainer's pack states its own.
"""

from __future__ import annotations

from dataclasses import dataclass

NO_DOMINANCE = 0.10  # every profile at least this far below the best somewhere
OWN_BEST = 0.15  # each scenario's best at least this far below the best somewhere else
ROBUST_FLOOR = 0.50  # the best worst case at least this
NAMED_NEAR_ROBUST = 0.05  # the default strategy's worst case within this of the best worst case
RANDOM_AT_MOST = 0.05
SEED_SHARE = (0.10, 0.35)
STRATEGY_SHARE = 0.40
SEATS_WITHIN = 0.15
FAIRNESS_BITES = 0.20
TIES_AT_MOST = 0.85
GOAL_AT_MOST = 0.90  # no private goal met in more of the realised games than this


@dataclass(frozen=True)
class Target:
    """One target: whether the result meets it, and the figures that say so."""

    name: str
    ok: bool
    detail: str


def _best(result: dict) -> dict:
    """Per scenario, the best realised share of any profile of the grid."""
    return {sc: max(p["realised"][sc] for p in result["profiles"]) for sc in result["scenarios"]}


def _pct(x: float) -> str:
    return f"{100 * x:.0f} %"


def _dominance(result: dict, best: dict) -> Target:
    dominant = [
        p["id"]
        for p in result["profiles"]
        if all(best[sc] - p["realised"][sc] < NO_DOMINANCE for sc in result["scenarios"])
    ]
    return Target(
        "No dominant recipe",
        not dominant,
        f"{len(dominant)} of {len(result['profiles'])} profiles are within {_pct(NO_DOMINANCE)} of the best everywhere",
    )


def _own_best(result: dict, best: dict) -> Target:
    scenarios = result["scenarios"]
    fails = []
    for sc in scenarios:
        top = max(result["profiles"], key=lambda p: p["realised"][sc])
        if not any(best[o] - top["realised"][o] >= OWN_BEST for o in scenarios if o != sc):
            fails.append(sc)
    return Target("Each future has its own best", not fails, "no own best in: " + (", ".join(fails) or "none"))


def _robust(result: dict, content) -> Target:
    scenarios = result["scenarios"]
    worst = max(min(p["realised"][sc] for sc in scenarios) for p in result["profiles"])
    name = content.default_strategy()
    named = result["named"].get(name, {}).get("realised", {})
    named_worst = min(named.values()) if named else 0.0
    best = _best(result)
    best_somewhere = [sc for sc in scenarios if named.get(sc, 0) >= best[sc]]
    ok = worst >= ROBUST_FLOOR and named_worst >= worst - NAMED_NEAR_ROBUST and not best_somewhere
    detail = (
        f"best worst case {_pct(worst)}; {name}'s worst case {_pct(named_worst)}; "
        f"{name} is the best in: {', '.join(best_somewhere) or 'none'}"
    )
    return Target("Robust options exist", ok, detail)


def _named(result: dict, content) -> Target:
    best = _best(result)
    misses = []
    for name, strategy in content.strategies.items():
        realised = result["named"].get(name, {}).get("realised", {})
        for sc, want in strategy.expect.items():
            got = realised.get(sc)
            if got is None:
                continue
            if want.at_least is not None and got < want.at_least:
                misses.append(f"{name} {sc} {_pct(got)} < {_pct(want.at_least)}")
            if want.at_most is not None and got > want.at_most:
                misses.append(f"{name} {sc} {_pct(got)} > {_pct(want.at_most)}")
            if want.near_best is not None and best[sc] - got > want.near_best:
                misses.append(f"{name} {sc} {_pct(got)}, best {_pct(best[sc])}")
    for sc, got in result["random"]["realised"].items():
        if got > RANDOM_AT_MOST:
            misses.append(f"random play {sc} {_pct(got)}")
    return Target("Named styles", not misses, "; ".join(misses) or "all as the content expects")


def _deck(result: dict) -> Target:
    lo, hi = SEED_SHARE
    parts, ok = [], True
    for sc in result["scenarios"]:
        seed, strategy = result["seed_share"][sc], result["strategy_share"][sc]
        ok = ok and lo <= seed <= hi and strategy >= STRATEGY_SHARE
        parts.append(f"{sc}: deck {_pct(seed)}, strategy {_pct(strategy)}")
    return Target("The deck matters", ok, "; ".join(parts))


def _seats(result: dict, content) -> Target:
    name = content.default_strategy()
    base = result["named"].get(name, {}).get("realised", {})
    parts, ok = [], True
    for size, rows in sorted(result["seats"].items()):
        for sc, got in rows.get(name, {}).items():
            ok = ok and abs(got - base.get(sc, 0)) <= SEATS_WITHIN
            parts.append(f"{size} seats {sc} {_pct(got)}")
    return Target("Table size", ok, f"4 seats: {', '.join(_pct(v) for v in base.values())}; " + ", ".join(parts))


def _fairness(result: dict) -> Target:
    change = {sc: v for rows in result["equality_change"].values() for sc, v in rows.items()}
    falls = bool(change) and all(v < 0 for v in change.values())
    worst = max((v for rows in result["fairness_failed"].values() for v in rows.values()), default=0.0)
    return Target(
        "Fairness bites",
        falls and worst >= FAIRNESS_BITES,
        f"equality under passive play {', '.join(f'{v:+.0f}' for v in change.values())}; "
        f"most won games failing fairness: {_pct(worst)}",
    )


def _goals(result: dict) -> Target:
    met = result.get("goals_met", {})
    top = max(met, key=met.get) if met else ""
    return Target(
        "Private goals pull",
        bool(met) and met[top] <= GOAL_AT_MOST,
        f"the goal met most often in realised games: {top} {_pct(met.get(top, 0.0))}" if met else "no realised games",
    )


def _choices(result: dict) -> Target:
    ties = result["move_ties"]
    return Target(
        "Choices matter",
        all(v <= TIES_AT_MOST for v in ties.values()),
        ", ".join(f"{sc} {_pct(v)} of moves tie for best" for sc, v in ties.items()),
    )


def targets(result: dict, content) -> list:
    """Every balance target, met or not, with its figures."""
    best = _best(result)
    return [
        _dominance(result, best),
        _own_best(result, best),
        _robust(result, content),
        _named(result, content),
        _deck(result),
        _seats(result, content),
        _fairness(result),
        _choices(result),
        _goals(result),
    ]


def summary(result: dict, content) -> list:
    """The result in plain words: each future's best way of playing, the most robust one, the named
    strategies, and the targets."""
    scenarios = result["scenarios"]
    names = {sc: content.scenarios[sc].name.get("en") for sc in scenarios}
    out = [f"Balance lab: {len(result['profiles'])} ways of playing x {result['games']} games in each future", ""]
    for sc in scenarios:
        top = max(result["profiles"], key=lambda p: p["realised"][sc])
        out.append(f"Best in {names[sc]} ({_pct(top['realised'][sc])}): {top['description']}")
    robust = max(result["profiles"], key=lambda p: min(p["realised"][sc] for sc in scenarios))
    worst = min(robust["realised"][sc] for sc in scenarios)
    out += [f"Most robust (at least {_pct(worst)} everywhere): {robust['description']}", ""]
    out.append(f"{'strategy':<18}" + "".join(f"{names[sc]:>14}" for sc in scenarios))
    for name, row in list(result["named"].items()) + [("random play", result["random"])]:
        out.append(f"{name:<18}" + "".join(f"{_pct(row['realised'][sc]):>14}" for sc in scenarios))
    out.append("")
    for target in targets(result, content):
        out.append(f"[{'met' if target.ok else 'NOT met'}] {target.name}: {target.detail}")
    return out
