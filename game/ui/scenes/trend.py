"""The trend reveal: this round's card(s) full-screen, read aloud and discussed; "continue" when done."""

from __future__ import annotations

import pygame

from game.analysis.explain import effect_items
from game.export.draw import line_height
from game.ui.scene import Scene

CERTAINTY = {"low": "trend.certainty_low", "medium": "trend.certainty_medium", "high": "trend.certainty_high"}


def effect_lines(eff, lang: str, content=None) -> list:
    """`effect_items` as lines of text."""
    return [text for text, _ in effect_items(eff, lang, content)]


class TrendScene(Scene):
    """Shows the card(s) drawn at the start of a round."""

    name = "trend"

    def __init__(self, app) -> None:
        super().__init__(app)
        session = app.session
        if session.needs_engine() == "trend":
            session.draw_trend()
        self.cards = list(session.state.current_trends())
        self.index = 0
        self.flip = 0.0 if app.settings.animations and not app.options.autoplay else 1.0

    def build(self) -> None:
        w, h = self.app.window.get_size()
        look = self.look
        last = self.index >= len(self.cards) - 1
        to_dilemma = last and bool(self.app.session.state.pending)  # the table answers the card's dilemma next
        label = self.t("trend.to_dilemma" if to_dilemma else "trend.continue") if last else self.t("trend.next_card")
        bw, bh = self.fit(label, look.px(380), primary=True), look.px(76)
        self.button(pygame.Rect(w - look.px(40) - bw, h - look.px(40) - bh, bw, bh), label, self._next, "@primary")
        if self.index > 0:
            self.button(
                pygame.Rect(look.px(40), h - look.px(40) - bh, bw, bh), self.t("trend.previous_card"), self._previous
            )
        self.focus_index = 0

    def _next(self) -> None:
        from game.ui.flow import advance

        if self.index < len(self.cards) - 1:
            self.index += 1
            self.flip = 0.0 if self.app.settings.animations and not self.app.options.autoplay else 1.0
            self.rebuild()
            return
        advance(self.app)

    def _previous(self) -> None:
        self.index = max(0, self.index - 1)
        self.rebuild()

    def autoplay(self) -> None:
        self._next()

    def update(self, dt: float) -> bool:
        moved = super().update(dt)  # a scrolled text, a tooltip
        if self.flip < 1.0:
            self.flip = min(1.0, self.flip + dt * 2.5)  # a quiet card turn of 0.4 s
            return True
        return moved

    def shot_name(self) -> str:
        return "trend"

    def _height(self, text: str, kind: str, width: int) -> int:
        """The height `text` takes wrapped at `width` in `kind` (bold for large)."""
        from game.export.draw import wrap

        fnt = self.look.font(kind, kind == "large")
        return len(wrap(text, fnt, width)) * fnt.get_linesize()

    def draw(self, painter) -> None:
        w, h = self.app.window.get_size()
        look = self.look
        c = painter.c
        lang = self.app.settings.lang
        state = self.app.session.state
        book = state.book
        content = book.content
        painter.surface.fill(c["bg"])
        if not self.cards:
            painter.text(pygame.Rect(0, 0, w, h), self.t("trend.none"), "heading", align="center", valign="middle")
            self.draw_widgets(painter)
            return
        trend = content.trends[self.cards[self.index]]
        scenario = content.scenarios[book.setup.scenario]
        head = self.t("trend.header", round=state.round, n=self.index + 1, of=len(self.cards))
        painter.text(
            pygame.Rect(look.px(40), look.px(24), w - look.px(80), look.px(50)), head, "large", colour=c["muted"]
        )
        card_w = min(w - look.px(120), look.px(1500))
        card = pygame.Rect((w - card_w) // 2, look.px(90), card_w, h - look.px(90) - look.px(150))
        if self.flip < 1.0:  # turn the card: narrow to wide
            scale = max(0.05, abs(self.flip * 2 - 1)) if self.flip < 0.5 else self.flip
            narrow = card.inflate(-int(card.width * (1 - scale)), 0)
            painter.panel(narrow, fill=c["panel"])
            self.draw_widgets(painter)
            return
        painter.panel(card, fill=c["panel"], width=3)
        band = pygame.Rect(card.left, card.top, card.width, look.px(74))
        colour = self.look.category_colours[trend.category]
        pygame.draw.rect(
            painter.surface, colour, band, border_top_left_radius=look.px(14), border_top_right_radius=look.px(14)
        )
        pad = look.px(30)
        category = self.t(f"category.{trend.category}")
        certainty = self.t(CERTAINTY[trend.certainty])
        impact = self.t(f"trend.impact_{trend.impact}")
        painter.text(
            pygame.Rect(band.left + pad, band.top + look.px(14), band.width - 2 * pad, look.px(50)),
            f"{category} · {certainty} · {impact}",
            "body",
            colour=(255, 255, 255),
            bold=True,
        )
        y = band.bottom + look.px(20)
        used = painter.text(
            pygame.Rect(card.left + pad, y, card.width - 2 * pad, look.px(80)),
            trend.title.get(lang),
            "title",
            bold=True,
        )
        y = used.bottom + look.px(16)
        # effects under this scenario
        missed = any(e.kind == "trend_missed" and e.round == state.round and e.trend == trend.id for e in state.events)
        lines = [self.t("trend.missed")] if missed else effect_lines(book.trends[trend.id], lang, book.content)
        effects_title = self.t("trend.effects", scenario=scenario.name.get(lang))
        opportunity = self.t("trend.opportunity") + " " + trend.opportunity.text.get(lang) if trend.opportunity else ""
        question_text = self.t("trend.question") + " " + trend.question.get(lang)
        inner_w = card.width - 2 * pad
        question_h = self._height(question_text, "large", inner_w) + look.px(6)
        bottom = card.bottom - pad - question_h
        text = trend.text.get(lang)
        # Beside each other when the text fits there at its full size (so that larger text in the settings is
        # larger here too); otherwise the text gets the full width, effects below it.
        text_w = int((card.width - 3 * pad) * 0.62)
        side_by_side = painter.fits(pygame.Rect(0, 0, text_w, bottom - y), text, "large", min_kind="large")
        if side_by_side:
            painter.text(pygame.Rect(card.left + pad, y, text_w, bottom - y), text, "large", min_kind="small")
            side_x = card.left + 2 * pad + text_w
            side = pygame.Rect(side_x, y, card.right - pad - side_x, bottom - y)
            painter.panel(side, fill=c["bg"], width=0)
            inner = side.inflate(-look.px(24), -look.px(24))
            head = line_height(look, "body", True)
            used = painter.text(
                pygame.Rect(inner.left, inner.top, inner.width, 2 * head), effects_title, "body", bold=True
            )
            body = "\n".join(lines) if lines else self.t("trend.no_effects")
            box = pygame.Rect(
                inner.left, used.bottom + look.px(8), inner.width, inner.bottom - used.bottom - look.px(8)
            )
            if opportunity and painter.fits(box, body + "\n\n" + opportunity, "body", min_kind="small"):
                body += "\n\n" + opportunity
            painter.text(box, body, "body", min_kind="small")
        else:
            effects = effects_title + ": " + (" · ".join(lines) if lines else self.t("trend.no_effects"))
            effects_h = self._height(effects, "small", inner_w) + look.px(8)
            used = painter.text(
                pygame.Rect(card.left + pad, y, inner_w, bottom - y - effects_h), text, "large", min_kind="tiny"
            )
            box = pygame.Rect(card.left + pad, used.bottom + look.px(8), inner_w, bottom - used.bottom - look.px(8))
            if opportunity and painter.fits(box, effects + "\n" + opportunity, "small", bold=False):
                effects += "\n" + opportunity
            painter.text(box, effects, "small", colour=c["muted"])
        question = pygame.Rect(card.left + pad, bottom, inner_w, question_h)
        painter.text(question, question_text, "large", bold=True, colour=c["focus"])
        self.draw_widgets(painter)
