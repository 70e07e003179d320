"""The base of every screen: widgets built for the current window, keyboard focus, and drawing.

A scene is rebuilt (its widgets made anew) whenever the window size, the language or the text size changes,
so layout code lives in `build()` and reads the window's size every time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Optional

import pygame
import pygame_gui

from game.export.draw import Painter, line_height, wrap

from .scrolltext import ScrollText, unlink
from .view import AppView

if TYPE_CHECKING:
    from .app import App

NEXT_KEYS = (pygame.K_TAB, pygame.K_DOWN, pygame.K_RIGHT)
PREV_KEYS = (pygame.K_UP, pygame.K_LEFT)
PRESS_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
TIP_DELAY = 0.5  # seconds the pointer rests on something explained before its tooltip shows


class Scene(AppView):
    """One screen of the game."""

    name = "scene"  # used in screenshot file names
    modal = False  # an overlay drawn over the scene below it

    def __init__(self, app: App) -> None:
        self.app = app
        self.buttons: dict = {}  # UIButton -> callback
        self.focus: list = []  # focusable buttons in keyboard order
        self.focus_index = -1
        self.manager: Optional[pygame_gui.UIManager] = None
        self.manager_key: Optional[tuple] = None
        self.widgets: dict = {}  # what each widget was made from -> the widget, to reuse it on a rebuild
        self.previous: dict = {}
        self.scrolls: dict = {}  # the same for the scrolling texts (ScrollText)
        self.mouse: Optional[tuple] = None  # the pointer's last position over this screen
        self.previous_scrolls: dict = {}
        # tooltips on what the screen explains: (rect, text) the widgets were built with (a grey action and
        # why) and that the last drawing put on screen (a resource icon, a coalition role); see `tip`
        self.tips: list = []
        self.drawn_tips: list = []
        self.tip_at: Optional[tuple] = None  # the (rect, text) under the pointer
        self.tip_clock = 0.0  # how long the pointer has rested on it
        self.tooltip = None  # pygame_gui's tooltip, while one shows

    # ----------------------------------------------------------------- building

    def rebuild(self) -> None:
        """Lay the screen out again for the current state, window, language and text size.

        Widgets that come out exactly the same (place, text, style) are kept: making a pygame_gui button
        takes milliseconds, and a click that changes one number should not remake twenty of them."""
        keep = self.focus_index
        key = self.app.manager_key(self)
        if self.manager is None or key != self.manager_key:
            self.manager = self.app.manager_for(self)
            self.manager_key = key
            self.widgets = {}
            self.scrolls = {}
        root = self.manager.get_root_container()
        before = list(root.elements)
        self.previous, self.widgets = self.widgets, {}
        self.previous_scrolls, self.scrolls = self.scrolls, {}
        self.buttons = {}
        self.focus = []
        self.focus_index = -1
        self.tips = []
        self.hide_tip()
        self.build()
        chosen = self.focus_index  # a screen may put the focus somewhere itself (e.g. on "Start")
        kept = set(self.widgets.values()).union(*(box.elements() for box in self.scrolls.values()))
        for element in before:
            if element not in kept:
                element.kill()
                unlink(element)
        self.previous = {}
        self.previous_scrolls = {}
        self.manager.update(0.0)  # lay the new widgets out before their first frame
        if keep >= 0 and self.focus:
            self.focus_index = min(keep, len(self.focus) - 1)
        else:
            self.focus_index = chosen if 0 <= chosen < len(self.focus) else -1

    def build(self) -> None:
        """Create the widgets (override)."""

    def button(
        self,
        rect: pygame.Rect,
        text: str,
        callback: Callable[[], None],
        object_id: Optional[str] = None,
        tooltip: Optional[str] = None,
        enabled: bool = True,
        focusable: bool = True,
    ) -> pygame_gui.elements.UIButton:
        """A button that runs `callback` when pressed (mouse or keyboard)."""
        spec = ("button", tuple(pygame.Rect(rect)), text, object_id, tooltip)
        btn = self.previous.pop(spec, None)
        if btn is None or not btn.alive():
            btn = pygame_gui.elements.UIButton(
                relative_rect=pygame.Rect(rect),
                text=text,
                manager=self.manager,
                object_id=object_id,
                tool_tip_text=tooltip,
            )
        self.widgets[spec] = btn
        if enabled and not btn.is_enabled:
            btn.enable()
        elif not enabled and btn.is_enabled:
            btn.disable()
        self.buttons[btn] = callback
        if focusable and enabled:
            self.focus.append(btn)
        return btn

    def tip(self, rect: pygame.Rect, text: str) -> None:
        """Explain what is at `rect` in a tooltip when the pointer rests on it (pygame_gui's tooltip: a widget's
        own shows only while it is enabled, and a grey action must say why it is grey)."""
        if text:
            self.tips.append((pygame.Rect(rect), text))

    def _point(self, pos: tuple) -> None:
        """The pointer moved to `pos`: the tooltip of what is there (after TIP_DELAY), no other."""
        spot = next((tip for tip in (*self.tips, *self.drawn_tips) if tip[0].collidepoint(pos)), None)
        if spot != self.tip_at:
            self.hide_tip()
            self.tip_at = spot

    def hide_tip(self) -> None:
        """No tooltip (the pointer left what it explains, or the screen is laid out anew)."""
        if self.tooltip is not None:
            self.tooltip.kill()
            unlink(self.tooltip)
            self.tooltip = None
        self.tip_at = None
        self.tip_clock = 0.0

    def _show_tip(self) -> None:
        rect, text = self.tip_at
        look = self.look
        pos = self.mouse or rect.center
        self.tooltip = self.manager.create_tool_tip(
            text, pos, (0, look.px(24)), None, None, wrap_width=min(look.px(520), self.app.window.get_width() // 2)
        )
        self.tooltip.find_valid_position(pygame.Vector2(pos))

    def scroll_text(self, rect: pygame.Rect, paragraphs: tuple, kind: str = "body") -> ScrollText:
        """Wrapped text in a panel, with a scroll bar when it is too long (kept, scrolled where it was, when
        the screen is rebuilt with the same text). `paragraphs`: a tuple of paragraphs, each a tuple of
        (text, bold) runs; `kind`: the text's size (body, small)."""
        spec = (tuple(pygame.Rect(rect)), paragraphs, kind)
        box = self.previous_scrolls.pop(spec, None)
        if box is None or (box.bar is not None and not box.bar.alive()):
            box = ScrollText(self.manager, self.look, rect, paragraphs, kind)
        self.scrolls[spec] = box
        return box

    def fit(self, text: str, minimum: int, primary: bool = False) -> int:
        """A button width that holds `text` (at least `minimum`)."""
        kind_px = self.look.size("body") * (28 / 26 if primary else 1)
        from .theme import font

        return max(minimum, font(int(round(kind_px)), primary).size(text)[0] + self.look.px(48))

    # ----------------------------------------------------------------- events
    def handle(self, event: pygame.event.Event) -> bool:
        """Handle one event; return True when the screen must be redrawn."""
        if event.type == pygame.MOUSEMOTION:
            self.mouse = event.pos  # where the pointer is, for what the screen shows under it
            self._point(event.pos)
        for box in self.scrolls.values():
            box.handle(event)
        if self.manager is not None:
            self.manager.process_events(event)
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element in self.buttons:
            self._press(event.ui_element)
            return True
        if event.type == pygame.KEYDOWN:
            return self.key(event)
        return event.type in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEWHEEL)

    def key(self, event: pygame.event.Event) -> bool:
        """Keyboard: Tab/arrows move the focus, Enter/Space press, Esc goes back."""
        if event.key == pygame.K_ESCAPE:
            self.back()
            return True
        if not self.focus:
            return False
        shift = event.mod & pygame.KMOD_SHIFT
        focused = self.focus[self.focus_index] if 0 <= self.focus_index < len(self.focus) else None
        typing = isinstance(focused, pygame_gui.elements.UITextEntryLine)
        if typing and event.key not in (pygame.K_TAB, pygame.K_RETURN, pygame.K_KP_ENTER):
            return True  # the text entry has the keys
        if event.key in NEXT_KEYS and not (event.key == pygame.K_TAB and shift):
            self.move_focus(+1)
            return True
        if event.key in PREV_KEYS or (event.key == pygame.K_TAB and shift):
            self.move_focus(-1)
            return True
        if event.key in PRESS_KEYS and focused is not None:
            if typing:
                self.move_focus(+1)
            else:
                self._press(focused)
            return True
        return False

    def move_focus(self, step: int) -> None:
        """Move the keyboard focus; a text entry gets the typing cursor when it is reached."""
        old = self.focus[self.focus_index] if 0 <= self.focus_index < len(self.focus) else None
        if isinstance(old, pygame_gui.elements.UITextEntryLine):
            old.unfocus()
        self.focus_index = (self.focus_index + step) % len(self.focus)
        new = self.focus[self.focus_index]
        if isinstance(new, pygame_gui.elements.UITextEntryLine):
            new.focus()

    def entry(self, rect: pygame.Rect, text: str, limit: int = 24) -> pygame_gui.elements.UITextEntryLine:
        """A one-line text entry, reachable with Tab (kept, with what was typed, when the screen is rebuilt)."""
        spec = ("entry", tuple(pygame.Rect(rect)))
        box = self.previous.pop(spec, None)
        if box is None or not box.alive():
            box = pygame_gui.elements.UITextEntryLine(pygame.Rect(rect), manager=self.manager, initial_text=text)
            box.set_text_length_limit(limit)
        elif box.get_text() != text:
            box.set_text(text)
        self.widgets[spec] = box
        self.focus.append(box)
        return box

    def _press(self, btn) -> None:
        if isinstance(btn, pygame_gui.elements.UITextEntryLine):
            return
        callback = self.buttons.get(btn)
        if callback is not None and btn.is_enabled:
            self.app.sounds.click()
            callback()

    def back(self) -> None:
        """Esc: override to go back."""

    # ----------------------------------------------------------------- frame
    def update(self, dt: float) -> bool:
        """Advance time; return True when the screen must be redrawn."""
        if self.manager is not None:
            self.manager.update(dt)
        shown = False
        if self.tip_at is not None and self.tooltip is None and self.manager is not None:
            self.tip_clock += dt
            if self.tip_clock >= TIP_DELAY:
                self._show_tip()
                shown = True
        return any(box.moved() for box in self.scrolls.values()) or shown

    def draw(self, painter: Painter) -> None:
        """Draw the scene (override), then call `draw_widgets`."""
        painter.surface.fill(painter.c["bg"])
        self.draw_widgets(painter)

    def draw_widgets(self, painter: Painter) -> None:
        """Draw the scrolling texts, pygame_gui's widgets and the keyboard focus."""
        for box in self.scrolls.values():
            box.draw(painter)
        if self.manager is not None:
            self.manager.draw_ui(painter.surface)
        # only the screen on top has the keyboard: a screen under an overlay shows no focus ring of its own
        if self.app.top is self and 0 <= self.focus_index < len(self.focus):
            btn = self.focus[self.focus_index]
            if btn.alive() and btn.visible:
                painter.focus_ring(btn.rect)
        if self.tooltip is not None and self.tooltip.alive():  # above the focus ring too
            painter.surface.blit(self.tooltip.image, self.tooltip.rect)

    def autoplay(self) -> None:
        """What a computer does on this screen under --autoplay (override)."""

    def leave(self) -> None:
        """Called when the scene is removed: its widgets go (the manager is reused by the next scene)."""
        self.hide_tip()
        if self.manager is not None:
            self.manager.clear_and_reset()
            self.manager = None
            self.manager_key = None
            self.widgets = {}
            self.scrolls = {}


