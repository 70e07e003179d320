"""What-if branches of a table's game: "what if our future had been Ikhoven from round 3?".

The table's own moves are replayed up to the start of the chosen round; there the future turns
(`engine.change_future`), and computer players finish the game in the table's own style: each seat's profile
as the wind tunnel reads it from the log. The branch is a game log like a table's (with a `branch` entry), so
it can be debriefed and compared like one, and replaying it gives the same game.
"""

from __future__ import annotations

from typing import Optional

from game.bots import Bot
from game.engine import Branch, can_change_future, change_future, new_game
from game.engine.rules import apply_in_place

from .gamelog import GameLog, build_log
from .simulate import play_on
from .windtunnel import group_strategy


def branch_rounds(log: GameLog) -> list:
    """The rounds a branch can start at: every round of the game after the first that the table began."""
    rounds = sorted({int(e.get("round", 0)) for e in log.data.get("actions", []) if isinstance(e, dict)})
    return [r for r in rounds if 2 <= r <= log.setup.rounds]


def turn_point(log: GameLog, round_no: int) -> int:
    """How many of the table's actions come before round `round_no` begins; ValueError when it never did."""
    return _at_round(log, round_no)[0]


def _at_round(log: GameLog, round_no: int) -> tuple:
    """(how many actions come before round `round_no` begins, the game at that moment)."""
    state = new_game(log.state.book.content, log.setup)
    for i, action in enumerate(log.actions):
        if state.round >= round_no and can_change_future(state):
            return i, state
        apply_in_place(state, action)
    raise ValueError(f"the game never reached the start of round {round_no}")


def make_branch(content, log: GameLog, round_no: int, scenario: str, *, written: Optional[str] = None) -> dict:
    """The log of the branch: the table's game to the start of `round_no`, then `scenario` with computer
    players in the table's style to the end. The same log, round and future always give the same branch."""
    if log.branch is not None:
        raise ValueError("a branch is made from a table's own game, not from another branch")
    if scenario not in content.scenarios:
        raise ValueError(f'unknown future "{scenario}"')
    after, state = _at_round(log, round_no)
    state = change_future(state, scenario)
    profiles = group_strategy(log)
    bots = {i: Bot(i, p, log.setup.seed) for i, p in enumerate(profiles)}
    play_on(state, bots)
    return build_log(
        content,
        log.setup,
        list(state.actions),
        lang=log.lang,
        mode=str(log.data.get("mode", "pass")),
        written=written,
        started=log.data.get("started"),
        branch=Branch(round_no, scenario, after),
        table=str(log.data.get("table", "")),
    )
