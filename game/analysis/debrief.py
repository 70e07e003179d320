"""What the debrief tells about one game: the outcome, the timeline, the five knobs and the reflection questions.

Everything here is read from a game log (replayed once, see `Story`), so the debrief screen, the printable
report and a later analysis of a saved log all tell the same story. How far a knob turned comes from rules in
the content (`content/knobs/*.yaml`: a weight per action and the weighted uses at which it counts as fully
turned; the level boundaries are in `content/rules.yaml`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Optional

from game.analysis.explain import _seat_label
from game.engine import apply, new_game, outcome
from game.engine.actions import ENGINE_KINDS, content_action_id
from game.engine.events import (
    ActorMoved,
    Answered,
    Dissolved,
    Event,
    Founded,
    Joined,
    KnobTurned,
    Left,
    LostVital,
    NotVital,
    Seized,
    TrendMissed,
    Vital,
    Walkout,
)
from game.engine.rules import goal_measure
from game.engine.vocabulary import INDICATORS, RESOURCES
from game.words import coalition_role_name, indicator_name, say

from .gamelog import GameLog, turned

LEVELS = ("low", "medium", "high")
KEY_EVENTS = ("answered", "founded", "vital", "not_vital", "lost_vital", "dissolved", "walkout")
CAUSE_EVENTS = ("vital", "not_vital", "lost_vital", "knob_far")  # the round's main causes of progress
EVENT_ACTIONS = {"founded": "propose", "joined": "accept", "left": "leave", "seized": "seize_opportunity"}


def _w(lang: str, key: str, **params) -> str:
    return say(f"story.{key}", lang, **params)


# ------------------------------------------------------------------------------------------ the replayed game
@dataclass
class Step:
    """One applied action with the states around it."""

    index: int
    round: int
    action: object
    before: object
    after: object
    effect: float


class Story:
    """A game log replayed once, with every step kept: the source of every debrief tab and the report."""

    def __init__(self, content, log: GameLog) -> None:
        self.content = content
        self.log = log
        self.steps: list[Step] = []
        state = new_game(content, log.setup)
        self.start = state
        branch = getattr(log, "branch", None)
        for i, action in enumerate(log.actions):
            state = turned(state, i, branch)  # a what-if branch turns to its future where it did
            after = apply(state, action)
            entry = log.data["actions"][i] if i < len(log.data.get("actions", [])) else {}
            effect = float(entry.get("effect", 0) or 0) if isinstance(entry, dict) else 0.0
            self.steps.append(Step(i, state.round, action, state, after, effect))
            state = after
        self.end = state
        self.outcome = outcome(state)

    # ----------------------------------------------------------------- reading
    @property
    def scenario(self):
        """The played scenario's content (a what-if branch's: the future it turned to)."""
        return self.content.scenarios[self.end.book.setup.scenario]

    @property
    def challenge(self):
        """The challenge's content."""
        return self.content.challenges[self.log.setup.challenge]

    def seat_label(self, s: int, lang: str) -> str:
        """'Name (role)'."""
        return _seat_label(self.end, s, lang)

    def trend_name(self, trend_id: str, lang: str) -> str:
        """A trend's name in `lang` (its id when the content lacks it)."""
        trend = self.content.trends.get(trend_id)
        if trend is not None:
            return trend.title.get(lang)
        dilemma = self.content.dilemma(trend_id, self.end.book.setup.scenario)  # an actor's ("actor:move")
        return dilemma.title.get(lang) if dilemma is not None else trend_id

    def kvd_text(self, kvd_id: str, lang: str) -> str:
        """A KVD's words in `lang`."""
        for kvd in self.challenge.kvds:
            if kvd.id == kvd_id:
                return kvd.text.get(lang)
        return kvd_id

    def series(self) -> dict:
        """Per indicator and for progress, the values at the start and after every round; a game ended in the
        middle of a round (from the facilitator's panel) ends with the values it ended with, so the charts and
        the outcome tell the same end as the log and the report."""
        rounds = list(self.end.history)  # history[0] is the start, history[r] the end of round r
        end = (tuple(self.end.ind), self.end.progress)
        if (tuple(rounds[-1][0]), rounds[-1][1]) != end:
            rounds.append(end)
        out = {name: [r[0][k] for r in rounds] for k, name in enumerate(INDICATORS)}
        out["progress"] = [round(r[1], 1) for r in rounds]
        return out

    def player_steps(self) -> list:
        """The steps the seats took (not the engine's draws and resolutions), without ending turns."""
        return [s for s in self.steps if s.action.kind not in ENGINE_KINDS and s.action.kind != "end_turn"]


