"""Session codes: one short code that gives every table of a training day the same game.

A code such as `VC-7K3P-XQ4M` is read aloud by the trainer and typed at each table. It carries the seed (so the
same trend deck and the same private-goal draw), the challenge, the number of rounds, a few bits of the
content's digest (a laptop with other content is told so, instead of playing another deck) and, optionally, the
future the table is to play (0: the table chooses). The last character is a check on the others, so a typo is
named as a typo.

Eight characters of Crockford's base 32 (no I, L, O or U; those are read as 1, 1, 0 and refused) make 40 bits:
seed 17, rounds 4, challenge 4, future 4, digest 6, and a check character (a weighted sum modulo 31).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from game.storage import FileError

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PREFIX = "VC"
SEED_BITS, ROUNDS_BITS, CHALLENGE_BITS, FUTURE_BITS, DIGEST_BITS = 17, 4, 4, 4, 6
MAX_SEED = 2**SEED_BITS - 1  # 131071: a session code's seed is at most this
DATA_CHARS = 7  # 35 bits; the eighth character is the check
_READ_AS = {"O": "0", "I": "1", "L": "1"}  # what people mistype for digits


class SessionCodeError(FileError):
    """A code that cannot be used; `text(lang)` says why in words a trainer understands."""

    PREFIX = "code"


@dataclass(frozen=True)
class SessionCode:
    """What a code says: the seed, the challenge and rounds, and the future (None: the table chooses)."""

    seed: int
    challenge: str
    rounds: int
    scenario: Optional[str] = None

    def shared(self) -> SessionCode:
        """The same code without a future: the one all tables of a session share."""
        return SessionCode(self.seed, self.challenge, self.rounds, None)


def _digest_bits(content) -> int:
    return int(content.digest[:4], 16) >> (16 - DIGEST_BITS)


def _check(chars: list) -> int:
    """A weighted sum modulo 31: any one wrong character, and any two neighbours swapped, change it."""
    return sum((i + 1) * c for i, c in enumerate(chars)) % 31


def encodable(content, seed: int, challenge: str, rounds: int, scenario: Optional[str] = None) -> bool:
    """Whether a code can carry this game (a seed of at most MAX_SEED, up to 15 challenges and futures)."""
    return encode(content, seed, challenge, rounds, scenario) is not None


def encode(content, seed: int, challenge: str, rounds: int, scenario: Optional[str] = None) -> Optional[str]:
    """The code of this game, `VC-XXXX-XXXX`; None when a code cannot carry it."""
    challenges = sorted(content.challenges)
    futures = content.scenario_ids()
    if not 0 <= seed <= MAX_SEED or challenge not in challenges or not 1 <= rounds <= 10:
        return None
    c = challenges.index(challenge)
    f = futures.index(scenario) + 1 if scenario is not None and scenario in futures else 0
    if scenario is not None and f == 0 or c >= 2**CHALLENGE_BITS or f >= 2**FUTURE_BITS:
        return None
    value = seed
    for bits, part in (
        (ROUNDS_BITS, rounds),
        (CHALLENGE_BITS, c),
        (FUTURE_BITS, f),
        (DIGEST_BITS, _digest_bits(content)),
    ):
        value = (value << bits) | part
    chars = [(value >> (5 * (DATA_CHARS - 1 - i))) & 31 for i in range(DATA_CHARS)]
    chars.append(_check(chars))
    text = "".join(ALPHABET[c] for c in chars)
    return f"{PREFIX}-{text[:4]}-{text[4:]}"


def code_of(content, setup, with_future: bool = False) -> Optional[str]:
    """The session code of an engine Setup (the shared one, unless `with_future`)."""
    return encode(content, setup.seed, setup.challenge, setup.rounds, setup.scenario if with_future else None)


def _characters(text: str) -> str:
    """The code's own characters: upper case, without spaces, dashes and the leading VC."""
    cleaned = "".join(ch for ch in str(text).upper() if ch not in " -_.\t")
    if cleaned.startswith(PREFIX) and len(cleaned) > DATA_CHARS + 1:
        cleaned = cleaned[len(PREFIX) :]
    return "".join(_READ_AS.get(ch, ch) for ch in cleaned)


def decode(content, text: str) -> SessionCode:
    """What `text` says under this content; SessionCodeError names a typo, a wrong length or other content."""
    shown = str(text).strip()
    if not shown:
        raise SessionCodeError("empty")
    chars = _characters(shown)
    if len(chars) != DATA_CHARS + 1:
        raise SessionCodeError("length", code=shown, n=DATA_CHARS + 1)
    bad = [ch for ch in chars if ch not in ALPHABET]
    if bad:
        raise SessionCodeError("letter", code=shown, letter=bad[0])
    values = [ALPHABET.index(ch) for ch in chars]
    if _check(values[:DATA_CHARS]) != values[DATA_CHARS]:
        raise SessionCodeError("typo", code=shown)
    value = 0
    for v in values[:DATA_CHARS]:
        value = (value << 5) | v
    parts = []
    for bits in (DIGEST_BITS, FUTURE_BITS, CHALLENGE_BITS, ROUNDS_BITS):
        parts.append(value & (2**bits - 1))
        value >>= bits
    digest, f, c, rounds = parts
    seed = value
    challenges = sorted(content.challenges)
    futures = content.scenario_ids()
    if digest != _digest_bits(content) or c >= len(challenges) or f > len(futures) or not 1 <= rounds <= 10:
        raise SessionCodeError("other_content", code=shown)
    return SessionCode(seed, challenges[c], rounds, futures[f - 1] if f else None)
