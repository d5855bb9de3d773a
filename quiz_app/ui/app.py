"""Application wiring: QApplication, translators, style, excepthook, main window."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from ..core import paths
from ..core.cache import BankCache
from . import dialogs
from .main_window import MainWindow
from .style import STYLE

log = logging.getLogger(__name__)


def install_translators(app: QApplication, language: str = "id") -> list[QTranslator]:
    """Qt's own strings ("Batal", "Ya") in Indonesian. Keep references alive."""
    translators: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    tr = QTranslator(app)
    if tr.load(QLocale(language), "qtbase", "_", qt_dir):
        app.installTranslator(tr)
        translators.append(tr)
    return translators


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    text = "".join(traceback.format_exception(kind, exc, tb))
    log.error("kesalahan tak terduga:\n%s", text)
    sys.__excepthook__(kind, exc, tb)
    dialogs.show_message(
        None,
        "Kesalahan",
        "Terjadi kesalahan tak terduga. Jawaban yang sudah tersimpan tetap aman.",
        text,
    )


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Kuis ASN")
    app.setOrganizationName("KuisASN")
    app.setStyleSheet(STYLE)
    return app


def run_app(data_dir: Path) -> int:
    app = create_app()
    _translators = install_translators(app)
    sys.excepthook = _excepthook
    window = MainWindow(data_dir, BankCache(paths.cache_dir() / "banks"))
    window.show()
    if os.environ.get("QUIZ_APP_BENCH_STARTUP"):
        print("quiz-app: window shown", flush=True)  # read by bench/run.py
    QTimer.singleShot(0, window.load_bundled)
    code = app.exec()
    del _translators
    return code
