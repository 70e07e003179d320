"""Cause and effect in words: what an action changed and why, in Dutch or English.

Computed from the state before and after an action, so the hot loop pays nothing for it; the screens call
it after every move, the round summary after every resolution.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.engine.vocabulary import INDICATORS, RESOURCES

from .events import NotVital, Vital, Walkout
from .state import PHASE_ACTIONS, PHASE_OVER, GameState
from .words import COALITION_ROLE_NAMES, INDICATOR_NAMES, RESOURCE_NAMES, Reason

LINES = {
    "trend": {"nl": "Trend: {title}.", "en": "Trend: {title}."},
    "income": {
        "nl": "Iedereen krijgt zijn inkomsten voor deze ronde.",
        "en": "Every seat receives its income for this round.",
    },
    "invest_pot": {
        "nl": "{name} investeert {what} in de pot van de coalitie.",
        "en": "{name} invests {what} in the coalition's pot.",
    },
    "invest_alone": {
        "nl": "{name} investeert {what} alleen; dat levert aan het eind van de ronde weinig op.",
        "en": "{name} invests {what} alone; that yields little at the end of the round.",
    },
    "action": {"nl": "{name}: {action}.", "en": "{name}: {action}."},
    "action_to": {"nl": "{name}: {action}, met {target}.", "en": "{name}: {action}, with {target}."},
    "offer": {"nl": "{name} geeft {target} {what}.", "en": "{name} gives {target} {what}."},
    "propose": {
        "nl": "{name} richt een coalitie op als {role}: “{kvd}”",
        "en": "{name} founds a coalition as {role}: “{kvd}”",
    },
    "invite": {"nl": "{name} nodigt {target} uit als {role}.", "en": "{name} invites {target} as {role}."},
    "accept": {"nl": "{name} sluit zich aan bij de coalitie.", "en": "{name} joins the coalition."},
    "decline": {"nl": "{name} slaat de uitnodiging af.", "en": "{name} declines the invitation."},
    "leave": {"nl": "{name} stapt uit de coalitie.", "en": "{name} leaves the coalition."},
    "seize": {"nl": "{name} grijpt de kans van “{title}”.", "en": "{name} seizes the opportunity of “{title}”."},
    "end_turn": {"nl": "{name} is klaar; de beurt gaat naar {next}.", "en": "{name} is done; over to {next}."},
    "end_round": {"nl": "{name} is klaar; de ronde wordt afgerond.", "en": "{name} is done; the round is resolved."},
    "resolve": {"nl": "Ronde {round} is afgerond.", "en": "Round {round} is resolved."},
    "vital": {
        "nl": "De coalitie van {lead} is vitaal: de opgave gaat {gain} procentpunt vooruit.",
        "en": "{lead}'s coalition is vital: the challenge moves {gain} points forward.",
    },
    "not_vital": {
        "nl": "De coalitie van {lead} is niet vitaal ({why}); ze levert maar {gain} procentpunt op.",
        "en": "{lead}'s coalition is not vital ({why}); it yields only {gain} points.",
    },
    "walkout": {
        "nl": "{name} loopt weg uit de coalitie: het eigen belang kwam niet vooruit.",
        "en": "{name} walks out of the coalition: its own interest did not move.",
    },
    "dissolved": {"nl": "Een coalitie valt uiteen.", "en": "A coalition falls apart."},
    "facts": {
        "nl": "Het feitenfundament laat zien wat de opgave echt vraagt.",
        "en": "The fact foundation shows what the challenge really needs.",
    },
    "over": {"nl": "Het spel is afgelopen.", "en": "The game is over."},
    # changes
    "progress": {
        "nl": "Voortgang van de opgave {sign}{delta} (nu {value} %)",
        "en": "Challenge progress {sign}{delta} (now {value} %)",
    },
    "indicator": {"nl": "{indicator} {sign}{delta} (nu {value})", "en": "{indicator} {sign}{delta} (now {value})"},
    "trust": {"nl": "vertrouwen {a}–{b} {sign}{delta} (nu {value})", "en": "trust {a}–{b} {sign}{delta} (now {value})"},
    "resources": {"nl": "{name}: {what}", "en": "{name}: {what}"},
}


def _line(key: str, lang: str, **params: object) -> str:
    entry = LINES[key]
    return (entry.get(lang) or entry["nl"]).format(**params)


def _amounts(vec, lang: str, signed: bool = False) -> str:
    parts = []
    for i, amount in enumerate(vec):
        if amount:
            word = RESOURCE_NAMES[RESOURCES[i]][lang]
            if signed:
                parts.append(f"{'+' if amount > 0 else '−'}{abs(amount)} {word}")
            else:
                parts.append(f"{amount} {word}")
    joiner = " en " if lang == "nl" else " and "
    if len(parts) > 1 and not signed:
        return ", ".join(parts[:-1]) + joiner + parts[-1]
    return ", ".join(parts)


@dataclass
class Explanation:
    """One move's cause and effect: a headline (what happened, why) and the changes it caused."""

    headline: str
    changes: list = field(default_factory=list)

    def text(self) -> str:
        """Headline and changes as one paragraph."""
        if not self.changes:
            return self.headline
        return self.headline + " " + "; ".join(c.rstrip(".") for c in self.changes) + "."


def _seat_label(state: GameState, s: int, lang: str) -> str:
    seat = state.seats[s]
    role = state.book.content.roles.get(seat.role)
    role_name = role.name.get(lang) if role else seat.role
    if lang == "nl":
        role_name = role_name.lower()
    if "(" in role_name:  # "Wethouder (alderman)": no brackets within brackets
        return f"{seat.name}, {role_name}"
    return f"{seat.name} ({role_name})"


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
                delta=f"{abs(delta):.0f}" if abs(delta) >= 1 else f"{abs(delta):.1f}",
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
                    indicator=INDICATOR_NAMES[name][lang],
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
        if after.round > 1:
            head += " " + _line("income", lang)
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
        head = _line("propose", lang, name=name, role=COALITION_ROLE_NAMES[action.role][lang], kvd=kvd.text.get(lang))
    elif kind == "invite":
        head = _line(
            "invite",
            lang,
            name=name,
            target=after.seats[action.target].name,
            role=COALITION_ROLE_NAMES[action.role][lang],
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
                why = not_vital_reasons(before, c.id, lang)
                out.append(_line("not_vital", lang, lead=lead_name, gain=f"{event.gain:.1f}", why=why))
        elif isinstance(event, Walkout):
            out.append(_line("walkout", lang, name=after.seats[event.seat].name))
        elif kind == "dissolved":
            out.append(_line("dissolved", lang))
    out.extend(changes(before, after, lang))
    if after.phase == PHASE_OVER:
        out.append(_line("over", lang))
    return out


def not_vital_reasons(state: GameState, coalition_id: int, lang: str) -> str:
    """Why a coalition is not vital on `state` (the state before the resolution), as one phrase."""
    from .rules import coalition_problems, pot_with_bonus

    c = state.coalitions[coalition_id]
    problems: list[Reason] = coalition_problems(state, c, pot_with_bonus(state, c))
    return "; ".join(p.text(lang) for p in problems[:3]) or "—"
