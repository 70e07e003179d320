"""The wind tunnel: a group's strategy, read from its game log, played by bots under every scenario.

A group plays one game in one future. Whether its way of working was wise or lucky only shows when the same
way of working meets the other futures too, with other trend cards. So the seats' choices are read from the
log as bot profiles (`group_strategy`), and bots with those profiles play the same table, challenge and
number of rounds many times under each scenario. Game i uses the same seed in every scenario and in every
ablation, so rows differ by the scenario's rules and by the choice left out, not by the luck of the deck.

A choice (facts, talks, a coalition, who leads, a favourite signature action, ...) *held up* in a scenario
when leaving it out of every seat's profile clearly lowers the mean progress there. Progress stops at 100 %,
so in a scenario where the strategy realises nearly every game even without a choice, the choice cannot show
a gain; that scenario is marked "no_room" (realised anyway), which is not a failure of the choice. A choice is
**robust** when it held up in every scenario that left room for it (and in one at least), and **fragile** when
it held up in the scenario the group played but made no clear difference, or did harm, in some other. That is
DESIGN.md's "robust option", measured.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Optional

from game.analysis.simulate import game_seed, play
from game.bots import Bot, Profile
from game.bots.player import fact_seat as bot_fact_seat
from game.engine import Setup, is_realised
from game.engine.actions import ENGINE_KINDS
from game.engine.vocabulary import INDICATORS, RESOURCES
from game.words import LANGUAGES, language, say, signed

EQUALITY = INDICATORS.index("equality")

MAX_CHOICES = 6
MIN_GAIN = 1.0  # progress points: a gain smaller than this is no gain a group would notice
SE_FACTOR = 2.0  # ... and it must stand clear of the noise: more than twice its standard error
# Progress stops at 100 %: where the strategy realises (nearly) every game even without a choice, the choice
# cannot show a gain there. That is "not needed there", not "did harm", and the text says so.
NO_ROOM = 0.95
PROGRESS_WEIGHT = 2  # in "how much a draw hurt", a progress point weighs as two indicator points (as in the log)
TOP_TRENDS = 3
REPORT_EVERY = 10  # games between progress reports (and looks at `cancel`)


class Cancelled(Exception):
    """The wind tunnel was stopped by its caller (`cancel()` returned True)."""


# ------------------------------------------------------------------------------------- reading the log
def _seat_actions(log) -> list:
    """Per seat, its own actions in order (the engine's phase moves left out)."""
    per_seat = [[] for _ in log.setup.seats]
    for action in log.actions:
        if action.kind not in ENGINE_KINDS and 0 <= action.seat < len(per_seat):
            per_seat[action.seat].append(action)
    return per_seat


def _learning_ids(book) -> set:
    """The signature actions that organise learning: those that add resilience (the same test the bots use)."""
    return {spec.id for specs in book.signatures.values() for spec in specs if spec.resilience}


def _fairness_ids(book) -> set:
    """The signature actions that raise equality (the same test the bots' `fairness` uses)."""
    return {spec.id for specs in book.signatures.values() for spec in specs if spec.ind[EQUALITY] > 0}


def group_strategy(log) -> tuple:
    """One bot Profile per seat, read from what that seat did in the log.

    Who leads and who is worth inviting are the group's, not one seat's: every bot must agree on them, or
    no coalition forms. Building facts is the group's too: the bots let one seat (the first professional)
    build them, so when anyone at the table built facts, that seat gets `facts` as well."""
    roles = tuple(s.role for s in log.setup.seats)
    per_seat = _seat_actions(log)
    learning_ids = _learning_ids(log.state.book)
    fairness_ids = _fairness_ids(log.state.book)
    founders, members = [], []
    for s, actions in enumerate(per_seat):
        for a in actions:
            if a.kind == "propose":
                founders.append((0 if a.role == "lead" else 1, s))
            if a.kind in ("propose", "accept") and s not in members:
                members.append(s)
    lead_roles = tuple(dict.fromkeys(roles[s] for _, s in sorted(founders, key=lambda f: f[0])))
    member_roles = tuple(dict.fromkeys(roles[s] for s in sorted(members)))
    group_facts = any(a.kind == "build_facts" for actions in per_seat for a in actions)
    fact_seat = bot_fact_seat(log.state.book.content, roles, lead_roles)
    stance = _table_stance(log)
    profiles = []
    for s, actions in enumerate(per_seat):
        kinds = Counter(a.kind for a in actions)
        if set(kinds) <= {"end_turn", "decline"}:
            profiles.append(Profile(name=f"log-seat{s + 1}", passive=True, coalition=False, seize=False))
            continue
        used = Counter(a.action for a in actions if a.kind == "signature")
        first_use = {}
        for i, a in enumerate(actions):
            if a.kind == "signature":
                first_use.setdefault(a.action, i)
        signatures = tuple(sorted(used, key=lambda sig: (-used[sig], first_use[sig])))
        invested = [a.amounts for a in actions if a.kind == "invest"][:3]
        money = sum(v[0] for v in invested)
        profiles.append(
            Profile(
                name=f"log-seat{s + 1}",
                coalition=bool(kinds["propose"] or kinds["accept"]),
                lead_roles=lead_roles,
                member_roles=member_roles,
                facts=bool(kinds["build_facts"]) or (group_facts and s == fact_seat),
                talk=bool(kinds["conversation"]),
                learning=any(sig in learning_ids for sig in used),
                fairness=any(sig in fairness_ids for sig in used),
                # A log cannot tell a seat that looked after its private goal from one that met it by luck,
                # or that tried and failed. Every seat holds a goal card and a person at the table keeps it
                # in mind, so every active seat cares; it also keeps members in where goals must move.
                goal_care=True,
                money_first=bool(invested) and 2 * money > sum(map(sum, invested)),
                signatures=signatures,
                seize=bool(kinds["seize_opportunity"]),
                stance=stance,
            )
        )
    return tuple(profiles)


def _table_stance(log) -> str:
    """The kind of answer the table gave its dilemmas most often (the first of equals); "" without answers."""
    stances = log.state.book.stances
    given = Counter(stances[trend][response] for _, trend, response in log.state.answers if trend in stances)
    return max(given, key=lambda s: (given[s], -list(given).index(s))) if given else ""


def spending_profile(log) -> list:
    """Per seat, how it spent its actions and resources: counts of actions by kind (signature actions by
    id as well), the resources paid for actions (costs, offers given), the resources invested in the
    challenge, and all it put into the challenge (investments plus actions that feed the pot)."""
    book = log.state.book
    out = []
    for s, actions in enumerate(_seat_actions(log)):
        seat = log.setup.seats[s]
        counts = Counter(a.kind for a in actions)
        signatures = Counter(a.action for a in actions if a.kind == "signature")
        spent = [0] * len(RESOURCES)
        invested = [0] * len(RESOURCES)
        for a in actions:
            if a.kind == "invest":
                invested = [x + y for x, y in zip(invested, a.amounts, strict=True)]
                continue
            if a.kind == "signature":
                cost = book.actions[a.action].cost
            elif a.kind == "seize_opportunity":
                cost = book.opportunities[a.trend][0]
            elif a.kind in book.kind_action:
                cost = book.kind_action[a.kind].cost
            else:
                continue
            spent = [x + y for x, y in zip(spent, cost, strict=True)]
            if a.kind == "offer":
                spent[a.resource] += a.amount
        out.append(
            {
                "seat": s,
                "role": seat.role,
                "name": seat.name,
                "human": not seat.bot,
                "actions": dict(sorted(counts.items())),
                "signatures": dict(sorted(signatures.items())),
                "spent": dict(zip(RESOURCES, spent, strict=True)),
                "invested": dict(zip(RESOURCES, invested, strict=True)),
                "contributed": dict(zip(RESOURCES, log.state.seats[s].contributed, strict=True)),
            }
        )
    return out


@dataclass(frozen=True)
class Choice:
    """A notable choice of the group: its id, a label for the trainer, how often it was used, and how to
    take it out of a profile (`ablate`), so its worth can be measured by playing without it."""

    id: str
    label: dict  # {"nl": ..., "en": ...}
    uses: int
    ablate: Callable[[Profile], Profile] = field(compare=False, repr=False)

    def without(self, profiles: tuple) -> tuple:
        """The profiles with this choice taken out of every seat."""
        return tuple(p if p.passive else self.ablate(p) for p in profiles)


def _label(nl: str, en: Optional[str]) -> dict:
    return {"nl": nl, "en": en or nl}


def _fixed_label(key: str) -> dict:
    """The label of one of the strategic choices, from the catalogue in both languages."""
    return {lang: say(f"tunnel.choice.{key}", lang) for lang in LANGUAGES}


def choices(log, content=None) -> list:
    """The group's notable choices, at most MAX_CHOICES. First the strategic ones, where one act can be the
    whole choice: forming a coalition, who leads it, building facts (once is enough for the whole table),
    organising learning and the kind of answer the table gave the dilemmas. Then talks, seizing chances and
    signature actions, by how often the group used them.

    `money_first` is read into the profiles but is not a choice here: the bots give money first whatever the
    profile says (see Bot._coalition_investment), so leaving it out would measure nothing."""
    content = content if content is not None else log.state.book.content
    roles = tuple(s.role for s in log.setup.seats)
    per_seat = _seat_actions(log)
    kinds = Counter(a.kind for actions in per_seat for a in actions)
    signatures = Counter(a.action for actions in per_seat for a in actions if a.kind == "signature")
    learning_ids = _learning_ids(log.state.book)
    profiles = group_strategy(log)
    out = []
    coalition_uses = kinds["propose"] + kinds["accept"]
    if coalition_uses:
        out.append(Choice("coalition", _fixed_label("coalition"), coalition_uses, _no_coalition))
        lead = profiles_lead(profiles)
        others = tuple(r for r in dict.fromkeys(roles) if r != lead)
        if lead and others:
            name = content.roles[lead].name
            label = {lang: say("tunnel.choice.lead", lang, role=name.get(lang)) for lang in LANGUAGES}
            out.append(Choice(f"lead:{lead}", label, kinds["propose"], _lead_by(others)))
    if kinds["build_facts"]:
        out.append(Choice("facts", _fixed_label("facts"), kinds["build_facts"], _no_facts))
    learning_uses = sum(n for sig, n in signatures.items() if sig in learning_ids)
    if learning_uses:
        out.append(Choice("learning", _fixed_label("learning"), learning_uses, _no_learning(learning_ids)))
    stance = profiles[0].stance if profiles else ""
    if stance:  # how the table answered the dilemmas; without it the bots give each card's first answer
        answered = sum(1 for _, trend, r in log.state.answers if log.state.book.stances.get(trend, {}).get(r) == stance)
        label = {
            lang: say("tunnel.choice.stance", lang, stance=content.stance_name(stance, lang).lower())
            for lang in LANGUAGES
        }
        out.append(Choice(f"stance:{stance}", label, answered, _no_stance))
    ranked = []
    if kinds["conversation"]:
        ranked.append(Choice("talk", _fixed_label("talk"), kinds["conversation"], _no_talk))
    if kinds["seize_opportunity"]:
        ranked.append(Choice("seize", _fixed_label("seize"), kinds["seize_opportunity"], _no_seize))
    for sig, n in signatures.items():
        if sig in learning_ids:
            continue  # measured as "learning"
        name = content.actions[sig].name if sig in content.actions else None
        label = _label(name.nl, name.get("en")) if name else _label(sig, sig)
        ranked.append(Choice(f"signature:{sig}", label, n, _no_signature(sig)))
    ranked.sort(key=lambda c: (-c.uses, c.id))
    out += ranked
    return out[:MAX_CHOICES]


def profiles_lead(profiles: tuple) -> Optional[str]:
    """The role the group's coalition was founded by (the first of the shared lead roles), if any."""
    for p in profiles:
        if p.lead_roles:
            return p.lead_roles[0]
    return None


def _no_coalition(p: Profile) -> Profile:
    return replace(p, coalition=False)


def _no_facts(p: Profile) -> Profile:
    return replace(p, facts=False)


def _no_talk(p: Profile) -> Profile:
    return replace(p, talk=False)


def _no_seize(p: Profile) -> Profile:
    return replace(p, seize=False)


def _no_stance(p: Profile) -> Profile:
    return replace(p, stance="")


def _lead_by(others: tuple):
    """Another role founds: the other roles at the table, in seat order (the first present founds)."""

    def ablate(p: Profile) -> Profile:
        return replace(p, lead_roles=others)

    return ablate


def _no_learning(ids: set):
    def ablate(p: Profile) -> Profile:
        return replace(p, learning=False, signatures=tuple(s for s in p.signatures if s not in ids))

    return ablate


def _no_signature(sig: str):
    def ablate(p: Profile) -> Profile:
        return replace(p, signatures=tuple(s for s in p.signatures if s != sig))

    return ablate


# ------------------------------------------------------------------------------------------- playing
def _play(content, setup: Setup, profiles: tuple):
    """Play one game with a bot per seat (simulate.play's loop); return the final state and, per drawn card,
    how much its draw hurt.

    "Hurt" is measured at the draw itself, in this game: the fall of the indicators' sum plus
    PROGRESS_WEIGHT x the fall of progress. So a card weighs more when it strikes a city already low, and
    less when learning (resilience) absorbs its blow. When two cards come in one round the round's hurt goes
    to the card whose printed effects are worse under this scenario."""
    hurts = []

    def standing(state) -> float:
        return sum(state.ind) + PROGRESS_WEIGHT * state.progress

    def note_hurt(state, before: float) -> None:
        cards = state.drawn[-1]
        if cards:
            card = min(cards, key=lambda t: _printed_effect(state.book.trends[t]))
            hurts.append((before - standing(state), card))

    bots = {i: Bot(i, p, setup.seed) for i, p in enumerate(profiles)}
    state = play(content, setup, bots, before_draw=standing, after_draw=note_hurt)
    return state, hurts


def _printed_effect(eff) -> float:
    return sum(eff.ind) + PROGRESS_WEIGHT * eff.progress


@dataclass
class ScenarioResult:
    """The group's strategy under one scenario."""

    scenario: str
    games: int
    realised: float
    mean_progress: float
    mean_indicators: dict
    broken_by: list  # [(trend id, count)], the cards that hurt most in games not realised, most often first

    def to_json(self, content) -> dict:
        return {
            "scenario": self.scenario,
            "games": self.games,
            "realised": round(self.realised, 4),
            "mean_progress": round(self.mean_progress, 2),
            "mean_indicators": {k: round(v, 2) for k, v in self.mean_indicators.items()},
            "broken_by": [
                {"trend": t, "title": _label(content.trends[t].title.nl, content.trends[t].title.en), "count": n}
                for t, n in self.broken_by
            ],
        }


@dataclass
class ChoiceResult:
    """A choice and what leaving it out did, per scenario (gain = with it minus without it)."""

    choice: Choice
    gains: dict  # scenario -> mean progress gain
    realised_gains: dict  # scenario -> gain in the share of games realised
    status: dict  # scenario -> gain (clear), loss (clearly worse with it), no_room (realised anyway), none
    verdict: str  # robust (a clear gain wherever there was room), fragile (in the played scenario only), other

    def to_json(self) -> dict:
        return {
            "id": self.choice.id,
            "label": dict(self.choice.label),
            "uses": self.choice.uses,
            "gains": {k: round(v, 2) for k, v in self.gains.items()},
            "realised_gains": {k: round(v, 4) for k, v in self.realised_gains.items()},
            "status": dict(self.status),
            "verdict": self.verdict,
        }


@dataclass
class WindtunnelResult:
    """Everything the wind tunnel found; `to_json` for the CLI's --json and the report, `lines` for text."""

    log_name: str
    played_scenario: str
    challenge: str
    seed: int
    games: int
    ablation_games: int
    profiles: tuple
    spending: list
    results: list  # ScenarioResult, by scenario id
    choices: list  # ChoiceResult
    content: object = field(repr=False)

    @property
    def robust(self) -> list:
        return [c for c in self.choices if c.verdict == "robust"]

    @property
    def fragile(self) -> list:
        return [c for c in self.choices if c.verdict == "fragile"]

    def to_json(self) -> dict:
        """The `windtunnel --json` contract, plus the profiles, the spending table and every choice."""
        return {
            "played_scenario": self.played_scenario,
            "challenge": self.challenge,
            "seed": self.seed,
            "games": self.games,
            "ablation_games": self.ablation_games,
            "results": [r.to_json(self.content) for r in self.results],
            "robust": [c.to_json() for c in self.robust],
            "fragile": [c.to_json() for c in self.fragile],
            "choices": [c.to_json() for c in self.choices],
            "profiles": [_profile_json(p) for p in self.profiles],
            "spending": self.spending,
        }

    def lines(self, lang: str = "nl") -> list:
        """A small readable table and the verdicts, in nl or en."""
        lang = language(lang)

        def w(key: str, **params) -> str:
            return say(f"tunnel.{key}", lang, **params)

        names = {sid: self.content.scenarios[sid].name.get(lang) for sid in self.content.scenarios}
        out = [w("title", log=self.log_name, games=self.games), ""]
        h = [w(f"header.{i}") for i in range(4)]
        out.append(f"{h[0]:<26}{h[1]:>8}{h[2]:>14}{h[3]:>11}")
        for r in self.results:
            name = names[r.scenario] + (w("played") if r.scenario == self.played_scenario else "")
            out.append(f"{name:<26}{r.games:>8}{r.realised:>14.0%}{r.mean_progress:>11.1f}")
        order = [r.scenario for r in self.results]

        def gains(c: ChoiceResult) -> str:
            parts = []
            for sid in order:
                note = c.status[sid]
                note = f" [{w(note)}]" if note in ("no_room", "loss") else ""
                parts.append(f"{names[sid]} {signed(c.gains[sid], lang, 1)}{note}")
            return ", ".join(parts)

        for key, group in (("robust", self.robust), ("fragile", self.fragile)):
            out += ["", w(key)]
            if not group:
                out.append(w("none"))
            for c in group:
                out.append(f"  {c.choice.label[lang]}  ({w('gains')}: {gains(c)})")
        rest = [c for c in self.choices if c.verdict == "other"]
        if rest:
            out += ["", w("other")]
            for c in rest:
                out.append(f"  {c.choice.label[lang]}  ({gains(c)})")
        out += ["", w("broke")]
        for r in self.results:
            cards = ", ".join(f"{self.content.trends[t].title.get(lang)} ({n}{w('times')})" for t, n in r.broken_by)
            out.append(f"  {names[r.scenario]}: {cards or w('no_break')}")
        if self.choices:
            out += ["", w("cost", n=self.ablation_games)]
        return out


def _profile_json(p: Profile) -> dict:
    return {
        "passive": p.passive,
        "coalition": p.coalition,
        "lead_roles": list(p.lead_roles),
        "member_roles": list(p.member_roles),
        "facts": p.facts,
        "talk": p.talk,
        "learning": p.learning,
        "goal_care": p.goal_care,
        "fairness": p.fairness,
        "money_first": p.money_first,
        "signatures": list(p.signatures),
        "seize": p.seize,
        "stance": p.stance,
    }


def ablation_games(games: int) -> int:
    """Games per scenario and choice for the ablations: the first third of the seeds, at least 30."""
    return min(games, max(30, games // 3))


class _Counter:
    """Counts games played, reports progress every REPORT_EVERY games and stops when asked to."""

    def __init__(self, total: int, progress, cancel) -> None:
        self.total, self.done = total, 0
        self.progress, self.cancel = progress, cancel

    def tick(self) -> None:
        self.done += 1
        if self.done % REPORT_EVERY == 0 or self.done == self.total:
            if self.cancel is not None and self.cancel():
                raise Cancelled()
            if self.progress is not None:
                self.progress(self.done, self.total)


def run_windtunnel(
    content, log, games: int = 300, progress=None, cancel=None, *, ablate: bool = True, scenarios=None
) -> WindtunnelResult:
    """Play the group's strategy `games` times under every scenario, then each choice left out (skipped with
    `ablate=False`: then no choice is judged, and robust and fragile stay empty).

    `progress(done, total)` is called every REPORT_EVERY games; `cancel()` is asked as often and, when it
    returns True, Cancelled is raised. Meant to run in a thread: it shares nothing but the (read-only)
    content and log. `scenarios` limits the futures played (default: all of the content's)."""
    if games < 1:
        raise ValueError("games must be at least 1")
    profiles = group_strategy(log)
    found = choices(log, content) if ablate else []
    # in the content's order, as the setup and the how-to show them
    scenarios = [s for s in content.scenario_ids() if scenarios is None or s in scenarios]
    n_ab = ablation_games(games)
    counter = _Counter(len(scenarios) * (games + n_ab * len(found)), progress, cancel)
    base = log.setup
    seats = tuple(replace(s, bot=True) for s in base.seats)

    def setup(scenario: str, i: int) -> Setup:
        return Setup(scenario, base.challenge, seats, base.rounds, game_seed(base.seed, i))

    results, per_game, won_games = [], {}, {}
    for scenario in scenarios:
        progress_list, won_list = [], []
        realised = 0
        totals = [0.0] * len(INDICATORS)
        broke = Counter()
        for i in range(games):
            state, hurts = _play(content, setup(scenario, i), profiles)
            progress_list.append(state.progress)
            won_list.append(is_realised(state))
            if won_list[-1]:
                realised += 1
            else:
                hurt, card = max(hurts, key=lambda h: h[0], default=(0, None))
                if hurt > 0:  # a game where no draw did harm was not broken by a trend
                    broke[card] += 1
            for k, v in enumerate(state.ind):
                totals[k] += v
            counter.tick()
        per_game[scenario] = progress_list
        won_games[scenario] = won_list
        top = sorted(broke.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_TRENDS]
        results.append(
            ScenarioResult(
                scenario,
                games,
                realised / games,
                sum(progress_list) / games,
                {name: totals[k] / games for k, name in enumerate(INDICATORS)},
                top,
            )
        )

    choice_results = []
    for choice in found:
        without = choice.without(profiles)
        gains, realised_gains, status = {}, {}, {}
        for scenario in scenarios:
            diffs, real_with, real_without = [], 0, 0
            for i in range(n_ab):
                state, _ = _play(content, setup(scenario, i), without)
                with_it = per_game[scenario][i]
                diffs.append(with_it - state.progress)
                real_with += won_games[scenario][i]
                real_without += is_realised(state)
                counter.tick()
            mean = sum(diffs) / n_ab
            gains[scenario] = mean
            realised_gains[scenario] = (real_with - real_without) / n_ab
            status[scenario] = _status(mean, _standard_error(diffs, mean), real_without / n_ab)
        if all(v in ("gain", "no_room") for v in status.values()) and "gain" in status.values():
            verdict = "robust"  # it helped wherever there was anything left to win
        elif status.get(base.scenario) == "gain":
            verdict = "fragile"
        else:
            verdict = "other"
        choice_results.append(ChoiceResult(choice, gains, realised_gains, status, verdict))

    return WindtunnelResult(
        log.path.name if log.path is not None else "",
        base.scenario,
        base.challenge,
        base.seed,
        games,
        n_ab if found else 0,
        profiles,
        spending_profile(log),
        results,
        choice_results,
        content,
    )


def _status(gain: float, se: float, realised_without: float) -> str:
    """What leaving a choice out did in one scenario: gain, loss, no_room or none (see NO_ROOM)."""
    if gain >= MIN_GAIN and gain > SE_FACTOR * se:
        return "gain"
    if gain <= -MIN_GAIN and -gain > SE_FACTOR * se:
        return "loss"
    if realised_without >= NO_ROOM:
        return "no_room"
    return "none"


def _standard_error(values: list, mean: float) -> float:
    n = len(values)
    if n < 2:
        return math.inf
    variance = sum((v - mean) ** 2 for v in values) / (n - 1)
    return math.sqrt(variance / n)
