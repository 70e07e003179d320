"""Drawing helpers for the parts pygame_gui does not draw: wrapped text, panels, bars, icons.

Every text drawn here is fitted into its box: wrapped, then shrunk a step at a time (never below the
small size), and only then cut with an ellipsis. Each draw is recorded in `TextRecord`s so that tests can
assert that no text left its panel and none had to be cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import pygame

from game.paths import assets_dir

from .look import SIZES, Look, font, per_look


@dataclass
class TextRecord:
    """One drawn text: where it went, the box it had to stay in, and whether it had to be cut."""

    text: str
    rect: pygame.Rect
    box: pygame.Rect
    cut: bool
    px: int


def wrap(text: str, fnt: pygame.font.Font, width: int, limit: Optional[int] = None) -> list[str]:
    """Lines of `text` that fit `width` (paragraphs kept; a word longer than the width is split).

    With `limit`, a caller that can show at most `limit` lines may get only the first `limit` + 1 lines of a
    long text (enough to see that it does not fit): the lines of a text far longer than any box (a pasted
    document) are not all worked out, every frame, only to be cut. A text of ordinary length is always
    wrapped whole, so that every caller shares the same cached line breaks.
    """
    if limit is not None and len(text) > _WHOLE_CHARS:
        return list(_wrapped(text, fnt, width, max(0, limit)))
    return list(_wrapped(text, fnt, width, None))


# Texts up to this long are always wrapped whole (a few milliseconds at most); content allows 3,000 characters.
_WHOLE_CHARS = 5_000


# Where a line may break: white space, but not a no-break space ("13 %" in Dutch stays on one line).
_BREAK = re.compile(r"[^\S\u00a0\u202f\u2007]+")
_EDGES = re.compile(r"^[^\S\u00a0\u202f\u2007]+|[^\S\u00a0\u202f\u2007]+$")


def split_words(text: str) -> list[str]:
    """The words of `text`: like `text.split()`, but a no-break space joins the words on either side."""
    return [word for word in _BREAK.split(text) if word]


def _words(paragraph: str):
    """The words of `paragraph`, as `split_words` gives them, split off a batch at a time (batches that
    double in size): a caller that has seen enough words (see `limit`) has not split up the rest of a long
    text. (`split` with a maximum keeps the rest as one last part.)"""
    rest, batch = _EDGES.sub("", paragraph), 64
    while rest:
        parts = _BREAK.split(rest, maxsplit=batch)
        if len(parts) <= batch:
            yield from (part for part in parts if part)
            return
        yield from (part for part in parts[:batch] if part)
        rest, batch = _EDGES.sub("", parts[batch]), batch * 2


def _fits(fnt: pygame.font.Font, text: str, width: int) -> bool:
    """Whether `text` is at most `width` pixels wide, without measuring a long text whole when its beginning
    is already too wide: a text is never narrower than its beginning, and its first width + 1 characters are
    enough to tell (every character that takes room takes a pixel at least), so a word of 300,000 letters
    costs a measurement of about a line's length, not of the whole word."""
    if len(text) > width + 1 and fnt.size(text[: width + 1])[0] > width:
        return False
    return fnt.size(text)[0] <= width


def _longest_fit(fnt: pygame.font.Font, text: str, width: int, guess: int, ending: str = "", start: int = 0) -> int:
    """The length of the longest beginning of `text[start:]` that fits `width` with `ending` after it (0: none).

    Searched from `guess` (the previous line's length is a good one) in steps that double, then halved: a few
    measurements of strings about a line long. Trying one character less at a time took a measurement per
    character: seconds for a word of 1,600 letters, and a game that hung for many minutes on a longer one.
    """

    def fits(k: int) -> bool:
        return _fits(fnt, text[start : start + k] + ending, width)

    n = len(text) - start
    top = min(n, width + 1)  # width + 1 characters that take room never fit: look no further unless they do
    found = _search(fits, guess, top)
    if found == top < n:  # characters without width (a text of zero-width joiners, say): search on
        found = _search(fits, found, n)
    return found


