"""Choose a folder (or a file) on the laptop, a USB stick or a shared folder: pygame_gui's file dialog, sized for the
beamer, in the game's words, without its delete button.

A scene opens a `FolderPicker` and forwards its events to `process_event` first: while the picker is open it takes
every event (the screen under it must not react to Esc or to a click beside the window), and it calls `on_chosen`
with the folder picked. Whether that folder exists or can be written is the caller's business. A rebuild of the
scene kills the window unless the scene calls `keep()` in its `build()`; a new window size always closes it.
"""

from __future__ import annotations

import locale
from collections.abc import Callable
from pathlib import Path
from typing import Optional

import pygame
import pygame_gui
from pygame_gui.windows import UIFileDialog

from .theme import font

SUFFIXES = {".json"}  # the files worth seeing next to the folders: game logs
FILE_ROW_BG = "#fffdf8"  # our buttons' background (assets/theme.json)


class _Dialog(UIFileDialog):
    """pygame_gui's file dialog where, when picking folders, the folder being looked at is the one chosen."""

    def __init__(self, *args, folders: bool, **kwargs) -> None:
        self.folders = folders
        kept = locale.setlocale(locale.LC_ALL)  # pygame_gui sets the user's locale for sorting: put ours back
        try:
            super().__init__(*args, **kwargs)
        finally:
            locale.setlocale(locale.LC_ALL, kept)
        if self.folders:
            self._look_at_folder()

    def _look_at_folder(self) -> None:
        """The folder on view is the choice (as a file manager's "choose this folder")."""
        folder = Path(self.current_directory_path)
        if folder.is_dir():
            self.current_file_path = folder
            self.file_path_text_line.set_text(str(folder))
            self.ok_button.enable()

    def _change_directory_path(self, new_directory_path: Path) -> None:
        super()._change_directory_path(new_directory_path)
        if self.folders:
            self._look_at_folder()

    def _set_no_file_selected_state(self) -> None:
        super()._set_no_file_selected_state()
        if self.folders:
            self._look_at_folder()

    def _create_list_of_directories_and_files_on_current_path(self) -> None:
        # pygame_gui sorts with locale.strxfrm after setting the user's locale; a plain case-blind sort does
        folder = Path(self.current_directory_path)
        entries = sorted(folder.iterdir(), key=lambda p: p.name.casefold())
        shown = [p for p in entries if not p.name.startswith(".")]
        self.current_file_list = [(p.name, "#directory_list_item") for p in shown if p.is_dir()] + [
            (p.name, "#file_list_item") for p in shown if p.is_file() and p.suffix.lower() in self.allowed_suffixes
        ]


