"""Guard against a reference-count bug of PySide6 6.12 on Python 3.11.

With PySide6-Essentials 6.12.0 on CPython 3.11, every call of a Qt method that returns
``void`` hands ``None`` back without taking a reference to it, and every
``Signal.emit()`` does the same with ``True``: each call lowers the object's reference
count by one (``sys.getrefcount(None)`` shows it). CPython 3.12+ made these singletons
immortal (PEP 683), which hides the bug there; on 3.11 the count reaches zero after a
few thousand calls and the interpreter aborts with "Fatal Python error: none_dealloc"
(or "bool_dealloc"). The presenter repaints ten times a second, so it would crash within
seconds.

:func:`install` measures a void call and an emit; only if one of them loses a reference
does it raise the counts of ``None``, ``True`` and ``False`` by 2**40 — immortality in
spirit, as 3.12 does it: the counts can then never reach zero in the life of a process.
Python's own increments and decrements continue normally. Nothing is changed on a fixed
PySide6 or on Python 3.12+.
"""

from __future__ import annotations

import ctypes
import logging
import platform
import sys

log = logging.getLogger(__name__)

BOOST = 1 << 40
_installed = False


def void_call_leak() -> int:
    """How many references to None one void Qt call loses (0 when PySide6 is fine)."""
    from PySide6.QtCore import QRect

    rect = QRect()
    rect.setWidth(1)  # warm up
    before = sys.getrefcount(None)
    for _ in range(10):
        rect.setWidth(2)
    return (before - sys.getrefcount(None)) // 10


def emit_leak() -> int:
    """How many references to True one ``Signal.emit()`` loses (0 when PySide6 is fine)."""
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    probe.ping.emit()  # warm up
    before = sys.getrefcount(True)
    for _ in range(10):
        probe.ping.emit()
    return (before - sys.getrefcount(True)) // 10


def install() -> bool:
    """Apply the guard if this interpreter needs it. Returns whether it was applied."""
    global _installed
    if _installed:
        return True
    if sys.version_info >= (3, 12) or platform.python_implementation() != "CPython":
        return False
    if void_call_leak() <= 0 and emit_leak() <= 0:
        return False
    for singleton in (None, True, False):
        refcnt = ctypes.c_ssize_t.from_address(id(singleton))
        refcnt.value += BOOST
    _installed = True
    log.info("PySide6 loses references to None/True on void calls and emits; refcount "
             "guard installed (Python %s)", platform.python_version())
    return True
