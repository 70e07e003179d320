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


_LOADS_LIBPYTHON = "import sys; sys.exit(0 if 'libpython' in open('/proc/self/maps').read() else 1)"


def _loads_libpython(python: str) -> bool:
    """Whether this Python (on Linux) runs its interpreter from a shared libpython."""
    try:
        return subprocess.run([python, "-c", _LOADS_LIBPYTHON], capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def base_python() -> str:
    """The Python that .venv is made from: $VC_PYTHON when set, else this one - or, on Linux, the system's
    Python of the same version when this one runs from a shared libpython and that one does not.

    A CPython built with a shared libpython (pyenv's default build, for one) runs the game's engine and
    its computer players about 20 % slower than the same version with the interpreter linked into the
    program, as Linux distributions ship it (measured: docs/PERFORMANCE.md). Both are the same Python."""
    chosen = os.environ.get("VC_PYTHON")
    if chosen:
        return chosen
    system = Path(f"/usr/bin/python{sys.version_info.major}.{sys.version_info.minor}")
    if sys.platform.startswith("linux") and system.exists() and Path(sys.executable).resolve() != system.resolve():
        if _loads_libpython(sys.executable) and not _loads_libpython(str(system)):
            return str(system)
    return sys.executable


def make_venv() -> None:
    """Create .venv from `base_python()` (falling back to this Python when that one cannot make one)."""
    base = base_python()
    if base != sys.executable:
        print(f"Making .venv from {base} (see dev.py: base_python) ...", flush=True)
        made = subprocess.run([base, "-m", "venv", "--clear", str(VENV)])
        if made.returncode == 0 and venv_python().exists():
            return
        print(f"{base} could not make a virtual environment; using {sys.executable}.", flush=True)
    venv.EnvBuilder(with_pip=True, clear=True).create(VENV)


def setup() -> Path:
    """Create .venv and install the project with its test extras, when pyproject.toml changed."""
    if sys.version_info < (3, 11):
        sys.exit(f"Vitale Coalities needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    python = venv_python()
    if not python.exists():
        print("Setting up .venv (first time only) ...", flush=True)
        make_venv()
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
