"""How to play: eight short pages, each with a few lines of text and a drawn picture of the screen element
it explains (a trend card, the action buttons, seat cards, a coalition with its checks, the three emblems,
the two table modes, the keys).

Reached from the menu and with F1 from every screen. Left/right arrows, PageUp/PageDown and the buttons turn
the pages; Enter on "Next" turns too, and on the last page closes the guide; Esc closes it.
"""

from __future__ import annotations

import pygame

from game.export.draw import wrap
from game.ui.scene import Scene
from game.ui.scenes.howto_pictures_play import pic_actions, pic_goal, pic_roles, pic_round, pic_vital
from game.ui.scenes.howto_pictures_setup import pic_futures, pic_keys, pic_private
from game.ui.scenes.howto_shapes import PictureContext, number
from game.ui.theme import font

# page id -> number of text lines in the catalogue (howto.<id>.1 ... howto.<id>.n); roles come from the content
PAGES = ("goal", "round", "actions", "roles", "vital", "futures", "private", "keys")
LINES = {"goal": 4, "round": 4, "actions": 5, "roles": 1, "vital": 6, "futures": 5, "private": 4, "keys": 5}
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
    """The rules in eight pages, text beside a picture."""

    name = "howto"
    modal = False

    def __init__(self, app, page: int = 0) -> None:
        super().__init__(app)
        self.page = max(0, min(page, len(PAGES) - 1))
        self.names: dict = {}  # button -> "close" | "prev" | "next"

    def shot_name(self) -> str:
        """Screenshots: one per page."""
        return f"howto-{self.page + 1}"

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
        self.sup_rect = pygame.Rect(m, top, w - 2 * m, large.get_linesize())
        self.title_rect = pygame.Rect(m, self.sup_rect.bottom, w - 2 * m, heading.get_linesize() + look.px(4))
        body_top = self.title_rect.bottom + look.px(16)

        btn_h = max(look.px(72), int(btn_font.get_linesize() * 1.5))
        foot_y = h - look.px(30) - btn_h
        self.keys_rect = pygame.Rect(m, foot_y - look.px(12) - small.get_linesize(), w - 2 * m, small.get_linesize())
        body_bottom = self.keys_rect.top - look.px(16)

        inner_w = w - 2 * m - gap
        text_w = int(inner_w * (0.47 if self.app.settings.text_size < 125 else 0.51))  # large text: more room
        self.text_rect = pygame.Rect(m, body_top + look.px(8), text_w, body_bottom - body_top - look.px(8))
        self.pic_rect = pygame.Rect(m + text_w + gap, body_top, w - m - (m + text_w + gap), body_bottom - body_top)

        last = self.page == len(PAGES) - 1
        labels = [t("howto.prev"), t("howto.next"), t("howto.done"), t("howto.close")]
        bw = max(look.px(250), max(btn_font.size(s)[0] for s in labels) + look.px(60))
        self.names = {}
        close = self.button(pygame.Rect(m, foot_y, bw, btn_h), t("howto.close"), self.back)
        self.names[close] = "close"
        prev = self.button(
            pygame.Rect(w - m - 2 * bw - look.px(16), foot_y, bw, btn_h),
            t("howto.prev"),
            self.prev_page,
            enabled=self.page > 0,
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

    # ----------------------------------------------------------------- paging
    def next_page(self) -> None:
        """The next page; after the last, close."""
        if self.page < len(PAGES) - 1:
            self.page += 1
            self.rebuild()
        else:
            self.back()

    def prev_page(self) -> None:
        """The page before."""
        if self.page > 0:
            self.page -= 1
            self.rebuild()

    def key(self, event) -> bool:
        if event.key in (pygame.K_RIGHT, pygame.K_PAGEDOWN):
            if self.page < len(PAGES) - 1:
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
        if pid == "futures":
            for k, sid in enumerate(self.context().scenarios()[: len(items) - 1]):  # the page's text names three
                items[k + 1] = (("emblem", sid), items[k + 1][1])
        return items

    def _draw_lines(self, painter, rect: pygame.Rect, items: list) -> None:
        """Text lines with a marker each, shrunk together (as Painter.text would) until they all fit."""
        look = self.look
        c = painter.c
        px = look.size("large")
        floor = min(px, look.size("small"))
        while True:
            fnt = font(px)
            ls = fnt.get_linesize()
            mark_w = int(ls * 1.45)
            text_w = max(1, rect.width - mark_w)
            heights = [len(wrap(text, fnt, text_w)) * ls for _, text in items]
            gap = int(ls * 0.55)
            if sum(heights) + gap * (len(items) - 1) <= rect.height or px <= floor:
                break
            px = max(floor, int(px * 0.92))
        y = rect.top
        for (marker, text), height in zip(items, heights, strict=False):
            box = pygame.Rect(rect.left + mark_w, y, text_w, height)
            mid = (rect.left + int(ls * 0.5), y + ls // 2)
            kind = marker[0]
            if kind == "dot":
                pygame.draw.circle(painter.surface, c["accent"], mid, max(3, ls // 7))
            elif kind == "num":
                number(painter, look, mid, ls, marker[1])
            elif kind == "icon":
                size = int(ls * 1.05)
                painter.icon(marker[1], pygame.Rect(mid[0] - size // 2, mid[1] - size // 2, size, size))
            elif kind == "emblem":
                size = int(ls * 1.05)
                painter.icon(marker[1], pygame.Rect(mid[0] - size // 2, mid[1] - size // 2, size, size), "emblems")
            painter.text(box, text, "large")
            y += height + gap

    # ----------------------------------------------------------------- drawing
    def draw(self, painter) -> None:
        look = self.look
        c = painter.c
        t = self.t
        painter.surface.fill(c["bg"])
        painter.text(self.sup_rect, t("howto.title"), "large", colour=c["muted"], bold=True)
        painter.text(self.title_rect, t(f"howto.{self.page_id}.title"), "heading")
        self._draw_lines(painter, self.text_rect, self.lines())
        painter.panel(self.pic_rect)
        pad = look.px(28)
        inner = self.pic_rect.inflate(-2 * pad, -2 * pad)
        PICTURES[self.page_id](painter, inner, self.context())
        painter.text(self.keys_rect, t("howto.keys"), "small", colour=c["muted"], align="center")
        self._draw_dots(painter)
        self.draw_widgets(painter)

    def _draw_dots(self, painter) -> None:
        look = self.look
        c = painter.c
        r = self.dots_rect
        n = len(PAGES)
        label = self.t("howto.page", n=self.page + 1, total=n)
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
            if i == self.page:
                pygame.draw.circle(painter.surface, c["accent"], centre, radius + look.px(3))
            else:
                pygame.draw.circle(painter.surface, c["panel_edge"], centre, radius)
        lab = pygame.Rect(x + dots_w + look.px(24), r.top, lab_w, r.height)
        painter.text(lab, label, "large", bold=True, valign="middle")
