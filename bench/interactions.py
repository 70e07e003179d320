"""Benchmark: the slowest single frame when a screen opens or a button is pressed (budget: <= 50 ms, median).

One pass, in a fresh 1920x1080 app under the dummy video driver, times:

* opening each screen of `tests/screens.py`: from the start of the screen's creation (`Scene.__init__`) to
  the end of its first `app.draw()` - scene creation, `rebuild`, first draw; what `open_screen` does before
  (starting a game, bots playing up to the right moment) and the time it spends waiting for the wind tunnel
  are not counted;
* pressing every enabled button of every screen (except the settings' window/full-screen switch, which under
  the dummy driver would only change the window's size): a real mouse click (motion, down, up posted as
  events) and then three `app.step(1/30)` frames timed one by one - the first handles the mouse, the second
  the button's callback (pygame_gui posts the press as an event), the third what a screen defers to the next
  frame (the report export); the interaction's figure is its slowest frame. After a press that leaves the
  screen (or changes the settings, or quits) the screen is opened anew for the next button;
* keys: Tab, Esc, F1 (help), F2 (facilitator) on every screen, 1-7 and PageDown on the debrief, G (peek)
  on the table, the arrow on the how-to pages - the same three timed frames after the key;
* the debrief as a game really opens it: the last round's summary's button with a full 300-game wind tunnel
  starting in the background.

A pass's figure is its slowest interaction; the benchmark's is the median (min, max) of the passes' figures,
with the five slowest interactions (each by its median over the passes). Before each timed interaction the
garbage collector runs, so a collection owed by the setup is not charged to it.

    python bench/interactions.py [--runs N] [--only SCREEN,...] [--json]
"""

from __future__ import annotations

import gc
import shutil
import sys
import time
import weakref
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import arguments, emit, headless, progress, spread, verdict  # noqa: E402

headless()

import pygame  # noqa: E402

from tests.screens import SCREENS  # noqa: E402

BUDGET_MS = 50.0
SIZE = (1920, 1080)
DT = 1 / 30
FRAMES_AFTER = 3
TOP = 5
# screens whose buttons and keys are pressed (the debrief's tabs are its buttons)
PRESS_SCREENS = tuple(name for name in SCREENS if not name.startswith("debrief_"))
KEYS = {"Tab": pygame.K_TAB, "Esc": pygame.K_ESCAPE, "F1": pygame.K_F1, "F2": pygame.K_F2}
EXTRA_KEYS = {
    "debrief": {**{str(i): getattr(pygame, f"K_{i}") for i in range(1, 8)}, "PageDown": pygame.K_PAGEDOWN},
    "table": {"G": pygame.K_g},
    "howto": {"Right": pygame.K_RIGHT},
}
MODAL = ("settings", "howto", "content_check")  # pushed over what is there: opened over the menu
LAST_SUMMARY = "summary (last round) -> debrief, 300-game wind tunnel"


class Timer:
    """Notes when each scene starts being made and how long the wind tunnel was waited for (bench-only patches)."""

    def __init__(self) -> None:
        from game.ui.jobs import Job
        from game.ui.scene import Scene

        self.born: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        self.waited = 0.0
        self._scene, self._init = Scene, Scene.__init__
        self._job, self._wait = Job, Job.wait
        timer = self

        def init(scene, app, *args, **kwargs):
            timer.born[scene] = time.perf_counter()
            timer._init(scene, app, *args, **kwargs)

        def wait(job, timeout=None):
            start = time.perf_counter()
            try:
                return timer._wait(job, timeout)
            finally:
                timer.waited += time.perf_counter() - start

        Scene.__init__ = init
        Job.wait = wait

    def close(self) -> None:
        self._scene.__init__ = self._init
        self._job.wait = self._wait


def settle(app) -> None:
    """Let a running wind tunnel finish, so it takes no GIL from the next timing."""
    for scene in app.stack:
        job = getattr(scene, "job", None)
        if job is not None and not job.finished:
            job.wait(300)
    session = app.session
    job = getattr(session, "windtunnel", None) if session is not None else None
    if job is not None and not job.finished:
        job.wait(300)


