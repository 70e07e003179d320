"""The game never uses the network (issue 6, "no network").

`tests/conftest.py` makes every socket connect, bind, send and name look-up fail during every test. Here
the main code paths run in-process under that guard — validate, simulate, and a whole game through the
real screens to the debrief with its wind tunnel — and a scan of the source makes sure that no module of
the game even imports a networking library.
"""

from __future__ import annotations

import ast
import socket
import urllib.request
from pathlib import Path

import pytest

from game import cli
from tests.conftest import ROOT

GAME = ROOT / "game"
NETWORK_MODULES = {
    "socket",
    "socketserver",
    "ssl",
    "asyncio",
    "selectors",
    "urllib",
    "http",
    "ftplib",
    "poplib",
    "imaplib",
    "smtplib",
    "telnetlib",
    "nntplib",
    "xmlrpc",
    "webbrowser",
    "requests",
    "httpx",
    "aiohttp",
    "urllib3",
    "websocket",
    "websockets",
    "paramiko",
    "pycurl",
}


def test_the_guard_is_active():
    with pytest.raises(AssertionError, match="create_connection.*never use the network"):
        socket.create_connection(("example.com", 80), timeout=1)
    with pytest.raises(AssertionError, match="getaddrinfo"):
        socket.getaddrinfo("example.com", 80)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        with pytest.raises(AssertionError, match="connect"):
            sock.connect(("127.0.0.1", 9))
        with pytest.raises(AssertionError, match="connect_ex"):
            sock.connect_ex(("127.0.0.1", 9))
        with pytest.raises(AssertionError, match="bind"):
            sock.bind(("127.0.0.1", 0))
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        with pytest.raises(AssertionError, match="sendto"):
            sock.sendto(b"x", ("127.0.0.1", 9))
    with pytest.raises(AssertionError, match="never use the network"):  # a library on top of sockets too
        urllib.request.urlopen("http://example.com", timeout=1)


def test_validate_runs_offline(capsys):
    assert cli.main(["validate"]) == 0
    assert capsys.readouterr().out.startswith("ok:")


def test_simulate_runs_offline(capsys):
    assert cli.main(["simulate", "--scenario", "all", "--games", "3"]) == 0
    assert capsys.readouterr().out.strip()


def test_a_whole_game_through_the_screens_runs_offline():
    """A game played by bots from the setup screen to the debrief, then every debrief tab."""
    from tests.screens import open_screen
    from tests.ui_driver import new_app, step

    app = new_app()
    open_screen(app, "debrief_windtunnel")
    scene = app.top
    assert scene.name == "debrief"
    assert scene.job is not None
    scene.job.wait(60)
    assert scene.job.ok, f"the wind tunnel failed in its thread: {scene.job.error!r}"
    for tab in ("outcome", "timeline", "charts", "coalition", "knobs", "windtunnel", "reflection"):
        scene.select(tab)
        step(app, 2)
        assert scene.tab == tab
    assert app.top is scene


def _imported_modules(path: Path) -> set[str]:
    """Top-level names of every module `path` imports, statically or through importlib/__import__."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant):
                found.add(str(node.args[0].value).split(".")[0])
    return found


def test_no_module_of_the_game_imports_a_networking_library():
    files = sorted(GAME.rglob("*.py"))
    assert len(files) > 20
    offenders = {path.relative_to(ROOT).as_posix(): sorted(_imported_modules(path) & NETWORK_MODULES) for path in files}
    offenders = {file: names for file, names in offenders.items() if names}
    assert not offenders, f"networking imports in the game: {offenders}"


def test_the_source_scan_would_notice_a_network_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import os\nfrom urllib.request import urlopen\nimport importlib\nimportlib.import_module('socket')\n",
        encoding="utf-8",
    )
    assert _imported_modules(sample) & NETWORK_MODULES == {"urllib", "socket"}
