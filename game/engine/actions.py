"""Typed actions: one frozen value per move of DESIGN.md section 3.

`seat` is the acting seat's index; the engine's own phase moves (DrawTrend, ResolveRound) use seat -1.
Actions serialise to small JSON objects with a `kind` field, so a game is its seed, setup and action list.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, ClassVar, Union

ENGINE = -1


@dataclass(frozen=True, slots=True)
class DrawTrend:
    """The engine draws this round's trend card(s) and applies them."""

    kind: ClassVar[str] = "draw_trend"
    seat: int = ENGINE


@dataclass(frozen=True, slots=True)
class ResolveRound:
    """The engine resolves the round: coalitions, indicators, private goals."""

    kind: ClassVar[str] = "resolve_round"
    seat: int = ENGINE


@dataclass(frozen=True, slots=True)
class Respond:
    """The table answers the dilemma of a trend card drawn this round (seat -1: the table decides together)."""

    kind: ClassVar[str] = "respond"
    trend: str
    response: str
    seat: int = ENGINE


@dataclass(frozen=True, slots=True)
class Invest:
    """Invest resources (money, time, knowledge, network) in the challenge."""

    kind: ClassVar[str] = "invest"
    seat: int
    amounts: tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class Conversation:
    """A kitchen-table talk with another seat: trust grows."""

    kind: ClassVar[str] = "conversation"
    seat: int
    target: int


@dataclass(frozen=True, slots=True)
class BuildFacts:
    """Build the fact foundation: knowledge, the hidden needs and the next trend."""

    kind: ClassVar[str] = "build_facts"
    seat: int


@dataclass(frozen=True, slots=True)
class Offer:
    """Give another seat some of one resource (reciprocity)."""

    kind: ClassVar[str] = "offer"
    seat: int
    target: int
    resource: int
    amount: int


@dataclass(frozen=True, slots=True)
class Propose:
    """Found a coalition around a KVD, taking a coalition role."""

    kind: ClassVar[str] = "propose"
    seat: int
    kvd: str
    role: str


@dataclass(frozen=True, slots=True)
class Invite:
    """Invite another seat into one's coalition with a coalition role."""

    kind: ClassVar[str] = "invite"
    seat: int
    target: int
    role: str


@dataclass(frozen=True, slots=True)
class Accept:
    """Accept an invitation to a coalition."""

    kind: ClassVar[str] = "accept"
    seat: int
    coalition: int


@dataclass(frozen=True, slots=True)
class Decline:
    """Decline an invitation to a coalition."""

    kind: ClassVar[str] = "decline"
    seat: int
    coalition: int


@dataclass(frozen=True, slots=True)
class Leave:
    """Leave one's coalition."""

    kind: ClassVar[str] = "leave"
    seat: int


@dataclass(frozen=True, slots=True)
class Seize:
    """Seize the opportunity on a trend card drawn this round."""

    kind: ClassVar[str] = "seize_opportunity"
    seat: int
    trend: str


@dataclass(frozen=True, slots=True)
class Signature:
    """A role's signature action (grant, start an initiative, sponsor, ...)."""

    kind: ClassVar[str] = "signature"
    seat: int
    action: str
    target: int = -1


@dataclass(frozen=True, slots=True)
class EndTurn:
    """Pass the turn to the next seat."""

    kind: ClassVar[str] = "end_turn"
    seat: int


Action = Union[
    DrawTrend,
    ResolveRound,
    Respond,
    Invest,
    Conversation,
    BuildFacts,
    Offer,
    Propose,
    Invite,
    Accept,
    Decline,
    Leave,
    Seize,
    Signature,
    EndTurn,
]
ACTION_TYPES: dict[str, type] = {
    cls.kind: cls
    for cls in (
        DrawTrend,
        ResolveRound,
        Respond,
        Invest,
        Conversation,
        BuildFacts,
        Offer,
        Propose,
        Invite,
        Accept,
        Decline,
        Leave,
        Seize,
        Signature,
        EndTurn,
    )
}
# The kinds the engine plays itself between the seats' turns, the kinds the table decides together, the kinds
# a seat plays, and of those the generic ones every role has (all but the roles' own signature actions).
ENGINE_KINDS = (DrawTrend.kind, ResolveRound.kind)
TABLE_KINDS = (Respond.kind,)
SEAT_KINDS = tuple(kind for kind in ACTION_TYPES if kind not in ENGINE_KINDS + TABLE_KINDS)
GENERIC_KINDS = tuple(kind for kind in SEAT_KINDS if kind != Signature.kind)


def content_action_id(action) -> str:
    """The content's id for an engine action: the kind, or the signature action's own id."""
    return action.action if action.kind == "signature" else action.kind


def action_to_json(action: Action) -> dict[str, Any]:
    """The action as a small JSON object with its kind."""
    data = asdict(action)
    if "amounts" in data:
        data["amounts"] = list(data["amounts"])
    return {"kind": action.kind, **data}


def action_from_json(data: Any) -> Action:
    """Rebuild an action from `action_to_json`'s output; ValueError when it is not one."""
    if not isinstance(data, dict) or data.get("kind") not in ACTION_TYPES:
        raise ValueError(f"not an action: {data!r}"[:200])
    cls = ACTION_TYPES[data["kind"]]
    names = {f.name for f in fields(cls)}
    values = {k: v for k, v in data.items() if k != "kind"}
    if set(values) != names and not set(values) <= names:
        raise ValueError(f"unexpected fields in action {data!r}"[:200])
    if "amounts" in values:
        amounts = values["amounts"]
        if not isinstance(amounts, list) or len(amounts) != 4 or not all(type(a) is int for a in amounts):
            raise ValueError(f"bad amounts in action {data!r}"[:200])
        values["amounts"] = tuple(amounts)
    for name in ("seat", "target", "resource", "amount", "coalition"):
        if name in values and type(values[name]) is not int:
            raise ValueError(f"{name} must be a whole number in action {data!r}"[:200])
    for name in ("kvd", "role", "trend", "action", "response"):
        if name in values and not isinstance(values[name], str):
            raise ValueError(f"{name} must be text in action {data!r}"[:200])
    try:
        return cls(**values)
    except TypeError as exc:
        raise ValueError(f"incomplete action {data!r}: {exc}"[:200]) from None
