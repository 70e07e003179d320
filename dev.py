#!/usr/bin/env python3
"""Set up the project in a local virtual environment (.venv) and run it.

    python3 dev.py            set up (first time only) and start the game
    python3 dev.py test       set up and run the whole test suite (extra arguments go to pytest)
    python3 dev.py test --latest
                              the same against the newest versions pyproject.toml's ranges allow, in
                              .venv-latest instead of the lock: meet a breaking release on purpose
    python3 dev.py lint       ruff check and ruff format --check (CI runs this before the tests)
    python3 dev.py lock       resolve pyproject.toml's ranges anew into requirements.lock (with uv;
                              extra arguments go to `uv pip compile`)
    python3 dev.py bench      set up and run the benchmarks (see bench/README.md)
    python3 dev.py game ARGS  set up and run `python -m game ARGS`
    python3 dev.py build      set up and build the program with PyInstaller into dist/VitaleCoalities/
                              (VC_ONEFILE=1 for a single file; build on the platform you ship to)

On Windows use `py dev.py ...`. Needs only Python 3.11+ and, the first time, access to PyPI.

.venv is installed from requirements.lock: exact versions with their hashes, one file for every
platform, so CI, the tests and the build use the same packages until someone runs `dev.py lock`.
pyproject.toml keeps the compatible ranges for people who `pip install` the game.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
LATEST_VENV = ROOT / ".venv-latest"
LOCK = ROOT / "requirements.lock"
PYPROJECT = ROOT / "pyproject.toml"
# What the lock holds besides the game's own dependencies: the test tools and the developer tools.
LOCKED_EXTRAS = ("test", "dev")


def venv_python(folder: Path = VENV) -> Path:
    """The Python of the virtual environment in `folder`."""
    if os.name == "nt":
        return folder / "Scripts" / "python.exe"
    return folder / "bin" / "python"


def venv_tool(name: str, folder: Path = VENV) -> Path:
    """A console script installed in the virtual environment in `folder`."""
    if os.name == "nt":
        return folder / "Scripts" / f"{name}.exe"
    return folder / "bin" / name


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


def make_venv(folder: Path = VENV) -> None:
    """Create a virtual environment in `folder` from `base_python()` (falling back to this Python when
    that one cannot make one)."""
    base = base_python()
    if base != sys.executable:
        print(f"Making {folder.name} from {base} (see dev.py: base_python) ...", flush=True)
        made = subprocess.run([base, "-m", "venv", "--clear", str(folder)])
        if made.returncode == 0 and venv_python(folder).exists():
            return
        print(f"{base} could not make a virtual environment; using {sys.executable}.", flush=True)
    venv.EnvBuilder(with_pip=True, clear=True).create(folder)


def _pip(python: Path) -> list[str]:
    """pip of `python`, quiet, without its upgrade nag."""
    return [str(python), "-m", "pip", "--disable-pip-version-check", "-q"]


def _stamp(folder: Path) -> Path:
    return folder / ".dev-stamp"


def _wanted(*files: Path) -> str:
    """What an installed environment was made from: the hash of these files."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()


def _check_python() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may be started by an older Python: say so
        sys.exit(f"Vitale Coalities needs Python 3.11 or newer; this is {sys.version.split()[0]}.")


def setup() -> Path:
    """Create .venv and install exactly the locked packages and the game, when the lock or
    pyproject.toml changed since the last install."""
    _check_python()
    if not LOCK.exists():
        sys.exit(f"{LOCK.name} is missing: run `python3 dev.py lock` to make it.")
    python = venv_python()
    if not python.exists():
        print("Setting up .venv (first time only) ...", flush=True)
        make_venv()
    wanted = _wanted(PYPROJECT, LOCK)
    stamp = _stamp(VENV)
    if not stamp.exists() or stamp.read_text().strip() != wanted:
        print(f"Installing the game and the packages of {LOCK.name} into .venv ...", flush=True)
        # Every package at its locked version, checked against its hash; nothing else is resolved.
        subprocess.run(_pip(python) + ["install", "--require-hashes", "--no-deps", "-r", str(LOCK)], check=True)
        # The game itself, built with the locked setuptools (no download of a newer one).
        subprocess.run(_pip(python) + ["install", "--no-deps", "--no-build-isolation", "-e", str(ROOT)], check=True)
        stamp.write_text(wanted)
    return python


def setup_latest() -> Path:
    """Create .venv-latest with the newest versions that pyproject.toml's ranges allow (no lock)."""
    _check_python()
    python = venv_python(LATEST_VENV)
    if not python.exists():
        print("Setting up .venv-latest ...", flush=True)
        make_venv(LATEST_VENV)
    print("Installing the newest allowed versions into .venv-latest ...", flush=True)
    extras = ",".join(LOCKED_EXTRAS)
    subprocess.run(_pip(python) + ["install", "--upgrade", "pip"], check=True)
    subprocess.run(
        _pip(python) + ["install", "--upgrade", "--upgrade-strategy", "eager", "-e", f"{ROOT}[{extras}]"], check=True
    )
    return python


def lock(extra_args: list[str]) -> int:
    """Resolve pyproject.toml (the game, its test and dev extras, and its build backend) into
    requirements.lock with uv: exact versions and hashes, valid on every platform."""
    _check_python()
    python = venv_python()
    if not python.exists():
        make_venv()
    uv = venv_tool("uv")
    if not uv.exists():
        print("Installing uv into .venv to make the lock ...", flush=True)
        subprocess.run(_pip(python) + ["install", "uv>=0.5,<1"], check=True)
    build_requires = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["build-system"]["requires"]
    with tempfile.TemporaryDirectory() as tmp:
        build_in = Path(tmp) / "build-system.in"
        build_in.write_text("\n".join(build_requires) + "\n", encoding="utf-8")
        command = [str(uv), "pip", "compile", "pyproject.toml", str(build_in)]
        command += [arg for extra in LOCKED_EXTRAS for arg in ("--extra", extra)]
        command += ["--universal", "--python-version", "3.11", "--generate-hashes", "--upgrade"]
        command += ["--no-header", "--quiet", "--output-file", LOCK.name, *extra_args]
        done = subprocess.call(command, cwd=ROOT, env=dict(os.environ, UV_CUSTOM_COMPILE_COMMAND="python3 dev.py lock"))
    if done == 0:
        text = LOCK.read_text(encoding="utf-8").replace(str(build_in), "build-system.requires")
        header = "# The exact packages of .venv, CI and the build, with their hashes. Made by `python3 dev.py lock`.\n"
        LOCK.write_text(header + text, encoding="utf-8")
        print(f"Wrote {LOCK.name}.")
    return done


def lint() -> int:
    """ruff check and ruff format --check over the whole project."""
    setup()
    ruff = str(venv_tool("ruff"))
    checked = subprocess.call([ruff, "check", "."], cwd=ROOT)
    formatted = subprocess.call([ruff, "format", "--check", "."], cwd=ROOT)
    return checked or formatted


def main(argv: list[str]) -> int:
    """Dispatch the dev command."""
    command = argv[0] if argv else "play"
    rest = argv[1:]
    latest = command == "test" and "--latest" in rest
    try:
        if command == "lock":
            return lock(rest)
        if command == "lint":
            return lint()
        if latest:
            rest = [arg for arg in rest if arg != "--latest"]
            python = setup_latest()
        else:
            python = setup()
    except subprocess.CalledProcessError as exc:
        print(f"Setting up failed (exit {exc.returncode}); see the messages above.", file=sys.stderr)
        return 1
    if command == "test":
        env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", VC_LATEST="1" if latest else "0")
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
