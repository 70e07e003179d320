"""The debrief: the point of the game. Seven tabs read from the game log, the wind tunnel, and the report.

When the debrief opens, the game's log is written to the logs folder (once per game) and the wind tunnel
starts in the background, so its answer is usually ready by the time the group reaches its tab. The tabs'
drawings live in `debrief_tabs`; this module holds the screen's frame: title, tab bar, buttons, status line.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Optional

import pygame

from game.analysis.debrief import Story, headline
from game.analysis.gamelog import GameLog, build_log, write_log
from game.ui.jobs import Job
from game.ui.report_status import ReportStatus, game_process
from game.ui.scene import TabbedScene, tabbed_regions
from game.words import shown_path

from . import debrief_tabs

log = logging.getLogger(__name__)

TABS = ("outcome", "timeline", "charts", "coalition", "knobs", "windtunnel", "reflection")
TAB_KEYS = {getattr(pygame, f"K_{i + 1}"): i for i in range(len(TABS))}
# "Game log saved: logs/…" is news, not something the group needs while it talks: it shows this long, then
# the status line is empty again (a failure to save, and the export's lines, stay)
NEWS_SECONDS = 6.0


def session_log(app) -> tuple:
    """(GameLog, message): the session's log, written to the logs folder the first time it is asked for.

    Writing can fail (a full disk, a read-only folder); the debrief still works from the log in memory and
    the message says what went wrong."""
    session = app.session
    cached = getattr(session, "game_log", None)
    if cached is not None:
        return cached, getattr(session, "log_message", "")
    state = session.state
    data = build_log(
        app.content,
        session.setup,
        state.actions,
        lang=app.settings.lang,
        mode=session.mode,
        ended_early=session.ended_early,
        started=session.started,
    )
    session.game_log = GameLog(None, data, session.setup, list(state.actions), state, True)
    write_pending_log(app)
    return session.game_log, session.log_message


def write_pending_log(app) -> bool:
    """Write the session's game log if it has not reached the disk yet; True when it is there.

    Tried when the debrief opens, then on a timer and on quitting while it fails (a full disk that gets room
    again still gets its log); the message under the debrief says where it went or why not."""
    session = app.session
    game_log = getattr(session, "game_log", None)
    if game_log is None or game_log.path is not None:
        return True
    try:
        game_log.path = write_log(game_log.data)
    except OSError as exc:
        message = app.t("debrief.log_failed", error=exc.strerror or str(exc))
        if getattr(session, "log_message", "") != message:
            log.warning("game log not written: %s", exc)
        session.log_message = message
        return False
    session.log_message = app.t("debrief.log_saved", path=shown_path(game_log.path))
    log.info("game log written: %s", game_log.path)
    return True


def windtunnel_job(content, game_log: GameLog, games: int, start: bool = True) -> Job:
    """The wind tunnel for this game, started in the background (or not yet, with `start=False`)."""

    def work(progress, cancelled):
        from game.analysis.windtunnel import run_windtunnel  # imported by the job's thread, not the screen

        return run_windtunnel(content, game_log, games=games, progress=progress, cancel=cancelled)

    job = Job("windtunnel", work)
    return job.start() if start else job


def _report_process(game_log: GameLog, out, lang: str, job: Optional[Job], pack):
    """Start `report` for this game's log in a second process; returns (process, temp files to remove)."""
    import json
    import tempfile

    args = ["report", "--log", game_log.path, "--out", out, "--lang", lang]
    extra = []
    if job is not None and job.ok:  # the wind tunnel has run already: hand its result over
        handle, name = tempfile.mkstemp(prefix="windtunnel-", suffix=".json")
        with open(handle, "w", encoding="utf-8") as stream:
            json.dump(job.result.to_json(), stream, ensure_ascii=False)
        extra.append(Path(name))
        args += ["--windtunnel", name]
    return game_process(args, pack), extra


