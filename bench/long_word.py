"""Benchmark: a runaway text on a card (budget: under 50 ms, median of the worse of the two texts).

A word of 300,000 letters, and 300,000 characters of ordinary words, each drawn with `Painter.text` into the
box of a trend card's text at 1920x1080 (874 x 520 px, "large" text that may shrink to "small", as the trend
screen draws it). The content refuses such texts (at most 1,200 characters, a word at most 60), so this is
the second lock: however long a text reaches the screen, drawing it costs a few measurements per line shown,
not per character. Before, one long word was re-measured one character at a time: 3 s for 1,600 letters and
more than 17 minutes for 300,000. Each run starts with empty line-break and rendered-line caches: the first
frame that shows the card.

python bench/long_word.py [--runs N] [--chars N] [--json]
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import headless, run_alone, spread, verdict  # noqa: E402  (also puts the project on the path)

BUDGET_MS = 50.0
CHARS = 300_000
BOX = (874, 520)  # the trend card's text box at 1920x1080, text size 100 %


def texts(chars: int) -> dict:
    """The two runaway texts: one word, and ordinary words (seeded, 1-12 letters each)."""
    rng = random.Random(8)
    words, total = [], 0
    while total < chars:
        word = "".join(rng.choice("abcdefghijklmnopqrstuvwxyzéë") for _ in range(rng.randint(1, 12)))
        words.append(word)
        total += len(word) + 1
    return {"word": "w" * chars, "words": " ".join(words)[:chars]}


def measure(runs: int, chars: int = CHARS) -> dict:
    """Median, min and max milliseconds of drawing each text, over `runs` runs (after one warm-up)."""
    headless()
    import pygame

    from game.export import draw
    from game.ui.theme import Look

    pygame.display.init()
    pygame.font.init()
    look = Look(1920, 1080)
    painter = draw.Painter(pygame.Surface((1920, 1080)), look)
    box = pygame.Rect((0, 0), BOX)
    times: dict[str, list] = {}
    for name, text in texts(chars).items():
        times[name] = []
        for run in range(runs + 1):
            draw._wrapped.cache_clear()
            draw._rendered.cache_clear()
            start = time.perf_counter()
            used = painter.text(box, text, "large", min_kind="small")
            took = (time.perf_counter() - start) * 1000
            assert box.contains(used) and painter.records[-1].cut, (name, used)
            if run:  # the first run warms up the fonts
                times[name].append(took)
        painter.records.clear()
    each = {name: spread(values) for name, values in times.items()}
    worst = max(each, key=lambda name: each[name]["median"])
    return {
        "long_text_ms": each[worst]["median"],
        "min": each[worst]["min"],
        "max": each[worst]["max"],
        "runs": runs,
        "worst": worst,
        "texts": each,
        "chars": chars,
        "budget": BUDGET_MS,
    }


def line(f: dict) -> str:
    """The line of text of a run alone."""
    word, words = f["texts"]["word"], f["texts"]["words"]
    return (
        f"long_text_ms  median {f['long_text_ms']} ms ({f['worst']}; one word of {f['chars']:,} "
        f"letters {word['median']} ms, min {word['min']}, max {word['max']}; {f['chars']:,} characters of "
        f"words {words['median']} ms, min {words['min']}, max {words['max']}; budget {BUDGET_MS} ms: "
        f"{verdict(f['long_text_ms'], BUDGET_MS)})"
    )


def main() -> int:
    options = {
        "--runs": {"type": int, "default": 20},
        "--chars": {"type": int, "default": CHARS, "help": "length of each text"},
    }
    return run_alone(__doc__, measure, options, line)


if __name__ == "__main__":
    sys.exit(main())
