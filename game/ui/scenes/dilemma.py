"""The dilemma of a trend card: the table talks it through and chooses one of its two or three answers.

Each answer shows what it does in the future being played (the compiled effects of this scenario), so the
table weighs the same choice another future would weigh differently. People choose by pressing an answer
(or its number key); in the autoplay run the round's chair, a computer, answers and says why.
"""

from __future__ import annotations

import re

import pygame

from game.analysis.explain import effect_items
from game.engine import Respond
from game.export.draw import line_height, wrap
from game.ui.scene import Scene

NUMBER_KEYS = (pygame.K_1, pygame.K_2, pygame.K_3)
# the space before an effect's (last) number, and after it when one word follows ("Bedrijf +1 geld")
_NUMBER = re.compile(r" ([+\u2212-]?\d[\d.,]*)(?: (\w+))?$")


class DilemmaScene(Scene):
    """Shows the first open dilemma of this round with a button per answer."""

    name = "dilemma"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.trend = app.session.state.pending[0] if app.session.state.pending else ""

    # ----------------------------------------------------------------- reading
    def dilemma(self):
        """The open dilemma (a content Dilemma: a trend card's, or an actor's), if any."""
        book = self.app.session.state.book
        return book.content.dilemma(self.trend, book.setup.scenario) if self.trend else None

    def answers(self) -> list:
        """The open dilemma's answers (content Response models), in their order."""
        dilemma = self.dilemma()
        return list(dilemma.responses) if dilemma is not None else []

    def intro(self) -> str:
        """What an actor's dilemma is about (a trend card's text was read on its card): empty for a card."""
        dilemma = self.dilemma()
        if dilemma is None or self.trend in self.app.session.state.book.content.trends:
            return ""
        return dilemma.text.get(self.app.settings.lang)

    def intro_height(self) -> int:
        """Room for the intro above the question: its lines at body size (none for a trend card)."""
        intro = self.intro()
        if not intro:
            return 0
        look = self.look
        w = self.app.window.get_size()[0] - 2 * look.px(40)
        lines = len(wrap(intro, look.font("body"), w))
        return lines * line_height(look, "body") + look.px(12)

    # ----------------------------------------------------------------- building
    def panels(self) -> list:
        """One rectangle per answer, side by side under the question; each holds its own button at the foot."""
        return self.layout()[0]

    def layout(self) -> tuple:
        """(the answers' rectangles, the size of their texts, the size of their effects): the largest sizes at
        which every card's words fit, the same on every card, and the cards as tall as the fullest one needs (a
        card of empty paper says nothing), at most down to the foot of the window."""
        w, h = self.app.window.get_size()
        look = self.look
        n = max(1, len(self.answers()))
        m, gap = look.px(40), look.px(24)
        top = look.px(24) + line_height(look, "large") + look.px(12) + line_height(look, "heading", True) + look.px(16)
        top += self.intro_height()
        width = (w - 2 * m - (n - 1) * gap) // n
        # the card's margins, the space between its texts, and its button
        chrome = 2 * look.px(20) + look.px(16) + look.px(64) + look.px(8) + look.px(16) + look.px(4)
        room = h - look.px(32) - top - chrome
        inner_w = width - look.px(40)
        kinds = [("large", "large"), ("large", "body"), ("body", "body"), ("body", "small")]
        need = 0
        for text_kind, effect_kind in kinds:
            need = max((self._words_height(i, inner_w, text_kind, effect_kind) for i in range(n)), default=0)
            if need <= room:
                break
        height = chrome + min(room, need)
        top += max(0, room - need) // 2  # the cards in the middle of the room below the question, not top-heavy
        rects = [pygame.Rect(m + i * (width + gap), top, width, height) for i in range(n)]
        return rects, text_kind, effect_kind

    def effect_lines(self, i: int) -> list:
        """Answer i's effects in the future being played, as (text, gain) lines (a line saying there are none)."""
        book = self.app.session.state.book
        answer = self.answers()[i]
        effects = book.responses[self.dilemma().key][answer.id]
        lines = effect_items(effects, self.app.settings.lang, book.content)
        # the effect's number stays on the line of its name ("Trust between everyone +2", never "+2" alone)
        return [(_NUMBER.sub(_joined, text), gain) for text, gain in lines] or [(self.t("trend.no_effects"), True)]

    def _words_height(self, i: int, width: int, text_kind: str, effect_kind: str) -> int:
        """The height of answer i's words (its stance, text, the effects' heading and lines) at these sizes."""
        look = self.look
        text = self.answers()[i].text.get(self.app.settings.lang)
        fnt, effect_fnt = look.font(text_kind), look.font(effect_kind)
        lines = len(wrap(text, fnt, width)) * fnt.get_linesize()
        effects = sum(len(wrap(e, effect_fnt, width)) for e, _ in self.effect_lines(i)) * effect_fnt.get_linesize()
        return 2 * line_height(look, "body", True) + lines + effects

    def button_rect(self, panel: pygame.Rect) -> pygame.Rect:
        """The answer's button: across the foot of its panel."""
        look = self.look
        bh = look.px(64)
        inner = panel.inflate(-look.px(40), 0)
        return pygame.Rect(inner.left, panel.bottom - look.px(20) - bh, inner.width, bh)

    def build(self) -> None:
        content = self.app.session.state.book.content
        lang = self.app.settings.lang
        for i, (answer, panel) in enumerate(zip(self.answers(), self.panels(), strict=True)):
            label = self.t("dilemma.choose", n=i + 1, stance=content.stance_name(answer.stance, lang).lower())
            self.button(self.button_rect(panel), label, lambda r=answer.id: self.choose(r), "@primary")
        self.focus_index = 0 if self.focus else -1

    # ----------------------------------------------------------------- acting
    def choose(self, response: str, because=None) -> None:
        """The table's answer (with a computer's reason when a computer gave it): applied through the session,
        then on to the next dilemma or the table."""
        from game.ui.flow import advance

        self.app.session.act(Respond(self.trend, response), because)
        advance(self.app)

    def autoplay(self) -> None:
        """A table of computers, or the autoplay smoke run: the chair (or any computer) answers, and says why."""
        session = self.app.session
        bot = session.bots.get(session.state.start_seat) or next(iter(session.bots.values()), None)
        if bot is not None:
            action, because = bot.answer(session.state)
            self.choose(action.response, because)
        elif self.answers():
            self.choose(self.answers()[0].id)

    def key(self, event: pygame.event.Event) -> bool:
        if event.key in NUMBER_KEYS:
            i = NUMBER_KEYS.index(event.key)
            answers = self.answers()
            if i < len(answers):
                self.choose(answers[i].id)
                return True
        return super().key(event)

    def back(self) -> None:
        """Escape does not skip a dilemma: the table must answer it."""

    def shot_name(self) -> str:
        return "dilemma"

    # ----------------------------------------------------------------- drawing
    def draw(self, painter) -> None:
        w, h = self.app.window.get_size()
        look, c = self.look, painter.c
        lang = self.app.settings.lang
        state = self.app.session.state
        book = state.book
        painter.surface.fill(c["bg"])
        trend = self.dilemma()
        if trend is None:
            self.draw_widgets(painter)
            return
        scenario = book.content.scenarios[book.setup.scenario]
        m = look.px(40)
        head = self.t("dilemma.header", round=state.round, title=trend.title.get(lang))
        used = painter.text(
            pygame.Rect(m, look.px(24), w - 2 * m, line_height(look, "large")), head, "large", colour=c["muted"]
        )
        intro_h = self.intro_height()
        if intro_h:
            box = pygame.Rect(m, used.bottom + look.px(12), w - 2 * m, intro_h - look.px(12))
            used = painter.text(box, self.intro(), "body")
        question = pygame.Rect(m, used.bottom + look.px(12), w - 2 * m, line_height(look, "heading", True))
        painter.text(question, self.t("dilemma.question"), "heading", bold=True, min_kind="body")
        rects, text_kind, effect_kind = self.layout()
        for i, (answer, panel) in enumerate(zip(self.answers(), rects, strict=True)):
            painter.panel(panel, fill=c["panel"], width=3)
            inner = panel.inflate(-look.px(40), -look.px(40))
            inner.height = self.button_rect(panel).top - look.px(16) - inner.top
            tag = f"{i + 1} · {book.content.stance_name(answer.stance, lang)}"
            used = painter.text(
                pygame.Rect(inner.left, inner.top, inner.width, line_height(look, "body", True)),
                tag,
                "body",
                bold=True,
                colour=c["focus"],
            )
            effect_fnt = look.font(effect_kind)
            body_h = line_height(look, "body", True)
            # room for the effects is kept: where even the smallest sizes do not fit, the answer's text shrinks
            effects_h = sum(len(wrap(t, effect_fnt, inner.width)) for t, _ in self.effect_lines(i))
            effects_h = effects_h * effect_fnt.get_linesize() + body_h + look.px(20)
            top = used.bottom + look.px(8)
            text_box = pygame.Rect(inner.left, top, inner.width, max(body_h, inner.bottom - effects_h - top))
            used = painter.text(text_box, answer.text.get(lang), text_kind, min_kind="small")
            y = used.bottom + look.px(16)
            if y + body_h > inner.bottom:
                continue
            title = self.t("trend.effects", scenario=scenario.name.get(lang))
            title_box = pygame.Rect(inner.left, y, inner.width, body_h)
            if not painter.fits(title_box, title, "body", True):  # a narrow panel: the short heading
                title = self.t("trend.effects_short")
            used = painter.text(title_box, title, "body", bold=True, min_kind="small")
            y = used.bottom + look.px(4)
            for text, gain in self.effect_lines(i):
                line_h = len(wrap(text, effect_fnt, inner.width)) * effect_fnt.get_linesize()
                if y + line_h > inner.bottom:
                    break
                colour = c["good"] if gain else c["bad"]
                box = pygame.Rect(inner.left, y, inner.width, line_h)
                painter.text(box, text, effect_kind, colour=colour, min_kind=effect_kind)
                y += line_h
        self.draw_widgets(painter)


def _joined(match: re.Match) -> str:
    """An effect's number joined to the words on either side by no-break spaces."""
    return "\u00a0" + match.group(1) + ("\u00a0" + match.group(2) if match.group(2) else "")
