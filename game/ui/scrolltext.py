"""A panel of wrapped text (with bold and coloured runs) that scrolls when it is too long: the setup's scenario
description, the table's coalitions, the glossary.

pygame_gui's UITextBox does this too, but it lays out and renders the whole text (twice when it needs a
scroll bar) through its HTML machinery: 30-40 ms for a scenario description, which was half of opening the
setup screen and of every language switch there. Here the text is wrapped with `theme.font` (line breaks
kept in a cache), only the visible lines are drawn (rendered lines kept in the Painter's cache), and
pygame_gui draws just the scroll bar (a UIVerticalScrollBar, when the text is longer than the panel), so
scrolling with the mouse wheel, the bar and its arrows works as before.
"""

from __future__ import annotations

import weakref
from typing import Optional

import pygame
import pygame_gui

from game.export.draw import Painter, TextRecord, _rendered, split_words

from .theme import font, per_look

# the font's own line height (1.3 times its size for the game's font) reads best; pygame_gui's text box adds
# 25 % to that, which looked loose on a beamer at large text
LINE_SPACING = 1.0
# A paragraph is a tuple of (text, style) runs; an empty paragraph is an empty line. A style is `bold` (True or
# False), or (bold, colour) with colour a key of the palette ("good", "bad", "muted", ...).
Paragraphs = tuple


def _bold(style) -> bool:
    """Whether a run's style is bold."""
    return style[0] if isinstance(style, tuple) else bool(style)


@per_look(maxsize=64)
def layout(paragraphs: Paragraphs, px: int, width: int) -> tuple:
    """Lines of the text wrapped to `width`: each line a tuple of (x, text, style) pieces."""
    lines: list = []
    for paragraph in paragraphs:
        words = [(word, bold) for text, bold in paragraph for word in split_words(text)]
        if not words:
            lines.append(())
            continue
        line: list = []  # [text, style] pieces, consecutive words in the same style joined
        x = 0  # width of the finished pieces of `line`
        for word, style in words:
            fnt = font(px, _bold(style))
            if not line:
                line, x = [[word, style]], 0
                continue
            last_text, last_style = line[-1]
            last_font = font(px, _bold(last_style))
            if last_style == style:
                candidate = x + fnt.size(f"{last_text} {word}")[0]
            else:
                candidate = x + last_font.size(last_text)[0] + fnt.size(f" {word}")[0]
            if candidate <= width:
                if last_style == style:
                    line[-1][0] = f"{last_text} {word}"
                else:
                    x += last_font.size(last_text)[0]
                    line.append([f" {word}", style])
                continue
            lines.append(_placed(line, px))
            line, x = [[word, style]], 0
        lines.append(_placed(line, px))
    return tuple(lines)


def _placed(line: list, px: int) -> tuple:
    pieces, x = [], 0
    for text, style in line:
        pieces.append((x, text, style))
        x += font(px, _bold(style)).size(text)[0]
    return tuple(pieces)


def unlink(element) -> None:
    """After a scroll bar is killed: drop its links to its buttons and their container, which point back at
    it, so that the whole bar is freed at once instead of at the next full garbage collection."""
    if isinstance(element, pygame_gui.elements.UIVerticalScrollBar):
        element.top_button = element.bottom_button = element.sliding_button = None
        element.button_container = None


class _Hover:
    """What a scroll bar asks about the text it scrolls (is the mouse over it?), holding the text weakly."""

    def __init__(self, box: ScrollText) -> None:
        self.box = weakref.ref(box)

    def are_contents_hovered(self) -> bool:
        """Whether the mouse is over the text (the wheel then scrolls it)."""
        box = self.box()
        return box is not None and box.hovered


