"""The printable debrief report: an A4 PDF of one game, for the group to take home and talk about.

It tells the same story as the debrief screen, read from the game log (`debrief.Story`): the outcome with the
five indicators from start to end, every seat's private goal, the charts (drawn with pygame by
`game.export.charts` and placed as images), the timeline per round, the five knobs, the wind tunnel and the
reflection questions with room to write. Dutch by default, English on request; every word of the report's
own is in the catalogue (`game.words`, "report.*"); the rest comes from the content and the analysis in the
chosen language.

Text is set in the bundled Atkinson Hyperlegible Next (so ë, é, “ ” and € print) at 10 pt or more for
reading text, with page numbers in the footer. Written atomically: a crash never leaves half a PDF.

`python -m game report --log FILE --out FILE.pdf` runs `game.cli.commands.cmd_report`; the debrief screen's
export button calls `write_report` with the wind tunnel result it already has, into `default_report_path(log)`.
"""

from __future__ import annotations

import io
import os
import re
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from fpdf import FPDF
from fpdf.fonts import FontFace

from game.analysis import debrief
from game.analysis.gamelog import default_report_path, report_file_name  # noqa: F401 - part of this module's API
from game.colours import hex_rgb, readable_on_white
from game.engine.effects import MAX_TRUST
from game.engine.vocabulary import INDICATORS, RESOURCES
from game.paths import assets_dir
from game.storage import write_atomic
from game.words import Phrases, capital, indicator_name, language, percent, resource_name, role_word

GAME_TITLE = "Vitale Coalities"
FONT = "Atkinson"
FONT_FILES = {
    "": "AtkinsonHyperlegibleNext_400Regular.ttf",
    "B": "AtkinsonHyperlegibleNext_700Bold.ttf",
    "I": "AtkinsonHyperlegibleNext_400Regular_Italic.ttf",
}


# Page geometry in mm: A4 portrait.
PAGE_W, PAGE_H = 210.0, 297.0
MARGIN = 18.0
TOP = 16.0
BOTTOM = 20.0  # the footer sits in here
WIDTH = PAGE_W - 2 * MARGIN
PT = 25.4 / 72  # mm per point
BODY = 10.5
SMALL = 9.5

INK = (43, 38, 34)
MUTED = (98, 90, 80)
RULE = (194, 184, 168)
TINT = (246, 241, 231)
RESULT_COLOURS = {
    "realised": (27, 127, 107),
    "unfair": (181, 101, 29),
    "partly": (181, 101, 29),
    "stranded": (180, 60, 40),
}
LEVEL_COLOURS = {"low": (180, 60, 40), "medium": (181, 101, 29), "high": (27, 127, 107)}

# The chart images: pixels per mm, the pygame look's scale for line widths, the "small" text size in points.
PX_PER_MM = 9.0
CHART_SCALE = 0.9
CHART_SMALL_PT = 8.5
CHART_H = {"indicators": 108.0, "progress": 72.0, "trust": 108.0}  # mm; the bars grow with the seats


def _bars_height(seats: int) -> float:
    return 16.0 + 16.0 * seats


def _words(lang: str) -> Phrases:
    return Phrases("report", lang)


def number_text(value: float, lang: str, digits: int = 1, sign: bool = False, trim: bool = True) -> str:
    """A number as people write it in `lang` (decimal comma in Dutch); with `trim`, whole numbers without
    decimals."""
    text = f"{value:+.{digits}f}" if sign else f"{value:.{digits}f}"
    if trim and digits and re.search(r"\.0+$", text):
        text = text.split(".")[0]
    return text.replace(".", ",") if lang == "nl" else text


def date_text(value: date, lang: str) -> str:
    return f"{value.day} {_words(lang)[f'months.{value.month - 1}']} {value.year}"


def played_date(log) -> Optional[date]:
    try:
        return datetime.strptime(str(log.data.get("written", ""))[:10], "%Y-%m-%d").date()
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _font_chars() -> frozenset:
    """Every character the bundled font can print."""
    from fontTools.ttLib import TTFont

    chars = set()
    for style in ("", "B"):
        with TTFont(str(assets_dir() / "fonts" / FONT_FILES[style]), lazy=True) as font:
            chars |= set(font.getBestCmap())
    return frozenset(chars)


