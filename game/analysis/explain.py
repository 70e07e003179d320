"""Cause and effect in words: what an action changed and why, in Dutch or English.

Computed from the state before and after an action, so the hot loop pays nothing for it; the screens call
it after every move, the round summary after every resolution.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.engine.actors import pot_with_funds
from game.engine.events import (
    ActorMoved,
    KnobEvent,
    KnobTurned,
    KnobWorks,
    LeadPrice,
    NotVital,
    TrendMissed,
    Vital,
    Walkout,
)
from game.engine.reasons import Reason, Term
from game.engine.rules import VITAL_INDICATORS
from game.engine.state import PHASE_ACTIONS, PHASE_OVER, GameState
from game.engine.vocabulary import INDICATORS, RESOURCES
from game.words import (
    capital,
    decimal,
    indicator_name,
    person,
    reason_text,
    resource_name,
    role_word,
    say,
    signed,
    signed_change,
)


def effect_items(eff, lang: str, content=None) -> list:
    """Compiled effects (a card's, a dilemma answer's, an actor's, a knob's) as (short line, whether it is a
    gain): ("Equality −3", False), ("Everyone: time +1", True), ("Wethouder: money −2", False) in English; more need per
    round is a loss. `content` names the roles of role-specific resources."""
    items = []
    for i, name in enumerate(INDICATORS):
        if eff.ind[i]:
            items.append((f"{indicator_name(name, lang).capitalize()} {signed(eff.ind[i], lang)}", eff.ind[i] > 0))
    if eff.progress:
        items.append((say("trend.progress", lang, n=signed(eff.progress, lang)), eff.progress > 0))
    for i, name in enumerate(RESOURCES):
        if eff.res[i]:
            what = resource_name(name, lang)
            items.append((say("trend.everyone", lang, n=signed(eff.res[i], lang), what=what), eff.res[i] > 0))
    for role_id, vec in eff.role_res.items():
        who = role_word(content.roles.get(role_id) if content is not None else None, lang, role_id)
        for i, name in enumerate(RESOURCES):
            if vec[i]:
                what = resource_name(name, lang)
                items.append((say("trend.role", lang, role=who, n=signed(vec[i], lang), what=what), vec[i] > 0))
    for i, name in enumerate(RESOURCES):
        if eff.need[i]:
            what = resource_name(name, lang)
            items.append((say("trend.need", lang, n=signed(eff.need[i], lang), what=what), eff.need[i] < 0))
    if eff.trust:
        items.append((say("trend.trust", lang, n=signed(eff.trust, lang)), eff.trust > 0))
    return items


def effects_phrase(eff, lang: str, content=None) -> str:
    """`effect_items` as one phrase inside a sentence ("participatie +2, gelijkheid +1": lower case in Dutch)."""
    phrase = ", ".join(text for text, _ in effect_items(eff, lang, content))
    return phrase.lower() if lang == "nl" else phrase


def _line(key: str, lang: str, **params: object) -> str:
    return say(f"line.{key}", lang, **params)


def _amounts(vec, lang: str, signed: bool = False) -> str:
    parts = []
    for i, amount in enumerate(vec):
        if amount:
            word = resource_name(RESOURCES[i], lang)
            if signed:
                parts.append(f"{'+' if amount > 0 else '−'}{abs(amount)} {word}")
            else:
                parts.append(f"{amount} {word}")
    joiner = " " + say("common.and", lang) + " "
    if len(parts) > 1 and not signed:
        return ", ".join(parts[:-1]) + joiner + parts[-1]
    return ", ".join(parts)


def with_changes(headline: str, changes: list) -> str:
    """A headline and a list of changes as one text: the changes joined by semicolons, as a sentence of their
    own (capitalised after the headline's full stop)."""
    if not changes:
        return headline
    text = "; ".join(c.rstrip(".") for c in changes)
    if headline.rstrip().endswith((".", "!", "?")):
        text = capital(text)
    return f"{headline} {text}."


@dataclass
class Explanation:
    """One move's cause and effect: a headline (what happened, why) and the changes it caused."""

    headline: str
    changes: list = field(default_factory=list)

    def text(self) -> str:
        """Headline and changes as one paragraph."""
        return with_changes(self.headline, self.changes)


def _seat_label(state: GameState, s: int, lang: str) -> str:
    """A seat as the log, the summary and the debrief name it: "Anna (Wethouder)" (`words.person`)."""
    seat = state.seats[s]
    return person(seat.name, state.book.content.roles.get(seat.role), lang, seat.role)


def changes(before: GameState, after: GameState, lang: str) -> list:
    """The visible changes between two states: progress, indicators, trust, resources."""
    out = []
    delta = after.progress - before.progress
    if abs(delta) >= 0.05:
        out.append(
            _line(
                "progress",
                lang,
                sign="+" if delta > 0 else "−",
                delta=decimal(abs(delta), lang, 0 if abs(delta) >= 1 else 1),
                value=f"{after.progress:.0f}",
            )
        )
    for i, name in enumerate(INDICATORS):
        d = after.ind[i] - before.ind[i]
        if d:
            out.append(
                _line(
                    "indicator",
                    lang,
                    indicator=Term("indicator", name),
                    sign="+" if d > 0 else "−",
                    delta=abs(d),
                    value=after.ind[i],
                )
            )
    n = len(after.seats)
    for a in range(n):
        for b in range(a + 1, n):
            d = after.trust[a][b] - before.trust[a][b]
            if d:
                out.append(
                    _line(
                        "trust",
                        lang,
                        a=after.seats[a].name,
                        b=after.seats[b].name,
                        sign="+" if d > 0 else "−",
                        delta=abs(d),
                        value=after.trust[a][b],
                    )
                )
    if len(out) < 12:  # resource changes, unless a trend changed so much that they would drown the rest
        for s in range(n):
            vec = [after.seats[s].res[i] - before.seats[s].res[i] for i in range(len(RESOURCES))]
            if any(vec):
                out.append(_line("resources", lang, name=after.seats[s].name, what=_amounts(vec, lang, signed=True)))
    return out


def explain(before: GameState, after: GameState, action, lang: str = "nl") -> Explanation:
    """What `action` did (taking `before` to `after`), in `lang`."""
    content = after.book.content
    kind = action.kind
    s = action.seat
    name = _seat_label(after, s, lang) if s >= 0 else ""
    if kind == "draw_trend":
        cards = after.current_trends()
        titles = ", ".join(content.trends[c].title.get(lang) for c in cards)
        head = _line("trend", lang, title=titles)
        for event in after.events[len(before.events) :]:
            if isinstance(event, TrendMissed):
                head += " " + _line("trend_missed", lang, title=content.trends[event.trend].title.get(lang))
            elif isinstance(event, ActorMoved):
                head += " " + actor_line(after, event, lang)
        if after.round > 1:
            head += " " + _line("income", lang)
        return Explanation(head, changes(before, after, lang))
    if kind == "respond":
        dilemma = content.dilemma(action.trend, after.book.setup.scenario)
        head = _line("answer", lang, title=dilemma.title.get(lang), answer=dilemma.response(action.response).text)
        return Explanation(head, changes(before, after, lang))
    if kind == "resolve_round":
        return Explanation(_line("resolve", lang, round=before.round), round_lines(before, after, lang))
    if kind == "invest":
        key = "invest_pot" if before.seats[s].coalition >= 0 else "invest_alone"
        head = _line(key, lang, name=name, what=_amounts(action.amounts, lang))
    elif kind == "offer":
        vec = [0] * len(RESOURCES)
        vec[action.resource] = action.amount
        head = _line("offer", lang, name=name, target=after.seats[action.target].name, what=_amounts(vec, lang))
    elif kind == "propose":
        kvd = next(k for k in content.challenges[after.book.setup.challenge].kvds if k.id == action.kvd)
        head = _line("propose", lang, name=name, role=Term("coalition_role", action.role), kvd=kvd.text.get(lang))
    elif kind == "invite":
        head = _line(
            "invite",
            lang,
            name=name,
            target=after.seats[action.target].name,
            role=Term("coalition_role", action.role),
        )
    elif kind in ("accept", "decline", "leave"):
        head = _line(kind, lang, name=name)
    elif kind == "seize_opportunity":
        head = _line("seize", lang, name=name, title=content.trends[action.trend].title.get(lang))
    elif kind == "end_turn":
        if after.phase == PHASE_ACTIONS:
            head = _line("end_turn", lang, name=name, next=after.seats[after.turn].name)
        else:
            head = _line("end_round", lang, name=name)
    else:
        spec_id = action.action if kind == "signature" else kind
        spec = after.book.actions.get(spec_id) or after.book.kind_action.get(kind)
        action_name = spec.name.get(lang) if spec else kind
        target = getattr(action, "target", -1)
        if target is not None and target >= 0:
            head = _line("action_to", lang, name=name, action=action_name, target=after.seats[target].name)
        else:
            head = _line("action", lang, name=name, action=action_name)
        if after.needs_known and not before.needs_known:
            head += " " + _line("facts", lang)
    return Explanation(head, changes(before, after, lang))


def round_lines(before: GameState, after: GameState, lang: str) -> list:
    """The round's resolution in sentences: each coalition vital or not (and why), walkouts."""
    out = []
    for event in after.events[len(before.events) :]:
        kind = event.kind
        if isinstance(event, Vital | NotVital):
            c = after.coalitions[event.coalition]
            lead = c.lead()
            lead_name = after.seats[lead].name if lead is not None else "?"
            if isinstance(event, Vital):
                out.append(_line("vital", lang, lead=lead_name, gain=f"{event.gain:.0f}"))
            else:
                why = not_vital_reasons(before, c.id, lang, after.coalitions[c.id].pot)
                out.append(_line("not_vital", lang, lead=lead_name, gain=decimal(event.gain, lang), why=why))
        elif isinstance(event, Walkout):
            out.append(_line("walkout", lang, name=after.seats[event.seat].name))
        elif isinstance(event, LeadPrice):
            out.append(lead_price_line(after, event.seat, lang))
        elif isinstance(event, ActorMoved):
            out.append(actor_line(after, event, lang))
        elif isinstance(event, KnobEvent):
            out.append(knob_line(after, event, lang))
        elif kind == "dissolved":
            out.append(_line("dissolved", lang))
    out.extend(changes(before, after, lang))
    if after.phase == PHASE_OVER:
        out.append(_line("over", lang))
    return out


def _signed(value: int) -> str:
    return f"{'+' if value > 0 else '−'}{abs(value)}"


def lead_price_line(state: GameState, lead: int, lang: str) -> str:
    """What leading a coalition costs or brings at every resolution in this future (the scenario's
    `lead_round` for the lead's role), as one sentence."""
    seat = state.seats[lead]
    trust, ind = state.book.criteria.lead_round[seat.role]
    parts = [_line("trust_members", lang, delta=_signed(trust))] if trust else []
    parts += [f"{indicator_name(INDICATORS[i], lang)} {_signed(v)}" for i, v in enumerate(ind) if v]
    key = "lead_reward" if trust + sum(ind) > 0 else "lead_price"
    role = role_word(state.book.content.roles.get(seat.role), lang, seat.role)
    return _line(key, lang, name=seat.name, effects=", ".join(parts), role=role)


def actor_line(state: GameState, event: ActorMoved, lang: str) -> str:
    """What an actor did, as one sentence: what it put into which coalition's pot, or its move's name."""
    found = state.book.content.actor_move(state.book.setup.scenario, event.actor, event.move)
    actor = found[0].name.get(lang) if found else event.actor
    move = found[1].name.get(lang) if found else event.move
    if event.coalition >= 0 and any(event.gift):
        lead = state.coalitions[event.coalition].lead()
        lead_name = state.seats[lead].name if lead is not None else "?"
        return _line("actor_fund", lang, actor=actor, move=move, what=_amounts(event.gift, lang), lead=lead_name)
    return _line("actor_move", lang, actor=actor, move=move)


def knob_line(state: GameState, event, lang: str) -> str:
    """A knob turned far, or working on, as one sentence (with its lasting effect when it works)."""
    knob = state.book.content.knobs.get(event.knob)
    number, name = (knob.number, knob.name.get(lang)) if knob is not None else ("?", event.knob)
    if isinstance(event, KnobTurned):
        return _line("knob_far", lang, number=number, name=name)
    spec = next((k for k in state.book.knobs if k.id == event.knob), None)
    effects = effects_phrase(spec.lasting, lang, state.book.content) if spec else ""
    return _line("knob_works", lang, number=number, name=name, effects=effects)


def resolution_causes(before: GameState, after: GameState, lang: str) -> list:
    """Per indicator, the parts of its change at a round's resolution as (delta, cause) pairs that add up to the
    change: each vital coalition, each lead's price, each actor's and knob's move, the future's economy and the
    challenge's progress, in the order the rules apply them; what the 0-100 limit took is a cause of its own."""
    book = after.book
    content = book.content
    out: list = [[] for _ in INDICATORS]

    def add(vec, cause: str) -> None:
        for i, v in enumerate(vec):
            if v:
                out[i].append((v, cause))

    for event in after.events[len(before.events) :]:
        if isinstance(event, Vital):
            lead = after.coalitions[event.coalition].lead()
            add(VITAL_INDICATORS, _line("cause_vital", lang, lead=after.seats[lead].name if lead is not None else "?"))
        elif isinstance(event, LeadPrice):
            add(book.criteria.lead_round[after.seats[event.seat].role][1], _line("cause_lead", lang))
        elif isinstance(event, ActorMoved):
            spec = next(m for a in book.actors if a.id == event.actor for m in a.moves if m.id == event.move)
            add(spec.effects.ind, actor_line(after, event, lang).rstrip("."))
        elif isinstance(event, KnobWorks):
            spec = next(k for k in book.knobs if k.id == event.knob)
            knob = content.knobs.get(event.knob)
            add(spec.lasting.ind, _line("cause_knob", lang, number=knob.number if knob else "?"))
    scenario = content.scenarios.get(book.setup.scenario)
    add(book.drift, _line("cause_drift", lang, scenario=scenario.name.get(lang) if scenario else ""))
    gained = after.progress - before.progress
    if gained:
        add([round(v * gained / 100.0) for v in book.impact], _line("cause_impact", lang))
    for i, parts in enumerate(out):
        rest = after.ind[i] - before.ind[i] - sum(d for d, _ in parts)
        if rest:
            parts.append((rest, _line("cause_bounds", lang)))
    return out


def progress_causes(before: GameState, after: GameState, lang: str) -> list:
    """The challenge's progress at a round's resolution as (delta, cause) pairs that add up to it: each
    coalition's gain (vital or not), then the rest (investments outside a coalition, actors, knobs, the limit)."""
    out = []
    for event in after.events[len(before.events) :]:
        if isinstance(event, Vital | NotVital) and event.gain:
            lead = after.coalitions[event.coalition].lead()
            key = "cause_vital" if isinstance(event, Vital) else "cause_not_vital"
            out.append((event.gain, _line(key, lang, lead=after.seats[lead].name if lead is not None else "?")))
    rest = after.progress - before.progress - sum(d for d, _ in out)
    if abs(rest) >= 0.05:
        out.append((rest, _line("cause_progress_rest", lang)))
    return out


def merged_causes(causes: list) -> list:
    """(delta, cause) pairs with the same cause taken together, in the order they first came: [(delta, cause,
    times)]. The deltas still add up to the change ("Bas (Inwoners): Bewonersinitiatief starten" twice, +1 and +1,
    is one entry of +2, twice)."""
    merged: dict = {}
    for delta, cause in causes:
        total, times = merged.get(cause, (0, 0))
        merged[cause] = (total + delta, times + 1)
    return [(total, cause, times) for cause, (total, times) in merged.items()]


def cause_phrase(delta: float, cause: str, times: int, lang: str, digits: int = 0) -> str:
    """One merged cause as the summary shows it: "Bewonersinitiatief starten ×2 (+2)"; a change that came to
    nothing is "(±0)", never "(0)"; `digits` for progress ("(+2,1)")."""
    return f"{cause}{f' ×{times}' if times > 1 else ''} ({signed_change(delta, lang, digits)})"


def not_vital_reasons(state: GameState, coalition_id: int, lang: str, pot=None) -> str:
    """Why a coalition is not vital on `state` (the state before the resolution), as one phrase; judged on
    `pot` (the pot the resolution judged, with the actors' funds) or the pot with the funds expected now."""
    from game.engine.rules import coalition_problems

    c = state.coalitions[coalition_id]
    problems: list[Reason] = coalition_problems(state, c, pot if pot is not None else pot_with_funds(state, c))
    return "; ".join(reason_phrases(problems, lang)[:3]) or "—"


def reason_phrases(problems: list, lang: str) -> list:
    """Reasons as phrases, with the pot's shortfalls as one reason of several parts ("the pot does not cover
    the need: time 1 of 5, network 0 of 4"), never the same words twice."""
    needs = [p for p in problems if p.key == "crit_need"]
    out = []
    for p in problems:
        if p.key != "crit_need" or len(needs) == 1:
            out.append(reason_text(p, lang))
        elif p is needs[0]:
            parts = ", ".join(say("reason.crit_need_part", lang, **n.params) for n in needs)
            out.append(say("reason.crit_need_many", lang, parts=parts))
    return out
