"""The table's action panel: the buttons for the actions of the seat whose turn it is, which of them are
possible and why not, and what a press does. The parameter steps (whom, how much, which KVD and role) are
in table_pickers.py; the panel's drawing is in table_draw.py.
"""

from __future__ import annotations

from functools import partial

import pygame

from game.engine import EndTurn, Leave, check, options
from game.engine.actions import SEAT_KINDS
from game.export.draw import line_height, wrap
from game.ui.view import AppView
from game.words import coalition_role_name, cost_words, reason_text

from .table_pickers import ActionPickers, split_cost

ANSWERS = ("accept", "decline")


def _row_order(option) -> tuple:
    """Answers to invitations first, then the engine's order of kinds: the actions every seat has,
    opportunities, the role's own; leaving the coalition last (after proposing one the list changes, and a
    destructive move must not land where the pointer just pressed)."""
    return (option.kind == "leave", option.kind not in ANSWERS, SEAT_KINDS.index(option.kind))


# The options that ask a choice first: the step of the panel that asks it (and what it is for).
PICKED = {
    "invest": ("invest",),
    "conversation": ("target", "conversation"),
    "offer": ("offer",),
    "propose": ("propose",),
    "invite": ("invite",),
    "leave": ("confirm_leave",),  # asks once: leaving costs trust
}


