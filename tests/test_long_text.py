"""No text can freeze the game, and a signal always ends it.

- The content refuses runaway texts (a title of 300,000 characters, a word of 300,000 letters) with the
  loader's usual `file:line: field: message`, in words a trainer understands.
- However long a text reaches the screen, drawing it stays quick: a word wider than its box is broken with a
  few measurements per line (it was one per character: a 300,000-letter word took over 17 minutes), and
  `Painter.text` works out only the lines it can show. Ordinary texts get exactly the lines they always got.
  (How quick is measured in bench/long_word.py: tests assert what is drawn, never how fast.)
- SIGTERM and SIGINT end a running game, even one stuck in a long computation, with 143 and 130 and no
  traceback.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pygame
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content import load_content
from game.content.models import LONG_TEXT_CHARS, TEXT_CHARS, TITLE_CHARS, WORD_CHARS
from game.export import draw
from game.export.draw import Painter, wrap
from game.ui.theme import Look, font
from tests.conftest import ROOT, run_game, write_pack

TREND = (ROOT / "content" / "trends" / "vergrijzing.yaml").read_text(encoding="utf-8")
SCENARIO = (ROOT / "content" / "scenarios" / "samendam.yaml").read_text(encoding="utf-8")
HUGE = 300_000


def _trend(title: str = "Vergrijzing", question_start: str = "") -> str:
    """The Vergrijzing trend as a new card `lang` with another Dutch title (line 4) and words put before its
    Dutch question."""
    text = TREND.replace("id: vergrijzing", "id: lang", 1).replace("  nl: Vergrijzing\n", f"  nl: {title}\n", 1)
    assert f"  nl: {title}\n" in text
    return text.replace("question:\n  nl: ", f"question:\n  nl: {question_start}", 1)


def _line_of(text: str, marker: str) -> int:
    return text[: text.index(marker)].count("\n") + 1


def _problems(tmp_path: Path, files: dict) -> list[str]:
    return [str(p) for p in load_content(pack=write_pack(tmp_path, files)).problems]


# --------------------------------------------------------------------------------------- the content's limits
def test_a_title_of_300000_characters_is_refused_with_file_and_line(tmp_path):
    problems = _problems(tmp_path, {"trends/lang.yaml": _trend("lang " * (HUGE // 5))})
    assert problems == [
        "mijnpakket/trends/lang.yaml:4: title.nl: this text is 299,999 characters long; "
        f"at most {TITLE_CHARS} fit in a title or name"
    ], problems


def test_a_word_of_300000_letters_is_refused_with_file_and_line(tmp_path):
    text = _trend(question_start="w" * HUGE + " ")
    problems = _problems(tmp_path, {"trends/lang.yaml": text})
    line = _line_of(text, "w" * 10)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"mijnpakket/trends/lang.yaml:{line}: question.nl: "), problems
    assert f'the word "{"w" * 57}..." is 300,000 characters long; a word may be at most {WORD_CHARS}' in problems[0]
    assert len(problems[0]) < 400  # the word is shown cut short


def test_a_word_one_letter_too_long_is_named_alone(tmp_path):
    word = "arbeidsongeschiktheidsverzekeringsmaatschappijen" + "x" * (WORD_CHARS + 1 - 48)
    assert len(word) == WORD_CHARS + 1
    problems = _problems(tmp_path, {"trends/lang.yaml": _trend(question_start=word + " ")})
    assert len(problems) == 1 and "question.nl: the word" in problems[0], problems
    assert f'"{word}" is {WORD_CHARS + 1} characters long' in problems[0] and "this text is" not in problems[0]


def test_the_english_text_has_the_same_limits(tmp_path):
    text = TREND.replace("id: vergrijzing", "id: lang", 1).replace(
        "  en: An ageing population\n", f"  en: {'long ' * 30}\n", 1
    )
    problems = _problems(tmp_path, {"trends/lang.yaml": text})
    assert problems == [
        f"mijnpakket/trends/lang.yaml:5: title.en: this text is 149 characters long; at most {TITLE_CHARS} fit in "
        "a title or name"
    ], problems


def test_texts_at_the_limits_are_accepted(tmp_path):
    title = "a" * WORD_CHARS + " " + "b" * (TITLE_CHARS - WORD_CHARS - 1)
    body = " ".join(["woord"] * (TEXT_CHARS // 6)).ljust(TEXT_CHARS, "x")
    description = " ".join(["woord"] * (LONG_TEXT_CHARS // 6)).ljust(LONG_TEXT_CHARS, "x")
    assert (len(title), len(body), len(description)) == (TITLE_CHARS, TEXT_CHARS, LONG_TEXT_CHARS)
    trend = yaml.safe_load(TREND)
    trend.update(id="lang", title={"nl": title, "en": title}, question={"nl": body, "en": body})
    scenario = yaml.safe_load(SCENARIO)
    scenario.update(id="lang", description={"nl": description, "en": description})
    files = {"trends/lang.yaml": yaml.safe_dump(trend), "scenarios/lang.yaml": yaml.safe_dump(scenario)}
    result = load_content(pack=write_pack(tmp_path, files))
    assert result.ok, [str(p) for p in result.problems]
    assert result.content.trends["lang"].title.en == title
    assert result.content.trends["lang"].question.nl == body
    assert result.content.scenarios["lang"].description.nl == description


def test_validate_prints_the_line_and_exits_1(tmp_path):
    pack = write_pack(tmp_path, {"trends/lang.yaml": _trend("a" * HUGE)})
    done = run_game("validate", "--content", str(pack))
    assert done.returncode == 1, (done.returncode, done.stderr[-1000:])
    assert "Traceback" not in done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("mijnpakket/trends/lang.yaml:4: title.nl: this text is 300,000 ")
    assert len(lines[0]) < 400


# ------------------------------------------------------------------------------------------------- drawing
@pytest.fixture(scope="module")
def fonts():
    pygame.display.init()
    pygame.font.init()
    return [font(px, bold) for px in (12, 21, 32) for bold in (False, True)]


def _reference_wrap(text: str, fnt, width: int) -> list[str]:
    """The straightforward wrap (as the game had it): a word wider than the line loses one letter at a time
    until it fits. Words are split at white space but not at a no-break space (Dutch "13 %")."""
    lines = []
    for paragraph in text.split("\n"):
        words = draw.split_words(paragraph)
        if not words:
            lines.append("")
            continue
        line = ""
        for word in words:
            candidate = f"{line} {word}" if line else word
            if fnt.size(candidate)[0] <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            while fnt.size(word)[0] > width and len(word) > 1:
                cut = len(word)
                while cut > 1 and fnt.size(word[:cut])[0] > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


def _reference_ellipsis(last: str, fnt, width: int) -> str:
    while last and fnt.size(last + "…")[0] > width:
        last = last[:-1]
    return last + "…"


def _fits(lines, fnt, width) -> bool:
    return all(fnt.size(line)[0] <= width or len(line) == 1 for line in lines)


def test_a_word_of_300000_letters_is_drawn_in_its_box(fonts):
    painter = Painter(pygame.Surface((1920, 1080)), Look(1920, 1080))
    box = pygame.Rect(100, 100, 874, 520)  # a trend card's text at 1920x1080
    for text in ("w" * HUGE, "é" * HUGE, ("woord " * (HUGE // 6)).strip(), "\n" * HUGE, "a\n" * (HUGE // 2)):
        used = painter.text(box, text, "large", min_kind="small")
        record = painter.records[-1]
        assert box.contains(used) and record.cut, (text[:10], used, record.cut)
        fnt = font(record.px)  # the lines Painter.text drew: those that fit the box's height
        shown = wrap(text, fnt, box.width, limit=box.height // fnt.get_linesize())[: box.height // fnt.get_linesize()]
        assert shown and _fits(shown, fnt, box.width), text[:10]
        if len(text.split()) == 1:  # one word: its first letters, broken over the lines
            assert text.startswith("".join(shown)), text[:10]
    lines = wrap("w" * HUGE, fonts[2], 300, limit=20)
    assert len(lines) == 21 and _fits(lines, fonts[2], 300)
    assert "".join(lines) == "w" * sum(map(len, lines))
    assert all(fonts[2].size(line + "w")[0] > 300 for line in lines)  # each as full as it can be


def test_a_long_word_wrapped_whole_fits_and_is_kept(fonts):
    word = "".join(chr(0x61 + (i * 7) % 26) for i in range(5_000))
    for fnt in fonts[:3]:
        for width in (1, 7, 90, 300):
            lines = wrap(word, fnt, width)
            assert "".join(lines) == word
            assert _fits(lines, fnt, width)
            assert all(fnt.size(a + b[0])[0] > width for a, b in zip(lines, lines[1:], strict=False))


def test_the_cut_text_ends_in_an_ellipsis_that_fits(fonts):
    painter = Painter(pygame.Surface((1280, 720)), Look(1280, 720))
    for width in (20, 200):
        box = pygame.Rect(0, 0, width, 30)
        painter.text(box, "x" * HUGE, "body")
        assert painter.records[-1].cut and box.contains(painter.records[-1].rect), width


def test_a_text_of_characters_without_width_is_drawn(fonts):
    """Regression (found by drawing the fuzzed trend cards): SDL_ttf refuses to render a text that has no
    width ("Text has zero width"), such as a title of one zero-width space, which the content accepts."""
    painter = Painter(pygame.Surface((1280, 720)), Look(1280, 720))
    for text in ("\u200b", "\u200b\u200b \u200b", "\u200d" * 5000, "a\u200b"):
        used = painter.text(pygame.Rect(10, 10, 300, 200), text, "title")
        assert pygame.Rect(10, 10, 300, 200).contains(used), repr(text[:5])
        painter.line((10, 10), text)


words = st.text(
    alphabet=st.sampled_from("aeiouwmlIjfrtyëéç’.,;!?-—0123456789W€"), min_size=1, max_size=30
) | st.sampled_from(["", "a", "W" * 70, "kindertijdsvoorzieningenwetgevingsaanpassing"])
texts = st.lists(
    st.tuples(words, st.sampled_from([" ", " ", " ", "  ", "\n", "\n\n", "\t", " \u00a0", "\u2009"])),
    max_size=40,
).map(lambda parts: "".join(w + s for w, s in parts))


def test_a_no_break_space_keeps_a_number_and_its_percent_sign_together(fonts):
    fnt = fonts[1]
    text = "voortgang 13\u00a0% bereikt"
    width = fnt.size("voortgang 13")[0] + 1
    assert wrap(text, fnt, width) == ["voortgang", "13\u00a0% bereikt"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts, which=st.integers(0, 5), width=st.sampled_from([1, 5, 23, 60, 137, 250, 480, 874]))
def test_wrap_gives_the_lines_it_always_gave(fonts, text, which, width):
    fnt = fonts[which]
    assert wrap(text, fnt, width) == _reference_wrap(text, fnt, width)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(line=words, which=st.integers(0, 5), width=st.sampled_from([1, 10, 23, 60, 137]))
def test_the_ellipsis_is_placed_as_it_always_was(fonts, line, which, width):
    fnt = fonts[which]
    keep = draw._longest_fit(fnt, line, width, len(line), "…") if line else 0
    assert line[:keep] + "…" == _reference_ellipsis(line, fnt, width)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts.filter(lambda t: len(t.split()) > 3), limit=st.integers(0, 12), width=st.sampled_from([60, 300]))
def test_a_limited_wrap_of_a_long_text_gives_its_first_lines(fonts, text, limit, width):
    long_text = (text + " ") * (draw._WHOLE_CHARS // len(text) + 2)
    assert len(long_text) > draw._WHOLE_CHARS
    full = _reference_wrap(long_text, fonts[1], width)
    assert wrap(long_text, fonts[1], width, limit) == full[: limit + 1]


# ------------------------------------------------------------------------------------------------- signals
STUCK = """
import sys
from game.ui import app as app_module

