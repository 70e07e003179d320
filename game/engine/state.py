"""The game state: plain slotted dataclasses, cheap to copy, serialisable to JSON.

Turn bookkeeping (round, phase, whose turn) sits beside the game's data, as in boardgame.io. The random
generator's state is an int in here, so copying a state copies its future too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple, Optional

from .rulebook import NI, NR, Rulebook


class Phase(StrEnum):
    """Where a round is. A str, so a phase reads and serialises as its name ("actions")."""

    TREND = "trend"  # the engine must draw this round's trend card(s)
    DILEMMA = "dilemma"  # the table must answer the dilemma of each trend card drawn
    ACTIONS = "actions"  # seats take turns
    RESOLVE = "resolution"  # the engine must resolve the round
    OVER = "over"  # the game has ended


PHASE_TREND, PHASE_ACTIONS, PHASE_RESOLVE, PHASE_OVER = Phase.TREND, Phase.ACTIONS, Phase.RESOLVE, Phase.OVER
PHASE_DILEMMA = Phase.DILEMMA


@dataclass(slots=True)
class Seat:
    """One seat's changing data."""

    role: str
    name: str
    bot: bool
    goal: str
    res: list  # money, time, knowledge, network
    ap: int = 0
    coalition: int = -1
    invested: list = field(default_factory=lambda: [0] * NR)  # this round, into the challenge
    contributed: list = field(default_factory=lambda: [0] * NR)  # the whole game
    solo: int = 0  # units invested this round outside a coalition
    vital_rounds: int = 0
    goal_mark: float = 0.0  # the private goal's measure at the start of the round
    done: bool = False  # has ended its turn this round

    def copy(self) -> Seat:
        """A copy that shares nothing mutable."""
        return Seat(*[kind.copy(getattr(self, name)) for name, kind in SEAT_FIELDS])


@dataclass(slots=True)
class Coalition:
    """A coalition: its KVD, members with their coalition roles, open invitations, this round's pot."""

    id: int
    kvd: str
    founded: int  # round
    members: dict  # seat -> coalition role
    invites: dict = field(default_factory=dict)  # seat -> coalition role
    pot: list = field(default_factory=lambda: [0] * NR)
    vital: bool = False  # at the last resolution
    vital_rounds: int = 0
    active: bool = True

    def copy(self) -> Coalition:
        """A copy that shares nothing mutable."""
        return Coalition(*[kind.copy(getattr(self, name)) for name, kind in COALITION_FIELDS])

    def lead(self) -> Optional[int]:
        """The seat holding the lead role, if any."""
        for seat, role in self.members.items():
            if role == "lead":
                return seat
        return None


@dataclass(slots=True)
class GameState:
    """The whole game at one moment."""

    book: Rulebook
    round: int
    phase: Phase
    turn: int  # the seat whose turn it is (actions phase), else -1
    seats: list
    trust: list  # n x n, symmetric
    ind: list  # wellbeing, participation, equality, trust_gov, finances
    progress: float
    need: list  # visible need per round
    hidden: list  # need only facts reveal
    needs_known: bool
    deck: list  # trend ids still to draw, top first
    drawn: list  # per round, the trend ids drawn
    coalitions: list
    rng: int
    resilience: int = 0
    peek: bool = False  # the next trend has been revealed by facts this round
    seized: list = field(default_factory=list)  # trend ids whose opportunity was taken
    history: list = field(default_factory=list)  # per finished round: (indicators, progress)
    events: list = field(default_factory=list)  # engine.events.Event records, for summaries and the debrief
    actions: list = field(default_factory=list)  # every applied action, in order
    start_seat: int = 0
    turns_left: int = 0
    pending: list = field(default_factory=list)  # this round's open dilemmas: trend ids and "actor:move" keys
    answers: list = field(default_factory=list)  # every answer given: (round, trend id, response id)
    budgets: list = field(default_factory=list)  # per actor of the scenario: resource units it can still give
    actor_done: list = field(default_factory=list)  # "actor:move" keys of the moves that happen once and did
    knobs: list = field(default_factory=list)  # per knob: weighted uses by the seats' actions so far
    knobs_far: list = field(default_factory=list)  # per knob: the round it was turned far (0: not yet)

    def copy(self) -> GameState:
        """A copy that shares only the rulebook and immutable values."""
        return GameState(self.book, *[kind.copy(getattr(self, name)) for name, kind in STATE_FIELDS])

    def coalition_of(self, seat: int) -> Optional[Coalition]:
        """The coalition a seat is a member of."""
        cid = self.seats[seat].coalition
        return self.coalitions[cid] if cid >= 0 else None

    def current_trends(self) -> list:
        """The trend ids drawn this round."""
        return self.drawn[self.round - 1] if len(self.drawn) >= self.round else []

    def to_json(self) -> dict[str, Any]:
        """The state as JSON data (the rulebook is referred to by its setup)."""
        return {"setup": self.book.setup.to_json(), **_dump(self, STATE_FIELDS)}

    @staticmethod
    def from_json(data: dict[str, Any], book: Rulebook) -> GameState:
        """Rebuild a state written by `to_json`, for the game of `book`."""
        return GameState(book, *_load(data, STATE_FIELDS))


