"""How to play: eight short pages, each with a few lines of text and a drawn picture of the screen element
it explains (a trend card, the action buttons, seat cards, a coalition with its checks, the three emblems,
the two table modes, the keys).

Reached from the menu and with F1 from every screen. Left/right arrows, PageUp/PageDown and the buttons turn
the pages; Enter on "Next" turns too, and on the last page closes the guide; Esc closes it.
"""

from __future__ import annotations

import math

import pygame

from game.engine.vocabulary import RESOURCES
from game.export.draw import wrap
from game.ui.scene import Scene
from game.ui.theme import font, hex_colour
from game.words import coalition_role_name, resource_name

BASE_ACTIONS = ("invest", "conversation", "build_facts", "offer", "propose")
# page id -> number of text lines in the catalogue (howto.<id>.1 ... howto.<id>.n); roles come from the content
PAGES = ("goal", "round", "actions", "roles", "vital", "futures", "private", "keys")
LINES = {"goal": 4, "round": 4, "actions": 5, "roles": 1, "vital": 6, "futures": 5, "private": 4, "keys": 5}
WHITE = (255, 255, 255)


def mix(a, b, f: float) -> tuple:
    """Colour a blended towards b by f (0..1)."""
    return tuple(int(x + (y - x) * f) for x, y in zip(a, b, strict=False))


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

    def lang(self) -> str:
        """The current language."""
        return self.app.settings.lang

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
            for role_id in self._roles():
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
            for k, sid in enumerate(self._scenarios()[: len(items) - 1]):  # the page's text names three
                items[k + 1] = (("emblem", sid), items[k + 1][1])
        return items

    def _roles(self, count: int = 0) -> list:
        """The content's roles in their order (the table's, for pictures of `count` seats)."""
        content = self.app.content
        if content is None:
            return []
        return content.table_roles(count) if count else content.role_ids()

    def _scenarios(self) -> list:
        """The content's scenarios in their order."""
        content = self.app.content
        return content.scenario_ids() if content is not None else []

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
                self._number(painter, mid, ls, marker[1])
            elif kind == "icon":
                size = int(ls * 1.05)
                painter.icon(marker[1], pygame.Rect(mid[0] - size // 2, mid[1] - size // 2, size, size))
            elif kind == "emblem":
                size = int(ls * 1.05)
                painter.icon(marker[1], pygame.Rect(mid[0] - size // 2, mid[1] - size // 2, size, size), "emblems")
            painter.text(box, text, "large")
            y += height + gap

    def _number(self, painter, centre, diameter: int, n: int) -> None:
        """A numbered disc (as on the round picture)."""
        c = painter.c
        small = font(self.look.size("small"), True).get_linesize()
        diameter = max(diameter, small)
        pygame.draw.circle(painter.surface, c["accent"], centre, diameter // 2)
        box = pygame.Rect(0, 0, diameter, small)
        box.center = centre
        painter.text(box, str(n), "small", colour=WHITE, bold=True, align="center", valign="middle")

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
        getattr(self, f"_pic_{self.page_id}")(painter, inner)
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

    # ----------------------------------------------------------------- picture helpers
    def _sh(self, bold: bool = False) -> int:
        """The line height of small text."""
        return font(self.look.size("small"), bold).get_linesize()

    def _label(self, painter, rect, text, **kw) -> pygame.Rect:
        return painter.text(pygame.Rect(rect), text, "small", **kw)

    def _disc_icon(self, painter, name: str, centre, size: int, folder: str = "icons", ring=None) -> None:
        """An icon on a white disc, like a token on the table."""
        c = painter.c
        radius = int(size * 0.62)
        pygame.draw.circle(painter.surface, WHITE, centre, radius)
        pygame.draw.circle(painter.surface, ring or c["panel_edge"], centre, radius, max(2, self.look.px(3)))
        painter.icon(name, pygame.Rect(centre[0] - size // 2, centre[1] - size // 2, size, size), folder)

    def _check(self, painter, centre, diameter: int) -> None:
        """A green disc with a white tick (drawn: the font has no tick)."""
        c = painter.c
        r = diameter // 2
        pygame.draw.circle(painter.surface, c["good"], centre, r)
        cx, cy = centre
        pts = [(cx - r * 0.45, cy + r * 0.02), (cx - r * 0.12, cy + r * 0.35), (cx + r * 0.48, cy - r * 0.32)]
        pygame.draw.lines(painter.surface, WHITE, False, pts, max(2, r // 4))

    def _triangle(self, painter, centre, size: int, colour, direction: str) -> None:
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

    def _keycap(self, painter, rect: pygame.Rect, text: str = "", arrow: str = "") -> None:
        """A key of a keyboard, with a label or an arrow."""
        c = painter.c
        look = self.look
        depth = max(2, look.px(5))
        pygame.draw.rect(painter.surface, c["panel_edge"], rect, border_radius=look.px(10))
        face = pygame.Rect(rect.left, rect.top, rect.width, rect.height - depth)
        pygame.draw.rect(painter.surface, WHITE, face, border_radius=look.px(10))
        pygame.draw.rect(
            painter.surface, mix(c["panel_edge"], c["ink"], 0.3), face, max(1, look.px(2)), border_radius=look.px(10)
        )
        if arrow:
            self._triangle(painter, face.center, int(min(face.width, face.height) * 0.42), c["ink"], arrow)
        elif text:
            self._label(painter, face, text, bold=True, align="center", valign="middle")

    # ----------------------------------------------------------------- the pictures
    def _pic_goal(self, painter, r: pygame.Rect) -> None:
        """Three futures on top; the roles around a KVD; the challenge's progress bar below."""
        look = self.look
        c = painter.c
        lang = self.lang()
        sbh = self._sh(True)
        sh = self._sh()
        em = min(int(r.height * 0.16), r.width // 6)
        col_w = r.width // 3
        content = self.app.content
        for i, sid in enumerate(self._scenarios()):
            cx = r.left + col_w * i + col_w // 2
            painter.icon(sid, pygame.Rect(cx - em // 2, r.top, em, em), "emblems")
            name = content.scenarios[sid].name.get(lang)
            self._label(
                painter,
                (cx - col_w // 2 + look.px(4), r.top + em + look.px(6), col_w - look.px(8), sbh),
                name,
                bold=True,
                align="center",
            )
        row_bottom = r.top + em + look.px(6) + sbh
        bar = pygame.Rect(r.left + look.px(40), r.bottom - look.px(28), r.width - look.px(80), look.px(28))
        lab = pygame.Rect(bar.left, bar.top - sh - look.px(8), bar.width, sh)
        self._label(painter, lab, self.t("howto.pic.challenge") + " · 60%", bold=True)
        painter.bar(bar, 0.6, c["accent"])
        area = pygame.Rect(r.left, row_bottom + look.px(24), r.width, lab.top - look.px(24) - row_bottom - look.px(24))
        full = min(area.width, area.height) // 2
        ic = int(full * 0.40)
        radius = full - int(ic * 0.62) - look.px(4)
        centre = area.center
        pygame.draw.circle(painter.surface, c["bar_bg"], centre, radius, max(2, look.px(4)))
        points = []
        roles = self._roles(4)
        for i in range(len(roles)):
            angle = math.pi * (0.5 * i - 0.75)
            points.append((int(centre[0] + radius * math.cos(angle)), int(centre[1] + radius * math.sin(angle))))
        for p in points:
            pygame.draw.line(painter.surface, c["accent"], centre, p, max(2, look.px(4)))
        disc = max(int(radius * 0.36), sbh // 2 + look.px(6))
        pygame.draw.circle(painter.surface, c["accent"], centre, disc)
        box = pygame.Rect(0, 0, disc * 2, sbh)
        box.center = centre
        self._label(painter, box, self.t("howto.pic.kvd"), colour=WHITE, bold=True, align="center", valign="middle")
        for role, p in zip(roles, points, strict=True):
            self._disc_icon(painter, role, p, ic)

    def _pic_round(self, painter, r: pygame.Rect) -> None:
        """The four steps of a round, each as a small panel."""
        look = self.look
        c = painter.c
        g = look.px(18)
        cw, ch = (r.width - g) // 2, (r.height - g) // 2
        sbh = self._sh(True)
        steps = ("trend", "actions", "resolution", "summary")
        for k, step in enumerate(steps):
            cell = pygame.Rect(r.left + (k % 2) * (cw + g), r.top + (k // 2) * (ch + g), cw, ch)
            painter.panel(cell, fill=c["bg"], width=1)
            pad = look.px(14)
            head_h = max(sbh, look.px(40))
            self._number(painter, (cell.left + pad + head_h // 2, cell.top + pad + head_h // 2), head_h, k + 1)
            self._label(
                painter,
                (
                    cell.left + pad + head_h + look.px(10),
                    cell.top + pad + (head_h - sbh) // 2,
                    cell.width - 2 * pad - head_h - look.px(10),
                    sbh,
                ),
                self.t(f"howto.pic.{step}"),
                bold=True,
            )
            area = pygame.Rect(
                cell.left + pad,
                cell.top + pad + head_h + look.px(12),
                cell.width - 2 * pad,
                cell.height - 2 * pad - head_h - look.px(12),
            )
            getattr(self, f"_mini_{step}")(painter, area)

    def _mini_trend(self, painter, area: pygame.Rect) -> None:
        look = self.look
        c = painter.c
        card_h = area.height
        card_w = min(area.width, int(card_h * 0.8))
        card = pygame.Rect(0, 0, card_w, card_h)
        card.center = area.center
        painter.panel(card, fill=WHITE, radius=10)
        band = pygame.Rect(card.left, card.top, card.width, max(look.px(14), card.height // 5))
        pygame.draw.rect(
            painter.surface,
            self.look.category_colours["society"],
            band,
            border_top_left_radius=look.px(10),
            border_top_right_radius=look.px(10),
        )
        y = band.bottom + look.px(12)
        line_h = max(4, look.px(12))
        for frac in (0.8, 0.9, 0.7, 0.85, 0.5):
            if y + line_h > card.bottom - look.px(10):
                break
            pygame.draw.rect(
                painter.surface,
                c["bar_bg"],
                (card.left + look.px(12), y, int((card.width - look.px(24)) * frac), line_h),
                border_radius=line_h // 2,
            )
            y += line_h + look.px(10)

    def _mini_actions(self, painter, area: pygame.Rect) -> None:
        look = self.look
        c = painter.c
        sh = self._sh()
        ic = max(look.px(20), min(area.height - sh - look.px(14), area.width // 3))
        top = area.top + max(0, (area.height - ic - sh - look.px(14)) // 2)
        radius = max(look.px(10), ic // 6)
        group = ic + look.px(24) + 4 * radius + look.px(12)
        left = area.centerx - group // 2
        painter.icon(self._roles(2)[1], pygame.Rect(left, top, ic, ic))  # a resident, in the built-in content
        for i in range(2):
            centre = (left + ic + look.px(24) + radius + i * (2 * radius + look.px(12)), top + ic // 2)
            pygame.draw.circle(painter.surface, c["accent"], centre, radius)
        self._label(
            painter, (area.left, top + ic + look.px(10), area.width, sh), self.t("howto.pic.ap"), align="center"
        )

    def _mini_resolution(self, painter, area: pygame.Rect) -> None:
        look = self.look
        c = painter.c
        bar_h = look.px(24)
        arrow = look.px(26)
        ic = max(look.px(20), min(int((area.height - bar_h - arrow - look.px(28)) * 0.9), area.width // 4))
        xs = [area.centerx - ic - look.px(16), area.centerx, area.centerx + ic + look.px(16)]
        stack = ic + look.px(14) + arrow + look.px(14) + bar_h
        top = area.top + max(0, (area.height - stack) // 2)
        table = self._roles(4)
        for role, x in zip((table[1], table[0], table[3]), xs, strict=True):
            painter.icon(role, pygame.Rect(x - ic // 2, top, ic, ic))
        self._triangle(painter, (area.centerx, top + ic + look.px(14) + arrow // 2), arrow, c["muted"], "down")
        bar = pygame.Rect(area.left + look.px(10), top + stack - bar_h, area.width - look.px(20), bar_h)
        painter.bar(bar, 0.62, mix(c["accent"], WHITE, 0.55))
        inner = pygame.Rect(bar.left, bar.top, int(bar.width * 0.40), bar.height)
        pygame.draw.rect(painter.surface, c["accent"], inner, border_radius=bar_h // 2)

    def _mini_summary(self, painter, area: pygame.Rect) -> None:
        look = self.look
        c = painter.c
        colours = look.indicator_colours
        rows = (("wellbeing", 0.62, "up"), ("participation", 0.48, "up"), ("equality", 0.35, "down"))
        row_h = area.height // len(rows)
        bar_h = max(look.px(12), min(look.px(22), row_h // 3))
        arrow = max(look.px(18), bar_h + look.px(4))
        for i, (name, frac, way) in enumerate(rows):
            cy = area.top + i * row_h + row_h // 2
            bar = pygame.Rect(area.left, cy - bar_h // 2, area.width - arrow - look.px(16), bar_h)
            painter.bar(bar, frac, colours[name])
            colour = c["good"] if way == "up" else c["bad"]
            self._triangle(painter, (bar.right + look.px(10) + arrow // 2, cy), arrow, colour, way)

    def _pic_actions(self, painter, r: pygame.Rect) -> None:
        """The action panel of the seat whose turn it is, and the four resources."""
        look = self.look
        c = painter.c
        lang = self.lang()
        content = self.app.content
        sh, sbh = self._sh(), self._sh(True)
        gap = look.px(14)
        legend_row = max(sh, look.px(44)) + look.px(12)
        legend_h = 2 * legend_row + look.px(20)
        head_h = sbh + look.px(16)
        room = r.height - head_h - legend_h - look.px(40)
        pill_h = max(sh + look.px(22), min(int(sh * 2.1), (room - 4 * gap) // 5))
        block = head_h + 5 * (pill_h + gap) + look.px(30) + legend_h
        y = r.top + max(0, (r.height - block) // 2)
        self._label(painter, (r.left, y, r.width // 2, sbh), self.t("howto.pic.your_turn"), bold=True)
        radius = max(look.px(9), sbh // 3)
        for i in range(2):
            pygame.draw.circle(
                painter.surface, c["accent"], (r.right - radius - i * (2 * radius + look.px(10)), y + sbh // 2), radius
            )
        y += head_h
        for i, aid in enumerate(BASE_ACTIONS):
            spec = content.actions.get(aid) if content is not None else None
            name = spec.name.get(lang) if spec else self.t(f"howto.actions.{i + 1}").split(":")[0]
            pill = pygame.Rect(r.left, y, r.width, pill_h)
            pygame.draw.rect(painter.surface, WHITE, pill, border_radius=look.px(12))
            pygame.draw.rect(
                painter.surface,
                mix(c["panel_edge"], c["ink"], 0.25),
                pill,
                max(1, look.px(2)),
                border_radius=look.px(12),
            )
            cost = [(res, n) for res, n in (spec.cost.items() if spec else []) if n]
            x = pill.right - look.px(14)
            icon = min(int(sh * 1.1), pill_h - look.px(12))
            for res, n in reversed(cost):
                num_w = font(look.size("small"), True).size(str(n))[0] + look.px(4)
                x -= num_w
                self._label(painter, (x, pill.top + (pill_h - sh) // 2, num_w, sh), str(n), bold=True)
                x -= icon + look.px(4)
                painter.icon(str(res), pygame.Rect(x, pill.top + (pill_h - icon) // 2, icon, icon))
                x -= look.px(12)
            self._label(
                painter, (pill.left + look.px(16), pill.top + (pill_h - sh) // 2, x - pill.left - look.px(20), sh), name
            )
            y += pill_h + gap
        # the resources, as on the seat cards
        y += look.px(16)
        pygame.draw.line(painter.surface, c["bar_bg"], (r.left, y), (r.right, y), max(1, look.px(2)))
        y += look.px(20)
        half = r.width // 2
        icon = legend_row - look.px(12)
        for k, res in enumerate(RESOURCES):
            x = r.left + (k % 2) * half
            yy = y + (k // 2) * legend_row
            painter.icon(res, pygame.Rect(x, yy, icon, icon))
            self._label(
                painter,
                (x + icon + look.px(12), yy + (icon - sh) // 2, half - icon - look.px(16), sh),
                resource_name(res, lang).capitalize(),
            )

    def _pic_roles(self, painter, r: pygame.Rect) -> None:
        """Four seat cards with their role's icon and starting resources."""
        look = self.look
        c = painter.c
        lang = self.lang()
        content = self.app.content
        roles = self._roles()
        g = look.px(18)
        cw, ch = (r.width - g) // 2, (r.height - g) // 2
        sh, sbh = self._sh(), self._sh(True)
        for k, role_id in enumerate(roles[:4]):
            role = content.roles[role_id]
            card = pygame.Rect(r.left + (k % 2) * (cw + g), r.top + (k // 2) * (ch + g), cw, ch)
            painter.panel(card, fill=WHITE)
            pad = look.px(18)
            ic = min(look.px(100), ch // 3, card.width // 4)
            name = role.name.get(lang)
            bold_small = font(look.size("small"), True)
            name_w = card.width - 2 * pad - ic - look.px(14)
            stacked = (
                max(bold_small.size(word)[0] for word in name.split()) > name_w
            )  # a narrow card: name under the icon
            if stacked:
                name_w = card.width - 2 * pad
            name_lines = len(wrap(name, bold_small, name_w))
            name_h = ic + look.px(6) + name_lines * sbh if stacked else max(ic, name_lines * sbh)
            row_h = sh + look.px(14)
            goal_h = sh + look.px(20)
            block = name_h + look.px(12) + 2 * row_h + look.px(12) + goal_h
            top = card.top + max(pad, (card.height - block) // 2)
            if stacked:
                painter.icon(role_id, pygame.Rect(card.left + pad, top, ic, ic))
                self._label(
                    painter, (card.left + pad, top + ic + look.px(6), name_w, name_lines * sbh), name, bold=True
                )
            else:
                painter.icon(role_id, pygame.Rect(card.left + pad, top + (name_h - ic) // 2, ic, ic))
                tx = card.left + pad + ic + look.px(14)
                self._label(painter, (tx, top, card.right - pad - tx, name_h), name, bold=True, valign="middle")
            y = top + name_h + look.px(12)
            half = (card.width - 2 * pad) // 2
            icon = int(sh * 0.95)
            for j, res in enumerate(RESOURCES):
                x = card.left + pad + (j % 2) * half
                yy = y + (j // 2) * row_h
                painter.icon(res, pygame.Rect(x, yy + (sh - icon) // 2, icon, icon))
                self._label(
                    painter,
                    (x + icon + look.px(8), yy, half - icon - look.px(10), sh),
                    str(role.start.get(res, 0)),
                    bold=True,
                )
            goal = pygame.Rect(card.left + pad, y + 2 * row_h + look.px(12), card.width - 2 * pad, goal_h)
            goal_text = self.t("howto.pic.own_goal")
            goal_w = font(look.size("small")).size(goal_text)[0]
            if goal.bottom <= card.bottom - look.px(6) and goal_w <= goal.width - look.px(16):
                pygame.draw.rect(painter.surface, c["bg"], goal, border_radius=look.px(8))
                self._label(painter, goal.inflate(-look.px(16), 0), goal_text, colour=c["muted"], valign="middle")

    def _pic_vital(self, painter, r: pygame.Rect) -> None:
        """A coalition of three around a KVD, its trust, and the five checks."""
        look = self.look
        c = painter.c
        lang = self.lang()
        content = self.app.content
        sh, sbh = self._sh(), self._sh(True)
        kvd = ""
        if content is not None and content.challenges:
            first = content.challenges[sorted(content.challenges)[0]]
            if first.kvds:
                kvd = first.kvds[0].text.get(lang)
        text = f"{self.t('howto.pic.kvd')}: “{kvd}”" if kvd else self.t("howto.vital.1")
        n_lines = len(wrap(text, font(look.size("small"), True), r.width - look.px(32)))
        banner = pygame.Rect(r.left, r.top, r.width, min(3, n_lines) * sbh + look.px(28))
        painter.panel(banner, fill=c["highlight"], radius=10)
        self._label(painter, banner.inflate(-look.px(32), -look.px(20)), text, bold=True, valign="middle")
        area = pygame.Rect(r.left, banner.bottom + look.px(24), r.width, r.bottom - banner.bottom - look.px(24))
        left = pygame.Rect(area.left, area.top, int(area.width * 0.52), area.height)
        right = pygame.Rect(left.right + look.px(20), area.top, area.right - left.right - look.px(20), area.height)
        # the triangle of members
        table = self._roles(4)
        members = ((table[1], "lead"), (table[0], "financier"), (table[3], "knowledge"))
        ic = max(look.px(30), min(int(left.width * 0.26), int((left.height - 3 * sh) * 0.3)))
        positions = [
            (left.centerx, left.top + sh + look.px(6) + int(ic * 0.62)),
            (left.left + int(ic * 0.75), left.bottom - 2 * sh - look.px(6) - int(ic * 0.62)),
            (left.right - int(ic * 0.75), left.bottom - 2 * sh - look.px(6) - int(ic * 0.62)),
        ]
        trust = ((0, 1, 7), (1, 2, 6), (0, 2, 8))
        for a, b, _value in trust:
            pygame.draw.line(painter.surface, c["accent"], positions[a], positions[b], max(2, look.px(5)))
        for a, b, value in trust:
            mid = ((positions[a][0] + positions[b][0]) // 2, (positions[a][1] + positions[b][1]) // 2)
            d = max(sbh, look.px(40))
            pygame.draw.circle(painter.surface, WHITE, mid, d // 2)
            pygame.draw.circle(painter.surface, c["accent"], mid, d // 2, max(2, look.px(3)))
            box = pygame.Rect(0, 0, d, sbh)
            box.center = mid
            self._label(painter, box, str(value), bold=True, align="center", valign="middle")
        for k, ((role, crole), pos) in enumerate(zip(members, positions, strict=False)):
            self._disc_icon(painter, role, pos, ic)
            name = coalition_role_name(crole, lang)
            longest = max(font(look.size("small"), True).size(word)[0] for word in name.split())
            half = max(left.width // 2 - look.px(6), longest + look.px(4))
            if k == 0:  # above the top member, so no trust line crosses it
                box = pygame.Rect(left.left, pos[1] - int(ic * 0.62) - look.px(6) - sh, left.width, sh)
                align = "center"
            else:
                y = pos[1] + int(ic * 0.62) + look.px(4)
                box = pygame.Rect(left.left if k == 1 else left.right - half, y, half, 2 * sh)
                align = "left" if k == 1 else "right"
            self._label(painter, box, name, align=align, colour=c["muted"], bold=True)
        # the checks
        checks = ("check_kvd", "check_roles", "check_distinct", "check_trust", "check_pot")
        row_h = min(right.height // len(checks), int(sh * 2.4))
        d = int(sh * 1.1)
        first = right.top + (right.height - row_h * len(checks)) // 2
        for i, key in enumerate(checks):
            top = first + i * row_h
            self._check(painter, (right.left + d // 2, top + row_h // 2), d)
            box = pygame.Rect(right.left + d + look.px(12), top, right.width - d - look.px(12), row_h)
            self._label(painter, box, self.t(f"howto.pic.{key}"), valign="middle")

    def _pic_futures(self, painter, r: pygame.Rect) -> None:
        """The three scenarios: emblem, name and motto in their accent colour."""
        look = self.look
        lang = self.lang()
        content = self.app.content
        ids = self._scenarios()
        if not ids:
            return
        g = look.px(16)
        rh = (r.height - g * (len(ids) - 1)) // len(ids)
        name_font = font(look.size("large"), True)
        for i, sid in enumerate(ids):
            sc = content.scenarios[sid]
            row = pygame.Rect(r.left, r.top + i * (rh + g), r.width, rh)
            painter.panel(row, fill=WHITE)
            band = pygame.Rect(row.left, row.top, look.px(16), row.height)
            pygame.draw.rect(
                painter.surface,
                hex_colour(sc.color),
                band,
                border_top_left_radius=look.px(14),
                border_bottom_left_radius=look.px(14),
            )
            pad = look.px(16)
            em = min(rh - 2 * pad, look.px(120))
            painter.icon(sid, pygame.Rect(band.right + pad, row.top + (rh - em) // 2, em, em), "emblems")
            tx = band.right + 2 * pad + em
            box = pygame.Rect(tx, row.top + pad, row.right - pad - tx, rh - 2 * pad)
            economy = self.t(f"howto.pic.economy_{sc.economy}")
            self._name_and_motto(painter, box, sc.name.get(lang), sc.motto.get(lang), economy, name_font.get_linesize())

    def _name_and_motto(self, painter, box: pygame.Rect, name: str, motto: str, extra: str, name_h: int) -> None:
        """A scenario's name, motto and economy, centred as a block in `box`."""
        c = painter.c
        look = self.look
        small = font(look.size("small"))
        sh = small.get_linesize()
        motto_h = len(wrap(motto, small, box.width)) * sh
        extra_h = len(wrap(extra, small, box.width)) * sh
        block = name_h + motto_h + look.px(6) + extra_h
        if block > box.height:  # too little room: the economy line goes
            extra = ""
            block = name_h + motto_h
        y = box.top + max(0, (box.height - block) // 2)
        painter.text(pygame.Rect(box.left, y, box.width, name_h), name, "large", bold=True)
        y += name_h
        painter.text(pygame.Rect(box.left, y, box.width, min(motto_h, box.bottom - y)), motto, "small", colour=c["ink"])
        y += motto_h + look.px(6)
        if extra:
            painter.text(pygame.Rect(box.left, y, box.width, extra_h), extra, "small", colour=c["muted"])

    def _pic_private(self, painter, r: pygame.Rect) -> None:
        """Beamer (hold G to peek) beside pass-the-laptop (a handover screen)."""
        look = self.look
        c = painter.c
        sh, sbh = self._sh(), self._sh(True)
        g = look.px(28)
        cw = (r.width - g) // 2
        left = pygame.Rect(r.left, r.top, cw, r.height)
        right = pygame.Rect(r.left + cw + g, r.top, cw, r.height)
        pygame.draw.line(
            painter.surface,
            c["panel_edge"],
            (left.right + g // 2, r.top),
            (left.right + g // 2, r.bottom),
            max(1, look.px(2)),
        )
        for col, key in ((left, "beamer"), (right, "pass")):
            self._label(
                painter, (col.left, col.top, col.width, 2 * sbh), self.t(f"howto.pic.{key}"), bold=True, align="center"
            )
        top = r.top + 2 * sbh + look.px(16)
        key_h = max(look.px(84), sbh + look.px(30))
        bottom_h = key_h + sh + look.px(20)
        dev_h = r.bottom - top - bottom_h - look.px(20)
        # beamer: a projection screen with the seats and a face-down role card
        screen = pygame.Rect(left.left + look.px(10), top, left.width - look.px(20), int(dev_h * 0.8))
        pygame.draw.rect(
            painter.surface,
            c["panel_edge"],
            (screen.left - look.px(6), screen.top - look.px(10), screen.width + look.px(12), look.px(12)),
            border_radius=look.px(4),
        )
        pygame.draw.rect(painter.surface, WHITE, screen)
        pygame.draw.rect(painter.surface, mix(c["panel_edge"], c["ink"], 0.3), screen, max(1, look.px(2)))
        pygame.draw.line(
            painter.surface,
            c["panel_edge"],
            (screen.centerx, screen.bottom),
            (screen.centerx, top + dev_h),
            max(2, look.px(4)),
        )
        ic = min(screen.height // 3, screen.width // 5)
        for i, role in enumerate(self._roles(4)):
            x = screen.left + look.px(12) + i * (ic + look.px(8))
            if x + ic > screen.right - look.px(12):
                break
            painter.icon(role, pygame.Rect(x, screen.top + look.px(12), ic, ic))
        card = pygame.Rect(0, 0, int(screen.height * 0.42), int(screen.height * 0.5))
        card.midbottom = (screen.centerx, screen.bottom - look.px(12))
        painter.panel(card, fill=c["accent"], edge=mix(c["accent"], c["ink"], 0.4), radius=8)
        painter.text(card, "?", "heading", colour=WHITE, align="center", valign="middle")
        key = pygame.Rect(0, 0, key_h, key_h)
        key.midtop = (left.centerx, r.bottom - bottom_h)
        self._keycap(painter, key, "G")
        self._label(
            painter, (left.left, key.bottom + look.px(8), left.width, sh), self.t("howto.pic.hold_g"), align="center"
        )
        # pass the laptop: the handover screen on a laptop
        lid = pygame.Rect(right.left + look.px(24), top, right.width - look.px(48), int(dev_h * 0.78))
        pygame.draw.rect(painter.surface, c["ink"], lid, border_radius=look.px(10))
        display = lid.inflate(-look.px(16), -look.px(16))
        pygame.draw.rect(painter.surface, c["bg"], display, border_radius=look.px(4))
        base = [
            (lid.left - look.px(16), lid.bottom + look.px(20)),
            (lid.right + look.px(16), lid.bottom + look.px(20)),
            (lid.right, lid.bottom),
            (lid.left, lid.bottom),
        ]
        pygame.draw.polygon(painter.surface, c["panel_edge"], base)
        show = self.t("howto.pic.show_goal")
        pill_lines = len(wrap(show, font(look.size("small"), True), display.width - look.px(40)))
        pill_h = pill_lines * sbh + look.px(16)
        msg = pygame.Rect(
            display.left + look.px(10),
            display.top + look.px(8),
            display.width - look.px(20),
            display.height - pill_h - look.px(24),
        )
        self._label(painter, msg, self.t("howto.pic.handover", name="Bas"), bold=True, align="center", valign="middle")
        pill = pygame.Rect(
            display.left + look.px(16), display.bottom - pill_h - look.px(10), display.width - look.px(32), pill_h
        )
        pygame.draw.rect(painter.surface, c["accent"], pill, border_radius=look.px(10))
        self._label(
            painter, pill.inflate(-look.px(8), 0), show, colour=WHITE, bold=True, align="center", valign="middle"
        )
        # the goal, hidden until the seat presses a key
        env = pygame.Rect(0, 0, key_h * 2, key_h)
        env.midtop = (right.centerx, r.bottom - bottom_h)
        painter.panel(env, fill=WHITE, radius=6)
        pygame.draw.lines(
            painter.surface, c["panel_edge"], False, [env.topleft, env.center, env.topright], max(2, look.px(3))
        )
        self._label(
            painter,
            (right.left, env.bottom + look.px(8), right.width, sh),
            self.t("howto.pic.goal_hidden"),
            align="center",
        )

    def _pic_keys(self, painter, r: pygame.Rect) -> None:
        """The keys, drawn as keycaps with what each does."""
        look = self.look
        sbh = self._sh(True)
        rows = (
            ("Tab", "key_tab"),
            ("arrows", "key_arrows"),
            ("Enter", "key_enter"),
            ("Esc", "key_esc"),
            ("F1", "key_f1"),
            ("F2", "key_f2"),
            ("F11", "key_f11"),
        )
        row_h = min(r.height // len(rows), look.px(110))
        key_h = min(row_h - look.px(16), max(sbh + look.px(26), look.px(70)))
        r = pygame.Rect(
            r.left + look.px(20), r.top + (r.height - row_h * len(rows)) // 2, r.width - look.px(20), row_h * len(rows)
        )
        bold = font(look.size("small"), True)
        cap_w = max(bold.size(x)[0] for x, _ in rows if x != "arrows") + look.px(36)
        arrows_w = 4 * key_h + 3 * look.px(8)
        col_w = max(cap_w, arrows_w)
        for i, (cap, key) in enumerate(rows):
            top = r.top + i * row_h + (row_h - key_h) // 2
            if cap == "arrows":
                for j, way in enumerate(("left", "up", "down", "right")):
                    self._keycap(painter, pygame.Rect(r.left + j * (key_h + look.px(8)), top, key_h, key_h), arrow=way)
            else:
                width = cap_w if cap in ("Tab", "Enter") else max(key_h, bold.size(cap)[0] + look.px(36))
                self._keycap(painter, pygame.Rect(r.left, top, width, key_h), cap)
            x = r.left + col_w + look.px(36)
            painter.text(
                pygame.Rect(x, r.top + i * row_h, r.right - x, row_h),
                self.t(f"howto.pic.{key}"),
                "body",
                valign="middle",
            )