class Overlay(Scene):
    """A screen pushed over another (settings, content check, facilitator): Esc and autoplay close it."""

    def back(self) -> None:
        self.app.pop()

    def autoplay(self) -> None:
        self.app.pop()


def tabbed_regions(look, size: tuple, tabs: bool = True) -> dict:
    """The regions of a screen with tabs (the debrief, the compare screen): title, subtitle, tab bar (none when
    `tabs` is False), body, status line and the row of buttons at the foot."""
    w, h = size
    m = look.px(32)
    title_h = line_height(look, "heading")
    sub_h = line_height(look, "body")
    tabs_top = look.px(12) + title_h + sub_h + look.px(8)
    tab_h = look.px(60) if tabs else 0
    bh = look.px(68)
    bottom_top = h - look.px(24) - bh
    status_h = line_height(look, "small")
    body_top = tabs_top + tab_h + look.px(14)
    body = pygame.Rect(m, body_top, w - 2 * m, bottom_top - status_h - look.px(12) - body_top)
    return {
        "title": pygame.Rect(m, look.px(12), w - 2 * m, title_h),
        "sub": pygame.Rect(m, look.px(12) + title_h, w - 2 * m, sub_h),
        "tabs": pygame.Rect(m, tabs_top, w - 2 * m, tab_h),
        "body": body,
        "status": pygame.Rect(m, body.bottom + look.px(4), w - 2 * m, status_h),
        "buttons": pygame.Rect(m, bottom_top, w - 2 * m, bh),
    }


