"""Which screen comes next: the game's flow from setup through the rounds to the debrief.

The screens call `advance` whenever the engine's phase or the seat whose turn it is may have changed.
"""

from __future__ import annotations

import logging

from game.engine import Setup

from .session import Session

log = logging.getLogger(__name__)


def start_game(app, setup: Setup, mode: str, timer_minutes: int = 0) -> None:
    """Start a new game with this setup and go to its first screen."""
    session = app.session = Session(app.content, setup, mode)
    session.timer_minutes = timer_minutes
    session.content_pack = str(app.pack or "")
    if app.options.autosave:
        session.enable_saving()
    log.info("new game: %s", setup.to_json())
    advance(app)


def resume_game(app, loaded) -> None:
    """Play on from a loaded save (see game.saves.load_save), at the screen its state asks for."""
    app.session = Session.resume(app.content, loaded)
    log.info("resumed game: %s at action %d", loaded.path, len(loaded.actions))
    advance(app)


def advance(app) -> None:
    """Go to the screen the game's state asks for."""
    from .scenes.debrief import DebriefScene
    from .scenes.dilemma import DilemmaScene
    from .scenes.handover import HandoverScene
    from .scenes.summary import SummaryScene
    from .scenes.table import TableScene
    from .scenes.trend import TrendScene

    session = app.session
    if session.over():
        app.goto(DebriefScene(app))
        return
    need = session.needs_engine()
    if need == "trend":
        app.goto(TrendScene(app))
    elif need == "resolution":
        app.goto(SummaryScene(app))
    elif need == "dilemma":
        app.goto(DilemmaScene(app))
    else:
        seat = session.current()
        if session.mode == "pass" and not session.is_bot(seat) and session.last_human != seat:
            app.goto(HandoverScene(app, seat))
        else:
            if app.stack and isinstance(app.top, TableScene):
                app.top.rebuild()
                app.dirty = True
            else:
                app.goto(TableScene(app))
