"""The window's settings in one JSON file, written like every other file the reader writes.

QSettings writes its own files; the reader's rule is that every file goes through the one
atomic writer (reader.atomic), so a crash or a full disk mid-save never leaves the settings
half written. `SettingsFile` has the part of QSettings' interface the window uses (`value`,
`setValue`, `sync`); changes made in one turn of the event loop are written once, and `sync`
writes at once (the window calls it when it closes). Window geometry and dock layouts are
bytes, kept as base64. The first run after this change reads the old QSettings values, so
recent files and the window layout carry over. A settings file that cannot be read is moved
aside (settings.json.unreadable-<time>), never silently replaced.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import json
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, QTimer

from reader.atomic import atomic_write
from reader.errors import BriefingError

log = logging.getLogger(__name__)

_BYTES = "__base64__"


def _encode(value: Any) -> Any:
    if isinstance(value, QByteArray | bytes | bytearray):
        raw = value.data() if isinstance(value, QByteArray) else bytes(value)
        return {_BYTES: base64.b64encode(raw).decode("ascii")}
    if isinstance(value, list | tuple):
        return [_encode(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {_BYTES}:
        return QByteArray(base64.b64decode(value[_BYTES]))
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


class SettingsFile:
    """A QSettings stand-in backed by one JSON file written atomically."""

    def __init__(self, path: Path, legacy: QSettings | None = None) -> None:
        self.path = path
        self._values: dict[str, Any] = self._read(legacy)
        self._pending = False

    def _read(self, legacy: QSettings | None) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
            return data
        except FileNotFoundError:
            if legacy is None:
                return {}
            return {key: _encode(legacy.value(key)) for key in legacy.allKeys()}
        except (OSError, ValueError) as exc:
            aside = self.path.with_name(f"{self.path.name}.unreadable-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%SZ}")
            log.warning("the settings file %s cannot be read (%s); it was moved to %s", self.path, exc, aside)
            with contextlib.suppress(OSError):
                self.path.rename(aside)
            return {}

    def value(self, key: str, default: Any = None) -> Any:
        return _decode(self._values[key]) if key in self._values else default

    def setValue(self, key: str, value: Any) -> None:
        encoded = _encode(value)
        if self._values.get(key, object()) == encoded:
            return
        self._values[key] = encoded
        if QCoreApplication.instance() is None:
            self.sync()
        elif not self._pending:
            self._pending = True
            QTimer.singleShot(0, self.sync)

    def remove(self, key: str) -> None:
        """Forget `key` (as QSettings.remove does for one key)."""
        if self._values.pop(key, None) is not None:
            if QCoreApplication.instance() is None:
                self.sync()
            elif not self._pending:
                self._pending = True
                QTimer.singleShot(0, self.sync)

    def allKeys(self) -> list[str]:
        return sorted(self._values)

    def sync(self) -> None:
        """Write the settings now (atomically); a failure is logged, the window goes on."""
        self._pending = False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, json.dumps(self._values, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
        except (OSError, BriefingError) as exc:
            log.warning("the settings could not be saved: %s", exc)


def default_settings() -> SettingsFile:
    """settings.json in the user's config folder, written atomically; the old QSettings values carry over."""
    from platformdirs import user_config_path

    from reader.paths import APP_NAME

    path = user_config_path(APP_NAME, appauthor=False) / "settings.json"
    return SettingsFile(path, legacy=QSettings("BriefingReader", "briefing-reader"))
