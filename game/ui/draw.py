"""Drawing helpers for the parts pygame_gui does not draw: wrapped text, panels, bars, icons.

Every text drawn here is fitted into its box: wrapped, then shrunk a step at a time (never below the
small size), and only then cut with an ellipsis. Each draw is recorded in `TextRecord`s so that tests can
assert that no text left its panel and none had to be cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

import pygame

from game.paths import assets_dir

from .theme import SIZES, Look, font


@dataclass
class TextRecord:
    """One drawn text: where it went, the box it had to stay in, and whether it had to be cut."""

    text: str
    rect: pygame.Rect
    box: pygame.Rect
    cut: bool
    px: int


def wrap(text: str, fnt: pygame.font.Font, width: int) -> list[str]:
    """Lines of `text` that fit `width` (paragraphs kept; a word longer than the width is split)."""
    return list(_wrapped(text, fnt, width))


# A screen is redrawn whenever the mouse moves, and measuring text is most of a redraw: the same texts in the
# same fonts and widths come back every frame, so their line breaks and rendered lines are kept. Fonts come
# from theme.font's cache, so a font object stands for its file and size.
@lru_cache(maxsize=8192)
def _wrapped(text: str, fnt: pygame.font.Font, width: int) -> tuple:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split()
        if not words:
            lines.append("")
            continue
        line = ""
        for word in words:
            candidate = f"{line} {word}" if line else word
            if fnt.size(candidate)[0] <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            while fnt.size(word)[0] > width and len(word) > 1:
                cut = len(word)
                while cut > 1 and fnt.size(word[:cut])[0] > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return tuple(lines)


@lru_cache(maxsize=2048)
def _rendered(line: str, fnt: pygame.font.Font, colour: tuple) -> pygame.Surface:
    return fnt.render(line, True, colour)


class Painter:
    """Draws on one surface with the current look, recording every text it draws."""

    def __init__(self, surface: pygame.Surface, look: Look) -> None:
        self.surface = surface
        self.look = look
        self.records: list[TextRecord] = []

    @property
    def c(self) -> dict:
        """The palette."""
        return self.look.colours

    def text(
        self,
        rect: pygame.Rect,
        text: str,
        kind: str = "body",
        colour=None,
        bold: bool = False,
        align: str = "left",
        valign: str = "top",
        min_kind: str = "small",
    ) -> pygame.Rect:
        """Draw `text` wrapped inside `rect`; shrink to fit; return the rectangle actually used."""
        colour = colour or self.c["ink"]
        rect = pygame.Rect(rect)
        px = self.look.size(kind)
        floor = min(px, self.look.size(min_kind))
        while True:
            fnt = font(px, bold or kind in ("title", "heading"))
            lines = wrap(text, fnt, max(1, rect.width))
            line_h = fnt.get_linesize()
            if len(lines) * line_h <= rect.height or px <= floor:
                break
            px = max(floor, int(px * 0.92))
        max_lines = max(1, rect.height // line_h)
        cut = len(lines) > max_lines or line_h > rect.height + 2
        if cut:
            lines = lines[:max_lines]
            last = lines[-1]
            while last and fnt.size(last + "…")[0] > rect.width:
                last = last[:-1]
            lines[-1] = last + "…"
        total_h = len(lines) * line_h
        y = rect.top
        if valign == "middle":
            y = rect.top + (rect.height - total_h) // 2
        elif valign == "bottom":
            y = rect.bottom - total_h
        used = pygame.Rect(rect.left, y, 0, total_h)
        colour = tuple(colour)
        for line in lines:
            surf = _rendered(line, fnt, colour)
            if align == "center":
                x = rect.left + (rect.width - surf.get_width()) // 2
            elif align == "right":
                x = rect.right - surf.get_width()
            else:
                x = rect.left
            self.surface.blit(surf, (x, y))
            line_rect = pygame.Rect(x, y, surf.get_width(), surf.get_height())
            used = used.union(line_rect) if used.width else line_rect
            y += line_h
        self.records.append(TextRecord(text, used, rect, cut, px))
        return used

    def fits(
        self, rect: pygame.Rect, text: str, kind: str = "body", bold: bool = False, min_kind: str = "small"
    ) -> bool:
        """Whether `text` fits `rect` (wrapped, shrunk at most to `min_kind`) without being cut."""
        return fits(self.look, rect, text, kind, bold, min_kind)

    def line(self, pos: tuple, text: str, kind: str = "body", colour=None, bold: bool = False, box=None) -> pygame.Rect:
        """One line of text at a position (recorded against `box`, or the surface)."""
        fnt = self.look.font(kind, bold)
        surf = fnt.render(text, True, colour or self.c["ink"])
        rect = self.surface.blit(surf, pos)
        self.records.append(
            TextRecord(text, rect, pygame.Rect(box or self.surface.get_rect()), False, fnt.get_height())
        )
        return rect

    def panel(self, rect: pygame.Rect, fill=None, edge=None, radius: int = 14, width: int = 2) -> None:
        """A rounded panel like a card on the table."""
        r = self.look.px(radius)
        pygame.draw.rect(self.surface, fill or self.c["panel"], rect, border_radius=r)
        if width:
            pygame.draw.rect(
                self.surface, edge or self.c["panel_edge"], rect, max(1, self.look.px(width)), border_radius=r
            )

    def bar(self, rect: pygame.Rect, fraction: float, colour, back=None) -> None:
        """A horizontal bar filled to `fraction` (0..1)."""
        r = rect.height // 2
        pygame.draw.rect(self.surface, back or self.c["bar_bg"], rect, border_radius=r)
        width = int(rect.width * max(0.0, min(1.0, fraction)))
        if width > 0:
            pygame.draw.rect(
                self.surface, colour, pygame.Rect(rect.left, rect.top, max(width, r), rect.height), border_radius=r
            )

    def icon(self, name: str, rect: pygame.Rect, folder: str = "icons") -> None:
        """An SVG icon from assets, fitted into `rect` (nothing when the file is missing)."""
        surf = load_icon(folder, name, min(rect.width, rect.height))
        if surf is not None:
            self.surface.blit(surf, surf.get_rect(center=rect.center))

    def focus_ring(self, rect: pygame.Rect) -> None:
        """The keyboard-focus outline: thick, blue, impossible to miss from the back of the room."""
        pygame.draw.rect(
            self.surface,
            self.c["focus"],
            rect.inflate(self.look.px(10), self.look.px(10)),
            self.look.px(4),
            border_radius=self.look.px(16),
        )


def fits(
    look: Look, rect: pygame.Rect, text: str, kind: str = "body", bold: bool = False, min_kind: str = "small"
) -> bool:
    """Whether `text` fits `rect` wrapped at some size between `kind` and `min_kind`."""
    px = look.size(kind)
    floor = min(px, look.size(min_kind))
    while True:
        fnt = font(px, bold or kind in ("title", "heading"))
        if len(wrap(text, fnt, max(1, rect.width))) * fnt.get_linesize() <= rect.height:
            return True
        if px <= floor:
            return False
        px = max(floor, int(px * 0.92))


def line_height(look: Look, kind: str, bold: bool = False) -> int:
    """The line height of a kind of text."""
    return look.font(kind, bold).get_linesize()


_PLAIN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")


def icon_path(folder: str, name: str) -> Optional[Path]:
    """assets/<folder>/<name>.svg, or None when either is not a plain name or the file would lie outside.

    Content names icons (Role.icon, Scenario.emblem, ids); the models already refuse paths, and this is the
    second lock: no `/`, `\\`, `..`, drive letter or NUL ever reaches the file system from here.
    """
    for part in (folder, name):
        if not isinstance(part, str) or not _PLAIN_NAME.fullmatch(part) or ".." in part:
            return None
    base = assets_dir() / folder
    path = base / f"{name}.svg"
    try:
        if not path.resolve().is_relative_to(base.resolve()):
            return None
    except (OSError, ValueError, RuntimeError):
        return None
    return path


@lru_cache(maxsize=128)
def load_icon(folder: str, name: str, size: int):
    """An SVG from assets/<folder>/<name>.svg rendered at `size` pixels, or None (also for a name that is
    not a plain file name: see `icon_path`)."""
    path = icon_path(folder, name)
    if path is None or not path.exists() or size <= 0:
        return None
    try:
        return pygame.image.load_sized_svg(str(path), (size, size))
    except (pygame.error, AttributeError, ValueError):
        try:
            return pygame.transform.smoothscale(pygame.image.load(str(path)), (size, size))
        except pygame.error:
            return None


def min_text_px() -> int:
    """The smallest text size the design allows at 1080p, 100 %."""
    return SIZES["small"]
