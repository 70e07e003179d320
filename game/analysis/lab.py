"""`python -m game lab`: the balance laboratory. Does the content teach that what works depends on the future?

It plays a deterministic grid of scenario-blind bot profiles (who leads, whom they invite, facts first, talks,
learning, their own goal, money first, opportunities, their own actions) under every scenario of the content,
the named strategies, random legal play and other table sizes, and measures what the issue's balance targets
ask: each future's best profile, the best worst case, how much of the result the deck explains, whether
single moves matter. Game i of every row uses the same seed (and so the same deck order), as `simulate` does.

The work is spread over the machine's cores; every row is a function of its own games only, so the result
does not depend on how the work was spread.
"""

from __future__ import annotations

import os
import random
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Optional

from game.analysis.simulate import play, play_on, setups, table
from game.bots import Bot, Profile
from game.bots.words import Because
from game.engine import goal_measure, is_fair, legal_actions, option_of
from game.engine.outcome import equality_change
from game.engine.rules import apply_in_place
from game.engine.state import PHASE_ACTIONS, PHASE_OVER
from game.engine.vocabulary import INDICATORS

EQUALITY = INDICATORS.index("equality")
# The profiles' yes/no preferences; with the lead (one per role) they make the grid.
FLAGS = ("invite_all", "facts", "talk", "learning", "goal_care", "money_first", "seize", "signatures", "fairness")
QUICK = {"profiles": 256, "games": 120, "tie_decisions": 20}
FULL = {"profiles": 256, "games": 200, "tie_decisions": 30}
TIE_POINTS = 1.0  # moves within this many points of the best rollout tie for best
_RANDOM = Because("done")


@dataclass(frozen=True)
class Row:
    """What the games of one row (a profile or strategy under one scenario) came to."""

    realised: float
    progress: float
    equality: float
    per_game: tuple = field(default=(), repr=False)  # final progress of each game, for the seed's share
    fairness_failed: float = 0.0  # share of the 100 %-progress games whose equality fell past the content's bound
    equality_change: float = 0.0  # mean end minus start
    goals: dict = field(default_factory=dict, repr=False)  # "role:goal" -> [met, held] over the realised games


