"""Content check: what was loaded (scenarios, trends, roles, challenges) and every problem found, one line
each as "file:line: field: message", so a trainer can fix a content pack without reading code.

The content pack is chosen here (the folders in the user's packs folder, or the one given on the command
line), and remembered. "Check again" reloads it. A pack's files with problems are skipped and listed; its
other files are played, as `validate` reports them.
"""

from __future__ import annotations

import html
import logging
import time

import pygame
import pygame_gui

from game.export.draw import wrap
from game.ui.packs import changes_text, pack_choices, pack_name, packs_folder, skipped_text, use_pack
from game.ui.scene import Overlay
from game.ui.theme import font

log = logging.getLogger(__name__)
KINDS = ("scenarios", "trends", "roles", "challenges")


class ContentCheckScene(Overlay):
    """The result of loading the content."""

    name = "content_check"
    modal = False

    def __init__(self, app) -> None:
        super().__init__(app)
        self.focus_index = -1  # "Check again" has the keyboard focus from the start (see build)
        self.message = ""
        self.message_bad = False
        self.box = None
        self._builtin = None  # the built-in content, to tell what the pack adds (loaded when first needed)

    # ----------------------------------------------------------------- data
    @property
    def problems(self) -> list:
        """The problems of the last load."""
        return list(self.app.content_problems or [])

    def pack(self):
        """The content pack in play, or None."""
        return self.app.pack

    def source_text(self) -> str:
        """Where the content comes from (a pack by its folder's name)."""
        pack = self.pack()
        if pack:
            return self.t("check.source_pack", name=pack_name(pack, self.t))
        return self.t("check.source_builtin")

    def changes_text(self) -> str:
        """What the pack adds and replaces ("" without a pack)."""
        if self.pack() is None or self.app.content is None:
            return ""
        from game.content import load_content

        if self._builtin is None:
            self._builtin = load_content().content
        return changes_text(self.app.content, self._builtin, self.lang(), self.t)

    def counts(self) -> list:
        """(label, number) per kind of content in use."""
        content = self.app.content
        return [
            (self.t(f"check.{kind}"), len(getattr(content, kind, {}) or {}) if content is not None else 0)
            for kind in KINDS
        ]

    def header_text(self) -> str:
        """The line above the list of problems (or the all-clear): how many files were skipped first."""
        n = len(self.problems)
        if n == 0:
            return self.t("check.all_good")
        found = self.t("check.problems_one") if n == 1 else self.t("check.problems_many", n=n)
        skipped = skipped_text(self.pack(), self.problems, self.t)
        return f"{skipped} {found}" if skipped else found

    # ----------------------------------------------------------------- layout
    def build(self) -> None:
        w, h = self.app.window.get_size()
        look = self.look
        t = self.t
        m = look.px(60)
        heading = font(look.size("heading"), True)
        body = font(look.size("body"))
        small = font(look.size("small"))
        title_font = font(look.size("title"), True)
        bold = font(look.size("body"), True)
        btn_font = font(look.size("large"), True)

        text_w = w - 2 * m
        mark_w = look.px(70)

        def height(text: str, fnt, width: int) -> int:
            return max(1, len(wrap(text, fnt, width))) * fnt.get_linesize()

        y = look.px(26)
        self.title_rect = pygame.Rect(m, y, text_w, heading.get_linesize() + look.px(4))
        y = self.title_rect.bottom
        source = t("check.checked", source=self.source_text())
        self.source_rect = pygame.Rect(m, y, text_w, height(source, body, text_w))
        y = self.source_rect.bottom + look.px(10)
        # the pack: chosen by cycling through the packs folder; the folder opens for a new pack
        row_h = max(look.px(56), int(body.get_linesize() * 1.4))
        open_label = t("check.open_packs")
        open_w = body.size(open_label)[0] + look.px(48)
        self.pack_btn = self.button(
            pygame.Rect(m, y, text_w - open_w - look.px(16), row_h),
            t("check.pack_button", name=pack_name(self.pack(), t)),
            self.next_pack,
        )
        self.open_btn = self.button(pygame.Rect(m + text_w - open_w, y, open_w, row_h), open_label, self.open_packs)
        y += row_h + look.px(8)
        changes = self.changes_text()
        self.changes_rect = pygame.Rect(m, y, text_w, height(changes, small, text_w)) if changes else None
        y = (self.changes_rect.bottom if changes else y) + look.px(10)
        self.in_use_rect = pygame.Rect(m, y, text_w, small.get_linesize())
        y = self.in_use_rect.bottom + look.px(6)
        # four tiles with the counts: the number beside its label
        gap = look.px(20)
        tile_w = (w - 2 * m - 3 * gap) // 4
        tile_h = title_font.get_linesize() + look.px(16)
        self.tiles = [pygame.Rect(m + i * (tile_w + gap), y, tile_w, tile_h) for i in range(4)]
        y += tile_h + look.px(20)

        # the foot: Back, the keys, Check again
        labels = [t("check.recheck"), t("check.back")]
        bw = max(look.px(300), max(btn_font.size(s)[0] for s in labels) + look.px(60))
        btn_h = max(look.px(72), int(btn_font.get_linesize() * 1.5))
        foot_y = h - look.px(28) - btn_h
        self.keys_rect = pygame.Rect(m + bw + look.px(24), foot_y, w - 2 * m - 2 * bw - look.px(48), btn_h)
        bottom = foot_y - look.px(18)
        if height(t("check.keys"), small, self.keys_rect.width) > btn_h:  # too narrow between the buttons: above them
            keys_h = height(t("check.keys"), small, text_w)
            self.keys_rect = pygame.Rect(m, foot_y - look.px(10) - keys_h, text_w, keys_h)
            bottom = self.keys_rect.top - look.px(14)

        self.message_rect = None
        if self.message:
            msg_h = height(self.message, body, text_w)
            self.message_rect = pygame.Rect(m, bottom - msg_h, text_w, msg_h)
            bottom = self.message_rect.top - look.px(12)

        status_h = max(look.px(54), height(self.header_text(), bold, text_w - mark_w))
        self.status_rect = pygame.Rect(m + mark_w, y, text_w - mark_w, status_h)
        self.status_mark = pygame.Rect(m, y, look.px(54), look.px(54))
        self.status_mark.centery = self.status_rect.centery
        y = self.status_rect.bottom + look.px(10)
        self.box = None
        self.how_rect = None
        self.hint_rect = None
        if not self.problems:
            self.hint_rect = pygame.Rect(
                m + mark_w, y + look.px(10), text_w - mark_w, max(small.get_linesize(), bottom - y - look.px(10))
            )
        else:
            self.how_rect = pygame.Rect(m, y, text_w, height(t("check.problems_how"), small, text_w))
            y = self.how_rect.bottom + look.px(8)
            lang = self.lang()
            lines = "<br>".join(html.escape(self.problem_line(p, lang), quote=False) for p in self.problems)
            rect = pygame.Rect(m, y, text_w, max(look.px(80), bottom - y))
            self.box = pygame_gui.elements.UITextBox(lines, rect, manager=self.manager)

        self.recheck_btn = self.button(
            pygame.Rect(w - m - bw, foot_y, bw, btn_h), t("check.recheck"), self.recheck, "@primary"
        )
        self.back_btn = self.button(pygame.Rect(m, foot_y, bw, btn_h), t("check.back"), self.back)
        if self.focus_index < 0:
            self.focus_index = self.focus.index(self.recheck_btn)

    @staticmethod
    def problem_line(problem, lang: str) -> str:
        """One problem as "file:line: field: message", the message in the interface's language `lang`."""
        return f"{problem.file}:{problem.line}: {problem.field}: {problem.text(lang)}"

    # ----------------------------------------------------------------- actions
    def recheck(self) -> None:
        """Load the content again (a pack being edited): its valid files are played, the others listed."""
        stamp = time.strftime("%H:%M:%S")
        if self._use(self.pack()):
            self.message_bad = bool(self.problems)
            if self.message_bad:
                self.message = self.t("check.rechecked_bad", time=stamp)
            else:
                self.message = self.t("check.rechecked_ok", time=stamp)
        self.rebuild()

    def next_pack(self) -> None:
        """Play with the next pack of the packs folder (after the last: the built-in content only)."""
        choices = pack_choices(self.pack())
        current = self.pack()
        index = next((i for i, c in enumerate(choices) if c is not None and current is not None and c == current), 0)
        chosen = choices[(index + 1) % len(choices)]
        if self._use(chosen):
            self.message_bad = False
            if chosen is None:
                self.message = self.t("check.builtin_chosen")
            else:
                self.message = self.t("check.pack_chosen", name=pack_name(chosen, self.t))
        self.rebuild()

    def open_packs(self) -> None:
        """Open the packs folder in the file manager, so a trainer can put a pack in it."""
        from game.ui.opener import open_folder

        folder = packs_folder()
        opened = open_folder(folder)
        if opened:
            self.message = self.t("check.packs_opened", folder=folder.name)
        else:
            self.message = self.t("check.packs_where", folder=folder.name)
        self.message_bad = not opened
        self.rebuild()

    def _use(self, pack) -> bool:
        """Load `pack` into the game; False (with a message) when loading failed outright."""
        try:
            use_pack(self.app, pack)
        except Exception as exc:  # noqa: BLE001 - never an exception in front of a group
            log.exception("content check failed")
            self.message = self.t("check.failed", error=str(exc))
            self.message_bad = True
            return False
        return True

    def key(self, event) -> bool:
        """PageUp/PageDown (and Home/End) scroll the list of problems."""
        if self.box is not None and event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_HOME, pygame.K_END):
            self._scroll(event.key)
            return True
        return super().key(event)

    def _scroll(self, key: int) -> None:
        bar = getattr(self.box, "scroll_bar", None)
        if bar is None:
            return
        visible = getattr(bar, "visible_percentage", 0.5)
        start = getattr(bar, "start_percentage", 0.0)
        if key == pygame.K_PAGEDOWN:
            target = start + visible * 0.9
        elif key == pygame.K_PAGEUP:
            target = start - visible * 0.9
        elif key == pygame.K_HOME:
            target = 0.0
        else:
            target = 1.0
        target = max(0.0, min(1.0 - visible, target))
        try:
            bar.set_scroll_from_start_percentage(target)
        except (AttributeError, TypeError):
            pass

    def keys_text(self) -> str:
        """The keys that work here: Page Up/Down only when the list of problems scrolls (the room for the line
        is measured with the longer text, so it never moves)."""
        scrolls = self.box is not None and getattr(self.box, "scroll_bar", None) is not None
        return self.t("check.keys") if scrolls else self.t("check.keys_short")

    # ----------------------------------------------------------------- drawing
    def draw(self, painter) -> None:
        look = self.look
        c = painter.c
        t = self.t
        painter.surface.fill(c["bg"])
        painter.text(self.title_rect, t("check.title"), "heading")
        painter.text(self.source_rect, t("check.checked", source=self.source_text()), "body", colour=c["muted"])
        painter.text(self.in_use_rect, t("check.in_use_now"), "small", colour=c["muted"], bold=True)
        title_font = font(look.size("title"), True)
        body = font(look.size("body"))
        for rect, (label, number) in zip(self.tiles, self.counts(), strict=False):
            painter.panel(rect)
            pad = look.px(16)
            gap = look.px(14)
            nw = title_font.size(str(number))[0] + look.px(4)
            lw = min(body.size(label)[0] + look.px(4), rect.width - 2 * pad - nw - gap)
            x = rect.centerx - (nw + gap + lw) // 2
            painter.text(
                pygame.Rect(x, rect.top, nw, rect.height), str(number), "title", valign="middle", colour=c["accent"]
            )
            painter.text(
                pygame.Rect(x + nw + gap, rect.top + look.px(4), lw, rect.height - look.px(8)),
                label,
                "body",
                valign="middle",
            )
        ok = not self.problems
        mark = self.status_mark
        colour = c["good"] if ok else c["warn"]
        pygame.draw.circle(painter.surface, colour, mark.center, mark.width // 2)
        cx, cy = mark.center
        r = mark.width // 2
        width = max(2, r // 4)
        if ok:
            pts = [(cx - r * 0.45, cy + r * 0.02), (cx - r * 0.12, cy + r * 0.35), (cx + r * 0.48, cy - r * 0.32)]
            pygame.draw.lines(painter.surface, (255, 255, 255), False, pts, width)
        else:
            pygame.draw.line(painter.surface, (255, 255, 255), (cx, cy - r * 0.5), (cx, cy + r * 0.12), width)
            pygame.draw.circle(painter.surface, (255, 255, 255), (cx, int(cy + r * 0.45)), max(2, width // 2 + 1))
        painter.text(self.status_rect, self.header_text(), "body", bold=True, valign="middle")
        if self.changes_rect is not None:
            painter.text(self.changes_rect, self.changes_text(), "small", colour=c["ink"])
        if self.hint_rect is not None:
            painter.text(self.hint_rect, t("check.pack_hint"), "small", colour=c["muted"])
        if self.how_rect is not None:
            painter.text(self.how_rect, t("check.problems_how"), "small", colour=c["muted"])
        if self.message_rect is not None:
            painter.text(
                self.message_rect,
                self.message,
                "body",
                colour=c["bad"] if self.message_bad else c["good"],
                valign="bottom",
            )
        painter.text(self.keys_rect, self.keys_text(), "small", colour=c["muted"], align="center", valign="middle")
        self.draw_widgets(painter)