# ------------------------------------------------------------------------------------------ outcome
@dataclass(frozen=True)
class SeatResult:
    """One seat at the end: who, its private goal (revealed now), how far it got."""

    seat: int
    label: str
    human: bool
    goal: str
    measure: float
    met: bool
    contributed: tuple


def seat_results(story: Story, lang: str) -> list:
    """Every seat's private goal and whether it was met."""
    out = []
    for i, seat in enumerate(story.end.seats):
        goal = story.end.book.goal(seat.role, seat.goal)
        measure = goal_measure(story.end, i)
        out.append(
            SeatResult(
                i,
                story.seat_label(i, lang),
                not seat.bot,
                goal.text.get(lang),
                measure,
                measure >= 1.0,
                tuple(seat.contributed),
            )
        )
    return out


# ------------------------------------------------------------------------------------------ timeline
@dataclass(frozen=True)
class RoundStory:
    """One round of the timeline: its trend cards, its decisive actions and what happened to coalitions."""

    round: int
    trends: tuple  # names
    decisive: tuple  # lines, largest effect first
    events: tuple  # lines
    key_events: tuple  # the lines that matter most when space is short: founded, vital or not, broken
    progress: float
    progress_gain: float
    causes: tuple = ()  # the lines that tell where the round's progress came from: vital or not, a knob turned far


def _event_line(story: Story, event: Event, lang: str) -> Optional[str]:
    kind = event.kind
    coalitions = story.end.coalitions
    if isinstance(event, Founded):
        c = coalitions[event.coalition]
        return _w(lang, "founded", seat=story.seat_label(event.seat, lang), kvd=story.kvd_text(c.kvd, lang))
    if isinstance(event, Walkout):  # the same words as during play: its own goal did not move
        return say("line.walkout", lang, name=story.seat_label(event.seat, lang))
    if isinstance(event, Joined | Left):
        return _w(lang, kind, seat=story.seat_label(event.seat, lang))
    if isinstance(event, Dissolved):
        return _w(lang, "dissolved", kvd=story.kvd_text(coalitions[event.coalition].kvd, lang))
    if isinstance(event, Vital):
        return _w(lang, "vital", gain=f"{event.gain:.0f}")
    if isinstance(event, NotVital | LostVital):
        return _w(lang, kind)
    if isinstance(event, Answered):
        chosen = story.end.book.stances.get(event.trend, {}).get(event.response, event.response)
        stance = story.content.stance_name(chosen, lang).lower()
        return _w(lang, "answered", trend=story.trend_name(event.trend, lang), stance=stance)
    if isinstance(event, TrendMissed):
        return _w(lang, "trend_missed", trend=story.trend_name(event.trend, lang))
    if isinstance(event, ActorMoved):
        found = story.content.actor_move(story.end.book.setup.scenario, event.actor, event.move)
        if found is None or found[1].responses:  # a move with a dilemma is told by the table's answer
            return None
        return _w(lang, "actor", actor=found[0].name.get(lang), move=found[1].name.get(lang))
    if isinstance(event, KnobTurned):
        knob = story.content.knobs.get(event.knob)
        return _w(lang, "knob_far", number=knob.number, name=knob.name.get(lang)) if knob is not None else None
    if isinstance(event, Seized):
        return _w(lang, "seized", seat=story.seat_label(event.seat, lang), trend=story.trend_name(event.trend, lang))
    return None


def timeline(story: Story, lang: str, decisive: int = 3) -> list:
    """Per round: the trend card(s), the 1-3 actions with the largest effect, and the coalition events."""
    from game.analysis.explain import explain

    out = []
    history = story.end.history
    previous = story.start.progress
    for r in range(1, len(history)):
        # the table's answers to dilemmas are told among the events, in a short line of their own
        steps = [s for s in story.player_steps() if s.round == r and s.effect > 0 and s.action.kind != "respond"]
        steps.sort(key=lambda s: (-s.effect, s.index))
        told = Counter()
        shown = set()  # (action kind, seat) of the decisive moves, so the news does not tell them twice
        for s in steps:  # the same move twice in a round is one decisive line, counted
            headline = explain(s.before, s.after, s.action, lang).headline.rstrip(".")
            if headline in told or len(told) < decisive:
                told[headline] += 1
                shown.add((s.action.kind, getattr(s.action, "seat", -1)))
        lines = tuple(h if n == 1 else f"{h}\u00a0×{n}" for h, n in told.items())  # "×2", as the round summary
        events, key_events, causes = [], [], []
        for e in story.end.events:
            if e.round != r or (e.kind in EVENT_ACTIONS and (EVENT_ACTIONS[e.kind], e.seat) in shown):
                continue
            line = _event_line(story, e, lang)
            if line:
                events.append(line)
                if e.kind in KEY_EVENTS:
                    key_events.append(line)
                if e.kind in CAUSE_EVENTS:
                    causes.append(line)
        trends = tuple(story.trend_name(t, lang) for t in (story.end.drawn[r - 1] if r <= len(story.end.drawn) else ()))
        progress = history[r][1]
        gain = round(progress - previous, 1)
        out.append(
            RoundStory(r, trends, lines, tuple(events), tuple(key_events), round(progress, 1), gain, tuple(causes))
        )
        previous = progress
    return out


