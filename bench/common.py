"""What the benchmarks share: a headless SDL with a throw-away user folder, median / p95 helpers, and the
command line of a benchmark run alone.

Import this module and call `headless()` BEFORE anything imports pygame (game.ui, tests.ui_driver): SDL reads
its drivers when pygame initialises, and the game reads $VITALE_COALITIES_HOME whenever it touches a user
folder (settings, saves, logs, reports), so a benchmark never reads or changes the real user's files.
"""

from __future__ import annotations

import argparse
import atexit
import json
import math
import os
import shutil
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOME_VARIABLE = "VITALE_COALITIES_HOME"  # game.paths.HOME_VARIABLE (not imported: this runs before the game)
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

_home: str | None = None


def headless() -> str:
    """Dummy video and audio drivers and a fresh temp user folder for this process (removed at exit); returns it.

    The user's own $VITALE_COALITIES_HOME is replaced on purpose: their settings (text size 150 %, say) would
    change what is measured."""
    global _home
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
    if _home is None:
        _home = tempfile.mkdtemp(prefix="vc-bench-")
        atexit.register(shutil.rmtree, _home, True)
    os.environ[HOME_VARIABLE] = _home
    return _home


def child_env(home: str | os.PathLike) -> dict:
    """The environment for a `python -m game ...` subprocess: headless, with its own user folder."""
    return dict(
        os.environ,
        SDL_VIDEODRIVER="dummy",
        SDL_AUDIODRIVER="dummy",
        PYGAME_HIDE_SUPPORT_PROMPT="1",
        **{HOME_VARIABLE: str(home)},
    )


def percentile(values, q: float) -> float:
    """The q-th percentile (0..100) by the nearest-rank method: a value that was really measured."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def p95(values) -> float:
    """The 95th percentile (nearest rank)."""
    return percentile(values, 95)


def spread(values, digits: int = 2) -> dict:
    """Median, min and max of several runs, rounded."""
    values = list(values)
    return {
        "median": round(statistics.median(values), digits),
        "min": round(min(values), digits),
        "max": round(max(values), digits),
        "runs": len(values),
    }


def progress(text: str) -> None:
    """A progress line on stderr (stdout is kept for the table or the JSON)."""
    print(text, file=sys.stderr, flush=True)


def holds(value: float, budget: float, op: str = "<=") -> bool:
    """Whether a figure keeps its budget: at most (`<=`) or at least (`>=`) the budget."""
    return value <= budget if op == "<=" else value >= budget


def verdict(value: float, budget: float, op: str = "<=") -> str:
    """The words a benchmark's own line ends with."""
    if holds(value, budget, op):
        return "within budget"
    return "OVER BUDGET" if op == "<=" else "below budget"


def emit(as_json: bool, figures: dict, line: str) -> int:
    """A benchmark run alone: its figures as one JSON object (`--json`), else its line of text; exit code 0."""
    print(json.dumps(figures) if as_json else line)
    return 0


def arguments(doc: str, options: dict, raw: bool = True) -> argparse.Namespace:
    """A benchmark's own command line: `options` (flag -> add_argument's keywords), then --json.

    `raw` keeps the description (the module's docstring) as written in --help."""
    parser = argparse.ArgumentParser(
        description=doc, formatter_class=argparse.RawDescriptionHelpFormatter if raw else argparse.HelpFormatter
    )
    for flag, settings in options.items():
        parser.add_argument(flag, **settings)
    parser.add_argument("--json", action="store_true")
    return parser.parse_args()


def run_alone(
    doc: str, measure: Callable[..., dict], options: dict, line: Callable[[dict], str], key: str = "", raw: bool = True
) -> int:
    """A benchmark run alone: `arguments`, `measure` called with the options by name, then `emit` of its
    figures (under `key` when given) or of `line(figures)`; exit code 0."""
    args = vars(arguments(doc, options, raw))
    as_json = args.pop("json")
    figures = measure(**args)
    return emit(as_json, {key: figures} if key else figures, line(figures))
