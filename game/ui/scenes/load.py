"""Load a game: the saved games, newest first, with scenario, round, seats and time; pick one to play on.
A second list holds the game logs of finished games: pick one to open its debrief again.

A damaged save stays in the list with a short note; choosing it says what is wrong and, when its backup is
good, offers that backup. A log that cannot be read says why. Nothing here ever changes a file.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple, Optional

import pygame

from game.engine import RESULTS
from game.export.draw import line_height
from game.saves import SaveError, SaveFile, SaveInfo, load_save, save_files, save_info
from game.storage import FileError
from game.ui.scene import Scene
from game.words import day_time, say

log = logging.getLogger(__name__)
PER_PAGE = 6
# A file's problems a trainer cannot act on in detail (a JSON error's line, a field's name): the screen says
# in one plain sentence that the file is damaged; the program's log keeps the details.
TECHNICAL = frozenset({"unreadable", "empty", "too_big", "not_json", "not_text", "damaged", "shape"})


def when_text(moment: Any, lang: str) -> str:
    """A list's moment ("5 dec 15:02"): a local datetime, or a save's UTC stamp "2026-12-05T14:02:00Z"; any
    other text as it is."""
    if isinstance(moment, str):
        try:
            moment = datetime.strptime(moment, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).astimezone()
        except ValueError:
            return moment
    return day_time(moment, lang) if isinstance(moment, datetime) else str(moment)


def file_label(path: Path, content, lang: str, short: bool = False) -> str:
    """A game's file as a trainer recognises it without opening it: its future and when the game started, read
    from the name ("spel-samendam-2-20261205T140200.json": "Samendam, begonnen 5 dec 15:02"; `short`: the
    future alone, "Samendam"); else the name."""
    parts = path.name.removesuffix(".json").removesuffix(".bak").rsplit("-", 2)
    if len(parts) != 3 or "-" not in parts[0]:
        return path.name
    scenario = content.scenarios.get(parts[0].split("-", 1)[1])
    if scenario is None:
        return path.name
    if short:
        return scenario.name.get(lang)
    try:
        started = datetime.strptime(parts[2], "%Y%m%dT%H%M%S").replace(tzinfo=UTC).astimezone()
    except ValueError:
        return scenario.name.get(lang)
    return say("load.started", lang, scenario=scenario.name.get(lang), when=day_time(started, lang))


def problem_text(exc: FileError, what: str, lang: str) -> str:
    """Why a save or a log cannot be used, for the projected screen: the file by its name only (never the
    folder with the user's name in it), and a damaged file in one plain sentence."""
    name = Path(str(exc.params.get("path", ""))).name
    if exc.key in TECHNICAL:
        text = say(f"load.problem_{exc.PREFIX}", lang, what=what, file=name)
    else:
        text = say(f"{exc.PREFIX}.{exc.key}", lang, **exc.words(lang, {**exc.params, "path": name}))
    backup = getattr(exc, "backup", None)
    if backup is not None:
        when = when_text(backup.saved, lang)
        text += say("save.backup", lang, time=when, round=backup.round, backup=backup.path.name)
    return text


@dataclass(frozen=True)
class LogInfo:
    """One line of the list of game logs."""

    path: Path
    scenario: str
    result: str
    when: Any
    problem: bool = False
    challenge: str = ""


class LogFile(NamedTuple):
    """A game log in the logs folder, not read yet."""

    path: Path
    when: Any  # the local datetime it was written (`when_text` shows it)


def list_logs() -> list:
    """The game logs in the logs folder, newest first (LogFile); `log_info` reads one. A page
    shows six, so only those are read (a whole log is a large JSON file, and a laptop used for a year of
    training days has many)."""
    from game.paths import user_dir

    folder = user_dir("logs", create=False)
    if not folder.is_dir():
        return []
    stamped = []
    for path in folder.glob("spel-*.json"):
        try:
            stamped.append((path.stat().st_mtime, path))
        except OSError:
            continue  # removed while listing
    stamped.sort(key=lambda pair: pair[0], reverse=True)
    return [LogFile(path, datetime.fromtimestamp(mtime)) for mtime, path in stamped]


def log_info(entry: LogFile) -> LogInfo:
    """One line of the list of game logs (read from the log's header fields)."""
    from game.analysis.gamelog import MAX_BYTES
    from game.storage import JsonFileProblem, read_json_file

    path, when = entry
    try:
        data = read_json_file(path, MAX_BYTES)
        result = str(data["outcome"]["result"])
        result = result if result in RESULTS else "stranded"
        return LogInfo(path, str(data["scenario"]), result, when, challenge=str(data.get("challenge", ""))[:200])
    except (JsonFileProblem, KeyError, TypeError):
        return LogInfo(path, "", "", when, True)


class LoadScene(Scene):
    """The list of saved games."""

    name = "load"

    def __init__(self, app, message: str = "", backup: Optional[SaveInfo] = None, logs: bool = False) -> None:
        super().__init__(app)
        self.logs = logs  # showing the game logs instead of the saves
        # the files only: each is read when its page is shown (a folder may hold thousands)
        self.saves = list_logs() if logs else save_files()
        self.read: dict = {}  # path -> LogInfo or SaveInfo, for the files that have been shown
        self.page = 0
        self.message = message
        self.backup = backup  # a good backup to offer after a damaged save

    def build(self) -> None:
        w, h = self.app.window.get_size()
        look = self.look
        m = look.px(60)
        top = look.px(40) + line_height(look, "heading") + look.px(20)
        bh = look.px(76)
        gap = look.px(12)
        shown = self.saves[self.page * PER_PAGE : (self.page + 1) * PER_PAGE]
        for i, info in enumerate(shown):
            rect = pygame.Rect(m, top + i * (bh + gap), w - 2 * m, bh)
            if self.logs:
                info = self.log_info(info)
                self.button(rect, self.log_text(info), lambda info=info: self.open_log(info), "@choice")
            else:
                info = self.save_info(info)
                self.button(rect, self.row_text(info), lambda info=info: self.open(info), "@choice")
        row_y = h - look.px(40) - look.px(72)
        back = self.t("load.back")
        bw = self.fit(back, look.px(220))
        self.button(pygame.Rect(m, row_y, bw, look.px(72)), back, self.back)
        x = m + bw + look.px(16)
        other = self.t("load.show_saves") if self.logs else self.t("load.show_logs")
        ow = self.fit(other, look.px(260))
        self.button(pygame.Rect(x, row_y, ow, look.px(72)), other, self.switch)
        x += ow + look.px(16)
        if self.backup is not None:
            label = self.t("load.use_backup")
            width = self.fit(label, look.px(300), primary=True)
            self.button(pygame.Rect(x, row_y, width, look.px(72)), label, self.open_backup, "@primary")
            x += width + look.px(16)
        pages = max(1, -(-len(self.saves) // PER_PAGE))
        if pages > 1:
            pw = look.px(72)
            self.button(
                pygame.Rect(w - m - 2 * pw - look.px(12), row_y, pw, look.px(72)),
                "‹",
                lambda: self.turn(-1),
                enabled=self.page > 0,
            )
            self.button(
                pygame.Rect(w - m - pw, row_y, pw, look.px(72)),
                "›",
                lambda: self.turn(+1),
                enabled=self.page < pages - 1,
            )
        if self.focus_index < 0:
            self.focus_index = 0

    def row_text(self, info: SaveInfo) -> str:
        """'Samendam · ronde 3 van 5 · Anna, Bas, … · 22 nov 21:40' (or that it is damaged)."""
        lang = self.app.settings.lang
        when = when_text(info.saved, lang)
        if info.problem is not None:
            return self.t("load.damaged", name=file_label(info.path, self.app.content, lang, True), time=when)
        scenario = self.app.content.scenarios.get(info.scenario)
        name = scenario.name.get(lang) if scenario else info.scenario
        seats = ", ".join(s.split(" (")[0] for s in info.seats)
        where = self.t("load.finished") if info.finished else self.t("load.round", round=info.round, rounds=info.rounds)
        return f"{name} · {where} · {seats} · {when}"

    def log_info(self, entry: LogFile) -> LogInfo:
        """A log of the list, read the first time it is shown."""
        if entry.path not in self.read:
            self.read[entry.path] = log_info(entry)
        return self.read[entry.path]

    def save_info(self, entry: SaveFile) -> SaveInfo:
        """A save of the list, read the first time it is shown."""
        if entry.path not in self.read:
            self.read[entry.path] = save_info(entry)
        return self.read[entry.path]

    def log_text(self, info: LogInfo) -> str:
        """'Samendam · gerealiseerd · 22 nov 21:40' for a game log (or that it cannot be read)."""
        lang = self.app.settings.lang
        when = when_text(info.when, lang)
        if info.problem:
            return self.t("load.damaged", name=file_label(info.path, self.app.content, lang, True), time=when)
        scenario = self.app.content.scenarios.get(info.scenario)
        name = scenario.name.get(lang) if scenario else info.scenario
        challenge = self.app.content.challenges.get(info.challenge)
        if challenge is not None:
            name += f" · {challenge.name.get(lang)}"
        return f"{name} · {self.t(f'load.result_{info.result}')} · {when}"

    def switch(self) -> None:
        """Between the saved games and the game logs."""
        self.app.goto(LoadScene(self.app, logs=not self.logs))

    def open_log(self, info: LogInfo | LogFile) -> None:
        """The debrief of a logged game, or why the log cannot be used."""
        from game.analysis.gamelog import LogError, read_log
        from game.ui.scenes.debrief import DebriefScene

        try:
            game_log = read_log(info.path, self.app.content)
        except LogError as exc:
            log.warning("log not opened: %s", exc)
            lang = self.app.settings.lang
            self.message = problem_text(exc, file_label(info.path, self.app.content, lang), lang)
            self.rebuild()
            self.app.dirty = True
            return
        self.app.session = None
        self.app.goto(DebriefScene(self.app, game_log=game_log))

    def turn(self, step: int) -> None:
        """Another page of saves."""
        self.page += step
        self.focus_index = 0
        self.rebuild()

    def open(self, info: SaveInfo) -> None:
        """Play on from this save, or say why that cannot be."""
        from game.ui.flow import resume_game

        try:
            loaded = load_save(info.path, self.app.content)
        except SaveError as exc:
            log.warning("save not loaded: %s", exc)
            lang = self.app.settings.lang
            self.message = problem_text(exc, file_label(info.path, self.app.content, lang), lang)
            self.backup = exc.backup
            self.rebuild()
            self.app.dirty = True
            return
        resume_game(self.app, loaded)

    def open_backup(self) -> None:
        """Play on from the offered backup."""
        if self.backup is not None:
            self.open(self.backup)

    def back(self) -> None:
        from game.ui.scenes.menu import MenuScene

        self.app.goto(MenuScene(self.app))

    def draw(self, painter) -> None:
        w, h = self.app.window.get_size()
        look = self.look
        c = painter.c
        painter.surface.fill(c["bg"])
        m = look.px(60)
        title = self.t("load.title_logs") if self.logs else self.t("load.title")
        painter.text(pygame.Rect(m, look.px(40), w - 2 * m, line_height(look, "heading")), title, "heading")
        if not self.saves:
            top = look.px(40) + line_height(look, "heading") + look.px(20)
            empty = self.t("load.no_logs") if self.logs else self.t("menu.no_saves")
            painter.text(pygame.Rect(m, top, w - 2 * m, look.px(200)), empty, "body")
        if self.message:
            box = pygame.Rect(m, h - look.px(130) - look.px(150), w - 2 * m, look.px(140))
            painter.panel(box, fill=c["highlight"])
            painter.text(
                box.inflate(-look.px(30), -look.px(20)), self.message, "body", colour=c["bad"], min_kind="small"
            )
        self.draw_widgets(painter)

    def autoplay(self) -> None:
        self.back()