# ------------------------------------------------------------------------------------------ the five knobs
@dataclass(frozen=True)
class KnobResult:
    """How far the group turned one knob."""

    id: str
    number: int
    name: str
    description: str
    score: float  # weighted uses
    fraction: float  # 0..1 of fully turned
    level: str  # low, medium, high
    reading: str  # one sentence on what that means
    uses: tuple  # (action id, count), most used first
    far_round: int = 0  # the round at whose resolution it was turned far (0: not in the game)
    lasting: str = ""  # what a knob turned far does every later round, and whether it did here


def knob_level(rules, fraction: float) -> str:
    """low, medium or high, by the boundaries in the content's rules."""
    if fraction >= rules.knob_high_at:
        return "high"
    if fraction >= rules.knob_medium_at:
        return "medium"
    return "low"


def knobs(story: Story, lang: str) -> list:
    """The five knobs (as many as the content has), in their order: how far the group's actions turned each
    (the engine counts them, by the content's weights, as the game goes)."""
    counts = Counter(content_action_id(s.action) for s in story.player_steps())
    end = story.end
    turned = dict(zip((k.id for k in end.book.knobs), end.knobs, strict=True))
    far_in = dict(zip((k.id for k in end.book.knobs), end.knobs_far, strict=True))
    lasting = {k.id: k.lasting for k in end.book.knobs if k.works}
    out = []
    for knob in sorted(story.content.knobs.values(), key=lambda k: (k.number, k.id)):
        score = round(turned.get(knob.id, 0.0), 2)
        fraction = min(1.0, score / knob.full_at)
        level = knob_level(story.content.rules, fraction)
        uses = tuple(sorted(((a, counts[a]) for a in knob.actions if counts.get(a)), key=lambda u: (-u[1], u[0])))
        out.append(
            KnobResult(
                knob.id,
                knob.number,
                knob.name.get(lang),
                knob.description.get(lang),
                score,
                round(fraction, 3),
                level,
                getattr(knob.reading, level).get(lang),
                uses,
                far_in.get(knob.id, 0),
                _lasting_sentence(story, lasting.get(knob.id), far_in.get(knob.id, 0), level, lang),
            )
        )
    return out


def _lasting_sentence(story: Story, effects, far_round: int, level: str, lang: str) -> str:
    """What turning the knob far does (the lever), told as what happened in this game: it worked on from a
    round, it was turned far only at the end, or it would have worked on."""
    from game.analysis.explain import effects_phrase

    if effects is None:
        return ""
    what = effects_phrase(effects, lang, story.content)
    if far_round and far_round < len(story.end.history) - 1:  # a later round's resolution came
        return _w(lang, "knob_lasting_far", round=far_round, effects=what)
    return _w(lang, "knob_lasting_end" if far_round or level == "high" else "knob_lasting_not", effects=what)


# ------------------------------------------------------------------------------------------ reflection
def costliest_trend(story: Story) -> Optional[tuple]:
    """(trend id, fall of the indicators' sum) of the card draw that hurt the indicators most, if any hurt."""
    worst = None
    for s in story.steps:
        if s.action.kind != "draw_trend":
            continue
        fall = sum(s.after.ind) - sum(s.before.ind)
        drawn = s.after.drawn[s.round - 1] if s.round - 1 < len(s.after.drawn) else []
        if fall < 0 and drawn and (worst is None or fall < worst[1]):
            worst = (drawn[-1], fall)
    return worst


