"""Benchmark: resident memory after the window took many sizes (budget: <= 300 MB after 500 sizes, median).

The game scales every text with the window, so each new window size makes fonts (ours and pygame_gui's),
wrapped lines and rendered text at new pixel sizes. This checks that they do not pile up: one app under the
dummy video driver, a game on the table screen (a human seat's turn, round 2, as `tests/screens.py` opens
it), then SIZES random window sizes between 800x600 and 3840x2160 (a fixed seed), each posted as a
`pygame.VIDEORESIZE` event and handled by one `app.step(1/30)` - the real loop: the resize, the table's
rebuild in the new look and its first draw. The figure is the process's resident memory (VmRSS of
/proc/self/status, MiB) after the last size and a garbage collection; the details give it before the first
resize, its peak (VmHWM) and the fonts and caches held at the end, and the time per resize (median, max).

Each run is its own subprocess (so the memory of whatever ran before in `bench/run.py` does not count).
MB here means MiB. Without /proc (macOS) both figures are the peak (`ru_maxrss`).

    python bench/resize_memory.py [--runs N] [--sizes N] [--seed N] [--json]
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, arguments, child_env, emit, spread, verdict  # noqa: E402

BUDGET_MB = 300.0
SIZES = 500
SMALLEST = (800, 600)
LARGEST = (3840, 2160)
START = (1920, 1080)
DT = 1 / 30


def _status_mb(field: str) -> float:
    """A memory line of /proc/self/status (VmRSS, VmHWM) in MiB; without /proc (macOS) the peak for both."""
    status = Path("/proc/self/status")
    if not status.exists():
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # bytes on macOS
        return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)
    for line in status.read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024  # kB
    raise RuntimeError(f"{field} not in /proc/self/status")


def caches(app) -> dict:
    """How much the caches that depend on the window's size hold now: ours, pygame_gui's fonts and shadows."""
    from game.export import draw, look
    from game.ui import scrolltext

    held = {
        "theme_fonts": look.font.cache_info().currsize,
        "wrapped": draw._wrapped.cache_info().currsize,
        "rendered": draw._rendered.cache_info().currsize,
        "icons": draw.load_icon.cache_info().currsize,
        "scrolltext_layouts": scrolltext.layout.cache_info().currsize,
        "managers": len(app.managers),
    }
    if app.theme is not None:
        held["gui_fonts"] = len(app.theme.get_font_dictionary().loaded_fonts)
        held["gui_shadows"] = len(app.theme.get_shadow_generator().short_term_rect_cache)
    return held


def in_process(sizes: int, seed: int) -> dict:
    """One run in this process: the app, the table, `sizes` random window sizes; memory before and after."""
    from common import headless

    headless()
    import pygame

    from tests.screens import open_screen
    from tests.ui_driver import new_app

    app = new_app(size=START)
    open_screen(app, "table")
    for _ in range(3):
        app.step(DT)
    gc.collect()
    before = _status_mb("VmRSS")
    rng = random.Random(seed)
    seconds = []
    for _ in range(sizes):
        w, h = rng.randint(SMALLEST[0], LARGEST[0]), rng.randint(SMALLEST[1], LARGEST[1])
        pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=(w, h), w=w, h=h))
        start = time.perf_counter()
        app.step(DT)
        seconds.append(time.perf_counter() - start)
        if app.window.get_size() != (w, h):
            raise RuntimeError(f"the window is {app.window.get_size()} after a resize to {(w, h)}")
    gc.collect()
    return {
        "before_mb": round(before, 1),
        "after_mb": round(_status_mb("VmRSS"), 1),
        "peak_mb": round(_status_mb("VmHWM"), 1),
        "resize_ms_median": round(statistics.median(seconds) * 1000, 1),
        "resize_ms_max": round(max(seconds) * 1000, 1),
        "caches": caches(app),
    }


def one_run(sizes: int, seed: int) -> dict:
    """`in_process` in a fresh subprocess of this script (its figures as JSON on stdout)."""
    with tempfile.TemporaryDirectory(prefix="vc-bench-resize-") as home:
        done = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--in-process", "--sizes", str(sizes), "--seed", str(seed)],
            cwd=ROOT,
            env=child_env(home),
            capture_output=True,
            text=True,
            timeout=1800,
        )
    if done.returncode != 0:
        raise RuntimeError(f"resize_memory.py --in-process exited {done.returncode}: {done.stderr.strip()[-500:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(runs: int, sizes: int = SIZES, seed: int = 1) -> dict:
    """Median, min and max RSS (MiB) after `sizes` window sizes, over `runs` subprocesses (seeds seed, seed+1...)."""
    results = [one_run(sizes, seed + i) for i in range(runs)]
    out = spread([r["after_mb"] for r in results], 1)
    return dict(
        out,
        budget=BUDGET_MB,
        sizes=sizes,
        before_mb=statistics.median(r["before_mb"] for r in results),
        peak_mb=max(r["peak_mb"] for r in results),
        resize_ms_median=statistics.median(r["resize_ms_median"] for r in results),
        resize_ms_max=max(r["resize_ms_max"] for r in results),
        caches=results[-1]["caches"],
    )


def main() -> int:
    options = {
        "--runs": {"type": int, "default": 1},
        "--sizes": {"type": int, "default": SIZES},
        "--seed": {"type": int, "default": 1},
        "--in-process": {"action": "store_true", "help": argparse.SUPPRESS},  # one run, here (see one_run)
    }
    args = arguments(__doc__, options)
    if args.in_process:
        print(json.dumps(in_process(args.sizes, args.seed)))
        return 0
    f = measure(args.runs, args.sizes, args.seed)
    return emit(
        args.json,
        {"resize_rss_mb": f},
        f"resize_rss_mb  median {f['median']} MB after {f['sizes']} window sizes (min {f['min']}, max {f['max']}, "
        f"{f['runs']} runs; {f['before_mb']} MB before, peak {f['peak_mb']} MB; a resize {f['resize_ms_median']} ms, "
        f"max {f['resize_ms_max']} ms; held at the end: {f['caches']}; budget {BUDGET_MB:.0f} MB: "
        f"{verdict(f['median'], BUDGET_MB)})",
    )


if __name__ == "__main__":
    sys.exit(main())
