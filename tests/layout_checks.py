"""What the layout tests look for in a drawn frame: texts and widgets that cover each other, the elements a screen
must show (present, whole and inside the window), and text too small to read from the back of the room.

The painters record every text they draw (`TextRecord`: the text, the rectangle it took, its box, whether it was
cut, its size in px); pygame_gui's widgets know their rectangles. A `Frame` holds both for the screen on top (an
overlay's own texts and widgets, not those of the dimmed screen under it) and finds a screen's elements in them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import pygame
import pygame_gui

from game.export.draw import Painter
from tests.screens import open_screen
from tests.ui_driver import layout_problems, new_app, overlapping_buttons

READABLE_PX = 20  # at 1920x1080 and 100 % nothing a player must read is smaller (issue 17)


def open_at(size, name: str, text_size: int = 150, lang: str = "nl"):
    """A new app at `size` with this text size and language, on screen `name` (see tests/screens.py)."""
    app = new_app(size=size)
    app.settings.text_size = text_size
    app.settings.lang = lang
    app.resized()
    open_screen(app, name)
    return app


def unreadable(app, floor: int = READABLE_PX) -> list:
    """The texts of the last frame drawn smaller than `floor` px, and the visible buttons whose font is."""
    small = [f"{r.text[:40]!r} at {r.px} px" for r in app.frame_records if r.px < floor]
    for scene in app.stack:
        for btn in scene.buttons:
            if btn.alive() and btn.visible and btn.font.size("Hg")[1] < floor:
                small.append(f"button {btn.text!r} at {btn.font.size('Hg')[1]} px")
    return small


def covers(a: pygame.Rect, b: pygame.Rect) -> bool:
    """Whether two rectangles share more than a pixel's edge (as `overlapping_buttons` counts)."""
    clip = a.clip(b)
    return clip.width > 1 and clip.height > 1


@dataclass
class Element:
    """One thing a screen must show: where it is (None: not there), its text size and whether it was cut."""

    name: str
    rect: Optional[pygame.Rect]
    px: Optional[int] = None
    cut: bool = False


