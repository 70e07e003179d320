"""The parameter steps of an action on the table's action panel: whom (a conversation, a signature with a
target), how much of what (invest, offer), which KVD and which role (propose, invite). Each step shows its
pickers, says why the chosen action is not possible yet, and has a confirm and a back button.
"""

from __future__ import annotations

import pygame

from game.engine import Conversation, Invest, Invite, Offer, Propose, Signature, check, goal_measure, option_of
from game.engine.reasons import Reason
from game.engine.vocabulary import COALITION_ROLES, RESOURCES
from game.export.draw import line_height, wrap
from game.ui.view import AppView
from game.words import coalition_role_name, person, reason_text, resource_name, role_word, say


def challenge_kvds(state) -> list:
    """The KVDs of the game's challenge (a coalition is proposed on one of them)."""
    return list(state.book.content.challenges[state.book.setup.challenge].kvds)


def role_about(state, role: str, lang: str, others: bool = True) -> str:
    """What a coalition role means, in a sentence or two: for the lead, what this future asks of whoever leads
    (the scenario's criteria); for the others (when `others`), that they share out the work."""
    text = say(f"coalition_role_about.{role}", lang)
    if role != "lead":
        return f"{text} {say('table.role_others', lang)}" if others else text
    crit = state.book.criteria
    rules = [Reason("crit_lead_role", **state.book.role_term(r)) for r in crit.lead_roles[:1]]
    rules += [Reason("crit_lead_forbidden", **state.book.role_term(r)) for r in crit.forbidden_lead_roles]
    for rule in rules:
        text += " " + say("table.role_here", lang, rule=reason_text(rule, lang))
    return text


def goal_short(view, seat: int, peeking: bool) -> str:
    """The goal line's short form, for an action panel without room for the whole of it (`view`: an AppView)."""
    if view.session.mode == "beamer" and not peeking:
        return view.t("table.peek_short")
    return view.t("table.goal_short", pct=int(goal_measure(view.state, seat) * 100))


def split_cost(label: str) -> tuple:
    """An action row's label as (name, " (cost)"): the cost is the last bracketed part (`table.costs`)."""
    name, bracket, cost = label.rpartition(" (")
    if bracket and label.endswith(")"):
        return name, f" ({cost}"
    return label, ""


