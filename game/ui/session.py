"""A game being played at the table: the engine's state, the computer players, and the table's choices.

The screens read this and send actions through it; it holds no rules of its own (the engine decides what
is legal and what happens). It keeps the cause-and-effect lines for the screens, and undoes by replaying
the shorter action list.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Optional

from game.analysis.explain import Explanation, explain
from game.bots import Because, make_bots
from game.engine import (
    DrawTrend,
    IllegalAction,
    ResolveRound,
    Setup,
    apply,
    check,
    is_over,
    new_game,
    replay,
)
from game.engine.state import PHASE_ACTIONS, PHASE_DILEMMA, PHASE_OVER, PHASE_RESOLVE, PHASE_TREND, GameState
from game.saves import LoadedSave, Saver, game_id, now_utc, save_data

log = logging.getLogger(__name__)


@dataclass
class Line:
    """One move for the table's log: the states around it, so it can be told in either language."""

    seat: int
    before: GameState
    after: GameState
    action: object
    because: Optional[Because] = None

    def told(self, lang: str) -> Explanation:
        """What the move did, in `lang`."""
        return explain(self.before, self.after, self.action, lang)


@dataclass
class Session:
    """One game at one table."""

    content: object
    setup: Setup
    mode: str = "pass"  # "pass" (pass the laptop) or "beamer"
    state: GameState = field(init=False)
    bots: dict = field(init=False)
    lines: list = field(default_factory=list)
    round_start: Optional[GameState] = None  # the state at the start of the current round's actions
    last_human: int = -1  # the human seat that last had the laptop (pass mode)
    ended_early: bool = False
    timer_minutes: int = 0
    big_timer: bool = False  # the turn's timer large at the table's foot, to project
    content_pack: str = ""  # the content pack's folder, for messages about saves
    saver: Optional[Saver] = None  # None: this game is not saved (tests, the smoke run)
    started: str = field(default_factory=now_utc)

    def __post_init__(self) -> None:
        self.state = new_game(self.content, self.setup)
        self.bots = make_bots(self.state)

    @classmethod
    def resume(cls, content, loaded: LoadedSave, folder=None) -> Session:
        """Play on from a save: the state is the save's replay; this round's lines are told again."""
        extra = loaded.session
        session = cls(
            content, loaded.setup, extra.get("mode", "pass") if extra.get("mode") in ("pass", "beamer") else "pass"
        )
        session.timer_minutes = int(extra.get("timer_minutes", 0) or 0)
        session.big_timer = bool(extra.get("big_timer", False))
        session.content_pack = str(extra.get("content_pack", "") or "")
        session.ended_early = bool(extra.get("ended_early", False))
        session.started = str(loaded.data.get("started") or now_utc())
        actions = loaded.actions
        draws = [i for i, a in enumerate(actions) if a.kind == "draw_trend"]
        state = replay(content, loaded.setup, actions[: draws[-1]] if draws else actions)
        for action in actions[draws[-1] :] if draws else ():  # this round again, so its summary has its causes
            after = apply(state, action)
            if action.kind == "draw_trend":
                session.round_start = after
            session.lines.append(Line(getattr(action, "seat", -1), state, after, action))
            state = after
        session.state = state
        session.bots = make_bots(state)
        session.saver = Saver(folder, loaded.name, previous=loaded.raw)
        return session

    # ----------------------------------------------------------------- saving
    def enable_saving(self, folder=None) -> None:
        """Save this game after every action from now on (in the user's saves folder by default)."""
        self.saver = Saver(folder, game_id(self.setup, self.started))
        self.autosave()

    def autosave(self) -> None:
        """Write the save now; a failure is kept in `save_error` and tried again at the next action."""
        if self.saver is None:
            return
        extra = {
            "mode": self.mode,
            "timer_minutes": self.timer_minutes,
            "big_timer": self.big_timer,
            "ended_early": self.ended_early,
            "content_pack": self.content_pack,
        }
        if not self.saver.save(save_data(self.content, self.setup, self.state, extra, self.started)):
            log.warning("autosave failed: %s", self.saver.error)

    def retry_saving(self) -> bool:
        """Write what did not reach the disk yet (the save after a failed write); True when nothing is left
        waiting. Called on a timer, when the debrief opens and on quitting, so a disk that has room again
        gets the game even when no further move is made."""
        if self.saver is not None and self.saver.error is not None:
            self.autosave()
        return self.save_error is None

    @property
    def save_error(self) -> Optional[OSError]:
        """Why the last save failed, or None."""
        return self.saver.error if self.saver is not None else None

    # ----------------------------------------------------------------- reading
    def is_bot(self, seat: int) -> bool:
        """Whether a computer plays this seat."""
        return seat in self.bots

    def current(self) -> int:
        """The seat whose turn it is (-1 outside the actions phase)."""
        return self.state.turn if self.state.phase == PHASE_ACTIONS else -1

    def humans(self) -> list:
        """The seats people play."""
        return [i for i in range(len(self.state.seats)) if i not in self.bots]

    def over(self) -> bool:
        """Whether the game has ended (or the facilitator ended it)."""
        return is_over(self.state) or self.ended_early

    # ----------------------------------------------------------------- acting
    def act(self, action, because: Optional[Because] = None) -> Explanation:
        """Apply an action (IllegalAction when the rules refuse it); return what it did."""
        before = self.state
        after = apply(before, action)
        self.state = after
        if action.kind == "draw_trend":
            self.round_start = after
        entry = Line(action.seat, before, after, action, because)
        self.lines.append(entry)
        log.info("action %s", action)
        self.autosave()
        return entry.told("nl")

    def draw_trend(self) -> Explanation:
        """The engine draws this round's card(s)."""
        return self.act(DrawTrend())

    def resolve(self) -> Explanation:
        """The engine resolves the round."""
        return self.act(ResolveRound())

    def bot_move(self):
        """The current bot's choice: (action, because). Not applied yet."""
        return self.bots[self.state.turn].choose(self.state)

    def try_act(self, action, because: Optional[Because] = None):
        """Apply if legal and return None; else return the engine's Reason (shown in nl or en)."""
        reason = check(self.state, action)
        if reason is not None:
            return reason
        self.act(action, because)
        return None

    # ----------------------------------------------------------------- facilitator
    def can_undo(self) -> bool:
        """Whether there is an action in this round's actions phase to take back (a card draw, the table's
        answer to a dilemma and a resolution are never taken back)."""
        state = self.state
        return (
            state.phase in (PHASE_ACTIONS, PHASE_RESOLVE)
            and bool(state.actions)
            and state.actions[-1].kind not in ("draw_trend", "resolve_round", "respond")
        )

    def undo(self) -> bool:
        """Take back the last action (never a card draw) by replaying the shorter list."""
        if not self.can_undo():
            return False
        actions = self.state.actions[:-1]
        self.state = replay(self.content, self.setup, actions)
        self.bots = make_bots(self.state)
        if self.lines:
            self.lines.pop()
        self.autosave()
        return True

    def skip_seat(self) -> None:
        """End the current seat's turn."""
        from game.engine import EndTurn

        if self.state.phase == PHASE_ACTIONS:
            self.act(EndTurn(self.state.turn))

    def end_now(self) -> None:
        """The facilitator ends the game: straight to the debrief."""
        self.ended_early = True
        self.autosave()

    def needs_engine(self) -> Optional[str]:
        """'trend' or 'resolution' when the engine has to move next, 'dilemma' when the table must answer a
        trend card's dilemma, 'over' at the end; None while the seats take their turns."""
        phase = self.state.phase
        if phase == PHASE_TREND:
            return "trend"
        if phase == PHASE_RESOLVE:
            return "resolution"
        if phase == PHASE_DILEMMA:
            return "dilemma"
        if phase == PHASE_OVER:
            return "over"
        return None

    def legal(self, action) -> bool:
        """Whether an action is legal now."""
        return check(self.state, action) is None


__all__ = ["IllegalAction", "Line", "Session"]