class ActionPanel(AppView):
    """The action panel of the table scene that owns it: its step, its buttons and what they do."""

    def __init__(self, scene) -> None:
        self.scene = scene
        self.step = "choose"  # choose | target | invest | offer | propose | invite
        self.pending = None  # the action id being parameterised
        self.error = ""
        self.note = ""  # what the current step asks, in words (leaving: are you sure?)
        self.page = 0  # the page of the list of actions, when they do not all fit
        self.action_keys: dict = {}  # action button -> its option in the engine's list of moves
        self.pickers = ActionPickers(self)
        # where the last build put things, for the drawing
        self.action_top = 0
        self.back_top = 0
        self.info_rect = None  # what the action under the mouse does, or why it is not possible

    # ----------------------------------------------------------------- the scene's
    @property
    def app(self):
        """The app."""
        return self.scene.app

    @property
    def right(self) -> pygame.Rect:
        """The panel's rectangle."""
        return self.scene.layout.right

    @property
    def focus(self) -> list:
        """The scene's focusable widgets in keyboard order."""
        return self.scene.focus

    @property
    def focus_index(self) -> int:
        """The scene's keyboard focus."""
        return self.scene.focus_index

    @focus_index.setter
    def focus_index(self, value: int) -> None:
        self.scene.focus_index = value

    def button(self, *args, **kwargs):
        """A button on the scene."""
        return self.scene.button(*args, **kwargs)

    def rebuild(self) -> None:
        """Lay the scene out again."""
        self.scene.rebuild()

    # ----------------------------------------------------------------- rows
    def row(
        self, y: int, text: str, callback, enabled=True, primary=False, height=None, key=None, short=None, style=None
    ) -> int:
        """One full-width button at `y`; returns the y under it. `style`: the button's text style, when a list
        of rows has one size for all (`one_size`); else the row picks its own."""
        look = self.look
        hgt = height or line_height(look, "body") + look.px(16)
        rect = pygame.Rect(self.right.left + look.px(14), y, self.right.width - look.px(28), hgt)
        room = self.label_room()
        object_id = style or ("@primary" if primary else "@choice")
        if style is None and not primary and look.font("body").size(text)[0] > room:
            object_id = "@choice_small"
            if look.font("small").size(text)[0] > room and short:
                text = short
            text = self.squeeze(text, "small")
        btn = self.button(rect, text, callback, object_id, enabled=enabled)
        if not enabled:
            self.focus.append(btn)  # reachable with the keyboard, so that it can say why it is not possible
            if getattr(key, "reason", None) is not None:
                self.scene.tip(rect, self.row_words(key))  # and to the mouse, in a tooltip
        if key is not None:
            self.action_keys[btn] = key
        return y + hgt + look.px(6)

    def label_room(self) -> int:
        """How wide a row's label may be."""
        return self.right.width - self.look.px(28) - self.look.px(30)

    def squeeze(self, text: str, kind: str) -> str:
        """`text` as it fits a row's label at `kind`: whole, else its name cut short with "…" before its cost
        in brackets (an action's cost stays whole)."""
        fnt = self.look.font(kind)
        room = self.label_room()
        if fnt.size(text)[0] <= room:
            return text
        name, tail = split_cost(text)
        while name and fnt.size(f"{name.rstrip()}…{tail}")[0] > room:
            name = name[:-1]
        return f"{name.rstrip()}…{tail}"

    def one_size(self, candidates: list, shorten_first: bool = True) -> tuple:
        """(texts, style) for a list of rows that share one text size (rows side by side must not each shrink
        on their own): each row's candidates run from its fullest label to its shortest. The body size with
        the fullest labels that all fit, else (`shorten_first`) shorter labels before the small size."""
        look = self.look
        room = self.label_room()
        levels = range(max((len(c) for c in candidates), default=1))
        sizes = (("@choice", "body"), ("@choice_small", "small"))
        if shorten_first:
            plan = [(style, kind, level) for style, kind in sizes for level in levels]
        else:
            plan = [(style, kind, level) for level in levels for style, kind in sizes]
        for style, kind, level in plan:
            texts = [c[min(level, len(c) - 1)] for c in candidates]
            if all(look.font(kind).size(text)[0] <= room for text in texts):
                return texts, style
        return [self.squeeze(c[-1], "small") for c in candidates], "@choice_small"

    def back_row(self) -> None:
        """The "back" button at the foot of a parameter step."""
        hgt = line_height(self.look, "body", True) + self.look.px(18)
        self.back_top = self.right.bottom - hgt - self.look.px(12)
        self.row(self.back_top, self.t("common.back"), self.cancel, height=hgt)

    def row_chosen(self) -> bool:
        """Whether the player points at an action row, or moved the keyboard focus off the first one."""
        mouse = self.scene.mouse
        if mouse is not None and any(btn.alive() and btn.rect.collidepoint(mouse) for btn in self.action_keys):
            return True
        return self.focus_index > 0

    def active_row(self):
        """The action row under the mouse (also a greyed one: pygame_gui does not hover a disabled button, but
        a mouse user must see why it is grey too), else the one with the keyboard focus."""
        mouse = self.scene.mouse
        for btn, key in self.action_keys.items():
            if not btn.alive():
                continue
            if getattr(btn, "hovered", False) or (
                mouse is not None and not btn.is_enabled and btn.rect.collidepoint(mouse)
            ):
                return key
        if 0 <= self.focus_index < len(self.focus):
            return self.action_keys.get(self.focus[self.focus_index])
        return None

    # ----------------------------------------------------------------- building
    def build(self, seat: int) -> None:
        """The buttons of the current step for `seat`."""
        look = self.look
        y = (
            self.right.top
            + look.px(16)
            + line_height(look, "large", True)
            + 2 * line_height(look, "small")
            + look.px(6)
        )
        self.back_top = self.right.bottom
        pickers = self.pickers
        self.action_top, y = pickers.heading(seat, y)
        if self.step == "choose":
            self._build_choose(seat, y)
        elif self.step == "target":
            pickers.build_target(seat, y)
        elif self.step == "invest":
            pickers.build_invest(seat, y)
        elif self.step == "offer":
            pickers.build_offer(seat, y)
        elif self.step == "propose":
            pickers.build_propose(seat, y)
        elif self.step == "invite":
            pickers.build_invite(seat, y)
        elif self.step == "confirm_leave":
            self._build_confirm_leave(seat, y)
        if self.focus and self.focus_index < 0:
            self.focus_index = 0

    def _cost_text(self, cost) -> str:
        what = cost_words(cost, self.lang())
        return self.t("table.costs", what=what) if what else ""

    def reason(self, action) -> str:
        """Why `action` is not possible now ("" when it is)."""
        reason = check(self.state, action)
        return reason_text(reason, self.lang()) if reason else ""

    def others(self, seat: int) -> list:
        """The other seats."""
        return [i for i in range(len(self.state.seats)) if i != seat]

    def _rows(self) -> list:
        """(label, short label, press, option) for every option of the engine's list of moves but ending the
        turn (a button of its own): invitations first, as they are answered on the invitee's own turn, then
        the actions every seat has, this round's opportunities and the role's own actions."""
        found = [o for o in options(self.state) if o.kind != "end_turn"]
        found.sort(key=_row_order)  # stable: each coalition's accept before its decline
        rows = []
        for option in found:
            label, short = self._labels(option)
            rows.append((label, short, self._press(option), option))
        return rows

    def _labels(self, option) -> tuple:
        """An option's label on its button, and a shorter one for a narrow panel."""
        state, t, lang = self.state, self.t, self.lang()
        first = option.first
        cost = self._cost_text(option.cost)
        if option.kind in ANSWERS:
            c = state.coalitions[first.coalition]
            lead = c.lead()
            who = state.seats[lead].name if lead is not None else "?"
            role = coalition_role_name(c.invites[first.seat], lang)
            label = t(f"table.{option.kind}", name=who, role=role)
            return label, label
        if option.kind == "seize_opportunity":
            title = state.book.content.trends[first.trend].title.get(lang)
            return self._label(t("table.seize", title=title), cost), self._label(t("table.seize_short"), cost)
        name = option.spec.name.get(lang) if option.spec else option.kind
        label = self._label(name, cost)
        return label, label  # too long: its name is cut short, its cost stays (`squeeze`)

    def _press(self, option):
        """What pressing an option's button does: a step that asks whom, how much or which goal, or the move."""
        step = PICKED.get(option.kind)
        if step is not None:
            return partial(self.begin, *step)
        if option.kind == "signature" and option.spec is not None and option.spec.target:
            return partial(self.begin, "target", option.spec.id)
        return partial(self.act, option.first)

    def _build_choose(self, seat: int, y: int) -> None:
        t = self.t
        look = self.look
        bottom = self.right.bottom - line_height(look, "body", True) - look.px(40)
        rows = self._rows()
        row_h = line_height(look, "body") + look.px(16)
        gap = look.px(6)
        least = line_height(look, "small") + look.px(6)  # a row's label still clears its edges
        per_page = self._page_size(rows, bottom - y, least + gap)
        if len(rows) > per_page:  # more than fit even at the smallest: pages of them, and a row to the next page
            pages = -(-len(rows) // per_page)
            self.page %= pages
            rows = rows[self.page * per_page : (self.page + 1) * per_page]
            more = self.t("table.more_actions", page=self.page + 1, pages=pages)
        else:
            more, self.page = None, 0
        available = bottom - self._info_height(rows) - y
        count = len(rows) + (1 if more else 0)
        if count and count * (row_h + gap) > available:
            row_h = max(least, available // count - gap)
        texts, style = self.one_size([(text,) for text, _, _, _ in rows] + [(more,)] * bool(more), shorten_first=False)
        for label, (_, short, press, option) in zip(texts, rows, strict=False):  # (the "more" row's text last)
            own = look.font("small").size(label)[0] > self.label_room()  # then the row shortens its own label
            y = self.row(
                y,
                label,
                press,
                enabled=option.possible,
                height=row_h,
                key=option,
                short=short,
                style=None if own else style,
            )
        if more:
            y = self.row(y, more, self._next_page, height=row_h, style=style)
        self.info_rect = pygame.Rect(
            self.right.left + look.px(16),
            y + look.px(4),
            self.right.width - look.px(32),
            bottom - y - look.px(8),
        )
        end_h = line_height(look, "body", True) + look.px(18)
        self.row(
            self.right.bottom - end_h - look.px(12),
            t("table.end_turn"),
            lambda: self.act(EndTurn(seat)),
            primary=True,
            height=end_h,
        )

    def _page_size(self, rows: list, room: int, least: int) -> int:
        """How many action rows a page holds: as many as fit at their smallest (`least` high with the gap)
        above the info the rows of that page need (the "more" row too when they do not all fit)."""

        def fits(page: list, extra: int) -> bool:
            return (len(page) + extra) * least + self._info_height(page) <= room

        if fits(rows, 0):
            return max(1, len(rows))
        for n in range(len(rows) - 1, 1, -1):
            if all(fits(rows[i : i + n], 1) for i in range(0, len(rows), n)):
                return n
        return 1

    def _info_height(self, rows: list) -> int:
        """The room the info under the list needs for these rows: their longest description or reason, at the
        small size or, when that takes fewer lines' room, at the tiny size (it is one text, shown alone); three
        to seven small lines, so that large text on a small window gets pages of actions rather than a cut
        explanation."""
        look = self.look
        small, tiny = line_height(look, "small"), line_height(look, "tiny")
        width = max(1, self.right.width - look.px(32))
        longest = 3 * small
        for _, _, _, option in rows:
            words = self.row_words(option)
            need = min(
                len(wrap(words, look.font("small"), width)) * small, len(wrap(words, look.font("tiny"), width)) * tiny
            )
            longest = max(longest, need)
        return min(7 * small, longest) + look.px(10)

    def row_words(self, option) -> str:
        """What the info under the list says of an action row: why it is not possible now, or what it does."""
        if option.reason is not None:
            return self.t("table.not_possible", why=reason_text(option.reason, self.lang()))
        return option.spec.description.get(self.lang()) if option.spec else ""

    def _next_page(self) -> None:
        """The next page of actions (when they do not all fit: large text on a small window)."""
        self.page += 1
        self.focus_index = -1
        self.rebuild()

    def _build_confirm_leave(self, seat: int, y: int) -> None:
        """Leaving the coalition, asked once: the words, then the confirming button at the foot of the panel,
        away from where the pointer pressed "leave" (a double click must not leave)."""
        look = self.look
        self.back_row()
        sure_h = line_height(look, "body", True) + look.px(18)
        sure_top = self.back_top - sure_h - look.px(10)
        self.info_rect = pygame.Rect(
            self.right.left + look.px(16), y, self.right.width - look.px(32), sure_top - y - look.px(10)
        )
        self.note = self.t("table.leave_sure_words")
        self.row(sure_top, self.t("table.leave_sure"), lambda: self.act(Leave(seat)), height=sure_h)

    def _label(self, name: str, cost: str) -> str:
        return f"{name} {cost}" if cost else name

    # ----------------------------------------------------------------- pressing
    def begin(self, step: str, pending=None) -> None:
        """Go to a step of the panel (a fresh one: nothing picked yet)."""
        self.step = step
        self.pending = pending
        self.error = ""
        self.note = ""
        self.page = 0
        self.pickers.reset()
        self.focus_index = -1
        self.rebuild()

    def cancel(self) -> None:
        """Back to the list of actions."""
        self.begin("choose")

    def act(self, action) -> None:
        """Apply `action`: the error when it is refused, else on with this seat or the next."""
        from game.ui.flow import advance

        reason = self.session.try_act(action)
        if reason is not None:
            self.error = reason_text(reason, self.lang())
            self.rebuild()
            return
        self.scene.banner = None
        self.page = 0
        if action.kind == "end_turn":
            self.session.last_human = -1
            self.step = "choose"
            advance(self.app)
            return
        self.step = "choose"
        self.focus_index = -1
        if self.session.current() != action.seat:
            advance(self.app)
            return
        self.rebuild()
