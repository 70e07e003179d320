"""The benchmark command still runs from a clean clone (its figures are not checked here: benchmarks are
not timed tests; see docs/PERFORMANCE.md)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT

FIGURES = (
    "startup_ms",
    "frame_p95_ms",
    "worst_interaction_ms",
    "idle_cpu_pct",
    "engine_games_per_s",
    "windtunnel_s",
    "lab_quick_s",
    "content_load_ms",
    "rss_mb",
    "resize_rss_mb",
    "long_text_ms",
    "menu_rebuild_ms",
)


@pytest.mark.slow
def test_bench_quick_measures_every_figure():
    done = subprocess.run(
        [sys.executable, "bench/run.py", "--quick", "--json"], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-2000:]
    data = json.loads(done.stdout)
    figures = data["figures"]
    for name in FIGURES:
        assert any(key == name or key.startswith(name) for key in figures), (name, sorted(figures))
