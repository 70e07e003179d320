"""The game's random generator: SplitMix64 on an integer state kept inside the game state.

A plain int is cheap to copy and to store in JSON, so a state can be copied, saved and replayed exactly.
No module-level generator exists: every draw takes the state and returns the next one.
"""

from __future__ import annotations

MASK = (1 << 64) - 1
# SplitMix64's increment and its two mixing multipliers
GAMMA, MIX1, MIX2 = 0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB


def seed_state(seed: int) -> int:
    """The generator state for a game seed (mixed, so that seeds 1 and 2 differ in every bit)."""
    state, _ = next_u64((seed * GAMMA + 0xD1B54A32D192ED03) & MASK)
    return state


def next_u64(state: int) -> tuple[int, int]:
    """Advance the state; return (new state, a 64-bit random number)."""
    state = (state + GAMMA) & MASK
    z = state
    z = ((z ^ (z >> 30)) * MIX1) & MASK
    z = ((z ^ (z >> 27)) * MIX2) & MASK
    return state, z ^ (z >> 31)


def below(state: int, n: int) -> tuple[int, int]:
    """Advance the state; return (new state, a number in 0..n-1)."""
    state, value = next_u64(state)
    return state, value % n


def chance(state: int, p: float) -> tuple[int, bool]:
    """Advance the state; return (new state, True with probability p)."""
    state, value = next_u64(state)
    return state, (value >> 11) * (1.0 / (1 << 53)) < p


def shuffled(state: int, items: list) -> tuple[int, list]:
    """Advance the state; return (new state, a shuffled copy of items) by Fisher-Yates."""
    out = list(items)
    for i in range(len(out) - 1, 0, -1):
        state, j = below(state, i + 1)
        out[i], out[j] = out[j], out[i]
    return state, out
