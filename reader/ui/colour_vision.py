"""How far apart two colours look, to a reader with full colour vision and to one without.

Pure arithmetic on sRGB triples (0-255), no Qt: the window's colours are checked with it
(tests/ui/test_colours.py). Colour-vision deficiency is simulated with the matrices of
Machado, Oliveira and Fernandes (2009) at full severity, in linear RGB; distance is CIE76
ΔE in CIELAB (about 2.3 is a just-noticeable difference; highlights need far more).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

RGB = tuple[int, int, int]

#: Machado et al. (2009), severity 1.0.
SIMULATIONS: dict[str, tuple[tuple[float, float, float], ...]] = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}
VISIONS = ("full", *SIMULATIONS)


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _encoded(value: float) -> int:
    v = min(1.0, max(0.0, value))
    v = v * 12.92 if v <= 0.0031308 else 1.055 * v ** (1 / 2.4) - 0.055
    return round(v * 255)


def simulate(rgb: RGB, vision: str) -> RGB:
    """The colour as a reader with `vision` ("full", "protanopia"...) sees it."""
    if vision == "full":
        return rgb
    matrix = SIMULATIONS[vision]
    lin = [_linear(c) for c in rgb]
    out = [sum(m * c for m, c in zip(row, lin, strict=True)) for row in matrix]
    return (_encoded(out[0]), _encoded(out[1]), _encoded(out[2]))


def lab(rgb: RGB) -> tuple[float, float, float]:
    r, g, b = (_linear(c) for c in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def delta_e(a: RGB, b: RGB) -> float:
    la, lb = lab(a), lab(b)
    return sum((p - q) ** 2 for p, q in zip(la, lb, strict=True)) ** 0.5


def closest_pair(colours: dict[str, RGB], visions: Sequence[str] = VISIONS) -> tuple[float, str, str, str]:
    """(ΔE, vision, key, key) of the two colours that look most alike under any of `visions`."""
    worst = (float("inf"), "", "", "")
    for vision in visions:
        seen = {key: simulate(rgb, vision) for key, rgb in colours.items()}
        for (k1, c1), (k2, c2) in itertools.combinations(seen.items(), 2):
            d = delta_e(c1, c2)
            if d < worst[0]:
                worst = (d, vision, k1, k2)
    return worst


def pairs_below(colours: dict[str, RGB], limit: float, visions: Iterable[str] = VISIONS) -> list[tuple[float, str, str, str]]:
    found = []
    for vision in visions:
        seen = {key: simulate(rgb, vision) for key, rgb in colours.items()}
        for (k1, c1), (k2, c2) in itertools.combinations(seen.items(), 2):
            d = delta_e(c1, c2)
            if d < limit:
                found.append((round(d, 1), vision, k1, k2))
    return sorted(found)