def _search(fits, guess: int, top: int) -> int:
    """The largest k in 0..top with fits(k) (fits(0) is taken for granted; a longer text never fits where a
    shorter one does not), galloping from `guess` and then halving."""
    k = min(max(1, guess), top)
    if k <= 0:
        return 0
    if fits(k):
        lo, step = k, 1  # fits(lo)
        while True:
            if lo >= top:
                return top
            k = min(top, lo + step)
            if not fits(k):
                hi = k  # not fits(hi)
                break
            lo, step = k, step * 2
    else:
        hi, step = k, 1
        while True:
            k = hi - step
            if k <= 0:
                lo = 0
                break
            if fits(k):
                lo = k
                break
            hi, step = k, step * 2
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if fits(mid):
            lo = mid
        else:
            hi = mid
    return lo


# A screen is redrawn whenever the mouse moves, and measuring text is most of a redraw: the same texts in the
# same fonts and widths come back every frame, so their line breaks and rendered lines are kept. Fonts come
# from theme.font's cache, so a font object stands for its file and size. The caches are per look (see
# theme.per_look): those of the last few window sizes and text sizes stay, older ones go.
@per_look(maxsize=8192)
def _wrapped(text: str, fnt: pygame.font.Font, width: int, limit: Optional[int]) -> tuple:
    """The lines of `text` (with `limit`: stopping once there are more than `limit`)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        empty = True
        for word in _words(paragraph):
            empty = False
            candidate = f"{line} {word}" if line else word
            if _fits(fnt, candidate, width):
                line = candidate
                continue
            if line:
                lines.append(line)
                if limit is not None and len(lines) > limit:
                    return tuple(lines)
            # A word wider than a line (with no line before it, the candidate was the word alone and did not
            # fit) goes on as many lines as it needs, each as full as it can be; the first guess of how many
            # letters fit a line comes from its first 16.
            start = 0
            if len(word) > 1 and (not line or not _fits(fnt, word, width)):
                sample = word[:16]
                guess = width * len(sample) // max(1, fnt.size(sample)[0])
                while len(word) - start > 1:
                    cut = max(1, _longest_fit(fnt, word, width, guess, start=start))
                    if cut >= len(word) - start:
                        break
                    lines.append(word[start : start + cut])
                    if limit is not None and len(lines) > limit:
                        return tuple(lines)
                    start, guess = start + cut, cut
            line = word[start:] if start else word
        lines.append("" if empty else line)
        if limit is not None and len(lines) > limit:
            return tuple(lines)
    return tuple(lines)


@per_look(maxsize=2048)
def _rendered(line: str, fnt: pygame.font.Font, colour: tuple) -> pygame.Surface:
    return _render(line, fnt, colour)


def _render(line: str, fnt: pygame.font.Font, colour) -> pygame.Surface:
    """`fnt.render`, also for a text of characters without width (only U+200B, say), which SDL_ttf refuses to
    draw ("Text has zero width"): that is drawn as the empty text is, a surface 0 pixels wide."""
    try:
        return fnt.render(line, True, colour)
    except pygame.error:
        if fnt.size(line)[0]:
            raise
        return fnt.render("", True, colour)


class Painter:
    """Draws on one surface with the current look, recording every text it draws."""

    def __init__(self, surface: pygame.Surface, look: Look) -> None:
        self.surface = surface
        self.look = look
        self.records: list[TextRecord] = []
        self.tips: list = []  # (rect, text): what the screen explains when the pointer rests there

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
            line_h = fnt.get_linesize()
            max_lines = max(1, rect.height // line_h)
            lines = wrap(text, fnt, max(1, rect.width), limit=max_lines)
            if len(lines) * line_h <= rect.height or px <= floor:
                break
            px = max(floor, int(px * 0.92))
        cut = len(lines) > max_lines or line_h > rect.height + 2
        if cut:
            lines = lines[:max_lines]
            last = lines[-1]
            # the longest beginning of the last line that fits with the ellipsis (none: the ellipsis alone)
            keep = _longest_fit(fnt, last, rect.width, len(last), "…") if last else 0
            lines[-1] = last[:keep] + "…"
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
        surf = _render(text, fnt, colour or self.c["ink"])
        rect = self.surface.blit(surf, pos)
        self.records.append(
            TextRecord(text, rect, pygame.Rect(box or self.surface.get_rect()), False, fnt.get_height())
        )
        return rect

    def tip(self, rect: pygame.Rect, text: str) -> None:
        """Mark `rect` as explained by `text` (the screen shows it as a tooltip; a PDF ignores it)."""
        if text:
            self.tips.append((pygame.Rect(rect), text))

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

    def emblem(self, content, scenario_id: str, rect: pygame.Rect) -> None:
        """A scenario's emblem fitted into `rect`: its picture (the pack's own, else the built-in one), else
        one drawn here: a disc in the scenario's colour with its initial, never an empty place."""
        scenario = content.scenarios.get(scenario_id) if content is not None else None
        if scenario is not None:
            self._picture(content, "emblems", scenario.emblem or scenario_id, rect, scenario.name.nl, scenario.color)

    def role_icon(self, content, role_id: str, rect: pygame.Rect) -> None:
        """A role's icon fitted into `rect`: its picture (the pack's icons/ folder, else the built-in one), else
        a disc in the ink colour with the role's initial."""
        role = content.roles.get(role_id) if content is not None else None
        if role is None:
            self.icon(role_id, rect)
            return
        self._picture(content, "icons", role.icon or role_id, rect, role.name.nl, self.c["muted"])

    def _picture(self, content, folder: str, name: str, rect: pygame.Rect, title: str, colour) -> None:
        """A content item's picture, or a disc in `colour` with the initial of `title`."""
        size = min(rect.width, rect.height)
        if size <= 0:
            return
        from game.content.art import art_file

        path = art_file(content.pack, folder, name)
        surf = load_picture(str(path), size) if path is not None else None
        if surf is not None:
            self.surface.blit(surf, surf.get_rect(center=rect.center))
            return
        pygame.draw.circle(self.surface, pygame.Color(colour), rect.center, size // 2)
        fnt = font(max(6, int(size * 0.55)), True)
        letter = _rendered(title.strip()[:1].upper(), fnt, (255, 255, 255))
        self.surface.blit(letter, letter.get_rect(center=rect.center))

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
        limit = max(0, rect.height // fnt.get_linesize())
        if len(wrap(text, fnt, max(1, rect.width), limit)) * fnt.get_linesize() <= rect.height:
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


@per_look(maxsize=128)
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


@per_look(maxsize=32)
def load_picture(path: str, size: int):
    """An SVG or PNG file rendered at `size` x `size` pixels, or None when it cannot be read."""
    if size <= 0:
        return None
    try:
        if path.lower().endswith(".svg"):
            return pygame.image.load_sized_svg(path, (size, size))
        image = pygame.image.load(path)
    except (pygame.error, AttributeError, ValueError, OSError):
        return None
    try:
        return pygame.transform.smoothscale(image, (size, size))
    except (pygame.error, ValueError):  # a palette PNG: smoothscale takes 24 and 32 bits only
        return pygame.transform.scale(image, (size, size))


def min_text_px() -> int:
    """The smallest text size the design allows at 1080p, 100 %."""
    return SIZES["small"]


def shared_kind(look: Look, items, kinds=("body", "small", "tiny"), bold: bool = False) -> str:
    """The largest of `kinds` (largest first) at which every (rect, text) of `items` fits its rect unshrunk;
    the last kind when none does. Texts of one kind side by side (a list, two columns, three cards) are drawn
    at this one size: one shrunk on its own would look less important than its neighbours."""
    for kind in kinds:
        if all(fits(look, rect, text, kind, bold, kind) for rect, text in items):
            return kind
    return kinds[-1]


def hanging_list(painter: Optional[Painter], look: Look, rect: pygame.Rect, items, kind: str = "body", **style) -> int:
    """A list of (marker, text) items ("•" or "1.") with a hanging indent: a text's wrapped lines start under
    its first word, not under the marker. Drawn at `kind` unshrunk (what does not fit `rect` is cut, as
    `Painter.text` cuts); returns the height the list takes (with `painter` None it only measures).
    `style`: colour, bold, and `gap` (px between items)."""
    gap = style.pop("gap", 0)
    bold = style.get("bold", False)
    fnt = font(look.size(kind), bold or kind in ("title", "heading"))
    indent = max((fnt.size(f"{marker} ")[0] for marker, _ in items), default=0)
    width = max(1, rect.width - indent)
    y = rect.top
    for i, (marker, text) in enumerate(items):
        h = len(wrap(text, fnt, width)) * fnt.get_linesize()
        if painter is not None and y < rect.bottom:
            room = min(h, rect.bottom - y)
            painter.text(pygame.Rect(rect.left, y, indent, fnt.get_linesize()), marker, kind, min_kind=kind, **style)
            painter.text(pygame.Rect(rect.left + indent, y, width, room), text, kind, min_kind=kind, **style)
        y += h + (gap if i < len(items) - 1 else 0)
    return y - rect.top