def generated_questions(story: Story, lang: str, limit: int = 3) -> list:
    """Two or three questions that come from this game: who stayed out, what cost most, what fell."""
    questions = []
    end = story.end
    ever_member = {m for c in end.coalitions for m in c.members} | {
        e.seat for e in end.events if isinstance(e, Founded | Joined | Left | Walkout)
    }
    if not end.coalitions:
        questions.append(_w(lang, "q_no_coalition"))
    else:
        outsiders = [i for i in range(len(end.seats)) if i not in ever_member]
        if outsiders:
            questions.append(_w(lang, "q_outsider", seat=story.seat_label(outsiders[0], lang)))
        if not any(isinstance(e, Vital) for e in end.events):
            questions.append(_w(lang, "q_never_vital"))
    costly = costliest_trend(story)
    if costly is not None:
        questions.append(_w(lang, "q_costly", trend=story.trend_name(costly[0], lang)))
    falls = [(end.ind[k] - story.start.ind[k], k) for k in range(len(INDICATORS))]
    fall, k = min(falls)
    if fall < 0:
        name = indicator_name(INDICATORS[k], lang)
        questions.append(
            _w(lang, "q_fallen", indicator=name[:1].upper() + name[1:], start=story.start.ind[k], end=end.ind[k])
        )
    missed = [r for r in seat_results(story, lang) if not r.met]
    if missed:
        questions.append(_w(lang, "q_goal", seat=missed[0].label))
    return questions[:limit]


def reflection_questions(story: Story, lang: str) -> tuple:
    """(the scenario's own questions, the questions that come from this game)."""
    own = [q.get(lang) for q in story.scenario.reflection_questions]
    return own, generated_questions(story, lang)


# ------------------------------------------------------------------------------------------ contributions
def contributions(story: Story) -> list:
    """Per seat, the resources it put into the challenge over the game (money, time, knowledge, network)."""
    return [dict(zip(RESOURCES, seat.contributed, strict=True)) for seat in story.end.seats]


def coalition_roles(story: Story, lang: str) -> dict:
    """Seat -> its coalition role's name at the end, for seats in an active coalition."""
    out = {}
    for c in story.end.coalitions:
        if c.active:
            for seat, role in c.members.items():
                out[seat] = coalition_role_name(role, lang)
    return out


# ------------------------------------------------------------------------------------------ the whole debrief
def headline(story: Story, lang: str) -> tuple:
    """(title, subtitle) above the debrief's tabs: the result, and how far the challenge got in which future
    (and, when the gaps grew too much, how far equality fell)."""
    outcome = story.outcome
    title = say(f"debrief.result_{outcome.result}", lang)
    sub = say(
        "debrief.progress",
        lang,
        pct=f"{outcome.progress:.0f}",
        challenge=story.challenge.name.get(lang),
        scenario=story.scenario.name.get(lang),
    )
    if not outcome.fair:  # the gaps count: say how far equality fell, against the rules' bound
        equality = story.series()["equality"]
        sub += " " + say(
            "debrief.fairness", lang, a=equality[0], b=equality[-1], most=story.content.rules.fairness_max_drop
        )
    return title, sub


def debrief_json(story: Story, lang: str) -> dict:
    """Every number and line the debrief's tabs show (but the wind tunnel's, which `windtunnel` gives), from
    the same functions the screen and the report use: for checks, and for support."""
    series = story.series()
    title, sub = headline(story, lang)
    outcome = story.outcome
    own, generated = reflection_questions(story, lang)
    return {
        "scenario": story.end.book.setup.scenario,
        "challenge": story.end.book.setup.challenge,
        "lang": lang,
        "outcome": {
            "result": outcome.result,
            "title": title,
            "subtitle": sub,
            "progress": round(outcome.progress, 1),
            "fair": outcome.fair,
            "equality_change": outcome.equality_change,
            "progress_start": series["progress"][0],
            "progress_end": series["progress"][-1],
            "indicators_start": {name: series[name][0] for name in INDICATORS},
            "indicators_end": {name: series[name][-1] for name in INDICATORS},
            "seats": [
                {
                    "seat": r.seat,
                    "label": r.label,
                    "human": r.human,
                    "goal": r.goal,
                    "met": r.met,
                    "contributed": dict(zip(RESOURCES, r.contributed, strict=True)),
                }
                for r in seat_results(story, lang)
            ],
        },
        "rounds": [
            {"round": i, "progress": series["progress"][i], "indicators": {n: series[n][i] for n in INDICATORS}}
            for i in range(len(series["progress"]))
        ],
        "timeline": [
            {
                "round": r.round,
                "trends": list(r.trends),
                "decisive": list(r.decisive),
                "events": list(r.events),
                "progress": r.progress,
                "progress_gain": r.progress_gain,
            }
            for r in timeline(story, lang)
        ],
        "knobs": [
            {
                "id": k.id,
                "number": k.number,
                "name": k.name,
                "score": k.score,
                "fraction": k.fraction,
                "level": k.level,
                "reading": k.reading,
                "lasting": k.lasting,
                "far_round": k.far_round,
            }
            for k in knobs(story, lang)
        ],
        "reflection": {"scenario": own, "game": generated},
    }
