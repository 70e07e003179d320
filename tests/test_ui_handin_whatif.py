"""The debrief's hand-in and what-if panels, and the folder picker they use, driven by posted events."""

from __future__ import annotations

import pygame
import pygame_gui

from game.ui.folder_picker import FolderPicker
from game.ui.scene import Overlay
from tests.ui_driver import click, key, new_app, step


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
    pygame.image.save(app.window, "/tmp/vc/picker-1920-150.png")


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
    pygame.image.save(app.window, "/tmp/vc/picker-stick.png")
    assert dialog.current_file_path == (tmp_path / "stick").resolve() and dialog.ok_button.is_enabled
