"""Benchmark: the p95 frame time of each screen in the real loop (budget: <= 4 ms per screen, median of runs).

Each screen is brought up with the tests' helper (`tests/screens.py`: `open_screen`) in a 1920x1080 window
under the dummy video driver; after WARMUP frames (what the opening left queued), FRAMES calls of
`app.step(1/30)` are timed one by one: events, the screen's update, and a redraw only when something changed,
as the game runs. With no input most of those frames draw nothing; the count of frames that did redraw is
reported. As extra information the p95 of a forced full redraw (`app.draw()`, DRAWS per run, pooled over the
runs) is reported: that is what every frame costs while the mouse moves over a screen (every motion redraws).

Screens: menu, setup, trend, table (a human seat's turn in round 2), action (the invest step open), coalition
(the propose step), summary (the end of round 1) and the seven debrief tabs (the wind tunnel's 12 games,
which tests/screens.py sets, finished first). Extra, without a budget: `debrief_windtunnel_running` - the
wind tunnel tab while a real 300-game wind tunnel runs in its background thread (it shares the GIL).

    python bench/frames.py [--runs N] [--frames N] [--draws N] [--only SCREEN,...] [--json]
"""

from __future__ import annotations

import gc
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import arguments, headless, p95, progress, spread  # noqa: E402

headless()

BUDGET_MS = 4.0
SIZE = (1920, 1080)
DT = 1 / 30  # the game's FPS
WARMUP = 10
# the figure's screen name -> tests/screens.py's name
SCREENS = {
    "menu": "menu",
    "setup": "setup",
    "trend": "trend",
    "table": "table",
    "action": "action_invest",
    "coalition": "coalition_propose",
    "summary": "summary",
    "debrief_outcome": "debrief",
    "debrief_timeline": "debrief_timeline",
    "debrief_charts": "debrief_charts",
    "debrief_coalition": "debrief_coalition",
    "debrief_knobs": "debrief_knobs",
    "debrief_windtunnel": "debrief_windtunnel",
    "debrief_reflection": "debrief_reflection",
}
RUNNING = "debrief_windtunnel_running"


def settle(app) -> None:
    """Let the background wind tunnel of a debrief finish (it would take the GIL from the frames)."""
    for scene in app.stack:
        job = getattr(scene, "job", None)
        if job is not None and not job.finished:
            assert job.wait(300), "the wind tunnel did not finish"


class DrawCounter:
    """Counts `app.draw` calls while installed (on the instance only)."""

    def __init__(self, app) -> None:
        self.app = app
        self.count = 0
        self._draw = app.draw

    def __enter__(self) -> DrawCounter:
        def counted() -> None:
            self.count += 1
            self._draw()

        self.app.draw = counted
        return self

    def __exit__(self, *exc) -> None:
        del self.app.draw


def step_times(app, frames: int) -> tuple[list, int]:
    """(milliseconds of each of `frames` loop passes, how many of them redrew)."""
    for _ in range(WARMUP):
        app.step(DT)
    gc.collect()
    times = []
    clock = time.perf_counter
    with DrawCounter(app) as counter:
        for _ in range(frames):
            start = clock()
            app.step(DT)
            times.append((clock() - start) * 1000)
    return times, counter.count


def draw_times(app, frames: int) -> list:
    """Milliseconds of `frames` forced full redraws."""
    gc.collect()
    times = []
    clock = time.perf_counter
    for _ in range(frames):
        start = clock()
        app.draw()
        times.append((clock() - start) * 1000)
    return times


def running_windtunnel(app, frames: int) -> dict:
    """The wind tunnel tab's frames while a real (300-game) wind tunnel runs beside them."""
    from game.ui.scenes.debrief import windtunnel_job
    from tests.screens import open_screen

    open_screen(app, "debrief")
    settle(app)
    scene = app.top
    games = 300
    scene.job = app.session.windtunnel = windtunnel_job(app.content, scene.game_log, games)
    scene.select("windtunnel")
    app.step(DT)
    times = []
    clock = time.perf_counter
    with DrawCounter(app) as counter:
        while not scene.job.finished and len(times) < frames:
            start = clock()
            app.step(DT)
            times.append((clock() - start) * 1000)
    finished = scene.job.finished
    scene.job.cancel()
    settle(app)
    return {
        "p95": round(p95(times), 2),
        "median_frame": round(statistics.median(times), 2),
        "max_frame": round(max(times), 2),
        "frames": len(times),
        "redraws": counter.count,
        "job_finished_within": finished,
        "games": games,
    }


def measure(runs: int, frames: int, draws: int, only=None, running: bool = True) -> dict:
    """Per screen: median, min and max over `runs` of the p95 step time, and the pooled forced-draw p95."""
    from tests.screens import open_screen
    from tests.ui_driver import new_app

    names = [n for n in SCREENS if not only or n in only]
    app = new_app(size=SIZE)
    p95s = {n: [] for n in names}
    redraws = {n: 0 for n in names}
    forced = {n: [] for n in names}
    for run in range(runs):
        for name in names:
            open_screen(app, SCREENS[name])
            settle(app)
            times, drew = step_times(app, frames)
            p95s[name].append(p95(times))
            redraws[name] += drew
            forced[name] += draw_times(app, draws)
        progress(f"  frames: run {run + 1}/{runs} done")
    out = {}
    for name in names:
        out[name] = dict(
            spread(p95s[name], 3),
            budget=BUDGET_MS,
            frames=frames,
            redraws=redraws[name],
            forced_draw_p95=round(p95(forced[name]), 2) if forced[name] else None,
            forced_draw_median=round(statistics.median(forced[name]), 2) if forced[name] else None,
            forced_draw_max=round(max(forced[name]), 2) if forced[name] else None,
            forced_draws=len(forced[name]),
        )
    extra = {}
    if running and (not only or RUNNING in only):
        extra[RUNNING] = running_windtunnel(app, frames)
    return {"screens": out, "extra": extra}


def main() -> int:
    options = {
        "--runs": {"type": int, "default": 3},
        "--frames": {"type": int, "default": 300},
        "--draws": {"type": int, "default": 100, "help": "forced redraws per screen per run"},
        "--only": {"help": f"comma-separated screens: {', '.join([*SCREENS, RUNNING])}"},
    }
    args = arguments(__doc__, options)
    only = set(args.only.split(",")) if args.only else None
    f = measure(args.runs, args.frames, args.draws, only)
    if args.json:
        print(json.dumps({"frame_p95_ms": f}))
        return 0
    print(
        f"{'screen':<20} {'p95 step ms (median/min/max)':>30} {'redraws':>8} {'forced draw p95':>16}  "
        f"budget {BUDGET_MS:g} ms"
    )
    for name, s in f["screens"].items():
        ok = "ok" if s["median"] <= BUDGET_MS else "OVER"
        print(
            f"{name:<20} {s['median']:>10.3f} {s['min']:>9.3f} {s['max']:>9.3f} {s['redraws']:>8} "
            f"{s['forced_draw_p95']:>16}  {ok}"
        )
    for name, s in f["extra"].items():
        print(f"{name:<20} p95 {s['p95']} ms over {s['frames']} frames while {s['games']} games ran (info)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
