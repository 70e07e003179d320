"""One-sentence reasons a computer player gives for its move (nl/en); the screens show them."""

from __future__ import annotations

REASONS: dict[str, dict[str, str]] = {
    "passive": {"nl": "{name} wacht af en doet niets.", "en": "{name} waits and does nothing."},
    "done": {"nl": "{name} is klaar voor deze ronde.", "en": "{name} is done for this round."},
    "accept": {
        "nl": "{name} doet mee: samen bereik je meer dan alleen.",
        "en": "{name} joins: together you achieve more than alone.",
    },
    "decline": {
        "nl": "{name} slaat de uitnodiging af: die coalitie past niet bij de eigen koers.",
        "en": "{name} declines: that coalition does not fit its own course.",
    },
    "propose": {
        "nl": "{name} richt een coalitie op rond een doel dat velen als hun eigen doel herkennen.",
        "en": "{name} founds a coalition around a goal many recognise as their own.",
    },
    "invite": {
        "nl": "{name} nodigt {other} uit: elke rol aan tafel maakt de coalitie sterker.",
        "en": "{name} invites {other}: every role at the table makes the coalition stronger.",
    },
    "facts": {
        "nl": "{name} zoekt eerst uit wat de opgave echt vraagt, voordat er geld in gaat.",
        "en": "{name} first finds out what the challenge really needs, before money goes in.",
    },
    "learning": {
        "nl": "{name} organiseert leren, zodat tegenslag later minder hard aankomt.",
        "en": "{name} organises learning, so setbacks hit less hard later.",
    },
    "talk": {
        "nl": "{name} gaat met {other} aan de keukentafel: zonder vertrouwen geen vitale coalitie.",
        "en": "{name} sits down with {other}: without trust there is no vital coalition.",
    },
    "invest_need": {
        "nl": "{name} vult aan wat nog in de pot ontbreekt voor deze ronde.",
        "en": "{name} adds what is still missing from the pot this round.",
    },
    "invest_alone": {
        "nl": "{name} pakt de opgave op eigen houtje aan.",
        "en": "{name} tackles the challenge on its own.",
    },
    "seize": {
        "nl": "{name} grijpt de kans die deze trend biedt.",
        "en": "{name} seizes the opportunity this trend offers.",
    },
    "goal": {
        "nl": "{name} werkt ook aan het eigen belang, zodat meedoen blijft lonen.",
        "en": "{name} also works on its own interest, so taking part keeps paying off.",
    },
    "signature": {
        "nl": "{name} zet een eigen sterke kant in.",
        "en": "{name} uses one of its own strengths.",
    },
}


class Because:
    """Why a bot chose its move: a key and parameters, rendered per language with the seat's name."""

    __slots__ = ("key", "params")

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params

    def text(self, lang: str, name: str) -> str:
        """The reason as one sentence."""
        entry = REASONS[self.key]
        params = {"other": "", **self.params, "name": name}
        return (entry.get(lang) or entry["nl"]).format(**params)

    def __repr__(self) -> str:
        return f"Because({self.key!r})"
