"""The "zaalverslag": an A4 PDF of several tables side by side, for the plenary debrief of a training day.

It holds what the compare view shows (read from `game.analysis.compare`): every table's future and outcome,
the progress over the rounds in one chart with the final indicators, every dilemma card with each table's
answer and its effect in that table's future, the coalitions and who led them, the choices that helped in
every table or in one, questions for the plenary, ruled room for notes, and at the end the files that were
left out with the reason. The page frame, fonts, headings and tables are the debrief report's
(`game.export.report`); every word of its own is in the catalogue ("hall.*"), Dutch by default.

`python -m game compare LOG... --out FILE.pdf` calls `write_hall_report`. Written atomically.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from game.engine.vocabulary import INDICATORS
from game.storage import write_atomic
from game.words import Phrases, capital, indicator_name, language, percent

from .report import (
    BODY,
    BOTTOM,
    FONT,
    GAME_TITLE,
    INK,
    MARGIN,
    MUTED,
    PAGE_H,
    PAGE_W,
    RULE,
    SMALL,
    TOP,
    WIDTH,
    Pdf,
    chart_png,
    clean,
    date_text,
    number_text,
    pdf_table,
    played_date,
)

ACCENT = (27, 127, 107)
CHART_H = 92.0  # mm: the plot and, under it, a legend of up to eight tables
NOTE_LINE = 8.0  # mm between the ruled lines for notes
NOTES_AT_LEAST = (PAGE_H - TOP - BOTTOM) / 2  # half a page of lines, at least


def _words(lang: str) -> Phrases:
    return Phrases("hall", lang)


def _names(cmp, lang: str) -> list:
    return [t.name(lang) for t in cmp.tables]


def _listed(names) -> str:
    return ", ".join(names)


def _table_height(pdf: Pdf, head: list, rows: list, widths: tuple, size: float = SMALL) -> float:
    """About the height `pdf_table` gives these rows (its padding and line height), to keep a table whole."""
    return (
        sum(
            max(
                pdf.height_of(str(text), w - 4, size, "B" if r == 0 else "", 1.35)
                for text, w in zip(row, widths, strict=True)
            )
            + 2.8
            for r, row in enumerate([head, *rows])
        )
        + 3
    )


# ---------------------------------------------------------------------------------------------- 1. the tables
def _title(pdf: Pdf, cmp, lang: str) -> None:
    from game.analysis.compare import outcome_row

    w = _words(lang)
    pdf.set_fill_color(*ACCENT)
    pdf.rect(0, 0, PAGE_W, 7, style="F")
    pdf.set_y(TOP + 2)
    pdf.para(f"{GAME_TITLE.upper()} · {w['doc'].upper()}", 10, "B", ACCENT, spacing=1.2, after=2)
    n = len(cmp.tables)
    pdf.para(w("title", n=n) if n != 1 else w["title_one"], 24, "B", INK, spacing=1.15, after=2)
    facts = []
    # a what-if branch is written when it is made, not played: its table's date is the one
    played = sorted({d for d in (played_date(t.log) for t in cmp.tables if t.branch is None) if d is not None})
    if played:
        facts.append(w("played_on", dates=_listed(date_text(d, lang) for d in played)))
    facts.append(w("made_on", date=date_text(date.today(), lang)))
    pdf.para(capital(" · ".join(facts)), BODY, "", MUTED, after=1)
    pack = getattr(cmp.content, "pack", None)
    challenges = dict.fromkeys(t.story.challenge.name.get(lang) for t in cmp.tables)
    codes = list(dict.fromkeys(t.session_code for t in cmp.tables if t.session_code))
    if not codes:
        code_line = w["no_code"]
    else:
        code_line = w("code" if len(codes) == 1 else "codes", codes=_listed(codes))
    lines = [  # the font of the chart lacks the same characters as the PDF's
        w("content_pack", name=pack.name) if pack is not None else w["content_builtin"],
        w("challenge", names=_listed(challenges)),
        code_line,
    ]
    for line in lines:
        pdf.para(line, BODY, "", INK)
    pdf.ln(2)

    pdf.heading(w["overview"], keep=40)
    rows = []
    for i, table in enumerate(cmp.tables):
        row = outcome_row(table, lang)
        name = table.name(lang) + (f"\n{w['branch_mark']}" if table.branch is not None else "")
        rows.append(
            [
                name,
                row["future"],
                row["result_text"],
                percent(row["progress"], lang),
                w["yes"] if row["fair"] else w["no"],
                cmp.deck_mark(i) or "–",
            ]
        )
    head = [w[k] for k in ("col_table", "col_future", "col_outcome", "col_progress", "col_fair", "col_deck")]
    pdf_table(pdf, head, rows, (40, 24, 38, 20, 14, 28), ("LEFT", "LEFT", "LEFT", "RIGHT", "LEFT", "LEFT"), SMALL)
    notes = [w["fair_note"]]
    if cmp.shared_decks():
        notes.append(w["deck_note"])
    if any(t.branch is not None for t in cmp.tables):
        notes.append(w["branch_note"])
    for note in notes:
        pdf.para(note, SMALL, "", MUTED, after=0.8)
    _skipped(pdf, cmp, lang)


# ---------------------------------------------------------------------------------------------- 2. the chart
def _chart(cmp, lang: str) -> bytes:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.analysis.compare import series
    from game.export import charts

    w = _words(lang)
    lines = [  # the font of the chart lacks the same characters as the PDF's
        (clean(_with_future(t, lang)), series(t)["progress"], charts.TABLE_COLOURS[i % len(charts.TABLE_COLOURS)])
        for i, t in enumerate(cmp.tables)
    ]
    count = max(len(values) for _, values, _ in lines)
    x_labels = [w["start"]] + [w("round_short", n=r) for r in range(1, count)]
    styles = charts.distinct_styles(len(lines))
    return chart_png(
        lambda p, r: charts.line_chart(p, r, lines, x_labels, y_label=w["axis"], styles=styles), WIDTH, CHART_H
    )


def _with_future(table, lang: str) -> str:
    """ "Tafel 1 (Samendam)"; a what-if branch's name says its future already."""
    if table.branch is not None:
        return table.name(lang)
    return f"{table.name(lang)} ({table.story.scenario.name.get(lang)})"


