"""How effects change a state: indicators, trust, resources, the need and progress, each within its bounds.

Shared by the rules (actions, trend cards, dilemmas) and the actors and knobs that move at a round's
resolution. Pure functions on a state the caller owns.
"""

from __future__ import annotations

from itertools import combinations

from .rulebook import NI, NR
from .state import GameState, Seat

MAX_TRUST = 10
# Compiled vectors are tuples: comparing with these is cheaper than `any(...)`, a call, on the hot path.
NO_RESOURCES = (0,) * NR
NO_INDICATORS = (0,) * NI


def add_ind(state: GameState, vec) -> None:
    """Add an indicator vector; the indicators it changes stay within 0..100 (the others already are)."""
    ind = state.ind
    for i, v in enumerate(vec):
        if v:
            v += ind[i]
            ind[i] = 0 if v < 0 else (100 if v > 100 else v)


def add_trust(state: GameState, a: int, b: int, delta: int) -> None:
    """Change the trust between seats a and b, within 0..MAX_TRUST."""
    if a == b or delta == 0:
        return
    v = state.trust[a][b] + delta
    v = 0 if v < 0 else (MAX_TRUST if v > MAX_TRUST else v)
    state.trust[a][b] = v
    state.trust[b][a] = v


def add_trust_among(state: GameState, seats, delta: int) -> None:
    """`add_trust` for every two of `seats` (distinct seats), each pair once."""
    if delta == 0:
        return
    trust = state.trust
    for a, b in combinations(seats, 2):
        v = trust[a][b] + delta
        trust[a][b] = trust[b][a] = 0 if v < 0 else (MAX_TRUST if v > MAX_TRUST else v)


# Resource vectors are short and mostly zero (a cost in one or two resources), so the helpers below touch
# only the entries that change. Resources never fall below zero (`check` refuses what a seat cannot pay),
# so the floor at zero in `add_floored` is needed only where something is added or taken.


def pay(seat: Seat, cost: tuple) -> None:
    """Take a cost the seat can pay from its resources."""
    res = seat.res
    for i, v in enumerate(cost):
        if v:
            res[i] -= v


def add_floored(values: list, vec: tuple) -> None:
    """Add `vec` to `values` (a seat's resources, the challenge's need), none falling below zero."""
    for i, v in enumerate(vec):
        if v:
            v += values[i]
            values[i] = v if v > 0 else 0


def add_progress(state: GameState, delta: float) -> None:
    """Change the challenge's progress within 0..100; learning absorbs a loss first."""
    if delta < 0 and state.resilience > 0:
        absorbed = min(state.resilience, -delta)
        state.resilience -= absorbed
        delta += absorbed
    p = state.progress + delta
    state.progress = 0.0 if p < 0 else (100.0 if p > 100 else p)


def apply_effects(state: GameState, eff, only_seat: int = -1) -> None:
    """Apply compiled trend/opportunity effects."""
    add_ind(state, eff.ind)
    if eff.res != NO_RESOURCES or eff.role_res:
        for s, seat in enumerate(state.seats):
            if only_seat >= 0 and s != only_seat:
                continue
            add_floored(seat.res, eff.res)
            extra = eff.role_res.get(seat.role)
            if extra:
                add_floored(seat.res, extra)
    if eff.progress:
        add_progress(state, eff.progress)
    if eff.need != NO_RESOURCES:
        add_floored(state.need, eff.need)  # a lasting change of what the challenge needs
    if eff.trust:
        add_trust_among(state, range(len(state.seats)), eff.trust)
