"""The debrief's drawings, made with pygame: a line chart, the coalition's trust network and contribution bars.

The same functions draw on the debrief screen and, through `render_png`, the images in the printed report.
Every function draws into a rectangle of a surface with a `Painter` (so every text is fitted, never cut, and
recorded for the tests) and returns a small info object with what went where. All words come from the
caller; nothing here is in any language.

Readable from the back of a room: lines at least 3 px at 1080p, no text below the "small" size, and series
told apart by more than colour (each line has its own dash pattern and marker shape).
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Optional

import pygame

from game.colours import luminance, mix

from .draw import Painter, wrap
from .look import Look

# Per series, in turn: a dash pattern (on, off, ... in px at 1080p; None is a solid line) and a marker shape.
DASHES = (None, (22, 10), (6, 9), (22, 8, 6, 8), (12, 12), (3, 7))
MARKERS = ("circle", "square", "triangle", "diamond", "triangle_down", "circle")
SHAPES = ("circle", "square", "triangle", "diamond", "triangle_down")  # the distinct marker shapes

# Lines for up to eight tables side by side (Okabe-Ito without its yellow, which vanishes on paper, and a grey):
# told apart with every common form of colour blindness, and in black and white by `distinct_styles`.
TABLE_COLOURS = (
    (0, 114, 178),
    (213, 94, 0),
    (0, 158, 115),
    (204, 121, 167),
    (230, 159, 0),
    (86, 180, 233),
    (0, 0, 0),
    (128, 128, 128),
)

# The four resources (money, time, knowledge, network), normal and colour-blind-safe (Okabe-Ito).
RESOURCE_COLOURS = ((181, 101, 29), (47, 85, 151), (107, 76, 154), (27, 127, 107))
RESOURCE_COLOURS_CB = ((230, 159, 0), (86, 180, 233), (204, 121, 167), (0, 158, 115))

WHITE = (255, 255, 255)


# ---------------------------------------------------------------------------------------------- results
@dataclass
class ChartInfo:
    """What `line_chart` drew: the plotted points per series, the plot area and the legend."""

    plot: pygame.Rect
    points: list  # per series, [(x, y), ...] in pixels
    legend: Optional[pygame.Rect]  # the whole legend
    legend_items: list = field(default_factory=list)  # one rect per series
    legend_side: str = "right"  # right or below
    line_width: int = 0
    title: Optional[pygame.Rect] = None


@dataclass
class NetworkInfo:
    """What `trust_network` drew: a node and a label per seat, an edge width per pair, the legend."""

    area: pygame.Rect
    nodes: list  # pygame.Rect around each seat's circle
    labels: list  # pygame.Rect of each seat's name (and role)
    edges: dict  # (a, b) with a < b -> line width in px
    legend: Optional[pygame.Rect] = None
    legend_items: list = field(default_factory=list)
    title: Optional[pygame.Rect] = None


@dataclass
class BarsInfo:
    """What `contribution_bars` drew: per seat a rect per resource, the totals, names and legend."""

    plot: pygame.Rect
    bars: list  # per seat, [pygame.Rect per resource] (width 0 for nothing put in)
    totals: list  # per seat, the sum
    names: list  # pygame.Rect of each seat's name
    legend: Optional[pygame.Rect] = None
    legend_items: list = field(default_factory=list)
    title: Optional[pygame.Rect] = None


# ---------------------------------------------------------------------------------------------- helpers
def _ink_on(colour, ink) -> tuple:
    """Dark ink or white, whichever reads better on `colour`."""
    lum = luminance(colour)
    return WHITE if (1.05 / (lum + 0.05)) > ((lum + 0.05) / (luminance(ink) + 0.05)) else tuple(ink)


def _text_block(look: Look, text: str, width: int, kind: str, bold: bool = False) -> tuple:
    """(width, height) of `text` wrapped at `width` in a kind of text."""
    fnt = look.font(kind, bold)
    lines = wrap(text, fnt, max(1, width))
    return max((fnt.size(line)[0] for line in lines), default=0), len(lines) * fnt.get_linesize()


def _title(painter: Painter, area: pygame.Rect, title: Optional[str]) -> Optional[pygame.Rect]:
    """Draw a chart's title at the top of `area` and take its room off `area` (in place)."""
    if not title:
        return None
    look = painter.look
    _, h = _text_block(look, title, area.width, "large", True)
    used = painter.text(pygame.Rect(area.left, area.top, area.width, h), title, "large", bold=True)
    gap = look.px(12)
    area.height -= h + gap
    area.top += h + gap
    return used


def _begin(painter: Painter, rect: pygame.Rect, title: Optional[str]) -> tuple:
    """A chart's start: (look, colours, surface, the area left under its title, the title's rect or None)."""
    area = pygame.Rect(rect)
    title_rect = _title(painter, area, title)
    return painter.look, painter.c, painter.surface, area, title_rect


