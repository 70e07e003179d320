"""Hand in a table: the debrief's game log, with the table's name, as one file in a folder the trainer collects
from (a USB stick, a shared folder). Nothing else leaves the laptop.

The panel asks the table's name (the last one used is remembered), then the folder (the last one used is
remembered); the file is named `<table>-<future>-<HHMM>.json`, safe for any file system, and never replaces
another table's file.
"""

from __future__ import annotations

import errno
import json
import logging
import re
import time
import unicodedata
from pathlib import Path
from typing import Optional

import pygame

from game.export.draw import line_height
from game.storage import write_atomic
from game.ui.folder_picker import FolderPicker
from game.ui.scene import PanelScene
from game.ui.settings import save_settings

log = logging.getLogger(__name__)
NAME_CHARS = 40  # of the table's name in the file name
ENTER_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER)


def _safe(text: str, fallback: str) -> str:
    """A part of a file name any file system takes: letters without accents, digits, dashes."""
    plain = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii")
    plain = re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-")[:NAME_CHARS].strip("-")
    return plain or fallback


def handin_path(folder: Path, table: str, future: str, moment: Optional[time.struct_time] = None) -> Path:
    """`<folder>/<table>-<future>-<HHMM>.json`, with -2, -3, ... when a file of that name is there already."""
    stamp = time.strftime("%H%M", moment or time.localtime())
    stem = f"{_safe(table, 'tafel')}-{_safe(future, 'spel')}-{stamp}"
    path = Path(folder) / f"{stem}.json"
    n = 2
    while path.exists():
        path = Path(folder) / f"{stem}-{n}.json"
        n += 1
    return path


def hand_in(data: dict, table: str, future: str, folder: Path) -> Path:
    """Write the log `data` with `"table": table` into `folder`; OSError when it cannot (the folder must exist:
    a stick that was pulled out is not made again on the laptop's own disk)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(errno.ENOENT, "no such folder", str(folder))
    path = handin_path(folder, table, future)
    text = json.dumps(dict(data, table=table), ensure_ascii=False, indent=1) + "\n"
    write_atomic(path, text.encode("utf-8"))
    return path


def problem_text(t, exc: OSError, folder: Path) -> str:
    """What went wrong, in words a trainer understands."""
    where = Path(folder).name or str(folder)
    if exc.errno in (errno.ENOENT, errno.ENOTDIR, errno.ENODEV):
        return t("debrief.handin_gone", folder=where)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return t("debrief.handin_readonly", folder=where)
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return t("debrief.handin_full", folder=where)
    return t("debrief.handin_failed", error=exc.strerror or str(exc))


def default_folder() -> Path:
    """Where the picker opens the first time: the user's documents, else the home folder."""
    try:
        import platformdirs

        documents = Path(platformdirs.user_documents_dir())
        if documents.is_dir():
            return documents
    except (ImportError, OSError):
        pass
    return Path.home()


class HandInScene(PanelScene):
    """The panel over the debrief: the table's name, then the folder; the debrief's status line says how it
    went."""

    name = "debrief_handin"
    TITLE = "debrief.handin"
    EXPLAIN = "debrief.handin_explain"

    def __init__(self, app, debrief) -> None:
        super().__init__(app)
        self.debrief = debrief
        self.typed = app.settings.table_name or app.t("debrief.handin_default")
        self.error = ""
        self.picker: Optional[FolderPicker] = None
        self.box = None

    def build(self) -> None:
        look = self.look
        t = self.t
        pw, pad, inner, row = self.frame()
        gap = look.px(18)
        small = look.font("small")
        self.label_h = line_height(look, "body")
        self.error_h = 3 * small.get_linesize()
        ph = pad + self.head_h + self.explain_h + gap + self.label_h + row + gap + self.error_h + gap + row + pad
        self.panel_rect = self.centred(pw, ph)
        x = self.panel_rect.left + pad
        y = self.panel_rect.top + pad + self.head_h + self.explain_h + gap
        self.label_rect = pygame.Rect(x, y, inner, self.label_h)
        y += self.label_h
        self.box = self.entry(pygame.Rect(x, y, inner, row), self.typed, limit=60)
        y += row + gap
        self.error_rect = pygame.Rect(x, y, inner, self.error_h)
        y += self.error_h + gap
        self.choose_btn, self.cancel_btn = self.foot_buttons(
            y, row, gap, t("debrief.handin_choose"), self.choose, t("debrief.handin_cancel")
        )
        if self.picker is not None:
            self.picker.keep()
        elif self.focus_index < 0:
            self.box.focus()
            self.focus_index = self.focus.index(self.box)

    def rebuild(self) -> None:
        if self.box is not None and self.box.alive():
            self.typed = self.box.get_text()  # what was typed survives a new language or window size
        super().rebuild()

    def table_name(self) -> str:
        """The name typed (or the default one)."""
        text = self.box.get_text() if self.box is not None and self.box.alive() else self.typed
        return " ".join(text.split()) or self.t("debrief.handin_default")

    def choose(self) -> None:
        """Remember the name and open the folder picker where the last table was handed in."""
        self.typed = self.table_name()
        settings = self.app.settings
        settings.table_name = self.typed
        start = Path(settings.handin_folder) if settings.handin_folder else default_folder()
        self.picker = FolderPicker(self, start, self.write, title=self.t("debrief.handin_picker"))

    def write(self, folder: Path) -> None:
        """The folder is chosen: write the file there, and say how it went."""
        self.picker = None
        game_log = self.debrief.game_log
        lang = self.app.settings.lang
        future = self.app.content.scenarios.get(str(game_log.data.get("scenario")))
        future_name = future.name.get(lang) if future is not None else str(game_log.data.get("scenario", ""))
        try:
            path = hand_in(game_log.data, self.typed, future_name, folder)
        except OSError as exc:
            log.warning("hand-in to %s failed: %s", folder, exc)
            self.error = problem_text(self.t, exc, folder)
            self.debrief.status = self.error
            self.app.dirty = True
            return
        log.info("table handed in: %s", path)
        self.app.settings.handin_folder = str(folder)
        save_settings(self.app.settings)
        self.debrief.status = self.t("debrief.handin_done", file=path.name, folder=folder.name or str(folder))
        self.app.pop()

    def handle(self, event: pygame.event.Event) -> bool:
        if self.picker is not None and self.picker.process_event(event):
            return True
        return super().handle(event)

    def key(self, event: pygame.event.Event) -> bool:
        if event.key in ENTER_KEYS and self.focus_index >= 0 and self.focus[self.focus_index] is self.box:
            self.choose()
            return True
        return super().key(event)

    def autoplay(self) -> None:
        self.back()

    def draw(self, painter) -> None:
        c = painter.c
        self.draw_head(painter)
        painter.text(self.label_rect, self.t("debrief.handin_name"), "body", bold=True)
        if self.error:
            painter.text(self.error_rect, self.error, "small", colour=c["bad"])
        self.draw_widgets(painter)
