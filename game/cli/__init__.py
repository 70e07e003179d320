"""The command line (DESIGN.md section 6): a contract that scripts and checks rely on.

Every command answers bad input with one clear line on stderr and exit code 2 (1 for `validate` when the
content has problems), never with a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Optional

from game import __version__
from game.errors import UsageError

__all__ = ["UsageError", "build_parser", "main"]


class Parser(argparse.ArgumentParser):
    """An argument parser that reports a mistake in one line instead of a usage block."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message} (see --help)")


def _positive(limit: int):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f'expected a whole number, got "{text}"') from None
        if not 1 <= value <= limit:
            raise argparse.ArgumentTypeError(f"expected a whole number from 1 to {limit}, got {value}")
        return value

    return parse


def _window(text: str) -> tuple:
    """A window size like 1280x720, from 800x600 to 7680x4320."""
    w, sep, h = text.lower().partition("x")
    if not sep or not w.isdigit() or not h.isdigit():
        raise argparse.ArgumentTypeError(f"expected a size like 1280x720, got {text!r}")
    size = int(w), int(h)
    if not (800 <= size[0] <= 7680 and 600 <= size[1] <= 4320):
        raise argparse.ArgumentTypeError(f"a window is 800x600 to 7680x4320, not {text}")
    return size


def _seed(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f'expected a whole number, got "{text}"') from None
    if not 0 <= value < 2**63:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 2^63-1, got {value}")
    return value


def build_parser() -> Parser:
    """The parser of `python -m game` and its subcommands."""
    parser = Parser(prog="vitale-coalities", description="Vitale Coalities: a serious game about the social domain.")
    parser.add_argument("--version", action="version", version=f"Vitale Coalities {__version__}")
    parser.add_argument("--smoke", action="store_true", help="draw every screen once headless and exit")
    parser.add_argument("--first-frame", action="store_true", help="show the main menu's first frame and exit")
    sub = parser.add_subparsers(dest="command", parser_class=Parser)

    play = sub.add_parser("play", help="play a game")
    play.add_argument("--scenario")
    play.add_argument("--challenge")
    play.add_argument("--seats", help="comma list of role:name; a name of bot makes a computer player")
    play.add_argument("--seed", type=_seed)
    play.add_argument("--code", help="a session code from the trainer (VC-XXXX-XXXX): seed, challenge and rounds")
    play.add_argument("--rounds", type=_positive(10))
    play.add_argument("--lang", choices=["nl", "en"])
    play.add_argument("--mode", choices=["beamer", "pass"])
    play.add_argument("--fullscreen", action="store_true")
    play.add_argument("--content", type=Path, help="a content pack folder")
    play.add_argument("--resume", help="latest, or a save file")
    play.add_argument("--autoplay", action="store_true")
    play.add_argument("--quit-after-debrief", action="store_true")
    play.add_argument("--screenshots", type=Path)
    play.add_argument("--window", type=_window, help="the window's size, like 1280x720 (default: fits the screen)")
    play.add_argument("--text-size", type=int, choices=[100, 125, 150], help="text size in % for this run")

    validate = sub.add_parser("validate", help="check the content (and a content pack)")
    validate.add_argument("--content", type=Path, help="a content pack folder")
    validate.add_argument("--json", action="store_true")
    validate.add_argument(
        "--lang", choices=["nl", "en"], default="en", help="the problems' language (default en; --json adds `text`)"
    )

    simulate = sub.add_parser("simulate", help="play many games with computer players")
    simulate.add_argument("--scenario", required=True, help="a scenario id, or all")
    simulate.add_argument("--games", type=_positive(100_000), required=True)
    simulate.add_argument("--seed", type=_seed, default=1)
    simulate.add_argument("--strategy", help="a strategy of the content (default: its default_strategy), or all")
    simulate.add_argument("--challenge")
    simulate.add_argument("--seats", type=_positive(6), default=4, help="number of seats (default 4)")
    simulate.add_argument("--rounds", type=_positive(10))
    simulate.add_argument("--content", type=Path)
    simulate.add_argument("--json", action="store_true")

    lab = sub.add_parser("lab", help="the balance laboratory: does what works depend on the future?")
    lab.add_argument("--content", type=Path, help="a content pack folder")
    lab.add_argument("--profiles", type=_positive(1024), help="ways of playing in the grid (default 256; quick 128)")
    lab.add_argument("--games", type=_positive(100_000), help="games per row (default 200; quick 60)")
    lab.add_argument("--seats", type=_positive(6), default=4, help="number of seats (default 4)")
    lab.add_argument("--seed", type=_seed, default=1)
    lab.add_argument("--workers", type=_positive(256), help="processes (default: one per core)")
    lab.add_argument("--quick", action="store_true", help="a smaller grid and fewer games (seconds, not a minute)")
    lab.add_argument("--json", action="store_true")

    windtunnel = sub.add_parser("windtunnel", help="replay a game's strategy under every scenario")
    windtunnel.add_argument("--log", type=Path, required=True, help="a game log (JSON) from the logs folder")
    windtunnel.add_argument("--games", type=_positive(100_000), default=300, help="games per scenario (default 300)")
    windtunnel.add_argument("--content", type=Path, help="the content pack the game was played with")
    windtunnel.add_argument("--lang", choices=["nl", "en"], help="language of the text output (default: the log's)")
    windtunnel.add_argument("--json", action="store_true")

    report = sub.add_parser("report", help="write the printable debrief report (PDF) of a game log")
    report.add_argument("--log", type=Path, required=True, help="a game log (JSON) from the logs folder")
    report.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    report.add_argument("--games", type=_positive(100_000), default=300, help="wind tunnel games per scenario")
    report.add_argument("--content", type=Path, help="the content pack the game was played with")
    report.add_argument("--lang", choices=["nl", "en"], help="the report's language (default: the log's)")
    report.add_argument(
        "--windtunnel", type=Path, help="a saved `windtunnel --json` result to use instead of running it"
    )

    debrief = sub.add_parser("debrief", help="every number and line the debrief shows for a game log")
    debrief.add_argument("--log", type=Path, required=True, help="a game log (JSON) from the logs folder")
    debrief.add_argument("--content", type=Path, help="the content pack the game was played with")
    debrief.add_argument("--lang", choices=["nl", "en"], help="the language of the lines (default: the log's)")
    debrief.add_argument("--json", action="store_true", help="as JSON (else a short summary in words)")

    compare = sub.add_parser("compare", help="several tables' game logs (and what-if branches) side by side")
    compare.add_argument("logs", nargs="+", type=Path, metavar="LOG", help="game logs, or folders of them")
    compare.add_argument("--out", type=Path, help="also write the zaalverslag (PDF) to this file")
    compare.add_argument("--json", action="store_true")
    compare.add_argument("--lang", choices=["nl", "en"], default="en", help="language of the words (default en)")
    compare.add_argument("--content", type=Path, help="the content pack the tables played with")
    compare.add_argument(
        "--games", type=_positive(100_000), default=60, help="games per choice to test what helped (default 60)"
    )

    branch = sub.add_parser("branch", help="what if the table's future had been another from a round on")
    branch.add_argument("--log", type=Path, required=True, help="the table's game log")
    branch.add_argument("--round", type=_positive(10), required=True, help="the round the future turns at")
    branch.add_argument("--scenario", required=True, help="the other future's id")
    branch.add_argument("--out", type=Path, help="the branch's log file (default: the logs folder)")
    branch.add_argument("--content", type=Path, help="the content pack the game was played with")

    schema = sub.add_parser("schema", help="JSON Schemas of the content files, for editors (or the field reference)")
    schema.add_argument(
        "--out",
        type=Path,
        help="a folder for one schema per kind of file (default: one combined schema on stdout); with --reference "
        "a Markdown file, whose reference between the markers is replaced",
    )
    schema.add_argument("--reference", action="store_true", help="the trainer's field reference in Markdown")
    schema.add_argument("--lang", choices=["nl", "en"], default="en", help="the reference's language (default en)")

    new_pack = sub.add_parser("new-pack", help="write a commented starting content pack into a new folder")
    new_pack.add_argument("dir", type=Path, metavar="DIR", help="a folder that does not exist yet (or is empty)")
    new_pack.add_argument("--lang", choices=["nl", "en"], default="nl", help="the comments' language (default nl)")
    return parser


