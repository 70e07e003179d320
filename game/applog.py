"""The program's own log file (vitale-coalities.log): size-capped, and quiet when the disk is full.

A full disk must not flood the terminal: the standard handler prints "--- Logging error ---" and a traceback for
every line it cannot write (thousands in one game). This handler says it once, on one line, goes quiet, and
notes in the file when writing works again. The file rotates at a fixed size, so a laptop used for years does
not collect an ever-growing log.
"""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_NAME = "vitale-coalities.log"
MAX_BYTES = 1_000_000  # one file; with the backups at most 4 MB in all
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class QuietRotatingHandler(RotatingFileHandler):
    """A rotating log file that reports a failure to write once (one stderr line) instead of at every line."""

    def __init__(self, path: Path, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> None:
        super().__init__(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8", delay=True)
        self.failing = False  # the last write failed: quiet until one works
        self._failed_now = False

    def emit(self, record: logging.LogRecord) -> None:
        was_failing = self.failing
        self._failed_now = False
        super().emit(record)
        if was_failing and not self._failed_now:
            self.failing = False
            note = logging.LogRecord(__name__, logging.WARNING, __file__, 0, "", None, None)
            note.msg = "the log could not be written for a while (disk full or not writable); it works again"
            super().emit(note)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        self._failed_now = True
        error = sys.exc_info()[1]
        self._drop_stream()
        if self.failing:
            return
        self.failing = True
        reason = getattr(error, "strerror", None) or error or "unknown error"
        try:
            sys.stderr.write(
                f"Vitale Coalities: the log file {self.baseFilename} cannot be written ({reason}); "
                "the game goes on and logs again when it can.\n"
            )
        except (OSError, ValueError):
            pass

    def _drop_stream(self) -> None:
        """Forget the file after a failed write: what is buffered cannot be written, and the next line opens it
        afresh (so a disk with room again gets whole lines, not the remains of a failed buffer)."""
        stream, self.stream = self.stream, None
        if stream is not None:
            try:
                stream.close()
            except (OSError, ValueError):
                pass


def log_handler(folder: Path | None) -> logging.Handler:
    """The handler for the app log in `folder`, or one to stderr when there is no folder to write in."""
    if folder is None:
        handler: logging.Handler = logging.StreamHandler(sys.stderr)
    else:
        handler = QuietRotatingHandler(Path(folder) / LOG_NAME)
    handler.setFormatter(logging.Formatter(FORMAT))
    return handler