def reset(app, defaults) -> None:
    """Back to a running app at the menu with the default settings."""
    from game.paths import user_dir
    from game.ui.scenes.menu import MenuScene
    from game.ui.settings import save_settings

    settle(app)
    # every screen starts from the same saves: none, or those its opening makes (the load list reads them all)
    shutil.rmtree(user_dir("saves", create=False), ignore_errors=True)
    app.session = None  # as after a game: the menu's screens run without one
    app.running = True
    app.exit_code = 0
    if app.settings != defaults:
        app.settings = defaults.model_copy()
        save_settings(app.settings)
        app.resized()
    if hasattr(app, "setup_choices"):
        del app.setup_choices  # what the setup screen remembers (seats added, bots chosen): back to its start
    app.goto(MenuScene(app))
    app.draw()


def prepare(app, name: str, defaults) -> None:
    """Open screen `name` (untimed)."""
    from tests.screens import open_screen

    reset(app, defaults)
    if name == "menu":  # one saved game, so that "continue" and "load" can be pressed
        from tests.screens import _bots_until, _start

        _start(app)
        _bots_until(app, lambda s: s.state.round == 2)
        app.session = None
    open_screen(app, name)
    settle(app)
    for _ in range(3):  # what the opening left queued
        app.step(DT)


def frames(app) -> list:
    """Milliseconds of the next FRAMES_AFTER loop passes (stops when the app quits)."""
    times = []
    clock = time.perf_counter
    for _ in range(FRAMES_AFTER):
        start = clock()
        app.step(DT)
        times.append((clock() - start) * 1000)
        if not app.running:
            break
    return times


def click(app, btn) -> list:
    """A mouse click in the middle of `btn`; the timed frames after it."""
    pos = btn.rect.center
    gc.collect()
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    return frames(app)


def key(app, k: int) -> list:
    """A key pressed and released; the timed frames after it."""
    gc.collect()
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=k, mod=0, unicode="", scancode=0))
    return frames(app)


def skipped(scene) -> set:
    """Buttons not pressed: the settings' window/full-screen switch (see the module's doc)."""
    return {row[3] for row in getattr(scene, "rows", ()) if scene.name == "settings" and row[0] == "display"}


def targets(scene) -> list:
    """(label, nth) of each enabled, visible button, in the screen's order; nth tells equal labels apart."""
    out, seen = [], {}
    skip = skipped(scene)
    for btn in scene.buttons:
        if btn in skip or not btn.alive() or not btn.visible or not btn.is_enabled:
            continue
        n = seen.get(btn.text, 0)
        seen[btn.text] = n + 1
        out.append((btn.text, n))
    return out


def find(scene, label: str, nth: int):
    """The button (label, nth) of `targets(scene)`, or None."""
    n = 0
    skip = skipped(scene)
    for btn in scene.buttons:
        if btn in skip or not btn.alive() or not btn.visible or not btn.is_enabled or btn.text != label:
            continue
        if n == nth:
            return btn
        n += 1
    return None


def press_all(app, name: str, defaults, record, limit=None) -> None:
    """Press every button and key of screen `name` (the first `limit` of each when given), each on the screen
    as it opened: it is opened anew whenever a press left it or changed its buttons."""
    prepare(app, name, defaults)
    labels = targets(app.top)
    keys = {**KEYS, **EXTRA_KEYS.get(name, {})}
    if app.session is None:
        keys.pop("F2")  # no game running: F2 does nothing
    todo = [("button", label, nth) for label, nth in labels[:limit]] + [("key", k, 0) for k in list(keys)[:limit]]
    scene, depth = app.top, len(app.stack)
    for kind, label, nth in todo:
        if left(app, scene, depth, labels, defaults):
            prepare(app, name, defaults)
            scene, depth = app.top, len(app.stack)
        if kind == "button":
            btn = find(scene, label, nth)
            if btn is None:
                record(f"{name}: '{label}' (not found)", None)
                continue
            times = click(app, btn)
            what = f"{name}: press '{label}'" + (f" #{nth + 1}" if nth else "")
        else:
            times = key(app, keys[label])
            what = f"{name}: key {label}"
        record(what, times)


def left(app, scene, depth: int, labels: list, defaults) -> bool:
    """Whether the last press left the screen as it opened: another screen or an overlay, other buttons (a
    step, another seat's turn), other settings, or the app quit."""
    return (
        not app.running
        or app.top is not scene
        or len(app.stack) != depth
        or app.settings != defaults
        or targets(scene) != labels
    )


def open_all(app, names, defaults, timer: Timer, record) -> None:
    """Time opening each screen: its creation, rebuild and first draw."""
    from tests.screens import open_screen

    for name in names:
        if name == "debrief_windtunnel":
            continue  # the same scene as "debrief" on another tab, after waiting for the wind tunnel
        reset(app, defaults)
        gc.collect()
        timer.waited = 0.0
        open_screen(app, name)
        end = time.perf_counter()
        born = timer.born.get(app.top)
        if born is not None:
            record(f"open {name}", [(end - born - timer.waited) * 1000])
        settle(app)


