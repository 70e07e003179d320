"""Benchmark: the wind tunnel on one core (budget: the base 3 scenarios x 300 games in under 1.5 s; the full
analysis, with a run per choice left out, aimed at 3 s or less).

The log is made in-process: Samendam, seed 7, balanced bots, two seats marked human (as the tests' fixture).

    python bench/windtunnel.py [--games N] [--repeats R] [--json]
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import arguments  # noqa: E402  (also puts the project on the path)

from game.analysis import windtunnel  # noqa: E402
from game.analysis.gamelog import build_log, read_log, write_log  # noqa: E402
from game.analysis.simulate import play  # noqa: E402
from game.bots import Bot  # noqa: E402
from game.content import load_content  # noqa: E402
from game.engine import SeatSetup, Setup  # noqa: E402

BUDGET = 1.5  # seconds for the base 3 x 300
FULL_AIM = 3.0  # seconds for the whole analysis (not a budget the issue sets)


def make_log(content, folder: Path):
    """A game log like the tests' fixture, written and read back."""
    seats = tuple(SeatSetup(role, f"{role}{i + 1}", i > 1, "balanced") for i, role in enumerate(content.table_roles(4)))
    setup = Setup("samendam", sorted(content.challenges)[0], seats, content.rules.default_rounds, 7)
    state = play(content, setup, {i: Bot(i, "balanced", 7) for i in range(4)})
    data = build_log(content, setup, state.actions, written="2026-01-01T10:00:00Z")
    return read_log(write_log(data, folder), content)


def _runs(fn, repeats: int) -> list:
    """Seconds of each of `repeats` calls of `fn`."""
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return runs


def _time(fn, repeats: int) -> float:
    return statistics.median(_runs(fn, repeats))


def measure(games: int, repeats: int, full: bool = True) -> dict:
    """Median (min, max) seconds of the base run (no choices left out) and, with `full`, the median of the
    full analysis."""
    content = load_content().content
    with tempfile.TemporaryDirectory() as folder:
        log = make_log(content, Path(folder))
    n_choices = len(windtunnel.choices(log, content))
    base = _runs(lambda: windtunnel.run_windtunnel(content, log, games, ablate=False), repeats)
    out = {
        "windtunnel_s": round(statistics.median(base), 3),
        "windtunnel_s_min": round(min(base), 3),
        "windtunnel_s_max": round(max(base), 3),
        "repeats": repeats,
        "games": games,
        "choices": n_choices,
        "ablation_games": windtunnel.ablation_games(games),
        "scenarios": len(content.scenarios),
    }
    if full:
        out["windtunnel_full_s"] = round(_time(lambda: windtunnel.run_windtunnel(content, log, games), repeats), 3)
    return out


def main() -> int:
    args = arguments(
        __doc__, {"--games": {"type": int, "default": 300}, "--repeats": {"type": int, "default": 3}}, raw=False
    )
    f = measure(args.games, args.repeats)
    if args.json:
        keys = ("windtunnel_s", "windtunnel_s_min", "windtunnel_s_max", "windtunnel_full_s")
        print(json.dumps({k: f[k] for k in keys}))
        return 0
    base_games = f["scenarios"] * f["games"]
    extra = f["scenarios"] * f["choices"] * f["ablation_games"]
    verdict = "within budget" if f["windtunnel_s"] < BUDGET else "OVER BUDGET"
    print(
        f"base       {base_games:>5} games  {f['windtunnel_s']:.2f} s (min {f['windtunnel_s_min']:.2f}, "
        f"max {f['windtunnel_s_max']:.2f}; budget {BUDGET} s: {verdict})"
    )
    aim = "within aim" if f["windtunnel_full_s"] <= FULL_AIM else "over aim"
    print(
        f"full       {base_games + extra:>5} games  {f['windtunnel_full_s']:.2f} s "
        f"({f['choices']} choices x {f['ablation_games']} games x {f['scenarios']} scenarios; aim {FULL_AIM} s: {aim})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
