"""What the last move changed on the table, shown for a moment beside the numbers and bars it changed.

After every move (a player's, a computer's, an undo) the table compares the numbers it shows with those of
the frame before: the challenge's progress, the five indicators, every seat's resources and the trust between
seats. What changed carries its difference ("+2", "−1") for DELTA_SECONDS; nothing moves, blinks or sounds,
and with animations off in the settings nothing is shown at all.
"""

from __future__ import annotations

DELTA_SECONDS = 2.5


def table_numbers(state) -> dict:
    """Every number the table shows that a move can change, by a key of what it is."""
    numbers = {("progress",): int(round(state.progress))}
    numbers.update({("ind", i): value for i, value in enumerate(state.ind)})
    for s, seat in enumerate(state.seats):
        numbers.update({("res", s, k): value for k, value in enumerate(seat.res)})
        numbers.update({("trust", s, o): value for o, value in enumerate(state.trust[s]) if o != s})
    return numbers


class Deltas:
    """The differences the last move made, for as long as they show."""

    def __init__(self) -> None:
        self.numbers: dict = {}  # what the last frame showed
        self.changes: dict = {}  # key -> difference, while it shows
        self.left = 0.0  # seconds it still shows

    def update(self, state, dt: float, shown: bool) -> bool:
        """Compare with the last frame; True when what is shown changed (a new difference, or one gone)."""
        now = table_numbers(state)
        changed = False
        if self.numbers and now != self.numbers and shown:
            before = self.numbers
            self.changes = {key: value - before[key] for key, value in now.items() if value != before.get(key, value)}
            self.left = DELTA_SECONDS
            changed = bool(self.changes)
        self.numbers = now
        if self.left > 0:
            self.left -= dt
            if self.left <= 0:
                changed = changed or bool(self.changes)
                self.changes = {}
        return changed

    def of(self, *key) -> int:
        """The difference the last move made to the number at `key` (0: none, or no longer shown)."""
        return self.changes.get(key, 0)

    def seat_resources(self, seat: int) -> list:
        """(resource index, difference) of a seat's resources the last move changed."""
        return [(key[2], d) for key, d in self.changes.items() if key[0] == "res" and key[1] == seat]
