"""The debrief's hand-in and what-if panels, and the folder picker they use, driven by posted events."""

from __future__ import annotations

import pygame
import pygame_gui

from game.ui.folder_picker import FolderPicker
from game.ui.scene import Overlay
from tests.ui_driver import click, key, new_app, shot, step


class _PickScene(Overlay):
    """A screen that opens a picker and forwards its events, as the debrief does."""

    name = "pick"

    def __init__(self, app, start, files=False) -> None:
        super().__init__(app)
        self.chosen = []
        self.start = start
        self.files = files
        self.picker = None

    def open(self) -> None:
        self.picker = FolderPicker(self, self.start, self.chosen.append, title="Map kiezen", files=self.files)

    def build(self) -> None:
        if self.picker is not None:
            self.picker.keep()

    def handle(self, event) -> bool:
        if self.picker is not None and self.picker.process_event(event):
            return True
        return super().handle(event)


def _picker_app(tmp_path, size=(1280, 720), text_size=None):
    (tmp_path / "stick").mkdir()
    (tmp_path / "stick" / "tafel-1.json").write_text("{}", encoding="utf-8")
    app = new_app(size=size, text_size=text_size)
    scene = _PickScene(app, tmp_path)
    app.push(scene)
    scene.open()
    step(app, 2)
    return app, scene


def test_the_picker_chooses_the_folder_on_view_and_a_folder_opened_in_it(tmp_path):
    app, scene = _picker_app(tmp_path)
    dialog = scene.picker.dialog
    assert scene.picker.is_open and dialog.ok_button.is_enabled and "Kies deze map" in dialog.ok_button.text
    assert not dialog.delete_button.visible
    # open the folder "stick" (a double click in the list) and choose it
    listing = dialog.file_selection_list
    pygame.event.post(
        pygame.event.Event(pygame_gui.UI_SELECTION_LIST_DOUBLE_CLICKED_SELECTION, ui_element=listing, text="stick")
    )
    step(app, 2)
    assert "tafel-1.json" in [item["text"] for item in listing.item_list]
    click(app, dialog.ok_button)
    step(app, 2)
    assert scene.chosen == [(tmp_path / "stick").resolve()]
    assert not scene.picker.is_open and app.top is scene


def test_escape_closes_the_picker_and_not_the_screen(tmp_path):
    app, scene = _picker_app(tmp_path)
    key(app, pygame.K_ESCAPE)
    assert not scene.picker.is_open and app.top is scene and scene.chosen == []
    key(app, pygame.K_ESCAPE)  # now the screen's own Esc
    assert app.top is not scene


def test_the_picker_fits_the_window_at_150_percent(tmp_path):
    app, scene = _picker_app(tmp_path, size=(1920, 1080), text_size=150)
    dialog = scene.picker.dialog
    window = app.window.get_rect()
    assert window.contains(dialog.rect)
    for btn in (dialog.ok_button, dialog.cancel_button, dialog.home_button, dialog.parent_directory_button):
        assert dialog.rect.contains(btn.rect), btn.text
        assert btn.font.size(btn.text)[0] <= btn.rect.width - 4 and btn.font.size(btn.text)[1] <= btn.rect.height
    assert not dialog.ok_button.rect.colliderect(dialog.cancel_button.rect)
    assert not dialog.file_selection_list.rect.colliderect(dialog.ok_button.rect)
    shot(app, "picker-1920-150.png")


def test_the_picker_shows_the_files_of_a_folder_readably(tmp_path):
    app, scene = _picker_app(tmp_path, size=(1920, 1080), text_size=150)
    dialog = scene.picker.dialog
    pygame.event.post(
        pygame.event.Event(
            pygame_gui.UI_SELECTION_LIST_DOUBLE_CLICKED_SELECTION, ui_element=dialog.file_selection_list, text="stick"
        )
    )
    step(app, 3)
    app.dirty = True
    app.draw()
    shot(app, "picker-stick.png")
    assert dialog.current_file_path == (tmp_path / "stick").resolve() and dialog.ok_button.is_enabled


# ------------------------------------------------------------------------------------------ hand in a table
def _debrief(size=(1280, 720), **options):
    from tests.screens import open_screen

    app = new_app(size=size, windtunnel_games=5, **options)
    open_screen(app, "debrief")
    step(app, 2)
    return app, app.top


def _type_into(app, box, text: str) -> None:
    box.set_text("")
    box.focus()
    for ch in text:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))
    step(app, 2)


def _draw(app) -> None:
    app.dirty = True
    app.draw()


