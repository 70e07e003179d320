"""The table's seat cards, in the centre above the coalitions: each seat's icon, name, role (and whether a
computer plays it), resources, and its status (its coalition role, its action points, or for a moment what the
last move changed). Each kind of words has one size on all the cards, so that cards side by side match.
"""

from __future__ import annotations

import pygame

from game.engine.vocabulary import RESOURCES
from game.export.draw import line_height
from game.words import capital, coalition_role_name, resource_name, role_word, signed

from .table_actors import Painting
from .table_coalitions import role_tip
from .table_layout import centre_split


class SeatsPainter(Painting):
    """The seat cards."""

    def draw(self, painter) -> None:
        """The centre: a card per seat (each kind of words in one size on all the cards)."""
        look = self.look
        state = self.state
        c = painter.c
        body_b = line_height(look, "body", True)
        small = line_height(look, "small")
        pad = look.px(10)
        cards, _ = centre_split(look, self.layout, len(state.seats))
        turn = self.session.current()
        words = self.card_words(painter, cards)
        icons = self.icon_sizes(painter, cards)
        for i, (seat, rect) in enumerate(zip(state.seats, cards, strict=True)):
            active = i == turn
            painter.panel(
                rect,
                fill=c["highlight"] if active else c["panel"],
                edge=c["focus"] if active else None,
                width=4 if active else 2,
            )
            icon = icons[i]
            if icon:
                box = pygame.Rect(rect.left + pad, rect.top + pad, icon, icon)
                painter.role_icon(state.book.content, seat.role, box)
            role_text, name_tag, role_kind, status, status_kind = words[i]
            name_box, role_box = self.card_lines(rect, icon)
            used = painter.text(name_box, seat.name, "body", bold=True)
            if name_tag:  # "· computer", after the name where the role line has no room for it
                tag_box = pygame.Rect(used.right + look.px(8), name_box.top, name_box.right - used.right, body_b)
                painter.text(tag_box, name_tag, "small", colour=c["muted"], valign="middle")
            painter.text(role_box, role_text, role_kind, colour=c["muted"], min_kind=role_kind)
            y = rect.top + pad + max(icon, body_b + small) + look.px(4)
            self.draw_resources(painter, i, pygame.Rect(rect.left + pad, y, rect.width - 2 * pad, small))
            y += small + look.px(2)
            box = pygame.Rect(rect.left + pad, y, rect.width - 2 * pad, rect.bottom - pad - y)
            changed = self.deltas.seat_resources(i)
            if changed and box.height >= small:  # for a moment, the status line says what the last move changed
                lang = self.lang()
                said = ", ".join(f"{resource_name(RESOURCES[k], lang)} {signed(d, lang)}" for k, d in changed)
                if painter.fits(box, said, "small", bold=True, min_kind="tiny"):
                    signs = {d > 0 for _, d in changed}
                    colour = c["accent"] if len(signs) > 1 else c["good"] if True in signs else c["bad"]
                    painter.text(box, said, "small", bold=True, colour=colour, min_kind="tiny")
                    status = ""
            if status and box.height >= small:
                painter.text(box, status, status_kind, bold=True, min_kind=status_kind)
            if seat.coalition >= 0:
                painter.tip(box, role_tip(state, i, self.lang()))

    def icon_sizes(self, painter, cards: list) -> list:
        """Per card, its role icon's size: as tall as the name and role lines, smaller (or none, on every card
        alike) when a narrow card would otherwise cut a role's name even in tiny letters."""
        look = self.look
        state = self.state
        lang = self.lang()
        body_b, small = line_height(look, "body", True), line_height(look, "small")
        roles = [role_word(state.book.content.roles.get(seat.role), lang, seat.role) for seat in state.seats]
        for size in (body_b + small, body_b, 0):
            icons = [min(size, rect.height // 2) for rect in cards]
            boxes = [self.card_lines(rect, ic)[1] for rect, ic in zip(cards, icons, strict=True)]
            if all(painter.fits(b, r, "tiny", min_kind="tiny") for b, r in zip(boxes, roles, strict=True)):
                return icons
        return icons

    def card_lines(self, rect: pygame.Rect, icon: int) -> tuple:
        """A seat card's name line and role line, beside its icon."""
        look = self.look
        pad = look.px(10)
        body_b = line_height(look, "body", True)
        tx = rect.left + pad + (icon + look.px(8) if icon else 0)
        tw = rect.right - pad - tx
        name = pygame.Rect(tx, rect.top + pad, tw, body_b)
        return name, pygame.Rect(tx, name.bottom, tw, line_height(look, "small"))

    def card_words(self, painter, cards: list) -> list:
        """Per seat card: (role line, "computer" beside the name or "", the role line's size, status line, its
        size). Each kind of words has one size on all the cards (small, or tiny when one card needs it); the
        computer tag goes on the role line when it fits there on every computer's card, else after the
        name; a role's explanation in brackets and a status's first part go before the text shrinks."""
        look = self.look
        state = self.state
        lang = self.lang()
        body_b = line_height(look, "body", True)
        icon = self.icon_sizes(painter, cards)
        lines = [self.card_lines(rect, ic) for rect, ic in zip(cards, icon, strict=True)]
        # the role as every other screen names it ("Wethouder", never "Wethouder (alderman)" on one card only)
        role_texts = [role_word(state.book.content.roles.get(seat.role), lang, seat.role) for seat in state.seats]

        def fit(box, text, kind, bold=False) -> bool:
            return painter.fits(box, text, kind, bold, min_kind=kind)

        role_kind = "small"
        if not all(fit(line[1], role, "small") for line, role in zip(lines, role_texts, strict=True)):
            role_kind = "tiny"
        tag = f" · {self.t('table.computer')}"
        bots = [i for i in range(len(state.seats)) if self.session.is_bot(i)]
        on_role = all(fit(lines[i][1], role_texts[i] + tag, role_kind) for i in bots)
        name_w = [look.font("body", True).size(seat.name)[0] + look.px(8) for seat in state.seats]
        boxes = [self.status_box(rect, ic) for rect, ic in zip(cards, icon, strict=True)]
        options = [self.status_options(i) for i in range(len(state.seats))]
        # the status stays at the cards' small size: shorter words first, tiny only when even those do not fit
        status_kind = "small"
        if not all(
            not opts or any(fit(box, o, "small", True) for o in opts) for box, opts in zip(boxes, options, strict=True)
        ):
            status_kind = "tiny"

        # one choice of words for all the cards ("in coalition as lead" beside "coalition: financier" reads as two
        # different things): the fullest level at which every card's status fits
        def at(level: int) -> list:
            return [opts[min(level, len(opts) - 1)] if opts else "" for opts in options]

        levels = range(max((len(opts) for opts in options), default=1))
        status_texts = next(
            (
                at(k)
                for k in levels
                if all(not s or fit(b, s, status_kind, True) for b, s in zip(boxes, at(k), strict=True))
            ),
            at(len(levels) - 1),
        )
        # "Cem · computer", else "computer" alone where a long name leaves no room for the dot (then on every card)
        name_tags = [tag.strip(), tag.strip(" ·")]
        if not all(fit(pygame.Rect(0, 0, lines[i][0].width - name_w[i], body_b), name_tags[0], "small") for i in bots):
            name_tags = name_tags[1:]
        out = []
        for i, box in enumerate(boxes):
            role_text, name_tag = role_texts[i], ""
            if i in bots and on_role:
                role_text += tag
            elif i in bots:
                room = pygame.Rect(0, 0, lines[i][0].width - name_w[i], body_b)
                name_tag = next((t for t in name_tags if fit(room, t, "small")), "")
                if not name_tag and fit(lines[i][1], role_text + tag, role_kind):
                    role_text += tag
            status = status_texts[i]
            if status and not fit(box, status, status_kind, True):
                status = ""
            out.append((role_text, name_tag, role_kind, status, status_kind))
        return out

    def status_options(self, i: int) -> list:
        """A seat's status line, from its fullest words to its shortest: its coalition role and (on its turn)
        its action points, then shorter words for both, then the action points alone."""
        state = self.state
        seat = state.seats[i]
        lang = self.lang()
        full, short = [], []
        if seat.coalition >= 0:
            role_name = coalition_role_name(state.coalitions[seat.coalition].members[i], lang)
            full.append(self.t("table.in_coalition", role=role_name))
            short.append(self.t("table.in_coalition_short", role=role_name))
        if i == self.session.current():
            one = seat.ap == 1
            full.append(self.t("table.ap_one" if one else "table.ap", n=seat.ap))
            short.append(self.t("table.ap_one_short" if one else "table.ap_short", n=seat.ap))
        if not full:
            return []
        out = [" · ".join(full), " · ".join(short), full[-1], short[-1]]
        return list(dict.fromkeys(out))

    def status_box(self, rect: pygame.Rect, icon: int) -> pygame.Rect:
        """A seat card's status line (its coalition role, its action points; for a moment what a move changed)."""
        look = self.look
        pad = look.px(10)
        small = line_height(look, "small")
        y = rect.top + pad + max(icon, line_height(look, "body", True) + small) + look.px(4) + small + look.px(2)
        return pygame.Rect(rect.left + pad, y, rect.width - 2 * pad, rect.bottom - pad - y)

    def draw_resources(self, painter, i: int, row: pygame.Rect) -> None:
        """A seat's resources in one row: an icon and a number each (with a tooltip that says what it is for)."""
        look = self.look
        lang = self.lang()
        seat = self.state.seats[i]
        small = row.height
        cell = row.width // 4
        # the numbers must stay whole (two digits are common) and apart from the next icon: the icons give way
        number_w = max(look.font("small", True).size(str(v))[0] for v in seat.res) + look.px(2)
        ic = max(0, min(small, cell // 2, cell - number_w - look.px(12)))
        for k, res in enumerate(RESOURCES):
            x = row.left + k * cell
            painter.icon(res, pygame.Rect(x, row.top + (small - ic) // 2, ic, ic))
            about = self.t(f"resource_about.{res}")
            tip = self.t("table.resource_tip", name=capital(resource_name(res, lang)), n=seat.res[k], about=about)
            painter.tip(pygame.Rect(x, row.top, cell, small), tip)
            painter.text(
                pygame.Rect(x + ic + look.px(4), row.top, cell - ic - look.px(4), small),
                str(seat.res[k]),
                "small",
                bold=True,
                min_kind="tiny",
            )