class ActionPickers(AppView):
    """The pickers of the action panel's parameter steps and what they picked."""

    def __init__(self, panel) -> None:
        self.panel = panel  # the ActionPanel: its rows, its error line, the action it applies
        self.amounts = [0, 0, 0, 0]
        self.target = -1
        self.resource = 0
        self.kvd_index = 0
        self.role_index = 0
        # where the last build put things, for the drawing
        self.stepper_labels: list = []  # (rect, text) between each "−" and "+"
        self.kvd_rect = None  # where the proposed KVD's text goes
        self.kvd_text = ""  # the proposed KVD and whom it speaks to
        self.role_chosen = None  # the coalition role picked (propose, invite): the panel explains it
        self.note_y = None  # the top of the note under the confirm button
        self.title, self.title_rect = "", None  # a step's heading: the action it sets up

    @property
    def app(self):
        """The app."""
        return self.panel.app

    def reset(self) -> None:
        """A new step starts from nothing picked (the resource of an offer is remembered)."""
        self.amounts = [0, 0, 0, 0]
        self.target = -1
        self.kvd_index = 0
        self.role_index = 0
        self.role_chosen = None

    @property
    def right(self) -> pygame.Rect:
        """The action panel's rectangle."""
        return self.panel.right

    # ----------------------------------------------------------------- the steps
    def build_target(self, seat: int, y: int) -> None:
        """A button per other seat: its name, role and this seat's trust in it (one text size for all of
        them: the role's explanation, then the role go before the text shrinks)."""
        panel = self.panel
        state = self.state
        rows = []
        for other in panel.others(seat):
            o = state.seats[other]
            if panel.pending == "conversation":
                action = Conversation(seat, other)
            else:
                action = Signature(seat, panel.pending, other)
            who = person(o.name, state.book.content.roles.get(o.role), self.lang(), o.role)
            trust = f"{self.t('table.trust')} {state.trust[seat][other]}"
            labels = (f"{who} · {trust}", f"{o.name} · {trust}")
            rows.append((labels, action))
        texts, style = panel.one_size([labels for labels, _ in rows])
        for text, (_, action) in zip(texts, rows, strict=True):
            option = option_of(state, action)
            y = panel.row(y, text, lambda a=action: panel.act(a), enabled=option.possible, key=option, style=style)
        panel.back_row()

    def heading(self, seat: int, y: int) -> tuple:
        """A step's heading under the goal line that ends at `y`: which action it sets up, when the step's
        pickers fit under it too (with the goal line's short form, one line, when that makes the room).
        Returns (where the goal line ends, where the pickers begin)."""
        self.title, self.title_rect = "", None
        if self.panel.step == "choose":
            return y, y
        titled = self._title(y, seat)
        if titled is None and self._short_goal_fits():
            y -= line_height(self.look, "small")
            titled = self._title(y, seat)
        return y, titled if titled is not None else y

    def _title(self, y: int, seat: int):
        """The heading (the action's name and cost, or its name alone when that does not fit on a line;
        wrapped to two lines at most) at `y`: the y under it, or None when the pickers would not fit under it."""
        look = self.look
        panel = self.panel
        wanted = panel.pending if panel.step == "target" else {"confirm_leave": "leave"}.get(panel.step, panel.step)
        book = self.state.book
        spec = book.kind_action.get(wanted) or book.actions.get(wanted)  # a kind of move, or a role's own action
        if spec is None:
            return y
        label = panel._label(spec.name.get(self.lang()), panel._cost_text(spec.cost))
        fnt = look.font("body", True)
        width = self.right.width - look.px(32)
        if fnt.size(label)[0] > width:
            label = split_cost(label)[0]
        high = min(2, len(wrap(label, fnt, width))) * line_height(look, "body", True)
        back = line_height(look, "body", True) + look.px(30)  # the back button, as `back_row` lays it
        if y + high + look.px(6) + self.height(seat) > self.right.bottom - back:
            return None
        self.title = label
        self.title_rect = pygame.Rect(self.right.left + look.px(16), y, width, high)
        return self.title_rect.bottom + look.px(6)

    def _short_goal_fits(self) -> bool:
        """Whether the goal line's short form takes one line (the panel's painter falls back to it when the
        goal line has one line's room)."""
        short = goal_short(self, self.session.current(), peeking=False)
        return self.look.font("small").size(short)[0] <= self.right.width - self.look.px(32)

    def height(self, seat: int) -> int:
        """What the current step's pickers, its confirm button and two lines of its note take (the panel puts
        the step's heading above them only when there is room for both)."""
        look = self.look
        step = self.panel.step
        stepper = line_height(look, "body") + look.px(10) + look.px(4)  # as `_stepper` lays them
        confirm = look.px(8) + line_height(look, "body") + look.px(16) + look.px(10)
        note = 2 * line_height(look, "small")
        if step == "target":
            return len(self.panel.others(seat)) * (line_height(look, "body") + look.px(22))
        if step == "propose":
            lines = len(wrap(self.propose_words(0), look.font("small", True), self.right.width - look.px(32)))
            return 2 * stepper + lines * line_height(look, "small", True) + look.px(8) + confirm + note
        steppers = {"invest": len(RESOURCES), "offer": 3, "invite": 2}.get(step, 0)
        return steppers * stepper + confirm + note

    def propose_words(self, index: int) -> str:
        """The `index`th KVD of the challenge, quoted, and whom it speaks to."""
        lang = self.lang()
        choices = challenge_kvds(self.state)
        kvd = choices[index % len(choices)]
        roles = self.state.book.content.roles
        names = [role_word(roles.get(r), lang, r) for r in kvd.appeal]
        appeal = self.t("table.kvd_appeal", roles=", ".join(names))
        return f"“{kvd.text.get(lang)}”\n{appeal}"

    def _stepper(self, y: int, label: str, minus, plus, choice: bool = False) -> int:
        """A picker at `y`: its label between two buttons, "−" and "+" for an amount, "‹" and "›" for a
        `choice` (a person, a resource, a goal, a role: as the setup screen cycles its choices)."""
        look = self.look
        hgt = line_height(look, "body") + look.px(10)
        bw = max(look.px(64), hgt)
        x = self.right.left + look.px(14)
        back, on = ("‹", "›") if choice else ("−", "+")
        self.panel.button(pygame.Rect(x, y, bw, hgt), back, minus)
        self.panel.button(pygame.Rect(self.right.right - look.px(14) - bw, y, bw, hgt), on, plus)
        self.stepper_labels.append(
            (pygame.Rect(x + bw + look.px(8), y, self.right.width - 2 * bw - look.px(44), hgt), label)
        )
        return y + hgt + look.px(4)

    def _confirm(self, y: int, text: str, action) -> None:
        """The confirm button of a step, the note's place under it and the back button."""
        panel = self.panel
        y += self.look.px(8)
        y = panel.row(
            y,
            text,
            lambda: panel.act(action),
            enabled=check(self.state, action) is None,
            primary=True,
        )
        self.note_y = y + self.look.px(4)
        panel.back_row()

    def build_invest(self, seat: int, y: int) -> None:
        me = self.state.seats[seat]
        self.stepper_labels = []
        lang = self.lang()
        for i, res in enumerate(RESOURCES):
            label = f"{resource_name(res, lang)}: {self.amounts[i]}  ({self.t('table.you_have', n=me.res[i])})"
            y = self._stepper(y, label, lambda i=i: self._amount(i, -1), lambda i=i: self._amount(i, +1, me.res[i]))
        action = Invest(seat, tuple(self.amounts))
        self.panel.error = self.panel.reason(action) if any(self.amounts) else ""
        self._confirm(y, self.t("table.invest_confirm"), action)

    def _amount(self, i: int, delta: int, have: int = 99) -> None:
        self.amounts[i] = max(0, min(have, self.amounts[i] + delta))
        self.panel.rebuild()

    def build_offer(self, seat: int, y: int) -> None:
        state = self.state
        me = state.seats[seat]
        lang = self.lang()
        self.stepper_labels = []
        others = self.panel.others(seat)
        if self.target not in others:
            self.target = others[0]
        o = state.seats[self.target]
        y = self._stepper(
            y,
            f"{self.t('table.to')}: {o.name}",
            lambda: self._cycle_target(-1, others),
            lambda: self._cycle_target(1, others),
            choice=True,
        )
        have = self.t("table.you_have", n=me.res[self.resource])
        y = self._stepper(
            y,
            f"{self.t('table.what')}: {resource_name(RESOURCES[self.resource], lang)} ({have})",
            lambda: self._cycle_resource(-1),
            lambda: self._cycle_resource(1),
            choice=True,
        )
        amount = max(1, self.amounts[0])
        y = self._stepper(
            y,
            f"{self.t('table.amount')}: {amount}",
            lambda: self._amount(0, -1),
            lambda: self._amount(0, 1, state.book.base.offer_max),
        )
        action = Offer(seat, self.target, self.resource, amount)
        self.panel.error = self.panel.reason(action)
        self._confirm(y, self.t("table.offer_confirm"), action)

    def _cycle_target(self, step: int, options: list) -> None:
        self.target = (
            options[(options.index(self.target) + step) % len(options)] if self.target in options else options[0]
        )
        self.panel.rebuild()

    def _cycle_resource(self, step: int) -> None:
        self.resource = (self.resource + step) % len(RESOURCES)
        self.panel.rebuild()

    def build_propose(self, seat: int, y: int) -> None:
        lang = self.lang()
        self.stepper_labels = []
        choices = challenge_kvds(self.state)
        self.kvd_index %= len(choices)
        y = self._stepper(
            y,
            self.t("table.goal_n", n=self.kvd_index + 1, of=len(choices)),
            lambda: self._cycle("kvd_index", -1, len(choices)),
            lambda: self._cycle("kvd_index", 1, len(choices)),
            choice=True,
        )
        self.kvd_text = self.propose_words(self.kvd_index)
        width = self.right.width - self.look.px(32)
        lines = len(wrap(self.kvd_text, self.look.font("small", True), width))
        self.kvd_rect = pygame.Rect(  # as high as the KVD and whom it speaks to need
            self.right.left + self.look.px(16), y, width, lines * line_height(self.look, "small", True)
        )
        y = self.kvd_rect.bottom + self.look.px(8)
        role = self.role_chosen = COALITION_ROLES[self.role_index % len(COALITION_ROLES)]
        y = self._stepper(
            y,
            f"{self.t('table.your_role')}: {coalition_role_name(role, lang)}",
            lambda: self._cycle("role_index", -1, 5),
            lambda: self._cycle("role_index", 1, 5),
            choice=True,
        )
        action = Propose(seat, choices[self.kvd_index].id, role)
        self.panel.error = self.panel.reason(action)
        self._confirm(y, self.t("table.propose_confirm"), action)

    def _cycle(self, field: str, step: int, n: int) -> None:
        setattr(self, field, (getattr(self, field) + step) % n)
        self.panel.rebuild()

    def build_invite(self, seat: int, y: int) -> None:
        state = self.state
        lang = self.lang()
        self.stepper_labels = []
        self.role_chosen = None
        c = state.coalition_of(seat)
        free = [
            o for o in self.panel.others(seat) if state.seats[o].coalition < 0 and (c is None or o not in c.invites)
        ]
        roles = [
            r for r in COALITION_ROLES if c is None or (r not in c.members.values() and r not in c.invites.values())
        ]
        if not free or not roles:
            self.panel.error = self.t("table.nobody_to_invite")
            self.note_y = y
            self.panel.back_row()
            return
        if self.target not in free:
            self.target = free[0]
        o = state.seats[self.target]
        y = self._stepper(
            y,
            f"{self.t('table.who')}: {o.name}",
            lambda: self._cycle_target(-1, free),
            lambda: self._cycle_target(1, free),
            choice=True,
        )
        role = self.role_chosen = roles[self.role_index % len(roles)]
        y = self._stepper(
            y,
            f"{self.t('table.as_role')}: {coalition_role_name(role, lang)}",
            lambda: self._cycle("role_index", -1, len(roles)),
            lambda: self._cycle("role_index", 1, len(roles)),
            choice=True,
        )
        action = Invite(seat, self.target, role)
        self.panel.error = self.panel.reason(action)
        self._confirm(y, self.t("table.invite_confirm"), action)
