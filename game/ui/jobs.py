"""Work that runs beside the screens (the wind tunnel): a thread with progress, a result, and a way to stop it.

Only pure Python runs in a job — the engine and the bots — never pygame: SDL's drawing and fonts are not safe
to use from two threads. The screen polls `fraction` and `finished` each frame, so it stays responsive.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Optional

log = logging.getLogger(__name__)


class Job:
    """One piece of background work: `work(progress, cancelled)` returns the result."""

    def __init__(self, name: str, work: Callable[[Callable[[int, int], None], Callable[[], bool]], Any]) -> None:
        self.name = name
        self.work = work
        self.done = 0
        self.total = 0
        self.result: Any = None
        self.error: Optional[BaseException] = None
        self.finished = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"job-{name}", daemon=True)
        self.started = False

    def start(self) -> Job:
        """Start the work (once; a second call does nothing); returns the job."""
        if not self.started:
            self.started = True
            self._thread.start()
        return self

    def _progress(self, done: int, total: int) -> None:
        self.done, self.total = done, total

    def _run(self) -> None:
        try:
            self.result = self.work(self._progress, self._stop.is_set)
        except BaseException as exc:  # noqa: BLE001 - a job reports its failure to the screen, never kills the game
            if not self._stop.is_set():
                log.exception("background job %s failed", self.name)
            self.error = exc
        finally:
            self.finished = True

    @property
    def fraction(self) -> float:
        """How far the work is, 0..1."""
        if self.finished:
            return 1.0
        return self.done / self.total if self.total else 0.0

    @property
    def ok(self) -> bool:
        """Finished with a result."""
        return self.finished and self.error is None

    def cancel(self) -> None:
        """Ask the work to stop (it checks between games)."""
        self._stop.set()

    def wait(self, timeout: Optional[float] = None) -> bool:
        """Wait for the work to end (starting it, if it was not yet); True when it has."""
        self.start()
        self._thread.join(timeout)
        return self.finished
