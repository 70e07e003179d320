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