class DebriefScene(ReportStatus, TabbedScene):
    """Where the conversation starts."""

    name = "debrief"
    TABS = TABS
    WORDS = "debrief"
    REPORT_KEYS = {
        "done": "debrief.export_done",
        "failed": "debrief.export_failed",
        "file": "debrief.opened_file",
        "folder": "debrief.opened_folder",
        "not_opened": "debrief.open_failed",
    }

    def __init__(self, app, game_log: Optional[GameLog] = None, tab: str = "outcome") -> None:
        super().__init__(app)
        self.shown = 0.0
        self.tab = tab
        if game_log is None:
            game_log, self.status = session_log(app)
        else:
            self.status = ""
        self.game_log = game_log
        self.story = Story(app.content, game_log)
        self.cache: dict = {}  # (lang, what) -> analysis, so a frame never recomputes it
        session = app.session
        self.job: Optional[Job] = getattr(session, "windtunnel", None) if session is not None else None
        if self.job is None:
            # started once the screen is up (see `update`): a thread playing games from the first moment would
            # take the interpreter from the screen's first frame, which then takes twice as long
            self.job = windtunnel_job(app.content, game_log, app.options.windtunnel_games, start=False)
            if session is not None:
                session.windtunnel = self.job  # a rebuilt debrief (e.g. after a language change) reuses it
        self.answer_shown = False  # the wind tunnel's finished answer has been drawn
        self.export_pending = 0  # frames still to draw before an in-process export
        self.exporting = None  # (the report process, temp files) while one runs
        self.export_path = None
        self.exported = False  # the report is written: its button opens it
        self.autoplay_seen: set = set()
        self.page = 0  # timeline page, when there are more rounds than fit
        self.drawn = False  # the first frame is on screen
        self.status_seen = (self.status, 0.0)  # the status line's text and how long it has shown

    # ----------------------------------------------------------------- layout
    def layout(self) -> dict:
        """The screen's regions for the current window."""
        return tabbed_regions(self.look, self.app.window.get_size())

    def build(self) -> None:
        regions = self.layout()
        self.tab_bar(regions["tabs"])
        row = regions["buttons"]
        labels = [
            (self.t("debrief.menu"), self._menu, None),
            (self.t("debrief.open_report"), self._open_report, None)
            if self.exported
            else (self.t("debrief.export"), self.export, None),
            (self.t("debrief.new_game"), self._new, "@primary"),
            (self.t("debrief.handin"), self._hand_in, None),
        ]
        if self.game_log.branch is None:  # a what-if is made from a table's own game, not from another what-if
            labels.append((self.t("debrief.whatif"), self._what_if, None))
        labels.append((self.t("menu.quit"), self.app.quit, None))
        widths, gap = self._row_widths(labels, row.width)
        x = row.left
        # (Quit is left out when there is no room for it)
        for k, ((label, callback, style), bw) in enumerate(zip(labels, widths, strict=False)):
            if k == len(labels) - 1:
                x = row.right - bw  # Quit stands apart, at the right
            self.button(pygame.Rect(x, row.top, bw, row.height), label, callback, style)
            x += bw + gap
        for extra in debrief_tabs.buttons(self, regions["body"]):
            self.button(*extra)
        if self.focus_index < 0:
            self.focus_index = TABS.index(self.tab)

    def _row_widths(self, labels: list, room: int) -> tuple:
        """(the buttons' widths, the gap between them): roomy where the row allows, else as narrow as their words,
        else without the last one (Quit), never overlapping."""
        look = self.look

        def widths(minimum: int, n: int) -> list:
            return [self.fit(label, minimum, primary=style is not None) for label, _, style in labels[:n]]

        for minimum, gap, n in ((look.px(240), look.px(16), len(labels)), (0, look.px(10), len(labels))):
            found = widths(minimum, n)
            if sum(found) + gap * n <= room:  # n - 1 gaps, and one more before Quit
                return found, gap
        return widths(0, len(labels) - 1), look.px(10)

    # ----------------------------------------------------------------- actions
    def tab_changed(self) -> None:
        self.page = 0  # a tab's pages start at its first

    def analysed(self):
        return self.story

    def export(self) -> None:
        """Write the printable report to the documents folder. It is made by a second process of the game
        (`report --log ...`), so the screen stays responsive for the second or two that takes; without a log
        file on disk it is made here, after the screen has said so."""
        if self.exporting is not None or self.export_pending:
            return  # one at a time
        self.status = self.t("debrief.export_busy")
        self.app.dirty = True
        from game.analysis.gamelog import default_report_path  # not from report: that one loads fpdf2 (slow)

        self.export_path = default_report_path(self.game_log.data)
        if self.game_log.path is None:
            self.export_pending = 2  # frames to draw first, so "busy" is on screen before the wait
            return
        try:
            self.exporting = _report_process(
                self.game_log, self.export_path, self.app.settings.lang, self.job, self.app.pack
            )
        except OSError as exc:
            self.exporting = None
            self._exported(1, str(exc))

    def _poll_export(self) -> None:
        proc, extra = self.exporting
        if proc.poll() is None:
            return
        self.exporting = None
        _, err = proc.communicate()
        for path in extra:
            path.unlink(missing_ok=True)
        lines = [line for line in (err or "").splitlines() if line.strip()]
        self._exported(proc.returncode, lines[-1] if lines else "")

    def _export_now(self) -> None:
        from game.export.report import write_report

        self.export_pending = 0
        job = self.job
        if job is not None and not job.finished:
            job.wait(30)
        result = job.result if job is not None and job.ok else None
        try:
            write_report(
                self.app.content, self.game_log, self.export_path, self.app.settings.lang, windtunnel_result=result
            )
        except OSError as exc:
            self._exported(1, exc.strerror or str(exc))
        else:
            self._exported(0, "")

    def _hand_in(self) -> None:
        """The panel that writes this table's log, with its name, to a folder the trainer collects from."""
        from .debrief_handin import HandInScene

        self.app.push(HandInScene(self.app, self))

    def _what_if(self) -> None:
        """The panel that plays this game on in another future from a chosen round."""
        from .debrief_whatif import WhatIfScene

        self.app.push(WhatIfScene(self.app, self))

    def _menu(self) -> None:
        from game.ui.scenes.menu import MenuScene

        self._close()
        self.app.goto(MenuScene(self.app))

    def _new(self) -> None:
        from game.ui.scenes.setup import SetupScene

        self._close()
        self.app.goto(SetupScene(self.app))

    def _close(self) -> None:
        if self.job is not None and not self.job.finished:
            self.job.cancel()
        self.app.session = None

    def back(self) -> None:
        self._menu()

    def leave(self) -> None:
        if self.job is not None and not self.job.finished and self.app.session is None:
            self.job.cancel()
        super().leave()

    def key(self, event: pygame.event.Event) -> bool:
        if event.key in TAB_KEYS:
            self.select(TABS[TAB_KEYS[event.key]])
            return True
        if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            step = 1 if event.key == pygame.K_PAGEDOWN else -1
            self.select(TABS[(TABS.index(self.tab) + step) % len(TABS)])
            return True
        return super().key(event)

    # ----------------------------------------------------------------- frame
    def status_line(self) -> str:
        """The status line as drawn now: the status, except that the game log's "saved" news has gone after
        `NEWS_SECONDS` (its text stays in `status` for whoever asks)."""
        path = self.game_log.path
        news = path is not None and self.status == self.t("debrief.log_saved", path=shown_path(path))
        text, age = self.status_seen
        if news and text == self.status and age >= NEWS_SECONDS:
            return ""
        return self.status

    def _age_status(self, dt: float) -> bool:
        """Time the status line; True when the news just went (the frame must be drawn again)."""
        text, age = self.status_seen
        if text != self.status:
            self.status_seen = (self.status, 0.0)
            return False
        before = self.status_line()
        self.status_seen = (text, age + dt)
        return before != self.status_line()

    def update(self, dt: float) -> bool:
        moved = super().update(dt)  # a scrolled text, a tooltip
        moved = self._age_status(dt) or moved
        self.shown += dt
        self._start_job()
        if self.exporting is not None:
            self._poll_export()
        if self.export_pending == 1:
            self._export_now()
            return True
        changed = moved
        if self.job is not None and self.tab == "windtunnel":
            changed = changed or not self.answer_shown  # the progress bar moves, then the answer is drawn once
        opts = self.app.options
        tour = opts.autoplay and opts.screenshots is not None  # autoplay shows every tab only to photograph it
        if opts.quit_after_debrief and not tour and self.shown > 0.2:
            self.app.quit(0)
        return changed

    def autoplay(self) -> None:
        """Show every tab once (the wind tunnel's when it has its answer), then quit if asked to."""
        if self.tab == "windtunnel" and not self.answer_shown:
            return  # wait until the wind tunnel's answer has been on screen (and in the screenshot)
        self.autoplay_seen.add(self.tab)
        remaining = [t for t in TABS if t not in self.autoplay_seen]
        if remaining:
            self.select(remaining[0])
        elif self.app.options.quit_after_debrief:
            self.app.quit(0)

    def shot_name(self) -> str:
        if self.tab == "windtunnel" and self.job is not None and not self.job.finished:
            return ""  # the screenshot waits for the answer
        return f"debrief-{self.tab}"

    def _start_job(self) -> None:
        """Start the wind tunnel after the screen's first frame."""
        if self.drawn and self.job is not None and not self.job.started:
            self.job.start()

    def draw(self, painter) -> None:
        self._start_job()  # under an overlay (e.g. F2 in the first frame) the debrief is drawn, not updated
        self.drawn = True
        if self.export_pending > 1:
            self.export_pending -= 1
        if self.tab == "windtunnel" and (self.job is None or self.job.finished):
            self.answer_shown = True
        c = painter.c
        lang = self.app.settings.lang
        painter.surface.fill(c["bg"])
        regions = self.layout()
        story = self.story
        result = story.outcome.result
        colour = {"realised": c["good"], "partly": c["warn"], "unfair": c["warn"]}.get(result, c["bad"])
        title, sub = headline(story, lang)
        painter.text(regions["title"], title, "heading", colour=colour, min_kind="large")
        painter.text(regions["sub"], sub, "body", min_kind="small")
        debrief_tabs.draw(self, painter, regions["body"])
        status = self.status_line()
        if status:
            painter.text(regions["status"], status, "small", colour=c["muted"], min_kind="tiny")
        self.draw_widgets(painter)
