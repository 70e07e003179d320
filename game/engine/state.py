"""The game state: plain slotted dataclasses, cheap to copy, serialisable to JSON.

Turn bookkeeping (round, phase, whose turn) sits beside the game's data, as in boardgame.io. The random
generator's state is an int in here, so copying a state copies its future too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Optional

from .rulebook import NI, NR, Rulebook


class Phase(StrEnum):
    """Where a round is. A str, so a phase reads and serialises as its name ("actions")."""

    TREND = "trend"  # the engine must draw this round's trend card(s)
    ACTIONS = "actions"  # seats take turns
    RESOLVE = "resolution"  # the engine must resolve the round
    OVER = "over"  # the game has ended


PHASE_TREND, PHASE_ACTIONS, PHASE_RESOLVE, PHASE_OVER = Phase.TREND, Phase.ACTIONS, Phase.RESOLVE, Phase.OVER


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
        return Seat(
            self.role,
            self.name,
            self.bot,
            self.goal,
            self.res[:],
            self.ap,
            self.coalition,
            self.invested[:],
            self.contributed[:],
            self.solo,
            self.vital_rounds,
            self.goal_mark,
            self.done,
        )


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
        return Coalition(
            self.id,
            self.kvd,
            self.founded,
            dict(self.members),
            dict(self.invites),
            self.pot[:],
            self.vital,
            self.vital_rounds,
            self.active,
        )

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

    def copy(self) -> GameState:
        """A copy that shares only the rulebook and immutable values."""
        return GameState(
            self.book,
            self.round,
            self.phase,
            self.turn,
            [s.copy() for s in self.seats],
            [row[:] for row in self.trust],
            self.ind[:],
            self.progress,
            self.need[:],
            self.hidden[:],
            self.needs_known,
            self.deck[:],
            [r[:] for r in self.drawn],
            [c.copy() for c in self.coalitions],
            self.rng,
            self.resilience,
            self.peek,
            self.seized[:],
            self.history[:],
            self.events[:],
            self.actions[:],
            self.start_seat,
            self.turns_left,
        )

    def coalition_of(self, seat: int) -> Optional[Coalition]:
        """The coalition a seat is a member of."""
        cid = self.seats[seat].coalition
        return self.coalitions[cid] if cid >= 0 else None

    def current_trends(self) -> list:
        """The trend ids drawn this round."""
        return self.drawn[self.round - 1] if len(self.drawn) >= self.round else []

    def to_json(self) -> dict[str, Any]:
        """The state as JSON data (the rulebook is referred to by its setup)."""
        from .actions import action_to_json

        return {
            "setup": self.book.setup.to_json(),
            "round": self.round,
            "phase": self.phase,
            "turn": self.turn,
            "seats": [
                {
                    "role": s.role,
                    "name": s.name,
                    "bot": s.bot,
                    "goal": s.goal,
                    "res": s.res,
                    "ap": s.ap,
                    "coalition": s.coalition,
                    "invested": s.invested,
                    "contributed": s.contributed,
                    "solo": s.solo,
                    "vital_rounds": s.vital_rounds,
                    "goal_mark": s.goal_mark,
                    "done": s.done,
                }
                for s in self.seats
            ],
            "trust": self.trust,
            "ind": self.ind,
            "progress": self.progress,
            "need": self.need,
            "hidden": self.hidden,
            "needs_known": self.needs_known,
            "deck": self.deck,
            "drawn": self.drawn,
            "coalitions": [
                {
                    "id": c.id,
                    "kvd": c.kvd,
                    "founded": c.founded,
                    "members": [[k, v] for k, v in c.members.items()],
                    "invites": [[k, v] for k, v in c.invites.items()],
                    "pot": c.pot,
                    "vital": c.vital,
                    "vital_rounds": c.vital_rounds,
                    "active": c.active,
                }
                for c in self.coalitions
            ],
            "rng": str(self.rng),
            "resilience": self.resilience,
            "peek": self.peek,
            "seized": self.seized,
            "history": [[list(ind), prog] for ind, prog in self.history],
            "events": [e.to_json() for e in self.events],
            "actions": [action_to_json(a) for a in self.actions],
            "start_seat": self.start_seat,
            "turns_left": self.turns_left,
        }

    @staticmethod
    def from_json(data: dict[str, Any], book: Rulebook) -> GameState:
        """Rebuild a state written by `to_json`, for the game of `book`."""
        from .actions import action_from_json
        from .events import event_from_json

        seats = [
            Seat(
                s["role"],
                s["name"],
                s["bot"],
                s["goal"],
                list(s["res"]),
                s["ap"],
                s["coalition"],
                list(s["invested"]),
                list(s["contributed"]),
                s["solo"],
                s["vital_rounds"],
                s["goal_mark"],
                s["done"],
            )
            for s in data["seats"]
        ]
        coalitions = [
            Coalition(
                c["id"],
                c["kvd"],
                c["founded"],
                {int(k): v for k, v in c["members"]},
                {int(k): v for k, v in c["invites"]},
                list(c["pot"]),
                c["vital"],
                c["vital_rounds"],
                c["active"],
            )
            for c in data["coalitions"]
        ]
        return GameState(
            book,
            data["round"],
            Phase(data["phase"]),
            data["turn"],
            seats,
            [list(r) for r in data["trust"]],
            list(data["ind"]),
            data["progress"],
            list(data["need"]),
            list(data["hidden"]),
            data["needs_known"],
            list(data["deck"]),
            [list(r) for r in data["drawn"]],
            coalitions,
            int(data["rng"]),
            data["resilience"],
            data["peek"],
            list(data["seized"]),
            [(tuple(ind), prog) for ind, prog in data["history"]],
            [event_from_json(e) for e in data["events"]],
            [action_from_json(a) for a in data["actions"]],
            data["start_seat"],
            data["turns_left"],
        )


def empty_vectors() -> tuple[list, list]:
    """Fresh zero vectors of resources and indicators."""
    return [0] * NR, [0] * NI
