"""Saves: a game kept on disk after every action, so a flat battery or a crash never costs the training day.

A save holds the setup (with the seed) and the list of actions — never a pickled state. Loading replays the
actions and checks the result against the digest of the state stored with them, and a checksum over the whole
save catches a flipped byte. Every write is atomic (`storage.write_atomic`: a `.new` file, fsync, rename), and
the previous save of the same game is kept beside it as `<name>.bak.json`, so a damaged save still has a good
backup. A save of an older version (played under the first rules) or of a newer one is refused with a message.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

from game import __version__
from game.engine.state import PHASE_OVER
from game.storage import FileError, JsonFileProblem, check_shape, game_file_name, write_atomic
from game.words import say

if TYPE_CHECKING:  # type names only
    from game.engine import Setup
    from game.engine.state import GameState


FORMAT = "vitale-coalities-save"
# Versions 1 and 2 were written under the first rules (no dilemmas, lead bans, no fairness), version 3 before
# the actors and the knobs' lasting effects: their actions mean something else today, so they are refused with
# a message rather than replayed. A future format change that keeps the rules can lift older saves again.
SAVE_VERSION = 4
MAX_BYTES = 20 * 1024 * 1024
BACKUP_SUFFIX = ".bak.json"


class SaveError(FileError):
    """A save that cannot be loaded; `text(lang)` says why (and names a good backup when there is one)."""

    PREFIX = "save"

    def __init__(self, key: str, backup: Optional[SaveInfo] = None, **params: Any) -> None:
        self.backup = backup
        super().__init__(key, **params)

    def words(self, lang: str, params: dict) -> dict:
        if "detail" in params:
            detail_key, detail_params = params["detail"]
            params["detail"] = say(f"save.detail.{detail_key}", lang, **detail_params)
        if "pack" in params:
            params["pack"] = f" ({params['pack']})" if params["pack"] else ""
        return params

    def text(self, lang: str = "nl") -> str:
        """The message in `lang`, with the good backup when there is one."""
        text = super().text(lang)
        if self.backup is not None:
            text += say(
                "save.backup", lang, time=self.backup.saved_local, round=self.backup.round, backup=self.backup.path
            )
        return text


# ------------------------------------------------------------------------------------------- writing
def state_digest(state: GameState) -> str:
    """A fingerprint of a state, to check that a replay rebuilt exactly the saved game."""
    return hashlib.sha256(json.dumps(state.to_json(), sort_keys=True).encode()).hexdigest()[:32]


def _checksum(body: dict) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def game_id(setup: Setup, started: str) -> str:
    """The save's file stem: scenario, seed and the moment the game started."""
    return game_file_name("spel", setup.scenario, setup.seed, started, "json")[: -len(".json")]


def now_utc() -> str:
    """The time now, as saved in files."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def save_data(content, setup: Setup, state: GameState, session: dict, started: str) -> dict:
    """The JSON of a save: setup and actions, what the table chose, a summary for the load list, checks."""
    from game.engine import action_to_json

    seats = [f"{s.name} ({s.role})" for s in setup.seats]
    body = {
        "format": FORMAT,
        "save_version": SAVE_VERSION,
        "game_version": __version__,
        "content_digest": content.digest,
        "saved": now_utc(),
        "started": started,
        "setup": setup.to_json(),
        "actions": [action_to_json(a) for a in state.actions],
        "session": session,
        "summary": {
            "scenario": setup.scenario,
            "round": state.round,
            "rounds": setup.rounds,
            "seats": seats,
            "finished": state.phase == PHASE_OVER or bool(session.get("ended_early")),
        },
        "state_digest": state_digest(state),
    }
    return {**body, "checksum": _checksum(body)}


class Saver:
    """Saves one game after every action; keeps the previous save as the backup. Never raises: a failed write
    (disk full, read-only folder) is reported through `error` and tried again at the next action."""

    def __init__(self, folder: Optional[Path], name: str, previous: Optional[bytes] = None) -> None:
        self.folder = folder
        self.name = name
        self.error: Optional[OSError] = None
        # The last good save of this game, to become the backup at the next write: for a resumed game the
        # bytes it was loaded from (the backup itself when the save was damaged), never whatever the save
        # file holds now, which may be the damaged file the table chose not to load.
        self.previous: Optional[bytes] = previous
        self.writes = 0

    @property
    def path(self) -> Path:
        """The save file."""
        return self._folder() / f"{self.name}.json"

    @property
    def backup_path(self) -> Path:
        """The backup beside it."""
        return self._folder() / f"{self.name}{BACKUP_SUFFIX}"

    def _folder(self) -> Path:
        if self.folder is None:
            from game.paths import user_dir

            return user_dir("saves", create=False)
        return Path(self.folder)

    def save(self, data: dict) -> bool:
        """Write the save (and first the backup of the one before it); False when the disk refused."""
        raw = (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
        try:
            if self.previous is not None:
                write_atomic(self.backup_path, self.previous)
            write_atomic(self.path, raw)
        except OSError as exc:
            self.error = exc
            return False
        self.previous = raw
        self.error = None
        self.writes += 1
        return True


# ------------------------------------------------------------------------------------------- reading
def _read_json(path: Path) -> tuple:
    """The save's data and the bytes it was read from (one reading)."""
    return SaveError.read_json_and_bytes(path, MAX_BYTES, {"not_text": "not_json"})  # garbage bytes: damaged


