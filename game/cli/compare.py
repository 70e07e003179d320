"""The commands that put tables side by side: `compare` (several tables' logs, and what-if branches) and
`branch` (a what-if branch of one table's game, written as a log that `compare` reads)."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from game.cli.commands import content_for, read_log_for_cli
from game.cli.progress import progress_callback
from game.errors import UsageError


def _pdf_target(out: Path, command: str) -> Path:
    if out.is_dir():
        raise UsageError(f"vitale-coalities {command}: {out} is a folder; give the PDF file to write (--out FILE.pdf)")
    if not out.parent.is_dir():
        raise UsageError(
            f"vitale-coalities {command}: the folder {out.parent} does not exist; make it or choose another --out"
        )
    return out


def cmd_compare(args) -> int:
    """`compare LOG... [--out FILE.pdf] [--json]`: the tables side by side; skipped files are named on stderr
    (and in the JSON). Exit 0 when at least one table could be read, else 1."""
    from game.analysis.compare import comparison_json, outcome_row, read_tables

    out = _pdf_target(Path(args.out), "compare") if args.out else None
    content = content_for("compare", args.content)
    lang = args.lang
    began = time.monotonic()
    cmp = read_tables(content, args.logs, progress=progress_callback(), choice_games=args.games)
    if args.json:
        print(json.dumps(comparison_json(cmp, lang), ensure_ascii=False))
    else:
        decks = cmp.shared_decks()
        for table in cmp.tables:
            row = outcome_row(table, lang)
            deck = f"  [{table.session_code}]" if table.session_code in decks else ""
            print(f"{table.name(lang)}: {row['future']}, {row['result_text']}, {row['progress']:.0f}%{deck}")
    for skipped in cmp.skipped:
        print(f"skipped: {skipped.text(lang)}", file=sys.stderr)
    if out is not None and cmp.tables:
        from game.export.hall_report import write_hall_report

        try:
            path = write_hall_report(cmp, out, lang)
        except OSError as exc:
            raise UsageError(f"vitale-coalities compare: {out} cannot be written ({exc.strerror or exc})") from None
        print(f"{path} ({path.stat().st_size // 1024} kB, {time.monotonic() - began:.1f} s)", file=sys.stderr)
    if not cmp.tables:
        print("vitale-coalities compare: none of the files could be compared", file=sys.stderr)
        return 1
    return 0


def cmd_branch(args) -> int:
    """`branch --log FILE --round N --scenario ID [--out FILE]`: the what-if branch's log; its path on stdout."""
    from game.analysis.branch import branch_rounds, make_branch
    from game.analysis.gamelog import write_log

    content, log = read_log_for_cli(args, "branch")
    if log.branch is not None:
        raise UsageError("vitale-coalities branch: this log is a branch itself; start from the table's own log")
    if args.scenario not in content.scenarios:
        known = ", ".join(content.scenario_ids())
        raise UsageError(f'vitale-coalities branch: there is no future "{args.scenario}"; known: {known}')
    rounds = branch_rounds(log)
    if args.round not in rounds:
        which = f"rounds {rounds[0]} to {rounds[-1]}" if rounds else "no round (the game ended in its first)"
        raise UsageError(f"vitale-coalities branch: a branch of this game can start at {which}, not {args.round}")
    data = make_branch(content, log, args.round, args.scenario)
    if args.out is not None:
        from game.storage import write_atomic

        out = Path(args.out)
        if out.is_dir() or not out.parent.is_dir():
            raise UsageError(f"vitale-coalities branch: {out} cannot be written (give a file in an existing folder)")
        write_atomic(out, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
        path = out
    else:
        path = write_log(data)
    print(path)
    return 0
