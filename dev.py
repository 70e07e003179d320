#!/usr/bin/env python3
"""Set up the project in a local virtual environment (.venv) and run it.

    python3 dev.py            set up (first time only) and start the game
    python3 dev.py test       set up and run the whole test suite (extra arguments go to pytest)
    python3 dev.py bench      set up and run the benchmarks (see bench/README.md)
    python3 dev.py game ARGS  set up and run `python -m game ARGS`
    python3 dev.py build      set up and build the program with PyInstaller into dist/VitaleCoalities/
                              (VC_ONEFILE=1 for a single file; build on the platform you ship to)

On Windows use `py dev.py ...`. Needs only Python 3.11+ and, the first time, access to PyPI.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".dev-stamp"


def venv_python() -> Path:
    """The virtual environment's Python."""
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def setup() -> Path:
    """Create .venv and install the project with its test extras, when pyproject.toml changed."""
    if sys.version_info < (3, 11):
        sys.exit(f"Vitale Coalities needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    python = venv_python()
    if not python.exists():
        print("Setting up .venv (first time only) ...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text().strip() != wanted:
        print("Installing the game and its test tools into .venv ...", flush=True)
        pip = [str(python), "-m", "pip", "--disable-pip-version-check", "-q"]
        subprocess.run(pip + ["install", "--upgrade", "pip"], check=True)
        subprocess.run(pip + ["install", "-e", f"{ROOT}[test]"], check=True)
        STAMP.write_text(wanted)
    return python


def main(argv: list[str]) -> int:
    """Dispatch the dev command."""
    command = argv[0] if argv else "play"
    rest = argv[1:]
    try:
        python = setup()
    except subprocess.CalledProcessError as exc:
        print(f"Setting up failed (exit {exc.returncode}); see the messages above.", file=sys.stderr)
        return 1
    if command == "test":
        env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
        return subprocess.call([str(python), "-m", "pytest", *rest], cwd=ROOT, env=env)
    if command == "bench":
        return subprocess.call([str(python), str(ROOT / "bench" / "run.py"), *rest], cwd=ROOT)
    if command == "build":
        return subprocess.call([str(python), "-m", "PyInstaller", "build.spec", "--noconfirm", *rest], cwd=ROOT)
    if command == "game":
        return subprocess.call([str(python), "-m", "game", *rest], cwd=ROOT)
    if command == "play":
        return subprocess.call([str(python), "-m", "game", *rest], cwd=ROOT)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
