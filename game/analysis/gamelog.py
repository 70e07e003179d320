"""The game log: one JSON file per game, enough to replay it, explain it and analyse it later.

The log holds the setup (with the seed) and every action with its round, the engine's cause-and-effect line in
both languages and the size of its effect; every round's trend cards, indicators and progress; and the outcome.
Only the header (`written`) carries a wall-clock time, so two plays of the same game give identical `actions`,
`rounds` and `outcome`. Reading a log replays it against today's content and refuses, with a message a trainer
can act on, anything that does not replay to the recorded outcome.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Optional

from game import __version__
from game.analysis.explain import explain
from game.engine import (
    Branch,
    Setup,
    SetupError,
    action_from_json,
    action_to_json,
    apply,
    change_future,
    new_game,
    outcome,
)
from game.engine.actions import ENGINE_KINDS
from game.engine.rules import replay_checked
from game.engine.state import PHASE_OVER, GameState
from game.engine.vocabulary import INDICATORS
from game.storage import FileError, JsonFileProblem, check_shape, game_file_name, read_json_file, write_atomic
from game.words import language, say

FORMAT = "vitale-coalities-log"
# 1: the first rules (no dilemmas, no fairness); 2: before the actors and the knobs' lasting effects. Both are
# refused with a message: their games replay differently today.
FORMAT_VERSION = 3
MAX_BYTES = 20 * 1024 * 1024  # a real log is well under 1 MB


class LogError(FileError):
    """A game log that cannot be used; `text(lang)` says why in words a trainer understands."""

    PREFIX = "log"

    def words(self, lang: str, params: dict) -> dict:
        if "what" in params:
            params["what"] = say(f"log.what.{params['what']}", lang)
        return params


# ---------------------------------------------------------------------------------------------- making a log
def effect_size(before: GameState, after: GameState) -> float:
    """How much one action changed the game: indicators, progress, trust, coalition pots and membership."""
    size = sum(abs(a - b) for a, b in zip(after.ind, before.ind, strict=True))
    size += 2 * abs(after.progress - before.progress)
    n = len(after.seats)
    size += 0.5 * sum(abs(after.trust[a][b] - before.trust[a][b]) for a in range(n) for b in range(a + 1, n))
    for i, c in enumerate(after.coalitions):
        old = before.coalitions[i] if i < len(before.coalitions) else None
        if old is None:
            size += 3  # a coalition founded
            continue
        size += 0.5 * sum(abs(x - y) for x, y in zip(c.pot, old.pot, strict=True))
        size += 3 * abs(len(c.members) - len(old.members))
    return round(size, 2)


def _round_entry(state: GameState, r: int) -> dict:
    ind, progress = state.history[r]  # history[0] is the start, history[r] the end of round r
    return {
        "round": r,
        "trends": list(state.drawn[r - 1]) if r - 1 < len(state.drawn) else [],
        "indicators": dict(zip(INDICATORS, ind, strict=True)),
        "progress": round(progress, 2),
    }


def build_log(
    content,
    setup: Setup,
    actions,
    *,
    lang: str = "nl",
    mode: str = "pass",
    ended_early: bool = False,
    written: Optional[str] = None,
    started: Optional[str] = None,
    branch: Optional[Branch] = None,
    table: str = "",
) -> dict:
    """The log of the game `setup` + `actions` (replayed here, so the lines come from the engine itself); a
    what-if `branch` turns to its future after its first actions."""
    from game.analysis.sessioncode import code_of

    state = new_game(content, setup)
    start = {"indicators": dict(zip(INDICATORS, state.ind, strict=True)), "progress": round(state.progress, 2)}
    entries = []
    for i, action in enumerate(actions):
        state = turned(state, i, branch)
        after = apply(state, action)
        entry = {"round": state.round, "seat": getattr(action, "seat", None), "action": action_to_json(action)}
        if action.kind not in ENGINE_KINDS:
            entry["effect"] = effect_size(state, after)
        told = {code: explain(state, after, action, code) for code in ("nl", "en")}
        entry["line"] = {code: e.headline for code, e in told.items()}
        entry["changes"] = {code: list(e.changes) for code, e in told.items()}
        entries.append(entry)
        state = after
    result = outcome(state)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "game_version": __version__,
        "content_digest": content.digest,
        "written": written or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        # when the game began: names the file, so a finished game resumed and debriefed again has one log
        "started": started or written or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "lang": lang,
        "mode": mode,
        "seed": setup.seed,
        "scenario": branch.scenario if branch is not None else setup.scenario,
        "challenge": setup.challenge,
        # the code every table of a session types (None when the seed is beyond a code's): same code, same deck
        "session_code": code_of(content, setup),
        **({"table": table} if table else {}),
        **({"branch": branch.to_json()} if branch is not None else {}),
        "setup": setup.to_json(),
        "seats": [
            {"seat": i, "role": s.role, "name": s.name, "human": not s.bot, "goal": state.seats[i].goal}
            for i, s in enumerate(setup.seats)
        ],
        "start": start,
        "actions": entries,
        "rounds": [_round_entry(state, r) for r in range(1, len(state.history))],
        "ended_early": bool(ended_early),
        "finished": state.phase == PHASE_OVER,
        "outcome": {
            **result.to_json(),
            "indicators": dict(zip(INDICATORS, result.indicators, strict=True)),
        },
    }


def turned(state: GameState, done: int, branch: Optional[Branch]) -> GameState:
    """`state` after `done` actions, turned to the branch's future when the branch turns there."""
    if branch is not None and done == branch.after:
        return change_future(state, branch.scenario)
    return state


