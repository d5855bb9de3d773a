"""Shared test set-up: headless Qt, and no test ever touches the real user folders."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
BANKS = ROOT / "question_banks"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    base = tmp_path_factory.mktemp("userdirs")
    monkeypatch.setenv("QUIZ_APP_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("QUIZ_APP_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "xdg-cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "xdg-config"))
    if "PySide6.QtCore" in sys.modules:  # Qt tests: QSettings follow the data dir, as in the app
        from quiz_app.ui.settings import use_data_dir_settings

        use_data_dir_settings()


@pytest.fixture
def banks_dir() -> Path:
    return BANKS


# Far beyond any dialog a test answers itself (they do so at once).
MODAL_WAIT_S = float(os.environ.get("QUIZ_TEST_MODAL_WAIT_S", "15"))


@pytest.fixture(autouse=True)
def _no_dialog_waits_forever(request: pytest.FixtureRequest) -> Iterator[None]:
    """A modal dialog that no test answers fails that test, naming its text, instead of
    holding the whole run: CI once waited 90 minutes on a warning nobody could see."""
    if "PySide6.QtWidgets" not in sys.modules:
        yield
        return
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

    if QApplication.instance() is None:
        if not {"qtbot", "qapp"} & set(request.fixturenames):
            yield
            return
        request.getfixturevalue("qapp")
    left_open: list[str] = []
    watched = None  # the modal dialog open at the last check, and since when
    since = 0.0

    def check() -> None:
        nonlocal watched, since
        widget = QApplication.activeModalWidget()
        if widget is None or widget is not watched:
            watched, since = widget, time.monotonic()
            return
        if time.monotonic() - since < MODAL_WAIT_S:
            return
        text = widget.text() if isinstance(widget, QMessageBox) else ""
        left_open.append(f"{widget.windowTitle()!r} {text!r}")
        watched = None
        if isinstance(widget, QDialog):
            widget.reject()
        else:
            widget.close()

    timer = QTimer()
    timer.setInterval(250)
    timer.timeout.connect(check)
    timer.start()
    yield
    timer.stop()
    if left_open:
        pytest.fail("a modal dialog waited for an answer no test gave: " + "; ".join(left_open))
