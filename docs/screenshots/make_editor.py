"""Render the bank editor (one question with a located mistake, and the projector preview)
to docs/screenshots/editor-<w>x<h>.png and editor-projector-<w>x<h>.png.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_editor.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtTest import QTest

from quiz_app.core.banks import bundled_banks_dir
from quiz_app.ui.app import create_app
from quiz_app.ui.editor.window import EditorWindow

OUT = Path(__file__).resolve().parent
SIZES = [(1366, 768)]  # 1024×600 and 1920×1080 were checked under Xvfb too


def main() -> int:
    create_app()
    with tempfile.TemporaryDirectory() as folder:
        bank = Path(folder) / "contoh.yaml"
        shutil.copy(bundled_banks_dir() / "contoh.yaml", bank)
        for w, h in SIZES:
            window = EditorWindow()
            window.resize(w, h)
            window.show()
            window.open_path(bank)
            while window.doc is None:
                QTest.qWait(20)
            window.question_list.setCurrentRow(1)
            window.f_points.setText("abc")
            window.set_image("")  # nothing chosen: only records the typed points
            while not window.issues:
                QTest.qWait(20)
            window.grab().save(str(OUT / f"editor-{w}x{h}.png"))
            window.question_list.setCurrentRow(5)
            window.preview.setCurrentIndex(1)
            QTest.qWait(50)
            window.grab().save(str(OUT / f"editor-projector-{w}x{h}.png"))
            window.undo_stack.setClean()
            window.close()
    QThreadPool.globalInstance().waitForDone()
    return 0


if __name__ == "__main__":
    sys.exit(main())
