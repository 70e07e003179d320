"""The one-folder build: PyInstaller builds it from build.spec, it passes --smoke, and it stays small.

Marked slow (about a minute); `.ci/run` runs it like every other test."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

LIMIT_BYTES = 60 * 1000 * 1000  # 60 MB unpacked (decimal, the stricter reading)
NAME = "VitaleCoalities"


def _size(folder) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


@pytest.mark.slow
def test_the_one_folder_build_smoke_runs_and_stays_under_60_mb(tmp_path):
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "build.spec",
            "--noconfirm",
            "--distpath",
            str(tmp_path / "dist"),
            "--workpath",
            str(tmp_path / "work"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    folder = tmp_path / "dist" / NAME
    program = folder / (f"{NAME}.exe" if os.name == "nt" else NAME)
    assert program.is_file(), sorted(p.name for p in folder.iterdir())
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    smoke = subprocess.run([str(program), "--smoke"], capture_output=True, text=True, timeout=300, env=env)
    assert smoke.returncode == 0, (smoke.stdout[-1000:], smoke.stderr[-2000:])
    assert "smoke ok" in smoke.stdout
    size = _size(folder)
    print(f"one-folder build: {size / 1e6:.1f} MB ({size / 2**20:.1f} MiB) unpacked")
    assert size <= LIMIT_BYTES, f"the build is {size / 1e6:.1f} MB, over the 60 MB budget"
    bad = [p.name for p in folder.rglob("NotoSans*") if any(k in p.name for k in ("JP", "KR", "SC", "TC"))]
    assert not bad, f"pygame_gui's CJK fonts were bundled: {bad}"
