"""What happened in a game, for the round summaries and the debrief: small typed records, one per kind.

Each event is saved (in a state's JSON) as the list [round, kind, field, ...] in the order of its fields,
as the game has always written them, so saves, logs and state digests read the same.
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
        """[round, kind, field, ...]."""
        values = astuple(self)
        return [values[0], self.kind, *values[1:]]


@dataclass(frozen=True, slots=True)
class TrendDrawn(Event):
    """A trend card was drawn."""

    trend: str
    kind: ClassVar[str] = "trend"


@dataclass(frozen=True, slots=True)
class Founded(Event):
    """A seat founded a coalition."""

    coalition: int
    seat: int
    kind: ClassVar[str] = "founded"


@dataclass(frozen=True, slots=True)
class Joined(Event):
    """A seat accepted an invitation to a coalition."""

    coalition: int
    seat: int
    kind: ClassVar[str] = "joined"


@dataclass(frozen=True, slots=True)
class Left(Event):
    """A seat left its coalition."""

    coalition: int
    seat: int
    kind: ClassVar[str] = "left"


@dataclass(frozen=True, slots=True)
class Dissolved(Event):
    """A coalition lost its last members."""

    coalition: int
    kind: ClassVar[str] = "dissolved"


@dataclass(frozen=True, slots=True)
class Seized(Event):
    """A seat seized the opportunity of a trend card."""

    trend: str
    seat: int
    kind: ClassVar[str] = "seized"


@dataclass(frozen=True, slots=True)
class Vital(Event):
    """A coalition was vital at the round's resolution and gained progress."""

    coalition: int
    gain: float
    kind: ClassVar[str] = "vital"


@dataclass(frozen=True, slots=True)
class LostVital(Event):
    """A coalition that was vital is not any more."""

    coalition: int
    kind: ClassVar[str] = "lost_vital"


@dataclass(frozen=True, slots=True)
class NotVital(Event):
    """A coalition was not vital at the round's resolution: its gain and the keys of its problems."""

    coalition: int
    gain: float
    problems: tuple
    kind: ClassVar[str] = "not_vital"

    def to_json(self) -> list:
        return [self.round, self.kind, self.coalition, self.gain, list(self.problems)]


@dataclass(frozen=True, slots=True)
class Walkout(Event):
    """A member walked out of a coalition."""

    coalition: int
    seat: int
    kind: ClassVar[str] = "walkout"


EVENT_TYPES: dict[str, type] = {
    cls.kind: cls for cls in (TrendDrawn, Founded, Joined, Left, Dissolved, Seized, Vital, LostVital, NotVital, Walkout)
}


def event_from_json(data: Any) -> Event:
    """Rebuild an event from `Event.to_json`'s list; ValueError when it is not one."""
    if not isinstance(data, list | tuple) or len(data) < 2 or data[1] not in EVENT_TYPES:
        raise ValueError(f"not an event: {data!r}"[:200])
    cls = EVENT_TYPES[data[1]]
    names = [f.name for f in fields(cls)]
    values = [data[0], *data[2:]]
    if len(values) != len(names):
        raise ValueError(f"an event of kind {data[1]} needs {len(names)} values: {data!r}"[:200])
    if cls is NotVital:
        values[-1] = tuple(values[-1])
    return cls(*values)
