"""Test setup: headless SDL, and every test gets its own user-data folder."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def user_home(tmp_path_factory, monkeypatch):
    """A fresh $VITALE_COALITIES_HOME for each test, so no test touches the real user folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("VITALE_COALITIES_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def content():
    """The built-in content, loaded once."""
    from game.content import load_content

    result = load_content()
    assert result.ok, "\n".join(map(str, result.problems))
    return result.content


def run_game(*args, env=None, timeout=120):
    """Run `python -m game ARGS` in a subprocess; return the CompletedProcess."""
    import subprocess

    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "game", *args],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def write_pack(tmp_path: Path, files: dict[str, bytes | str], name: str = "mijnpakket") -> Path:
    """A content pack folder `tmp_path/name` holding `files` (path in the pack -> text or bytes); its path."""
    pack = tmp_path / name
    for rel, data in files.items():
        path = pack / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return pack


def make_log(content, scenario="samendam", seed=7, strategy="balanced", humans=(0, 1)):
    """The game log (dict) of a game played by bots, with `humans` marked as people's seats."""
    from game.analysis.gamelog import build_log
    from game.analysis.simulate import play
    from game.bots import Bot
    from game.engine import SeatSetup, Setup

    seats = tuple(
        SeatSetup(role, f"Speler {i + 1}" if i in humans else f"{role}{i + 1}", i not in humans, strategy)
        for i, role in enumerate(content.table_roles(4))
    )
    setup = Setup(scenario, sorted(content.challenges)[0], seats, content.rules.default_rounds, seed)
    bots = {i: Bot(i, strategy, seed) for i in range(len(seats))}
    state = play(content, setup, bots)
    return build_log(content, setup, state.actions, lang="nl", written="2026-01-01T10:00:00Z")


@pytest.fixture(scope="session")
def game_log_file(content, tmp_path_factory):
    """A written game log (Samendam, seed 7, balanced play, two human seats): its path."""
    from game.analysis.gamelog import write_log

    return write_log(make_log(content), tmp_path_factory.mktemp("logs"))


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Every test runs offline: any attempt to reach the network fails loudly (issue 6, "no network").

    Connecting, binding, sending and name look-ups raise an AssertionError that names the call. Local
    (AF_UNIX) sockets are left alone: they are how processes on one machine talk, not the network.
    The guard covers this process and its threads; a subprocess (`run_game`) is not covered.
    """
    import socket

    def refuse(name, original=None):
        def guard(*args, **kwargs):
            if original is not None and getattr(args[0], "family", None) == getattr(socket, "AF_UNIX", None):
                return original(*args, **kwargs)
            shown = ", ".join(repr(a) for a in args[1 if original is not None else 0 :])
            raise AssertionError(f"socket.{name}({shown}) during a test: the game must never use the network")

        return guard

    for name in ("connect", "connect_ex", "bind", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}", getattr(socket.socket, name)))
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr"):
        monkeypatch.setattr(socket, name, refuse(name))


def engine_move(session) -> bool:
    """The engine's own move when the game waits for it (draw the trend, resolve the round), or the table's
    first answer to a dilemma: True when it made one, False when a seat is to move (or the game is over)."""
    from game.engine import dilemma_answers

    need = session.needs_engine()
    if need == "trend":
        session.draw_trend()
    elif need == "resolution":
        session.resolve()
    elif need == "dilemma":
        session.act(dilemma_answers(session.state)[0])
    return need in ("trend", "resolution", "dilemma")


def to_actions(state):
    """`state` (a new state) after the round's draw and the table's first answer to every dilemma it posed."""
    from game.engine import apply, dilemma_answers, legal_actions

    state = apply(state, legal_actions(state)[0])
    while dilemma_answers(state):
        state = apply(state, dilemma_answers(state)[0])
    return state
