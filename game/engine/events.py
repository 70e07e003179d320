"""What happened in a game, for the round summaries and the debrief: small typed records, one per kind.

Each event is saved (in a state's JSON) as the list [round, kind, field, ...] in the order of its fields,
as the game has always written them, so saves, logs and state digests read the same. The fields that kinds
share come from small bases (CoalitionEvent, SeatEvent, GainEvent), which put them in the same order.
"""

from __future__ import annotations

from dataclasses import astuple, dataclass, fields
from typing import Any, ClassVar


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened in round `round`."""

    round: int
    kind: ClassVar[str] = ""

    def to_json(self) -> list:
        """[round, kind, field, ...], with a tuple field as a list."""
        first, *rest = (list(value) if isinstance(value, tuple) else value for value in astuple(self))
        return [first, self.kind, *rest]


@dataclass(frozen=True, slots=True)
class CoalitionEvent(Event):
    """Something that happened to coalition `coalition`."""

    coalition: int


@dataclass(frozen=True, slots=True)
class SeatEvent(CoalitionEvent):
    """Something seat `seat` did with coalition `coalition`."""

    seat: int


@dataclass(frozen=True, slots=True)
class GainEvent(CoalitionEvent):
    """A coalition's resolution in a round, with its progress `gain`."""

    gain: float


@dataclass(frozen=True, slots=True)
class TrendEvent(Event):
    """Something that happened with trend card `trend`."""

    trend: str


@dataclass(frozen=True, slots=True)
class TrendDrawn(TrendEvent):
    """A trend card was drawn."""

    kind: ClassVar[str] = "trend"


@dataclass(frozen=True, slots=True)
class TrendMissed(TrendEvent):
    """A trend card was drawn but its trend did not come about (an uncertain trend may pass by)."""

    kind: ClassVar[str] = "trend_missed"


@dataclass(frozen=True, slots=True)
class Answered(TrendEvent):
    """The table answered a trend card's dilemma."""

    response: str
    kind: ClassVar[str] = "answered"


@dataclass(frozen=True, slots=True)
class Founded(SeatEvent):
    """A seat founded a coalition."""

    kind: ClassVar[str] = "founded"


@dataclass(frozen=True, slots=True)
class Joined(SeatEvent):
    """A seat accepted an invitation to a coalition."""

    kind: ClassVar[str] = "joined"


@dataclass(frozen=True, slots=True)
class Left(SeatEvent):
    """A seat left its coalition."""

    kind: ClassVar[str] = "left"


@dataclass(frozen=True, slots=True)
class Walkout(SeatEvent):
    """A member walked out of a coalition."""

    kind: ClassVar[str] = "walkout"


@dataclass(frozen=True, slots=True)
class LeadPrice(SeatEvent):
    """What leading coalition `coalition` cost or brought at a round's resolution, by its lead's role (the
    scenario's `lead_round`)."""

    kind: ClassVar[str] = "lead_price"


@dataclass(frozen=True, slots=True)
class Dissolved(CoalitionEvent):
    """A coalition lost its last members."""

    kind: ClassVar[str] = "dissolved"


@dataclass(frozen=True, slots=True)
class LostVital(CoalitionEvent):
    """A coalition that was vital is not any more."""

    kind: ClassVar[str] = "lost_vital"


@dataclass(frozen=True, slots=True)
class Seized(TrendEvent):
    """A seat seized the opportunity of a trend card."""

    seat: int
    kind: ClassVar[str] = "seized"


@dataclass(frozen=True, slots=True)
class Vital(GainEvent):
    """A coalition was vital at the round's resolution and gained progress."""

    kind: ClassVar[str] = "vital"


@dataclass(frozen=True, slots=True)
class NotVital(GainEvent):
    """A coalition was not vital at the round's resolution: its gain and the keys of its problems."""

    problems: tuple
    kind: ClassVar[str] = "not_vital"


@dataclass(frozen=True, slots=True)
class ActorMoved(Event):
    """An actor (the region, the national government) made move `move`; towards coalition `coalition` (-1:
    the table), putting the resources `gift` into its pot from its budget."""

    actor: str
    move: str
    coalition: int
    gift: tuple
    kind: ClassVar[str] = "actor"


@dataclass(frozen=True, slots=True)
class KnobEvent(Event):
    """Something that happened with knob `knob`."""

    knob: str


@dataclass(frozen=True, slots=True)
class KnobTurned(KnobEvent):
    """The seats' actions turned a knob far: from the next resolution on it has its lasting effect."""

    kind: ClassVar[str] = "knob_far"


@dataclass(frozen=True, slots=True)
class KnobWorks(KnobEvent):
    """A knob turned far had its lasting effect at this resolution."""

    kind: ClassVar[str] = "knob_works"


EVENT_TYPES: dict[str, type] = {
    cls.kind: cls
    for cls in (
        TrendDrawn,
        TrendMissed,
        Answered,
        Founded,
        Joined,
        Left,
        Dissolved,
        Seized,
        Vital,
        LostVital,
        NotVital,
        Walkout,
        LeadPrice,
        ActorMoved,
        KnobTurned,
        KnobWorks,
    )
}


def event_from_json(data: Any) -> Event:
    """Rebuild an event from `Event.to_json`'s list; ValueError when it is not one."""
    if not isinstance(data, list | tuple) or len(data) < 2 or data[1] not in EVENT_TYPES:
        raise ValueError(f"not an event: {data!r}"[:200])
    cls = EVENT_TYPES[data[1]]
    types = [f.type for f in fields(cls)]  # the annotations as written: "int", "tuple", ...
    values = [data[0], *data[2:]]
    if len(values) != len(types):
        raise ValueError(f"an event of kind {data[1]} needs {len(types)} values: {data!r}"[:200])
    return cls(*(tuple(value) if typ == "tuple" else value for typ, value in zip(types, values, strict=True)))