def _line(surface, colour, a, b, width: int) -> None:
    """A thick antialiased line with round ends."""
    if width <= 1:
        pygame.draw.aaline(surface, colour, a, b)
        return
    pygame.draw.aaline(surface, colour, a, b, width)
    r = width / 2
    for p in (a, b):
        pygame.draw.aacircle(surface, colour, (round(p[0]), round(p[1])), max(1, int(r - 0.5)))


def polyline(surface, colour, points: Sequence, width: int, dash: Optional[Sequence] = None) -> None:
    """A line through `points`, solid or with a dash pattern (on, off, ... in px) that runs on over corners."""
    if len(points) < 2:
        return
    if not dash:
        for a, b in zip(points, points[1:], strict=False):
            _line(surface, colour, a, b, width)
        return
    pattern = [max(1.0, float(x)) for x in dash]
    index, left = 0, pattern[0]
    for a, b in zip(points, points[1:], strict=False):
        length = math.dist(a, b)
        if length <= 0:
            continue
        ux, uy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
        pos = 0.0
        while pos < length - 1e-6:
            step = min(left, length - pos)
            if index % 2 == 0:
                start = (a[0] + ux * pos, a[1] + uy * pos)
                end = (a[0] + ux * (pos + step), a[1] + uy * (pos + step))
                _line(surface, colour, start, end, width)
            pos += step
            left -= step
            if left <= 1e-6:
                index = (index + 1) % len(pattern)
                left = pattern[index]


