"""Application wiring: QApplication, translators, style, excepthook, main window."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from ..core import paths
from . import dialogs
from .i18n import choose_language, install_translators
from .settings import use_data_dir_settings
from .style import STYLE

if TYPE_CHECKING:
    from ..core.banks import BankCache

log = logging.getLogger(__name__)

_translators: list[QTranslator] = []


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    from . import worker

    text = "".join(traceback.format_exception(kind, exc, tb))
    log.error("kesalahan tak terduga:\n%s", text)
    sys.__excepthook__(kind, exc, tb)
    if (QApplication.instance() is None or QCoreApplication.closingDown()
            or worker.closing()):
        return  # no dialog once the application is going away (it would crash the exit)
    dialogs.show_message(
        None,
        QCoreApplication.translate("app", "Kesalahan"),
        QCoreApplication.translate(
            "app", "Terjadi kesalahan tak terduga. Jawaban yang sudah tersimpan tetap aman."),
        text,
    )


def create_app(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    """The QApplication with name, style and the translators of the chosen language."""
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Kuis ASN")
    app.setOrganizationName("KuisASN")
    use_data_dir_settings()  # before the language setting is read
    app.setStyleSheet(STYLE)
    if not _translators:
        _translators.extend(install_translators(app, choose_language(language)))
    return app


def bank_cache() -> BankCache:
    from ..core.banks import BankCache

    return BankCache(paths.cache_dir() / "banks")


class FirstFrame(QObject):
    """Calls ``then`` once ``widget`` has painted its first frame: on its first Paint
    event a zero timer is queued, which fires after the paint and the flush of that frame
    are over (they happen in one go)."""

    def __init__(self, widget: QObject, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then = then
        self._widget = widget
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
        return False


def run_app(data_dir: Path, language: str | None = None,
            open_file: Path | None = None) -> int:
    from .main_window import MainWindow

    app = create_app(language=language)
    sys.excepthook = _excepthook
    window = MainWindow(data_dir, None)

    started: list[bool] = []

    def after_first_frame() -> None:
        if started:
            return
        started.append(True)
        if os.environ.get("QUIZ_APP_BENCH_STARTUP"):
            print("quiz-app: first frame", flush=True)  # read by bench/run.py
        # Nothing below is needed to draw the first window: do it once it is on screen.
        window.cache = bank_cache()
        window.load_bundled()
        window.add_help_menu()
        window.check_resume()
        if open_file is not None:
            window.open_document(open_file)

    if os.environ.get("QUIZ_APP_SMOKE"):
        # The bundle's smoke test (tests/bundle): report the bundled bank table, then close.
        def smoke_done() -> None:
            bad = sum(1 for e in window.entries if not e.ok)
            print(f"quiz-app: smoke files={len(window.entries)} invalid={bad}", flush=True)
            window.close()

        window.banks_loaded.connect(smoke_done)
    FirstFrame(window, after_first_frame)
    window.show()
    QTimer.singleShot(2000, after_first_frame)  # a window started minimized never paints
    code = app.exec()
    from .worker import shutdown

    # Workers may still run (a bank check, the resume check, an export): wait for them
    # before Python tears the module globals and Qt objects down under them.
    if not shutdown():
        log.warning("pekerjaan latar belakang belum selesai saat aplikasi ditutup")
    window.deleteLater()
    return code


def install_excepthook() -> None:
    sys.excepthook = _excepthook
