"""`briefing-reader --screenshot OUT.png [--size WxH] [--theme dark] [FILE]` renders the real window."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from ui_helpers import FAKE_TEXT, FakeEngine

from reader.ui.app import build_window
from reader.ui.screenshot import parse_size, take_screenshot

pytestmark = pytest.mark.gui


def test_a_screenshot_of_the_real_window_in_light_and_dark(tmp_path, dialogs):
    briefing = tmp_path / "talks.md"
    briefing.write_text(FAKE_TEXT, encoding="utf-8")
    app = QApplication.instance()
    palette = app.palette()
    try:
        light, dark = tmp_path / "light.png", tmp_path / "dark.png"
        assert take_screenshot(light, briefing, (1000, 640), build_window, engine=FakeEngine()) == 0
        assert take_screenshot(dark, briefing, (1000, 640), build_window, theme="dark", engine=FakeEngine()) == 0
    finally:
        app.setPalette(palette)
    images = [QImage(str(light)), QImage(str(dark))]
    assert [(i.width(), i.height()) for i in images] == [(1000, 640), (1000, 640)]

    def mean_lightness(image: QImage) -> float:
        points = [(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 29)]
        return sum(image.pixelColor(x, y).lightness() for x, y in points) / len(points)

    assert mean_lightness(images[0]) > 180 > 90 > mean_lightness(images[1])
    colours = {images[0].pixelColor(x, y).name() for x in range(0, 1000, 7) for y in range(0, 640, 7)}
    assert len(colours) > 30  # text, highlights and panels, not a blank window


def test_sizes_are_checked():
    assert parse_size("1366x768") == (1366, 768) and parse_size("3840X2160") == (3840, 2160)
    for wrong in ("1366", "axb", "10x10", "20000x768"):
        with pytest.raises(ValueError):
            parse_size(wrong)
