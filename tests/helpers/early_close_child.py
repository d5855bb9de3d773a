"""Child process for tests/ui/test_exit.py: the real app (``run_app``), its main window
closed ``argv[1]`` ms after it is shown, while the start-up workers still run."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer

from quiz_app.ui import app, main_window

delay = int(sys.argv[1])
shown = main_window.MainWindow.show


def show_then_close(self: main_window.MainWindow) -> None:
    shown(self)
    QTimer.singleShot(delay, self.close)


main_window.MainWindow.show = show_then_close  # type: ignore[method-assign]
sys.exit(app.run_app(Path(os.environ["QUIZ_APP_DATA_DIR"])))