class ScrollText:
    """Text in a panel at `rect`; a pygame_gui scroll bar at its right edge when the text does not fit."""

    def __init__(
        self, manager: pygame_gui.UIManager, look, rect: pygame.Rect, paragraphs: Paragraphs, kind: str = "body"
    ) -> None:
        self.rect = pygame.Rect(rect)
        self.paragraphs = paragraphs
        self.px = look.size(kind)
        self.border = 1
        pad_x, pad_y = look.px(12), look.px(8)
        self.line_h = int(font(self.px).get_linesize() * LINE_SPACING)
        inner = self.rect.inflate(-2 * (self.border + pad_x), -2 * (self.border + pad_y))
        # only whole lines show: the panel's text area is as many lines high as fit, and scrolling goes by lines
        inner.height = max(self.line_h, inner.height // self.line_h * self.line_h)
        self.lines = layout(paragraphs, self.px, max(1, inner.width))
        self.height = len(self.lines) * self.line_h
        self.bar: Optional[pygame_gui.elements.UIVerticalScrollBar] = None
        self.hovered = False
        if self.height > inner.height:
            bar_w = max(20, look.px(22))  # wide enough to hit with a mouse on a large screen
            inner.width -= bar_w
            self.lines = layout(paragraphs, self.px, max(1, inner.width))
            self.height = len(self.lines) * self.line_h
            bar_rect = pygame.Rect(
                self.rect.right - self.border - bar_w,
                self.rect.top + self.border,
                bar_w,
                self.rect.height - 2 * self.border,
            )
            self.bar = pygame_gui.elements.UIVerticalScrollBar(bar_rect, min(1.0, inner.height / self.height), manager)
            # the wheel over the text scrolls; the bar asks through a weak reference, so that a text and its
            # bar make no reference cycle (whose widgets would wait for a full garbage collection)
            self.bar.set_container_to_check_hover_for_mousewheel_events(_Hover(self))
        self.inner = inner

    @property
    def text(self) -> str:
        """The whole text, plain."""
        return "\n".join("".join(text for text, _ in paragraph) for paragraph in self.paragraphs)

    def elements(self) -> set:
        """pygame_gui's elements of this text: the scroll bar and the container of its buttons (which sits
        beside it in the screen's root container)."""
        if self.bar is None:
            return set()
        return {self.bar, getattr(self.bar, "button_container", None)} - {None}

    def handle(self, event: pygame.event.Event) -> None:
        """Follow the mouse (for the wheel)."""
        if event.type in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            self.hovered = self.rect.collidepoint(event.pos)

    def moved(self) -> bool:
        """Whether the text scrolled in the last update (it must be redrawn)."""
        return self.bar is not None and self.bar.alive() and self.bar.check_has_moved_recently()

    def first_line(self) -> int:
        """The first line that shows (the bar's position, rounded to a whole line)."""
        if self.bar is None or not self.bar.alive():
            return 0
        most = max(0, len(self.lines) - self.inner.height // self.line_h)
        return max(0, min(most, round(self.bar.start_percentage * self.height / self.line_h)))

    def draw(self, painter: Painter) -> None:
        """The panel and the lines that show."""
        surface, c = painter.surface, painter.c
        pygame.draw.rect(surface, c["panel"], self.rect)
        pygame.draw.rect(surface, c["panel_edge"], self.rect, self.border)
        first = self.first_line()
        offset = first * self.line_h
        last = min(len(self.lines), first + self.inner.height // self.line_h)
        clip = surface.get_clip()
        surface.set_clip(self.inner.clip(clip))
        ink = tuple(c["ink"])
        for index in range(first, last):
            y = self.inner.top + index * self.line_h - offset
            for x, text, style in self.lines[index]:
                colour = tuple(c[style[1]]) if isinstance(style, tuple) else ink
                surface.blit(_rendered(text, font(self.px, _bold(style)), colour), (self.inner.left + x, y))
        surface.set_clip(clip)
        shown = pygame.Rect(self.inner.left, self.inner.top, self.inner.width, min(self.inner.height, self.height))
        painter.records.append(TextRecord(self.text, shown, self.rect, False, self.px))
