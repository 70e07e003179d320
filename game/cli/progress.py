"""A progress bar for the commands that play many games (simulate, windtunnel, report)."""

from __future__ import annotations

import sys


class ProgressBar:
    """A one-line progress bar on a terminal (stderr); silent when stderr is not a terminal."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.active = sys.stderr.isatty()

    def __call__(self, step: int) -> None:
        self.done += step
        if self.active and (self.done % 50 == 0 or self.done == self.total):
            width = 30
            filled = int(width * self.done / self.total)
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} games")
            if self.done == self.total:
                sys.stderr.write("\n")
            sys.stderr.flush()


def progress_callback():
    """A `progress(done, total)` callback that draws a ProgressBar on a terminal's stderr, else None."""
    if not sys.stderr.isatty():
        return None
    bar: ProgressBar | None = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = ProgressBar(total)
        bar(done - bar.done)

    return progress