# ------------------------------------------------------------------------------------------- profiles
def profile_grid(content, n: int) -> list:
    """`n` scenario-blind profiles of the whole grid (every lead x every answer stance x every yes/no flag),
    as (id, params, Profile). The leads take turns, the flags' combinations come in a fixed shuffled order and
    the stances rotate over them, so any `n` covers every lead and stance and a fair spread of the flags;
    n = leads x stances x 2^flags is the whole grid."""
    roles = content.role_ids()
    stances = [s.id for s in content.rules.stances] or [""]
    combos = random.Random(1).sample(range(2 ** len(FLAGS)), 2 ** len(FLAGS))
    n = min(n, len(roles) * len(combos) * len(stances))
    out = []
    for i in range(n):
        k = i // len(roles)
        bits = combos[k % len(combos)]
        params = {
            "lead": roles[i % len(roles)],
            "stance": stances[(k + k // len(combos)) % len(stances)],
            **{flag: bool(bits >> b & 1) for b, flag in enumerate(FLAGS)},
        }
        pid = f"p{i + 1:04d}"
        out.append((pid, params, to_profile(content, params, pid)))
    return out


def to_profile(content, params: dict, name: str) -> Profile:
    """The bots' Profile of one point of the grid."""
    roles = content.role_ids()
    lead = params["lead"]
    leads = (lead,) + tuple(r for r in roles if r != lead)
    invited = () if params["invite_all"] else leads[:2]
    signatures = tuple(a for r in roles for a in content.roles[r].signature_actions) if params["signatures"] else ()
    return Profile(
        name=name,
        lead_roles=leads,
        member_roles=invited,
        facts=params["facts"],
        talk=params["talk"],
        learning=params["learning"],
        goal_care=params["goal_care"],
        fairness=params["fairness"],
        money_first=params["money_first"],
        signatures=signatures,
        seize=params["seize"],
        stance=params.get("stance", ""),
    )


def describe(params: dict, content, lang: str = "en") -> str:
    """A profile in words a trainer understands."""
    lead = content.roles[params["lead"]].name.get(lang)
    parts = [f"{lead} leads", "everyone invited" if params["invite_all"] else "a small coalition"]
    words = {
        "facts": "facts first",
        "talk": "talks until trust is high",
        "learning": "organises learning",
        "goal_care": "minds its own goal",
        "fairness": "looks after the vulnerable",
        "money_first": "money first",
        "seize": "seizes opportunities",
        "signatures": "uses its own actions",
    }
    parts += [text for flag, text in words.items() if params[flag]]
    if params.get("stance"):
        parts.append(f"answers dilemmas: {content.stance_name(params['stance'], lang).lower()}")
    return ", ".join(parts)


# ------------------------------------------------------------------------------------------- playing
class RandomPlayer:
    """A seat that plays a random legal action (seeded by the game and the seat)."""

    def __init__(self, seat: int, seed: int) -> None:
        self.rnd = random.Random(seed * 31 + seat)

    def choose(self, state) -> tuple:
        """A random legal action."""
        return self.rnd.choice(legal_actions(state)), _RANDOM


def _bots(kind: str, profile, setup) -> Optional[dict]:
    """The players of one game: a profile in every seat, random play, or (None) the seats' own strategies."""
    if kind == "profile":
        return {i: Bot(i, profile, setup.seed) for i in range(len(setup.seats))}
    if kind == "random":
        return {i: RandomPlayer(i, setup.seed) for i in range(len(setup.seats))}
    return None


def play_row(content, task: dict) -> Row:
    """Play one row's games: task = kind (profile, named, random), scenario, games, seed, seats, and the
    profile or the strategy's name."""
    seats = table(content, task["seats"], task.get("strategy") or content.default_strategy())
    realised_at = content.rules.realised_at
    finals, equalities, changes, reached, won, unfair, goals = [], [], [], 0, 0, 0, {}
    for setup in setups(content, task["scenario"], seats, task["games"], task["seed"]):
        state = play(content, setup, _bots(task["kind"], task.get("profile"), setup))
        finals.append(state.progress)
        equalities.append(state.ind[EQUALITY])
        changes.append(equality_change(state))
        if state.progress >= realised_at:
            reached += 1
            fair = is_fair(state)
            won += fair
            unfair += not fair
            if fair:  # whose private goal a realised game met: a goal met in nearly every one pulls nobody
                for s, seat in enumerate(state.seats):
                    tally = goals.setdefault(f"{seat.role}:{seat.goal}", [0, 0])
                    tally[0] += goal_measure(state, s) >= 1.0
                    tally[1] += 1
    n = len(finals)
    return Row(
        realised=won / n,
        progress=sum(finals) / n,
        equality=sum(equalities) / n,
        per_game=tuple(finals),
        fairness_failed=unfair / reached if reached else 0.0,
        equality_change=sum(changes) / n,
        goals=goals,
    )


def move_ties(content, scenario: str, decisions: int, seed: int) -> float:
    """The mean share of a seat's action-point moves that tie for best (within TIE_POINTS of the best final
    progress, each move played out by the default strategy's bots), over `decisions` sampled decisions."""
    name = content.default_strategy()
    shares = []
    for setup in setups(content, scenario, table(content, 4, name), decisions, seed + 17):
        rnd = random.Random(setup.seed)
        state = _position(content, setup, rnd)
        if state is None:
            continue
        scores = []
        for action in legal_actions(state):
            spec = option_of(state, action).spec
            if spec is None or spec.ap < 1:
                continue  # moves that cost no action point (ending the turn, answering, inviting, leaving)
            after = state.copy()
            apply_in_place(after, action)
            scores.append(play_on(after, {i: Bot(i, name, setup.seed) for i in range(4)}).progress)
        if len(scores) > 1:
            best = max(scores)
            shares.append(sum(s >= best - TIE_POINTS for s in scores) / len(scores))
    return sum(shares) / len(shares) if shares else 1.0


def _position(content, setup, rnd: random.Random):
    """A random moment of a game played by the default strategy where the seat in turn has action points."""
    from game.engine import new_game

    state = new_game(content, setup)
    bots = {i: Bot(i, content.default_strategy(), setup.seed) for i in range(len(setup.seats))}
    stop = rnd.randrange(4, 60)
    steps = 0
    while state.phase != PHASE_OVER:
        if state.phase == PHASE_ACTIONS:
            if steps >= stop and state.seats[state.turn].ap > 0:
                return state
            steps += 1
            apply_in_place(state, bots[state.turn].choose(state)[0])
        else:
            play_step = legal_actions(state)[0]  # the draw or the resolution
            apply_in_place(state, play_step)
    return None


# ------------------------------------------------------------------------------------------- the run
_CONTENT = None


def _init(pack: Optional[str]) -> None:
    global _CONTENT
    from game.content import load_content

    _CONTENT = load_content(pack=pack).content


def _work(job: tuple):
    """One job in a worker: ("row", task) or ("ties", scenario, decisions, seed)."""
    if job[0] == "row":
        return play_row(_CONTENT, job[1])
    return move_ties(_CONTENT, *job[1:])


def _jobs(content, profiles: list, games: int, seed: int, seats: int, tie_decisions: int) -> list:
    """Every job of a run, as (name, job): the grid's rows, the named strategies, random play, other table
    sizes for the default strategy, and the sampled decisions."""
    jobs = []
    base = {"games": games, "seed": seed, "seats": seats}
    for scenario in content.scenario_ids():
        for pid, _, profile in profiles:
            jobs.append(
                (
                    ("profile", pid, scenario),
                    ("row", {**base, "kind": "profile", "profile": profile, "scenario": scenario}),
                )
            )
        for name in content.strategy_ids():
            jobs.append(
                (("named", name, scenario), ("row", {**base, "kind": "named", "strategy": name, "scenario": scenario}))
            )
        jobs.append((("random", "random", scenario), ("row", {**base, "kind": "random", "scenario": scenario})))
        for other in (3, 6):
            task = {**base, "kind": "named", "strategy": content.default_strategy(), "scenario": scenario}
            jobs.append((("seats", str(other), scenario), ("row", {**task, "seats": other})))
        jobs.append((("ties", "ties", scenario), ("ties", scenario, tie_decisions, seed)))
    return jobs


def _run_jobs(jobs: list, content, pack: Optional[str], workers: int, progress=None) -> dict:
    """name -> result of each job, over `workers` processes (1: in this process)."""
    done = {}
    if workers <= 1:
        global _CONTENT
        _CONTENT = content
        for i, (name, job) in enumerate(jobs):
            done[name] = _work(job)
            if progress is not None:
                progress(i + 1, len(jobs))
        return done
    with ProcessPoolExecutor(max_workers=workers, initializer=_init, initargs=(pack,)) as pool:
        futures = {pool.submit(_work, job): name for name, job in jobs}
        from concurrent.futures import as_completed

        for i, future in enumerate(as_completed(futures)):
            done[futures[future]] = future.result()
            if progress is not None:
                progress(i + 1, len(jobs))
    return done


def shares(per_strategy: list) -> tuple:
    """(seed's share, strategy's share) of the variance of final progress in a strategies x seeds table, by
    their main effects (a two-way decomposition without replication)."""
    rows = [r for r in per_strategy if r]
    if len(rows) < 2:
        return 0.0, 0.0
    n_s, n_g = len(rows), min(len(r) for r in rows)
    rows = [r[:n_g] for r in rows]
    grand = sum(map(sum, rows)) / (n_s * n_g)
    total = sum((x - grand) ** 2 for r in rows for x in r)
    if total == 0:
        return 0.0, 0.0
    by_seed = sum((sum(r[g] for r in rows) / n_s - grand) ** 2 for g in range(n_g)) * n_s
    by_strategy = sum((sum(r) / n_g - grand) ** 2 for r in rows) * n_g
    return by_seed / total, by_strategy / total


def run(
    content,
    pack: Optional[str] = None,
    profiles: int = 256,
    games: int = 200,
    seats: int = 4,
    seed: int = 1,
    tie_decisions: int = 30,
    workers: Optional[int] = None,
    progress=None,
) -> dict:
    """The whole laboratory; the result as the `lab --json` contract says."""
    grid = profile_grid(content, profiles)
    jobs = _jobs(content, grid, games, seed, seats, tie_decisions)
    done = _run_jobs(jobs, content, pack, workers or os.cpu_count() or 1, progress)
    scenarios = content.scenario_ids()
    named = content.strategy_ids()
    # the contract names two "seats": the table's size here is "table_seats", "seats" holds the other sizes' rows
    out = {"scenarios": scenarios, "table_seats": seats, "games": games, "seed": seed, "profiles": []}
    for pid, params, _ in grid:
        rows = {sc: done[("profile", pid, sc)] for sc in scenarios}
        out["profiles"].append(
            {
                "id": pid,
                "params": params,
                "description": describe(params, content),
                "realised": {sc: round(r.realised, 4) for sc, r in rows.items()},
                "progress": {sc: round(r.progress, 2) for sc, r in rows.items()},
                "equality": {sc: round(r.equality, 2) for sc, r in rows.items()},
            }
        )
    out["named"] = {n: {"realised": {sc: round(done[("named", n, sc)].realised, 4) for sc in scenarios}} for n in named}
    out["random"] = {"realised": {sc: round(done[("random", "random", sc)].realised, 4) for sc in scenarios}}
    active = [n for n in named if not content.strategies[n].passive]
    split = {sc: shares([done[("named", n, sc)].per_game for n in active]) for sc in scenarios}
    out["seed_share"] = {sc: round(split[sc][0], 4) for sc in scenarios}
    out["strategy_share"] = {sc: round(split[sc][1], 4) for sc in scenarios}
    out["seats"] = {
        str(k): {content.default_strategy(): {sc: round(done[("seats", str(k), sc)].realised, 4) for sc in scenarios}}
        for k in (3, 6)
    }
    out["fairness_failed"] = {
        n: {sc: round(done[("named", n, sc)].fairness_failed, 4) for sc in scenarios} for n in named
    }
    out["equality_change"] = {
        n: {sc: round(done[("named", n, sc)].equality_change, 2) for sc in scenarios}
        for n in named
        if content.strategies[n].passive
    }
    out["move_ties"] = {sc: round(done[("ties", "ties", sc)], 4) for sc in scenarios}
    out["goals_met"] = _goals_met([done[("named", n, sc)] for n in active for sc in scenarios])
    return out


def _goals_met(rows: list) -> dict:
    """Per private goal ("role:goal"), the share of the realised games it was held in that met it, over the
    named strategies' rows (a goal never held in a realised game is left out)."""
    tally: dict = {}
    for row in rows:
        for key, (met, held) in row.goals.items():
            both = tally.setdefault(key, [0, 0])
            both[0] += met
            both[1] += held
    return {key: round(met / held, 4) for key, (met, held) in sorted(tally.items()) if held}