def _progress_and_indicators(pdf: Pdf, cmp, lang: str) -> None:
    from game.analysis.compare import outcome_row, series

    w = _words(lang)
    pdf.section(w["chart_title"], new_page=True)
    pdf.png(_chart(cmp, lang), WIDTH, CHART_H)
    pdf.heading(w["indicators_title"], keep=30)
    rows = []
    for table in cmp.tables:
        end, start = outcome_row(table, lang)["indicators"], series(table)
        # a minus sign, as the effects print it, not a hyphen
        change = {k: number_text(end[k] - start[k][0], lang, 0, sign=True).replace("-", "\u2212") for k in INDICATORS}
        cells = [f"{end[k]} ({change[k]})" for k in INDICATORS]
        rows.append([f"{table.name(lang)}\n{table.story.scenario.name.get(lang)}", *cells])
    head = [w["col_table"], *(capital(indicator_name(k, lang)) for k in INDICATORS)]
    pdf_table(pdf, head, rows, (36, 22, 25, 23, 32, 36), ("LEFT",) + ("RIGHT",) * 5, SMALL)


# ---------------------------------------------------------------------------------------------- 3. dilemmas
def _dilemmas(pdf: Pdf, cmp, lang: str) -> None:
    from game.analysis.compare import dilemma_rows

    w = _words(lang)
    names = _names(cmp, lang)
    pdf.section(w["dilemmas"], new_page=True)
    pdf.para(w["dilemmas_intro"], BODY, "", MUTED, after=2)
    rows = dilemma_rows(cmp, lang)
    if not rows:
        pdf.para(w["no_dilemmas"], BODY, "I", MUTED)
    head = [w["col_table"], w["col_round"], w["col_stance"], w["col_effect"]]
    widths = (44, 14, 26, 90)
    for card in rows:
        given = {}  # each answer once, with the tables that gave it
        for i, a in enumerate(card["answers"]):
            if a is not None:
                given.setdefault(a["response"], (a, []))[1].append(names[i])
        bullets = [
            f"{a['stance']}: " * bool(a["stance"]) + f"“{a['answer']}” — {w('answered_by', tables=_listed(tables))}"
            for a, tables in given.values()
        ]
        table_rows = [
            [f"{names[i]}\n{cmp.tables[i].story.scenario.name.get(lang)}", str(a["round"]), a["stance"], a["effect"]]
            for i, a in enumerate(card["answers"])
            if a is not None
        ]
        for row in table_rows:
            row[3] = row[3] or w["no_effect"]
        # the card, its answers and the table on one page when they fit on one
        whole = sum(pdf.height_of(b, WIDTH - 8, SMALL) + 0.8 for b in bullets) + _table_height(
            pdf, head, table_rows, widths
        )
        pdf.heading(card["name"], keep=min(whole, PAGE_H - TOP - BOTTOM - 20))
        for bullet in bullets:
            pdf.bullet(bullet, SMALL)
        pdf.ln(1)
        pdf_table(pdf, head, table_rows, widths, ("LEFT", "RIGHT", "LEFT", "LEFT"), SMALL)
        missing = [names[i] for i, a in enumerate(card["answers"]) if a is None]
        if missing:
            pdf.para(w("not_met", tables=_listed(missing)), SMALL, "I", MUTED, after=1)


