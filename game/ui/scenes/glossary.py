"""The glossary ("Begrippen"): a tab of the how-to (game/ui/scenes/howto.py), reached there with one click on its
tab or with F1 (so F1 opens the how-to from any screen, and F1 again the glossary).

Each entry is a term in bold with a sentence or two in plain words, for players who are no gamers. The game's
own words (KVD, trekker, feitenfundament, ...) are in the catalogue (assets/i18n/<lang>.glossary.json); the
knobs, roles and futures are read from the content, so that a trainer's pack that adds or renames them is
explained as it is played. Indicators, resources and coalition roles are the engine's vocabulary: their names
are the catalogue's (as on every other screen), their explanations the glossary's.

The entries are grouped in sections, listed on the left; the chosen section's text scrolls on the right
(the project's ScrollText: wrapped at the current window and text size, a scroll bar when it is too long).
"""

from __future__ import annotations

from typing import Optional

import pygame

from game import words
from game.engine.vocabulary import COALITION_ROLES, INDICATORS, RESOURCES
from game.ui.theme import font

# The sections in their order; the first three hold the game's own words (catalogue keys glossary.term.<id>
# and glossary.text.<id>), the others are made from the content and the vocabulary.
SECTIONS = ("together", "game", "debrief", "knobs", "figures", "roles", "futures")
WORDS = {
    "together": ("coalition", "vital", "kvd", "pot", "trust", "conversation", "facts", "reciprocity", "let_go"),
    "game": (
        "challenge",
        "round",
        "action_points",
        "trend_card",
        "dilemma",
        "opportunity",
        "future",
        "actors",
        "private_goal",
        "modes",
    ),
    "debrief": ("debrief", "outcome", "knobs", "windtunnel", "robust"),
}
DASH = " – "  # between a term and its explanation
SCROLL_LINES = 3  # lines scrolled by the up and down arrows
KIND = "large"  # the text's size: as the guide's pages, readable on a beamer, some 60-90 characters a line


def _params(word: str, content) -> Optional[dict]:
    """The numbers a game word's explanation names, read from the content's rules (None: it names none)."""
    rules = content.rules
    if word == "round":
        return {"years": rules.years_per_round}
    if word == "action_points":
        return {"n": rules.action_points}
    if word == "outcome":
        return {"realised": rules.realised_at, "partly": rules.partly_at}
    return None


def items(section: str, t, lang: str, content) -> list:
    """The section's text as items: ("entry", term, explanation), ("head", text) or ("intro", text)."""
    found: list = []
    if section in WORDS:
        for word in WORDS[section]:
            params = _params(word, content) if content is not None else None
            text = t(f"glossary.text.{word}", **params) if params else t(f"glossary.text.{word}")
            if word == "challenge" and content is not None and content.challenges:
                names = sorted(ch.name.get(lang) for ch in content.challenges.values())
                text = f"{text} {t('glossary.challenges', names=', '.join(names))}"
            found.append(("entry", t(f"glossary.term.{word}"), text))
        return found
    if section == "knobs":
        found.append(("intro", t("glossary.intro.knobs")))
        knobs = sorted(content.knobs.values(), key=lambda k: (k.number, k.id)) if content is not None else []
        for knob in knobs:
            found.append(("entry", f"{knob.number}. {knob.name.get(lang)}", knob.description.get(lang)))
    elif section == "figures":
        found += [("head", t("glossary.heading.indicators")), ("intro", t("glossary.intro.indicators"))]
        for ind in INDICATORS:
            found.append(("entry", words.capital(words.indicator_name(ind, lang)), t(f"glossary.indicator.{ind}")))
        found.append(("entry", t("glossary.term.progress"), t("glossary.text.progress")))
        found += [("head", t("glossary.heading.resources")), ("intro", t("glossary.intro.resources"))]
        for res in RESOURCES:
            found.append(("entry", words.capital(words.resource_name(res, lang)), t(f"glossary.resource.{res}")))
    elif section == "roles":
        found.append(("intro", t("glossary.intro.roles")))
        for role_id in content.role_ids() if content is not None else []:
            role = content.roles[role_id]
            found.append(("entry", role.name.get(lang), role.description.get(lang)))
        found += [("head", t("glossary.heading.coalition_roles")), ("intro", t("glossary.intro.coalition_roles"))]
        for cr in COALITION_ROLES:
            name = words.capital(words.coalition_role_name(cr, lang))
            found.append(("entry", name, t(f"coalition_role_about.{cr}")))  # as the table explains it
    elif section == "futures":
        found.append(("intro", t("glossary.intro.futures")))
        for sid in content.scenario_ids() if content is not None else []:
            sc = content.scenarios[sid]
            motto = sc.motto.get(lang).strip()
            motto += "" if motto.endswith((".", "?", "!", "…")) else "."
            found.append(("entry", sc.name.get(lang), f"{motto} {sc.municipality.get(lang)}"))
    return found


