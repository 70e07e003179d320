"""Compare tables: several tables' game logs (or a table and its what-if branch) side by side on the beamer.

Four steps on one screen: where the games are (this laptop's logs, the last hand-in folder, a folder chosen),
which of them (2-8 ticked in a list), reading them (in the background: each table's choices are tested in its
own future), and the comparison in six tabs. The lists live in `compare_pick`, the tabs in `compare_tabs` and
`compare_draw`; this module holds the screen's frame, the background work and the hall report.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import Optional

import pygame

from game.ui.jobs import Job
from game.ui.report_status import ReportStatus, game_process
from game.ui.scene import TabbedScene, tabbed_regions

from . import compare_draw, compare_pick, compare_tabs

log = logging.getLogger(__name__)

TABS = ("overview", "chart", "dilemmas", "coalitions", "choices", "questions")
TAB_KEYS = {getattr(pygame, f"K_{i + 1}"): i for i in range(len(TABS))}


def read_job(content, paths: list) -> Job:
    """Read and compare the logs in `paths` in the background (not started yet)."""

    def work(progress, cancelled):
        from game.analysis.compare import read_tables  # imported by the job's thread, not the screen

        return read_tables(content, paths, progress=progress, cancel=cancelled)

    return Job("compare", work)


def hall_report_process(paths: list, out: Path, lang: str, pack) -> object:
    """Start `compare --out` for these tables in a second process (the PDF's charts use pygame, which a thread
    must not); returns the process."""
    return game_process(["compare", *paths, "--out", out, "--lang", lang], pack)


class CompareScene(ReportStatus, TabbedScene):
    """Tables side by side: where from, which, and the comparison."""

    name = "compare"
    TABS = TABS
    WORDS = "compare"
    REPORT_KEYS = {
        "done": "compare.hall_done",
        "failed": "compare.hall_failed",
        "file": "compare.opened_file",
        "folder": "compare.opened_folder",
        "not_opened": "compare.open_failed",
    }

    def __init__(self, app, paths: Optional[list] = None) -> None:
        super().__init__(app)
        self.given = list(paths) if paths else None  # opened by the debrief's what-if with these files
        self.phase = "source"  # source -> pick -> reading -> view (or "failed": fewer than two tables)
        self.picks = compare_pick.Picks(app)
        self.picker = None  # the folder picker, while it is open
        self.job: Optional[Job] = None
        self.cmp = None
        self.cache: dict = {}  # (lang, what) -> analysis rows, so a frame never recomputes them
        self.tab = "overview"
        self.table_page = 0  # the first table shown is table_page * per page
        self.card = 0  # the dilemma card shown
        self.measure = 0  # the chart's number: progress, then the indicators
        self.status = ""
        self.message = ""  # what went wrong reading
        self.exporting = None  # the hall report's process while it runs
        self.export_path: Optional[Path] = None
        self.exported = False
        self.drawn = False
        self.reading_total = 0
        if self.given:
            self.read(self.given)

    # ----------------------------------------------------------------- layout
    def layout(self) -> dict:
        """The screen's regions: title, subtitle, tab bar, body, status line and the row of buttons."""
        return tabbed_regions(self.look, self.app.window.get_size(), self.phase == "view")

    def build(self) -> None:
        if self.picker is not None:
            self.picker.keep()  # the folder window stays through a rebuild
        regions = self.layout()
        if self.phase in ("source", "pick"):
            compare_pick.build(self, regions)
        elif self.phase == "view":
            self._build_view(regions)
        else:  # reading, failed
            self._row(regions["buttons"], [(self.t("common.back"), self.back, None)])
        if self.focus_index < 0 and self.focus:
            self.focus_index = 0

    def _build_view(self, regions: dict) -> None:
        self.tab_bar(regions["tabs"])
        report = (
            (self.t("compare.hall_open"), self._open_report, None)
            if self.exported
            else (self.t("compare.hall_report"), self.export, None)
        )
        items = [(self.t("common.back"), self.back, None), report]
        if self.given is None:
            items.insert(1, (self.t("compare.other_folder"), self.choose_again, None))
        self._row(regions["buttons"], items)
        for rect, text, callback, enabled in compare_tabs.buttons(self, regions["body"], regions["buttons"]):
            self.button(rect, text, callback, enabled=enabled)
        if self.focus_index < 0:
            self.focus_index = TABS.index(self.tab)

    def _row(self, row: pygame.Rect, items: list) -> None:
        """Buttons side by side from the left of `row`: (label, callback, style)."""
        x = row.left
        for label, callback, style in items:
            bw = self.fit(label, self.look.px(220), primary=style == "@primary")
            self.button(pygame.Rect(x, row.top, bw, row.height), label, callback, style)
            x += bw + self.look.px(16)

    # ----------------------------------------------------------------- steps
    def read(self, paths: list) -> None:
        """Compare these files or folders (in the background; the job starts after the next frame)."""
        self.phase = "reading"
        self.message = ""
        self.cmp = None
        self.cache = {}
        self.tab, self.table_page, self.card, self.measure = "overview", 0, 0, 0
        self.exported, self.export_path, self.status = False, None, ""
        from game.analysis.compare import MAX_TABLES, log_files

        self.reading_total = min(MAX_TABLES, len(log_files(paths)[0]))  # until the job knows how many it reads
        self.job = read_job(self.app.content, list(paths))
        if self.manager is not None:
            self.rebuild()
        self.app.dirty = True

    def _poll_job(self) -> bool:
        job = self.job
        if job is None or not job.started:
            return False
        if not job.finished:
            return True  # the progress bar moves
        self.job = None
        if job.error is not None:
            self.phase = "failed"
            self.message = self.t("compare.read_failed", error=str(job.error) or type(job.error).__name__)
        elif len(job.result.tables) < 2:
            self.phase = "failed"
            self.cmp = job.result
            self.message = self.t("compare.too_few")
        else:
            self.phase = "view"
            self.cmp = job.result
        self.focus_index = -1
        self.rebuild()
        return True

    def choose_again(self) -> None:
        """Back to the list of games (or where they are)."""
        self._cancel()
        self.phase = "pick" if self.picks.folder is not None else "source"
        self.focus_index = -1
        self.rebuild()
        self.app.dirty = True

    def turn(self, what: str, step: int, count: int) -> None:
        """Page on: the tables shown, the dilemma card or the chart's number (`count` of them)."""
        setattr(self, what, max(0, min(count - 1, getattr(self, what) + step)))
        self.rebuild()
        self.app.dirty = True

    def analysed(self):
        return self.cmp

    # ----------------------------------------------------------------- the hall report
    def export(self) -> None:
        """Write the hall report (PDF) to the reports folder, in a second process."""
        if self.exporting is not None:
            return
        from game.paths import user_dir

        try:
            self.export_path = user_dir("reports") / f"zaalverslag-{datetime.now():%Y%m%dT%H%M%S}.pdf"
            paths = [t.path for t in self.cmp.tables]
            self.exporting = hall_report_process(paths, self.export_path, self.app.settings.lang, self.app.pack)
        except OSError as exc:
            self._exported(1, exc.strerror or str(exc))
            return
        self.status = self.t("compare.hall_busy")
        self.app.dirty = True

    def _poll_export(self) -> None:
        proc = self.exporting
        if proc.poll() is None:
            return
        self.exporting = None
        _, err = proc.communicate()
        lines = [line for line in (err or "").splitlines() if line.strip() and not line.startswith("skipped:")]
        self._exported(proc.returncode, lines[-1] if lines else "")

    # ----------------------------------------------------------------- leaving
    def _cancel(self) -> None:
        if self.job is not None and not self.job.finished:
            self.job.cancel()
        self.job = None

    def back(self) -> None:
        """One step back: from the comparison to the list, from the list to where; else to where it came from."""
        if self.picker is not None and self.picker.is_open:
            self.picker.close()
            self.picker = None
            self.app.dirty = True
            return
        if self.given is None and self.phase in ("view", "reading", "failed"):
            self.choose_again()
        elif self.phase == "pick":
            self.phase = "source"
            self.focus_index = -1
            self.rebuild()
            self.app.dirty = True
        else:
            self._cancel()
            if len(self.app.stack) > 1 and self.app.top is self:
                self.app.pop()  # opened over the debrief: back to it
            else:
                from game.ui.scenes.menu import MenuScene

                self.app.goto(MenuScene(self.app))

    def leave(self) -> None:
        self._cancel()
        super().leave()

    # ----------------------------------------------------------------- events and frames
    def handle(self, event: pygame.event.Event) -> bool:
        picker = self.picker
        if picker is not None:
            # the picker first: while its window is open it takes every event; after OK its choice still
            # comes as an event, so it is kept until it has no window left at all
            used = picker.process_event(event)
            if picker.dialog is None and self.picker is picker:
                self.picker = None
            if used:
                return True
        return super().handle(event)

    def key(self, event: pygame.event.Event) -> bool:
        if self.phase == "view":
            if event.key in TAB_KEYS:
                self.select(TABS[TAB_KEYS[event.key]])
                return True
            if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
                step = 1 if event.key == pygame.K_PAGEDOWN else -1
                self.select(TABS[(TABS.index(self.tab) + step) % len(TABS)])
                return True
        return super().key(event)

    def update(self, dt: float) -> bool:
        changed = super().update(dt)
        if self.job is not None and not self.job.started and self.drawn:
            self.job.start()  # after the first frame: "reading" is on screen before the work takes the time
        changed = self._poll_job() or changed
        if self.exporting is not None:
            self._poll_export()
        return changed

    def shot_name(self) -> str:
        return f"compare-{self.phase}" if self.phase != "view" else f"compare-{self.tab}"

    def draw(self, painter) -> None:
        self.drawn = True
        c = painter.c
        painter.surface.fill(c["bg"])
        regions = self.layout()
        painter.text(regions["title"], self.t("compare.title"), "heading", min_kind="large")
        sub = compare_draw.subtitle(self)
        if sub:
            painter.text(regions["sub"], sub, "body", colour=c["muted"], min_kind="small")
        body = regions["body"]
        if self.phase in ("source", "pick"):
            compare_pick.draw(self, painter, body)
        elif self.phase == "reading":
            compare_draw.draw_reading(self, painter, body)
        elif self.phase == "failed":
            compare_draw.draw_failed(self, painter, body)
        else:
            compare_tabs.draw(self, painter, body, regions["buttons"])
        if self.status:
            painter.text(regions["status"], self.status, "small", colour=c["muted"], min_kind="small")
        self.draw_widgets(painter)