def last_summary(app, defaults, record) -> None:
    """The debrief as a game opens it: the last summary's button, the full wind tunnel starting."""
    from game.engine import ResolveRound, apply, is_over
    from game.ui.scenes.summary import SummaryScene
    from tests.screens import _bots_until, _start

    reset(app, defaults)
    app.options.windtunnel_games = 300  # tests/screens.py sets 12 for its debriefs
    _start(app)
    session = app.session
    while True:
        _bots_until(app, lambda s: s.needs_engine() in ("resolution", "over"))
        if session.needs_engine() == "over" or is_over(apply(session.state, ResolveRound())):
            break
        session.resolve()
    app.goto(SummaryScene(app))
    for _ in range(3):
        app.step(DT)
    btn = next(iter(app.top.buttons))
    times = click(app, btn)
    assert app.top.name == "debrief", app.top.name
    record(LAST_SUMMARY, times)
    settle(app)


def one_pass(only=None, limit=None) -> dict:
    """{interaction: its slowest frame in ms (None when its button was not there)} for one fresh app."""
    from game.ui.settings import Settings
    from tests.screens import SCREENS
    from tests.ui_driver import new_app

    defaults = Settings()
    app = new_app(size=SIZE)
    timer = Timer()
    results: dict = {}

    def record(what: str, times) -> None:
        results[what] = None if times is None else max(times)
        if times is not None and len(times) > 1:
            results.setdefault("_frames", {})[what] = [round(t, 2) for t in times]

    try:
        open_all(app, [n for n in SCREENS if not only or n in only], defaults, timer, record)
        for name in PRESS_SCREENS:
            if not only or name in only:
                press_all(app, name, defaults, record, limit)
        if not only or "last_summary" in only:
            last_summary(app, defaults, record)
    finally:
        timer.close()
        settle(app)
        reset(app, defaults)
    return results


def measure(runs: int, only=None, limit=None) -> dict:
    """Median, min and max over `runs` passes of the slowest interaction; the five slowest; every interaction."""
    passes = []
    for run in range(runs):
        passes.append(one_pass(only, limit))
        progress(f"  interactions: pass {run + 1}/{runs} done ({len(passes[-1]) - 1} interactions)")
    names = [n for n in passes[0] if n != "_frames"]
    per = {}
    missing = []
    for n in names:
        values = [p[n] for p in passes if p.get(n) is not None]
        if not values:
            missing.append(n)
            continue
        per[n] = dict(spread(values, 2))
    worst_per_pass = [max(v for k, v in p.items() if k != "_frames" and v is not None) for p in passes]
    ranked = sorted(per, key=lambda n: per[n]["median"], reverse=True)
    worst = ranked[0]
    return dict(
        spread(worst_per_pass, 2),
        budget=BUDGET_MS,
        worst=worst,
        top=[{"interaction": n, **per[n], "frames": passes[0].get("_frames", {}).get(n)} for n in ranked[:TOP]],
        interactions=len(per),
        not_found=missing,
        all=per,
    )


def main() -> int:
    options = {
        "--runs": {"type": int, "default": 3},
        "--only": {"help": "comma-separated screens of tests/screens.py (and last_summary)"},
        "--limit": {"type": int, "help": "press only the first N buttons and N keys of each screen"},
        "--all": {"action": "store_true", "help": "list every interaction, slowest first"},
    }
    args = arguments(__doc__, options)
    only = set(args.only.split(",")) if args.only else None
    f = measure(args.runs, only, args.limit)
    emit(
        args.json,
        {"worst_interaction_ms": f},
        f"worst_interaction_ms  median {f['median']} ms  (min {f['min']}, max {f['max']}, {f['runs']} passes of "
        f"{f['interactions']} interactions; budget {BUDGET_MS:g} ms: {verdict(f['median'], BUDGET_MS)})",
    )
    if args.json:
        return 0
    shown = sorted(f["all"].items(), key=lambda kv: kv[1]["median"], reverse=True)
    for what, s in shown if args.all else shown[:TOP]:
        print(f"  {s['median']:>8.2f} ms (min {s['min']:.2f}, max {s['max']:.2f})  {what}")
    if f["not_found"]:
        print(f"  not found: {', '.join(f['not_found'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