class FolderPicker:
    """A file dialog over a scene that calls `on_chosen(path)` with the folder (or, with files=True, the file)
    picked."""

    def __init__(
        self, scene, start: Path, on_chosen: Callable[[Path], None], *, title: str, files: bool = False
    ) -> None:
        self.scene = scene
        self.on_chosen = on_chosen
        self.files = files
        self.dialog: Optional[_Dialog] = None
        self.moves: dict = {}  # our buttons in the window (up, home) -> what they do
        self._open(Path(start), title)

    @property
    def is_open(self) -> bool:
        """Whether the window is on screen."""
        return self.dialog is not None and self.dialog.alive()

    def _open(self, start: Path, title: str) -> None:
        scene = self.scene
        look = scene.look
        width, height = scene.app.window.get_size()
        margin = look.px(40)
        rect = pygame.Rect(0, 0, min(width - 2 * margin, look.px(1200)), min(height - 2 * margin, look.px(900)))
        rect.center = (width // 2, height // 2)
        start = _existing(start)
        _light_file_rows(scene.manager.get_theme())
        self.dialog = _Dialog(
            rect,
            scene.manager,
            window_title=title,
            initial_file_path=str(start),
            allowed_suffixes=SUFFIXES,
            allow_existing_files_only=True,
            allow_picking_directories=not self.files,
            folders=not self.files,
        )
        self.dialog.set_blocking(True)  # the screen below takes no clicks while the window is open
        self._fit()
        scene.focus_index = -1  # no focus ring of the screen below over the window

    def _fit(self) -> None:
        """Sizes for the beamer: pygame_gui's dialog has 20-30 px buttons and list rows that cut our larger text,
        and symbol buttons in a font without those symbols; ours say what they do."""
        dialog, scene = self.dialog, self.scene
        look, t = scene.look, scene.t
        body = look.size("body")
        row = body + look.px(22)
        gap = look.px(12)
        dialog.title_bar_height = row
        dialog.title_bar_close_button_width = 0  # Cancel closes it; the cross's font has no cross
        dialog.rebuild()
        dialog.close_window_button.hide()
        inner_w, inner_h = dialog.get_container().get_size()

        def width(text: str) -> int:
            return font(body).size(text)[0] + look.px(40)

        # a trainer picks a folder here: nothing is deleted from a stick; the list is read anew on every change
        for btn in (dialog.delete_button, dialog.refresh_button, dialog.home_button, dialog.parent_directory_button):
            btn.hide()
        self.moves = {}
        x = gap
        for key, go in (("picker.up", self._up), ("picker.home", self._home)):
            text = t(key)
            btn = pygame_gui.elements.UIButton(
                pygame.Rect(x, gap, width(text), row), text, scene.manager, container=dialog
            )
            self.moves[btn] = go
            x += width(text) + gap
        line = dialog.file_path_text_line
        line.set_dimensions((inner_w - 2 * gap, row))
        line.set_relative_position((gap, 2 * gap + row))
        top = 3 * gap + 2 * row
        # bottom: cancel at the right, the choice left of it (both anchored to the window's bottom right)
        cancel, ok = dialog.cancel_button, dialog.ok_button
        cancel_text, ok_text = t("picker.cancel"), t("picker.choose_file" if self.files else "picker.choose_folder")
        cancel.set_text(cancel_text)
        ok.set_text(ok_text)
        cancel.set_dimensions((width(cancel_text), row))
        ok.set_dimensions((width(ok_text), row))
        cancel.set_relative_position((-gap - width(cancel_text), -gap - row))
        ok.set_relative_position((-gap - width(ok_text), -gap - row))
        listing = dialog.file_selection_list
        listing.list_item_height = body + look.px(14)
        listing.set_dimensions((inner_w - 2 * gap, inner_h - top - 2 * gap - row))
        listing.set_relative_position((gap, top))
        listing.set_item_list(dialog.current_file_list)

    def _up(self) -> None:
        self.dialog._change_directory_path(Path(self.dialog.current_directory_path).parent)  # noqa: SLF001

    def _home(self) -> None:
        self.dialog._change_directory_path(Path.home())  # noqa: SLF001

    def process_event(self, event: pygame.event.Event) -> bool:
        """Give the window the event; True when the picker took it (always, while it is open)."""
        dialog = self.dialog
        if dialog is None:
            return False
        if event.type == pygame_gui.UI_FILE_DIALOG_PATH_PICKED and event.ui_element is dialog:
            self.dialog = None
            picked = Path(event.text)
            if not self.files and not picked.is_dir():
                picked = picked.parent  # a file clicked in the list: its folder
            self.on_chosen(picked)
            return True
        if not dialog.alive():
            # closed (by its cross, Cancel or OK: the choice is an event still on its way, so the window is kept)
            return False
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.close()
            return True
        if self.scene.manager is not None:
            self.scene.manager.process_events(event)
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element in self.moves:
            self.moves[event.ui_element]()
        return True

    def keep(self) -> None:
        """Call from the scene's `build()`: the window stays through a rebuild of the screen."""
        if self.is_open:
            self.scene.widgets[("folder_picker", id(self))] = self.dialog

    def close(self) -> None:
        """Close the window without a choice."""
        if self.dialog is not None and self.dialog.alive():
            self.dialog.kill()
        self.dialog = None


def _light_file_rows(theme) -> None:
    """pygame_gui's own theme draws the file rows dark, under our dark text: ours are as light as the folders'."""
    name = "file_dialog.#file_display_list.#file_list_item"
    if theme.ui_element_colours.get(name, {}).get("normal_bg") != FILE_ROW_BG:
        theme.update_single_element_theming(name, {"colours": {"normal_bg": FILE_ROW_BG}})


def _existing(path: Path) -> Path:
    """The nearest folder that exists (a stick that was pulled out: its drive, else the home folder)."""
    for folder in (path, *path.parents):
        try:
            if folder.is_dir():
                return folder
        except OSError:
            continue
    return Path.home()