real_draw = app_module.App.draw


def stuck_draw(self):
    real_draw(self)
    print("stuck", flush=True)
    while True:  # a frame that never ends, in Python: SDL's quit event is never read
        pass


app_module.App.draw = stuck_draw
from game.cli import main

sys.exit(main(["play", "--autoplay", "--seed", "3"]))
"""


def _running(home: Path, seconds: float = 30) -> None:
    """Wait until the game logged its start (its window is up), then a moment more: it is mid-game."""
    log = home / "applog" / "vitale-coalities.log"
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if log.is_file() and "started:" in log.read_text(encoding="utf-8", errors="replace"):
            break
        time.sleep(0.1)
    time.sleep(2)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize(("name", "code"), [("SIGTERM", 143), ("SIGINT", 130)])
@pytest.mark.parametrize("stuck", [False, True], ids=["playing", "stuck"])
def test_a_signal_ends_the_game_cleanly(tmp_path, user_home, name, code, stuck):
    args = ["-c", STUCK] if stuck else ["-m", "game", "play", "--autoplay", "--seed", "3"]
    with open(tmp_path / "out.txt", "w") as out, open(tmp_path / "err.txt", "w") as err:
        game = subprocess.Popen([sys.executable, *args], cwd=ROOT, env=dict(os.environ), stdout=out, stderr=err)
        try:
            _running(user_home)
            assert game.poll() is None, (tmp_path / "err.txt").read_text()[-2000:]
            game.send_signal(getattr(signal, name))
            returncode = game.wait(timeout=10)
        finally:
            if game.poll() is None:
                game.kill()
                game.wait()
    out = (tmp_path / "out.txt").read_text()
    err = (tmp_path / "err.txt").read_text()
    assert returncode == code, (returncode, err[-2000:])
    assert "Traceback" not in err + out, err[-2000:]
    assert f"Vitale Coalities gestopt ({name})." in err, err[-2000:]
    if stuck:
        assert "stuck" in out
    log = (user_home / "applog" / "vitale-coalities.log").read_text(encoding="utf-8")
    assert f"stopped by {name} (exit code {code})" in log


def test_a_text_of_invisible_characters_only_is_refused_with_its_line(tmp_path):
    """A name of zero-width spaces passes as "not empty" but draws nothing (and pygame_gui refuses to draw a
    button label of zero width): refused when the content loads."""
    from game.content import load_content

    for name, value in {"zero-width spaces": "\u200b\u200b\u200b", "a joiner": "\u200d"}.items():
        pack = tmp_path / name / "mijnpakket"
        (pack / "trends").mkdir(parents=True)
        trend = (ROOT / "content" / "trends" / "vergrijzing.yaml").read_text(encoding="utf-8")
        trend = trend.replace("id: vergrijzing", "id: onzichtbaar", 1)
        lines = trend.splitlines()
        at = next(i for i, line in enumerate(lines) if line.startswith("title:"))
        nl = next(i for i in range(at + 1, len(lines)) if lines[i].strip().startswith("nl:"))
        lines[nl] = lines[nl].split("nl:")[0] + f'nl: "{value}"'
        (pack / "trends" / "onzichtbaar.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        result = load_content(pack=pack)
        problems = [str(p) for p in result.problems]
        assert any(f"onzichtbaar.yaml:{nl + 1}:" in p and "no visible character" in p for p in problems), (
            name,
            problems,
        )
        assert "onzichtbaar" not in result.content.trends
