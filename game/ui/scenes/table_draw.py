"""The drawing of the table: the board (the top bar, the municipality, the seats, the coalitions and their
trust, what just happened) and the action panel's words (whose turn, their goal, what an action does or why
it is not possible now). Painters read the state, the look and the layout's rectangles; they make no widgets.
"""

from __future__ import annotations

import pygame

from game.analysis.explain import with_changes
from game.engine import goal_measure, pot_with_funds
from game.engine.vocabulary import RESOURCES
from game.export.draw import line_height
from game.ui.theme import hex_colour
from game.words import capital, resource_name

from .table_actors import Painting
from .table_layout import TableLayout
from .table_pickers import goal_short, role_about


class BoardPainter(Painting):
    """The board around the action panel."""

    def draw_top(self, painter, text_right: int, timer_left) -> None:
        """The top bar: the scenario's emblem and colour, the title, the round and the turn's timer."""
        look = self.look
        top_bar = self.layout.top_bar
        state = self.state
        book = state.book
        content = book.content
        lang = self.lang()
        scenario = content.scenarios[book.setup.scenario]
        accent = hex_colour(scenario.color)
        pygame.draw.rect(painter.surface, accent, top_bar)
        size = min(look.px(64), top_bar.height - look.px(12))
        emblem_rect = pygame.Rect(look.px(20), (top_bar.height - size) // 2, size, size)
        pygame.draw.circle(painter.surface, (255, 255, 255), emblem_rect.center, size // 2 + look.px(4))
        painter.emblem(book.content, book.setup.scenario, emblem_rect)
        x = emblem_rect.right + look.px(16)
        years = book.base.years_per_round
        first_year = (state.round - 1) * years + 1
        title = f"{scenario.name.get(lang)} · {content.challenges[book.setup.challenge].name.get(lang)}"
        width = text_right - x
        large = line_height(look, "large", True)
        painter.text(pygame.Rect(x, look.px(8), width, large), title, "large", colour=(255, 255, 255), bold=True)
        sub = self.t(
            "table.round", round=state.round, rounds=book.setup.rounds, start=first_year, end=first_year + years - 1
        )
        if timer_left is not None and not self.session.big_timer:  # else large, at the foot
            sub += "  ·  " + self.t("table.timer", m=int(timer_left) // 60, s=int(timer_left) % 60)
        painter.text(
            pygame.Rect(x, look.px(8) + large, width, top_bar.height - large - look.px(8)),
            sub,
            "body",
            colour=(255, 255, 255),
        )

    def draw_big_timer(self, painter, timer_left) -> int:
        """The turn's timer, large enough to read from the back of the room, at the right of the bottom bar
        (the facilitator turns it on); returns the left edge of what it took (the bar's right when off)."""
        r = self.layout.bottom_bar
        if timer_left is None or not self.session.big_timer:
            return r.right
        look, c = self.look, painter.c
        clock = self.t("table.timer", m=int(timer_left) // 60, s=int(timer_left) % 60)
        kind = "title" if line_height(look, "title", True) <= r.height - look.px(8) else "heading"
        width = look.font(kind, True).size(self.t("table.timer", m=88, s=88))[0] + look.px(40)  # the widest
        box = pygame.Rect(r.right - width, r.top, width, r.height)
        urgent = timer_left < 30
        painter.panel(box, fill=c["highlight"] if not urgent else c["panel"], edge=c["bad"] if urgent else c["focus"])
        colour = c["bad"] if urgent else c["ink"]
        painter.text(
            box.inflate(-look.px(16), 0), clock, kind, bold=True, colour=colour, align="center", valign="middle"
        )
        return box.left - look.px(8)

    def draw_bottom(self, painter, info: str, banner, timer_left=None) -> None:
        """The bottom bar: what just happened (as many of its changes as fit), or a notice, or the keys; the
        large timer at its right when it is on."""
        look = self.look
        c = painter.c
        r = self.layout.bottom_bar
        right = self.draw_big_timer(painter, timer_left)
        r = pygame.Rect(r.left, r.top, right - r.left, r.height)
        painter.panel(r, fill=c["panel"])
        pad = look.px(14)
        inner = r.inflate(-2 * pad, -look.px(12))
        lang = self.lang()
        head, changes = "", []
        if info:
            head = info
        elif banner is not None and self.session.lines:
            seat, because = banner
            told = self.session.lines[-1].told(lang)
            head = f"{because.text(lang, self.state.seats[seat].name)} {told.headline}"
            changes = told.changes
        elif self.session.lines:
            told = self.session.lines[-1].told(lang)
            head, changes = told.headline, told.changes
        if not head:
            head = (
                self.t("hint.round1") if (self.app.settings.hints and self.state.round == 1) else self.t("table.keys")
            )
        failed = self.session.save_error
        if failed is not None:  # nothing is more important than knowing the game is not being saved
            head = self.t("table.save_failed", error=failed.strerror or str(failed)) + " " + head
        # as many of the changes as fit, then how many more the round summary will show
        text = head
        # at full size with fewer changes first; smaller text only when even the headline needs it
        for min_kind in ("body", "small"):
            fitted = None
            for k in range(len(changes), -1, -1):
                more = len(changes) - k
                candidate = with_changes(head, changes[:k])
                if more:  # "Wellbeing +2 (now 57) and 2 other changes.", inside the sentence of the changes
                    rest = self.t("table.more_changes", n=more)
                    candidate = f"{candidate.rstrip('.')} {rest}." if k else f"{candidate} {capital(rest)}."
                if painter.fits(inner, candidate, "body", min_kind=min_kind):
                    fitted = candidate
                    break
            if fitted is not None:
                text = fitted
                break
        painter.text(inner, text, "body", valign="middle", colour=c["bad"] if failed is not None else None)


class PanelPainter(Painting):
    """The words on the action panel (its buttons are widgets, drawn by the scene)."""

    def __init__(self, app, layout: TableLayout, actions) -> None:
        super().__init__(app, layout)
        self.actions = actions  # the scene's ActionPanel: its step, error and where it put things

    def draw(self, painter, peeking: bool) -> None:
        """The right panel of a person's turn: whose turn, their goal, and what the current step says (a
        computer's turn has its own panel: table_moves.py)."""
        look = self.look
        state = self.state
        lang = self.lang()
        c = painter.c
        actions = self.actions
        pickers = actions.pickers
        r = self.layout.right
        painter.panel(r)
        pad = look.px(16)
        seat = self.session.current()
        if seat < 0:
            return
        me = state.seats[seat]
        inner_w = r.width - 2 * pad
        large = line_height(look, "large", True)
        small = line_height(look, "small")
        painter.text(
            pygame.Rect(r.left + pad, r.top + pad, inner_w, large),
            self.t("table.your_turn", name=me.name),
            "large",
            bold=True,
        )
        goal_rect = pygame.Rect(
            r.left + pad, r.top + pad + large, inner_w, actions.action_top - r.top - pad - large - look.px(4)
        )
        goal_line = self.goal_line(seat, peeking)
        if not painter.fits(goal_rect, goal_line, "small"):
            goal_line = goal_short(self, seat, peeking)
        painter.text(goal_rect, goal_line, "small", colour=c["muted"])
        if pickers.title_rect is not None:
            painter.text(pickers.title_rect, pickers.title, "body", bold=True)
        if actions.step in ("invest", "offer", "propose", "invite"):
            for rect, label in pickers.stepper_labels:
                painter.text(rect, label, "small", align="center", valign="middle", min_kind="tiny")
            if actions.step == "propose":
                painter.text(pickers.kvd_rect, pickers.kvd_text, "small", bold=True)
            note_y = pickers.note_y if pickers.note_y is not None else r.bottom - look.px(160)
            note_rect = pygame.Rect(r.left + pad, note_y, inner_w, actions.back_top - note_y - look.px(6))
            note = actions.error
            colour = c["bad"]
            if actions.step == "invest":
                coalition = state.coalition_of(seat)
                if coalition is not None:
                    pot = pot_with_funds(state, coalition)
                    missing = []
                    for i, res in enumerate(RESOURCES):
                        need = state.need[i] + (state.hidden[i] if state.needs_known else 0)
                        if need > pot[i]:
                            missing.append(f"{resource_name(res, lang)} {need - pot[i]}")
                    hint = self.t("table.missing", what=", ".join(missing)) if missing else self.t("table.pot_full")
                else:
                    hint = self.t("table.invest_alone")
                note = f"{actions.error} {hint}".strip()
                colour = c["muted"] if not actions.error else c["bad"]
            if pickers.role_chosen is not None and actions.step in ("propose", "invite"):
                about = role_about(state, pickers.role_chosen, lang)
                both = f"{about}\n{note}" if note else about
                if painter.fits(note_rect, both, "small") or (not note and painter.fits(note_rect, about, "small")):
                    used = painter.text(note_rect, about, "small", colour=c["muted"])
                    note_rect = pygame.Rect(note_rect.left, used.bottom + look.px(4), note_rect.width, 0)
                    note_rect.height = max(0, actions.back_top - look.px(6) - note_rect.top)
            if note and note_rect.height >= small:
                # a hint a line too long for the room left is drawn a size smaller rather than cut off
                painter.text(note_rect, note, "small", colour=colour, min_kind="tiny")
        elif actions.step == "choose":
            self.draw_info(painter)
        elif actions.error:
            painter.text(
                pygame.Rect(r.left + pad, actions.back_top - 3 * small, inner_w, 3 * small),
                actions.error,
                "small",
                colour=c["bad"],
            )

    def draw_peek(self, painter) -> None:
        """Beamer mode, G held: the seat's private goal over the action panel, large."""
        seat = self.session.current()
        if seat < 0 or self.session.is_bot(seat):
            return
        state = self.state
        me = state.seats[seat]
        goal = state.book.goal(me.role, me.goal)
        r = self.layout.right.inflate(-self.look.px(8), -self.look.px(8))
        painter.panel(r, fill=painter.c["highlight"], edge=painter.c["focus"], width=4)
        inner = r.inflate(-self.look.px(40), -self.look.px(40))
        head = line_height(self.look, "large", True)
        painter.text(
            pygame.Rect(inner.left, inner.top, inner.width, head), self.t("handover.your_goal"), "large", bold=True
        )
        painter.text(
            pygame.Rect(inner.left, inner.top + head + self.look.px(10), inner.width, inner.height - head),
            goal.text.get(self.lang()),
            "large",
            min_kind="body",
        )

    def draw_info(self, painter) -> None:
        """What the chosen action does and costs, or why it is not possible now."""
        rect = self.actions.info_rect
        active = self.actions.active_row()
        if rect is None or rect.height < line_height(self.look, "small") or active is None:
            if rect is None or rect.height < line_height(self.look, "small"):
                return
            if self.actions.error:
                painter.text(rect, self.actions.error, "small", colour=painter.c["bad"], min_kind="tiny")
            elif self.actions.note:  # what a step asks (leaving the coalition: are you sure?)
                painter.text(rect, self.actions.note, "body", min_kind="small")
            elif self.app.settings.hints and self.state.round == 1:
                hint = self.t("hint.round1")
                if painter.fits(rect, hint, "small"):
                    painter.text(rect, hint, "small", colour=painter.c["accent"])
            return
        text = self.actions.row_words(active)
        colour = painter.c["bad"] if active.reason is not None else painter.c["muted"]
        if self.actions.error:
            text, colour = self.actions.error, painter.c["bad"]
        elif self.app.settings.hints and self.state.round == 1:  # the first round's hint, with the action or for it
            hint = self.t("hint.round1")
            if painter.fits(rect, f"{hint}\n{text}", "small"):
                used = painter.text(rect, hint, "small", colour=painter.c["accent"])
                rect = pygame.Rect(rect.left, used.bottom + self.look.px(6), rect.width, rect.bottom - used.bottom)
            elif not self.actions.row_chosen() and painter.fits(rect, hint, "small"):
                text, colour = hint, painter.c["accent"]  # until the player points at or moves to an action
        if text:
            painter.text(rect, text, "small", colour=colour, min_kind="tiny")

    def goal_line(self, seat: int, peeking: bool) -> str:
        """The seat's private goal and how far it is (in beamer mode: only while G is held)."""
        state = self.state
        me = state.seats[seat]
        if self.session.mode == "beamer" and not peeking:
            return self.t("table.goal_hidden_beamer")
        goal = state.book.goal(me.role, me.goal)
        pct = int(goal_measure(state, seat) * 100)
        return self.t("table.goal", goal=goal.text.get(self.lang()), pct=pct)
