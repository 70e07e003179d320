"""The player's settings, kept in the user's config folder. A broken file never stops the game."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.paths import user_dir
from game.storage import JsonFileProblem, read_json_file, write_atomic

log = logging.getLogger(__name__)
FILE_NAME = "settings.json"
MAX_BYTES = 64 * 1024  # the settings are a few hundred bytes; a larger file is set aside unread


TEXT_SIZES = (100, 125, 150)  # the text sizes in %, in the order the settings step through them


class Settings(BaseModel):
    """What the player chose in the settings screen."""

    model_config = ConfigDict(extra="ignore", validate_assignment=True)

    lang: Literal["nl", "en"] = "nl"
    fullscreen: bool = False
    text_size: Literal[100, 125, 150] = 100
    colourblind: bool = False
    sound: bool = True
    hints: bool = True
    animations: bool = True
    # the window's last size (width, height), used at the next start when it fits the screen
    window: Optional[tuple[int, int]] = None
    # the content pack chosen on the content check screen (its folder; empty: the built-in content only)
    content_pack: str = Field("", max_length=4096)
    # the saves of finished games are removed at start after this many days without a change (0: never)
    keep_finished_days: int = Field(90, ge=0, le=3650)
    # the debrief's "hand in this table": the table's name and the folder the last log went to (a stick)
    table_name: str = Field("", max_length=100)
    handin_folder: str = Field("", max_length=4096)


def settings_path() -> Path:
    """Where the settings live."""
    return user_dir("settings") / FILE_NAME


def load_settings() -> tuple[Settings, Optional[str]]:
    """The saved settings (or defaults), and a notice when a broken file was set aside."""
    path = settings_path()
    if not path.exists():
        return Settings(), None
    try:
        return Settings.model_validate(read_json_file(path, MAX_BYTES)), None
    except (JsonFileProblem, ValidationError) as exc:
        aside = path.with_name(f"settings.broken-{time.strftime('%Y%m%d-%H%M%S')}.json")
        try:
            path.replace(aside)
        except OSError:
            aside = path
        log.warning("settings file %s unreadable (%s); using defaults", path, exc)
        return Settings(), str(aside)


def save_settings(settings: Settings) -> bool:
    """Save the settings; False (and a log line) when the folder cannot be written."""
    try:
        write_atomic(settings_path(), settings.model_dump_json(indent=2).encode("utf-8"))
        return True
    except OSError as exc:
        log.warning("could not save settings: %s", exc)
        return False
