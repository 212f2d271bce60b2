"""Colours a colour-blind reader can tell apart, on a light page and a dark one.

Distances are CIE76 ΔE after simulating protanopia, deuteranopia and tritanopia (Machado et al.
2009, full severity; reader/ui/colour_vision.py). A just-noticeable difference is about 2.3;
the palette before this one gave people and organisations the same colour (ΔE 0) for a reader
with deuteranopia.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from reader.ui.colour_vision import closest_pair, delta_e, lab, simulate
from reader.ui.colours import (
    BEYOND_CAMEO,
    MIN_CONTRAST,
    TYPE_STYLES,
    category_chip,
    category_colour,
    contrast_ratio,
    highlight_background,
    text_on,
)
from reader.ui.theme import dark_palette, light_palette

pytestmark = pytest.mark.gui

MAIN_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "DATE")
#: The types nearly every briefing is full of.
COMMON = ("PERSON", "ORG", "GPE", "DATE")
CATEGORIES = ("04", "07", "12", "19", *BEYOND_CAMEO)


def rgb(colour: QColor) -> tuple[int, int, int]:
    return colour.red(), colour.green(), colour.blue()


@pytest.mark.parametrize("palette", [light_palette, dark_palette], ids=["light", "dark"])
def test_highlight_types_stay_apart_for_colour_blind_readers(palette):
    pal = palette()
    colours = {key: rgb(highlight_background(key, pal)) for key in MAIN_TYPES}
    assert closest_pair(colours, ["full"])[0] >= 12
    assert closest_pair(colours, ["protanopia", "deuteranopia"])[0] >= 8, closest_pair(colours, ["protanopia", "deuteranopia"])
    assert closest_pair(colours, ["tritanopia"])[0] >= 5
    common = {key: colours[key] for key in COMMON}
    assert closest_pair(common)[0] >= 12, closest_pair(common)
    # A selected actor's mark, and every type, keeps the page's text readable.
    text = pal.color(pal.ColorRole.Text)
    for key in TYPE_STYLES:
        for strength in (1.0, 2.3):
            assert contrast_ratio(highlight_background(key, pal, strength), text) >= MIN_CONTRAST


def test_event_category_chips_differ_in_colour_and_word():
    colours = {category: rgb(category_colour(category)) for category in CATEGORIES}
    assert closest_pair(colours)[0] >= 8, closest_pair(colours)
    chips = [category_chip(category) for category in CATEGORIES]
    assert len(set(chips)) == len(chips) and category_chip("ACT") == "Act" and category_chip("DISASTER") == "Disaster"
    for category in (*CATEGORIES, "", "042"):
        chip = category_colour(category)
        assert contrast_ratio(chip, text_on(chip)) >= 4.5, category
    # The chips read on either page: none is lost against the page's own colour.
    for palette in (light_palette(), dark_palette()):
        base = rgb(palette.color(palette.ColorRole.Base))
        for category in CATEGORIES:
            assert delta_e(simulate(rgb(category_colour(category)), "full"), base) >= 10, category


def test_the_simulation_is_the_published_one():
    assert [round(v) for v in lab((255, 255, 255))] == [100, 0, 0]
    assert simulate((0, 114, 178), "full") == (0, 114, 178)
    # A plain red and green, far apart to most readers, come close to one with deuteranopia;
    # Okabe–Ito's vermillion and bluish green were made not to.
    red, green = (200, 30, 30), (40, 160, 40)
    assert delta_e(red, green) > 100
    assert delta_e(simulate(red, "deuteranopia"), simulate(green, "deuteranopia")) < 15
    assert delta_e(simulate((213, 94, 0), "deuteranopia"), simulate((0, 158, 115), "deuteranopia")) > 40
