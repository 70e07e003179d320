"""Benchmark: the main menu with 4,000 saved games in the saves folder (budget: rebuild under 20 ms, median).

The menu asks whether there is a game to continue at every rebuild; the load list shows one page of saves.
Neither may read every save: a trainer's laptop collects hundreds of games a year. Also measured: opening the
load list (one directory listing plus the saves of its first page).

python bench/menu_saves.py [--saves N] [--runs N] [--json]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import headless, run_alone, verdict  # noqa: E402  (also puts the project on the path)

BUDGET_MS = 20.0


def _fill(folder: Path, saves: int) -> None:
    """`saves` copies of one real save (a game of bots, a few moves in) in the saves folder."""
    from game.content import load_content
    from game.engine import SeatSetup, Setup
    from game.ui.session import Session

    content = load_content().content
    seats = tuple(SeatSetup(r, n, True) for r, n in (("wethouder", "Anna"), ("inwoner", "Bas"), ("bedrijf", "Cem")))
    session = Session(content, Setup("samendam", sorted(content.challenges)[0], seats, 3, 7))
    session.enable_saving(folder)
    session.draw_trend()
    raw = session.saver.path.read_bytes()
    for i in range(saves):
        (folder / f"spel-samendam-{i}-20260101T{i % 240000:06d}.json").write_bytes(raw)


def measure(saves: int, runs: int) -> dict:
    """Median, min and max milliseconds of a menu rebuild and of opening the load list."""
    home = Path(headless())
    folder = home / "saves"
    folder.mkdir(parents=True, exist_ok=True)
    _fill(folder, saves)
    from game.ui.scenes.load import LoadScene
    from tests.ui_driver import new_app

    app = new_app(size=(1280, 720))
    menu = app.top
    menu.rebuild()
    rebuilds, opens = [], []
    for _ in range(runs):
        start = time.perf_counter()
        menu.rebuild()
        rebuilds.append((time.perf_counter() - start) * 1000)
    for _ in range(max(3, runs // 4)):
        start = time.perf_counter()
        scene = LoadScene(app)
        scene.rebuild()
        opens.append((time.perf_counter() - start) * 1000)
    return {
        "menu_rebuild_ms": round(statistics.median(rebuilds), 2),
        "min": round(min(rebuilds), 2),
        "max": round(max(rebuilds), 2),
        "load_list_ms": round(statistics.median(opens), 2),
        "saves": saves,
        "budget": BUDGET_MS,
    }


def line(f: dict) -> str:
    """The line of text of a run alone."""
    return (
        f"menu_rebuild_ms  median {f['menu_rebuild_ms']} ms with {f['saves']} saves (min {f['min']}, max {f['max']}; "
        f"budget {BUDGET_MS} ms: {verdict(f['menu_rebuild_ms'], BUDGET_MS)}); the load list opens in "
        f"{f['load_list_ms']} ms"
    )


def main() -> int:
    options = {"--saves": {"type": int, "default": 4000}, "--runs": {"type": int, "default": 20}}
    return run_alone(__doc__, measure, options, line, raw=False)


if __name__ == "__main__":
    sys.exit(main())
