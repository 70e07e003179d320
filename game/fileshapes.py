"""The shapes of the JSON files the game writes and reads back (saves, game logs), checked before use.

A save or a log carries a checksum, but anyone can re-sign a file: what decides whether the game may use one
is whether every field has the type and the range the game wrote. `storage.check_shape` checks a file's data
against these models (strict: "abc" is no number, a number is no text) and names the first wrong field; the
readers in `saves.py` and `analysis/gamelog.py` turn that into their own message. The data itself is used as
read: these models only say yes or no. Fields the game does not read are not described (and are ignored).
"""

from __future__ import annotations

from typing import Optional

from pydantic import BaseModel, ConfigDict, Field

Short = Field(max_length=200)  # ids, names, times: far shorter in any file the game wrote
MAX_ACTIONS = 20_000  # a 10-round game of 6 seats makes a few hundred
MAX_SEED = 2**63 - 1
Score = Field(ge=-1_000, le=1_000, allow_inf_nan=False)  # indicators and progress live in 0..100


class _Shape(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore", frozen=True)


class SeatShape(_Shape):
    """One seat of a setup."""

    role: str = Short
    name: str = Short
    bot: bool = False
    strategy: str = Field("balanced", max_length=200)


class SetupShape(_Shape):
    """`Setup.to_json()`."""

    scenario: str = Short
    challenge: str = Short
    seats: list[SeatShape] = Field(min_length=1, max_length=12)
    rounds: int = Field(ge=1, le=50)
    seed: int = Field(ge=0, le=MAX_SEED)


class SessionShape(_Shape):
    """What the table chose besides the setup (a save's `session`)."""

    mode: str = Field("pass", max_length=20)
    timer_minutes: int = Field(0, ge=0, le=120)
    big_timer: bool = False
    ended_early: bool = False
    content_pack: str = Field("", max_length=4096)


class SummaryShape(_Shape):
    """A save's line for the load list."""

    scenario: str = Short
    round: int = Field(ge=0, le=100)
    rounds: int = Field(ge=1, le=50)
    seats: list[str] = Field(max_length=12)
    finished: bool = False


class SaveShape(_Shape):
    """A save (after migration to the current version)."""

    format: str = Short
    save_version: int
    saved: str = Field("", max_length=200)
    started: str = Field("", max_length=200)
    setup: SetupShape
    actions: list[dict] = Field(max_length=MAX_ACTIONS)
    session: SessionShape
    summary: Optional[SummaryShape] = None


class LogSeatShape(_Shape):
    """One seat of a game log."""

    seat: int = Field(ge=0, le=12)
    role: str = Short
    name: str = Short
    human: bool
    goal: Optional[str] = Field(None, max_length=200)


class PointShape(_Shape):
    """The indicators and the progress at one moment."""

    indicators: dict[str, float]
    progress: float = Score


class LogRoundShape(PointShape):
    """One round of a game log."""

    round: int = Field(ge=0, le=100)
    trends: list[str] = Field(max_length=50)


class LogActionShape(_Shape):
    """One action of a game log, with the engine's lines."""

    round: int = Field(ge=0, le=100)
    seat: Optional[int] = Field(None, ge=-1, le=12)
    action: dict
    effect: Optional[float] = Field(None, allow_inf_nan=False)
    line: dict[str, str] = {}
    changes: dict[str, list[str]] = {}


class OutcomeShape(_Shape):
    """A game log's outcome."""

    result: str = Short
    progress: float = Score
    goals_met: list[bool] = Field([], max_length=12)
    indicators: dict[str, float] = {}


class LogShape(_Shape):
    """A game log (`gamelog.build_log`)."""

    format: str = Short
    format_version: int
    written: str = Field("", max_length=200)
    started: str = Field("", max_length=200)
    lang: str = Field("nl", max_length=20)
    mode: str = Field("pass", max_length=20)
    seed: int = Field(ge=0, le=MAX_SEED)
    scenario: str = Short
    challenge: str = Short
    session_code: Optional[str] = Field(None, max_length=40)
    table: str = Field("", max_length=200)
    setup: SetupShape
    seats: list[LogSeatShape] = Field(max_length=12)
    start: PointShape
    actions: list[LogActionShape] = Field(max_length=MAX_ACTIONS)
    rounds: list[LogRoundShape] = Field(max_length=100)
    ended_early: bool = False
    finished: bool = False
    outcome: OutcomeShape
