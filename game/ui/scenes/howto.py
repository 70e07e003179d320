"""How to play: eight short pages, each with a few lines of text and a drawn picture of the screen element
it explains (a trend card, the action buttons, seat cards, a coalition with its checks, the emblems of the futures,
the two table modes, the keys); and a second tab, the glossary (game/ui/scenes/glossary.py).

Reached from the menu and with F1 from every screen. Left/right arrows, PageUp/PageDown and the buttons turn
the pages; Enter on "Next" turns too, and on the last page closes the guide; Esc closes it. The two tabs at
the top right switch between the guide and the glossary, and so does F1 here.
"""

from __future__ import annotations

import pygame

from game.export.draw import wrap
from game.ui.scene import Scene
from game.ui.scenes.glossary import SECTIONS, Glossary
from game.ui.scenes.howto_pictures_play import pic_actions, pic_goal, pic_roles, pic_round, pic_vital
from game.ui.scenes.howto_pictures_setup import pic_futures, pic_keys, pic_private
from game.ui.scenes.howto_shapes import PictureContext, number
from game.ui.theme import font

TABS = ("guide", "glossary")
# page id -> number of text lines in the catalogue (howto.<id>.1 ... howto.<id>.n); roles come from the content
PAGES = ("goal", "round", "actions", "roles", "vital", "futures", "private", "keys")
# the catalogue's lines of each page; the roles and futures pages add a line per role and future of the content
LINES = {"goal": 4, "round": 4, "actions": 5, "roles": 1, "vital": 6, "futures": 2, "private": 4, "keys": 5}
# page id -> its picture (drawn in the picture panel's inner rect)
PICTURES = {
    "goal": pic_goal,
    "round": pic_round,
    "actions": pic_actions,
    "roles": pic_roles,
    "vital": pic_vital,
    "futures": pic_futures,
    "private": pic_private,
    "keys": pic_keys,
}


