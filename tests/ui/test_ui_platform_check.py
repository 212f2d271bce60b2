"""The checks made before Qt starts: no display, missing xcb libraries, broken Qt import."""

from __future__ import annotations

import reader.ui.platform_check as pc


def test_no_display_is_one_line_with_the_ways_to_run():
    message = pc.needs_display_message({}, platform="linux")
    assert message is not None and "\n" not in message
    assert "xvfb-run -a briefing-reader" in message and "--smoke-test" in message
    assert pc.needs_display_message({"DISPLAY": ":0"}, platform="linux") is None
    assert pc.needs_display_message({"WAYLAND_DISPLAY": "wayland-0"}, platform="linux") is None
    assert pc.needs_display_message({"QT_QPA_PLATFORM": "offscreen"}, platform="linux") is None
    assert pc.needs_display_message({}, platform="win32") is None


def test_which_platform_uses_xcb():
    assert pc.uses_xcb({"DISPLAY": ":0"}, platform="linux")
    assert pc.uses_xcb({"QT_QPA_PLATFORM": "xcb"}, platform="linux")
    assert not pc.uses_xcb({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, platform="linux")
    assert not pc.uses_xcb({"DISPLAY": ":0", "WAYLAND_DISPLAY": "w", "XDG_SESSION_TYPE": "wayland"}, platform="linux")
    assert not pc.uses_xcb({"DISPLAY": ":0"}, platform="darwin")


def test_missing_libraries_become_debian_packages():
    assert pc.packages_for(["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]) == ["libxcb-icccm4", "libxcb-keysyms1"]
    assert pc.packages_for(["libxcb-cursor.so.0", "libEGL.so.1", "libxkbcommon-x11.so.0"]) == [
        "libegl1",
        "libxcb-cursor0",
        "libxkbcommon-x11-0",
    ]
    assert pc.packages_for(["libxcb-icccm.so.4.0.0"]) == ["libxcb-icccm4"]
    assert pc.packages_for(["libunknown.so.3"]) == ["<the package providing libunknown.so.3>"]


def test_xcb_message_names_the_apt_line(monkeypatch, tmp_path):
    plugin = tmp_path / "libqxcb.so"
    plugin.write_bytes(b"")
    monkeypatch.setattr(pc, "xcb_plugin", lambda: plugin)
    monkeypatch.setattr(pc, "missing_libraries", lambda _p: ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"])
    message = pc.xcb_libraries_message({"QT_QPA_PLATFORM": "xcb"})
    assert message is not None
    assert "apt-get install libxcb-icccm4 libxcb-keysyms1" in message
    assert pc.xcb_libraries_message({"QT_QPA_PLATFORM": "offscreen"}) is None
    monkeypatch.setattr(pc, "missing_libraries", lambda _p: [])
    assert pc.xcb_libraries_message({"QT_QPA_PLATFORM": "xcb"}) is None


def test_ldd_output_is_parsed(monkeypatch, tmp_path):
    class Result:
        stdout = (
            "\tlibQt6XcbQpa.so.6 => /x/libQt6XcbQpa.so.6 (0x1)\n"
            "\tlibxcb-icccm.so.4 => not found\n"
            "\tlibxcb-keysyms.so.1 => not found\n"
            "\tlibxcb-icccm.so.4 => not found\n"
        )

    monkeypatch.setattr(pc.shutil, "which", lambda _name: "/usr/bin/ldd")
    monkeypatch.setattr(pc.subprocess, "run", lambda *a, **k: Result())
    assert pc.missing_libraries(tmp_path / "x.so") == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]


def test_import_error_names_the_package():
    exc = ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")
    assert "apt-get install libegl1" in pc.import_error_message(exc)
    assert "cannot be imported" in pc.import_error_message(ImportError("No module named 'PySide6'"))


def test_a_stale_display_is_reported_instead_of_a_qt_abort(tmp_path):
    table = tmp_path / "unix"
    table.write_text("Num RefCount Protocol Flags Type St Inode Path\n0000: 00000002 00000000 00010000 0001 01 1 @/tmp/.X11-unix/X7\n")
    message = pc.x_display_unreachable_message({"DISPLAY": ":4242"}, proc_net_unix=table)
    assert message is not None and "DISPLAY=:4242" in message and "xvfb-run -a briefing-reader" in message
    assert pc.x_display_unreachable_message({"DISPLAY": ":7"}, proc_net_unix=table) is None  # abstract socket
    assert pc.x_display_unreachable_message({"DISPLAY": "remote.example:0"}, proc_net_unix=table) is None
    assert pc.x_display_unreachable_message({"DISPLAY": ":4242", "QT_QPA_PLATFORM": "offscreen"}, proc_net_unix=table) is None