# ---------------------------------------------------------------------------------------------- 4. coalitions
def _coalitions(pdf: Pdf, cmp, lang: str) -> None:
    from game.analysis.compare import coalition_rows

    w = _words(lang)
    rows = []
    for table, coalitions in zip(cmp.tables, coalition_rows(cmp, lang), strict=True):
        name = f"{table.name(lang)}\n{table.story.scenario.name.get(lang)}"
        if not coalitions:
            rows.append([name, w["no_coalition"], "–", "–"])
        for c in coalitions:
            members = "\n".join(f"{m} ({c['roles'][m]})" if m in c["roles"] else m for m in c["members"])
            vital = w["vital_one"] if c["vital_rounds"] == 1 else w("vital_many", n=c["vital_rounds"])
            course = [w("founded", round=c["founded"]), vital] + ([] if c["active"] else [w["fell_apart"]])
            rows.append([name, members, c["lead"] or w["nobody"], "\n".join(course)])
    head = [w["col_table"], w["col_members"], w["col_lead"], w["col_course"]]
    widths = (36, 62, 34, 42)
    pdf.section(w["coalitions"], keep=min(_table_height(pdf, head, rows, widths), PAGE_H - TOP - BOTTOM - 30))
    pdf_table(pdf, head, rows, widths, ("LEFT",) * 4, SMALL)


# ---------------------------------------------------------------------------------------------- 5. choices, questions
def _choices_and_questions(pdf: Pdf, cmp, lang: str) -> None:
    from game.analysis.compare import choice_rows, questions

    w = _words(lang)
    names = _names(cmp, lang)
    pdf.section(w["choices"], keep=50)
    pdf.para(w("choices_intro", games=cmp.choice_games), SMALL, "", MUTED, after=1)
    chosen = choice_rows(cmp, lang)
    for key in ("every", "one"):
        pdf.heading(w[key], keep=15, size=11.5)
        if not chosen[key]:
            pdf.para(w["none"], BODY, "I", MUTED)
        for row in chosen[key]:
            pdf.bullet(f"{row['label']} — {_listed(names[i] for i in row['tables'])}")
    pdf.section(w["questions"], keep=45)
    asked = questions(cmp, lang)
    if not asked:
        pdf.para(w["no_questions"], BODY, "I", MUTED)
    for number, q in enumerate(asked, 1):
        pdf.need(pdf.height_of(q, WIDTH - 8) + 2 * NOTE_LINE + 4)
        y = pdf.get_y()
        pdf.set_font(FONT, "B", BODY)
        pdf.set_text_color(*ACCENT)
        pdf.set_xy(MARGIN, y)
        pdf.cell(8, 5, f"{number}.")
        pdf.set_y(y)
        pdf.para(q, BODY, "", INK, x=MARGIN + 8, w=WIDTH - 8)
        _ruled(pdf, MARGIN + 8, pdf.get_y(), 2)
        pdf.ln(4)


def _ruled(pdf: Pdf, x: float, y: float, count: int) -> None:
    """`count` light rules to write on, from `y`; the cursor under the last."""
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.2)
    for _ in range(count):
        y += NOTE_LINE
        pdf.line(x, y, PAGE_W - MARGIN, y)
    pdf.set_y(y)


# ---------------------------------------------------------------------------------------------- notes, skipped
def _notes(pdf: Pdf, lang: str) -> None:
    w = _words(lang)
    pdf.section(w["notes"], keep=NOTES_AT_LEAST)
    room = PAGE_H - BOTTOM - pdf.get_y() - 2
    _ruled(pdf, MARGIN, pdf.get_y(), int(room // NOTE_LINE))


def _skipped(pdf: Pdf, cmp, lang: str) -> None:
    if not cmp.skipped:
        return
    w = _words(lang)
    pdf.ln(2)
    pdf.heading(w["skipped"], keep=25)
    pdf.para(w["skipped_intro"], BODY, "", MUTED, after=1.5)
    for s in cmp.skipped:
        pdf.bullet(s.text(lang), SMALL)


# ---------------------------------------------------------------------------------------------- the document
def render_hall_report(cmp, lang: str = "nl") -> bytes:
    """The zaalverslag's PDF bytes for a comparison (`game.analysis.compare.read_tables`)."""
    lang = language(lang)
    w = _words(lang)
    running = w("footer", title=GAME_TITLE, doc=w["doc"], date=date_text(date.today(), lang))
    pdf = Pdf(lang, running)
    pdf.accent, pdf.accent_text = ACCENT, ACCENT
    pdf.set_title(clean(f"{GAME_TITLE} — {w['doc']}"))
    pdf.set_subject(clean(w["doc"]))
    pdf.set_author(GAME_TITLE)
    pdf.set_creator(GAME_TITLE)
    pdf.set_lang(lang)
    pdf.add_page()
    _title(pdf, cmp, lang)
    if cmp.tables:
        _progress_and_indicators(pdf, cmp, lang)
        _dilemmas(pdf, cmp, lang)
        _coalitions(pdf, cmp, lang)
        _choices_and_questions(pdf, cmp, lang)
    _notes(pdf, lang)
    return bytes(pdf.output())


def write_hall_report(cmp, path, lang: str = "nl") -> Path:
    """Write the zaalverslag to `path` (atomically; folders made); return the path. An OSError goes to the
    caller."""
    data = render_hall_report(cmp, lang)
    path = Path(path)
    write_atomic(path, data)
    return path


__all__ = ["render_hall_report", "write_hall_report"]