FALLBACKS = {"→": "->", "←": "<-", "✓": "v", "✕": "x", "●": "•", "▲": "^", "▼": "v", "\u00a0": " "}


def clean(text: Any) -> str:
    """`text` with any character the font lacks replaced, so nothing prints as an empty box."""
    text = str(text)
    chars = _font_chars()
    if all(ord(ch) in chars or ch in "\n\t" for ch in text):
        return text
    return "".join(ch if ord(ch) in chars or ch in "\n\t" else FALLBACKS.get(ch, "?") for ch in text)


# ---------------------------------------------------------------------------------------------- the document
class Pdf(FPDF):
    """A4 portrait with the bundled font, a running header and page numbers in the footer."""

    def __init__(self, lang: str, running: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.lang_code = lang
        self.running = running
        fonts = assets_dir() / "fonts"
        for style, name in FONT_FILES.items():
            self.add_font(FONT, style, str(fonts / name))
        self.set_margins(MARGIN, TOP, MARGIN)
        self.set_auto_page_break(True, BOTTOM)
        self.alias_nb_pages("{nb}")

    def footer(self) -> None:
        w = _words(self.lang_code)
        self.set_y(-13)
        self.set_draw_color(*RULE)
        self.set_line_width(0.2)
        self.line(MARGIN, PAGE_H - 14.5, PAGE_W - MARGIN, PAGE_H - 14.5)
        self.set_font(FONT, "", 8.5)
        self.set_text_color(*MUTED)
        self.set_x(MARGIN)
        self.cell(WIDTH * 0.7, 5, clean(self.running), align="L")
        self.set_x(MARGIN + WIDTH * 0.7)
        self.cell(WIDTH * 0.3, 5, w["page"].format(n=self.page_no(), total="{nb}"), align="R")

    # ----------------------------------------------------------------- text
    def room(self) -> float:
        """The height left on this page above the bottom margin."""
        return PAGE_H - BOTTOM - self.get_y()

    def need(self, height: float) -> None:
        """Start a new page unless `height` fits on this one."""
        if self.room() < height:
            self.add_page()

    def para(
        self,
        text: str,
        size: float = BODY,
        style: str = "",
        colour=INK,
        x: Optional[float] = None,
        w: Optional[float] = None,
        spacing: float = 1.3,
        after: float = 0.0,
        align: str = "L",
    ) -> float:
        """A wrapped paragraph at the current y; returns its height."""
        x = MARGIN if x is None else x
        w = WIDTH - (x - MARGIN) if w is None else w
        self.set_font(FONT, style, size)
        self.set_text_color(*colour)
        self.set_x(x)
        h = self.multi_cell(
            w, size * PT * spacing, clean(text), align=align, new_x="LMARGIN", new_y="NEXT", output="HEIGHT"
        )
        if after:
            self.ln(after)
        return h

    def height_of(self, text: str, w: float, size: float = BODY, style: str = "", spacing: float = 1.3) -> float:
        self.set_font(FONT, style, size)
        return self.multi_cell(w, size * PT * spacing, clean(text), dry_run=True, output="HEIGHT")

    def section(self, text: str, keep: float = 40.0, new_page: bool = False) -> None:
        """A section heading, kept together with at least `keep` mm of what follows."""
        if new_page and self.get_y() > TOP + 1:
            self.add_page()
        else:
            self.need(keep + 14)
            if self.get_y() > TOP + 1:
                self.ln(4)
        self.para(text, 17, "B", INK, spacing=1.2)
        y = self.get_y() + 0.8
        self.set_draw_color(*self.accent)
        self.set_line_width(0.7)
        self.line(MARGIN, y, MARGIN + 24, y)
        self.set_y(y + 3.5)

    def heading(self, text: str, keep: float = 25.0, size: float = 12.5, colour=INK) -> None:
        self.need(keep + 8)
        self.ln(1.5)
        self.para(text, size, "B", colour, spacing=1.25, after=1.0)

    def bullet(self, text: str, size: float = BODY, indent: float = 4.0, colour=INK) -> None:
        x = MARGIN + indent
        h = self.height_of(text, WIDTH - indent - 4, size)
        self.need(min(h, 30))
        y = self.get_y()
        self.set_fill_color(*self.accent)
        self.ellipse(x, y + size * PT * 0.62 - 0.8, 1.6, 1.6, style="F")
        self.set_y(y)
        self.para(text, size, "", colour, x=x + 4, w=WIDTH - indent - 4, after=0.8)

    def png(self, data: bytes, w: float, h: float) -> None:
        """A chart image, full width or `w` mm wide, on this page when it fits."""
        self.need(h + 2)
        self.image(io.BytesIO(data), x=MARGIN, y=self.get_y(), w=w, h=h)
        self.set_y(self.get_y() + h + 2)


# ---------------------------------------------------------------------------------------------- charts
def chart_png(draw, w_mm: float, h_mm: float) -> bytes:
    """One chart as a PNG for `w_mm` x `h_mm` of paper: PX_PER_MM pixels a mm, small text CHART_SMALL_PT."""
    from game.export.charts import render_png
    from game.export.look import SIZES, Look

    small_px = CHART_SMALL_PT * PT * PX_PER_MM
    text_size = round(100 * small_px / (SIZES["small"] * CHART_SCALE))
    look = Look(round(1600 * CHART_SCALE), round(1080 * CHART_SCALE), text_size=text_size)
    return render_png(draw, (round(w_mm * PX_PER_MM), round(h_mm * PX_PER_MM)), look)


def _charts(story, lang: str) -> dict:
    """The four charts of the report as PNG bytes: indicators, progress, trust network, contributions."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.export import charts
    from game.export.look import INDICATOR_COLOURS, PALETTE

    w = _words(lang)
    series = story.series()
    count = len(series["progress"])
    x_labels = [w["start"]] + [w["round_short"].format(n=r) for r in range(1, count)]
    indicator_series = [(capital(indicator_name(k, lang)), series[k], INDICATOR_COLOURS[k]) for k in INDICATORS]
    end = story.end
    content = story.content
    roles = debrief.coalition_roles(story, lang)
    names = []
    for i, seat in enumerate(end.seats):
        role = role_word(content.roles.get(seat.role), lang, seat.role)
        names.append((seat.name, f"{role} · {roles[i]}" if i in roles else role))
    active = [c for c in end.coalitions if c.active]
    members = tuple(sorted({m for c in active for m in c.members}))
    lead = None
    for c in active:
        lead = next((s for s, r in c.members.items() if r == "lead"), None)
        if lead is not None:
            break
    contributed = [list(seat.contributed) for seat in end.seats]
    resource_labels = [capital(resource_name(r, lang)) for r in RESOURCES]
    progress_colour = PALETTE["accent"]
    return {
        "indicators": chart_png(
            lambda p, r: charts.line_chart(p, r, indicator_series, x_labels, y_label=w["score"]),
            WIDTH,
            CHART_H["indicators"],
        ),
        "progress": chart_png(
            lambda p, r: charts.line_chart(
                p,
                r,
                [(capital(w["progress_series"]), series["progress"], progress_colour)],
                x_labels,
                y_label=w["percent"],
            ),
            WIDTH,
            CHART_H["progress"],
        ),
        "trust": chart_png(
            lambda p, r: charts.trust_network(
                p,
                r,
                names,
                end.trust,
                members=members,
                lead=lead,
                max_trust=MAX_TRUST,
                legend=w["trust_legend"],
                member_label=w["member"] if members else None,
                lead_label=w["lead"] if lead is not None else None,
            ),
            WIDTH,
            CHART_H["trust"],
        ),
        "contributions": chart_png(
            lambda p, r: charts.contribution_bars(p, r, names, contributed, resource_labels),
            WIDTH,
            _bars_height(len(names)),
        ),
    }


# ---------------------------------------------------------------------------------------------- sections
def _title_page(pdf: Pdf, story, log, lang: str) -> None:
    w = _words(lang)
    scenario, challenge = story.scenario, story.challenge
    pdf.set_fill_color(*pdf.accent)
    pdf.rect(0, 0, PAGE_W, 7, style="F")
    pdf.set_y(TOP + 2)
    pdf.para(f"{GAME_TITLE.upper()} · {w['doc'].upper()}", 10, "B", pdf.accent_text, spacing=1.2, after=2)
    pdf.para(f"{scenario.name.get(lang)}: {challenge.name.get(lang)}", 24, "B", INK, spacing=1.15, after=2)
    facts = []
    played = played_date(log)
    if played is not None:
        facts.append(w["played_on"].format(date=date_text(played, lang)))
    facts.append(w["made_on"].format(date=date_text(date.today(), lang)))
    rounds = len(story.end.history) - 1
    humans = sum(1 for s in story.end.seats if not s.bot)
    facts.append(w["rounds"].format(n=rounds))
    facts.append(w["seats"].format(n=len(story.end.seats), humans=humans))
    pdf.para(" · ".join(facts), BODY, "", MUTED, after=1)
    if log.data.get("ended_early"):
        pdf.para(w["ended_early"], BODY, "I", MUTED)
    pdf.ln(3)

    # The outcome in a box: the result in words and colour, the progress with a bar.
    result = story.outcome.result
    colour = RESULT_COLOURS.get(result, INK)
    y = pdf.get_y()
    box_h = 30.0
    pdf.set_fill_color(*TINT)
    pdf.rect(MARGIN, y, WIDTH, box_h, style="F", round_corners=True, corner_radius=2)
    pdf.set_fill_color(*colour)
    pdf.rect(MARGIN, y, 3, box_h, style="F")
    pdf.set_y(y + 3.5)
    pdf.para(w["outcome"], SMALL, "B", MUTED, x=MARGIN + 8, w=WIDTH - 12, spacing=1.2)
    pdf.para(w[f"result_{result}"], 16, "B", colour, x=MARGIN + 8, w=WIDTH - 12, spacing=1.2, after=1)
    progress = story.outcome.progress
    pdf.para(w["progress"].format(pct=number_text(progress, lang, 0)), BODY, "", INK, x=MARGIN + 8, w=80)
    bar_x, bar_w, bar_y = MARGIN + 92, WIDTH - 100, y + box_h - 9.5
    pdf.set_fill_color(*RULE)
    pdf.rect(bar_x, bar_y, bar_w, 4, style="F", round_corners=True, corner_radius=2)
    if progress > 0:
        pdf.set_fill_color(*colour)
        pdf.rect(
            bar_x, bar_y, max(4, bar_w * min(1.0, progress / 100)), 4, style="F", round_corners=True, corner_radius=2
        )
    pdf.set_y(y + box_h + 4)

    # The five indicators from start to end.
    pdf.heading(w["indicators"], keep=50)
    start, end = story.start.ind, story.end.ind
    pdf_table(
        pdf,
        [w["indicator"], w["start"], w["end"], w["change"]],
        [
            [
                capital(indicator_name(k, lang)),
                str(start[i]),
                str(end[i]),
                number_text(end[i] - start[i], lang, 0, sign=True),
            ]
            for i, k in enumerate(INDICATORS)
        ],
        (52, 16, 16, 16),
        ("LEFT", "RIGHT", "RIGHT", "RIGHT"),
        width=130,
    )

    # Every seat with its private goal.
    pdf.heading(w["seats_title"], keep=50)
    roles = debrief.coalition_roles(story, lang)
    rows = []
    for r in debrief.seat_results(story, lang):
        who = f"{r.label}\n{w['human'] if r.human else w['bot']}"
        met = w["yes"] if r.met else w["no"].format(pct=number_text(100 * r.measure, lang, 0))
        rows.append([who, roles.get(r.seat, "–"), r.goal, met])
    pdf_table(
        pdf,
        [w["seat"], w["role_in_coalition"], w["goal"], w["met"]],
        rows,
        (30, 18, 56, 14),
        ("LEFT", "LEFT", "LEFT", "LEFT"),
        size=SMALL + 0.5,
    )

    # The future the table played: its motto, who does what in it, and its economy.
    pdf.heading(w["future_title"].format(scenario=scenario.name.get(lang)), keep=45)
    pdf.para(scenario.motto.get(lang), BODY, "I", MUTED, after=1)
    for text in (scenario.national_government, scenario.municipality, scenario.region):
        pdf.bullet(text.get(lang))
    pdf.bullet(w[f"economy_{scenario.economy}"])


def pdf_table(
    pdf: Pdf, head: list, rows: list, widths: tuple, align: tuple, size: float = BODY, width: float = WIDTH
) -> None:
    """A simple table with a bold heading row and thin lines between rows."""
    pdf.set_font(FONT, "", size)
    pdf.set_text_color(*INK)
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.2)
    pdf.need(size * PT * 1.4 * 3 + 6)
    pdf.set_fill_color(255, 255, 255)
    with pdf.table(
        cell_fill_mode="NONE",
        col_widths=widths,
        width=width,
        align="LEFT",
        text_align=align,
        borders_layout="HORIZONTAL_LINES",
        line_height=size * PT * 1.35,
        padding=(1.4, 2, 1.4, 2),
        headings_style=FontFace(emphasis="BOLD", color=INK, fill_color=TINT),
        first_row_as_headings=True,
        v_align="TOP",
    ) as table:
        row = table.row()
        for text in head:
            row.cell(clean(text))
        for values in rows:
            row = table.row()
            for text in values:
                row.cell(clean(text))
    pdf.ln(3)


def _chart_pages(pdf: Pdf, story, lang: str, images: dict) -> None:
    w = _words(lang)
    pdf.section(w["charts"], new_page=True)
    pdf.heading(w["chart_indicators"], keep=CHART_H["indicators"])
    pdf.png(images["indicators"], WIDTH, CHART_H["indicators"])
    pdf.heading(w["chart_progress"], keep=CHART_H["progress"])
    pdf.png(images["progress"], WIDTH, CHART_H["progress"])
    pdf.section(w["coalition"], new_page=True)
    pdf.heading(w["trust_title"], keep=CHART_H["trust"])
    pdf.png(images["trust"], WIDTH, CHART_H["trust"])
    height = _bars_height(len(story.end.seats))
    pdf.heading(w["contributed_title"], keep=height)
    pdf.png(images["contributions"], WIDTH, height)


def _timeline(pdf: Pdf, story, lang: str) -> None:
    w = _words(lang)
    pdf.section(w["timeline"], new_page=True)
    for r in debrief.timeline(story, lang):
        gain = number_text(r.progress_gain, lang, 1, sign=True)
        progress = w["round_progress"].format(total=number_text(r.progress, lang), gain=gain)
        head = f"{w['round'].format(n=r.round)}  ·  {progress}"
        pdf.heading(head, keep=30)
        trends = ", ".join(f"“{t}”" for t in r.trends) if r.trends else w["no_trend"]
        pdf.para(f"{w['trends']}: {trends}", BODY, "", INK, after=1.2)
        if r.decisive:
            pdf.para(w["decisive"], SMALL, "B", MUTED, after=0.5)
            for line in r.decisive:
                pdf.bullet(line)
        else:
            pdf.para(w["quiet"], BODY, "I", MUTED, after=0.8)
        if r.events:
            pdf.para(w["events"], SMALL, "B", MUTED, after=0.5)
            for line in r.events:
                pdf.bullet(line)
        pdf.ln(1.5)


def _knobs(pdf: Pdf, story, lang: str) -> None:
    w = _words(lang)
    content = story.content
    pdf.section(w["knobs"], new_page=True)
    pdf.para(w["knobs_intro"], BODY, "", MUTED, after=3)
    for k in debrief.knobs(story, lang):
        text_w = WIDTH - 12
        need = (
            pdf.height_of(k.name, text_w, 12, "B")
            + pdf.height_of(f"{k.reading} {k.lasting}".strip(), text_w)
            + pdf.height_of(k.description, text_w, SMALL)
            + 22
        )
        pdf.need(need)
        y = pdf.get_y()
        # The knob's number in a circle, its name beside it.
        pdf.set_fill_color(*pdf.accent)
        pdf.ellipse(MARGIN, y + 0.2, 8, 8, style="F")
        pdf.set_font(FONT, "B", 12)
        pdf.set_text_color(255, 255, 255)
        pdf.set_xy(MARGIN, y + 0.2)
        pdf.cell(8, 8, str(k.number), align="C")
        pdf.set_y(y + 0.6)
        pdf.para(k.name, 12, "B", INK, x=MARGIN + 12, w=text_w, spacing=1.25, after=1)
        # How far it turned: a bar, and the level in words.
        level = LEVEL_COLOURS.get(k.level, INK)
        bar_y = pdf.get_y() + 1
        bar_w = 70.0
        pdf.set_fill_color(*RULE)
        pdf.rect(MARGIN + 12, bar_y, bar_w, 4, style="F", round_corners=True, corner_radius=2)
        if k.fraction > 0:
            pdf.set_fill_color(*level)
            pdf.rect(MARGIN + 12, bar_y, max(4, bar_w * k.fraction), 4, style="F", round_corners=True, corner_radius=2)
        pdf.set_font(FONT, "B", BODY)
        pdf.set_text_color(*level)
        pdf.set_xy(MARGIN + 16 + bar_w, bar_y - 1.2)
        pdf.cell(WIDTH - bar_w - 16, 6, clean(f"{w['level_' + k.level]} ({percent(100 * k.fraction, lang)})"))
        pdf.set_y(bar_y + 6.5)
        pdf.para(f"{k.reading} {k.lasting}".strip(), BODY, "", INK, x=MARGIN + 12, w=text_w, after=1)
        if k.uses:
            uses = ", ".join(f"{_action_name(content, a, lang)} {w['times'].format(n=n)}" for a, n in k.uses)
            pdf.para(w["used"].format(uses=uses), SMALL, "", MUTED, x=MARGIN + 12, w=text_w, after=0.6)
        pdf.para(k.description, SMALL, "I", MUTED, x=MARGIN + 12, w=text_w, after=5)


def _action_name(content, action_id: str, lang: str) -> str:
    action = content.actions.get(action_id)
    return action.name.get(lang) if action is not None else action_id


def _windtunnel(pdf: Pdf, story, lang: str, data: dict) -> None:
    w = _words(lang)
    content = story.content

    def scenario_name(sid: str) -> str:
        s = content.scenarios.get(sid)
        return s.name.get(lang) if s is not None else sid

    played = data.get("played_scenario", story.log.setup.scenario)
    results = data.get("results", [])
    games = max((r.get("games", 0) for r in results), default=0)
    pdf.section(w["windtunnel"], new_page=True)
    pdf.para(w["windtunnel_intro"].format(games=games), BODY, "", INK, after=3)
    rows = [
        [
            scenario_name(r["scenario"]) + (w["wt_played"] if r["scenario"] == played else ""),
            str(r.get("games", "")),
            percent(100 * float(r.get("realised", 0)), lang),
            percent(float(r.get("mean_progress", 0)), lang, 1),
        ]
        for r in results
    ]
    pdf_table(
        pdf,
        [w["wt_scenario"], w["wt_games"], w["wt_realised"], w["wt_progress"]],
        rows,
        (50, 16, 24, 30),
        ("LEFT", "RIGHT", "RIGHT", "RIGHT"),
        width=140,
    )
    order = [r["scenario"] for r in results]
    tested = data.get("choices", data.get("robust", []) + data.get("fragile", []))
    judged = bool(tested) and bool(data.get("ablation_games", 1))

    def gains(choice: dict) -> str:
        parts = []
        for sid in order:
            if sid not in choice.get("gains", {}):
                continue
            note = choice.get("status", {}).get(sid)
            extra = f" ({w[note]})" if note in ("no_room", "loss") else ""
            gain = number_text(float(choice["gains"][sid]), lang, 1, sign=True, trim=False)
            parts.append(f"{scenario_name(sid)} {gain}{extra}")
        return f"{w['gains']}: " + "; ".join(parts)

    if not judged:
        pdf.para(w["not_judged"], BODY, "I", MUTED, after=1)
    for key in ("robust", "fragile") if judged else ():
        pdf.heading(w[key], keep=20)
        group = data.get(key, [])
        if not group:
            pdf.para(w["no_choices"], BODY, "I", MUTED, after=1)
        for choice in group:
            label = choice.get("label", {})
            name = label.get(lang) or label.get("nl") or choice.get("id", "")
            pdf.bullet(f"{name} — {gains(choice)}")
    pdf.heading(w["broken_by"], keep=20)
    for r in results:
        cards = ", ".join(
            f"{(b.get('title') or {}).get(lang) or b.get('trend')} ({w['times'].format(n=b.get('count', 0))})"
            for b in r.get("broken_by", [])
        )
        pdf.bullet(f"{scenario_name(r['scenario'])}: {cards or w['no_break']}")
    if judged and data.get("ablation_games"):
        pdf.ln(1)
        pdf.para(w["ablation"].format(n=data["ablation_games"]), SMALL, "I", MUTED)


def _reflection(pdf: Pdf, story, lang: str) -> None:
    w = _words(lang)
    own, generated = debrief.reflection_questions(story, lang)
    pdf.section(w["reflection"], new_page=True)
    pdf.para(w["reflection_intro"], BODY, "", MUTED, after=2)
    number = 0
    for title, questions in (
        (w["questions_scenario"].format(scenario=story.scenario.name.get(lang)), own),
        (w["questions_game"], generated),
    ):
        pdf.heading(title, keep=45)
        if not questions:
            pdf.para(w["no_questions"], BODY, "I", MUTED, after=2)
        for q in questions:
            number += 1
            lines = 3
            h = pdf.height_of(q, WIDTH - 8) + lines * 8 + 4
            pdf.need(h)
            y = pdf.get_y()
            pdf.set_font(FONT, "B", BODY)
            pdf.set_text_color(*pdf.accent_text)
            pdf.set_xy(MARGIN, y)
            pdf.cell(8, BODY * PT * 1.3, f"{number}.")
            pdf.set_y(y)
            pdf.para(q, BODY, "", INK, x=MARGIN + 8, w=WIDTH - 8)
            # Room to write: a few light rules.
            pdf.set_draw_color(*RULE)
            pdf.set_line_width(0.2)
            y = pdf.get_y()
            for _ in range(lines):
                y += 8
                pdf.line(MARGIN + 8, y, PAGE_W - MARGIN, y)
            pdf.set_y(y + 5)


# ---------------------------------------------------------------------------------------------- the report
def _windtunnel_json(result) -> Optional[dict]:
    if result is None:
        return None
    if isinstance(result, dict):
        return result
    return result.to_json()


def render_report(content, log, lang: str = "nl", windtunnel: Optional[dict] = None) -> bytes:
    """The report's PDF bytes. `windtunnel` is a wind tunnel result's `to_json()` (the section is left out
    when it is None)."""
    lang = language(lang)
    w = _words(lang)
    story = debrief.Story(content, log)
    scenario = story.scenario.name.get(lang)
    challenge = story.challenge.name.get(lang)
    running = w["footer"].format(title=GAME_TITLE, doc=w["doc"], scenario=f"{scenario}: {challenge}")
    pdf = Pdf(lang, running)
    pdf.accent = hex_rgb(getattr(story.scenario, "color", ""), (27, 127, 107))
    pdf.accent_text = readable_on_white(pdf.accent)
    pdf.set_title(clean(f"{GAME_TITLE} — {w['doc']} — {scenario}"))
    pdf.set_subject(clean(w["doc"]))
    pdf.set_author(GAME_TITLE)
    pdf.set_creator(GAME_TITLE)
    pdf.set_lang(lang)
    images = _charts(story, lang)
    pdf.add_page()
    _title_page(pdf, story, log, lang)
    _chart_pages(pdf, story, lang, images)
    _timeline(pdf, story, lang)
    _knobs(pdf, story, lang)
    if windtunnel is not None:
        _windtunnel(pdf, story, lang, windtunnel)
    _reflection(pdf, story, lang)
    return bytes(pdf.output())


def write_report(content, log, path, lang: str = "nl", windtunnel_result=None, games: int = 300) -> Path:
    """Write the report of a game log as an A4 PDF to `path` (atomically; folders made); return the path.

    `windtunnel_result` is the wind tunnel's result (or its `to_json()`); when None, the wind tunnel is run
    here with `games` games per scenario. An OSError (no room, no permission) goes to the caller.
    """
    if windtunnel_result is None:
        from game.analysis.windtunnel import run_windtunnel

        windtunnel_result = run_windtunnel(content, log, games=games)
    data = render_report(content, log, lang, _windtunnel_json(windtunnel_result))
    path = Path(path)
    write_atomic(path, data)
    return path
