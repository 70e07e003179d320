"""The engine's own words in Dutch and English: reasons an action is not allowed, and cause-and-effect lines.

Kept as Python data so that the engine stays free of I/O. Templates use str.format names.
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    # reasons an action is not allowed
    "not_your_turn": {"nl": "Het is niet de beurt van {name}.", "en": "It is not {name}'s turn."},
    "wrong_phase": {
        "nl": "Dat kan nu niet: eerst moet {phase_nl}.",
        "en": "Not now: first {phase_en}.",
    },
    "game_over": {"nl": "Het spel is afgelopen.", "en": "The game is over."},
    "no_ap": {
        "nl": "Je hebt geen actiepunten meer; beëindig je beurt.",
        "en": "You have no action points left; end your turn.",
    },
    "too_poor": {
        "nl": "Daarvoor heb je te weinig {resource_nl} (nodig: {need}, je hebt {have}).",
        "en": "You have too little {resource_en} for that (needed: {need}, you have {have}).",
    },
    "invest_amount": {
        "nl": "Investeer samen 1 tot {cap} eenheden.",
        "en": "Invest 1 to {cap} units in total.",
    },
    "bad_target": {"nl": "Kies een andere speler.", "en": "Choose another seat."},
    "offer_amount": {
        "nl": "Bied 1 tot {cap} eenheden van één middel aan.",
        "en": "Offer 1 to {cap} units of one resource.",
    },
    "already_in_coalition": {
        "nl": "Je zit al in een coalitie; stap eerst uit.",
        "en": "You are already in a coalition; leave it first.",
    },
    "not_in_coalition": {
        "nl": "Daarvoor moet je in een coalitie zitten.",
        "en": "You need to be in a coalition for that.",
    },
    "unknown_kvd": {
        "nl": "Kies een krachtig verbindend doel van deze opgave.",
        "en": "Choose a powerful connecting goal of this challenge.",
    },
    "unknown_role": {"nl": "Kies een van de coalitierollen.", "en": "Choose one of the coalition roles."},
    "role_taken": {
        "nl": "Die coalitierol is al vergeven; elk lid heeft een eigen rol.",
        "en": "That coalition role is taken; every member holds a role of their own.",
    },
    "coalition_full": {"nl": "De coalitie is vol.", "en": "The coalition is full."},
    "target_in_coalition": {
        "nl": "{target} zit al in een coalitie.",
        "en": "{target} is already in a coalition.",
    },
    "already_invited": {"nl": "{target} is al uitgenodigd.", "en": "{target} has already been invited."},
    "no_invitation": {
        "nl": "Je hebt geen uitnodiging van die coalitie.",
        "en": "You have no invitation from that coalition.",
    },
    "no_opportunity": {
        "nl": "Deze ronde is er geen kans om te grijpen (of hij is al gegrepen).",
        "en": "There is no opportunity to seize this round (or it has been taken).",
    },
    "not_your_action": {
        "nl": "Dat is een actie van een andere rol.",
        "en": "That action belongs to another role.",
    },
    "unknown_action": {"nl": "Die actie bestaat niet.", "en": "That action does not exist."},
    "requirement": {"nl": "{reason_nl}", "en": "{reason_en}"},
    "phase_trend": {"nl": "de trendkaart getrokken worden", "en": "the trend card must be drawn"},
    "phase_actions": {"nl": "de spelers hun beurt spelen", "en": "the seats must take their turns"},
    "phase_resolution": {"nl": "de ronde afgerond worden", "en": "the round must be resolved"},
    "phase_over": {"nl": "niets meer", "en": "nothing more"},
    # why a coalition is not vital
    "crit_roles": {
        "nl": "te weinig verschillende rollen ({have} van de {need})",
        "en": "too few different roles ({have} of {need})",
    },
    "crit_required": {"nl": "er ontbreekt een {role_nl}", "en": "a {role_en} is missing"},
    "crit_no_lead": {"nl": "niemand heeft de rol van trekker", "en": "nobody holds the lead role"},
    "crit_lead_role": {
        "nl": "de trekker moet een {role_nl} zijn",
        "en": "the lead must be a {role_en}",
    },
    "crit_lead_forbidden": {
        "nl": "een {role_nl} mag hier niet trekken",
        "en": "a {role_en} may not lead here",
    },
    "crit_trust": {
        "nl": "het vertrouwen tussen {a} en {b} is te laag ({have}, nodig {need})",
        "en": "trust between {a} and {b} is too low ({have}, needed {need})",
    },
    "crit_need": {
        "nl": "de pot dekt de behoefte niet: {resource_nl} {have} van {need}",
        "en": "the pot does not cover the need: {resource_en} {have} of {need}",
    },
    "crit_contribute": {
        "nl": "{name} heeft deze ronde niets bijgedragen",
        "en": "{name} contributed nothing this round",
    },
    "crit_size": {"nl": "een coalitie heeft minstens twee leden", "en": "a coalition needs at least two members"},
}

RESOURCE_NAMES = {
    "money": {"nl": "geld", "en": "money"},
    "time": {"nl": "tijd", "en": "time"},
    "knowledge": {"nl": "kennis", "en": "knowledge"},
    "network": {"nl": "netwerk", "en": "network"},
}
INDICATOR_NAMES = {
    "wellbeing": {"nl": "welzijn", "en": "wellbeing"},
    "participation": {"nl": "participatie", "en": "participation"},
    "equality": {"nl": "gelijkheid", "en": "equality"},
    "trust_gov": {"nl": "vertrouwen in de gemeente", "en": "trust in local government"},
    "finances": {"nl": "gemeentefinanciën", "en": "municipal finances"},
}
COALITION_ROLE_NAMES = {
    "lead": {"nl": "trekker", "en": "lead"},
    "financier": {"nl": "financier", "en": "financier"},
    "doer": {"nl": "doener", "en": "doer"},
    "connector": {"nl": "verbinder", "en": "connector"},
    "knowledge": {"nl": "kennispartner", "en": "knowledge partner"},
}


def say(key: str, lang: str, **params: object) -> str:
    """The sentence `key` in `lang` (nl or en) with its parameters filled in."""
    entry = WORDS[key]
    template = entry.get(lang) or entry["nl"]
    return template.format(**params)


class Reason:
    """Why something is not allowed (or not vital): a key and parameters, rendered per language."""

    __slots__ = ("key", "params")

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params

    def text(self, lang: str) -> str:
        """The reason as a sentence in `lang`."""
        return say(self.key, lang, **self.params)

    def __repr__(self) -> str:
        return f"Reason({self.key!r}, {self.params!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Reason) and (self.key, self.params) == (other.key, other.params)