# ---------------------------------------------------------------------------------------------- the fields
# Each class's fields in order, with how a value is copied, written to JSON and read back: copy(), to_json()
# and from_json() are made from these lists, so a new field is one line here (and a test fails without it).


class Kind(NamedTuple):
    """How the values of one field are copied, written and read."""

    copy: Callable[[Any], Any]
    dump: Callable[[Any], Any]
    load: Callable[[Any], Any]


def _same(value):
    return value


def _list_copy(value):
    return value[:]


def _rows_copy(value):
    return [row[:] for row in value]


def _rows_load(value):
    return [list(row) for row in value]


def _pairs_dump(value):
    return [[k, v] for k, v in value.items()]


def _pairs_load(value):
    return {int(k): v for k, v in value}


def _dump(obj, fields_: tuple) -> dict:
    return {name: kind.dump(getattr(obj, name)) for name, kind in fields_}


def _load(data: dict, fields_: tuple) -> list:
    return [kind.load(data[name]) for name, kind in fields_]


def _action_dump(value):
    from .actions import action_to_json

    return [action_to_json(a) for a in value]


def _action_load(value):
    from .actions import action_from_json

    return [action_from_json(a) for a in value]


def _event_load(value):
    from .events import event_from_json

    return [event_from_json(e) for e in value]


SAME = Kind(_same, _same, _same)
LIST = Kind(_list_copy, _same, list)
ROWS = Kind(_rows_copy, _same, _rows_load)
PAIRS = Kind(dict, _pairs_dump, _pairs_load)  # {seat: role} as [[seat, role], ...]

SEAT_FIELDS = (
    ("role", SAME),
    ("name", SAME),
    ("bot", SAME),
    ("goal", SAME),
    ("res", LIST),
    ("ap", SAME),
    ("coalition", SAME),
    ("invested", LIST),
    ("contributed", LIST),
    ("solo", SAME),
    ("vital_rounds", SAME),
    ("goal_mark", SAME),
    ("done", SAME),
)
COALITION_FIELDS = (
    ("id", SAME),
    ("kvd", SAME),
    ("founded", SAME),
    ("members", PAIRS),
    ("invites", PAIRS),
    ("pot", LIST),
    ("vital", SAME),
    ("vital_rounds", SAME),
    ("active", SAME),
)
SEATS = Kind(
    lambda v: [s.copy() for s in v],
    lambda v: [_dump(s, SEAT_FIELDS) for s in v],
    lambda v: [Seat(*_load(s, SEAT_FIELDS)) for s in v],
)
COALITIONS = Kind(
    lambda v: [c.copy() for c in v],
    lambda v: [_dump(c, COALITION_FIELDS) for c in v],
    lambda v: [Coalition(*_load(c, COALITION_FIELDS)) for c in v],
)
STATE_FIELDS = (  # GameState's fields after `book`, in order
    ("round", SAME),
    ("phase", Kind(_same, _same, Phase)),
    ("turn", SAME),
    ("seats", SEATS),
    ("trust", ROWS),
    ("ind", LIST),
    ("progress", SAME),
    ("need", LIST),
    ("hidden", LIST),
    ("needs_known", SAME),
    ("deck", LIST),
    ("drawn", ROWS),
    ("coalitions", COALITIONS),
    ("rng", Kind(_same, str, int)),  # a 64-bit int: text in JSON, which other readers may hold as a float
    ("resilience", SAME),
    ("peek", SAME),
    ("seized", LIST),
    (
        "history",
        Kind(_list_copy, lambda v: [[list(ind), prog] for ind, prog in v], lambda v: [(tuple(i), p) for i, p in v]),
    ),
    ("events", Kind(_list_copy, lambda v: [e.to_json() for e in v], _event_load)),
    ("actions", Kind(_list_copy, _action_dump, _action_load)),
    ("start_seat", SAME),
    ("turns_left", SAME),
    ("pending", LIST),
    ("answers", Kind(_list_copy, lambda v: [list(a) for a in v], lambda v: [tuple(a) for a in v])),
    ("budgets", LIST),
    ("actor_done", LIST),
    ("knobs", LIST),
    ("knobs_far", LIST),
)


def empty_vectors() -> tuple[list, list]:
    """Fresh zero vectors of resources and indicators."""
    return [0] * NR, [0] * NI
