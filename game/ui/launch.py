"""From the command line to a running window: check the flags, load the content, open the app.

Bad flags get one line and exit code 2 before any window opens. A broken content pack never stops the
game: its problems are listed on the content-check screen and the built-in content is played.

SIGTERM and SIGINT (Ctrl-C) end the game cleanly, even in the middle of a frame or of a long computation:
the game saves after every action, so there is nothing to finish. The exit code is the shell's for a
process ended by that signal, 128 + its number: 143 for SIGTERM, 130 for SIGINT (as `cli.main` gives for
Ctrl-C elsewhere); one line goes to stderr and to the log, never a traceback. A second signal while the game
is closing ends the process at once, with the same code.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

from game.errors import UsageError

log = logging.getLogger(__name__)


def parse_seats(spec: str, content, lang: str = "nl") -> tuple:
    """`role:name,role:bot,...` into seats; a name of `bot` makes a computer player (named in `lang`)."""
    from game.engine import SeatSetup
    from game.words import say

    seats = []
    for n, part in enumerate(spec.split(",")):
        part = part.strip()
        if ":" not in part:
            raise UsageError(f'vitale-coalities play: --seats: expected role:name, got "{part}"')
        role, name = (x.strip() for x in part.split(":", 1))
        if role not in content.roles:
            raise UsageError(
                f'vitale-coalities play: --seats: unknown role "{role}"; known: {", ".join(sorted(content.roles))}'
            )
        bot = name.lower() == "bot"
        name = f"{say('setup.computer', lang)} {n + 1}" if bot else (name or f"{say('setup.seat', lang)} {n + 1}")
        seats.append(SeatSetup(role, name, bot, content.default_strategy()))
    if not 2 <= len(seats) <= 6:
        raise UsageError(f"vitale-coalities play: --seats: a game has 2 to 6 seats, not {len(seats)}")
    return tuple(seats)


def load(pack: Optional[Path]):
    """The content to play and the problems found: the built-in content with the pack's valid files (each
    file with a problem is skipped, and named in the problems), as `validate` and the content check report."""
    from game.content import load_content

    result = load_content(pack=pack)
    return result.content, result.problems


def chosen_pack() -> Optional[Path]:
    """The pack chosen in the game earlier (the settings remember it), when its folder is still there."""
    from .packs import remembered_pack
    from .settings import load_settings

    return remembered_pack(load_settings()[0])


def skipped_line(pack: Optional[Path], problems) -> str:
    """One line for the terminal before anything else when files of the pack were skipped, else ""."""
    from .packs import skipped_files

    files = skipped_files(problems)
    if pack is None or not files:
        return ""
    return (
        f"vitale-coalities play: pack {Path(pack).name}: {len(files)} file(s) skipped because of problems "
        f"({', '.join(files[:3])}{', ...' if len(files) > 3 else ''}); see Inhoud controleren in the menu, "
        "or run: python -m game validate --content " + str(pack)
    )


def _unknown(what: str, item_id: str, known, problems) -> str:
    """The message for a --scenario or --challenge that is not in the content: when a skipped file of the pack
    is named after it, that file and its first problem."""
    folder = f"{what}s/"  # scenarios/, challenges/
    for problem in problems:
        name = Path(problem.file).name
        if folder in problem.file.replace("\\", "/") and Path(name).stem == item_id:
            return (
                f'vitale-coalities play: the {what} "{item_id}" is in {problem.file}, which was skipped because of '
                f"its problems; the first: line {problem.line}: {problem.field}: {problem.message}"
            )
    return f'vitale-coalities play: unknown {what} "{item_id}"; known: {", ".join(sorted(known))}'


def options_from(args):
    """Turn parsed arguments into checked Options."""
    from .app import Options

    pack = getattr(args, "content", None)
    if pack is not None and not Path(pack).is_dir():
        raise UsageError(f"vitale-coalities play: the content folder {pack} does not exist")
    if pack is None:  # so that --scenario can name one of its futures
        pack = chosen_pack()
    # A plain start needs no content before the menu's first frame (the app loads it right after); flags that
    # name content are checked against it now, so a mistake is one line before any window opens.
    needed = getattr(args, "command", None) == "play" or pack is not None
    content, problems = load(pack) if needed else (None, [])
    scenario = getattr(args, "scenario", None)
    if scenario and scenario not in content.scenarios:
        raise UsageError(_unknown("scenario", scenario, content.scenarios, problems))
    challenge = getattr(args, "challenge", None)
    if challenge and challenge not in content.challenges:
        raise UsageError(_unknown("challenge", challenge, content.challenges, problems))
    code = _session_code(args, content) if getattr(args, "code", None) else None
    if code is not None:
        scenario = scenario or code.scenario
    seed = code.seed if code is not None else getattr(args, "seed", None)
    if seed is None and getattr(args, "autoplay", False):
        from .scenes.setup import new_seed

        seed = new_seed()  # chosen now, so that the session code printed first is the game's
    lang = getattr(args, "lang", None) or "nl"
    seats = parse_seats(args.seats, content, lang) if getattr(args, "seats", None) else None
    shots = getattr(args, "screenshots", None)
    if shots is not None:
        try:
            Path(shots).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"vitale-coalities play: cannot write screenshots to {shots}: {exc.strerror}") from None
    resume = _resume(getattr(args, "resume", None), content) if getattr(args, "resume", None) else None
    return Options(
        resume=resume,
        scenario=scenario,
        challenge=code.challenge if code is not None else challenge,
        seats=seats,
        seed=seed,
        rounds=code.rounds if code is not None else getattr(args, "rounds", None),
        lang=getattr(args, "lang", None),
        mode=getattr(args, "mode", None),
        fullscreen=getattr(args, "fullscreen", False),
        autoplay=getattr(args, "autoplay", False),
        quit_after_debrief=getattr(args, "quit_after_debrief", False),
        screenshots=Path(shots) if shots else None,
        content=content,
        content_problems=problems,
        content_pack=pack,
        start_game=getattr(args, "command", None) == "play",
        size=getattr(args, "window", None),
        text_size=getattr(args, "text_size", None),
    )


def autoplay_code_line(options) -> str:
    """`session code: VC-XXXX-XXXX` for the game `play --autoplay` is about to play (the setup's defaults)."""
    from game.analysis.sessioncode import MAX_SEED, encode

    content = options.content
    challenge = options.challenge or sorted(content.challenges)[0]
    rounds = options.rounds or content.rules.default_rounds
    code = encode(content, options.seed, challenge, rounds)
    if code is None:
        return f"session code: none (a code carries seeds up to {MAX_SEED}, this game's is {options.seed})"
    return f"session code: {code}"


def _session_code(args, content):
    """The session code of `play --code`; UsageError when it is wrong or contradicts another flag."""
    from game.analysis.sessioncode import SessionCodeError, decode

    try:
        code = decode(content, args.code)
    except SessionCodeError as exc:
        raise UsageError(f"vitale-coalities play --code: {exc.text(getattr(args, 'lang', None) or 'en')}") from None
    given = {"seed": code.seed, "challenge": code.challenge, "rounds": code.rounds}
    for flag, value in given.items():
        if getattr(args, flag, None) not in (None, value):
            raise UsageError(
                f"vitale-coalities play: --code {args.code} sets the {flag} to {value}; leave out --{flag}"
            )
    if code.scenario and getattr(args, "scenario", None) not in (None, code.scenario):
        raise UsageError(
            f"vitale-coalities play: --code {args.code} gives the future {code.scenario}; leave out --scenario"
        )
    return code


def _resume(which: str, content):
    """The save to play on from: `latest` (the newest in the saves folder) or a file; UsageError when unusable."""
    from game.paths import user_dir
    from game.saves import SaveError, latest_save, load_save

    if which == "latest":
        path = latest_save()
        if path is None:
            folder = user_dir("saves", create=False)
            raise UsageError(f"vitale-coalities play --resume latest: there are no saved games yet (in {folder})")
    else:
        path = Path(which)
    try:
        return load_save(path, content)
    except SaveError as exc:
        raise UsageError(f"vitale-coalities play --resume: {exc.text('en')}") from None


def build_app(size=(1280, 720), **values):
    """An app with the built-in content at the main menu (for tests and the smoke run)."""
    from .app import Options, make_app

    pack = values.pop("content_pack", None)
    pack = pack if pack is not None else chosen_pack()  # as at a real start
    content, problems = load(pack)
    options = Options(size=size, content=content, content_problems=problems, content_pack=pack, **values)
    return make_app(options)


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGINT arrived: raised by the signal handler wherever the main thread is, so that a loop
    that never looks at its events (SDL turns SIGTERM into a quit event) still ends. A KeyboardInterrupt, so
    that the game's `except Exception` (the last line of defence in `App.run`) lets it through."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        self.code = 128 + signum
        try:
            self.name = signal.Signals(signum).name
        except ValueError:
            self.name = f"signal {signum}"
        super().__init__(self.name)


STOP_SIGNALS = ("SIGTERM", "SIGINT")  # those the platform has (Windows has both, for this process)


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """While inside, SIGTERM and SIGINT raise `Stopped` in the main thread (a Python handler runs between two
    bytecodes, so even a loop stuck in Python is interrupted); a second one ends the process at once. The
    handlers are installed before SDL starts, so SDL leaves them alone (it takes only signals that have no
    handler yet), and the previous handlers come back afterwards. A signal the process was started to ignore
    stays ignored; outside the main thread nothing changes."""
    fired: list[int] = []

    def handler(signum, frame) -> None:
        if fired:  # the game did not close after the first one: do not wait for it
            os._exit(128 + fired[0])
        fired.append(signum)
        raise Stopped(signum)

    previous = {}
    for name in STOP_SIGNALS:
        number = getattr(signal, name, None)
        if number is None:
            continue
        try:
            if signal.getsignal(number) is signal.SIG_IGN:  # started to ignore it (nohup, `&`): keep it so
                continue
            previous[number] = signal.signal(number, handler)
        except (ValueError, OSError):  # not the main thread, or not allowed here
            continue
    try:
        yield
    finally:
        for number, old in previous.items():
            try:
                signal.signal(number, old if old is not None else signal.SIG_DFL)
            except (ValueError, OSError):
                pass


def launch(args) -> int:
    """Run the window for `python -m game [play ...]`, `--smoke` or `--first-frame`; SIGTERM and SIGINT end
    it with 128 + the signal's number (see the module's docstring)."""
    started: list = []  # the app, once there is one
    try:
        with stop_on_signals():
            return _launch(args, started)
    except Stopped as stop:
        return _stopped(stop, started)
    finally:
        started.clear()
        close_pygame()


def close_pygame() -> None:
    """Free every font, surface and widget while pygame still runs, then quit it. Left to the interpreter's
    exit, they were freed after pygame's own exit handler had quit SDL and FreeType, in an order that
    changes from run to run, and now and then that crashed the process as it ended (a segmentation fault
    after the game had closed, about once in a few hundred runs)."""
    import gc

    import pygame

    from game.export.look import clear_caches

    clear_caches()
    gc.collect()
    pygame.quit()


def _stopped(stop: Stopped, started: list) -> int:
    """Say that a signal stopped the game (and whether it was saved); the exit code for that signal."""
    app = started[0] if started else None
    session = getattr(app, "session", None)
    saved = session is not None and getattr(session, "saver", None) is not None
    log.info("stopped by %s (exit code %d)%s", stop.name, stop.code, "; the game was saved" if saved else "")
    if sys.stderr is not None:
        print(
            f"Vitale Coalities gestopt ({stop.name})."
            + (" Het spel is bewaard: start opnieuw en kies 'Verder spelen'." if saved else ""),
            file=sys.stderr,
            flush=True,
        )
    return stop.code


def _launch(args, started: list) -> int:
    if getattr(args, "smoke", False):
        return smoke()
    options = options_from(args)
    line = skipped_line(options.content_pack, options.content_problems)
    if line and sys.stderr is not None:  # before anything else, so a trainer at the terminal sees it
        print(line, file=sys.stderr, flush=True)
    if options.autoplay and sys.stdout is not None:  # first, so every table's script sees the code it played
        print(autoplay_code_line(options), flush=True)
    from .app import make_app

    app = make_app(options)
    started.append(app)
    if getattr(args, "first_frame", False):
        app.draw()
        return 0
    if options.resume is not None:
        from .flow import resume_game

        resume_game(app, options.resume)
    elif options.start_game and not options.autoplay:  # autoplay walks from the menu, screen by screen
        from .scenes.setup import SetupScene

        app.goto(SetupScene(app))
    return app.run()


def smoke() -> int:
    """Draw every screen once headless, write a role-card PDF and a report PDF to a temp folder, exit 0 (or
    say what failed, exit 1). It works the same from source and from the frozen build, and touches none of the
    user's folders: everything goes to a temp folder that is removed afterwards."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.paths import HOME_VARIABLE

    before = os.environ.get(HOME_VARIABLE)
    with tempfile.TemporaryDirectory() as folder:
        os.environ[HOME_VARIABLE] = folder
        try:
            drawn = _smoke_run(Path(folder))
            print(f"smoke ok: {len(drawn)} screens drawn, role cards and report written")
            return 0
        except Exception as exc:  # the smoke run must say what is missing, not crash
            print(f"smoke failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            log.exception("smoke failed")
            return 1
        finally:
            if before is None:
                os.environ.pop(HOME_VARIABLE, None)
            else:
                os.environ[HOME_VARIABLE] = before


def _smoke_run(folder: Path) -> set:
    from .flow import start_game
    from .scenes import content_check, facilitator, howto, load, settings
    from .scenes.debrief import TABS
    from .scenes.setup import SetupChoices

    app = build_app(size=(1280, 720), windtunnel_games=10)
    app.draw()
    drawn = {"menu"}
    choices = SetupChoices(app)
    start_game(app, choices.setup(app), "pass")
    steps = 0
    while app.top.name != "debrief" and steps < 400:
        steps += 1
        app.draw()
        drawn.add(app.top.name)
        top = app.top
        if top.name == "table":
            seat = app.session.current()
            if seat >= 0 and not app.session.is_bot(seat):
                action, _ = _bot_for(app, seat)
                top._do(action)
                continue
        top.autoplay()
    app.draw()
    debrief = app.top
    if debrief.name != "debrief":
        raise RuntimeError(f"the game did not reach the debrief (stopped at {debrief.name})")
    if not debrief.job.wait(120) or not debrief.job.ok:
        raise RuntimeError(f"the wind tunnel failed: {debrief.job.error}")
    for tab in TABS:
        debrief.select(tab)
        app.draw()
        drawn.add(f"debrief-{tab}")
    for scene in (
        settings.SettingsScene(app),
        howto.HowToScene(app),
        content_check.ContentCheckScene(app),
        facilitator.FacilitatorScene(app),
    ):
        app.push(scene)
        app.draw()
        drawn.add(scene.name)
        app.pop()
    app.goto(load.LoadScene(app))
    app.draw()
    drawn.add("load")
    from game.export.report import write_report
    from game.export.rolecards import write_role_cards

    write_role_cards(app.session.state if app.session else debrief.game_log.state, "nl", folder / "rolkaarten.pdf")
    write_report(app.content, debrief.game_log, folder / "rapport.pdf", "nl", windtunnel_result=debrief.job.result)
    for name in ("rolkaarten.pdf", "rapport.pdf"):
        if (folder / name).stat().st_size < 1000:
            raise RuntimeError(f"{name} is empty")
    return drawn


def _bot_for(app, seat):
    from game.bots import Bot

    state = app.session.state
    return Bot(seat, state.book.content.default_strategy(), app.session.setup.seed).choose(state)
