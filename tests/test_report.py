"""The printable report (game/export/report.py) and `python -m game report`."""

import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from game.engine.vocabulary import INDICATORS
from game.words import indicator_name
from tests.conftest import run_game

GAMES = "20"


def _text(path) -> tuple:
    """(pages, all text with whitespace collapsed and in lower case)."""
    reader = PdfReader(str(path))
    text = " ".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), " ".join(text.split()).lower()


def _assert_holds(text: str, content, lang: str) -> None:
    scenario = content.scenarios["samendam"]
    assert scenario.name.get(lang).lower() in text
    for key in INDICATORS:
        assert indicator_name(key, lang).lower() in text, key
    knobs = sorted(content.knobs.values(), key=lambda k: k.number)
    assert len(knobs) == 5
    for knob in knobs:
        assert " ".join(knob.name.get(lang).split()).lower() in text, knob.id


@pytest.fixture(scope="module")
def report_nl(game_log_file, tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "rapport.pdf"
    done = run_game("report", "--log", str(game_log_file), "--out", str(out), "--games", GAMES)
    return done, out


def test_report_in_dutch(report_nl, content):
    done, out = report_nl
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert out.is_file() and out.read_bytes().startswith(b"%PDF")
    assert str(out) in done.stdout
    pages, text = _text(out)
    assert 5 <= pages <= 14
    _assert_holds(text, content, "nl")
    for words in (
        "uitkomst",
        "de opgave is gerealiseerd",
        "tijdlijn",
        "de vijf knoppen",
        "de windtunnel",
        "reflectie",
        "robuuste keuzes",
        "eenzaamheid onder ouderen",
        "1 januari 2026",
        "de toekomst samendam",  # the future with what the national government, municipality and region do
        "het rijk faciliteert",
        "economie: lichte krimp",
    ):
        assert words in text, words
    assert f"pagina {pages} van {pages}" in text
    assert not list(out.parent.glob("*.new")), "a temporary file was left behind"


def test_report_in_english(game_log_file, content, tmp_path):
    out = tmp_path / "report.pdf"
    done = run_game("report", "--log", str(game_log_file), "--out", str(out), "--games", GAMES, "--lang", "en")
    assert done.returncode == 0, done.stderr
    pages, text = _text(out)
    _assert_holds(text, content, "en")
    for words in ("the challenge was realised", "timeline", "the five knobs", "the wind tunnel", "reflection"):
        assert words in text, words
    assert "tijdlijn" not in text
    assert f"page {pages} of {pages}" in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_nothing_runs_off_the_page(report_nl):
    """Every word lies within the page's side margins (10 mm at least) and above the bottom edge."""
    _, out = report_nl
    html = subprocess.run(["pdftotext", "-bbox", str(out), "-"], capture_output=True, text=True, check=True).stdout
    mm = 72 / 25.4
    page_w, page_h = 210 * mm, 297 * mm
    words = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', html)
    assert len(words) > 500
    for x0, y0, x1, y1, word in words:
        x0, y0, x1, y1 = map(float, (x0, y0, x1, y1))
        assert x0 >= 10 * mm and x1 <= page_w - 10 * mm, word
        assert y0 >= 8 * mm and y1 <= page_h - 8 * mm, word


def test_bad_log_exit_2_one_line_no_file(tmp_path):
    bad = tmp_path / "kapot.json"
    bad.write_text('{"format": "vitale-coalities-log", "actions": [', encoding="utf-8")
    out = tmp_path / "rapport.pdf"
    done = run_game("report", "--log", str(bad), "--out", str(out), "--games", GAMES)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "kapot.json" in done.stderr
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [bad]


def test_missing_log_and_not_a_log(tmp_path):
    out = tmp_path / "rapport.pdf"
    done = run_game("report", "--log", str(tmp_path / "nergens.json"), "--out", str(out))
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
    other = tmp_path / "other.json"
    other.write_text('{"hello": 1}', encoding="utf-8")
    done = run_game("report", "--log", str(other), "--out", str(out))
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr
    assert not out.exists()


def test_out_folder_missing(game_log_file, tmp_path):
    out = tmp_path / "bestaat-niet" / "rapport.pdf"
    done = run_game("report", "--log", str(game_log_file), "--out", str(out), "--games", GAMES)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr
    assert "bestaat-niet" in done.stderr and "does not exist" in done.stderr
    assert not out.parent.exists()


def test_out_is_a_folder(game_log_file, tmp_path):
    done = run_game("report", "--log", str(game_log_file), "--out", str(tmp_path), "--games", GAMES)
    assert done.returncode == 2
    assert "folder" in done.stderr and len(done.stderr.strip().splitlines()) == 1


# ---------------------------------------------------------------------------------------------- in process
@pytest.fixture(scope="module")
def game_log(content, game_log_file):
    from game.analysis.gamelog import read_log

    return read_log(game_log_file, content)


def test_write_report_for_the_export_button(content, game_log, user_home):
    from game.analysis.windtunnel import run_windtunnel
    from game.export.report import default_report_path, write_report

    path = default_report_path(game_log)
    assert path.parent == user_home / "reports"
    assert path.name == "rapport-samendam-7-20260101T100000.pdf"
    assert default_report_path(game_log.data) == path  # the log's data does as well
    result = run_windtunnel(content, game_log, games=10)
    written = write_report(content, game_log, path, "en", windtunnel_result=result)
    assert written == path and path.is_file()
    _, text = _text(path)
    assert "the wind tunnel" in text
    # the wind tunnel's JSON does too, and without a result the report runs the wind tunnel itself
    again = write_report(content, game_log, path.with_name("b.pdf"), "nl", windtunnel_result=result.to_json())
    assert "windtunnel" in _text(again)[1]
    third = write_report(content, game_log, path.with_name("c.pdf"), "nl", games=10)
    assert "windtunnel" in _text(third)[1]


@pytest.mark.parametrize(
    "scenario, strategy, result",
    [
        ("staatsburcht", "solo", "gestrand"),
        ("ikhoven", "passive", "gestrand"),  # no coalition at all
        ("ikhoven", "citizen_platform", "deels gerealiseerd"),  # a coalition that was not vital in some rounds
    ],
)
def test_render_without_wind_tunnel_and_other_outcomes(content, tmp_path, scenario, strategy, result):
    """Stranded and partly realised games in other scenarios, with no wind tunnel: that section is left out,
    the rest holds."""
    import io

    from game.analysis.gamelog import read_log, write_log
    from game.export.report import render_report
    from tests.conftest import make_log

    path = write_log(make_log(content, scenario=scenario, seed=3, strategy=strategy), tmp_path)
    data = render_report(content, read_log(path, content), "nl")
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split()).lower()
    assert content.scenarios[scenario].name.nl.lower() in text
    assert "de windtunnel" not in text
    assert f"de opgave is {result}" in text
    for key in INDICATORS:
        assert indicator_name(key, "nl").lower() in text
    assert "reflectie" in text


def test_characters_the_font_lacks_are_replaced():
    from game.export.report import clean

    assert clean("€ ë é “quote” — ×") == "€ ë é “quote” — ×"
    assert clean("a → b ✓") == "a -> b v"