def paragraphs(found: list) -> tuple:
    """The items as ScrollText paragraphs: a term in bold before its explanation, an empty line between."""
    out: list = []
    for i, item in enumerate(found):
        if out and found[i - 1][0] != "head":  # a heading stays with the text it heads
            out.append(())
        if item[0] == "entry":
            out.append(((item[1], True), (DASH + item[2], False)))
        elif item[0] == "head":
            out.append(((item[1].upper(), True),))
        else:
            out.append(((item[1], False),))
    return tuple(out)


class Glossary:
    """The glossary tab of a how-to scene: its sections, their buttons and the scrolling text."""

    def __init__(self, scene, section: int = 0) -> None:
        self.scene = scene
        self.section = max(0, min(section, len(SECTIONS) - 1))
        self.box = None  # the ScrollText of the current section

    @property
    def section_id(self) -> str:
        """The id of the section shown."""
        return SECTIONS[self.section]

    def title(self) -> str:
        """The section's title (the screen's heading)."""
        return self.scene.t(f"glossary.section.{self.section_id}")

    def text(self, section: Optional[str] = None) -> tuple:
        """A section's paragraphs (the current one's by default) in the current language."""
        scene = self.scene
        return paragraphs(items(section or self.section_id, scene.t, scene.lang(), scene.app.content))

    def build(self, body: pygame.Rect) -> None:
        """The section buttons down the left of `body`, the current section's text to their right."""
        scene = self.scene
        look = scene.look
        gap = look.px(28)
        labels = [scene.t(f"glossary.section.{s}") for s in SECTIONS]
        list_w = min(int(body.width * 0.3), max(scene.fit(label, look.px(260)) for label in labels))
        step_gap = look.px(10)
        line = font(look.size("body"), True).get_linesize()
        btn_h = max(
            line + look.px(12), min(look.px(64), (body.height - step_gap * (len(SECTIONS) - 1)) // len(SECTIONS))
        )
        for i, label in enumerate(labels):
            rect = pygame.Rect(body.left, body.top + i * (btn_h + step_gap), list_w, btn_h)
            btn = scene.button(
                rect,
                label,
                lambda i=i: self.select(i),
                "@tab_selected" if i == self.section else "@tab",
                tooltip=scene.t("glossary.section_key", n=i + 1),
            )
            scene.names[btn] = f"section_{i}"
        text_rect = pygame.Rect(
            body.left + list_w + gap, body.top, body.right - (body.left + list_w + gap), body.height
        )
        self.box = scene.scroll_text(text_rect, self.text(), KIND)

    # ----------------------------------------------------------------- moving
    def select(self, index: int) -> None:
        """Show section `index` (from its top)."""
        index = max(0, min(index, len(SECTIONS) - 1))
        if index != self.section:
            self.section = index
            self.scene.rebuild()

    def scroll(self, lines: float) -> bool:
        """Scroll the text by `lines` lines (negative: up); False when it does not scroll."""
        box = self.box
        if box is None or box.bar is None or not box.bar.alive() or box.height <= 0:
            return False
        bar = box.bar
        bar.set_scroll_from_start_percentage(bar.start_percentage + lines * box.line_h / box.height)
        return True

    def page_lines(self) -> float:
        """The lines of one screenful of text (less one, to keep the reader's place)."""
        box = self.box
        if box is None:
            return SCROLL_LINES
        return max(1, box.inner.height // box.line_h - 1)

    def key(self, event) -> Optional[bool]:
        """The glossary's own keys: up and down scroll, Page Up and Page Down scroll a screenful, a number shows
        that section, Home the first; None for any other key."""
        k = event.key
        if k in (pygame.K_DOWN, pygame.K_UP):
            self.scroll(SCROLL_LINES if k == pygame.K_DOWN else -SCROLL_LINES)
            return True
        if k in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            self.scroll(self.page_lines() * (1 if k == pygame.K_PAGEDOWN else -1))
            return True
        if k == pygame.K_HOME:
            self.select(0)
            return True
        if pygame.K_1 <= k <= pygame.K_9 and k - pygame.K_1 < len(SECTIONS):
            self.select(k - pygame.K_1)
            return True
        return None
