"""Where the game's files are: its own content and assets, and the user's data folders.

From source, content/ and assets/ sit next to the `game` package; in a PyInstaller build they are unpacked
under `sys._MEIPASS`. The user's saves, logs, settings and reports go to the platform's folders
(platformdirs), or under `$VITALE_COALITIES_HOME` when it is set (tests always set it).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "VitaleCoalities"
HOME_VARIABLE = "VITALE_COALITIES_HOME"


def install_root() -> Path:
    """The folder that holds content/ and assets/."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def content_dir() -> Path:
    """The built-in content."""
    return install_root() / "content"


def assets_dir() -> Path:
    """Fonts, icons, emblems, the theme."""
    return install_root() / "assets"


def _user_dir(kind: str) -> Path:
    home = os.environ.get(HOME_VARIABLE)
    if home:
        return Path(home) / kind
    import platformdirs

    if kind == "saves":
        return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "saves"
    if kind == "logs":
        return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "logs"
    if kind == "packs":  # a trainer's content packs, one folder each, chosen on the content check screen
        return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "packs"
    if kind == "settings":
        return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    if kind == "reports":
        return Path(platformdirs.user_documents_dir()) / APP_NAME
    if kind == "applog":
        return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    raise ValueError(kind)


def user_dir(kind: str, create: bool = True) -> Path:
    """One of the user's folders: saves, logs, packs, settings, reports or applog; made when missing."""
    path = _user_dir(kind)
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path
