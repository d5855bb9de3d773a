"""The installed Qt binding must not leak references to None/True.

PySide6-Essentials 6.12.0 on Python 3.11 drops a reference to ``None`` on every Qt call
that returns nothing and to ``True`` on every ``Signal.emit()``; a busy screen aborts the
interpreter ("none_dealloc") within minutes. pyproject.toml pins ``<6.12``; this test
fails if a leaking build is ever installed again.
"""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QObject, QRect, Signal


class _Emitter(QObject):
    fired = Signal()


def test_void_calls_and_emits_keep_refcounts() -> None:
    rect, emitter = QRect(), _Emitter()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(2000):
        rect.setWidth(3)
        emitter.fired.emit()
    assert abs(sys.getrefcount(None) - none_before) < 50
    assert abs(sys.getrefcount(True) - true_before) < 50


def test_a_busy_hour_of_redraws_does_not_abort_the_interpreter() -> None:
    code = (
        "from PySide6.QtCore import QRect, QObject, Signal\n"
        "class P(QObject):\n"
        "    s = Signal()\n"
        "p = P(); r = QRect()\n"
        "for _ in range(200_000):\n"
        "    r.setWidth(3); p.s.emit()\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr
