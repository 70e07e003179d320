"""Printable role cards for the beamer table mode: an A4 PDF, one card per seat, two cards per page.

In beamer mode the screen is projected for the whole group, so a seat's private goal is never drawn there;
instead the facilitator prints these cards at setup and hands each player theirs. A card is a framed half
A4 page (portrait page, cut line across the middle) with the game's title, the scenario, the seat's name and
role, the role's description, its starting resources, its signature actions and, in a clearly marked box at
the bottom, the seat's private goal.

Text uses the bundled Atkinson Hyperlegible Next font (so ë, € and curly quotes print) at 11 pt or more, one
size for the whole set: the largest at which every card fits. Cards whose texts are too long for 11 pt (a
content pack's, say) are set smaller rather than overflowing their frame.

No pygame here: the module runs headless and is called from the setup screen, which shows any OSError to the
facilitator.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fpdf import FPDF

from game.colours import hex_rgb, luminance, mix, readable_on_white
from game.engine.vocabulary import RESOURCES
from game.paths import assets_dir, user_dir
from game.storage import write_atomic
from game.words import Phrases, resource_name

GAME_TITLE = "Vitale Coalities"

FONT_FAMILY = "Atkinson"
FONT_FILES = {
    "": "AtkinsonHyperlegibleNext_400Regular.ttf",
    "B": "AtkinsonHyperlegibleNext_700Bold.ttf",
}


# Page geometry in mm (A4 portrait; each card is half a page).
PAGE_W, PAGE_H = 210.0, 297.0
HALF = PAGE_H / 2
CARD_MARGIN_X = 10.0  # page edge to card frame
CARD_MARGIN_Y = 8.0  # page edge or cut line to card frame
PAD = 6.0  # card frame to its content
BAND_H = 11.0  # the coloured title band
PT = 25.4 / 72  # mm per point

# Body text sizes tried in turn; the first at which the card fits is used. The last ones (below 11 pt) are
# only a fallback for very long texts from a content pack: smaller type beats text running off the card.
BODY_SIZES = (12.5, 12.0, 11.5, 11.0, 10.5, 10.0, 9.5, 9.0)
MIN_READABLE = 11.0

INK = (34, 34, 34)
MUTED = (90, 90, 90)
WHITE = (255, 255, 255)
GOAL_INK = (30, 30, 30)


@dataclass(frozen=True)
class Card:
    """Everything printed on one seat's card, already in the chosen language."""

    scenario: str
    challenge: str
    name: str
    role: str
    bot: bool
    description: str
    resources: tuple  # ((label, amount), ...) in the order of RESOURCES
    actions: tuple  # ((name, description), ...)
    goal: str
    color: tuple  # the scenario's accent colour (r, g, b)


def _words(lang: str) -> Phrases:
    return Phrases("rolecards", lang)


def role_cards(state: Any, lang: str) -> list:
    """The cards of a game's seats, in seat order."""
    book = state.book
    content = book.content
    scenario = content.scenarios[book.setup.scenario]
    challenge = content.challenges[book.setup.challenge]
    words = _words(lang)
    cards = []
    for seat in state.seats:
        role = content.roles[seat.role]
        actions = []
        for action_id in role.signature_actions:
            action = content.actions.get(action_id)
            if action is not None:
                actions.append((action.name.get(lang), action.description.get(lang)))
        goal = book.goal(seat.role, seat.goal)
        cards.append(
            Card(
                scenario=scenario.name.get(lang),
                challenge=challenge.name.get(lang),
                name=seat.name,
                role=role.name.get(lang),
                bot=bool(seat.bot),
                description=role.description.get(lang),
                resources=tuple((resource_name(r, words.lang), role.start.get(r, 0)) for r in RESOURCES),
                actions=tuple(actions),
                goal=goal.text.get(lang),
                color=hex_rgb(scenario.color, (47, 85, 151)),
            )
        )
    return cards


class _Pdf(FPDF):
    """An A4 portrait document with the bundled font."""

    def __init__(self) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.set_auto_page_break(False)
        self.set_margins(0, 0, 0)
        self.c_margin = 0
        fonts = assets_dir() / "fonts"
        for style, file_name in FONT_FILES.items():
            self.add_font(FONT_FAMILY, style, str(fonts / file_name))

    def text_block(
        self,
        x: float,
        y: float,
        w: float,
        text: str,
        size: float,
        style: str = "",
        colour: tuple = INK,
        draw: bool = True,
        spacing: float = 1.25,
    ) -> float:
        """Wrap text in a column of width w at (x, y); return its height (drawn only when `draw`)."""
        self.set_font(FONT_FAMILY, style, size)
        line_h = size * PT * spacing
        if not draw:
            return self.multi_cell(w, line_h, text, align="L", dry_run=True, output="HEIGHT")
        self.set_text_color(*colour)
        self.set_xy(x, y)
        return self.multi_cell(w, line_h, text, align="L", new_x="LMARGIN", new_y="NEXT", output="HEIGHT")


def _layout(pdf: _Pdf, card: Card, words: dict, top: float, body: float, draw: bool) -> bool:
    """Lay out (and when `draw`, print) one card in the half page starting at `top`; True when it fits."""
    scale = body / 12.0
    fx, fy = CARD_MARGIN_X, top + CARD_MARGIN_Y
    fw, fh = PAGE_W - 2 * CARD_MARGIN_X, HALF - 2 * CARD_MARGIN_Y
    x, w = fx + PAD, fw - 2 * PAD
    bottom = fy + fh - PAD
    accent = card.color
    accent_text = readable_on_white(accent, steps=10)
    on_accent = WHITE if luminance(accent) < 0.35 else INK

    if draw:
        # The frame, with the coloured title band along its top.
        pdf.set_draw_color(*accent)
        pdf.set_line_width(0.6)
        pdf.set_fill_color(*accent)
        pdf.rect(fx, fy, fw, BAND_H, style="F", round_corners=("TOP_LEFT", "TOP_RIGHT"), corner_radius=3)
        pdf.rect(fx, fy, fw, fh, style="D", round_corners=True, corner_radius=3)
        pdf.set_text_color(*on_accent)
        pdf.set_font(FONT_FAMILY, "B", 14)
        pdf.set_xy(x, fy)
        pdf.cell(w / 2, BAND_H, GAME_TITLE, align="L")
        right = f"{words['scenario']}: {card.scenario}  ·  {words['challenge']}: {card.challenge}"
        size = 11.0
        pdf.set_font(FONT_FAMILY, "B", size)
        while pdf.get_string_width(right) > w / 2 + 20 and size > 8:
            size -= 0.5
            pdf.set_font(FONT_FAMILY, "B", size)
        pdf.set_xy(x + w / 2 - 20, fy)
        pdf.cell(w / 2 + 20, BAND_H, right, align="R")

    y = fy + BAND_H + 4.0

    # The seat's name and its role, large; on one line when they fit, else the role on its own line.
    name_size, role_size = 24.0 * min(1.0, scale + 0.1), 17.0 * min(1.0, scale + 0.1)
    role_text = card.role + (f"  ·  {words['bot']}" if card.bot else "")
    pdf.set_font(FONT_FAMILY, "B", name_size)
    while pdf.get_string_width(card.name) > w and name_size > 16:  # a long name: smaller before it wraps
        name_size -= 1
        pdf.set_font(FONT_FAMILY, "B", name_size)
    name_w = pdf.get_string_width(card.name)
    pdf.set_font(FONT_FAMILY, "B", role_size)
    role_w = pdf.get_string_width(role_text)
    gap = 5.0
    if name_w + gap + role_w <= w:
        line_h = name_size * PT * 1.2
        if draw:
            pdf.text_block(x, y, name_w + 1, card.name, name_size, "B", INK, spacing=1.2)
            # Role name on the same baseline as the seat's name.
            pdf.set_font(FONT_FAMILY, "B", role_size)
            pdf.set_text_color(*accent_text)
            baseline = y + line_h / 2 + name_size * PT * 0.35
            pdf.text(x + name_w + gap, baseline, role_text)
        y += line_h
    else:
        y += pdf.text_block(x, y, w, card.name, name_size, "B", INK, draw, spacing=1.2)
        y += pdf.text_block(x, y, w, role_text, role_size, "B", accent_text, draw, spacing=1.2)
    y += 1.5 * scale

    # Who plays this role.
    y += pdf.text_block(x, y, w, card.description, body, "", INK, draw)
    y += 3.0 * scale

    # Starting resources: a label and four boxes with the amounts.
    label_w = 44.0
    box_gap = 3.0
    box_w = (w - label_w - 3 * box_gap) / 4
    box_h = max(9.0, 11.0 * scale)
    if draw:
        pdf.set_font(FONT_FAMILY, "B", body)
        pdf.set_text_color(*INK)
        pdf.set_xy(x, y)
        pdf.cell(label_w, box_h, words["resources"], align="L")
        tint = mix(accent, WHITE, 0.88)
        for i, (label, amount) in enumerate(card.resources):
            bx = x + label_w + i * (box_w + box_gap)
            pdf.set_fill_color(*tint)
            pdf.set_draw_color(*accent)
            pdf.set_line_width(0.3)
            pdf.rect(bx, y, box_w, box_h, style="DF", round_corners=True, corner_radius=1.5)
            pdf.set_text_color(*INK)
            pdf.set_font(FONT_FAMILY, "", body)
            label_width = pdf.get_string_width(label)
            pdf.set_font(FONT_FAMILY, "B", body + 4)
            amount_text = str(amount)
            amount_width = pdf.get_string_width(amount_text)
            total = label_width + 2.5 + amount_width
            start = bx + (box_w - total) / 2
            pdf.set_font(FONT_FAMILY, "", body)
            pdf.set_xy(start, y)
            pdf.cell(label_width, box_h, label)
            pdf.set_font(FONT_FAMILY, "B", body + 4)
            pdf.set_xy(start + label_width + 2.5, y)
            pdf.cell(amount_width, box_h, amount_text)
    y += box_h + 3.5 * scale

    # Signature actions: the name in bold on the left, what it does on the right.
    if card.actions:
        y += 0.5 * scale
        y += pdf.text_block(x, y, w, words["actions"], body, "B", accent_text, draw)
        y += 0.8 * scale
        name_w = 52.0
        for action_name, action_text in card.actions:
            h1 = pdf.text_block(x, y, name_w - 3, action_name, body, "B", INK, draw)
            h2 = pdf.text_block(x + name_w, y, w - name_w, action_text, body, "", INK, draw)
            y += max(h1, h2) + 1.2 * scale

    # The private goal, in a box anchored to the bottom of the card.
    inner = 4.0
    head_size = body + 0.5
    head_h = head_size * PT * 1.25 + 3.0
    goal_size = body + 0.5
    goal_h = pdf.text_block(x + inner, 0, w - 2 * inner, card.goal, goal_size, "", GOAL_INK, draw=False)
    box_h = head_h + goal_h + 2 * inner - 1.0
    box_y = bottom - box_h
    if y + 3.0 > box_y:
        return False
    if draw:
        pdf.set_draw_color(*GOAL_INK)
        pdf.set_line_width(0.8)
        pdf.set_fill_color(255, 249, 226)
        pdf.rect(x, box_y, w, box_h, style="DF", round_corners=True, corner_radius=2)
        pdf.set_fill_color(*GOAL_INK)
        pdf.rect(x, box_y, w, head_h, style="F", round_corners=("TOP_LEFT", "TOP_RIGHT"), corner_radius=2)
        pdf.set_font(FONT_FAMILY, "B", head_size)
        pdf.set_text_color(*WHITE)
        pdf.set_xy(x + inner, box_y)
        pdf.cell(w - 2 * inner, head_h, words["goal"], align="L")
        pdf.text_block(x + inner, box_y + head_h + inner - 1.0, w - 2 * inner, card.goal, goal_size, "", GOAL_INK)
    return True


def _cut_line(pdf: _Pdf, words: dict) -> None:
    pdf.set_draw_color(*MUTED)
    pdf.set_line_width(0.3)
    pdf.set_dash_pattern(dash=2.5, gap=2)
    pdf.line(4, HALF, PAGE_W - 4, HALF)
    pdf.set_dash_pattern()
    pdf.set_font(FONT_FAMILY, "", 8)
    label = f"  {words['cut']}  "
    label_w = pdf.get_string_width(label)
    pdf.set_fill_color(*WHITE)
    pdf.set_text_color(*MUTED)
    pdf.set_xy((PAGE_W - label_w) / 2, HALF - 2)
    pdf.cell(label_w, 4, label, align="C", fill=True)


def card_body_size(card: Card, lang: str, pdf: _Pdf | None = None) -> float:
    """The largest body text size (pt) at which the card fits its half page."""
    words = _words(lang)
    if pdf is None or pdf.page == 0:
        pdf = _Pdf()
        pdf.add_page()
    for size in BODY_SIZES:
        if _layout(pdf, card, words, 0.0, size, draw=False):
            return size
    return BODY_SIZES[-1]


def render_role_cards(state: Any, lang: str) -> bytes:
    """The PDF's bytes."""
    words = _words(lang)
    cards = role_cards(state, lang)
    pdf = _Pdf()
    setup = state.book.setup
    scenario = cards[0].scenario if cards else setup.scenario
    pdf.set_title(f"{GAME_TITLE} — {words['doc_title']} — {scenario}")
    pdf.set_subject(words["doc_title"])
    pdf.set_author(GAME_TITLE)
    pdf.set_creator(GAME_TITLE)
    pdf.set_lang("en" if lang == "en" else "nl")
    # One text size for the whole set, so the cards look alike on the table.
    pdf.add_page()
    body = min((card_body_size(card, lang, pdf) for card in cards), default=BODY_SIZES[0])
    for index, card in enumerate(cards):
        if index % 2 == 0 and index > 0:
            pdf.add_page()
        if index % 2 == 1:
            _cut_line(pdf, words)
        _layout(pdf, card, words, 0.0 if index % 2 == 0 else HALF, body, draw=True)
    return bytes(pdf.output())


def write_role_cards(state: Any, lang: str, path: Path) -> Path:
    """Write the role cards of the game's seats as an A4 PDF to `path` (atomically); return the path.

    The parent folder is made when missing. An OSError (no room, no permission, a missing font file) is
    raised to the caller, which shows it; a half-written file never replaces an earlier one.
    """
    path = Path(path)
    write_atomic(path, render_role_cards(state, lang))
    return path


def default_role_cards_path(setup: Any) -> Path:
    """Where the role cards of a game go by default: the user's reports folder."""
    return user_dir("reports") / f"rolkaarten-{setup.scenario}-{setup.seed}.pdf"
