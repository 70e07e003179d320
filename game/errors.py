"""Errors every layer may raise about its input."""

from __future__ import annotations


class UsageError(Exception):
    """Bad input on the command line (a flag, a file named on it); the message is shown as it is, with exit
    code 2. Raised wherever the input is checked; only the command line (game.cli) prints it."""
