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
        if self.cards:
            parts = self.card_parts()
            how = self._layout_body(parts)
            if how == "side" and self._story_scrolls(parts):  # the text scrolls beside the effects
                story = tuple(((p, False),) if p else () for p in self._story(parts).split("\n"))
                self.scroll_text(self._columns(parts)[0], story, "large")
            elif how == "scroll":  # all of it, at full size, in a scrolling text
                more = [((parts["effects_title"] + ":", True),), *(((e, (False, "muted")),) for e in parts["effects"])]
                if parts["opportunity"]:
                    more += [(), ((parts["opportunity"], False),)]
                self.scroll_text(parts["body"], (((parts["text"], False),), (), *more), "large")

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

    def _height(self, text: str, kind: str, width: int, bold: bool = False) -> int:
        """The height `text` takes wrapped at `width` in `kind`."""
        from game.export.draw import wrap

        fnt = self.look.font(kind, bold)
        return len(wrap(text, fnt, width)) * fnt.get_linesize()

    def card_parts(self) -> dict:
        """The card's regions and words for the current window and text size (the same at build and at
        drawing): card, band, title (as tall as the title's lines at full size), the text's area and the
        question at the foot; the words of the text, effects and opportunity."""
        w, h = self.app.window.get_size()
        look = self.look
        lang = self.app.settings.lang
        state = self.app.session.state
        book = state.book
        trend = book.content.trends[self.cards[self.index]]
        scenario = book.content.scenarios[book.setup.scenario]
        card_w = min(w - look.px(120), look.px(1500))
        card = pygame.Rect((w - card_w) // 2, look.px(90), card_w, h - look.px(90) - look.px(150))
        pad = look.px(30)
        inner_w = card.width - 2 * pad
        band = pygame.Rect(card.left, card.top, card.width, look.px(74))
        title_text = trend.title.get(lang)
        title_h = self._height(title_text, "title", inner_w, bold=True)
        title = pygame.Rect(card.left + pad, band.bottom + look.px(20), inner_w, title_h)
        # effects under this scenario
        missed = any(e.kind == "trend_missed" and e.round == state.round and e.trend == trend.id for e in state.events)
        lines = [self.t("trend.missed")] if missed else effect_lines(book.trends[trend.id], lang, book.content)
        question_text = self.t("trend.question") + " " + trend.question.get(lang)
        question_h = self._height(question_text, "large", inner_w, bold=True) + look.px(6)
        bottom = card.bottom - pad - question_h
        top = title.bottom + look.px(16)
        return {
            "card": card,
            "band": band,
            "pad": pad,
            "title": title,
            "title_text": title_text,
            "body": pygame.Rect(card.left + pad, top, inner_w, bottom - top - look.px(12)),
            "question": pygame.Rect(card.left + pad, bottom, inner_w, question_h),
            "question_text": question_text,
            "text": trend.text.get(lang),
            "effects_title": self.t("trend.effects", scenario=scenario.name.get(lang)),
            "effects": lines or [self.t("trend.no_effects")],
            "opportunity": self.t("trend.opportunity") + " " + trend.opportunity.text.get(lang)
            if trend.opportunity
            else "",
            "trend": trend,
        }

    def _layout_body(self, parts: dict) -> str:
        """How the card's text, effects and opportunity go: "side" (the text beside a panel of effects, the text
        scrolling when it is long), "under" (effects and opportunity under the full-width text), or "scroll" (all
        three in a scrolling text, when the effects do not fit beside it: large text on a small window)."""
        if self._side_panel(parts) is not None:
            return "side"
        look, body = self.look, parts["body"]
        more = self._effects_line(parts) + ("\n" + parts["opportunity"] if parts["opportunity"] else "")
        needed = self._height(parts["text"], "large", body.width) + look.px(8) + self._height(more, "small", body.width)
        return "under" if needed <= body.height else "scroll"

    def _columns(self, parts: dict) -> tuple:
        """The text's column and the effects panel beside it."""
        body, pad = parts["body"], parts["pad"]
        text_w = int((parts["card"].width - 3 * pad) * 0.62)
        side_x = body.left + text_w + pad
        return pygame.Rect(body.left, body.top, text_w, body.height), pygame.Rect(
            side_x, body.top, body.right - side_x, body.height
        )

    def _side_panel(self, parts: dict):
        """The effects panel's heading box, text box and text (with the opportunity when it fits there), or
        None when the effects themselves do not fit beside the text (readable: at least small text)."""
        from game.export.draw import fits

        look = self.look
        inner = self._columns(parts)[1].inflate(-look.px(24), -look.px(24))
        head_h = min(
            2 * line_height(look, "body", True), self._height(parts["effects_title"], "body", inner.width, True)
        )
        heading = pygame.Rect(inner.left, inner.top, inner.width, head_h)
        box = pygame.Rect(
            inner.left, heading.bottom + look.px(8), inner.width, inner.bottom - heading.bottom - look.px(8)
        )
        text = "\n".join(parts["effects"])
        if parts["opportunity"] and fits(look, box, text + "\n\n" + parts["opportunity"], "body", min_kind="small"):
            return heading, box, text + "\n\n" + parts["opportunity"]
        if box.height <= 0 or not fits(look, box, text, "body", min_kind="small"):
            return None
        return heading, box, text

    def _story(self, parts: dict) -> str:
        """The text's column in the side layout: the card's text, and the opportunity when the panel has no room."""
        side = self._side_panel(parts)
        if parts["opportunity"] and side is not None and parts["opportunity"] not in side[2]:
            return parts["text"] + "\n\n" + parts["opportunity"]
        return parts["text"]

    def _story_scrolls(self, parts: dict) -> bool:
        """Whether the side layout's text is too long for its column at full size (it then scrolls)."""
        from game.export.draw import fits

        column = self._columns(parts)[0]
        return not fits(self.look, column, self._story(parts), "large", min_kind="large")

    @staticmethod
    def _effects_line(parts: dict) -> str:
        return parts["effects_title"] + ": " + " · ".join(parts["effects"])

    def draw(self, painter) -> None:
        w, h = self.app.window.get_size()
        look = self.look
        c = painter.c
        state = self.app.session.state
        painter.surface.fill(c["bg"])
        if not self.cards:
            painter.text(pygame.Rect(0, 0, w, h), self.t("trend.none"), "heading", align="center", valign="middle")
            self.draw_widgets(painter)
            return
        parts = self.card_parts()
        trend = parts["trend"]
        head = self.t("trend.header", round=state.round, n=self.index + 1, of=len(self.cards))
        painter.text(
            pygame.Rect(look.px(40), look.px(24), w - look.px(80), look.px(50)), head, "large", colour=c["muted"]
        )
        card = parts["card"]
        if self.flip < 1.0:  # turn the card: narrow to wide
            scale = max(0.05, abs(self.flip * 2 - 1)) if self.flip < 0.5 else self.flip
            narrow = card.inflate(-int(card.width * (1 - scale)), 0)
            painter.panel(narrow, fill=c["panel"])
            self.manager.draw_ui(painter.surface)  # the buttons; the card's scrolling text once it is turned
            return
        painter.panel(card, fill=c["panel"], width=3)
        band = parts["band"]
        colour = self.look.category_colours[trend.category]
        pygame.draw.rect(
            painter.surface, colour, band, border_top_left_radius=look.px(14), border_top_right_radius=look.px(14)
        )
        pad = parts["pad"]
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
        painter.text(parts["title"], parts["title_text"], "title", bold=True)
        body = parts["body"]
        how = self._layout_body(parts)
        if how == "side":
            column, side = self._columns(parts)
            if not self._story_scrolls(parts):
                painter.text(column, self._story(parts), "large")
            painter.panel(side, fill=c["bg"], width=0)
            heading, box, text = self._side_panel(parts)
            painter.text(heading, parts["effects_title"], "body", bold=True)
            painter.text(box, text, "body", min_kind="small")
        elif how == "under":
            used = painter.text(body, parts["text"], "large")
            box = pygame.Rect(body.left, used.bottom + look.px(8), body.width, body.bottom - used.bottom - look.px(8))
            more = self._effects_line(parts) + ("\n" + parts["opportunity"] if parts["opportunity"] else "")
            painter.text(box, more, "small", colour=c["muted"])
        painter.text(parts["question"], parts["question_text"], "large", bold=True, colour=c["focus"])
        self.draw_widgets(painter)