def marker(surface, shape: str, centre, radius: int, colour, edge) -> pygame.Rect:
    """A filled marker (circle, square, triangle, diamond, triangle_down) with an outline; its rect."""
    x, y = centre
    r = max(2, radius)
    if shape == "square":
        s = int(r * 0.9)
        box = pygame.Rect(0, 0, 2 * s, 2 * s)
        box.center = (round(x), round(y))
        pygame.draw.rect(surface, edge, box.inflate(4, 4))
        pygame.draw.rect(surface, colour, box)
        return box.inflate(4, 4)
    if shape in ("triangle", "diamond", "triangle_down"):
        r = int(r * 1.2)
        if shape == "triangle":
            pts = [(x, y - r), (x + r * 0.95, y + r * 0.7), (x - r * 0.95, y + r * 0.7)]
        elif shape == "triangle_down":
            pts = [(x, y + r), (x + r * 0.95, y - r * 0.7), (x - r * 0.95, y - r * 0.7)]
        else:
            pts = [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
        cx = sum(p[0] for p in pts) / len(pts)
        cy = sum(p[1] for p in pts) / len(pts)
        outer = [(cx + (px - cx) * 1.35, cy + (py - cy) * 1.35) for px, py in pts]
        pygame.draw.polygon(surface, edge, outer)
        pygame.draw.polygon(surface, colour, pts)
        pygame.draw.aalines(surface, colour, True, pts)
        xs, ys = [p[0] for p in outer], [p[1] for p in outer]
        return pygame.Rect(int(min(xs)), int(min(ys)), int(max(xs) - min(xs)) + 1, int(max(ys) - min(ys)) + 1)
    centre = (round(x), round(y))
    pygame.draw.aacircle(surface, edge, centre, r + 2)
    pygame.draw.aacircle(surface, colour, centre, r)
    return pygame.Rect(centre[0] - r - 2, centre[1] - r - 2, 2 * r + 5, 2 * r + 5)


def _nice_step(span: float, count: int) -> float:
    """A round tick step (1, 2, 2.5, 5 times a power of ten) giving about `count` steps over `span`."""
    if span <= 0:
        return 1.0
    raw = span / max(1, count)
    power = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if m * power >= raw - 1e-9:
            return m * power
    return 10 * power


def _number(value: float) -> str:
    return f"{value:.0f}" if abs(value - round(value)) < 1e-6 else f"{value:.1f}"


def _flow_legend(
    painter: Painter,
    area: pygame.Rect,
    items: Sequence,
    sample_w: int,
    draw_sample: Optional[Callable],
    kind: str = "body",
    sample_ws: Optional[Mapping] = None,
    one_per_row: bool = False,
) -> tuple:
    """A legend of (label, key) items side by side, as many per row as fit, in rows from the top of `area`.

    Returns (legend rect, item rects). With `draw_sample=None` it only measures (nothing is drawn).
    `sample_ws` may give a sample width per key (default `sample_w`)."""
    look = painter.look
    gap, col_gap, row_gap = look.px(12), look.px(36), look.px(8)
    fnt = look.font(kind)
    line_h = fnt.get_linesize()
    samples = [(sample_ws or {}).get(item[1], sample_w) for item in items]
    rects, x, y = [], area.left, area.top
    row_h = max(line_h, sample_w // 3)
    line_bottom = y + row_h
    for item, sw in zip(items, samples, strict=True):
        w = min(sw + gap + fnt.size(item[0])[0] + 1, area.width)
        if x > area.left and (one_per_row or x + w > area.right):
            x, y = area.left, line_bottom + row_gap
        _, text_h = _text_block(look, item[0], w - sw - gap, kind)
        h = max(row_h, text_h)
        rects.append(pygame.Rect(x, y, w, h))
        line_bottom = max(line_bottom, y + h)
        x += w + col_gap
    if draw_sample is not None:
        for item, sw, r in zip(items, samples, rects, strict=True):
            draw_sample(item, pygame.Rect(r.left, r.top, sw, row_h))
            painter.text(pygame.Rect(r.left + sw + gap, r.top, r.width - sw - gap, r.height), item[0], kind)
    union = rects[0].unionall(rects[1:]) if rects else None
    return union, rects


# ---------------------------------------------------------------------------------------------- line chart
def _style(styles: Optional[Sequence], i: int) -> tuple:
    """Series i's (dash, marker): its own from `styles`, else the usual turn of DASHES and MARKERS."""
    if styles is not None and i < len(styles):
        return tuple(styles[i])
    return DASHES[i % len(DASHES)], MARKERS[i % len(MARKERS)]


def distinct_styles(count: int) -> list:
    """A (dash, marker) for each of `count` series, no two alike up to 30 (6 dashes times 5 shapes): lines that
    are told apart on a page printed in black and white."""
    return [(DASHES[i % len(DASHES)], SHAPES[i % len(SHAPES)]) for i in range(count)]


def line_chart(
    painter: Painter,
    rect: pygame.Rect,
    series: Sequence,
    x_labels: Sequence,
    title: Optional[str] = None,
    y_range: tuple = (0, 100),
    y_label: Optional[str] = None,
    styles: Optional[Sequence] = None,
) -> ChartInfo:
    """Lines with a dot per point for several series of (label, values, colour), over x labels (one per point).

    The y axis has gridlines and tick labels; the legend goes beside the plot when it fits in a third of the
    width, else under it. Every series has its own dash pattern and marker shape besides its colour.
    """
    look, c, surface, area, title_rect = _begin(painter, rect, title)
    pad = look.px(14)
    # The axes' numbers and round names: body size in ink, as readable from the back of a room as the legend.
    axis_kind = "body"
    axis_font = look.font(axis_kind)
    axis_h = axis_font.get_linesize()
    width = max(3, look.px(6))
    radius = max(5, look.px(11))
    sample_w = look.px(84)
    legend_kind = "body"
    lfont = look.font(legend_kind)
    n_points = max((len(values) for _, values, *_ in series), default=0)
    n_points = max(n_points, len(x_labels), 1)

    # The legend: beside the plot when its widest label fits in a third of the width, else under the plot.
    label_w = max((lfont.size(s[0])[0] for s in series), default=0)
    side_w = sample_w + look.px(12) + label_w
    legend_side = "right" if series and side_w <= area.width * 0.32 else "below"
    legend_rect, legend_items = None, []
    plot_area = area.copy()
    items = [(s[0], i) for i, s in enumerate(series)]
    if series and legend_side == "below":
        probe = pygame.Rect(area.left, 0, area.width, 10_000)
        measured, _ = _flow_legend(painter, probe, items, sample_w, None, legend_kind)
        plot_area.height -= measured.height + pad
    elif series:
        plot_area.width -= side_w + pad

    # The y axis: room for the tick labels on the left and, above the plot, the axis caption.
    lo, hi = y_range
    if hi <= lo:
        hi = lo + 1
    top = plot_area.top
    y_label_rect = None
    if y_label:
        _, h = _text_block(look, y_label, plot_area.width, axis_kind)
        y_label_rect = pygame.Rect(plot_area.left, top, plot_area.width, h)
        top += h + look.px(6)
    top += axis_h // 2  # the top tick label is centred on the top gridline
    # x labels: as many lines as the longest needs at the width of a column.
    col_w_guess = max(1, (plot_area.width - look.px(60)) // n_points)
    x_label_h = max((_text_block(look, str(t), col_w_guess, axis_kind)[1] for t in x_labels), default=axis_h)
    x_label_h = min(max(x_label_h, axis_h), 3 * axis_h)
    bottom = plot_area.bottom - x_label_h - look.px(8)
    plot_h = max(look.px(40), bottom - top)
    count = max(2, min(6, plot_h // max(1, look.px(70))))
    step = _nice_step(hi - lo, count)
    ticks = []
    t = math.ceil(lo / step) * step
    while t <= hi + 1e-9:
        ticks.append(t)
        t += step
    tick_w = max(axis_font.size(_number(t))[0] for t in ticks) if ticks else 0
    # the numbers stand clear of the axis line (a thick line's half and a gap)
    plot = pygame.Rect(plot_area.left + tick_w + look.px(20), top, 0, plot_h)
    plot.width = max(look.px(40), plot_area.right - plot.left)

    def y_of(value: float) -> float:
        value = max(lo, min(hi, value))
        return plot.bottom - (value - lo) / (hi - lo) * plot.height

    # The grid and the axes.
    grid = mix(c["bar_bg"], c["panel_edge"], 0.3)
    for t in ticks:
        y = round(y_of(t))
        pygame.draw.line(surface, grid, (plot.left, y), (plot.right, y), max(1, look.px(2)))
        painter.text(
            pygame.Rect(plot_area.left, y - axis_h // 2, tick_w, axis_h),
            _number(t),
            axis_kind,
            colour=c["ink"],
            align="right",
        )
    pygame.draw.line(surface, c["muted"], plot.bottomleft, plot.bottomright, max(2, look.px(3)))
    pygame.draw.line(surface, c["muted"], plot.topleft, plot.bottomleft, max(2, look.px(3)))
    if y_label_rect is not None:
        painter.text(y_label_rect, y_label, axis_kind, colour=c["ink"])

    # x positions: evenly spread, the first and last a little in from the axes.
    inset = min(look.px(36), plot.width // (2 * n_points))
    span = plot.width - 2 * inset
    xstep = span / (n_points - 1) if n_points > 1 else 0
    xs = [plot.left + inset + i * xstep if n_points > 1 else plot.centerx for i in range(n_points)]
    col_w = max(1, int(xstep) if n_points > 1 else plot.width)
    for i, label in enumerate(x_labels[:n_points]):
        x = round(xs[i])
        text_w = axis_font.size(str(label))[0] + 2
        box = pygame.Rect(
            0, plot.bottom + look.px(8), min(col_w, max(text_w, 2 * min(x - area.left, area.right - x))), x_label_h
        )
        box.centerx = x
        box.left = max(area.left, min(box.left, area.right - box.width))
        painter.text(box, str(label), axis_kind, colour=c["ink"], align="center")
        pygame.draw.line(
            surface,
            c["muted"],
            (round(xs[i]), plot.bottom),
            (round(xs[i]), plot.bottom + look.px(6)),
            max(1, look.px(2)),
        )

    # The lines, then the markers on top of all lines.
    points = []
    for i, (_label, values, colour, *_rest) in enumerate(series):
        pts = [(round(xs[k]), round(y_of(v))) for k, v in enumerate(values[:n_points])]
        points.append(pts)
        dash = _style(styles, i)[0]
        polyline(surface, colour, pts, width, [look.px(d) for d in dash] if dash else None)
    for i, (_label, _values, colour, *_rest) in enumerate(series):
        for p in points[i]:
            marker(surface, _style(styles, i)[1], p, radius, colour, c["panel"])

    # The legend.
    def sample(item, box: pygame.Rect) -> None:
        k = item[1]
        colour = series[k][2]
        y = box.centery
        dash = _style(styles, k)[0]
        polyline(
            surface,
            colour,
            [(box.left + width, y), (box.right - width, y)],
            width,
            [look.px(d) * 0.6 for d in dash] if dash else None,
        )
        marker(surface, _style(styles, k)[1], (box.centerx, y), radius, colour, c["panel"])

    if series:
        if legend_side == "below":
            legend_area = pygame.Rect(
                area.left, plot_area.bottom + pad, area.width, area.bottom - plot_area.bottom - pad
            )
        else:
            legend_area = pygame.Rect(plot_area.right + pad, plot.top, side_w, area.bottom - plot.top)
            legend_area.width = min(legend_area.width, area.right - legend_area.left)
        legend_rect, legend_items = _flow_legend(
            painter, legend_area, items, sample_w, sample, legend_kind, one_per_row=legend_side == "right"
        )
    return ChartInfo(plot, points, legend_rect, legend_items, legend_side, width, title_rect)


# ---------------------------------------------------------------------------------------------- trust network
def _seat_texts(entry) -> tuple:
    """(name, role or None) from a name or a (name, role) pair."""
    if isinstance(entry, (tuple, list)):
        return str(entry[0]), (str(entry[1]) if len(entry) > 1 and entry[1] else None)
    return str(entry), None


def _legend_entries(legend: Optional[str], member_label: Optional[str], lead_label: Optional[str], lead) -> list:
    """The network legend's (text, key) items: the edge sample, the member ring, the filled lead node."""
    entries = []
    if legend:
        entries.append((legend, "edge"))
    if member_label:
        entries.append((member_label, "member"))
    if lead_label and lead is not None:
        entries.append((lead_label, "lead"))
    return entries


def _label_place(angle: float) -> str:
    """Where the label of a node at `angle` goes: above, below, left or right of it."""
    s, co = math.sin(angle), math.cos(angle)
    if abs(s) >= 0.45:
        return "above" if s < 0 else "below"
    return "right" if co > 0 else "left"


def _node_angles(n: int) -> list:
    """The angles of `n` nodes evenly round an ellipse, starting so the picture is symmetric."""
    start = -math.pi / 2 + (math.pi / n if n % 2 == 0 else 0)
    if n == 2:
        start = 0.0
    return [start + i * 2 * math.pi / max(1, n) for i in range(n)]


class _NetworkLayout:
    """Where the trust network's nodes and labels go in `area`: on an ellipse, each label outside its node."""

    def __init__(self, look: Look, area: pygame.Rect, texts: list, ring_r: int, gap: int) -> None:
        self.look, self.area, self.texts, self.ring_r, self.gap = look, area, texts, ring_r, gap
        self.angles = _node_angles(len(texts))
        self.places = [_label_place(a) for a in self.angles]
        name_font = look.font("body", True)
        role_font = look.font("small")
        self.natural = [max(name_font.size(t[0])[0], role_font.size(t[1])[0] if t[1] else 0) for t in texts]
        self.side_cap = int(area.width * 0.3)

    def label_size(self, i: int, width: int) -> tuple:
        """(width, height) of seat i's name and role wrapped at `width`."""
        name, role = self.texts[i]
        w1, h1 = _text_block(self.look, name, width, "body", True)
        w2, h2 = _text_block(self.look, role, width, "small") if role else (0, 0)
        return max(w1, w2), h1 + h2

    def widths(self, centres: list) -> list:
        """Per label its width: its natural width, no wider than its room beside or between the nodes."""
        look, places, n = self.look, self.places, len(centres)
        widths = []
        for i in range(n):
            if places[i] in ("above", "below"):
                # no wider than the distance to the nearest node on the same side
                near = [abs(centres[j][0] - centres[i][0]) for j in range(n) if j != i and places[j] == places[i]]
                cap = int(min(near) - self.gap) if near else self.area.width
                widths.append(max(look.px(120), min(self.natural[i] + 2, cap, self.area.width)))
            else:
                widths.append(max(look.px(120), min(self.natural[i] + 2, self.side_cap)))
        return widths

    def label_box(self, place: str, x: float, y: float, w: int, h: int) -> pygame.Rect:
        """The box of a label of `w` x `h` on the `place` side of the node at (x, y)."""
        ring_r, gap = self.ring_r, self.gap
        if place == "above":
            box = pygame.Rect(0, 0, w, h)
            box.midbottom = (round(x), round(y - ring_r - self.look.px(4)))
        elif place == "below":
            box = pygame.Rect(0, 0, w, h)
            box.midtop = (round(x), round(y + ring_r + self.look.px(4)))
        elif place == "right":
            box = pygame.Rect(round(x + ring_r + gap), 0, w, h)
            box.centery = round(y)
        else:
            box = pygame.Rect(0, 0, w, h)
            box.right, box.centery = round(x - ring_r - gap), round(y)
        return box

    def at(self, rx: float, ry: float) -> tuple:
        """(node centres, label boxes) on the ellipse with radii rx and ry round the area's centre."""
        cx, cy = self.area.centerx, self.area.centery
        centres = [(cx + rx * math.cos(a), cy + ry * math.sin(a)) for a in self.angles]
        widths = self.widths(centres)
        boxes = []
        for i, (x, y) in enumerate(centres):
            _, h = self.label_size(i, widths[i])
            boxes.append(self.label_box(self.places[i], x, y, widths[i], h))
        return centres, boxes

    def fit(self) -> tuple:
        """(node centres, label boxes) on the largest ellipse at which every node and label stays inside the
        area: with each label above or below its node, or beside it where that gives the larger picture (an
        area much wider than high)."""
        beside = [
            ("right" if math.cos(a) > 0 else "left") if abs(math.cos(a)) > 1e-6 else p
            for a, p in zip(self.angles, self.places, strict=True)
        ]
        best = None
        for places in (self.places, beside):
            self.places = places
            rx, ry = self.radii()
            if best is None or rx * ry > best[0] * 1.1:  # beside only when clearly larger
                best = (rx * ry, places, rx, ry)
        _, self.places, rx, ry = best
        return self.at(rx, ry)

    def radii(self) -> tuple:
        """The radii of the largest ellipse (not much wider than high) at which every node and label stays
        inside the area, with the labels at `places`."""
        look, area, ring_r = self.look, self.area, self.ring_r
        rx, ry = area.width / 2, area.height / 2
        for _ in range(60):
            centres, boxes = self.at(rx, ry)
            nodes = [pygame.Rect(round(x) - ring_r, round(y) - ring_r, 2 * ring_r, 2 * ring_r) for x, y in centres]
            everything = [*boxes, *nodes]
            over_x = max([area.left - r.left for r in everything] + [r.right - area.right for r in everything] + [0])
            over_y = max([area.top - r.top for r in everything] + [r.bottom - area.bottom for r in everything] + [0])
            if over_x <= 0 and over_y <= 0 and rx <= 1.8 * ry:
                break
            if over_x > 0 or rx > 1.8 * ry:
                rx = max(look.px(20), rx - max(2, over_x if over_x > 0 else rx - 1.8 * ry))
            if over_y > 0:
                ry = max(look.px(20), ry - max(2, over_y))
        return rx, ry


def _draw_edges(painter: Painter, centres: list, trust: Sequence, max_trust: float, light, dark) -> tuple:
    """A line per pair of seats, thicker and darker the more they trust each other (no trust at all: a thin
    dashed line). Returns the width per pair and the value labels as (text, where)."""
    look, c, surface = painter.look, painter.c, painter.surface
    n = len(centres)
    edges = {}
    edge_labels = []
    for a in range(n):
        for b in range(a + 1, n):
            value = trust[a][b] if a < len(trust) and b < len(trust[a]) else 0
            share = max(0.0, min(1.0, value / max_trust))
            p, q = centres[a], centres[b]
            if value <= 0:
                w = max(1, look.px(2))
                polyline(surface, c["muted"], [p, q], w, [look.px(8), look.px(8)])
            else:
                w = max(2, round(look.px(2) + share * look.px(16)))
                _line(surface, mix(light, dark, 0.25 + 0.75 * share), p, q, w)
            edges[(a, b)] = w
            adjacent = abs(a - b) in (1, n - 1)
            t = 0.5 if adjacent else 0.3
            edge_labels.append((_number(value), (p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t)))
    return edges, edge_labels


def _draw_edge_values(painter: Painter, edge_labels: list) -> None:
    """Each edge's trust value in a rounded box ("pill"), in body size: read from the back of the room. The
    pill is as wide as the number plus its round ends, so that "10" stays inside it."""
    look, c, surface = painter.look, painter.c, painter.surface
    fnt = look.font("body", True)
    for text, (x, y) in edge_labels:
        w, h = fnt.size(text)
        box = pygame.Rect(0, 0, w + h // 2 + look.px(16), h + look.px(4))
        box.center = (round(x), round(y))
        pygame.draw.rect(surface, c["panel"], box, border_radius=box.height // 2)
        pygame.draw.rect(surface, c["panel_edge"], box, max(1, look.px(2)), border_radius=box.height // 2)
        painter.text(box, text, "body", bold=True, align="center", valign="middle", min_kind="body")


def _draw_nodes(painter: Painter, centres: list, members: set, lead, node_r: int, ring_w: int, ring_r: int) -> list:
    """The nodes with their seat number: members ringed, the lead filled in the accent colour; their rects."""
    look, c, surface = painter.look, painter.c, painter.surface
    accent = c["accent"]
    node_rects = []
    for i, (x, y) in enumerate(centres):
        centre = (round(x), round(y))
        if i in members:
            pygame.draw.aacircle(surface, accent, centre, ring_r)
            pygame.draw.aacircle(surface, c["panel"], centre, ring_r - ring_w)
        fill = accent if i == lead else c["panel"]
        pygame.draw.aacircle(surface, c["ink"] if i != lead else accent, centre, node_r)
        pygame.draw.aacircle(surface, fill, centre, node_r - max(2, look.px(3)))
        box = pygame.Rect(0, 0, 2 * node_r, 2 * node_r)
        box.center = centre
        painter.text(
            box, str(i + 1), "large", bold=True, colour=_ink_on(fill, c["ink"]), align="center", valign="middle"
        )
        node_rects.append(pygame.Rect(centre[0] - ring_r, centre[1] - ring_r, 2 * ring_r, 2 * ring_r))
    return node_rects


def _draw_labels(painter: Painter, boxes: list, texts: list, places: list) -> list:
    """Each seat's name (and role) in its box, aligned away from its node; the rects they took."""
    look, c = painter.look, painter.c
    label_rects = []
    for i, box in enumerate(boxes):
        name, role = texts[i]
        _, h1 = _text_block(look, name, box.width, "body", True)
        align = {"left": "right", "right": "left"}.get(places[i], "center")
        used = painter.text(pygame.Rect(box.left, box.top, box.width, h1), name, "body", bold=True, align=align)
        if role:
            _, h2 = _text_block(look, role, box.width, "small")
            used = used.union(
                painter.text(
                    pygame.Rect(box.left, box.top + h1, box.width, h2), role, "small", colour=c["muted"], align=align
                )
            )
        label_rects.append(used)
    return label_rects


def _network_sample(painter: Painter, light, dark, item, box: pygame.Rect) -> None:
    """A legend sample of the trust network: a thin and a thick edge, a member's ring or the lead's node."""
    look, c, surface = painter.look, painter.c, painter.surface
    accent = c["accent"]
    kind = item[1]
    y = box.centery
    if kind == "edge":
        half = box.width // 2 - look.px(6)
        _line(surface, mix(light, dark, 0.35), (box.left + 4, y), (box.left + half, y), max(2, look.px(3)))
        _line(surface, dark, (box.right - half, y), (box.right - 4, y), max(3, look.px(16)))
        return
    r = max(6, min(box.height // 2, look.px(16)))
    centre = (box.left + r + look.px(4), y)
    if kind == "member":
        pygame.draw.aacircle(surface, accent, centre, r)
        pygame.draw.aacircle(surface, c["panel"], centre, r - max(2, look.px(4)))
        pygame.draw.aacircle(surface, c["ink"], centre, r - max(4, look.px(7)), max(1, look.px(2)))
    else:
        pygame.draw.aacircle(surface, accent, centre, r)


def trust_network(
    painter: Painter,
    rect: pygame.Rect,
    names: Sequence,
    trust: Sequence,
    members: Sequence = (),
    lead: Optional[int] = None,
    max_trust: float = 10,
    *,
    title: Optional[str] = None,
    legend: Optional[str] = None,
    member_label: Optional[str] = None,
    lead_label: Optional[str] = None,
    show_values: bool = True,
) -> NetworkInfo:
    """The seats as nodes on an ellipse with a line per pair, thicker and darker the more they trust each other.

    `names` holds per seat a name or a (name, role) pair; `trust[a][b]` is the trust between seats a and b
    (0..max_trust). Coalition `members` get a ring in the accent colour; the `lead` is filled in it. The
    legend shows a thin and a thick line with the caller's `legend` text ("dik = veel vertrouwen") and, when
    given, the ring and the filled node with `member_label` and `lead_label`.
    """
    look, c, _, area, title_rect = _begin(painter, rect, title)
    members = set(members)
    if lead is not None:
        members.add(lead)
    node_r = max(10, look.px(34))
    ring_w = max(3, look.px(6))
    ring_r = node_r + ring_w + look.px(3)
    pad = look.px(16)
    max_trust = max_trust or 1

    # The legend along the bottom.
    legend_rect, legend_items = None, []
    sample_w = look.px(120)
    entries = _legend_entries(legend, member_label, lead_label, lead)
    sample_ws = {"edge": sample_w, "member": look.px(48), "lead": look.px(48)}
    if entries:
        probe = pygame.Rect(area.left, 0, area.width, 10_000)
        measured, _ = _flow_legend(painter, probe, entries, sample_w, None, "small", sample_ws)
        legend_area = pygame.Rect(area.left, area.bottom - measured.height, area.width, measured.height)
        area.height -= measured.height + pad

    # The nodes and labels in the area, then the edges under the nodes, the nodes and the labels.
    texts = [_seat_texts(e) for e in names]
    layout = _NetworkLayout(look, area, texts, ring_r, look.px(10))
    centres, boxes = layout.fit()
    light = mix(c["panel_edge"], c["panel"], 0.2)
    dark = (70, 64, 58) if look.colourblind else c["focus"]  # the colour-blind accent is blue itself
    edges, edge_labels = _draw_edges(painter, centres, trust, max_trust, light, dark)
    if show_values:
        _draw_edge_values(painter, edge_labels)
    node_rects = _draw_nodes(painter, centres, members, lead, node_r, ring_w, ring_r)
    label_rects = _draw_labels(painter, boxes, texts, layout.places)

    if entries:
        sample = partial(_network_sample, painter, light, dark)
        legend_rect, legend_items = _flow_legend(painter, legend_area, entries, sample_w, sample, "small", sample_ws)
    return NetworkInfo(area, node_rects, label_rects, edges, legend_rect, legend_items, title_rect)


# ---------------------------------------------------------------------------------------------- contribution bars
def contribution_bars(
    painter: Painter,
    rect: pygame.Rect,
    names: Sequence,
    contributed: Sequence,
    resource_labels: Sequence,
    resource_colours: Optional[Sequence] = None,
    *,
    title: Optional[str] = None,
) -> BarsInfo:
    """Per seat a stacked horizontal bar of what it put in per resource, with the values and the total.

    `names` holds per seat a name or a (name, role) pair; `contributed` per seat the amounts in the order of
    `resource_labels` (a mapping's values are taken in its order). The legend goes above the bars.
    """
    look, c, surface, area, title_rect = _begin(painter, rect, title)
    pad = look.px(14)
    if resource_colours is None:
        resource_colours = RESOURCE_COLOURS_CB if look.colourblind else RESOURCE_COLOURS
    colours = [resource_colours[k % len(resource_colours)] for k in range(len(resource_labels))]
    rows = [list(v.values()) if isinstance(v, Mapping) else list(v) for v in contributed]
    rows = [[float(x or 0) for x in r[: len(resource_labels)]] for r in rows]
    totals = [sum(r) for r in rows]

    # The legend above the bars.
    sample_w = look.px(44)
    entries = [(str(label), k) for k, label in enumerate(resource_labels)]

    def sample(item, box: pygame.Rect) -> None:
        swatch = pygame.Rect(0, 0, box.width, max(8, min(box.height, look.px(30))))
        swatch.center = box.center
        pygame.draw.rect(surface, colours[item[1]], swatch, border_radius=look.px(5))

    legend_rect, legend_items = (None, [])
    if entries:
        legend_rect, legend_items = _flow_legend(painter, area, entries, sample_w, sample, "body")
        area.height -= legend_rect.height + pad
        area.top = legend_rect.bottom + pad

    # The names on the left, the scale under the bars, the totals at their ends.
    small = look.font("small")
    small_h = small.get_linesize()
    texts = [_seat_texts(e) for e in names]
    name_font = look.font("body", True)
    natural = max((max(name_font.size(t[0])[0], small.size(t[1])[0] if t[1] else 0) for t in texts), default=0)
    name_w = min(natural + look.px(4), int(area.width * 0.42))  # a name and role on one line where it can
    top_total = max(totals, default=0)
    step = max(1.0, _nice_step(max(top_total, 5), 5))  # whole numbers: resources come in units
    scale_max = max(step, math.ceil(max(top_total, 5) / step) * step)
    total_w = look.font("body", True).size(_number(scale_max))[0] + look.px(12)
    plot = pygame.Rect(area.left + name_w + pad, area.top, 0, area.height - small_h - look.px(8))
    plot.width = max(look.px(60), area.right - total_w - plot.left)
    n = max(1, len(rows))
    row_h = plot.height / n
    bar_h = max(look.px(16), min(int(row_h * 0.62), look.px(80)))

    # Gridlines with the scale.
    grid = mix(c["bar_bg"], c["panel_edge"], 0.3)
    t = 0.0
    while t <= scale_max + 1e-9:
        x = plot.left + round(t / scale_max * plot.width)
        pygame.draw.line(surface, grid, (x, plot.top), (x, plot.bottom), max(1, look.px(2)))
        w = small.size(_number(t))[0]
        box = pygame.Rect(0, plot.bottom + look.px(6), w + 2, small_h)
        box.centerx = x
        box.left = max(area.left, min(box.left, area.right - box.width))
        painter.text(box, _number(t), "small", colour=c["muted"], align="center")
        t += step
    pygame.draw.line(surface, c["muted"], plot.topleft, plot.bottomleft, max(2, look.px(3)))

    bars, name_rects = [], []
    value_font = look.font("small", True)
    for i, values in enumerate(rows):
        y = plot.top + row_h * i + (row_h - bar_h) / 2
        name, role = texts[i] if i < len(texts) else (str(i + 1), None)
        _, h1 = _text_block(look, name, name_w, "body", True)
        if h1 > row_h and " (" in name:  # large text: "Anna, Wethouder (alderman)" loses its translation first
            name = name.split(" (")[0]
            _, h1 = _text_block(look, name, name_w, "body", True)
        h1 = min(h1, max(1, int(row_h)))  # within its row: the text shrinks rather than touch the next name
        _, h2 = _text_block(look, role, name_w, "small") if role else (0, 0)
        block_h = min(h1 + h2, max(int(row_h), h1))
        ny = round(plot.top + row_h * i + (row_h - block_h) / 2)
        used = painter.text(
            pygame.Rect(area.left, ny, name_w, h1), name, "body", bold=True, align="right", min_kind="tiny"
        )
        if role and h1 + h2 <= row_h:
            used = used.union(
                painter.text(
                    pygame.Rect(area.left, ny + h1, name_w, h2), role, "small", colour=c["muted"], align="right"
                )
            )
        name_rects.append(used)
        x = float(plot.left)
        segs = []
        for k, value in enumerate(values):
            w = value / scale_max * plot.width
            seg = pygame.Rect(round(x), round(y), round(x + w) - round(x), bar_h)
            segs.append(seg)
            if seg.width > 0:
                pygame.draw.rect(surface, colours[k], seg)
                if seg.width > 2:
                    pygame.draw.line(surface, c["panel"], seg.topright, seg.bottomright, max(1, look.px(2)))
                text = _number(value)
                tw, th = value_font.size(text)
                if tw + look.px(10) <= seg.width and th <= seg.height + 2:
                    painter.text(
                        seg,
                        text,
                        "small",
                        bold=True,
                        colour=_ink_on(colours[k], c["ink"]),
                        align="center",
                        valign="middle",
                    )
            x += w
        bars.append(segs)
        end = round(x) + look.px(10)
        painter.text(
            pygame.Rect(end, round(y), max(1, area.right - end), bar_h),
            _number(totals[i]),
            "body",
            bold=True,
            valign="middle",
        )
    return BarsInfo(plot, bars, totals, name_rects, legend_rect, legend_items, title_rect)


# ---------------------------------------------------------------------------------------------- images
def render_png(draw: Callable[[Painter, pygame.Rect], Any], size: tuple, look: Optional[Look] = None) -> bytes:
    """Draw one chart with `draw(painter, rect)` on an off-screen white surface of `size`; the PNG's bytes.

    Works headless with only pygame.font (no window): the `report` command runs without a display.
    """
    if not pygame.font.get_init():
        pygame.font.init()
    width, height = int(size[0]), int(size[1])
    look = look or Look(width, height)
    surface = pygame.Surface((width, height))
    surface.fill(WHITE)
    painter = Painter(surface, look)
    margin = look.px(16)
    draw(painter, surface.get_rect().inflate(-2 * margin, -2 * margin))
    out = io.BytesIO()
    pygame.image.save(surface, out, "png")
    return out.getvalue()