def log_file_name(data: dict) -> str:
    """`spel-<scenario>-<seed>-<start time>.json`, from the log's own header: one name per game; a what-if
    branch's is `tak-<future>-ronde<round>-<seed>-<start time>.json`."""
    moment = data.get("started") or data.get("written", "")
    branch = data.get("branch")
    if isinstance(branch, dict):
        where = f"{data.get('scenario', 'spel')}-ronde{branch.get('round', 0)}"
        return game_file_name("tak", where, data.get("seed", 0), moment, "json")
    return game_file_name("spel", data.get("scenario", "spel"), data.get("seed", 0), moment, "json")


def write_log(data: dict, folder: Optional[Path] = None) -> Path:
    """Write the log atomically into `folder` (default: the user's logs folder); return its path."""
    if folder is None:
        from game.paths import user_dir

        folder = user_dir("logs")
    path = Path(folder) / log_file_name(data)
    if _same_game_logged(path, data):
        return path  # this game was debriefed before (resumed after its end): its log stays as it is
    write_atomic(path, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    return path


def _same_game_logged(path: Path, data: dict) -> bool:
    """Whether `path` already holds the log of the same game with the same actions."""
    if not path.is_file():
        return False
    try:
        old = read_json_file(path, MAX_BYTES)
    except JsonFileProblem:
        return False  # a damaged log of this game: the new one replaces it
    keys = ("setup", "actions", "outcome")
    return isinstance(old, dict) and all(old.get(k) == data.get(k) for k in keys)


# --------------------------------------------------------------------------------------------- reading a log
@dataclass
class GameLog:
    """A log read back and replayed: its data, setup, actions and the final state they give today."""

    path: Path
    data: dict
    setup: Setup
    actions: list
    state: GameState
    digest_matches: bool
    branch: Optional[Branch] = None  # a what-if branch: where it turned to which future

    @property
    def lang(self) -> str:
        """The language the game was played in."""
        return language(self.data.get("lang"))


def _read_json(path: Path) -> Any:
    return LogError.read_json(path, MAX_BYTES, {"empty": "not_json"})  # empty: as broken as a cut-off log


def _check_shape(data: Any, shown: str) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise LogError("not_log", path=shown)
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise LogError("shape", path=shown, detail="format_version")
    if version > FORMAT_VERSION:
        raise LogError("newer", path=shown, version=version, supported=FORMAT_VERSION)
    if version < FORMAT_VERSION:
        raise LogError("old_rules", path=shown)
    from game.fileshapes import LogShape

    try:
        check_shape(data, LogShape)
    except JsonFileProblem as problem:
        raise LogError("shape", path=shown, detail=f"{problem.params['field']} ({problem.params['error']})") from None


def _check_content(content, setup: Setup, actions: list, shown: str, branch: Optional[Branch] = None) -> None:
    if setup.scenario not in content.scenarios:
        raise LogError("content_missing", path=shown, what="scenario", id=setup.scenario)
    if setup.challenge not in content.challenges:
        raise LogError("content_missing", path=shown, what="challenge", id=setup.challenge)
    for seat in setup.seats:
        if seat.role not in content.roles:
            raise LogError("content_missing", path=shown, what="role", id=seat.role)
    for action in actions:
        trend = getattr(action, "trend", None)
        # a trend card's id, or an actor's dilemma ("actor:move") in this scenario (or the branch's)
        futures = (setup.scenario,) + ((branch.scenario,) if branch is not None else ())
        if (
            trend is not None
            and trend not in content.trends
            and all(content.dilemma(trend, f) is None for f in futures)
        ):
            raise LogError("content_missing", path=shown, what="trend", id=trend)


def read_log(path: Path, content) -> GameLog:
    """Read, check and replay a log; LogError says what is wrong. The file is never changed."""
    path = Path(path)
    shown = str(path)
    data = _read_json(path)
    _check_shape(data, shown)
    try:
        setup = Setup.from_json(data["setup"])
    except (SetupError, OverflowError) as exc:
        raise LogError("shape", path=shown, detail=str(exc)[:200]) from None
    actions = []
    for i, entry in enumerate(data["actions"]):
        try:
            actions.append(action_from_json(entry["action"]))
        except (KeyError, TypeError, ValueError):
            raise LogError("shape", path=shown, detail=f"action {i + 1}") from None
    branch = None
    if "branch" in data:
        try:
            branch = Branch.from_json(data["branch"])
        except ValueError as exc:
            raise LogError("shape", path=shown, detail=f"branch ({exc})") from None
        if branch.scenario not in content.scenarios:
            raise LogError("content_missing", path=shown, what="scenario", id=branch.scenario)
        if branch.after > len(actions):
            raise LogError("shape", path=shown, detail="branch")
    _check_content(content, setup, actions, shown, branch)
    try:
        state = new_game(content, setup)  # the setup itself: roles, scenario and challenge of this content
    except (SetupError, KeyError, ValueError, IndexError, TypeError, OverflowError):
        raise LogError("content_changed", path=shown, index=0) from None
    before = actions[: branch.after] if branch is not None else actions
    refused = replay_checked(state, before)
    if not refused and branch is not None:
        try:
            state = change_future(state, branch.scenario)
        except (SetupError, ValueError):
            raise LogError("content_changed", path=shown, index=branch.after) from None
        refused = replay_checked(state, actions[branch.after :])
        refused = refused and refused + branch.after
    if refused:
        raise LogError("content_changed", path=shown, index=refused)
    recorded = data["outcome"]
    if (
        recorded.get("result") != outcome(state).result
        or abs(float(recorded.get("progress", -1)) - round(state.progress, 2)) > 0.011
    ):
        raise LogError("content_changed", path=shown, index=len(actions))
    return GameLog(path, data, setup, actions, state, data.get("content_digest") == content.digest, branch)


def report_file_name(data: dict) -> str:
    """`rapport-<scenario>-<seed>-<time>.pdf`, from a log's header."""
    return game_file_name("rapport", data.get("scenario", "spel"), data.get("seed", 0), data.get("written", ""), "pdf")


def default_report_path(log) -> Path:
    """Where the export button writes: the user's reports folder, a name from the log's header. `log` is a
    GameLog or a log's data (dict)."""
    data = log if isinstance(log, dict) else getattr(log, "data", {})
    from game.paths import user_dir

    return user_dir("reports") / report_file_name(data)
