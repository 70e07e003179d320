"""Type a session code on the setup screen: the panel over it, and what a valid code sets.

A code sets the seed (fixed), the challenge, the rounds and, when it carries one, the future; a wrong code is
named in the panel (typo, length, a letter codes never use, other content) and changes nothing.
"""

from __future__ import annotations

import pygame

from game.analysis.sessioncode import SessionCodeError, decode
from game.export.draw import line_height, wrap
from game.ui.scene import PanelScene

ENTER_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER)


def apply_code(app, choices, text: str) -> str:
    """Set the choices from a typed code; return the line that says what it set. SessionCodeError when the code
    cannot be used (then nothing changed)."""
    content = app.content
    code = decode(content, text)
    choices.seed = code.seed
    choices.fixed_seed = True  # the code's deck, also for the next game until the trainer changes it
    choices.challenge = code.challenge
    choices.rounds = code.rounds
    lang = app.settings.lang
    params = {
        "code": " ".join(text.split()).upper(),
        "challenge": content.challenges[code.challenge].name.get(lang),
        "rounds": code.rounds,
    }
    if code.scenario is not None:
        choices.scenario = code.scenario
        return app.t("setup.code_applied_future", future=content.scenarios[code.scenario].name.get(lang), **params)
    return app.t("setup.code_applied", **params)


class SessionCodeScene(PanelScene):
    """A small panel over the setup: a text entry for the code, Apply and Cancel, and what is wrong with it."""

    name = "setup_code"
    TITLE = "setup.code_title"
    EXPLAIN = "setup.code_explain"

    def __init__(self, app, on_applied) -> None:
        super().__init__(app)
        self.on_applied = on_applied  # called with the line that says what the code set
        self.typed = ""
        self.error = ""

    def build(self) -> None:
        look = self.look
        t = self.t
        pw, pad, inner, row = self.frame()
        gap = look.px(18)
        # room for the longest thing a code can be told (another content's code) at this width
        self.error_h = max(
            len(wrap(problem, look.font("small"), inner)) * line_height(look, "small")
            for problem in _problems(self.app)
        )
        ph = pad + self.head_h + self.explain_h + gap + row + gap + self.error_h + gap + row + pad
        self.panel_rect = self.centred(pw, ph)
        x, y = self.panel_rect.left + pad, self.panel_rect.top + pad + self.head_h + self.explain_h + gap
        self.box = self.entry(pygame.Rect(x, y, inner, row), self.typed, limit=24)
        self.box.focus()
        self.focus_index = self.focus.index(self.box)
        y += row + gap
        self.error_rect = pygame.Rect(x, y, inner, self.error_h)
        y += self.error_h + gap
        self.apply_btn, self.cancel_btn = self.foot_buttons(
            y, row, gap, t("setup.code_apply"), self.apply, t("setup.code_cancel")
        )

    def apply(self) -> None:
        """Use the typed code: set the choices and close, or say what is wrong with it."""
        self.typed = self.box.get_text() if self.box.alive() else self.typed
        choices = self.app.setup_choices
        try:
            line = apply_code(self.app, choices, self.typed)
        except SessionCodeError as problem:
            self.error = problem.text(self.app.settings.lang)
            self.app.dirty = True
            return
        self.app.pop()
        self.on_applied(line)

    def key(self, event: pygame.event.Event) -> bool:
        if event.key in ENTER_KEYS and self.focus_index >= 0 and self.focus[self.focus_index] is self.box:
            self.apply()
            return True
        return super().key(event)

    def rebuild(self) -> None:
        if getattr(self, "box", None) is not None and self.box.alive():
            self.typed = self.box.get_text()  # what was typed survives a new language or window size
        super().rebuild()

    def draw(self, painter) -> None:
        c = painter.c
        self.draw_head(painter)
        if self.error:
            painter.text(self.error_rect, self.error, "small", colour=c["bad"])
        self.draw_widgets(painter)


def _problems(app) -> list:
    """Every message a wrong code can get, with a long code in it (to give the message its room)."""
    lang = app.settings.lang
    return [
        SessionCodeError(key, code="VC-WWWW-WWWW-W", n=8, letter="W").text(lang)
        for key in ("empty", "length", "letter", "typo", "other_content")
    ]
