"""Benchmark: comparing eight tables (budget: read, replayed and their choices tested in under 5 s; the
zaalverslag written in under 2 s more).

Eight logs are made in-process: one seed, the futures in turn, balanced bots (as the tests' tables).

    python bench/compare.py [--repeats R] [--json]
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

from game.analysis.compare import CHOICE_GAMES, read_tables  # noqa: E402
from game.analysis.gamelog import build_log, write_log  # noqa: E402
from game.analysis.simulate import play  # noqa: E402
from game.bots import Bot  # noqa: E402
from game.content import load_content  # noqa: E402
from game.engine import SeatSetup, Setup  # noqa: E402

TABLES = 8
BUDGET = 5.0  # seconds to read and test eight tables
REPORT_AIM = 2.0  # seconds for the zaalverslag of them


def make_logs(content, folder: Path) -> list:
    """Eight tables' logs: one seed, the content's futures in turn."""
    futures = content.scenario_ids()
    seats = tuple(SeatSetup(role, f"{role}{i + 1}", True, "balanced") for i, role in enumerate(content.table_roles(4)))
    paths = []
    for k in range(TABLES):
        setup = Setup(futures[k % len(futures)], sorted(content.challenges)[0], seats, content.rules.default_rounds, 7)
        state = play(content, setup, {i: Bot(i, "balanced", 7) for i in range(4)})
        data = build_log(content, setup, state.actions, written="2026-01-01T10:00:00Z", table=f"Tafel {k + 1}")
        data["started"] = f"2026-01-01T10:{k:02d}:00Z"
        paths.append(write_log(data, folder))
    return paths


def measure(repeats: int) -> dict:
    """Median (min, max) seconds to read eight tables, and the median to write their zaalverslag."""
    from game.export.hall_report import render_hall_report

    content = load_content().content
    with tempfile.TemporaryDirectory() as folder:
        paths = make_logs(content, Path(folder))
        runs, reports, cmp = [], [], None
        for _ in range(repeats):
            start = time.perf_counter()
            cmp = read_tables(content, paths)
            runs.append(time.perf_counter() - start)
            start = time.perf_counter()
            render_hall_report(cmp, "nl")
            reports.append(time.perf_counter() - start)
    return {
        "compare_8_tables_s": round(statistics.median(runs), 3),
        "min": round(min(runs), 3),
        "max": round(max(runs), 3),
        "hall_report_s": round(statistics.median(reports), 3),
        "runs": repeats,
        "tables": len(cmp.tables),
        "choice_games": CHOICE_GAMES,
    }


def main() -> int:
    args = arguments(__doc__, {"--repeats": {"type": int, "default": 3}}, raw=False)
    f = measure(args.repeats)
    if args.json:
        print(json.dumps(f))
        return 0
    verdict = "within budget" if f["compare_8_tables_s"] < BUDGET else "OVER BUDGET"
    print(
        f"compare    {f['tables']} tables  {f['compare_8_tables_s']:.2f} s (min {f['min']:.2f}, max {f['max']:.2f}; "
        f"budget {BUDGET} s: {verdict})"
    )
    aim = "within aim" if f["hall_report_s"] <= REPORT_AIM else "over aim"
    print(f"zaalverslag          {f['hall_report_s']:.2f} s (aim {REPORT_AIM} s: {aim})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
