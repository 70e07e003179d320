"""The commands that play or analyse games from the command line: simulate, lab, windtunnel, report, debrief.

Each checks its input (UsageError: one line, exit 2), runs the analysis layer's functions and prints the
result; none of the analysis modules knows about the command line.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from game.cli.progress import ProgressBar, progress_callback
from game.errors import UsageError


def read_log_for_cli(args, command: str):
    """(content, GameLog) for `windtunnel` and `report`; UsageError (exit 2, one line) when either is unusable."""
    from game.analysis.gamelog import LogError, read_log
    from game.content import load_content

    if args.content is not None and not args.content.is_dir():
        raise UsageError(f"vitale-coalities {command}: the content folder {args.content} does not exist")
    loaded = load_content(pack=args.content)
    if not loaded.ok:
        raise UsageError(
            f"vitale-coalities {command}: the content has {len(loaded.problems)} problem(s); "
            "run `python -m game validate` to see them"
        )
    try:
        return loaded.content, read_log(args.log, loaded.content)
    except LogError as exc:
        raise UsageError(f"vitale-coalities {command}: {exc.text(getattr(args, 'lang', None) or 'en')}") from None


def content_for(command: str, pack):
    """The content (with a pack) for a command that plays games; UsageError when it has problems."""
    from game.content import load_content

    if pack is not None and not pack.is_dir():
        raise UsageError(f"vitale-coalities {command}: the content folder {pack} does not exist")
    loaded = load_content(pack=pack)
    if not loaded.ok:
        first = loaded.problems[0]
        raise UsageError(
            f"vitale-coalities {command}: the content has {len(loaded.problems)} problem(s), first: {first} "
            "(run `validate` for all)"
        )
    return loaded.content


def cmd_lab(args) -> int:
    """The `lab` command: the balance laboratory (game.analysis.lab), in words or as JSON."""
    from game.analysis import lab
    from game.analysis.lab_targets import summary

    content = content_for("lab", args.content)
    size = dict(lab.QUICK if args.quick else lab.FULL)
    size.update({k: v for k, v in (("profiles", args.profiles), ("games", args.games)) if v})
    result = lab.run(
        content,
        pack=str(args.content) if args.content else None,
        profiles=size["profiles"],
        games=size["games"],
        seats=args.seats,
        seed=args.seed,
        tie_decisions=size["tie_decisions"],
        workers=args.workers,
        progress=progress_callback(),
    )
    if args.json:
        print(json.dumps(result))
    else:
        print("\n".join(summary(result, content)))
    return 0


def cmd_simulate(args) -> int:
    """The `simulate` command."""
    from game.analysis.simulate import run

    content = content_for("simulate", args.content)
    scenarios = sorted(content.scenarios) if args.scenario == "all" else [args.scenario]
    for scenario in scenarios:
        if scenario not in content.scenarios:
            known = ", ".join(sorted(content.scenarios))
            raise UsageError(f'vitale-coalities simulate: unknown scenario "{scenario}"; known: {known}, all')
    known_strategies = content.strategy_ids()
    chosen = args.strategy or content.default_strategy()
    strategies = known_strategies if chosen == "all" else [chosen]
    for strategy in strategies:
        if strategy not in content.strategies:
            known = ", ".join(known_strategies)
            raise UsageError(f'vitale-coalities simulate: unknown strategy "{strategy}"; known: {known}, all')
    if args.challenge and args.challenge not in content.challenges:
        known = ", ".join(sorted(content.challenges))
        raise UsageError(f'vitale-coalities simulate: unknown challenge "{args.challenge}"; known: {known}')
    bar = ProgressBar(len(scenarios) * len(strategies) * args.games)
    results = [
        run(content, sc, st, args.games, args.seed, args.challenge, args.seats, args.rounds, bar)
        for st in strategies
        for sc in scenarios
    ]
    if args.json:
        print(json.dumps({"seed": args.seed, "games": args.games, "results": [r.to_json() for r in results]}))
        return 0
    print(f"{'strategy':<18}{'scenario':<14}{'games':>6}{'realised':>10}{'progress':>10}  indicators (end, mean)")
    for r in results:
        inds = " ".join(f"{k[:5]}={v:.0f}" for k, v in r.mean_indicators.items())
        print(f"{r.strategy:<18}{r.scenario:<14}{r.games:>6}{r.realised:>9.0%}{r.mean_progress:>10.1f}  {inds}")
    return 0


def cmd_windtunnel(args) -> int:
    """The `windtunnel` command: JSON or a small table on stdout; a progress bar on a terminal's stderr."""
    from game.analysis.windtunnel import run_windtunnel

    content, log = read_log_for_cli(args, "windtunnel")
    result = run_windtunnel(content, log, args.games, progress_callback())
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
    else:
        print("\n".join(result.lines(args.lang or log.lang)))
    return 0


