"""The table's layout: the rectangles of its panels for a window size and a text scale (the look).

Pure geometry: no state of the game and no words, so the same sizes always give the same rectangles.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.export.draw import line_height


@dataclass(frozen=True)
class TableLayout:
    """Where the table's panels lie in the window."""

    top_bar: pygame.Rect  # the scenario's colour: title, round, timer and the top-right buttons
    bottom_bar: pygame.Rect  # what just happened
    left: pygame.Rect  # the municipality: the challenge's progress, the indicators, this round's trends
    centre: pygame.Rect  # the seats, the coalitions and the trust table
    right: pygame.Rect  # the action panel of the seat whose turn it is


def table_layout(look, size: tuple[int, int]) -> TableLayout:
    """The panels for a window of `size` with the fonts of `look`."""
    w, h = size
    m = look.px(20)
    large = line_height(look, "large", True)
    body = line_height(look, "body")
    top_bar = pygame.Rect(0, 0, w, large + body + look.px(20))
    body_top = top_bar.bottom + m
    bottom_h = 2 * body + look.px(24)
    bottom_bar = pygame.Rect(m, h - bottom_h - m, w - 2 * m, bottom_h)
    body_h = bottom_bar.top - m - body_top
    left = pygame.Rect(m, body_top, int(w * 0.25), body_h)
    right = pygame.Rect(w - m - int(w * 0.31), body_top, int(w * 0.31), body_h)
    centre = pygame.Rect(left.right + m, body_top, right.left - left.right - 2 * m, body_h)
    return TableLayout(top_bar=top_bar, bottom_bar=bottom_bar, left=left, centre=centre, right=right)


def top_buttons(look, layout: TableLayout, labels) -> tuple[list[pygame.Rect], int]:
    """The top-right buttons, as wide as their words, laid from the right edge leftwards in the order of
    `labels`: their rectangles, and the x where the title's text must end."""
    m = look.px(20)
    bh = line_height(look, "body") + look.px(16)
    x = layout.top_bar.width - m
    rects = []
    for text in labels:
        bw = look.font("body").size(text)[0] + look.px(40)
        x -= bw
        rects.append(pygame.Rect(x, (layout.top_bar.height - bh) // 2, bw, bh))
        x -= look.px(12)
    return rects, x - look.px(12)


def centre_split(look, layout: TableLayout, seats: int) -> tuple[list[pygame.Rect], pygame.Rect]:
    """The centre panel for `seats` seats: a card per seat (two or three to a row, at most 62 % of the
    height), and under them the coalitions' panel."""
    area = layout.centre
    cols = 2 if seats <= 4 else 3
    rows = (seats + cols - 1) // cols
    gap = look.px(12)
    pad = look.px(10)
    card_h = pad * 2 + line_height(look, "body", True) + 3 * line_height(look, "small") + look.px(8)
    seats_h = min(rows * card_h + (rows - 1) * gap, int(area.height * 0.62))
    cw = (area.width - (cols - 1) * gap) // cols
    chh = (seats_h - (rows - 1) * gap) // rows
    cards = [
        pygame.Rect(area.left + (i % cols) * (cw + gap), area.top + (i // cols) * (chh + gap), cw, chh)
        for i in range(seats)
    ]
    top = area.top + seats_h + gap
    return cards, pygame.Rect(area.left, top, area.width, area.bottom - top)
