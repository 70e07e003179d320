"""The table: the municipality's indicators, the seats, the coalitions, and the action panel of the seat
whose turn it is. Computer seats play here too, one visible move at a time with their reason.
"""

from __future__ import annotations

import pygame

from game.content.models import COALITION_ROLES, INDICATORS, RESOURCES
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
from game.engine.words import COALITION_ROLE_NAMES, INDICATOR_NAMES, RESOURCE_NAMES
from game.ui.scene import Scene
from game.ui.theme import ROLE_COLOURS, hex_colour

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
        w, h = self.app.window.get_size()
        look = self.look
        m = look.px(24)
        self.top_bar = pygame.Rect(0, 0, w, look.px(86))
        body_top = self.top_bar.bottom + m
        self.bottom_bar = pygame.Rect(m, h - look.px(118) - m, w - 2 * m, look.px(118))
        body_h = self.bottom_bar.top - m - body_top
        self.left = pygame.Rect(m, body_top, int(w * 0.25), body_h)
        self.right = pygame.Rect(w - m - int(w * 0.30), body_top, int(w * 0.30), body_h)
        self.centre = pygame.Rect(self.left.right + m, body_top, self.right.left - self.left.right - 2 * m, body_h)
        bw = look.px(190)
        self.button(pygame.Rect(w - m - bw, look.px(14), bw, look.px(58)), self.t("table.help"),
                    self._help, focusable=False)
        self.button(pygame.Rect(w - 2 * m - 2 * bw, look.px(14), bw, look.px(58)), self.t("table.facilitator"),
                    self._facilitator, focusable=False)
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
    def _row(self, y: int, text: str, callback, enabled=True, primary=False, height=None) -> int:
        look = self.look
        hgt = height or look.px(56)
        rect = pygame.Rect(self.right.left + look.px(16), y, self.right.width - look.px(32), hgt)
        self.button(rect, text, callback, "@primary" if primary else "@choice", enabled=enabled)
        return y + hgt + look.px(8)

    def _build_actions(self, seat: int) -> None:
        look = self.look
        y = self.right.top + look.px(118)
        self.action_top = y
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
        state = self.state
        book = state.book
        me = state.seats[seat]
        t = self.t
        lang = self.lang()
        bottom = self.right.bottom - self.look.px(80)
        rows = []
        # invitations first: they are answered on the invitee's own turn
        for cid, c in enumerate(state.coalitions):
            if seat in c.invites and c.active:
                lead = c.lead()
                who = state.seats[lead].name if lead is not None else "?"
                role = COALITION_ROLE_NAMES[c.invites[seat]][lang]
                rows.append((t("table.accept", name=who, role=role), lambda cid=cid: self._do(Accept(seat, cid)), check(state, Accept(seat, cid)) is None, "accept"))
                rows.append((t("table.decline", name=who), lambda cid=cid: self._do(Decline(seat, cid)), True, "decline"))
        generic = [
            ("invest", lambda: self._begin("invest"), Invest(seat, (1, 0, 0, 0)) if any(me.res) else Invest(seat, (0, 0, 0, 0))),
            ("conversation", lambda: self._begin("target", "conversation"), Conversation(seat, self._others(seat)[0])),
            ("build_facts", lambda: self._do(BuildFacts(seat)), BuildFacts(seat)),
            ("offer", lambda: self._begin("offer"), Offer(seat, self._others(seat)[0], max(range(4), key=lambda i: me.res[i]), 1)),
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
            rows.append((self._label(self._spec_name_kind(action_id), cost, probe), callback, check(state, probe) is None, action_id))
        for trend in state.current_trends():
            if trend in book.opportunities and trend not in state.seized:
                title = book.content.trends[trend].title.get(lang)
                probe = Seize(seat, trend)
                cost = self._cost_text(book.opportunities[trend][0])
                rows.append((self._label(t("table.seize", title=title), cost, probe), lambda p=probe: self._do(p), check(state, probe) is None, "seize_opportunity"))
        for spec in book.signatures.get(me.role, ()):
            if spec.target:
                probe = Signature(seat, spec.id, self._others(seat)[0])
                callback = lambda sid=spec.id: self._begin("target", sid)
            else:
                probe = Signature(seat, spec.id)
                callback = lambda p=probe: self._do(p)
            rows.append((self._label(spec.name.get(lang), self._cost_text(spec.cost), probe), callback, check(state, probe) is None, spec.id))
        self.row_info = {}
        row_h = self.look.px(52)
        gap = self.look.px(6)
        available = bottom - y
        if rows and len(rows) * (row_h + gap) > available:
            row_h = max(self.look.size("body") + self.look.px(14), available // len(rows) - gap)
        for text, callback, enabled, key in rows:
            btn_y = y
            y = self._row(y, text, callback, enabled=enabled, height=row_h)
            self.row_info[btn_y] = key
        self._row(self.right.bottom - self.look.px(72), t("table.end_turn"), lambda: self._do(EndTurn(seat)), primary=True, height=self.look.px(60))

    def _spec_name_kind(self, kind: str) -> str:
        spec = self.state.book.kind_action.get(kind)
        return spec.name.get(self.lang()) if spec else kind

    def _label(self, name: str, cost: str, probe) -> str:
        reason = check(self.state, probe)
        if reason is not None:
            return f"{name} — {reason.text(self.lang())}"
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
            label = f"{o.name} ({role}) · {self.t('table.trust')} {state.trust[seat][other]}"
            y = self._row(y, self._label(label, "", action), lambda a=action: self._do(a), enabled=check(state, action) is None)
        self._row(self.right.bottom - self.look.px(72), self.t("common.back"), self._cancel, height=self.look.px(60))

    def _stepper(self, y: int, label: str, minus, plus) -> int:
        look = self.look
        bw = look.px(64)
        hgt = look.px(54)
        x = self.right.left + look.px(16)
        self.button(pygame.Rect(x, y, bw, hgt), "−", minus)
        self.button(pygame.Rect(self.right.right - look.px(16) - bw, y, bw, hgt), "+", plus)
        self.stepper_labels.append((pygame.Rect(x + bw + look.px(8), y, self.right.width - 2 * bw - look.px(48), hgt), label))
        return y + hgt + look.px(8)

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
        self._row(y, self.t("table.invest_confirm"), lambda: self._do(action), enabled=check(self.state, action) is None, primary=True)
        self.note_y = y + self.look.px(70)
        self._row(self.right.bottom - self.look.px(72), self.t("common.back"), self._cancel, height=self.look.px(60))

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
        y = self._stepper(y, f"{self.t('table.to')}: {o.name}", lambda: self._cycle_target(-1, others), lambda: self._cycle_target(1, others))
        y = self._stepper(y, f"{RESOURCE_NAMES[RESOURCES[self.resource]][lang]} ({self.t('table.you_have', n=me.res[self.resource])})",
                          lambda: self._cycle_resource(-1), lambda: self._cycle_resource(1))
        amount = max(1, self.amounts[0])
        y = self._stepper(y, f"{self.t('table.amount')}: {amount}", lambda: self._amount(0, -1), lambda: self._amount(0, 1, state.book.base.offer_max))
        action = Offer(seat, self.target, self.resource, amount)
        self.error = self._reason(action)
        y += self.look.px(8)
        self._row(y, self.t("table.offer_confirm"), lambda: self._do(action), enabled=check(state, action) is None, primary=True)
        self.note_y = y + self.look.px(70)
        self._row(self.right.bottom - self.look.px(72), self.t("common.back"), self._cancel, height=self.look.px(60))

    def _cycle_target(self, step: int, options: list) -> None:
        self.target = options[(options.index(self.target) + step) % len(options)] if self.target in options else options[0]
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
        y = self._stepper(y, self.t("table.goal_n", n=self.kvd_index + 1, of=len(kvds)), lambda: self._cycle("kvd_index", -1, len(kvds)), lambda: self._cycle("kvd_index", 1, len(kvds)))
        self.kvd_rect = pygame.Rect(self.right.left + self.look.px(16), y, self.right.width - self.look.px(32), self.look.px(150))
        y = self.kvd_rect.bottom + self.look.px(8)
        role = COALITION_ROLES[self.role_index % len(COALITION_ROLES)]
        y = self._stepper(y, f"{self.t('table.your_role')}: {COALITION_ROLE_NAMES[role][lang]}", lambda: self._cycle("role_index", -1, 5), lambda: self._cycle("role_index", 1, 5))
        action = Propose(seat, kvds[self.kvd_index].id, role)
        self.error = self._reason(action)
        y += self.look.px(8)
        self._row(y, self.t("table.propose_confirm"), lambda: self._do(action), enabled=check(self.state, action) is None, primary=True)
        self.note_y = y + self.look.px(70)
        self._row(self.right.bottom - self.look.px(72), self.t("common.back"), self._cancel, height=self.look.px(60))

    def _cycle(self, field: str, step: int, n: int) -> None:
        setattr(self, field, (getattr(self, field) + step) % n)
        self.rebuild()

    def _build_invite(self, seat: int, y: int) -> None:
        state = self.state
        lang = self.lang()
        self.stepper_labels = []
        c = state.coalition_of(seat)
        free = [o for o in self._others(seat) if state.seats[o].coalition < 0 and (c is None or o not in c.invites)]
        roles = [r for r in COALITION_ROLES if c is None or (r not in c.members.values() and r not in c.invites.values())]
        if not free or not roles:
            self.error = self.t("table.nobody_to_invite")
            self._row(self.right.bottom - self.look.px(72), self.t("common.back"), self._cancel, height=self.look.px(60))
            return
        if self.target not in free:
            self.target = free[0]
        o = state.seats[self.target]
        y = self._stepper(y, f"{self.t('table.who')}: {o.name}", lambda: self._cycle_target(-1, free), lambda: self._cycle_target(1, free))
        role = roles[self.role_index % len(roles)]
        y = self._stepper(y, f"{self.t('table.as_role')}: {COALITION_ROLE_NAMES[role][lang]}", lambda: self._cycle("role_index", -1, len(roles)), lambda: self._cycle("role_index", 1, len(roles)))
        action = Invite(seat, self.target, role)
        self.error = self._reason(action)
        y += self.look.px(8)
        self._row(y, self.t("table.invite_confirm"), lambda: self._do(action), enabled=check(state, action) is None, primary=True)
        self.note_y = y + self.look.px(70)
        self._row(self.right.bottom - self.look.px(72), self.t("common.back"), self._cancel, height=self.look.px(60))

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
            if self.timer_left is None:
                self.timer_left = minutes * 60.0
            before = int(self.timer_left)
            self.timer_left = max(0.0, self.timer_left - dt)
            redraw = redraw or int(self.timer_left) != before
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
        size = look.px(64)
        emblem_rect = pygame.Rect(look.px(20), (self.top_bar.height - size) // 2, size, size)
        pygame.draw.circle(painter.surface, (255, 255, 255), emblem_rect.center, size // 2 + look.px(4))
        painter.icon(book.setup.scenario, emblem_rect, "emblems")
        x = emblem_rect.right + look.px(16)
        years = book.base.years_per_round
        first_year = (state.round - 1) * years + 1
        title = f"{scenario.name.get(lang)} · {content.challenges[book.setup.challenge].name.get(lang)}"
        right_limit = self.top_bar.right - look.px(460)
        painter.text(pygame.Rect(x, look.px(8), right_limit - x, look.px(40)), title, "large", colour=(255, 255, 255), bold=True)
        sub = self.t("table.round", round=state.round, rounds=book.setup.rounds, start=first_year, end=first_year + years - 1)
        if self.timer_left is not None:
            sub += "  ·  " + self.t("table.timer", m=int(self.timer_left) // 60, s=int(self.timer_left) % 60)
        painter.text(pygame.Rect(x, look.px(46), right_limit - x, look.px(36)), sub, "body", colour=(255, 255, 255))

    def _draw_municipality(self, painter) -> None:
        look = self.look
        state = self.state
        lang = self.lang()
        c = painter.c
        r = self.left
        painter.panel(r)
        pad = look.px(18)
        y = r.top + pad
        painter.text(pygame.Rect(r.left + pad, y, r.width - 2 * pad, look.px(44)), self.t("table.challenge_progress"), "body", bold=True)
        y += look.px(44)
        bar = pygame.Rect(r.left + pad, y, r.width - 2 * pad - look.px(90), look.px(30))
        painter.bar(bar, state.progress / 100, c["accent"])
        painter.text(pygame.Rect(bar.right + look.px(8), y - look.px(4), look.px(84), look.px(40)), f"{state.progress:.0f}%", "large", bold=True, align="right")
        y += look.px(48)
        need = self._need_text()
        used = painter.text(pygame.Rect(r.left + pad, y, r.width - 2 * pad, look.px(90)), need, "small", colour=c["muted"])
        y = used.bottom + look.px(16)
        painter.text(pygame.Rect(r.left + pad, y, r.width - 2 * pad, look.px(40)), self.t("table.municipality"), "body", bold=True)
        y += look.px(42)
        colours = look.indicator_colours
        for i, name in enumerate(INDICATORS):
            label = INDICATOR_NAMES[name][lang]
            painter.text(pygame.Rect(r.left + pad, y, r.width - 2 * pad - look.px(60), look.px(34)), label.capitalize(), "small")
            painter.text(pygame.Rect(r.right - pad - look.px(60), y, look.px(60), look.px(34)), str(state.ind[i]), "small", bold=True, align="right")
            y += look.px(32)
            painter.bar(pygame.Rect(r.left + pad, y, r.width - 2 * pad, look.px(16)), state.ind[i] / 100, colours[name])
            y += look.px(30)
        # this round's trends
        y += look.px(6)
        if y < r.bottom - look.px(80):
            painter.text(pygame.Rect(r.left + pad, y, r.width - 2 * pad, look.px(36)), self.t("table.trends_now"), "small", bold=True)
            y += look.px(36)
            for trend in state.current_trends():
                title = state.book.content.trends[trend].title.get(lang)
                used = painter.text(pygame.Rect(r.left + pad, y, r.width - 2 * pad, max(look.px(30), r.bottom - pad - y)), "• " + title, "small")
                y = used.bottom + look.px(4)
                if y > r.bottom - look.px(40):
                    break

    def _need_text(self) -> str:
        state = self.state
        lang = self.lang()
        parts = []
        for i, res in enumerate(RESOURCES):
            n = state.need[i] + (state.hidden[i] if state.needs_known else 0)
            parts.append(f"{RESOURCE_NAMES[res][lang]} {n}")
        text = self.t("table.need", need=", ".join(parts))
        if not state.needs_known and any(state.hidden):
            text += " " + self.t("table.need_hidden")
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
        seats_h = int(area.height * (0.56 if n <= 4 else 0.60))
        gap = look.px(14)
        cw = (area.width - (cols - 1) * gap) // cols
        chh = (seats_h - (rows - 1) * gap) // rows
        turn = self.session.current()
        for i, seat in enumerate(state.seats):
            col, row = i % cols, i // cols
            rect = pygame.Rect(area.left + col * (cw + gap), area.top + row * (chh + gap), cw, chh)
            active = i == turn
            painter.panel(rect, fill=c["highlight"] if active else c["panel"], edge=c["focus"] if active else None, width=4 if active else 2)
            pad = look.px(12)
            icon = min(look.px(64), chh // 3)
            painter.icon(seat.role, pygame.Rect(rect.left + pad, rect.top + pad, icon, icon))
            role = state.book.content.roles[seat.role].name.get(lang)
            tag = f" · {self.t('table.computer')}" if self.session.is_bot(i) else ""
            tx = rect.left + pad + icon + look.px(10)
            painter.text(pygame.Rect(tx, rect.top + pad, rect.right - pad - tx, look.px(34)), seat.name, "body", bold=True)
            painter.text(pygame.Rect(tx, rect.top + pad + look.px(32), rect.right - pad - tx, look.px(30)), role + tag, "small", colour=c["muted"])
            y = rect.top + pad + max(icon, look.px(64)) + look.px(6)
            res_w = (rect.width - 2 * pad) // 2
            for k, res in enumerate(RESOURCES):
                x = rect.left + pad + (k % 2) * res_w
                yy = y + (k // 2) * look.px(32)
                if yy + look.px(30) > rect.bottom - pad:
                    break
                painter.icon(res, pygame.Rect(x, yy + look.px(2), look.px(26), look.px(26)))
                painter.text(pygame.Rect(x + look.px(32), yy, res_w - look.px(36), look.px(30)), f"{RESOURCE_NAMES[res][lang]} {seat.res[k]}", "small")
            y += 2 * look.px(32) + look.px(4)
            status = []
            if seat.coalition >= 0:
                role_name = COALITION_ROLE_NAMES[state.coalitions[seat.coalition].members[i]][lang]
                status.append(self.t("table.in_coalition", role=role_name))
            if active:
                status.append(self.t("table.ap", n=seat.ap))
            if status and y < rect.bottom - look.px(28):
                painter.text(pygame.Rect(rect.left + pad, y, rect.width - 2 * pad, rect.bottom - pad - y), " · ".join(status), "small", bold=True)
        # coalitions under the seats
        top = area.top + seats_h + gap
        box = pygame.Rect(area.left, top, area.width, area.bottom - top)
        self._draw_coalitions(painter, box)

    def _draw_coalitions(self, painter, box: pygame.Rect) -> None:
        look = self.look
        state = self.state
        lang = self.lang()
        c = painter.c
        painter.panel(box)
        pad = look.px(16)
        y = box.top + pad
        painter.text(pygame.Rect(box.left + pad, y, box.width - 2 * pad, look.px(38)), self.t("table.coalitions"), "body", bold=True)
        y += look.px(40)
        active = [co for co in state.coalitions if co.active]
        if not active:
            painter.text(pygame.Rect(box.left + pad, y, box.width - 2 * pad, box.bottom - pad - y), self.t("table.no_coalition"), "small", colour=c["muted"])
            return
        kvds = {k.id: k for k in self._kvds()}
        for co in active:
            if y > box.bottom - look.px(60):
                break
            members = ", ".join(f"{state.seats[s].name} ({COALITION_ROLE_NAMES[r][lang]})" for s, r in co.members.items())
            invited = ", ".join(state.seats[s].name for s in co.invites)
            text = f"“{kvds[co.kvd].text.get(lang)}” — {members}"
            if invited:
                text += " · " + self.t("table.invited", names=invited)
            used = painter.text(pygame.Rect(box.left + pad, y, box.width - 2 * pad, look.px(96)), text, "small")
            y = used.bottom + look.px(6)
            pot = pot_with_bonus(state, co)
            problems = coalition_problems(state, co, pot)
            pot_text = self.t("table.pot", pot=", ".join(f"{RESOURCE_NAMES[r][lang]} {pot[i]}" for i, r in enumerate(RESOURCES)))
            if problems:
                status = self.t("table.not_vital_yet", why=problems[0].text(lang))
                colour = c["bad"]
            else:
                status = self.t("table.vital_now")
                colour = c["good"]
            used = painter.text(pygame.Rect(box.left + pad, y, box.width - 2 * pad, max(look.px(30), box.bottom - pad - y)), f"{pot_text} — {status}", "small", colour=colour, bold=True)
            y = used.bottom + look.px(12)

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
        if self.session.is_bot(seat):
            painter.text(pygame.Rect(r.left + pad, r.top + pad, r.width - 2 * pad, look.px(90)), self.t("table.bot_thinking", name=me.name), "body", bold=True)
            return
        painter.text(pygame.Rect(r.left + pad, r.top + pad, r.width - 2 * pad, look.px(44)), self.t("table.your_turn", name=me.name), "large", bold=True)
        goal_line = self._goal_line(seat)
        painter.text(pygame.Rect(r.left + pad, r.top + pad + look.px(46), r.width - 2 * pad, look.px(56)), goal_line, "small", colour=c["muted"])
        if self.step in ("invest", "offer", "propose", "invite"):
            for rect, label in getattr(self, "stepper_labels", []):
                painter.text(rect, label, "small", align="center", valign="middle")
            if self.step == "propose":
                kvd = self._kvds()[self.kvd_index % len(self._kvds())]
                painter.text(self.kvd_rect, f"“{kvd.text.get(lang)}”", "small", bold=True)
            note_y = getattr(self, "note_y", r.bottom - look.px(160))
            if self.step == "invest":
                coalition = state.coalition_of(seat)
                if coalition is not None:
                    pot = pot_with_bonus(state, coalition)
                    missing = []
                    for i, res in enumerate(RESOURCES):
                        need = state.need[i] + (state.hidden[i] if state.needs_known else 0)
                        if need > pot[i]:
                            missing.append(f"{RESOURCE_NAMES[res][lang]} {need - pot[i]}")
                    note = self.t("table.missing", what=", ".join(missing)) if missing else self.t("table.pot_full")
                else:
                    note = self.t("table.invest_alone")
                if self.error:
                    note = self.error + " " + note
                painter.text(pygame.Rect(r.left + pad, note_y, r.width - 2 * pad, r.bottom - look.px(84) - note_y), note, "small", colour=c["muted"])
            elif self.error:
                painter.text(pygame.Rect(r.left + pad, note_y, r.width - 2 * pad, r.bottom - look.px(84) - note_y), self.error, "small", colour=c["bad"])
        elif self.step == "choose" and self.error:
            painter.text(pygame.Rect(r.left + pad, r.bottom - look.px(150), r.width - 2 * pad, look.px(70)), self.error, "small", colour=c["bad"])

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
        pad = look.px(16)
        inner = pygame.Rect(r.left + pad, r.top + look.px(10), r.width - 2 * pad, r.height - look.px(20))
        lang = self.lang()
        text = ""
        if self.info:
            text = self.info
        elif self.banner is not None:
            seat, because = self.banner
            name = self.state.seats[seat].name
            line = self.session.lines[-1] if self.session.lines else None
            told = line.told(lang).headline if line else ""
            text = f"{because.text(lang, name)} {told}"
        elif self.session.lines:
            text = self.session.lines[-1].told(lang).text()
        if self.app.settings.hints and self.state.round == 1 and not text:
            text = self.t("hint.round1")
        if not text:
            text = self.t("table.keys")
        painter.text(inner, text, "body", valign="middle")