class TabbedScene(Scene):
    """A screen with tabs (the debrief, the compare screen): its tab bar, choosing a tab, and its analyses made
    once per language. `TABS` are the tabs' ids, `WORDS` the catalogue prefix of their names ("debrief":
    "debrief.tab.outcome", "debrief.tab_key"); `analysed()` is what the analyses read."""

    TABS: tuple = ()
    WORDS = ""

    def tab_bar(self, rect: pygame.Rect) -> None:
        """One button per tab across `rect`, the shown one marked."""
        gap = self.look.px(8)
        width = (rect.width - gap * (len(self.TABS) - 1)) // len(self.TABS)
        for i, tab in enumerate(self.TABS):
            self.button(
                pygame.Rect(rect.left + i * (width + gap), rect.top, width, rect.height),
                self.t(f"{self.WORDS}.tab.{tab}"),
                lambda tab=tab: self.select(tab),
                "@tab_selected" if tab == self.tab else "@tab",
                tooltip=self.t(f"{self.WORDS}.tab_key", n=i + 1),
            )

    def select(self, tab: str) -> None:
        """Show another tab."""
        if tab != self.tab:
            self.tab = tab
            self.tab_changed()
            self.focus_index = self.TABS.index(tab)
            self.rebuild()
        self.app.dirty = True

    def tab_changed(self) -> None:
        """What a new tab resets (nothing by default)."""

    def analysed(self):
        """What the tabs' analyses read."""
        raise NotImplementedError

    def analysis(self, what: str, make):
        """`make(analysed, lang)` in the current language, made once."""
        key = (self.app.settings.lang, what)
        if key not in self.cache:
            self.cache[key] = make(self.analysed(), self.app.settings.lang)
        return self.cache[key]


