"""The debrief's charts (game/export/charts.py): every point drawn, no text cut, legends inside and clear
of the plot."""

import subprocess
import sys

import pygame
import pytest

from game.export import charts
from game.export.draw import Painter
from game.ui.theme import Look
from tests.conftest import ROOT

SIZES = [(1280, 720), (1920, 1080)]
INDICATORS = {
    "welzijn": [55, 59, 60, 65, 66],
    "participatie": [45, 54, 61, 71, 85],
    "gelijkheid": [50, 47, 44, 44, 42],
    "vertrouwen in de gemeente": [50, 55, 54, 57, 59],
    "gemeentefinanciën": [55, 54, 53, 47, 44],
}
X_LABELS = ["Start", "Ronde 1", "Ronde 2", "Ronde 3", "Ronde 4"]
SEATS = [
    ("Speler 1", "wethouder"),
    ("Speler 2", "inwoners"),
    ("bedrijf3", "bedrijf"),
    ("professional4", "professional"),
]
TRUST = [[0, 10, 9, 2], [10, 0, 6, 10], [9, 6, 0, 0], [2, 10, 0, 0]]
CONTRIBUTED = [(0, 0, 0, 9), (3, 10, 1, 5), (12, 2, 4, 7), (4, 9, 2, 9)]
RESOURCES = ["geld", "tijd", "kennis", "netwerk"]


@pytest.fixture(autouse=True, scope="module")
def fonts():
    pygame.font.init()
    yield


def _painter(size, colourblind=False):
    surface = pygame.Surface(size)
    surface.fill((255, 255, 255))
    look = Look(*size, colourblind=colourblind)
    return Painter(surface, look), look


def _no_text_cut(painter):
    cut = [r.text for r in painter.records if r.cut]
    assert not cut, f"texts cut: {cut}"
    small = painter.look.size("small")
    too_small = [(r.text, r.px) for r in painter.records if r.px < small]
    assert not too_small, f"texts below the small size: {too_small}"


def _inside(inner, outer):
    return outer.contains(inner)


def _series(look):
    colours = list(look.indicator_colours.values())
    return [(name, values, colours[i]) for i, (name, values) in enumerate(INDICATORS.items())]


# ---------------------------------------------------------------------------------------------- line chart
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("share", [1.0, 0.5])  # the whole surface, and a half-width panel (legend moves under)
def test_line_chart(size, share):
    painter, look = _painter(size)
    m = look.px(20)
    rect = pygame.Rect(m, m, int((size[0] - 2 * m) * share), size[1] - 2 * m)
    info = charts.line_chart(
        painter, rect, _series(look), X_LABELS, title="Indicatoren per ronde", y_label="score (0-100)"
    )
    assert [len(p) for p in info.points] == [len(v) for v in INDICATORS.values()]
    assert _inside(info.plot, rect)
    assert info.legend is not None and _inside(info.legend, rect)
    assert not info.legend.colliderect(info.plot)
    assert len(info.legend_items) == len(INDICATORS)
    for item in info.legend_items:
        assert not item.colliderect(info.plot)
    for pts in info.points:
        for x, y in pts:
            assert info.plot.left <= x <= info.plot.right and info.plot.top <= y <= info.plot.bottom
    # later rounds to the right; higher values higher up
    welzijn = info.points[0]
    assert [p[0] for p in welzijn] == sorted(p[0] for p in welzijn)
    assert welzijn[-1][1] < welzijn[0][1]
    if size == (1920, 1080):
        assert info.line_width >= 3
    if share == 0.5:
        assert info.legend_side == "below"
    _no_text_cut(painter)
    for record in painter.records:
        assert _inside(record.rect, rect), record.text


def test_line_chart_one_series_many_rounds_and_colour_blind():
    painter, look = _painter((1280, 720), colourblind=True)
    values = [0, 10, 25, 40, 40, 55, 70, 85, 95, 100, 100]
    labels = ["Start"] + [f"Ronde {i}" for i in range(1, 11)]
    rect = pygame.Rect(10, 10, 1260, 700)
    info = charts.line_chart(painter, rect, [("voortgang", values, look.colours["accent"])], labels)
    assert len(info.points[0]) == len(values)
    assert not info.legend.colliderect(info.plot)
    _no_text_cut(painter)


def test_series_differ_by_more_than_colour():
    assert len(set(charts.DASHES[:5])) == 5
    assert len(set(charts.MARKERS[:5])) == 5