def _windtunnel_file(path) -> dict:
    """A wind tunnel result saved by `windtunnel --json` (UsageError when it is not one)."""
    from game.storage import JsonFileProblem, read_json_file

    try:
        data = read_json_file(Path(path), 20 * 1024 * 1024)
    except JsonFileProblem as exc:
        reason = exc.params["error"] or exc.key.replace("_", " ")
        raise UsageError(f"vitale-coalities report: --windtunnel {path} cannot be read ({reason})") from None
    if not isinstance(data, dict) or not isinstance(data.get("results"), list) or "played_scenario" not in data:
        raise UsageError(f"vitale-coalities report: --windtunnel {path} is not the output of `windtunnel --json`")
    return data


def cmd_report(args) -> int:
    """`report --log FILE --out FILE.pdf`: the report of a game log; one line on stdout when written."""

    out = Path(args.out)
    if out.is_dir():
        raise UsageError(f"vitale-coalities report: {out} is a folder; give the PDF file to write (--out FILE.pdf)")
    if not out.parent.is_dir():
        raise UsageError(
            f"vitale-coalities report: the folder {out.parent} does not exist; make it or choose another --out"
        )
    content, log = read_log_for_cli(args, "report")
    lang = args.lang or log.lang
    began = time.monotonic()
    result = _windtunnel_file(args.windtunnel) if getattr(args, "windtunnel", None) else None
    if result is None:
        from game.analysis.windtunnel import run_windtunnel

        result = run_windtunnel(content, log, games=args.games, progress=progress_callback())
    try:
        from game.export.report import write_report

        path = write_report(content, log, out, lang, windtunnel_result=result)
    except OSError as exc:
        raise UsageError(f"vitale-coalities report: {out} cannot be written ({exc.strerror or exc})") from None
    print(f"{path} ({path.stat().st_size // 1024} kB, {time.monotonic() - began:.1f} s)")
    return 0


def cmd_debrief(args) -> int:
    """`debrief --log FILE [--json]`: what the debrief's tabs show for a game log, from the code they use."""
    from game.analysis.debrief import Story, debrief_json

    content, log = read_log_for_cli(args, "debrief")
    lang = args.lang or log.lang
    data = debrief_json(Story(content, log), lang)
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
        return 0
    out = data["outcome"]
    print(f"{out['title']} — {out['subtitle']}")
    for r in data["timeline"]:
        print(f"{r['round']}: {', '.join(r['trends'])} (+{r['progress_gain']}, {r['progress']}%)")
    return 0


def cmd_schema(args) -> int:
    """`schema [--out DIR]`: the content's JSON Schemas; `schema --reference [--lang L] [--out FILE]`: the field
    reference in Markdown (written into FILE between its markers)."""
    from game.content import schema

    out = Path(args.out) if args.out else None
    if args.reference:
        return _write_reference(args.lang, out)
    if out is None:
        print(schema.dumps(schema.combined_schema()), end="")
        return 0
    if out.exists() and not out.is_dir():
        raise UsageError(f"vitale-coalities schema: {out} is a file; --out takes a folder for the schema files")
    try:
        written = schema.write_schemas(out)
    except OSError as exc:
        raise UsageError(f"vitale-coalities schema: {out} cannot be written ({exc.strerror or exc})") from None
    for path in written:
        print(path)
    settings = json.dumps(schema.vscode_settings(out.as_posix()), indent=2)
    print(
        "VS Code: add this to .vscode/settings.json (paths relative to the folder you open; adapt the patterns):\n"
        + settings
    )
    return 0


def _write_reference(lang: str, out) -> int:
    """The field reference on stdout, or into `out` (between its markers; at its end when it has none)."""
    from game.content.reference import embed, reference_markdown

    text = reference_markdown(lang)
    if out is None:
        print(text, end="")
        return 0
    if out.is_dir():
        raise UsageError(f"vitale-coalities schema: {out} is a folder; --reference --out takes a Markdown file")
    try:
        old = out.read_text(encoding="utf-8") if out.exists() else ""
        out.write_text(embed(old, text) if old else text, encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise UsageError(f"vitale-coalities schema: {out} cannot be written ({reason})") from None
    print(out)
    return 0


def cmd_new_pack(args) -> int:
    """`new-pack DIR`: a commented starting pack in a new (or empty) folder; what to do next on stdout."""
    from game.content.newpack import PackFolderTaken, new_ids, write_new_pack

    folder = Path(args.dir)
    try:
        written = write_new_pack(folder, args.lang)
    except PackFolderTaken:
        what = "a file" if folder.is_file() else "a folder that is not empty"
        raise UsageError(
            f"vitale-coalities new-pack: {folder} is {what}; give the name of a new folder (nothing was written)"
        ) from None
    except OSError as exc:
        raise UsageError(f"vitale-coalities new-pack: {folder} cannot be written ({exc.strerror or exc})") from None
    ids = new_ids()
    print(f"wrote {len(written)} files into {folder}:")
    for kind, found in ids.items():
        print(f"  {kind}: {', '.join(found)}")
    scenario = next(iter(ids.get("scenarios", [])), "ID")
    print(
        f"next: python -m game validate --content {folder}\n"
        f"      python -m game simulate --content {folder} --scenario {scenario} --games 20\n"
        f"      python -m game play --content {folder} --scenario {scenario}"
    )
    return 0
