"""Issue 14, item 7: closing the main window at once must exit cleanly (no SIGABRT or
SIGSEGV from a worker emitting into torn-down objects, no dialog after QApplication)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QObject

from quiz_app.ui import app as app_module
from quiz_app.ui import dialogs, worker

ROOT = Path(__file__).resolve().parents[2]


def test_closing_at_once_exits_cleanly(tmp_path: Path) -> None:
    """Before the fix 3 of 10 such runs died (rc 134); every run must now end with 0."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "QUIZ_APP_DATA_DIR": str(tmp_path / "data"),
           "QUIZ_APP_CACHE_DIR": str(tmp_path / "cache")}
    codes = []
    for delay in (0, 10, 20, 40, 0, 10, 20, 40):
        proc = subprocess.run([sys.executable, "-m", "tests.helpers.early_close_child",
                               str(delay)], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=120)
        codes.append((delay, proc.returncode, proc.stderr[-400:]))
    assert [c for c in codes if c[1] != 0] == []


def test_callbacks_dropped_once_owner_is_gone(qtbot) -> None:
    owner = QObject()
    seen: list[object] = []
    gone = threading.Event()
    job = worker.run_in_worker(lambda: gone.wait(5) and 42, seen.append, owner=owner)
    shiboken6.delete(owner)  # the window is destroyed while its job still runs
    gone.set()
    qtbot.waitUntil(lambda: job not in worker._live, timeout=5000)
    assert seen == []
    kept: list[object] = []
    worker.run_in_worker(lambda: 7, kept.append)
    qtbot.waitUntil(lambda: kept == [7], timeout=5000)


def test_excepthook_opens_no_dialog_while_quitting(monkeypatch, capsys) -> None:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_message", lambda *a, **k: shown.append("dialog"))
    monkeypatch.setattr(worker, "_closing", True)
    try:
        raise RuntimeError("late")
    except RuntimeError as exc:
        app_module._excepthook(RuntimeError, exc, exc.__traceback__)
    assert shown == []
    assert "late" in capsys.readouterr().err
    monkeypatch.setattr(worker, "_closing", False)
    try:
        raise RuntimeError("live")
    except RuntimeError as exc:
        app_module._excepthook(RuntimeError, exc, exc.__traceback__)
    assert shown == ["dialog"]


@pytest.fixture(autouse=True)
def _not_closing(monkeypatch) -> None:
    monkeypatch.setattr(worker, "_closing", False)