class Frame:
    """The screen on top as drawn now: its texts (each once) and its visible widgets."""

    def __init__(self, app) -> None:
        self.app = app
        painter = Painter(app.window, app.look)
        app.top.draw(painter)  # the top scene alone: an overlay's texts without those of the screen under it
        seen = set()
        self.records = []
        for record in painter.records:  # a scrolling text may be drawn twice (by the scene and as a widget)
            key = (record.text, tuple(record.rect))
            if key not in seen:
                seen.add(key)
                self.records.append(record)
        app.draw()  # the whole frame again (and app.frame_records for `layout_problems`)
        self.window = app.window.get_rect()
        self.widgets = visible_widgets(app.top)

    # ----------------------------------------------------------------- what is wrong
    def overlaps(self) -> list:
        """Widgets over widgets, texts over widgets, texts over texts (on the screen on top)."""
        found = overlapping_buttons(self.app)
        buttons = set(self.app.top.buttons)
        for i, a in enumerate(self.widgets):
            for b in self.widgets[i + 1 :]:
                if (a not in buttons or b not in buttons) and covers(a.rect, b.rect):
                    found.append(f"{_widget_name(a)} overlaps {_widget_name(b)}")
        for record in self.records:
            for widget in self.widgets:
                if covers(record.rect, widget.rect):
                    found.append(f"text {record.text[:50]!r} {tuple(record.rect)} under {_widget_name(widget)}")
        for i, a in enumerate(self.records):
            for b in self.records[i + 1 :]:
                if covers(a.rect, b.rect):
                    found.append(f"text {a.text[:50]!r} {tuple(a.rect)} overlaps {b.text[:50]!r} {tuple(b.rect)}")
        return found

    def layout_problems(self) -> list:
        """`layout_problems` of the screen on top: text cut or outside its panel or the window, a button label
        wider than its button, a button outside the window."""
        return layout_problems(self.app, records=self.records, scenes=[self.app.top])

    def missing(self, elements: list) -> list:
        """What is wrong with the elements a screen must show: not there, cut, or (partly) outside the window."""
        found = []
        for element in elements:
            if element.rect is None:
                found.append(f"missing: {element.name}")
            elif element.cut:
                found.append(f"cut: {element.name}")
            elif not self.window.contains(element.rect):
                found.append(f"outside the window: {element.name} {tuple(element.rect)}")
        return found

    # ----------------------------------------------------------------- finding elements
    def text(self, name: str, *wanted: str, within: Optional[pygame.Rect] = None, exact: bool = False) -> Element:
        """The drawn text equal to (`exact`) or containing one of `wanted`; with `within`, the one whose middle
        lies in that rectangle."""
        for record in self.records:
            if within is not None and not pygame.Rect(within).collidepoint(record.rect.center):
                continue
            if any((record.text == w) if exact else (w in record.text) for w in wanted):
                return Element(name, pygame.Rect(record.rect), record.px, record.cut)
        return Element(name, None)

    def text_with(self, name: str, *parts: str) -> Element:
        """The drawn text that contains every one of `parts`."""
        for record in self.records:
            if all(part in record.text for part in parts):
                return Element(name, pygame.Rect(record.rect), record.px, record.cut)
        return Element(name, None)

    def any_text(self, name: str, within: pygame.Rect) -> Element:
        """Any drawn text whose middle lies in `within`."""
        for record in self.records:
            if record.text.strip() and pygame.Rect(within).collidepoint(record.rect.center):
                return Element(name, pygame.Rect(record.rect), record.px, record.cut)
        return Element(name, None)

    def button(self, name: str, *labels: str, exact: bool = True) -> Element:
        """The visible button labelled (`exact`) or containing one of `labels`."""
        for widget in self.widgets:
            if isinstance(widget, pygame_gui.elements.UIButton) and widget in self.app.top.buttons:
                text = widget.text
                if any((text == w) if exact else (w in text) for w in labels):
                    return Element(name, pygame.Rect(widget.rect))
        return Element(name, None)

    def buttons(self, name: str, labels: list) -> list:
        """One visible button per label of `labels` (labels may repeat: as many buttons as times)."""
        left = [w for w in self.widgets if isinstance(w, pygame_gui.elements.UIButton) and w in self.app.top.buttons]
        found = []
        for label in labels:
            match = next((w for w in left if w.text == label), None)
            if match is not None:
                left.remove(match)
            found.append(Element(f"{name} {label!r}", None if match is None else pygame.Rect(match.rect)))
        return found

    def widget(self, name: str, widget) -> Element:
        """A given widget: there when it is alive and visible."""
        if widget is None or not widget.alive() or not widget.visible:
            return Element(name, None)
        return Element(name, pygame.Rect(widget.rect))


def visible_widgets(scene) -> list:
    """The scene's visible pygame_gui widgets a player sees as one thing each: its buttons, text entries, text
    boxes and scroll bars (not the buttons and containers inside a scroll bar)."""
    if scene.manager is None:
        return []
    root = scene.manager.get_root_container()
    kinds = (
        pygame_gui.elements.UITextEntryLine,
        pygame_gui.elements.UITextBox,
        pygame_gui.elements.UIVerticalScrollBar,
    )
    shown = []
    for element in scene.manager.get_sprite_group().sprites():
        if not element.alive() or not element.visible:
            continue
        if isinstance(element, kinds) or (
            isinstance(element, pygame_gui.elements.UIButton) and element.ui_container is root
        ):
            shown.append(element)
    return shown


def _widget_name(widget) -> str:
    text = getattr(widget, "text", None)
    if isinstance(widget, pygame_gui.elements.UITextEntryLine):
        text = widget.get_text()
    label = f" {text[:40]!r}" if isinstance(text, str) and text else ""
    return f"{type(widget).__name__}{label} {tuple(widget.rect)}"
