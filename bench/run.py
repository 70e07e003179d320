"""The performance budgets of issue 8 in one command: a table, or with --json one JSON object.

    python bench/run.py [--quick] [--only NAME[,NAME]] [--json] [--strict] [--output FILE]
    python3 dev.py bench [same options]

Every figure is the median of several runs, with their min and max, its budget and whether the median holds
it. --quick takes few repetitions (for CI: it checks that everything still runs, in well under a minute;
its numbers are rough). --only measures some figures: startup_ms, frame_p95_ms, worst_interaction_ms,
idle_cpu_pct, engine_games_per_s, windtunnel_s, compare_8_tables_s, content_load_ms, rss_mb, resize_rss_mb,
long_text_ms, menu_rebuild_ms. Exit code: 0 when every figure was measured (1 when one failed to run); with
--strict also 1 when a budget is missed.
See bench/README.md for what each figure means and how it is measured; each bench/*.py also runs alone.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
import traceback
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import headless, holds, progress  # noqa: E402

headless()  # before anything imports pygame


# ---------------------------------------------------------------------------------------------- the figures
# Each returns {"median", "min", "max", ...}; `plan` holds the repetitions (full or quick).


def _startup(plan: dict) -> dict:
    import startup

    return startup.measure(plan["startup_runs"])


def _frames(plan: dict) -> dict:
    import frames

    f = frames.measure(plan["frame_runs"], plan["frames"], plan["draws"], running=plan["running"])
    screens = f["screens"]
    worst = max(screens, key=lambda n: screens[n]["median"])
    return {
        "median": screens[worst]["median"],
        "min": screens[worst]["min"],
        "max": screens[worst]["max"],
        "runs": screens[worst]["runs"],
        "screen": worst,
        "holds_all": all(s["median"] <= frames.BUDGET_MS for s in screens.values()),
        "screens": screens,
        "extra": f["extra"],
    }


def _interactions(plan: dict) -> dict:
    import interactions

    return interactions.measure(plan["interaction_runs"], limit=plan["interaction_limit"])


def _idle(plan: dict) -> dict:
    import idle_cpu

    return idle_cpu.measure(plan["idle_runs"], plan["idle_seconds"])


def _engine(plan: dict) -> dict:
    import engine_speed

    f = engine_speed.measure(plan["engine_games"], "balanced", plan["engine_repeats"])
    slowest = min(f["scenarios"], key=lambda s: f["scenarios"][s]["median"])
    return dict(
        f["mix"], runs=f["repeats"], scenarios=f["scenarios"], slowest=slowest, games=f["games"], strategy=f["strategy"]
    )


def _windtunnel(plan: dict) -> dict:
    import windtunnel

    f = windtunnel.measure(300, plan["windtunnel_repeats"], full=plan["windtunnel_full"])
    out = {
        "median": f["windtunnel_s"],
        "min": f["windtunnel_s_min"],
        "max": f["windtunnel_s_max"],
        "runs": f["repeats"],
        "games": f["scenarios"] * f["games"],
    }
    if "windtunnel_full_s" in f:
        out["full_analysis_s"] = f["windtunnel_full_s"]
        out["full_analysis_aim_s"] = windtunnel.FULL_AIM
    return out


def _compare(plan: dict) -> dict:
    import compare

    f = compare.measure(plan["compare_runs"])
    return {
        "median": f["compare_8_tables_s"],
        "min": f["min"],
        "max": f["max"],
        "runs": f["runs"],
        "hall_report_s": f["hall_report_s"],
        "hall_report_aim_s": compare.REPORT_AIM,
    }


def _content(plan: dict) -> dict:
    import content_load

    f = content_load.measure(plan["content_runs"])
    return {"median": f["content_load_ms"], "min": f["min"], "max": f["max"], "runs": plan["content_runs"]}


def _long_text(plan: dict) -> dict:
    import long_word

    f = long_word.measure(plan["long_text_runs"])
    return {
        "median": f["long_text_ms"],
        "min": f["min"],
        "max": f["max"],
        "runs": f["runs"],
        "worst": f["worst"],
        "texts": f["texts"],
    }


def _lab(plan: dict) -> dict:
    import lab

    f = lab.measure(plan["lab_runs"])
    return {"median": f["lab_quick_s"], "min": f["min"], "max": f["max"], "runs": f["runs"]}


def _rss(plan: dict) -> dict:
    import memory

    return memory.measure(plan["rss_runs"])


def _menu_saves(plan: dict) -> dict:
    import menu_saves

    f = menu_saves.measure(plan["menu_saves"], plan["menu_runs"])
    return {"median": f["menu_rebuild_ms"], "min": f["min"], "max": f["max"], "runs": plan["menu_runs"], **f}


def _resize_rss(plan: dict) -> dict:
    import resize_memory

    return resize_memory.measure(plan["resize_runs"], plan["resize_sizes"])


# name -> (measure, budget, "<=" or ">=", unit, what it is); in the order they run: the subprocess and
# engine figures first, the screens (which leave pygame, fonts and a wind tunnel's garbage behind) last
FIGURES = {
    "startup_ms": (_startup, 600.0, "<=", "ms", "process start to the menu's first frame"),
    "content_load_ms": (_content, 30.0, "<=", "ms", "load and validate the built-in content"),
    "engine_games_per_s": (_engine, 2000.0, ">=", "games/s", "bot games, 4 seats, 5 rounds (3 scenarios)"),
    "windtunnel_s": (_windtunnel, 1.5, "<=", "s", "3 scenarios x 300 games"),
    "lab_quick_s": (_lab, 90.0, "<=", "s", "python -m game lab --quick, one process per core"),
    "compare_8_tables_s": (_compare, 5.0, "<=", "s", "eight tables' logs read, replayed and their choices tested"),
    "rss_mb": (_rss, 200.0, "<=", "MB", "peak RSS, autoplayed game with the debrief"),
    "resize_rss_mb": (_resize_rss, 300.0, "<=", "MB", "RSS after 500 window sizes, table screen"),
    "long_text_ms": (_long_text, 50.0, "<=", "ms", "a 300,000-character word / text drawn on a card"),
    "idle_cpu_pct": (_idle, 2.0, "<=", "%", "CPU of one core, table screen, no input"),
    "frame_p95_ms": (_frames, 4.0, "<=", "ms", "p95 of app.step(dt) per screen, 1920x1080"),
    "worst_interaction_ms": (_interactions, 50.0, "<=", "ms", "slowest frame opening a screen / pressing"),
    # last: it leaves thousands of saves in this process's user folder
    "menu_rebuild_ms": (_menu_saves, 20.0, "<=", "ms", "the main menu rebuilt with 4,000 saves in the folder"),
}

# The repetitions and sizes of a run: name -> (full, quick); --quick is for CI (everything runs, the numbers
# are rough).
PLAN = {
    "lab_runs": (3, 1),
    "startup_runs": (9, 3),
    "frame_runs": (3, 1),
    "frames": (300, 300),
    "draws": (100, 10),
    "running": (True, False),
    "interaction_runs": (3, 1),
    "interaction_limit": (None, 1),
    "idle_runs": (3, 1),
    "idle_seconds": (10.0, 2.0),
    "engine_games": (200, 50),
    "engine_repeats": (5, 1),
    "windtunnel_repeats": (5, 1),
    "windtunnel_full": (True, False),
    "content_runs": (20, 5),
    "compare_runs": (3, 1),
    "rss_runs": (3, 1),
    "resize_runs": (1, 1),
    "resize_sizes": (500, 60),
    "long_text_runs": (20, 3),
    "menu_saves": (4000, 400),
    "menu_runs": (20, 5),
}
FULL = {name: full for name, (full, _) in PLAN.items()}
QUICK = {name: quick for name, (_, quick) in PLAN.items()}


def machine() -> dict:
    """Where and when: the figures only mean something next to this."""
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass

    def version(dist: str) -> str:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return "?"

    return {
        "date": time.strftime("%Y-%m-%d %H:%M:%S %z"),
        "platform": platform.platform(),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "pygame-ce": version("pygame-ce"),
        "pygame_gui": version("pygame_gui"),
        "load_average": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
    }


def run(names: list, plan: dict) -> dict:
    """Measure `names`; every figure gets its budget and verdict (or the error that stopped it)."""
    figures = {}
    for name in names:
        fn, budget, op, unit, what = FIGURES[name]
        progress(f"{name}: measuring ...")
        start = time.perf_counter()
        try:
            f = fn(plan)
        except Exception as exc:  # noqa: BLE001 - one broken figure must not hide the others
            figures[name] = {
                "error": f"{type(exc).__name__}: {exc}",
                "budget": budget,
                "op": op,
                "unit": unit,
                "holds": False,
                "trace": traceback.format_exc(limit=6),
            }
            progress(f"{name}: FAILED: {type(exc).__name__}: {exc}")
            continue
        f = dict(f, budget=budget, op=op, unit=unit, what=what, took_s=round(time.perf_counter() - start, 1))
        f["holds"] = holds(f["median"], budget, op) and f.get("holds_all", True)
        figures[name] = f
        progress(f"{name}: {f['median']} {unit} (took {f['took_s']} s)")
    return figures


# ---------------------------------------------------------------------------------------------- the table
def _n(x) -> str:
    if x is None:
        return "-"
    if isinstance(x, float) and x >= 100:
        return f"{x:,.0f}" if x >= 1000 else f"{x:.1f}"
    return f"{x:.2f}" if isinstance(x, float) else f"{x:,}"


def _note(name: str, f: dict) -> str:
    """What the table says beside a figure."""
    if name == "worst_interaction_ms":
        return f["worst"]
    if name == "engine_games_per_s":
        low = f["slowest"]
        return f"the {len(f['scenarios'])} scenarios together; slowest {low} {f['scenarios'][low]['median']:,}"
    if name == "windtunnel_s" and "full_analysis_s" in f:
        return f"full analysis {f['full_analysis_s']} s (aim {f['full_analysis_aim_s']} s)"
    if name == "idle_cpu_pct":
        return f"{f['seconds']:g} s runs at {f['fps']} frames/s, {f['redraws']} redraws"
    if name == "rss_mb":
        return f"game of ~{f['game_seconds']} s"
    if name == "resize_rss_mb":
        return (
            f"after {f['sizes']} sizes ({f['before_mb']} MB before, peak {f['peak_mb']}); "
            f"a resize {f['resize_ms_median']} ms (max {f['resize_ms_max']})"
        )
    if name == "startup_ms":
        return "incl. interpreter start and exit"
    if name == "menu_rebuild_ms":
        return f"{f['saves']:,} saves; the load list opens in {f['load_list_ms']} ms"
    if name == "long_text_ms":
        return "worse of: " + ", ".join(f"{text} {t['median']} ms" for text, t in f["texts"].items())
    return ""


def table(result: dict) -> str:
    """The figures as a plain-text table, with the slowest screens and interactions below."""
    rows = [("figure", "median", "min", "max", "budget", "holds", "note")]
    figures = result["figures"]
    for name, f in figures.items():
        unit = f.get("unit", "")
        budget = f"{f['op']} {_n(f['budget'])} {unit}"
        if "error" in f:
            rows.append((name, "-", "-", "-", budget, "ERROR", f["error"][:70]))
            continue
        verdict = "yes" if f["holds"] else "NO"
        if name == "frame_p95_ms":
            for screen, s in f["screens"].items():
                ok = "yes" if s["median"] <= f["budget"] else "NO"
                note = f"forced redraw p95 {_n(s['forced_draw_p95'])} ms; {s['redraws']} redraws"
                rows.append(
                    (
                        f"frame_p95_ms {screen}",
                        f"{s['median']:.3f}",
                        f"{s['min']:.3f}",
                        f"{s['max']:.3f}",
                        budget,
                        ok,
                        note,
                    )
                )
            for extra, s in f.get("extra", {}).items():
                rows.append(
                    (
                        f"  ({extra})",
                        f"{s['p95']:.2f}",
                        "-",
                        f"{s['max_frame']:.2f}",
                        "info",
                        "-",
                        f"p95 over {s['frames']} frames while {s['games']} games ran; max frame",
                    )
                )
            continue
        note = _note(name, f)
        rows.append((name, _n(f["median"]), _n(f["min"]), _n(f["max"]), budget, verdict, note))
    widths = [max(len(str(r[i])) for r in rows) for i in range(6)]
    lines = []
    for i, r in enumerate(rows):
        cells = [
            str(c).ljust(w) if j in (0, 4, 5) else str(c).rjust(w)
            for j, (c, w) in enumerate(zip(r[:6], widths, strict=True))
        ]
        lines.append("  ".join(cells) + "  " + r[6])
        if i == 0:
            lines.append("-" * (sum(widths) + 2 * len(widths) + len("note")))
    frames = figures.get("frame_p95_ms")
    if frames and "screens" in frames:
        slow = sorted(frames["screens"].items(), key=lambda kv: kv[1]["forced_draw_p95"] or 0, reverse=True)[:5]
        lines.append("")
        lines.append("slowest screens (p95 of a forced full redraw, what every frame costs while the mouse moves):")
        lines += [
            f"  {s['forced_draw_p95']:>7.2f} ms  {n}  (median {s['forced_draw_median']}, max {s['forced_draw_max']})"
            for n, s in slow
        ]
    inter = figures.get("worst_interaction_ms")
    if inter and "top" in inter:
        lines.append("")
        lines.append(
            f"slowest interactions (median of {inter['runs']} passes over {inter['interactions']}; "
            "ms per frame of the first pass in brackets):"
        )
        for t in inter["top"]:
            per_frame = f"  [{', '.join(f'{x:.1f}' for x in t['frames'])}]" if t.get("frames") else ""
            lines.append(
                f"  {t['median']:>8.2f} ms (min {t['min']:.2f}, max {t['max']:.2f})  {t['interaction']}{per_frame}"
            )
        if inter.get("not_found"):
            lines.append(f"  not pressed (button gone after reopening): {', '.join(inter['not_found'])}")
    m = result["machine"]
    lines.append("")
    lines.append(
        f"{'quick run (rough numbers)' if result['quick'] else 'full run'} in {result['seconds']:.0f} s on "
        f"{m['cpu']} ({m['cores']} cores), {m['platform']}, Python {m['python']}, pygame-ce {m['pygame-ce']}, "
        f"pygame_gui {m['pygame_gui']}; load average {m['load_average']} at the start, "
        f"{result['load_average_end']} at the end; {m['date']}"
    )
    lines.append(
        "all budgets hold"
        if result["holds"]
        else "budgets missed: " + ", ".join(n for n, f in figures.items() if not f["holds"])
    )
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="few repetitions: checks it runs (CI)")
    parser.add_argument("--only", help="comma-separated figures: " + ", ".join(FIGURES))
    parser.add_argument("--json", action="store_true", help="one JSON object instead of the table")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a budget is missed")
    parser.add_argument("--output", metavar="FILE", help="also write the JSON object to FILE")
    args = parser.parse_args(argv)
    names = list(FIGURES)
    if args.only:
        wanted = [n.strip() for n in args.only.split(",") if n.strip()]
        unknown = [n for n in wanted if n not in FIGURES]
        if unknown:
            parser.error(f"unknown figure(s) {', '.join(unknown)}; known: {', '.join(FIGURES)}")
        names = [n for n in FIGURES if n in wanted]
    start = time.perf_counter()
    result = {"quick": args.quick, "machine": machine()}
    result["figures"] = run(names, QUICK if args.quick else FULL)
    result["seconds"] = round(time.perf_counter() - start, 1)
    result["load_average_end"] = [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None
    result["holds"] = all(f["holds"] for f in result["figures"].values())
    if args.output:
        Path(args.output).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(table(result))
    if any("error" in f for f in result["figures"].values()):
        return 1
    return 1 if args.strict and not result["holds"] else 0


if __name__ == "__main__":
    sys.exit(main())
