"""The zaalverslag (game/export/hall_report.py, issue 19): several tables side by side as a PDF."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from game.words import percent, say
from tests.conftest import run_game

SEED = 11
STRATEGIES = ("balanced", "solo", "citizen_platform", "passive")


def _text(path) -> tuple:
    """(pages, all text with whitespace collapsed and in lower case)."""
    reader = PdfReader(str(path))
    text = " ".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), _plain(text)


def _plain(text: str) -> str:
    return " ".join(text.split()).lower()


def _table_log(content, number: int, scenario: str) -> dict:
    """Table `number`'s game: bots under `scenario`, the session's one seed, each table its own play."""
    from game.analysis.gamelog import build_log
    from game.analysis.simulate import play
    from game.bots import Bot
    from game.engine import SeatSetup, Setup

    strategy = STRATEGIES[number % len(STRATEGIES)]
    seats = tuple(SeatSetup(role, f"Speler {k + 1}", k >= 2, strategy) for k, role in enumerate(content.table_roles(4)))
    setup = Setup(scenario, sorted(content.challenges)[0], seats, content.rules.default_rounds, SEED)
    state = play(content, setup, {k: Bot(k, strategy, SEED) for k in range(len(seats))})
    moment = f"2026-03-01T10:{number:02d}:00Z"
    return build_log(content, setup, state.actions, table=f"Tafel {number + 1}", written=moment)


@pytest.fixture(scope="module")
def logs(content, tmp_path_factory):
    """Four tables of one session under three futures, in a folder."""
    from game.analysis.gamelog import write_log

    folder = tmp_path_factory.mktemp("tables")
    futures = content.scenario_ids()[:3]
    for number in range(4):
        write_log(_table_log(content, number, futures[number % 3]), folder)
    return folder


@pytest.fixture(scope="module")
def comparison(content, logs):
    from game.analysis.compare import read_tables

    return read_tables(content, [logs], choice_games=5)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_pdf_holds_every_table(comparison, tmp_path, lang):
    from game.analysis.compare import outcome_row
    from game.export.hall_report import write_hall_report

    assert len(comparison.tables) == 4 and not comparison.skipped
    out = tmp_path / "nieuwe map" / "zaalverslag.pdf"  # the folder is made
    assert write_hall_report(comparison, out, lang) == out
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in out.parent.iterdir()] == ["zaalverslag.pdf"]  # written atomically: nothing else
    pages, text = _text(out)
    assert 3 <= pages <= 12
    for table in comparison.tables:
        row = outcome_row(table, lang)
        for words in (table.name(lang), row["future"], row["result_text"], percent(row["progress"], lang)):
            assert _plain(words) in text, words
    code = comparison.tables[0].session_code
    assert code and code.lower() in text  # the session code, and the shared deck
    for key in ("doc", "overview", "chart_title", "dilemmas", "coalitions", "choices", "questions", "notes"):
        assert _plain(say(f"hall.{key}", lang)) in text, key
    assert f"{'pagina' if lang == 'nl' else 'page'} {pages} {'van' if lang == 'nl' else 'of'} {pages}" in text
    other = "aantekeningen" if lang == "en" else "notes"
    assert other not in text


def test_every_dilemma_answer_and_coalition_lead_is_printed(comparison, tmp_path):
    from game.analysis.compare import coalition_rows, dilemma_rows
    from game.export.hall_report import write_hall_report

    _, text = _text(write_hall_report(comparison, tmp_path / "z.pdf", "nl"))
    rows = dilemma_rows(comparison, "nl")
    assert rows
    for row in rows:
        assert _plain(row["name"]) in text
        for answer in filter(None, row["answers"]):
            assert _plain(answer["answer"]) in text and _plain(answer["stance"]) in text
    leads = [c["lead"] for table in coalition_rows(comparison, "nl") for c in table if c["lead"]]
    assert all(_plain(lead) in text for lead in leads)


def test_branches_and_skipped_files_are_named(content, logs, tmp_path):
    """A what-if branch is marked as one; a damaged file is named at the end with its reason."""
    from game.analysis.branch import make_branch
    from game.analysis.compare import read_tables
    from game.analysis.gamelog import read_log
    from game.export.hall_report import write_hall_report

    first = sorted(logs.glob("*.json"))[0]
    log = read_log(first, content)
    other = next(s for s in content.scenario_ids() if s != log.setup.scenario)
    (tmp_path / "tak.json").write_text(json.dumps(make_branch(content, log, 3, other)), encoding="utf-8")
    (tmp_path / "kapot.json").write_text('{"format": "vitale-coalities-log", "actions": [', encoding="utf-8")
    cmp = read_tables(content, [first, tmp_path / "tak.json", tmp_path / "kapot.json"], choice_games=0)
    assert len(cmp.tables) == 2 and len(cmp.skipped) == 1
    for lang in ("nl", "en"):
        _, text = _text(write_hall_report(cmp, tmp_path / f"z-{lang}.pdf", lang))
        branch = next(t for t in cmp.tables if t.branch is not None)
        assert _plain(branch.name(lang)) in text
        assert _plain(say("hall.branch_mark", lang)) in text
        assert _plain(say("hall.skipped", lang)) in text and "kapot.json" in text
        assert _plain(cmp.skipped[0].text(lang))[-40:] in text


def test_a_folder_that_cannot_be_written_goes_to_the_caller(comparison, tmp_path):
    from game.export.hall_report import write_hall_report

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(OSError):
        write_hall_report(comparison, blocker / "zaal.pdf", "nl")


def test_eight_lines_differ_without_colour():
    from game.export.charts import TABLE_COLOURS, distinct_styles

    assert len(set(distinct_styles(8))) == 8 and len(set(TABLE_COLOURS)) == 8


def test_compare_writes_the_pdf(logs, tmp_path):
    out = tmp_path / "x.pdf"
    done = run_game("compare", str(logs), "--out", str(out), "--games", "5", "--lang", "nl")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and str(out) in done.stderr
    assert out.read_bytes().startswith(b"%PDF")
    _, text = _text(out)
    assert "zaalverslag" in text and "tafel 1" in text and "tafel 4" in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_nothing_runs_off_the_page(comparison, tmp_path):
    """Every word lies within the page's side margins (10 mm at least) and above the bottom edge."""
    from game.export.hall_report import write_hall_report

    out = write_hall_report(comparison, tmp_path / "z.pdf", "en")
    html = subprocess.run(["pdftotext", "-bbox", str(out), "-"], capture_output=True, text=True, check=True).stdout
    mm = 72 / 25.4
    words = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', html)
    assert len(words) > 300
    for x0, y0, x1, y1, word in words:
        x0, y0, x1, y1 = map(float, (x0, y0, x1, y1))
        assert x0 >= 10 * mm and x1 <= 200 * mm, word
        assert y0 >= 8 * mm and y1 <= 289 * mm, word
