"""Render the main window (bundled banks listed) to docs/screenshots/main-<w>x<h>.png.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_main.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from quiz_app.ui.app import create_app
from quiz_app.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent
SIZES = [(1366, 768), (1920, 1080)]


def main() -> int:
    app = create_app()
    with tempfile.TemporaryDirectory() as data:
        for w, h in SIZES:
            window = MainWindow(Path(data), None)
            window.resize(w, h)
            window.show()
            window.banks_loaded.connect(app.quit)
            window.load_bundled()
            app.exec()
            window.grab().save(str(OUT / f"main-{w}x{h}.png"))
            window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
