"""Colours for highlight types and event categories, derived from the current palette.

Text and background always come from palette roles; a type's highlight is its hue blended
into the palette's base colour, so the same hue reads as a pastel on a light page and as a
muted tint on a dark one, and the text colour stays the palette's own.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette


@dataclass(frozen=True, slots=True)
class TypeStyle:
    """How one highlight type is named and coloured."""

    key: str
    label: str  # the legend's plural ("Countries & cities")
    hue: str
    group: str  # "actor" or "date"
    singular: str = ""  # one of them ("Country or city"), for tooltips and menus


TYPE_STYLES: dict[str, TypeStyle] = {
    s.key: s
    for s in (
        TypeStyle("PERSON", "People", "#3b82f6", "actor", "Person"),
        TypeStyle("ORG", "Organisations", "#a855f7", "actor", "Organisation"),
        TypeStyle("GPE", "Countries & cities", "#16a34a", "actor", "Country or city"),
        TypeStyle("LOC", "Places", "#0d9488", "actor", "Place"),
        TypeStyle("NORP", "Nationalities & groups", "#ea580c", "actor", "Nationality or group"),
        TypeStyle("FAC", "Buildings & sites", "#92400e", "actor", "Building or site"),
        TypeStyle("DATE", "Dates", "#eab308", "date", "Date"),
        TypeStyle("TIME", "Times", "#db2777", "date", "Time"),
        TypeStyle("DURATION", "Durations", "#0891b2", "date", "Duration"),
        TypeStyle("SET", "Recurring", "#64748b", "date", "Recurring"),
    )
}

#: CAMEO root codes grouped into the four classic "quad classes", each with its own colour.
QUAD_CLASSES = (
    (range(1, 6), "verbal cooperation", "#0ea5e9"),
    (range(6, 10), "material cooperation", "#22c55e"),
    (range(10, 15), "verbal conflict", "#f59e0b"),
    (range(15, 21), "material conflict", "#ef4444"),
)


def type_style(key: str) -> TypeStyle:
    """The style of a type; a type the engine invents later still gets a stable hue."""
    style = TYPE_STYLES.get(key)
    if style is None:
        hue = QColor.fromHsv(zlib.crc32(key.encode()) % 360, 160, 200).name()
        style = TypeStyle(key, key.title(), hue, "actor", key.title())
    return style


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def blend(base: QColor, tint: QColor, amount: float) -> QColor:
    """``amount`` of ``tint`` over ``base``, as an opaque colour."""
    amount = max(0.0, min(1.0, amount))
    return QColor.fromRgbF(
        base.redF() + (tint.redF() - base.redF()) * amount,
        base.greenF() + (tint.greenF() - base.greenF()) * amount,
        base.blueF() + (tint.blueF() - base.blueF()) * amount,
    )


#: WCAG AA for normal text: the least contrast a highlight may leave between text and background.
MIN_CONTRAST = 4.5


def highlight_background(key: str, palette: QPalette, strength: float = 1.0) -> QColor:
    """Background for a highlight of type ``key``; ``strength`` > 1 for a selected actor.

    Whatever the strength, the palette's text stays readable on it (contrast >= 4.5).
    """
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    hue = QColor(type_style(key).hue)
    if is_dark(palette):
        colour = blend(base, hue.lighter(110), 0.42 * strength)
    else:
        colour = blend(base, hue, 0.30 * strength)
    for _ in range(20):
        if contrast_ratio(colour, text) >= MIN_CONTRAST:
            break
        colour = blend(colour, base, 0.2)
    return colour


def relative_luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio, 1 (none) to 21 (black on white)."""
    hi, lo = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def swatch_colour(key: str, palette: QPalette) -> QColor:
    """A stronger version of the highlight, for legend and panel swatches."""
    return highlight_background(key, palette, strength=2.0)


#: Our categories for acts CAMEO has no code for, each with a colour of its own (none of the quad colours).
BEYOND_CAMEO = {
    "VOTE": ("elections and votes", "#8b5cf6"),
    "OFFICE": ("appointments and resignations", "#14b8a6"),
    "LAW": ("laws, rulings and court cases", "#64748b"),
    "ECON": ("economy and business", "#a16207"),
    "DISASTER": ("disasters and casualties", "#be185d"),
}


def category_chip(category: str) -> str:
    """The chip text: "04" for a CAMEO category, "Vote" for one of ours."""
    if category in BEYOND_CAMEO:
        return category.capitalize() if len(category) <= 4 else category[:3].capitalize()
    return f"{root_code(category):02d}" if category else "··"


def category_colour(category: str) -> QColor:
    """Chip colour for a CAMEO category code ("04", "042", "190"...): its quad class colour."""
    if category in BEYOND_CAMEO:
        return QColor(BEYOND_CAMEO[category][1])
    root = root_code(category)
    for codes, _name, colour in QUAD_CLASSES:
        if root in codes:
            return QColor(colour)
    return QColor("#94a3b8")


def category_class(category: str) -> str:
    if category in BEYOND_CAMEO:
        return BEYOND_CAMEO[category][0]
    root = root_code(category)
    return next((name for codes, name, _ in QUAD_CLASSES if root in codes), "uncategorised")


def root_code(category: str) -> int:
    digits = "".join(ch for ch in category if ch.isdigit())
    if len(digits) < 2:
        return int(digits) if digits else 0
    return int(digits[:2])


def text_on(colour: QColor) -> QColor:
    """Black or white, whichever reads better on ``colour``."""
    luminance = 0.2126 * colour.redF() + 0.7152 * colour.greenF() + 0.0722 * colour.blueF()
    return QColor("#111111") if luminance > 0.55 else QColor("#ffffff")