def lower_first(text: str) -> str:
    """'Award a grant' -> 'award a grant' (acronyms like 'KVD' stay)."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


class HowToScene(Scene):
    """The rules in eight pages, text beside a picture; and the glossary, a tab of its own."""

    name = "howto"
    modal = False

    def __init__(self, app, page: int = 0, tab: str = "guide") -> None:
        super().__init__(app)
        self.page = max(0, min(page, len(PAGES) - 1))
        self.tab = tab if tab in TABS else "guide"
        self.glossary = Glossary(self)
        self.names: dict = {}  # button -> "close" | "prev" | "next" | "tab_<tab>" | "section_<n>"

    def shot_name(self) -> str:
        """Screenshots: one per page (and per glossary section)."""
        if self.tab == "glossary":
            return f"howto-glossary-{self.glossary.section + 1}"
        return f"howto-{self.page + 1}"

    @property
    def count(self) -> int:
        """How many pages the current tab has (the glossary's are its sections)."""
        return len(SECTIONS) if self.tab == "glossary" else len(PAGES)

    @property
    def index(self) -> int:
        """The current tab's page."""
        return self.glossary.section if self.tab == "glossary" else self.page

    @property
    def page_id(self) -> str:
        """The id of the current page."""
        return PAGES[self.page]

    def context(self) -> PictureContext:
        """What the pictures read: the look, the catalogue, the language and the content."""
        return PictureContext(self.look, self.t, self.lang(), self.app.content)

    # ----------------------------------------------------------------- layout
    def rebuild(self) -> None:
        """Rebuild, keeping the keyboard focus on the same button (by name; "next" at first)."""
        focused = self.focus[self.focus_index] if 0 <= self.focus_index < len(self.focus) else None
        want = self.names.get(focused, "next")
        super().rebuild()
        for index, btn in enumerate(self.focus):
            if self.names.get(btn) == want:
                self.focus_index = index
                break
        else:
            nexts = [i for i, b in enumerate(self.focus) if self.names.get(b) == "next"]
            self.focus_index = nexts[0] if nexts else -1

    def build(self) -> None:
        w, h = self.app.window.get_size()
        look = self.look
        t = self.t
        m = look.px(60)
        gap = look.px(36)
        large = font(look.size("large"), True)
        heading = font(look.size("heading"), True)
        small = font(look.size("small"))
        btn_font = font(look.size("large"), True)

        top = look.px(26)
        head_h = large.get_linesize() + heading.get_linesize() + look.px(4)
        self.names = {}
        tabs_left = self._tabs(pygame.Rect(m, top, w - 2 * m, head_h))
        head_w = tabs_left - look.px(24) - m
        self.sup_rect = pygame.Rect(m, top, head_w, large.get_linesize())
        self.title_rect = pygame.Rect(m, self.sup_rect.bottom, head_w, heading.get_linesize() + look.px(4))
        body_top = self.title_rect.bottom + look.px(16)

        btn_h = max(look.px(72), int(btn_font.get_linesize() * 1.5))
        foot_y = h - look.px(30) - btn_h
        self.keys_rect = pygame.Rect(m, foot_y - look.px(12) - small.get_linesize(), w - 2 * m, small.get_linesize())
        body_bottom = self.keys_rect.top - look.px(16)

        if self.tab == "glossary":
            self.glossary.build(pygame.Rect(m, body_top, w - 2 * m, body_bottom - body_top))
        else:
            inner_w = w - 2 * m - gap
            text_w = int(inner_w * (0.47 if self.app.settings.text_size < 125 else 0.51))  # large text: more room
            self.text_rect = pygame.Rect(m, body_top + look.px(8), text_w, body_bottom - body_top - look.px(8))
            self.pic_rect = pygame.Rect(m + text_w + gap, body_top, w - m - (m + text_w + gap), body_bottom - body_top)
            if not self._line_size(self.text_rect, self.lines())[1]:  # many futures or roles: text before picture
                self.text_rect.width = w - 2 * m
                self.pic_rect = None

        last = self.index == self.count - 1
        labels = [t("howto.prev"), t("howto.next"), t("howto.done"), t("howto.close")]
        bw = max(look.px(250), max(btn_font.size(s)[0] for s in labels) + look.px(60))
        close = self.button(pygame.Rect(m, foot_y, bw, btn_h), t("howto.close"), self.back)
        self.names[close] = "close"
        prev = self.button(
            pygame.Rect(w - m - 2 * bw - look.px(16), foot_y, bw, btn_h),
            t("howto.prev"),
            self.prev_page,
            enabled=self.index > 0,
        )
        self.names[prev] = "prev"
        nxt = self.button(
            pygame.Rect(w - m - bw, foot_y, bw, btn_h),
            t("howto.done") if last else t("howto.next"),
            self.next_page,
            "@primary",
        )
        self.names[nxt] = "next"
        self.dots_rect = pygame.Rect(
            m + bw + look.px(20), foot_y, prev.rect.left - look.px(20) - (m + bw + look.px(20)), btn_h
        )

    def _tabs(self, band: pygame.Rect) -> int:
        """The two tabs (guide, glossary) at the right of the heading `band`; returns their left edge. The tab
        not shown names its key, F1."""
        look = self.look
        t = self.t
        tab_h = max(look.px(60), font(look.size("body"), True).get_linesize() + look.px(20))
        x = band.right
        for tab in reversed(TABS):
            label = t(f"glossary.tab_{tab}")
            if tab != self.tab:
                label = t("glossary.with_key", label=label)
            tw = self.fit(label, look.px(200))
            x -= tw
            rect = pygame.Rect(x, band.centery - tab_h // 2, tw, tab_h)
            btn = self.button(
                rect, label, lambda tab=tab: self.show(tab), "@tab_selected" if tab == self.tab else "@tab"
            )
            self.names[btn] = f"tab_{tab}"
            x -= look.px(10)
        return x + look.px(10)

    # ----------------------------------------------------------------- paging
    def show(self, tab: str) -> None:
        """Switch to a tab: "guide" or "glossary"."""
        if tab != self.tab and tab in TABS:
            self.tab = tab
            self.rebuild()

    def next_page(self) -> None:
        """The next page (or glossary section); after the last, close."""
        if self.index < self.count - 1:
            if self.tab == "glossary":
                self.glossary.select(self.glossary.section + 1)
                return
            self.page += 1
            self.rebuild()
        else:
            self.back()

    def prev_page(self) -> None:
        """The page (or glossary section) before."""
        if self.tab == "glossary":
            self.glossary.select(self.glossary.section - 1)
        elif self.page > 0:
            self.page -= 1
            self.rebuild()

    def key(self, event) -> bool:
        if event.key == pygame.K_F1:  # F1 opened the how-to; here it switches between the guide and the glossary
            self.show("guide" if self.tab == "glossary" else "glossary")
            return True
        if self.tab == "glossary":  # its own keys first: the arrows up and down scroll, PageUp/PageDown too
            done = self.glossary.key(event)
            if done is not None:
                return done
        if event.key in (pygame.K_RIGHT, pygame.K_PAGEDOWN):
            if self.index < self.count - 1:
                self.next_page()
            return True
        if event.key in (pygame.K_LEFT, pygame.K_PAGEUP):
            self.prev_page()
            return True
        if event.key == pygame.K_HOME:
            self.page = 0
            self.rebuild()
            return True
        return super().key(event)

    def back(self) -> None:
        self.app.pop()

    def autoplay(self) -> None:
        self.next_page()

    # ----------------------------------------------------------------- text
    def lines(self) -> list:
        """The current page's text as (marker, text) pairs."""
        t = self.t
        pid = self.page_id
        items = [(("num", i) if pid == "round" else ("dot",), t(f"howto.{pid}.{i}")) for i in range(1, LINES[pid] + 1)]
        content = self.app.content
        lang = self.lang()
        if pid == "roles" and content is not None:
            for role_id in self.context().roles():
                role = content.roles[role_id]
                names = [
                    lower_first(content.actions[a].name.get(lang))
                    for a in role.signature_actions
                    if a in content.actions
                ]
                items.append(
                    (("icon", role_id), t("howto.roles.line", role=role.name.get(lang), actions=", ".join(names)))
                )
        if pid == "futures" and content is not None:  # every future between the intro and the last line
            for k, sid in enumerate(self.context().scenarios(), 1):
                scenario = content.scenarios[sid]
                text = (scenario.in_short or scenario.motto).get(lang)
                items.insert(k, (("emblem", sid), t("howto.futures.line", name=scenario.name.get(lang), text=text)))
        return items

    def _line_size(self, rect: pygame.Rect, items: list) -> tuple:
        """(px, fits): the text size at which the lines with their markers fit `rect` (large, shrunk to small
        at the least), and whether they fit at that size."""
        look = self.look
        px = look.size("large")
        floor = min(px, look.size("small"))
        while True:
            ls = font(px).get_linesize()
            text_w = max(1, rect.width - int(ls * 1.45))
            height = sum(len(wrap(text, font(px), text_w)) * ls for _, text in items) + int(ls * 0.55) * (
                len(items) - 1
            )
            if height <= rect.height or px <= floor:
                return px, height <= rect.height
            px = max(floor, int(px * 0.92))

    def _draw_lines(self, painter, rect: pygame.Rect, items: list) -> None:
        """Text lines with a marker each, shrunk together (as Painter.text would) until they all fit."""
        look = self.look
        c = painter.c
        px = self._line_size(rect, items)[0]
        fnt = font(px)
        ls = fnt.get_linesize()
        mark_w = int(ls * 1.45)
        text_w = max(1, rect.width - mark_w)
        heights = [len(wrap(text, fnt, text_w)) * ls for _, text in items]
        gap = int(ls * 0.55)
        y = rect.top
        for (marker, text), height in zip(items, heights, strict=False):
            if y + ls > rect.bottom:  # eight futures at large text on a small window: cut, never overlap
                break
            box = pygame.Rect(rect.left + mark_w, y, text_w, min(height, rect.bottom - y))
            mid = (rect.left + int(ls * 0.5), y + ls // 2)
            kind = marker[0]
            if kind == "dot":
                pygame.draw.circle(painter.surface, c["accent"], mid, max(3, ls // 7))
            elif kind == "num":
                number(painter, look, mid, ls, marker[1])
            elif kind == "icon":
                size = int(ls * 1.05)
                painter.role_icon(
                    self.app.content, marker[1], pygame.Rect(mid[0] - size // 2, mid[1] - size // 2, size, size)
                )
            elif kind == "emblem":
                size = int(ls * 1.05)
                painter.emblem(
                    self.app.content, marker[1], pygame.Rect(mid[0] - size // 2, mid[1] - size // 2, size, size)
                )
            painter.text(box, text, "large")
            y += height + gap

    # ----------------------------------------------------------------- drawing
    def draw(self, painter) -> None:
        look = self.look
        c = painter.c
        t = self.t
        painter.surface.fill(c["bg"])
        if self.tab == "glossary":
            painter.text(self.sup_rect, t("glossary.title"), "large", colour=c["muted"], bold=True)
            painter.text(self.title_rect, self.glossary.title(), "heading")
            painter.text(self.keys_rect, t("glossary.keys"), "small", colour=c["muted"], align="center")
            self._draw_dots(painter)
            self.draw_widgets(painter)
            return
        painter.text(self.sup_rect, t("howto.title"), "large", colour=c["muted"], bold=True)
        painter.text(self.title_rect, t(f"howto.{self.page_id}.title"), "heading")
        self._draw_lines(painter, self.text_rect, self.lines())
        if self.pic_rect is not None:
            painter.panel(self.pic_rect)
            pad = look.px(28)
            PICTURES[self.page_id](painter, self.pic_rect.inflate(-2 * pad, -2 * pad), self.context())
        painter.text(self.keys_rect, t("howto.keys"), "small", colour=c["muted"], align="center")
        self._draw_dots(painter)
        self.draw_widgets(painter)

    def _draw_dots(self, painter) -> None:
        look = self.look
        c = painter.c
        r = self.dots_rect
        n = self.count
        label = self.t("howto.page", n=self.index + 1, total=n)
        lab_font = font(look.size("large"), True)
        lab_w = lab_font.size(label)[0] + look.px(8)
        step = look.px(30)
        radius = look.px(8)
        dots_w = (n - 1) * step + 2 * radius
        total = dots_w + look.px(24) + lab_w
        x = r.centerx - total // 2
        cy = r.centery
        for i in range(n):
            centre = (x + radius + i * step, cy)
            if i == self.index:
                pygame.draw.circle(painter.surface, c["accent"], centre, radius + look.px(3))
            else:
                pygame.draw.circle(painter.surface, c["panel_edge"], centre, radius)
        lab = pygame.Rect(x + dots_w + look.px(24), r.top, lab_w, r.height)
        painter.text(lab, label, "large", bold=True, valign="middle")
