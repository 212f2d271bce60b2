"""Colours for highlight types and event categories, derived from the current palette.

Text and background always come from palette roles; a type's highlight is its hue (from the
Okabe–Ito palette) blended into the palette's base colour, so the same hue reads as a pastel on
a light page and as a muted tint on a dark one, and the text colour stays the palette's own.
How much of each hue is blended was chosen so that the types stay apart for a colour-blind
reader on either page (reader/ui/colour_vision.py; tests/ui/test_colours.py).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

#: The Okabe–Ito palette (Okabe and Ito, 2002), made to stay apart for readers with any common
#: colour-vision deficiency.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
}


@dataclass(frozen=True, slots=True)
class TypeStyle:
    """How one highlight type is named and coloured."""

    key: str
    label: str  # the legend's plural ("Countries & cities")
    hue: str
    group: str  # "actor" or "date"
    singular: str = ""  # one of them ("Country or city"), for tooltips and menus
    #: How much of the hue a highlight takes over the page, on a light and on a dark page. Chosen
    #: with reader/ui/colour_vision.py so that the types stay apart with protanopia, deuteranopia
    #: and tritanopia too (tests/ui/test_colours.py holds them there).
    light: float = 0.3
    dark: float = 0.5


TYPE_STYLES: dict[str, TypeStyle] = {
    s.key: s
    for s in (
        TypeStyle("PERSON", "People", OKABE_ITO["blue"], "actor", "Person", 0.48, 0.30),
        TypeStyle("ORG", "Organisations", OKABE_ITO["orange"], "actor", "Organisation", 0.36, 0.50),
        TypeStyle("GPE", "Countries & cities", OKABE_ITO["bluish green"], "actor", "Country or city", 0.36, 0.50),
        TypeStyle("LOC", "Places", OKABE_ITO["reddish purple"], "actor", "Place", 0.18, 0.50),
        TypeStyle("NORP", "Nationalities & groups", OKABE_ITO["vermillion"], "actor", "Nationality or group", 0.30, 0.50),
        TypeStyle("FAC", "Buildings & sites", OKABE_ITO["sky blue"], "actor", "Building or site", 0.36, 0.50),
        # Dates are also underlined with dots (reader/ui/article_view.py): not told by colour alone.
        TypeStyle("DATE", "Dates", OKABE_ITO["yellow"], "date", "Date", 0.25, 0.30),
        TypeStyle("TIME", "Times", OKABE_ITO["yellow"], "date", "Time", 0.30, 0.45),
        TypeStyle("DURATION", "Durations", "#999999", "date", "Duration", 0.30, 0.45),
        TypeStyle("SET", "Recurring", "#999999", "date", "Recurring", 0.30, 0.45),
    )
}

#: CAMEO root codes grouped into the four classic "quad classes", each with its own colour.
QUAD_CLASSES = (
    (range(1, 6), "verbal cooperation", OKABE_ITO["sky blue"]),
    (range(6, 10), "material cooperation", OKABE_ITO["bluish green"]),
    (range(10, 15), "verbal conflict", OKABE_ITO["orange"]),
    (range(15, 21), "material conflict", OKABE_ITO["vermillion"]),
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
    style = type_style(key)
    amount = (style.dark if is_dark(palette) else style.light) * strength
    colour = blend(base, QColor(style.hue), min(0.92, amount))
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


#: Our categories for acts CAMEO has no code for, each with a chip colour of its own: none of
#: the quad classes' colours, and told apart by the chip's word too ("Vote", "Law"...).
BEYOND_CAMEO = {
    "VOTE": ("elections and votes", OKABE_ITO["blue"]),
    "OFFICE": ("appointments and resignations", OKABE_ITO["reddish purple"]),
    "LAW": ("laws, rulings and court cases", "#882255"),
    "ECON": ("economy and business", OKABE_ITO["yellow"]),
    "DISASTER": ("disasters and casualties", "#5D3A9B"),
    "ACT": ("another act", "#A6A6A6"),
}
UNCATEGORISED = "#D9D9D9"


def category_chip(category: str) -> str:
    """The chip text: "04" for a CAMEO category, "Vote" or "Disaster" for one of ours."""
    if category in BEYOND_CAMEO:
        return category.capitalize()
    return f"{root_code(category):02d}" if category and root_code(category) else "··"


def category_colour(category: str) -> QColor:
    """Chip colour for a category: CAMEO codes ("04", "042", "190"...) by quad class, ours their own."""
    if category in BEYOND_CAMEO:
        return QColor(BEYOND_CAMEO[category][1])
    root = root_code(category)
    for codes, _name, colour in QUAD_CLASSES:
        if root in codes:
            return QColor(colour)
    return QColor(UNCATEGORISED)


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
    """Near-black or white, whichever contrasts more with ``colour`` (a chip's text)."""
    dark, light = QColor("#111111"), QColor("#ffffff")
    return dark if contrast_ratio(colour, dark) >= contrast_ratio(colour, light) else light
