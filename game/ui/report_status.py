"""What a screen says about a report it had written (the debrief's report, the compare screen's zaalverslag),
and opening it: one way for both, with each screen's own words."""

from __future__ import annotations

import logging

from game.words import shown_path

log = logging.getLogger(__name__)

REPORT_NICENESS = 10  # a report process's lower priority (POSIX; on Windows: below normal)


def game_process(args: list, pack=None):
    """`python -m game ARGS` (the built program is its own command line) in a second process, with the content
    pack, below the screens' priority (a report is background work: the screens come first when the laptop's
    cores are busy) and without a console window on Windows; returns the process (stderr piped)."""
    import os
    import subprocess
    import sys

    command = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "game"]
    command += [str(a) for a in args]
    if pack:
        command += ["--content", str(pack)]
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) | getattr(subprocess, "BELOW_NORMAL_PRIORITY_CLASS", 0)
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, creationflags=flags)
    if hasattr(os, "setpriority"):
        try:
            os.setpriority(os.PRIO_PROCESS, proc.pid, REPORT_NICENESS)
        except OSError:
            pass  # it runs at normal priority then
    return proc


class ReportStatus:
    """For a scene with `export_path`, `exported` and `status`. `REPORT_KEYS` holds its catalogue keys for
    "done", "failed", "file", "folder" (opened) and "not_opened"."""

    REPORT_KEYS: dict = {}

    def _exported(self, code: int, error: str) -> None:
        """The second process (or the writing here) ended with `code`: say where the report is, or why not."""
        keys = self.REPORT_KEYS
        if code == 0 and self.export_path is not None and self.export_path.is_file():
            self.status = self.t(keys["done"], path=shown_path(self.export_path))
            log.info("%s written: %s", self.name, self.export_path)
            self.exported = True
            self.rebuild()
        else:
            self.status = self.t(keys["failed"], error=error.rpartition(": ")[2] or error or code)
            log.warning("%s: report not written: %s", self.name, error)
        self.app.dirty = True

    def _open_report(self) -> None:
        """Open the report written (its folder when this computer has no PDF viewer), and say which."""
        from game.ui.opener import open_file_or_folder

        opened = open_file_or_folder(self.export_path)
        key = self.REPORT_KEYS.get({"file": "file", "folder": "folder"}.get(opened, "not_opened"))
        self.status = self.t(key, path=shown_path(self.export_path))
        self.app.dirty = True