def cmd_validate(args: argparse.Namespace) -> int:
    """`validate`: exit 0 when the content is valid, else 1 with one line per problem."""
    from game.content import load_content

    if args.content is not None and not args.content.is_dir():
        raise UsageError(f"vitale-coalities validate: the content folder {args.content} does not exist")
    result = load_content(pack=args.content)
    if args.json:
        summary = result.content.summary()
        print(
            json.dumps(
                {
                    "ok": result.ok,
                    **summary,
                    "errors": [p.as_dict(args.lang) for p in result.problems],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for problem in result.problems:
            print(f"{problem.file}:{problem.line}: {problem.field}: {problem.text(args.lang)}")
        if result.ok:
            s = result.content.summary()
            print(
                f"ok: {len(s['scenarios'])} scenarios, {len(s['trends'])} trends, {len(s['roles'])} roles, "
                f"{len(s['challenges'])} challenges"
            )
        else:
            print(f"{len(result.problems)} problem(s) found", file=sys.stderr)
    return 0 if result.ok else 1


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line; return the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):  # a Windows console or pipe may not take every character we print
        if stream is not None and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="replace")
            except (ValueError, OSError):
                pass
    try:
        args = build_parser().parse_args(argv)
        if args.command == "validate":
            return cmd_validate(args)
        if args.command == "simulate":
            from game.cli.commands import cmd_simulate

            return cmd_simulate(args)
        if args.command == "lab":
            from game.cli.commands import cmd_lab

            return cmd_lab(args)
        if args.command == "windtunnel":
            from game.cli.commands import cmd_windtunnel

            return cmd_windtunnel(args)
        if args.command == "report":
            from game.cli.commands import cmd_report

            return cmd_report(args)
        if args.command == "debrief":
            from game.cli.commands import cmd_debrief

            return cmd_debrief(args)
        if args.command in ("compare", "branch"):
            from game.cli.compare import cmd_branch, cmd_compare

            return (cmd_compare if args.command == "compare" else cmd_branch)(args)
        if args.command == "schema":
            from game.cli.commands import cmd_schema

            return cmd_schema(args)
        if args.command == "new-pack":
            from game.cli.commands import cmd_new_pack

            return cmd_new_pack(args)
        if args.command == "play" or args.smoke or args.first_frame or args.command is None:
            return _play(args)
        raise UsageError(f"vitale-coalities: unknown command {args.command}")
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
        return 130


def _play(args: argparse.Namespace) -> int:
    """The window. Its process ends here, without the interpreter's teardown: freeing pygame's and FreeType's
    objects there crashed a resumed game now and then after it had closed cleanly (a segmentation fault once
    in some hundred runs, even with pygame quit first; see launch.close_pygame). Everything is saved and
    flushed before."""
    import logging
    import os

    from game.ui.launch import launch

    code = launch(args)
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    os._exit(code)