def test_a_table_is_handed_in_with_its_name_to_the_folder_chosen(tmp_path):
    from game.analysis.gamelog import read_log
    from game.ui.settings import load_settings
    from tests.ui_driver import find_button, layout_problems, overlapping_buttons

    stick = tmp_path / "STICK"
    stick.mkdir()
    app, debrief = _debrief()
    app.settings.handin_folder = str(stick)
    click(app, find_button(app, "Tafel inleveren"))
    panel = app.top
    assert panel.name == "debrief_handin" and panel.box.get_text() == "Tafel 1"
    _type_into(app, panel.box, "Tafel Zuid-Oost")
    _draw(app)
    assert not layout_problems(app, scenes=[panel]) and not overlapping_buttons(app)
    shot(app, "handin-1280-nl.png")
    click(app, find_button(app, "Map kiezen en inleveren"))
    assert panel.picker is not None and panel.picker.is_open
    assert panel.picker.dialog.current_file_path == stick.resolve()
    click(app, panel.picker.dialog.ok_button)
    step(app, 2)
    assert app.top is debrief and "Ingeleverd" in debrief.status_line() and "STICK" in debrief.status_line()
    files = sorted(stick.glob("*.json"))
    assert len(files) == 1 and files[0].name.startswith("Tafel-Zuid-Oost-Samendam-")
    handed = read_log(files[0], app.content)
    assert handed.data["table"] == "Tafel Zuid-Oost" and handed.data["actions"] == debrief.game_log.data["actions"]
    settings, _ = load_settings()
    assert settings.table_name == "Tafel Zuid-Oost" and settings.handin_folder == str(stick.resolve())
    # a second hand-in never replaces the first; the name is offered again
    click(app, find_button(app, "Tafel inleveren"))
    assert app.top.box.get_text() == "Tafel Zuid-Oost"
    app.top.write(stick.resolve())
    assert len(list(stick.glob("*.json"))) == 2 and files[0].read_bytes() == files[0].read_bytes()


def test_the_file_name_is_safe_and_never_the_name_of_another_file(tmp_path):
    import time

    from game.ui.scenes.debrief_handin import handin_path

    moment = time.strptime("2025-03-04 14:07", "%Y-%m-%d %H:%M")
    first = handin_path(tmp_path, 'Tafel "Één"/ü: <3>', "Staatsburcht", moment)
    assert first.name == "Tafel-Een-u-3-Staatsburcht-1407.json"
    first.write_text("{}", encoding="utf-8")
    assert handin_path(tmp_path, 'Tafel "Één"/ü: <3>', "Staatsburcht", moment).name.endswith("-1407-2.json")
    assert handin_path(tmp_path, "???", "", moment).name == "tafel-spel-1407.json"


def test_a_folder_that_is_gone_or_full_is_said_in_words_and_nothing_is_lost(tmp_path, monkeypatch):
    import errno

    from game.ui.scenes import debrief_handin
    from tests.ui_driver import find_button

    app, debrief = _debrief()
    click(app, find_button(app, "Tafel inleveren"))
    panel = app.top
    panel.write(tmp_path / "weg")  # the stick was pulled out
    assert app.top is panel and "is er niet (meer)" in panel.error and debrief.status == panel.error
    assert not (tmp_path / "weg").exists()

    def full(path, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(debrief_handin, "write_atomic", full)
    panel.write(tmp_path)
    assert "vol" in panel.error and app.top is panel
    _draw(app)
    assert panel.error in "\n".join(r.text for r in app.frame_records)
    key(app, pygame.K_ESCAPE)
    assert app.top is debrief and debrief.game_log.path is not None and debrief.game_log.path.is_file()


# ------------------------------------------------------------------------------------------ what if
def test_what_if_writes_a_branch_and_opens_both_games_in_the_compare_view():
    from game.analysis.branch import branch_rounds
    from game.analysis.gamelog import read_log
    from game.paths import user_dir
    from tests.ui_driver import find_button, layout_problems, overlapping_buttons

    app, debrief = _debrief(size=(1920, 1080), text_size=150, lang="en")
    content = app.content
    played = debrief.game_log.data["scenario"]
    other = next(sid for sid in content.scenario_ids() if sid != played)
    click(app, find_button(app, "What if"))
    panel = app.top
    assert panel.name == "debrief_whatif" and panel.rounds == branch_rounds(debrief.game_log)
    assert played not in panel.futures
    click(app, find_button(app, content.scenarios[other].name.en))
    click(app, find_button(app, "3"))
    assert (panel.round, panel.future) == (3, other)
    _draw(app)
    assert not layout_problems(app, scenes=[panel]) and not overlapping_buttons(app)
    shot(app, "whatif-1920-en150.png")
    click(app, find_button(app, "Play on"))
    branches = list(user_dir("logs").glob("tak-*.json"))
    assert len(branches) == 1
    branch = read_log(branches[0], content)
    assert branch.branch is not None and (branch.branch.round, branch.branch.scenario) == (3, other)
    assert app.top is not panel and panel not in app.stack
    if app.top is not debrief:  # the compare view, with the table's game and the branch
        assert app.top.name == "compare" and app.top.given == [debrief.game_log.path, branches[0]]


def test_the_debrief_of_a_branch_offers_no_what_if_and_still_works(tmp_path):
    from game.analysis.branch import make_branch
    from game.analysis.gamelog import read_log, write_log
    from game.ui.scenes.debrief import DebriefScene
    from tests.ui_driver import find_button, layout_problems

    app, debrief = _debrief()
    other = [sid for sid in app.content.scenario_ids() if sid != debrief.game_log.data["scenario"]][-1]
    path = write_log(make_branch(app.content, debrief.game_log, 3, other), tmp_path)
    app.session = None
    app.goto(DebriefScene(app, game_log=read_log(path, app.content)))
    step(app, 2)
    _draw(app)
    assert find_button(app, "Wat als") is None and find_button(app, "Tafel inleveren") is not None
    assert not layout_problems(app)
