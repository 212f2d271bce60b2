"""A guard against a Qt for Python release that corrupts ``None``'s reference count.

PySide6 6.12.0 on Python 3.11 drops one reference to ``None`` every time a Qt function that
returns nothing is called (it relies on ``None`` being immortal, which only became true in
Python 3.12). After a few thousand calls the interpreter aborts with "deallocating None".
The project pins a PySide6 without the bug; this guard is for installs that still get it:
it detects the leak by measuring it and, only then, gives ``None``, ``True`` and ``False``
a reference count so large that it can never reach zero, which is what Python 3.12 does.
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)

_PROBE_CALLS = 64
#: Added to the reference counts: ~10^12 calls before it could run out.
_BALLAST = 1 << 40


def none_refcount_leaks() -> bool:
    """Whether a void Qt call loses a reference to None (measured, not guessed from versions)."""
    if sys.version_info >= (3, 12):
        return False
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(_PROBE_CALLS):
        probe.setObjectName("probe")
    return sys.getrefcount(None) <= before - _PROBE_CALLS // 2


def guard_none_refcount() -> bool:
    """Apply the workaround when the leak is present; returns whether it was needed."""
    if not none_refcount_leaks():
        return False
    if not hasattr(sys, "getrefcount") or ctypes.sizeof(ctypes.c_ssize_t) != ctypes.sizeof(ctypes.c_void_p):
        return False
    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += _BALLAST
    log.warning(
        "this PySide6 release leaks references to None on Python %d.%d; applied a workaround. "
        "Install PySide6-Essentials<6.12 or use Python 3.12+ to avoid it.",
        *sys.version_info[:2],
    )
    return True
