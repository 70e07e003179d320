"""Colour arithmetic shared by the screens, the charts, the role cards and the report (no pygame here)."""

from __future__ import annotations

from typing import Optional


def hex_rgb(text: str, default: Optional[tuple] = None) -> tuple:
    """'#rrggbb' as an (r, g, b) tuple; `default` when the text is not one (ValueError without a default)."""
    try:
        body = str(text).lstrip("#")
        return tuple(int(body[i : i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        if default is None:
            raise
        return default


def mix(colour, other, share: float) -> tuple:
    """`colour` moved `share` (0..1) of the way towards `other` (alpha, if any, is dropped)."""
    share = max(0.0, min(1.0, share))
    return tuple(int(round(a + (b - a) * share)) for a, b in zip(colour[:3], other[:3], strict=False))


def luminance(colour) -> float:
    """Relative luminance (WCAG) of an (r, g, b[, a]) colour."""

    def channel(c: float) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def readable_on_white(colour, steps: int = 12) -> tuple:
    """The colour darkened a fifth at a time (at most `steps` times) until it reads as small text on white
    (contrast 4.5 or more)."""
    for _ in range(steps):
        if 1.05 / (luminance(colour) + 0.05) >= 4.5:
            break
        colour = mix(colour, (0, 0, 0), 0.2)
    return tuple(colour)
