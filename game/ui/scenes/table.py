"""The table: the municipality's indicators, the seats, the coalitions, and the action panel of the seat
whose turn it is. Computer seats play here too, one visible move at a time with their reason.
"""

from __future__ import annotations

from functools import partial

import pygame

from game.engine import (
    Accept,
    BuildFacts,
    Conversation,
    Decline,
    EndTurn,
    Invest,
    Invite,
    Leave,
    Offer,
    Propose,
    Seize,
    Signature,
    check,
    coalition_problems,
    goal_measure,
    pot_with_bonus,
)
from game.engine.vocabulary import COALITION_ROLES, INDICATORS, RESOURCES
from game.engine.words import COALITION_ROLE_NAMES, INDICATOR_NAMES, RESOURCE_NAMES
from game.export.draw import line_height
from game.ui.scene import Scene
from game.ui.theme import hex_colour

from .table_layout import table_layout, top_buttons

BOT_DELAY = 1.4  # seconds a computer move stays on screen before the next one


class TableScene(Scene):
    """The game table during the actions phase."""

    name = "table"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.step = "choose"  # choose | target | invest | offer | propose | invite
        self.pending = None  # the action id being parameterised
        self.amounts = [0, 0, 0, 0]
        self.target = -1
        self.resource = 0
        self.kvd_index = 0
        self.role_index = 0
        self.error = ""
        self.bot_clock = 0.0
        self.banner = None  # (seat, Because) of the last computer move
        self.peeking = False
        self.peek_warned = False
        self.info = ""
        self.timer_left = None
        self.timer_seat = None  # (round, seat) whose turn the timer counts
        self.paused = False
        self.hint_shown = False

    @property
    def session(self):
        """The game."""
        return self.app.session

    @property
    def state(self):
        """The engine's state."""
        return self.app.session.state

    def shot_name(self) -> str:
        """Screenshots: the table, the invest step and the coalition step are distinct screens."""
        if self.step in ("propose", "invite"):
            return "coalition"
        if self.step != "choose":
            return "action"
        return "table"

    def lang(self) -> str:
        """The current language."""
        return self.app.settings.lang

    # ================================================================= layout
    def build(self) -> None:
        layout = self.layout = table_layout(self.look, self.app.window.get_size())
        self.top_bar, self.bottom_bar = layout.top_bar, layout.bottom_bar
        self.left, self.centre, self.right = layout.left, layout.centre, layout.right
        # the top-right buttons are as wide as their words
        corner = ((self.t("table.help"), self._help), (self.t("table.facilitator"), self._facilitator))
        rects, self.top_text_right = top_buttons(self.look, layout, [text for text, _ in corner])
        for rect, (text, callback) in zip(rects, corner, strict=True):
            self.button(rect, text, callback, focusable=False)
        self.action_keys = {}
        seat = self.session.current()
        if seat >= 0 and not self.session.is_bot(seat):
            self._build_actions(seat)

    def _help(self) -> None:
        from game.ui.scenes.howto import HowToScene

        self.app.push(HowToScene(self.app))

    def _facilitator(self) -> None:
        from game.ui.scenes.facilitator import FacilitatorScene

        self.app.push(FacilitatorScene(self.app))

    # ----------------------------------------------------------------- the action panel
    def _row(self, y: int, text: str, callback, enabled=True, primary=False, height=None, key=None, short=None) -> int:
        look = self.look
        hgt = height or line_height(look, "body") + look.px(16)
        rect = pygame.Rect(self.right.left + look.px(14), y, self.right.width - look.px(28), hgt)
        room = rect.width - look.px(30)
        object_id = "@primary" if primary else "@choice"
        if not primary and look.font("body").size(text)[0] > room:
            object_id = "@choice_small"
            if look.font("small").size(text)[0] > room and short:
                text = short
                if look.font("small").size(text)[0] > room and " · " in text:
                    text = text.split(" · ")[0]
        btn = self.button(rect, text, callback, object_id, enabled=enabled)
        if not enabled:
            self.focus.append(btn)  # reachable with the keyboard, so that it can say why it is not possible
        if key is not None:
            self.action_keys[btn] = key
        return y + hgt + look.px(6)

    def _back_row(self) -> None:
        """The "back" button at the foot of a parameter step."""
        hgt = line_height(self.look, "body", True) + self.look.px(18)
        self.back_top = self.right.bottom - hgt - self.look.px(12)
        self._row(self.back_top, self.t("common.back"), self._cancel, height=hgt)

    def _build_actions(self, seat: int) -> None:
        look = self.look
        y = (
            self.right.top
            + look.px(16)
            + line_height(look, "large", True)
            + 2 * line_height(look, "small")
            + look.px(6)
        )
        self.action_top = y
        self.back_top = self.right.bottom
        if self.step == "choose":
            self._build_choose(seat, y)
        elif self.step == "target":
            self._build_target(seat, y)
        elif self.step == "invest":
            self._build_invest(seat, y)
        elif self.step == "offer":
            self._build_offer(seat, y)
        elif self.step == "propose":
            self._build_propose(seat, y)
        elif self.step == "invite":
            self._build_invite(seat, y)
        if self.focus and self.focus_index < 0:
            self.focus_index = 0

    def _spec_name(self, action_id: str) -> str:
        book = self.state.book
        spec = book.actions.get(action_id)
        return spec.name.get(self.lang()) if spec else action_id

    def _cost_text(self, cost) -> str:
        parts = [f"{n} {RESOURCE_NAMES[RESOURCES[i]][self.lang()]}" for i, n in enumerate(cost) if n]
        return ", ".join(parts)

    def _reason(self, action) -> str:
        reason = check(self.state, action)
        return reason.text(self.lang()) if reason else ""

    def _others(self, seat: int) -> list:
        return [i for i in range(len(self.state.seats)) if i != seat]

    def _build_choose(self, seat: int, y: int) -> None:
        self.short_labels = {}
        state = self.state
        book = state.book
        me = state.seats[seat]
        t = self.t
        lang = self.lang()
        bottom = self.right.bottom - line_height(self.look, "body", True) - self.look.px(40)
        rows = []
        # invitations first: they are answered on the invitee's own turn
        for cid, c in enumerate(state.coalitions):
            if seat in c.invites and c.active:
                lead = c.lead()
                who = state.seats[lead].name if lead is not None else "?"
                role = COALITION_ROLE_NAMES[c.invites[seat]][lang]
                rows.append(
                    (
                        t("table.accept", name=who, role=role),
                        lambda cid=cid: self._do(Accept(seat, cid)),
                        Accept(seat, cid),
                        "accept",
                    )
                )
                rows.append(
                    (
                        t("table.decline", name=who),
                        lambda cid=cid: self._do(Decline(seat, cid)),
                        Decline(seat, cid),
                        "decline",
                    )
                )
        generic = [
            (
                "invest",
                lambda: self._begin("invest"),
                Invest(seat, (1, 0, 0, 0)) if any(me.res) else Invest(seat, (0, 0, 0, 0)),
            ),
            ("conversation", lambda: self._begin("target", "conversation"), Conversation(seat, self._others(seat)[0])),
            ("build_facts", lambda: self._do(BuildFacts(seat)), BuildFacts(seat)),
            (
                "offer",
                lambda: self._begin("offer"),
                Offer(seat, self._others(seat)[0], max(range(4), key=lambda i: me.res[i]), 1),
            ),
        ]
        if me.coalition < 0:
            kvd = next(iter(book.kvds))
            generic.append(("propose", lambda: self._begin("propose"), Propose(seat, kvd, "lead")))
        else:
            free = [t_ for t_ in self._others(seat) if state.seats[t_].coalition < 0]
            c = state.coalitions[me.coalition]
            roles = [r for r in COALITION_ROLES if r not in c.members.values() and r not in c.invites.values()]
            probe = Invite(seat, free[0], roles[0]) if free and roles else Invite(seat, -1, "lead")
            generic.append(("invite", lambda: self._begin("invite"), probe))
            generic.append(("leave", lambda: self._do(Leave(seat)), Leave(seat)))
        for action_id, callback, probe in generic:
            spec = book.kind_action.get(action_id)
            cost = self._cost_text(spec.cost) if spec else ""
            rows.append((self._label(self._spec_name_kind(action_id), cost, probe), callback, probe, action_id))
        for trend in state.current_trends():
            if trend in book.opportunities and trend not in state.seized:
                title = book.content.trends[trend].title.get(lang)
                probe = Seize(seat, trend)
                cost = self._cost_text(book.opportunities[trend][0])
                rows.append(
                    (
                        self._label(t("table.seize", title=title), cost, probe),
                        lambda p=probe: self._do(p),
                        probe,
                        "seize_opportunity",
                    )
                )
                self.short_labels[rows[-1][0]] = self._label(t("table.seize_short"), cost, probe)
        for spec in book.signatures.get(me.role, ()):
            if spec.target:
                probe = Signature(seat, spec.id, self._others(seat)[0])
                callback = partial(self._begin, "target", spec.id)
            else:
                probe = Signature(seat, spec.id)
                callback = partial(self._do, probe)
            rows.append((self._label(spec.name.get(lang), self._cost_text(spec.cost), probe), callback, probe, spec.id))
        row_h = line_height(self.look, "body") + self.look.px(16)
        gap = self.look.px(6)
        self.info_rect = pygame.Rect(
            self.right.left + self.look.px(16), bottom - self.look.px(10), self.right.width - self.look.px(32), 0
        )
        info_h = 3 * line_height(self.look, "small") + self.look.px(10)
        available = bottom - info_h - y
        if rows and len(rows) * (row_h + gap) > available:
            row_h = max(line_height(self.look, "small") + self.look.px(10), available // len(rows) - gap)
        for text, callback, probe, key in rows:
            enabled = check(state, probe) is None
            short = self.short_labels.get(text, text.split(" · ")[0])
            y = self._row(y, text, callback, enabled=enabled, height=row_h, key=(key, probe), short=short)
        self.info_rect = pygame.Rect(
            self.right.left + self.look.px(16),
            y + self.look.px(4),
            self.right.width - self.look.px(32),
            bottom - y - self.look.px(8),
        )
        end_h = line_height(self.look, "body", True) + self.look.px(18)
        self._row(
            self.right.bottom - end_h - self.look.px(12),
            t("table.end_turn"),
            lambda: self._do(EndTurn(seat)),
            primary=True,
            height=end_h,
        )

    def _spec_name_kind(self, kind: str) -> str:
        spec = self.state.book.kind_action.get(kind)
        return spec.name.get(self.lang()) if spec else kind

    def _label(self, name: str, cost: str, probe) -> str:
        return f"{name} · {cost}" if cost else name

    def _begin(self, step: str, pending=None) -> None:
        self.step = step
        self.pending = pending
        self.error = ""
        self.amounts = [0, 0, 0, 0]
        self.target = -1
        self.kvd_index = 0
        self.role_index = 0
        self.focus_index = -1
        self.rebuild()

    def _cancel(self) -> None:
        self._begin("choose")

    def _build_target(self, seat: int, y: int) -> None:
        state = self.state
        for other in self._others(seat):
            o = state.seats[other]
            if self.pending == "conversation":
                action = Conversation(seat, other)
            else:
                action = Signature(seat, self.pending, other)
            role = state.book.content.roles[o.role].name.get(self.lang())
            label = f"{o.name}, {role} · {self.t('table.trust')} {state.trust[seat][other]}"
            short = f"{o.name} · {self.t('table.trust')} {state.trust[seat][other]}"
            y = self._row(
                y,
                label,
                lambda a=action: self._do(a),
                enabled=check(state, action) is None,
                key=(self.pending, action),
                short=short,
            )
        self._back_row()

    def _stepper(self, y: int, label: str, minus, plus) -> int:
        look = self.look
        hgt = line_height(look, "body") + look.px(14)
        bw = max(look.px(64), hgt)
        x = self.right.left + look.px(14)
        self.button(pygame.Rect(x, y, bw, hgt), "−", minus)
        self.button(pygame.Rect(self.right.right - look.px(14) - bw, y, bw, hgt), "+", plus)
        self.stepper_labels.append(
            (pygame.Rect(x + bw + look.px(8), y, self.right.width - 2 * bw - look.px(44), hgt), label)
        )
        return y + hgt + look.px(6)

    def _build_invest(self, seat: int, y: int) -> None:
        me = self.state.seats[seat]
        self.stepper_labels = []
        lang = self.lang()
        for i, res in enumerate(RESOURCES):
            label = f"{RESOURCE_NAMES[res][lang]}: {self.amounts[i]}  ({self.t('table.you_have', n=me.res[i])})"
            y = self._stepper(y, label, lambda i=i: self._amount(i, -1), lambda i=i: self._amount(i, +1, me.res[i]))
        action = Invest(seat, tuple(self.amounts))
        self.error = self._reason(action) if any(self.amounts) else ""
        y += self.look.px(8)
        self._row(
            y,
            self.t("table.invest_confirm"),
            lambda: self._do(action),
            enabled=check(self.state, action) is None,
            primary=True,
        )
        self.note_y = y + self.look.px(70)
        self._back_row()

    def _amount(self, i: int, delta: int, have: int = 99) -> None:
        self.amounts[i] = max(0, min(have, self.amounts[i] + delta))
        self.rebuild()

    def _build_offer(self, seat: int, y: int) -> None:
        state = self.state
        me = state.seats[seat]
        lang = self.lang()
        self.stepper_labels = []
        others = self._others(seat)
        if self.target not in others:
            self.target = others[0]
        o = state.seats[self.target]
        y = self._stepper(
            y,
            f"{self.t('table.to')}: {o.name}",
            lambda: self._cycle_target(-1, others),
            lambda: self._cycle_target(1, others),
        )
        y = self._stepper(
            y,
            f"{RESOURCE_NAMES[RESOURCES[self.resource]][lang]} ({self.t('table.you_have', n=me.res[self.resource])})",
            lambda: self._cycle_resource(-1),
            lambda: self._cycle_resource(1),
        )
        amount = max(1, self.amounts[0])
        y = self._stepper(
            y,
            f"{self.t('table.amount')}: {amount}",
            lambda: self._amount(0, -1),
            lambda: self._amount(0, 1, state.book.base.offer_max),
        )
        action = Offer(seat, self.target, self.resource, amount)
        self.error = self._reason(action)
        y += self.look.px(8)
        self._row(
            y,
            self.t("table.offer_confirm"),
            lambda: self._do(action),
            enabled=check(state, action) is None,
            primary=True,
        )
        self.note_y = y + self.look.px(70)
        self._back_row()

    def _cycle_target(self, step: int, options: list) -> None:
        self.target = (
            options[(options.index(self.target) + step) % len(options)] if self.target in options else options[0]
        )
        self.rebuild()

    def _cycle_resource(self, step: int) -> None:
        self.resource = (self.resource + step) % len(RESOURCES)
        self.rebuild()

    def _kvds(self) -> list:
        return list(self.state.book.content.challenges[self.state.book.setup.challenge].kvds)

    def _build_propose(self, seat: int, y: int) -> None:
        lang = self.lang()
        self.stepper_labels = []
        kvds = self._kvds()
        self.kvd_index %= len(kvds)
        y = self._stepper(
            y,
            self.t("table.goal_n", n=self.kvd_index + 1, of=len(kvds)),
            lambda: self._cycle("kvd_index", -1, len(kvds)),
            lambda: self._cycle("kvd_index", 1, len(kvds)),
        )
        self.kvd_rect = pygame.Rect(
            self.right.left + self.look.px(16),
            y,
            self.right.width - self.look.px(32),
            4 * line_height(self.look, "small", True),
        )
        y = self.kvd_rect.bottom + self.look.px(8)
        role = COALITION_ROLES[self.role_index % len(COALITION_ROLES)]
        y = self._stepper(
            y,
            f"{self.t('table.your_role')}: {COALITION_ROLE_NAMES[role][lang]}",
            lambda: self._cycle("role_index", -1, 5),
            lambda: self._cycle("role_index", 1, 5),
        )
        action = Propose(seat, kvds[self.kvd_index].id, role)
        self.error = self._reason(action)
        y += self.look.px(8)
        self._row(
            y,
            self.t("table.propose_confirm"),
            lambda: self._do(action),
            enabled=check(self.state, action) is None,
            primary=True,
        )
        self.note_y = y + self.look.px(70)
        self._back_row()

    def _cycle(self, field: str, step: int, n: int) -> None:
        setattr(self, field, (getattr(self, field) + step) % n)
        self.rebuild()

    def _build_invite(self, seat: int, y: int) -> None:
        state = self.state
        lang = self.lang()
        self.stepper_labels = []
        c = state.coalition_of(seat)
        free = [o for o in self._others(seat) if state.seats[o].coalition < 0 and (c is None or o not in c.invites)]
        roles = [
            r for r in COALITION_ROLES if c is None or (r not in c.members.values() and r not in c.invites.values())
        ]
        if not free or not roles:
            self.error = self.t("table.nobody_to_invite")
            self.note_y = y
            self._back_row()
            return
        if self.target not in free:
            self.target = free[0]
        o = state.seats[self.target]
        y = self._stepper(
            y,
            f"{self.t('table.who')}: {o.name}",
            lambda: self._cycle_target(-1, free),
            lambda: self._cycle_target(1, free),
        )
        role = roles[self.role_index % len(roles)]
        y = self._stepper(
            y,
            f"{self.t('table.as_role')}: {COALITION_ROLE_NAMES[role][lang]}",
            lambda: self._cycle("role_index", -1, len(roles)),
            lambda: self._cycle("role_index", 1, len(roles)),
        )
        action = Invite(seat, self.target, role)
        self.error = self._reason(action)
        y += self.look.px(8)
        self._row(
            y,
            self.t("table.invite_confirm"),
            lambda: self._do(action),
            enabled=check(state, action) is None,
            primary=True,
        )
        self.note_y = y + self.look.px(70)
        self._back_row()

    # ================================================================= acting
    def _do(self, action) -> None:
        from game.ui.flow import advance

        reason = self.session.try_act(action)
        if reason is not None:
            self.error = reason.text(self.lang())
            self.rebuild()
            return
        self.banner = None
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

    def back(self) -> None:
        if self.step != "choose":
            self._cancel()

    def key(self, event) -> bool:
        if event.key == pygame.K_g and self.app.session.mode == "beamer":
            if not self.peek_warned:
                self.peek_warned = True
                self.info = self.t("table.peek_warning")
                return True
            self.peeking = True
            return True
        return super().key(event)

    def handle(self, event) -> bool:
        if event.type == pygame.KEYUP and event.key == pygame.K_g and self.peeking:
            self.peeking = False
            return True
        return super().handle(event)

    # ================================================================= time: bots and the turn timer
    def update(self, dt: float) -> bool:
        super().update(dt)
        if self.paused:
            return False
        session = self.session
        seat = session.current()
        redraw = False
        if seat >= 0 and session.is_bot(seat):
            self.bot_clock += dt
            delay = 0.0 if self.app.options.autoplay else BOT_DELAY
            if self.bot_clock >= delay:
                self.bot_clock = 0.0
                self._bot_move()
                redraw = True
        minutes = getattr(session, "timer_minutes", 0)
        if minutes and seat >= 0 and not session.is_bot(seat):
            if self.timer_left is None or self.timer_seat != (session.state.round, seat):
                self.timer_left = minutes * 60.0  # a fresh turn: the screen is reused from seat to seat
                self.timer_seat = (session.state.round, seat)
            before = self.timer_left
            self.timer_left = max(0.0, self.timer_left - dt)
            redraw = redraw or int(self.timer_left) != int(before)
            if before > 0 and self.timer_left == 0:  # the turn's time is up: say so once, with a soft click
                self.info = self.t("table.time_up", name=session.state.seats[seat].name)
                self.app.sounds.click()
                redraw = True
        return redraw

    def _bot_move(self) -> None:
        from game.ui.flow import advance

        session = self.session
        action, because = session.bot_move()
        seat = action.seat
        session.act(action, because)
        self.banner = (seat, because)
        if session.current() != seat:
            advance(self.app)
        elif self.app.stack and self.app.top is self:
            self.rebuild()

    def autoplay(self) -> None:
        """Human seats under --autoplay never exist (all seats are computers); nothing to do."""

    # ================================================================= drawing
    def draw(self, painter) -> None:
        c = painter.c
        painter.surface.fill(c["bg"])
        self._draw_top(painter)
        self._draw_municipality(painter)
        self._draw_seats(painter)
        self._draw_panel(painter)
        self._draw_bottom(painter)
        self.draw_widgets(painter)
        if self.peeking:
            self._draw_peek(painter)
        if self.step != "choose" and self.error:
            pass

    def _draw_top(self, painter) -> None:
        look = self.look
        state = self.state
        book = state.book
        content = book.content
        lang = self.lang()
        scenario = content.scenarios[book.setup.scenario]
        accent = hex_colour(scenario.color)
        pygame.draw.rect(painter.surface, accent, self.top_bar)
        size = min(look.px(64), self.top_bar.height - look.px(12))
        emblem_rect = pygame.Rect(look.px(20), (self.top_bar.height - size) // 2, size, size)
        pygame.draw.circle(painter.surface, (255, 255, 255), emblem_rect.center, size // 2 + look.px(4))
        painter.icon(book.setup.scenario, emblem_rect, "emblems")
        x = emblem_rect.right + look.px(16)
        years = book.base.years_per_round
        first_year = (state.round - 1) * years + 1
        title = f"{scenario.name.get(lang)} · {content.challenges[book.setup.challenge].name.get(lang)}"
        width = self.top_text_right - x
        large = line_height(look, "large", True)
        painter.text(pygame.Rect(x, look.px(8), width, large), title, "large", colour=(255, 255, 255), bold=True)
        sub = self.t(
            "table.round", round=state.round, rounds=book.setup.rounds, start=first_year, end=first_year + years - 1
        )
        if self.timer_left is not None:
            sub += "  ·  " + self.t("table.timer", m=int(self.timer_left) // 60, s=int(self.timer_left) % 60)
        painter.text(
            pygame.Rect(x, look.px(8) + large, width, self.top_bar.height - large - look.px(8)),
            sub,
            "body",
            colour=(255, 255, 255),
        )

    def _draw_municipality(self, painter) -> None:
        look = self.look
        state = self.state
        lang = self.lang()
        c = painter.c
        r = self.left
        painter.panel(r)
        pad = look.px(16)
        inner_w = r.width - 2 * pad
        body_b = line_height(look, "body", True)
        small = line_height(look, "small")
        y = r.top + pad
        painter.text(
            pygame.Rect(r.left + pad, y, inner_w, body_b), self.t("table.challenge_progress"), "body", bold=True
        )
        y += body_b + look.px(4)
        pct = f"{state.progress:.0f}%"
        pct_w = look.font("large", True).size("100%")[0]
        bar = pygame.Rect(r.left + pad, y + look.px(6), inner_w - pct_w - look.px(10), max(look.px(22), small // 2))
        painter.bar(bar, state.progress / 100, c["accent"])
        painter.text(
            pygame.Rect(r.right - pad - pct_w, y, pct_w, line_height(look, "large", True)),
            pct,
            "large",
            bold=True,
            align="right",
        )
        y += line_height(look, "large", True) + look.px(6)
        need_rect = pygame.Rect(r.left + pad, y, inner_w, 4 * small)
        need = self._need_text()
        if not painter.fits(need_rect, need, "small"):
            need = self._need_text(short=True)
        used = painter.text(need_rect, need, "small", colour=c["muted"], min_kind="tiny")
        y = used.bottom + look.px(14)
        painter.text(pygame.Rect(r.left + pad, y, inner_w, body_b), self.t("table.municipality"), "body", bold=True)
        y += body_b + look.px(4)
        colours = look.indicator_colours
        bar_h = max(look.px(12), small // 3)
        value_w = look.font("small", True).size("100")[0]
        for i, name in enumerate(INDICATORS):
            label = INDICATOR_NAMES[name][lang]
            painter.text(
                pygame.Rect(r.left + pad, y, inner_w - value_w - look.px(8), small),
                label.capitalize(),
                "small",
                min_kind="tiny",
            )
            painter.text(
                pygame.Rect(r.right - pad - value_w, y, value_w, small),
                str(state.ind[i]),
                "small",
                bold=True,
                align="right",
            )
            y += small + look.px(2)
            painter.bar(pygame.Rect(r.left + pad, y, inner_w, bar_h), state.ind[i] / 100, colours[name])
            y += bar_h + look.px(10)
        # this round's trends, as far as there is room
        if y + 2 * small < r.bottom - pad:
            painter.text(pygame.Rect(r.left + pad, y, inner_w, small), self.t("table.trends_now"), "small", bold=True)
            y += small
            for trend in state.current_trends():
                title = "• " + state.book.content.trends[trend].title.get(lang)
                box = pygame.Rect(r.left + pad, y, inner_w, r.bottom - pad - y)
                if box.height < small or not painter.fits(box, title, "small"):
                    break
                used = painter.text(box, title, "small")
                y = used.bottom + look.px(2)

    def _need_text(self, short: bool = False) -> str:
        state = self.state
        lang = self.lang()
        parts = []
        for i, res in enumerate(RESOURCES):
            n = state.need[i] + (state.hidden[i] if state.needs_known else 0)
            parts.append(f"{RESOURCE_NAMES[res][lang]} {n}")
        text = self.t("table.need", need=", ".join(parts))
        if not state.needs_known and any(state.hidden):
            text += " " + self.t("table.need_hidden_short" if short else "table.need_hidden")
        return text

    def _draw_seats(self, painter) -> None:
        look = self.look
        state = self.state
        lang = self.lang()
        c = painter.c
        n = len(state.seats)
        area = self.centre
        cols = 2 if n <= 4 else 3
        rows = (n + cols - 1) // cols
        gap = look.px(12)
        body_b = line_height(look, "body", True)
        small = line_height(look, "small")
        pad = look.px(10)
        card_h = pad * 2 + body_b + 3 * small + look.px(8)
        seats_h = min(rows * card_h + (rows - 1) * gap, int(area.height * 0.62))
        cw = (area.width - (cols - 1) * gap) // cols
        chh = (seats_h - (rows - 1) * gap) // rows
        turn = self.session.current()
        for i, seat in enumerate(state.seats):
            col, row = i % cols, i // cols
            rect = pygame.Rect(area.left + col * (cw + gap), area.top + row * (chh + gap), cw, chh)
            active = i == turn
            painter.panel(
                rect,
                fill=c["highlight"] if active else c["panel"],
                edge=c["focus"] if active else None,
                width=4 if active else 2,
            )
            icon = min(body_b + small, rect.height // 2)
            painter.icon(seat.role, pygame.Rect(rect.left + pad, rect.top + pad, icon, icon))
            role = state.book.content.roles[seat.role].name.get(lang)
            tag = f" · {self.t('table.computer')}" if self.session.is_bot(i) else ""
            tx = rect.left + pad + icon + look.px(8)
            tw = rect.right - pad - tx
            painter.text(pygame.Rect(tx, rect.top + pad, tw, body_b), seat.name, "body", bold=True)
            role_box = pygame.Rect(tx, rect.top + pad + body_b, tw, small)
            role_text = role + tag
            for candidate in (role + tag, role, role.split(" (")[0]):  # drop the extras until it fits
                role_text = candidate
                if painter.fits(role_box, candidate, "small", min_kind="tiny"):
                    break
            painter.text(role_box, role_text, "small", colour=c["muted"], min_kind="tiny")
            y = rect.top + pad + max(icon, body_b + small) + look.px(4)
            # resources: an icon and a number each, in one row
            cell = (rect.width - 2 * pad) // 4
            # the numbers must stay whole (two digits are common): the icons give way first
            number_w = max(look.font("small", True).size(str(v))[0] for v in seat.res) + look.px(2)
            ic = max(0, min(small, cell // 2, cell - number_w - look.px(4)))
            for k, res in enumerate(RESOURCES):
                x = rect.left + pad + k * cell
                painter.icon(res, pygame.Rect(x, y + (small - ic) // 2, ic, ic))
                painter.text(
                    pygame.Rect(x + ic + look.px(4), y, cell - ic - look.px(4), small),
                    str(seat.res[k]),
                    "small",
                    bold=True,
                    min_kind="tiny",
                )
            y += small + look.px(2)
            status = []
            if seat.coalition >= 0:
                role_name = COALITION_ROLE_NAMES[state.coalitions[seat.coalition].members[i]][lang]
                status.append(self.t("table.in_coalition", role=role_name))
            if active:
                status.append(self.t("table.ap", n=seat.ap))
            box = pygame.Rect(rect.left + pad, y, rect.width - 2 * pad, rect.bottom - pad - y)
            text = " · ".join(status)
            if status and box.height >= small and not painter.fits(box, text, "small", bold=True, min_kind="tiny"):
                text = status[-1]
            if status and box.height >= small and painter.fits(box, text, "small", bold=True, min_kind="tiny"):
                painter.text(box, text, "small", bold=True, min_kind="tiny")
        top = area.top + seats_h + gap
        self._draw_coalitions(painter, pygame.Rect(area.left, top, area.width, area.bottom - top))

    def _draw_trust(self, painter, box: pygame.Rect) -> int:
        """A small trust table at the foot of `box`; returns its top (or box.bottom when it does not fit)."""
        look = self.look
        state = self.state
        n = len(state.seats)
        small = line_height(look, "small")
        height = (n + 2) * small + look.px(8)
        if box.height < height + small:
            return box.bottom
        top = box.bottom - height
        fnt = look.font("small")
        names = [seat.name for seat in state.seats]
        name_w = min(max(fnt.size(name)[0] for name in names) + look.px(12), box.width // 3)
        cell = (box.width - name_w) // n
        if cell < fnt.size("10")[0] + look.px(6):
            return box.bottom
        threshold = state.book.criteria.trust_threshold
        title = self.t("table.trust_title", n=threshold)
        if not painter.fits(pygame.Rect(box.left, top, box.width, small), title, "small", bold=True):
            return box.bottom
        painter.text(pygame.Rect(box.left, top, box.width, small), title, "small", bold=True)
        head = top + small
        for j, name in enumerate(names):
            cell_rect = pygame.Rect(box.left + name_w + j * cell, head, cell - look.px(4), small)
            if not painter.fits(cell_rect, name, "small", min_kind="tiny"):
                name = name[:3]
            painter.text(cell_rect, name, "small", align="center", min_kind="tiny")
        for i, name in enumerate(names):
            y = head + (i + 1) * small
            painter.text(pygame.Rect(box.left, y, name_w, small), name, "small", min_kind="tiny")
            for j in range(n):
                if i == j:
                    continue
                value = state.trust[i][j]
                colour = painter.c["good"] if value >= threshold else painter.c["bad"]
                painter.text(
                    pygame.Rect(box.left + name_w + j * cell, y, cell - look.px(4), small),
                    str(value),
                    "small",
                    bold=True,
                    colour=colour,
                    align="center",
                )
        return top

    def _draw_coalitions(self, painter, box: pygame.Rect) -> None:
        look = self.look
        state = self.state
        lang = self.lang()
        c = painter.c
        painter.panel(box)
        pad = look.px(14)
        inner = box.inflate(-2 * pad, -2 * pad)
        trust_top = self._draw_trust(painter, inner)
        inner = pygame.Rect(inner.left, inner.top, inner.width, trust_top - inner.top - look.px(6))
        body_b = line_height(look, "body", True)
        y = inner.top
        painter.text(pygame.Rect(inner.left, y, inner.width, body_b), self.t("table.coalitions"), "body", bold=True)
        y += body_b + look.px(4)
        active = [co for co in state.coalitions if co.active]
        if not active:
            rest = pygame.Rect(inner.left, y, inner.width, inner.bottom - y)
            text = self.t("table.no_coalition")
            if painter.fits(rest, text, "small"):
                painter.text(rest, text, "small", colour=c["muted"])
            return
        kvds = {k.id: k for k in self._kvds()}
        for co in active:
            members = ", ".join(
                f"{state.seats[s].name} ({COALITION_ROLE_NAMES[r][lang]})" for s, r in co.members.items()
            )
            invited = ", ".join(state.seats[s].name for s in co.invites)
            pot = pot_with_bonus(state, co)
            problems = coalition_problems(state, co, pot)
            pot_text = self.t(
                "table.pot", pot=", ".join(f"{RESOURCE_NAMES[r][lang]} {pot[i]}" for i, r in enumerate(RESOURCES))
            )
            if problems:
                status, colour = self.t("table.not_vital_yet", why=problems[0].text(lang)), c["bad"]
            else:
                status, colour = self.t("table.vital_now"), c["good"]
            who = members + (" · " + self.t("table.invited", names=invited) if invited else "")
            # the most important first: who is in, and whether it is vital; the KVD when there is room
            for text, kind, bold, col in (
                (who, "small", True, c["ink"]),
                (f"{pot_text} — {status}", "small", True, colour),
                (f"“{kvds[co.kvd].text.get(lang)}”", "small", False, c["muted"]),
            ):
                rest = pygame.Rect(inner.left, y, inner.width, inner.bottom - y)
                if rest.height <= 0 or not painter.fits(rest, text, kind):
                    break
                used = painter.text(rest, text, kind, bold=bold, colour=col)
                y = used.bottom + look.px(4)
            y += look.px(8)

    def _draw_panel(self, painter) -> None:
        look = self.look
        state = self.state
        lang = self.lang()
        c = painter.c
        r = self.right
        painter.panel(r)
        pad = look.px(16)
        seat = self.session.current()
        if seat < 0:
            return
        me = state.seats[seat]
        inner_w = r.width - 2 * pad
        large = line_height(look, "large", True)
        small = line_height(look, "small")
        if self.session.is_bot(seat):
            text = self.t("table.bot_thinking", name=me.name)
            if self.banner is not None:
                bseat, because = self.banner
                text += "\n\n" + because.text(lang, state.seats[bseat].name)
            painter.text(pygame.Rect(r.left + pad, r.top + pad, inner_w, r.height - 2 * pad), text, "body", bold=False)
            return
        painter.text(
            pygame.Rect(r.left + pad, r.top + pad, inner_w, large),
            self.t("table.your_turn", name=me.name),
            "large",
            bold=True,
        )
        goal_rect = pygame.Rect(
            r.left + pad, r.top + pad + large, inner_w, self.action_top - r.top - pad - large - look.px(4)
        )
        goal_line = self._goal_line(seat)
        if not painter.fits(goal_rect, goal_line, "small"):
            goal_line = (
                self.t("table.goal_short", pct=int(goal_measure(state, seat) * 100))
                if not (self.session.mode == "beamer" and not self.peeking)
                else self.t("table.peek_short")
            )
        painter.text(goal_rect, goal_line, "small", colour=c["muted"])
        if self.step in ("invest", "offer", "propose", "invite"):
            for rect, label in getattr(self, "stepper_labels", []):
                painter.text(rect, label, "small", align="center", valign="middle")
            if self.step == "propose":
                kvd = self._kvds()[self.kvd_index % len(self._kvds())]
                painter.text(self.kvd_rect, f"“{kvd.text.get(lang)}”", "small", bold=True)
            note_y = getattr(self, "note_y", r.bottom - look.px(160))
            note_rect = pygame.Rect(r.left + pad, note_y, inner_w, self.back_top - note_y - look.px(6))
            note = self.error
            colour = c["bad"]
            if self.step == "invest":
                coalition = state.coalition_of(seat)
                if coalition is not None:
                    pot = pot_with_bonus(state, coalition)
                    missing = []
                    for i, res in enumerate(RESOURCES):
                        need = state.need[i] + (state.hidden[i] if state.needs_known else 0)
                        if need > pot[i]:
                            missing.append(f"{RESOURCE_NAMES[res][lang]} {need - pot[i]}")
                    hint = self.t("table.missing", what=", ".join(missing)) if missing else self.t("table.pot_full")
                else:
                    hint = self.t("table.invest_alone")
                note = f"{self.error} {hint}".strip()
                colour = c["muted"] if not self.error else c["bad"]
            if note and note_rect.height >= small:
                painter.text(note_rect, note, "small", colour=colour)
        elif self.step == "choose":
            self._draw_info(painter)
        elif self.error:
            painter.text(
                pygame.Rect(r.left + pad, self.back_top - 3 * small, inner_w, 3 * small),
                self.error,
                "small",
                colour=c["bad"],
            )

    def _draw_peek(self, painter) -> None:
        """Beamer mode, G held: the seat's private goal over the action panel, large."""
        seat = self.session.current()
        if seat < 0 or self.session.is_bot(seat):
            return
        state = self.state
        me = state.seats[seat]
        goal = state.book.goal(me.role, me.goal)
        r = self.right.inflate(-self.look.px(8), -self.look.px(8))
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

    def _active_row(self):
        """The action row under the mouse, else the one with the keyboard focus."""
        for btn, key in self.action_keys.items():
            if btn.alive() and getattr(btn, "hovered", False):
                return key
        if 0 <= self.focus_index < len(self.focus):
            return self.action_keys.get(self.focus[self.focus_index])
        return None

    def _draw_info(self, painter) -> None:
        """What the chosen action does and costs, or why it is not possible now."""
        rect = getattr(self, "info_rect", None)
        active = self._active_row()
        if rect is None or rect.height < line_height(self.look, "small") or active is None:
            if rect is None or rect.height < line_height(self.look, "small"):
                return
            if self.error:
                painter.text(rect, self.error, "small", colour=painter.c["bad"], min_kind="tiny")
            elif self.app.settings.hints and self.state.round == 1:
                hint = self.t("hint.round1")
                if painter.fits(rect, hint, "small"):
                    painter.text(rect, hint, "small", colour=painter.c["accent"])
            return
        key, probe = active
        lang = self.lang()
        book = self.state.book
        spec = book.actions.get(key) or book.kind_action.get(key)
        text = spec.description.get(lang) if spec else ""
        reason = check(self.state, probe)
        colour = painter.c["muted"]
        if reason is not None:
            text = self.t("table.not_possible", why=reason.text(lang))
            colour = painter.c["bad"]
        if self.error:
            text, colour = self.error, painter.c["bad"]
        if text:
            painter.text(rect, text, "small", colour=colour, min_kind="tiny")

    def _goal_line(self, seat: int) -> str:
        state = self.state
        me = state.seats[seat]
        if self.session.mode == "beamer" and not self.peeking:
            return self.t("table.goal_hidden_beamer")
        goal = state.book.goal(me.role, me.goal)
        pct = int(goal_measure(state, seat) * 100)
        return self.t("table.goal", goal=goal.text.get(self.lang()), pct=pct)

    def _draw_bottom(self, painter) -> None:
        look = self.look
        c = painter.c
        r = self.bottom_bar
        painter.panel(r, fill=c["panel"])
        pad = look.px(14)
        inner = r.inflate(-2 * pad, -look.px(12))
        lang = self.lang()
        head, changes = "", []
        if self.info:
            head = self.info
        elif self.banner is not None and self.session.lines:
            seat, because = self.banner
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
                extra = "; ".join(x.rstrip(".") for x in changes[:k])
                more = len(changes) - k
                candidate = head + (" " + extra + "." if extra else "")
                if more:
                    candidate += " " + self.t("table.more_changes", n=more)
                if painter.fits(inner, candidate, "body", min_kind=min_kind):
                    fitted = candidate
                    break
            if fitted is not None:
                text = fitted
                break
        painter.text(inner, text, "body", valign="middle", colour=c["bad"] if failed is not None else None)