@dataclass
class LoadedSave:
    """A save read, checked and replayed: everything needed to play on."""

    path: Path
    data: dict
    setup: Setup
    actions: list
    state: GameState
    session: dict = field(default_factory=dict)
    raw: Optional[bytes] = None  # the file's bytes as checked: the backup of the next save

    @property
    def name(self) -> str:
        """The save's game id (its file stem, without the backup suffix)."""
        stem = self.path.name
        return stem[: -len(BACKUP_SUFFIX)] if stem.endswith(BACKUP_SUFFIX) else self.path.stem


def _check(data: Any, shown: str) -> dict:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SaveError("not_save", path=shown)
    version = data.get("save_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SaveError("damaged", path=shown, detail=("shape", {"what": "save_version"}))
    if version > SAVE_VERSION:
        raise SaveError("newer", path=shown, version=version, supported=SAVE_VERSION)
    if version < SAVE_VERSION:
        raise SaveError("old_rules", path=shown)
    body = {k: v for k, v in data.items() if k != "checksum"}
    if data.get("checksum") != _checksum(body):
        raise SaveError("damaged", path=shown, detail=("checksum", {}))
    _check_fields(data, shown)
    return data


def _check_fields(data: dict, shown: str) -> None:
    """SaveError unless every field the game reads has the type and range the game writes."""
    from game.fileshapes import SaveShape

    try:
        check_shape(data, SaveShape)
    except JsonFileProblem as problem:
        raise SaveError("damaged", path=shown, detail=("field", {"field": problem.params["field"]})) from None


def _load_one(path: Path, content) -> LoadedSave:
    from game.engine import Setup, SetupError, action_from_json, new_game
    from game.engine.rules import replay_checked

    shown = str(path)
    data, raw = _read_json(path)
    data = _check(data, shown)
    if data.get("content_digest") not in (None, content.digest):
        raise SaveError("content_changed", path=shown, pack=data.get("session", {}).get("content_pack") or "")
    try:
        setup = Setup.from_json(data["setup"])
        actions = [action_from_json(a) for a in data["actions"]]
        state = new_game(content, setup)  # the setup itself: roles, scenario and challenge of this content
    except (SetupError, ValueError, KeyError, TypeError, OverflowError, IndexError):
        raise SaveError("damaged", path=shown, detail=("shape", {"what": "setup"})) from None
    refused = replay_checked(state, actions)
    if refused:
        raise SaveError("damaged", path=shown, detail=("replay", {"index": refused}))
    if data.get("state_digest") != state_digest(state):
        raise SaveError("damaged", path=shown, detail=("state", {}))
    return LoadedSave(path, data, setup, actions, state, dict(data["session"]), raw)


def backup_of(path: Path) -> Path:
    """The backup file that belongs to a save file."""
    path = Path(path)
    if path.name.endswith(BACKUP_SUFFIX):
        return path
    return path.with_name(path.stem + BACKUP_SUFFIX)


def load_save(path: Path, content) -> LoadedSave:
    """Read, check and replay a save; SaveError says what is wrong, and names the backup when that one is good.
    Neither file is ever changed by reading."""
    path = Path(path)
    try:
        return _load_one(path, content)
    except SaveError as exc:
        backup = backup_of(path)
        if backup != path and backup.is_file():
            try:
                good = _load_one(backup, content)
            except SaveError:
                pass
            else:
                exc.backup = info_of(good)
        raise exc from None


# ------------------------------------------------------------------------------------------- listing
@dataclass(frozen=True)
class SaveInfo:
    """One line of the load list."""

    path: Path
    scenario: str
    round: int
    rounds: int
    seats: tuple
    saved: str  # UTC, as in the file
    finished: bool
    problem: Optional[SaveError] = None

    @property
    def saved_local(self) -> str:
        """The save time on this computer's clock, e.g. '22-11 21:40'."""
        try:
            moment = datetime.strptime(self.saved, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
            return moment.astimezone().strftime("%d-%m %H:%M")
        except ValueError:
            return self.saved


def info_of(loaded: LoadedSave) -> SaveInfo:
    """The load-list line of a good save."""
    summary = loaded.data.get("summary") or {}
    return SaveInfo(
        loaded.path,
        loaded.setup.scenario,
        loaded.state.round,
        loaded.setup.rounds,
        tuple(summary.get("seats") or (f"{s.name} ({s.role})" for s in loaded.setup.seats)),
        str(loaded.data.get("saved", "")),
        loaded.state.phase == PHASE_OVER or bool(loaded.session.get("ended_early")),
    )


def _quick_info(path: Path) -> SaveInfo:
    """A load-list line from the file's summary, without replaying (the list must open fast)."""
    data = _read_json(path)[0]
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("summary"), dict):
        raise SaveError("not_save", path=str(path))
    from game.fileshapes import SummaryShape

    try:
        check_shape(data["summary"], SummaryShape)
    except JsonFileProblem:
        raise SaveError("damaged", path=str(path), detail=("shape", {"what": "summary"})) from None
    s = data["summary"]
    try:
        return SaveInfo(
            path,
            str(s["scenario"]),
            int(s["round"]),
            int(s["rounds"]),
            tuple(map(str, s["seats"])),
            str(data.get("saved", "")),
            bool(s.get("finished")),
        )
    except (KeyError, TypeError, ValueError):
        raise SaveError("damaged", path=str(path), detail=("shape", {"what": "summary"})) from None


def _saves_folder(folder: Optional[Path]) -> Path:
    if folder is None:
        from game.paths import user_dir

        return user_dir("saves", create=False)
    return Path(folder)


@dataclass(frozen=True)
class SaveFile:
    """A save file in the folder, before it is read: the load list reads only the files it shows."""

    path: Path
    mtime: float


def save_files(folder: Optional[Path] = None) -> list:
    """Every save file in the folder (not the backups), newest first, without reading any of them: with
    thousands of saves the menu and the load list stay fast (one directory listing, no parsing)."""
    out = []
    try:
        with os.scandir(_saves_folder(folder)) as entries:
            for entry in entries:
                name = entry.name
                if not (name.startswith("spel-") and name.endswith(".json")) or name.endswith(BACKUP_SUFFIX):
                    continue
                try:
                    out.append(SaveFile(Path(entry.path), entry.stat().st_mtime))
                except OSError:
                    continue  # removed while listing
    except OSError:
        return []
    out.sort(key=lambda f: (f.mtime, f.path.name), reverse=True)
    return out


def has_saves(folder: Optional[Path] = None) -> bool:
    """Whether there is any save to continue (stops at the first one found)."""
    try:
        with os.scandir(_saves_folder(folder)) as entries:
            return any(
                e.name.startswith("spel-") and e.name.endswith(".json") and not e.name.endswith(BACKUP_SUFFIX)
                for e in entries
            )
    except OSError:
        return False


def save_info(save: SaveFile | Path) -> SaveInfo:
    """The load-list line of one save file (read, not replayed); a damaged file gives a line with its problem."""
    path = save.path if isinstance(save, SaveFile) else Path(save)
    try:
        return _quick_info(path)
    except SaveError as exc:
        try:
            mtime = save.mtime if isinstance(save, SaveFile) else path.stat().st_mtime
        except OSError:
            mtime = 0.0
        stamp = datetime.fromtimestamp(mtime, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        return SaveInfo(path, "", 0, 0, (), stamp, False, exc)


def list_saves(folder: Optional[Path] = None) -> list:
    """Every save in the folder (not the backups), read, newest first; a damaged one is listed with its
    problem. Reads every file: for a list on screen, use `save_files` and `save_info` page by page."""
    out = [save_info(f) for f in save_files(folder)]
    out.sort(key=lambda i: (i.saved, i.path.name), reverse=True)
    return out


def latest_save(folder: Optional[Path] = None) -> Optional[Path]:
    """The newest save file (by the time it was written), if any."""
    files = save_files(folder)
    return files[0].path if files else None


def remove_finished_saves(days: int, folder: Optional[Path] = None, now: Optional[float] = None) -> int:
    """Remove the saves (and their backups) of finished games not written for `days` days; how many.

    Only finished games go: an unfinished game is kept however old, and a file that cannot be read is kept
    too (it may be the one a trainer still wants to rescue). `days` <= 0 keeps everything."""
    import time

    if days <= 0:
        return 0
    limit = (now if now is not None else time.time()) - days * 86_400
    removed = 0
    for save in save_files(folder):
        if save.mtime >= limit:
            continue
        info = save_info(save)
        if info.problem is not None or not info.finished:
            continue
        for path in (save.path, backup_of(save.path)):
            try:
                path.unlink(missing_ok=True)
            except OSError:
                continue
        removed += 1
    return removed
