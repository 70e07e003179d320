"""What a screen, and each part of one, reads from the app: the game, its state, the words, the look, the language.

One base for the scenes and the pieces a scene hands its work to (the table's action panel, pickers and
painters), so that each reads the app the same way.
"""

from __future__ import annotations


class AppView:
    """Reads the app (`self.app`, set by the subclass or given by a property)."""

    app: object

    @property
    def session(self):
        """The game being played."""
        return self.app.session

    @property
    def state(self):
        """The engine's state of the game."""
        return self.app.session.state

    @property
    def t(self):
        """The catalogue, in the current language."""
        return self.app.t

    @property
    def look(self):
        """Scale and colours."""
        return self.app.look

    def lang(self) -> str:
        """The current language."""
        return self.app.settings.lang
