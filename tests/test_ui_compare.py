"""The compare screen (issue 19), driven by posted events: menu → "Tafels vergelijken", the games on this laptop,
four tables ticked (three futures, one session code) and a damaged file, read in the background, then every tab
at 1280x720 and 1920x1080, in Dutch and English: nothing overlaps, everything is inside the window, every table
is named, and the damaged file is named with its reason, not fatal."""

from __future__ import annotations

import pytest

from game.analysis import compare as analysis
from tests.layout_checks import Frame, unreadable
from tests.screens import compare_logs, open_compare
from tests.ui_driver import click, find_button, key, new_app, step

TABS = ("overview", "chart", "dilemmas", "coalitions", "choices", "questions")


def required(f: Frame) -> list:
    """What the compare screen must show on its overview (for the layout matrix, tests/test_ui_layout_matrix.py)."""
    app = f.app
    scene, t, lang = app.top, app.t, app.settings.lang
    found = [
        f.text("title", t("compare.title"), exact=True),
        *(f.button(f"tab {tab}", t(f"compare.tab.{tab}")) for tab in TABS),
        f.button("'back' button", t("common.back")),
        f.button("'hall report' button", t("compare.hall_report"), t("compare.hall_open")),
    ]
    found += _columns(f, scene, lang)
    for i, skipped in enumerate(scene.cmp.skipped):
        found.append(f.text(f"skipped file {i + 1}", skipped.text(lang).split(",")[0].rsplit("/", 1)[-1]))
    return found


def _columns(f: Frame, scene, lang: str) -> list:
    """Each table on the page shown: its name and (on the overview) its future."""
    from game.ui.scenes.compare_draw import shown_tables

    body = scene.layout()["body"]
    found = []
    for i in shown_tables(scene, body):
        table = scene.cmp.tables[i]
        found.append(f.text(f"name of table {i + 1}", table.name(lang)[:12]))
        if scene.tab == "overview":
            found.append(f.text(f"future of table {i + 1}", table.story.scenario.name.get(lang), exact=True))
    return found


def _problems(app) -> list:
    frame = Frame(app)
    found = frame.overlaps() + frame.layout_problems()
    w, h = app.window.get_size()
    if w >= 1920 and h >= 1080:
        found += [f"under 20 px: {text}" for text in unreadable(app, 20)]
    return found


def _open_from_menu(app, user_home) -> list:
    """Menu → compare → this laptop's games → tick every game → compare; wait for the reading."""
    from game.paths import user_dir

    paths = compare_logs(app.content, user_dir("logs"))
    t = app.t
    assert click_label(app, t("menu.compare"))
    assert app.top.name == "compare" and app.top.phase == "source"
    assert not _problems(app)
    assert click_label(app, t("compare.source_logs"))
    assert app.top.phase == "pick"
    compare = find_button(app, t("compare.compare_chosen"))
    assert not compare.is_enabled  # nothing ticked yet
    while True:  # tick every game, page by page
        while True:
            rows = [b for b in _rows(app) if b.text not in {app.top.picks.text(p) for p in app.top.picks.ticked}]
            if not rows:
                break
            click(app, rows[0])
        assert not _problems(app)
        if not click_label(app, "›"):
            break
    assert len(app.top.picks.ticked) == len(paths)
    assert not _problems(app)
    assert click_label(app, t("compare.compare_chosen"))
    assert app.top.phase == "reading"
    assert not _problems(app)
    job = app.top.job
    step(app, 2)
    assert job.wait(120), "the tables were not read"
    step(app, 2)
    assert app.top.phase == "view"
    return paths


def _rows(app) -> list:
    """The games of the list's page shown (their buttons)."""
    picks = app.top.picks
    texts = {picks.text(p) for p in picks.files}
    return [b for b in app.top.buttons if b.alive() and b.text in texts]


def click_label(app, label: str) -> bool:
    btn = next((b for b in app.top.buttons if b.alive() and b.text == label and b.is_enabled), None)
    if btn is None:
        return False
    click(app, btn)
    return True


@pytest.mark.parametrize(
    ("size", "text_size", "lang"),
    [((1280, 720), 100, "nl"), ((1920, 1080), 150, "en"), ((1280, 720), 150, "en"), ((1920, 1080), 100, "nl")],
    ids=["720p-100-nl", "1080p-150-en", "720p-150-en", "1080p-100-nl"],
)
def test_the_compare_screen_from_the_menu_shows_every_tab_whole(size, text_size, lang, user_home):
    app = new_app(size=size)
    app.settings.text_size = text_size
    app.settings.lang = lang
    app.resized()
    _open_from_menu(app, user_home)
    scene = app.top
    cmp = scene.cmp
    assert len(cmp.tables) == 4 and len(cmp.skipped) == 1
    assert "kapot" in cmp.skipped[0].file
    assert set(cmp.shared_decks()) == {cmp.tables[0].session_code}  # one code: the same deck at all four
    futures = {t.scenario for t in cmp.tables}
    assert len(futures) == 3
    t = app.t
    for tab in TABS:
        assert click_label(app, t(f"compare.tab.{tab}"))
        assert scene.tab == tab
        frame = Frame(app)
        elements = _columns(frame, scene, lang) if tab in ("overview", "dilemmas", "coalitions") else []
        problems = _problems(app) + frame.missing(elements)
        assert not problems, (tab, problems[:6])
        if tab == "overview":
            text = " ".join(r.text for r in frame.records)
            assert t("compare.skipped_title") in text
            assert "spel-kapot-7-20260101T090000.json" in text  # named, by its file name only
            code = cmp.tables[0].session_code
            assert t("compare.same_deck", code=code) in text
            assert not frame.missing(required(frame))
        if tab == "questions":
            text = " ".join(r.text for r in frame.records)
            for question in analysis.questions(cmp, lang):
                assert question in text
    # every indicator of the chart, in turn (the pager goes round)
    assert click_label(app, t("compare.tab.chart"))
    for _ in range(6):
        assert click_label(app, "›")
        assert not _problems(app)
    assert scene.measure == 0
    # every dilemma card
    assert click_label(app, t("compare.tab.dilemmas"))
    cards = len(analysis.dilemma_rows(cmp, lang))
    for _ in range(cards - 1):
        assert click_label(app, "›")
        assert not _problems(app)
    assert scene.card == cards - 1
    # back: to the list (still ticked), back again: where from, back again: the menu
    key(app, __import__("pygame").K_ESCAPE)
    assert scene.phase == "pick" and len(scene.picks.ticked) == 5
    key(app, __import__("pygame").K_ESCAPE)
    assert scene.phase == "source"
    assert click_label(app, t("common.back"))
    assert app.top.name == "menu"


