"""The printable role cards (beamer mode): an A4 PDF, one card per seat, two per page, with the private goal."""

import math
import re
import subprocess
import sys

import pytest
from pypdf import PdfReader

from game.engine import SeatSetup, Setup, new_game
from game.engine.vocabulary import RESOURCES
from game.export.rolecards import (
    MIN_READABLE,
    _Pdf,
    card_body_size,
    default_role_cards_path,
    role_cards,
    write_role_cards,
)

SEATS = (
    SeatSetup("wethouder", "Anouk"),
    SeatSetup("inwoner", "Sem"),
    SeatSetup("bedrijf", "Zoë Ëlsenaar"),
    SeatSetup("professional", "Fatima", bot=True),
    SeatSetup("inwoner", "Kees"),
)


def _state(content, seats=SEATS, scenario="samendam", seed=7):
    return new_game(content, Setup(scenario, "schulden", tuple(seats), seed=seed))


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _pdf_text(path) -> str:
    reader = PdfReader(str(path), strict=True)
    return _flat(" ".join(page.extract_text() or "" for page in reader.pages))


def _assert_printed(needle: str, text: str) -> None:
    """The needle is in the extracted text; if the extractor split words oddly, a distinctive 5-word run is."""
    needle = _flat(needle)
    if needle in text:
        return
    words = needle.split()
    fragment = " ".join(words[:5])
    assert fragment in text, f"{needle!r} not found in the PDF text"


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("n_seats", [5, 4, 2])
def test_one_card_per_seat_with_name_and_private_goal(content, tmp_path, lang, n_seats):
    state = _state(content, SEATS[:n_seats])
    target = tmp_path / f"kaarten-{lang}.pdf"
    result = write_role_cards(state, lang, target)
    assert result == target
    data = target.read_bytes()
    assert data.startswith(b"%PDF-")
    assert b"%%EOF" in data[-64:]

    reader = PdfReader(str(target), strict=True)
    assert len(reader.pages) == math.ceil(n_seats / 2)
    for page in reader.pages:  # A4 portrait
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - 595.28) < 1 and abs(height - 841.89) < 1
    assert "Vitale Coalities" in (reader.metadata.title or "")

    text = _pdf_text(target)
    assert text.count("Vitale Coalities") >= n_seats
    for seat in state.seats:
        _assert_printed(seat.name, text)
        _assert_printed(state.book.content.roles[seat.role].name.get(lang), text)
        _assert_printed(state.book.goal(seat.role, seat.goal).text.get(lang), text)
    scenario = state.book.content.scenarios["samendam"].name.get(lang)
    assert scenario in text


@pytest.mark.parametrize(
    "lang, labels, goal_heading",
    [
        ("nl", ["geld", "tijd", "kennis", "netwerk"], "Jouw geheime doel — laat dit niet zien"),
        ("en", ["money", "time", "knowledge", "network"], "Your private goal — keep it to yourself"),
    ],
)
def test_labels_actions_and_description_in_the_language(content, tmp_path, lang, labels, goal_heading):
    state = _state(content)
    target = write_role_cards(state, lang, tmp_path / "kaarten.pdf")
    text = _pdf_text(target)
    assert text.count(goal_heading) == len(state.seats)
    for label in labels:
        assert label in text
    for seat in state.seats:
        role = content.roles[seat.role]
        _assert_printed(role.description.get(lang), text)
        for action_id in role.signature_actions:
            action = content.actions[action_id]
            _assert_printed(action.description.get(lang), text)
        # the starting resources, as "label amount" in the order money, time, knowledge, network
        row = " ".join(f"{label} {role.start.get(key, 0)}" for label, key in zip(labels, RESOURCES, strict=True))
        assert row in text


def test_every_built_in_card_is_readable(content):
    """Every role with every one of its goals, in both languages, fits its half page at body text >= 11 pt."""
    seats = [SeatSetup(role_id, "Maximiliaan van Oranje-Ëlst") for role_id in sorted(content.roles)]
    state = _state(content, seats)
    pdf = _Pdf()
    pdf.add_page()
    for lang in ("nl", "en"):
        for turn in range(max(len(r.private_goals) for r in content.roles.values())):
            for seat in state.seats:
                goals = content.roles[seat.role].private_goals
                seat.goal = goals[turn % len(goals)].id
            for card in role_cards(state, lang):
                assert card_body_size(card, lang, pdf) >= MIN_READABLE, (lang, card.role, card.goal)


def test_write_is_atomic_and_makes_the_folder(content, tmp_path):
    state = _state(content)
    target = tmp_path / "nieuw" / "diep" / "kaarten.pdf"
    target.parent.parent.mkdir()
    write_role_cards(state, "nl", target)
    assert target.is_file()
    assert not (target.parent / "kaarten.pdf.new").exists()
    # writing again replaces the old file in one step
    target.write_bytes(b"old")
    write_role_cards(state, "en", target)
    assert target.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in target.parent.iterdir()] == ["kaarten.pdf"]


def test_os_error_reaches_the_caller(content, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(OSError):
        write_role_cards(_state(content), "nl", blocker / "kaarten.pdf")


def test_default_path_is_in_the_reports_folder(user_home):
    setup = Setup("ikhoven", "schulden", SEATS[:2], seed=42)
    path = default_role_cards_path(setup)
    assert path == user_home / "reports" / "rolkaarten-ikhoven-42.pdf"
    assert path.parent.is_dir()


def test_module_does_not_import_pygame():
    code = "import sys, game.export.rolecards; print('pygame' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