class PanelScene(Overlay):
    """A small panel over another screen: a title and a line that explains it, then the panel's own rows.
    `TITLE` and `EXPLAIN` are catalogue keys; `build` calls `frame` and sets `panel_rect`."""

    modal = True
    TITLE = ""
    EXPLAIN = ""
    WIDTH = 1000  # the panel's most, in px at 1080p

    def frame(self) -> tuple:
        """(panel width, padding, inner width, row height) for this window; sets `head_h` and `explain_h`."""
        w, _ = self.app.window.get_size()
        look = self.look
        pw = min(w - 2 * look.px(40), look.px(self.WIDTH))
        pad = look.px(36)
        inner = pw - 2 * pad
        small = look.font("small")
        self.head_h = line_height(look, "large", True) + look.px(8)
        self.explain_h = len(wrap(self.t(self.EXPLAIN), small, inner)) * small.get_linesize()
        return pw, pad, inner, look.size("body") + look.px(30)

    def centred(self, pw: int, ph: int) -> pygame.Rect:
        """The panel's rectangle, `ph` high, in the middle of the window (its top at the window's top at most)."""
        w, h = self.app.window.get_size()
        return pygame.Rect((w - pw) // 2, max(0, (h - ph) // 2), pw, min(h, ph))

    def foot_buttons(self, y: int, row: int, gap: int, ok: str, act, cancel: str, enabled: bool = True) -> tuple:
        """The panel's two buttons at the right of row `y`: the act (primary) and Cancel; (act, cancel)."""
        look = self.look
        ok_w = self.fit(ok, look.px(200), primary=True)
        cancel_w = self.fit(cancel, look.px(200))
        right = self.panel_rect.right - look.px(36)
        cancel_btn = self.button(pygame.Rect(right - cancel_w, y, cancel_w, row), cancel, self.back)
        ok_rect = pygame.Rect(right - cancel_w - gap - ok_w, y, ok_w, row)
        return self.button(ok_rect, ok, act, "@primary", enabled=enabled), cancel_btn

    def draw_head(self, painter) -> None:
        """The panel, its title and the line that explains it."""
        r = self.panel_rect
        pad = self.look.px(36)
        painter.panel(r)
        head = pygame.Rect(r.left + pad, r.top + pad, r.width - 2 * pad, self.head_h)
        painter.text(head, self.t(self.TITLE), "large", bold=True)
        explain = pygame.Rect(head.left, head.bottom, head.width, self.explain_h)
        painter.text(explain, self.t(self.EXPLAIN), "small", colour=painter.c["muted"])