def test_eight_tables_come_in_pages_not_in_tiny_text(user_home):
    from game.paths import user_dir

    app = new_app(size=(1280, 720))
    app.settings.text_size = 150
    app.resized()
    open_compare(app, compare_logs(app.content, user_dir("logs"), count=8, damaged=False))
    scene = app.top
    assert len(scene.cmp.tables) == 8
    seen = set()
    for tab in ("overview", "dilemmas", "coalitions"):
        scene.select(tab)
        scene.table_page = 0
        scene.rebuild()
        step(app, 1)
        while True:
            frame = Frame(app)
            assert not _problems(app), (tab, scene.table_page, _problems(app)[:5])
            found = _columns(frame, scene, "nl")
            assert not frame.missing(found), (tab, frame.missing(found))
            seen |= {e.name for e in found}
            if not click_label(app, "›") or tab == "dilemmas" and scene.table_page == 0:
                break
        assert all(r.px >= app.look.size("small") for r in app.frame_records), tab
    assert {f"name of table {i}" for i in range(1, 9)} <= seen


def test_the_what_if_way_in_compares_at_once_and_goes_back_to_where_it_came_from(user_home, tmp_path):
    from game.ui.scenes.compare import CompareScene
    from game.ui.scenes.menu import MenuScene

    app = new_app()
    paths = compare_logs(app.content, tmp_path, count=2, damaged=False)
    app.goto(MenuScene(app))
    app.push(CompareScene(app, paths))  # over the screen it came from (the debrief)
    app.draw()
    step(app, 1)
    assert app.top.job.wait(120)
    step(app, 2)
    assert app.top.phase == "view" and len(app.top.cmp.tables) == 2
    assert find_button(app, app.t("compare.other_folder")) is None  # these two files, nothing else
    assert not _problems(app)
    assert click_label(app, app.t("common.back"))
    assert app.top.name == "menu" and len(app.stack) == 1


def test_only_damaged_files_say_so_and_nothing_breaks(user_home, tmp_path):
    app = new_app()
    (tmp_path / "a.json").write_text("{", encoding="utf-8")
    (tmp_path / "b.json").write_text('{"format": 3}', encoding="utf-8")
    open_compare(app, [tmp_path])
    scene = app.top
    assert scene.phase == "failed"
    text = " ".join(r.text for r in Frame(app).records)
    assert app.t("compare.too_few") in text
    assert "a.json" in text and "b.json" in text
    assert str(tmp_path) not in text  # the file's name, not the folder (with the user's name) above it
    assert not _problems(app)


def test_the_hall_report_is_written_and_can_be_opened(user_home, tmp_path, monkeypatch):
    app = new_app()
    open_compare(app, compare_logs(app.content, tmp_path, count=2, damaged=False))
    scene = app.top
    assert click_label(app, app.t("compare.hall_report"))
    assert scene.status == app.t("compare.hall_busy")
    scene.exporting.wait()
    step(app, 1)
    assert scene.exported, scene.status
    assert scene.export_path.is_file() and scene.export_path.read_bytes().startswith(b"%PDF")
    assert scene.export_path.parent.name == "reports" and scene.export_path.name.startswith("zaalverslag-")
    opened = []
    monkeypatch.setattr("game.ui.opener.open_file_or_folder", lambda path: opened.append(path) or "file")
    assert click_label(app, app.t("compare.hall_open"))
    assert opened == [scene.export_path]
    assert not _problems(app)


def test_a_folder_chosen_lists_its_games_ticked(user_home, tmp_path):
    import pygame
    import pygame_gui

    app = new_app()
    compare_logs(app.content, tmp_path, count=3)
    assert click_label(app, app.t("menu.compare"))
    scene = app.top
    assert click_label(app, app.t("compare.source_pick"))
    assert scene.picker is not None and scene.picker.is_open
    key(app, pygame.K_ESCAPE)  # Esc closes the folder window, not the screen
    assert app.top is scene and scene.phase == "source" and not (scene.picker and scene.picker.is_open)
    assert click_label(app, app.t("compare.source_pick"))
    dialog = scene.picker.dialog
    pygame.event.post(pygame.event.Event(pygame_gui.UI_FILE_DIALOG_PATH_PICKED, ui_element=dialog, text=str(tmp_path)))
    step(app, 2)
    assert scene.phase == "pick" and scene.picks.folder == tmp_path
    assert len(scene.picks.ticked) == 4  # a folder of today's tables: all ticked, the damaged one too
    assert not _problems(app)
    assert click_label(app, app.t("compare.compare_chosen"))
    assert scene.job.wait(120)
    step(app, 2)
    assert scene.phase == "view" and len(scene.cmp.tables) == 3 and len(scene.cmp.skipped) == 1