# ---------------------------------------------------------------------------------------------- trust network
@pytest.mark.parametrize("size", SIZES)
def test_trust_network(size):
    painter, look = _painter(size)
    m = look.px(20)
    rect = pygame.Rect(m, m, size[0] - 2 * m, size[1] - 2 * m)
    info = charts.trust_network(
        painter,
        rect,
        SEATS,
        TRUST,
        members=(0, 1, 2),
        lead=1,
        title="Vertrouwen",
        legend="dik = veel vertrouwen",
        member_label="in de coalitie",
        lead_label="trekker",
    )
    assert len(info.nodes) == len(SEATS) and len(info.labels) == len(SEATS)
    assert len(info.edges) == 6
    for r in info.nodes + info.labels:
        assert _inside(r, rect)
    # more trust, a thicker line
    assert info.edges[(0, 1)] > info.edges[(1, 2)] > info.edges[(0, 3)] > info.edges[(2, 3)]
    assert info.legend is not None and _inside(info.legend, rect)
    for r in info.nodes + info.labels:
        assert not r.colliderect(info.legend)
    for i, a in enumerate(info.labels):
        for b in info.labels[i + 1 :]:
            assert not a.colliderect(b)
    _no_text_cut(painter)


@pytest.mark.parametrize("n", [2, 3, 5, 6])
def test_trust_network_other_table_sizes(n):
    painter, look = _painter((1280, 720))
    names = [(f"Speler {i + 1}", "professional") for i in range(n)]
    trust = [[0 if a == b else (a + b) % 11 for b in range(n)] for a in range(n)]
    rect = pygame.Rect(10, 10, 800, 700)
    info = charts.trust_network(painter, rect, names, trust, members=(0,), legend="dik = veel vertrouwen")
    assert len(info.nodes) == n and len(info.edges) == n * (n - 1) // 2
    for r in info.nodes + info.labels:
        assert _inside(r, rect)
    for i, a in enumerate(info.labels):
        for b in info.labels[i + 1 :]:
            assert not a.colliderect(b)
    _no_text_cut(painter)


# ---------------------------------------------------------------------------------------------- contributions
@pytest.mark.parametrize("size", SIZES)
def test_contribution_bars(size):
    painter, look = _painter(size)
    m = look.px(20)
    rect = pygame.Rect(m, m, size[0] - 2 * m, size[1] - 2 * m)
    info = charts.contribution_bars(painter, rect, SEATS, CONTRIBUTED, RESOURCES, title="Wie bracht wat in")
    assert len(info.bars) == len(SEATS)
    assert info.totals == [sum(row) for row in CONTRIBUTED]
    for row, segs in zip(CONTRIBUTED, info.bars, strict=True):
        assert len(segs) == len(RESOURCES)
        for value, seg in zip(row, segs, strict=True):
            assert (seg.width == 0) == (value == 0)
            assert _inside(seg, info.plot) or seg.width == 0
    # widths in proportion: 12 money is wider than 4
    assert info.bars[2][0].width > info.bars[3][0].width
    assert _inside(info.plot, rect)
    assert info.legend is not None and _inside(info.legend, rect)
    assert not info.legend.colliderect(info.plot)
    for r in info.names:
        assert _inside(r, rect) and not r.colliderect(info.plot)
    _no_text_cut(painter)


def test_contribution_bars_from_mappings_and_nothing_put_in():
    painter, look = _painter((1280, 720), colourblind=True)
    rows = [
        {"money": 0, "time": 0, "knowledge": 0, "network": 0},
        {"money": 2, "time": 1, "knowledge": 0, "network": 0},
    ]
    info = charts.contribution_bars(painter, pygame.Rect(0, 0, 1280, 720), ["A", "B"], rows, RESOURCES)
    assert info.totals == [0, 3]
    assert all(seg.width == 0 for seg in info.bars[0])
    _no_text_cut(painter)


# ---------------------------------------------------------------------------------------------- images
def test_render_png():
    data = charts.render_png(lambda p, r: charts.contribution_bars(p, r, SEATS, CONTRIBUTED, RESOURCES), (800, 450))
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    image = pygame.image.load(__import__("io").BytesIO(data), "chart.png")
    assert image.get_size() == (800, 450)


def test_render_png_headless_without_a_display():
    """The report command draws its charts with no window and no display mode set."""
    code = (
        "import pygame, sys\n"
        "from game.export import charts\n"
        "data = charts.render_png(lambda p, r: charts.line_chart(p, r, [('a', [1, 2, 3], (0, 0, 0))], "
        "['x', 'y', 'z']), (640, 360))\n"
        "assert data.startswith(b'\\x89PNG'), data[:8]\n"
        "assert not pygame.display.get_init()\n"
        "print(len(data))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip().splitlines()[-1]) > 1000
