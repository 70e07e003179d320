"""What the how-to pictures are drawn with: the context they read (scale and colours, the catalogue, the
language, the content) and the small shapes they share (a numbered disc, an icon on a disc, a tick, an arrow
head, a keycap)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pygame

from game.ui.theme import font

WHITE = (255, 255, 255)


@dataclass(frozen=True)
class PictureContext:
    """What a how-to picture reads: the look, the catalogue `t`, the language and the content (or None)."""

    look: Any
    t: Any
    lang: str
    content: Any

    def roles(self, count: int = 0) -> list:
        """The content's roles in their order (the table's, for pictures of `count` seats)."""
        content = self.content
        if content is None:
            return []
        return content.table_roles(count) if count else content.role_ids()

    def scenarios(self) -> list:
        """The content's scenarios in their order."""
        content = self.content
        return content.scenario_ids() if content is not None else []


def mix(a, b, f: float) -> tuple:
    """Colour a blended towards b by f (0..1)."""
    return tuple(int(x + (y - x) * f) for x, y in zip(a, b, strict=False))


def small_height(look, bold: bool = False) -> int:
    """The line height of small text."""
    return font(look.size("small"), bold).get_linesize()


def label(painter, rect, text, **kw) -> pygame.Rect:
    """Small text in a rect (or a rect's tuple)."""
    return painter.text(pygame.Rect(rect), text, "small", **kw)


def number(painter, look, centre, diameter: int, n: int) -> None:
    """A numbered disc (as on the round picture)."""
    c = painter.c
    small = font(look.size("small"), True).get_linesize()
    diameter = max(diameter, small)
    pygame.draw.circle(painter.surface, c["accent"], centre, diameter // 2)
    box = pygame.Rect(0, 0, diameter, small)
    box.center = centre
    painter.text(box, str(n), "small", colour=WHITE, bold=True, align="center", valign="middle")


def disc_icon(painter, look, name: str, centre, size: int, folder: str = "icons", ring=None) -> None:
    """An icon on a white disc, like a token on the table."""
    c = painter.c
    radius = int(size * 0.62)
    pygame.draw.circle(painter.surface, WHITE, centre, radius)
    pygame.draw.circle(painter.surface, ring or c["panel_edge"], centre, radius, max(2, look.px(3)))
    painter.icon(name, pygame.Rect(centre[0] - size // 2, centre[1] - size // 2, size, size), folder)


def check(painter, centre, diameter: int) -> None:
    """A green disc with a white tick (drawn: the font has no tick)."""
    c = painter.c
    r = diameter // 2
    pygame.draw.circle(painter.surface, c["good"], centre, r)
    cx, cy = centre
    pts = [(cx - r * 0.45, cy + r * 0.02), (cx - r * 0.12, cy + r * 0.35), (cx + r * 0.48, cy - r * 0.32)]
    pygame.draw.lines(painter.surface, WHITE, False, pts, max(2, r // 4))


def triangle(painter, centre, size: int, colour, direction: str) -> None:
    """A small arrow head: up, down, left or right."""
    cx, cy = centre
    s = size / 2
    shapes = {
        "up": [(cx - s, cy + s * 0.6), (cx + s, cy + s * 0.6), (cx, cy - s * 0.8)],
        "down": [(cx - s, cy - s * 0.6), (cx + s, cy - s * 0.6), (cx, cy + s * 0.8)],
        "left": [(cx + s * 0.6, cy - s), (cx + s * 0.6, cy + s), (cx - s * 0.8, cy)],
        "right": [(cx - s * 0.6, cy - s), (cx - s * 0.6, cy + s), (cx + s * 0.8, cy)],
    }
    pygame.draw.polygon(painter.surface, colour, shapes[direction])


def keycap(painter, look, rect: pygame.Rect, text: str = "", arrow: str = "") -> None:
    """A key of a keyboard, with a label or an arrow."""
    c = painter.c
    depth = max(2, look.px(5))
    pygame.draw.rect(painter.surface, c["panel_edge"], rect, border_radius=look.px(10))
    face = pygame.Rect(rect.left, rect.top, rect.width, rect.height - depth)
    pygame.draw.rect(painter.surface, WHITE, face, border_radius=look.px(10))
    pygame.draw.rect(
        painter.surface, mix(c["panel_edge"], c["ink"], 0.3), face, max(1, look.px(2)), border_radius=look.px(10)
    )
    if arrow:
        triangle(painter, face.center, int(min(face.width, face.height) * 0.42), c["ink"], arrow)
    elif text:
        label(painter, face, text, bold=True, align="center", valign="middle")
