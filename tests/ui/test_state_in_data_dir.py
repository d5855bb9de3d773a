"""``--data-dir`` holds all the app's state: settings, Qt's file-dialog history, bank cache.

The app runs in a child process (as ``quiz-app --data-dir D``) with ``HOME`` and the XDG
folders pointed at an empty temporary home; afterwards nothing may have appeared there.
"""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from quiz_app import cli
    from quiz_app.ui import dialogs, main_window

    dialogs.show_info = lambda *a, **k: None
    shown = main_window.MainWindow.show

    def close_dialog():
        box = QApplication.activeModalWidget()
        assert box is not None, "the file dialog did not open"
        box.reject()

    def script(window):
        window._set_language("en")  # the language menu
        QTimer.singleShot(300, close_dialog)
        dialogs.open_file(window, "Pilih", "YAML (*.yaml)")  # Qt saves its history
        window.close()

    def show(self):
        shown(self)
        self.banks_loaded.connect(lambda: QTimer.singleShot(0, lambda: script(self)))

    main_window.MainWindow.show = show
    sys.exit(cli.main(["--data-dir", sys.argv[1]]))
""")


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_data_dir_holds_settings_file_dialog_history_and_cache(tmp_path: Path) -> None:
    home, data = tmp_path / "home", tmp_path / "data"
    home.mkdir()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("QUIZ_APP_", "XDG_"))}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen",
               FONTCONFIG_FILE=os.environ.get("FONTCONFIG_FILE", "/etc/fonts/fonts.conf"))
    result = subprocess.run([sys.executable, "-c", CHILD, str(data)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr

    # fontconfig may refresh its own cache in a new home: the system's, not the app's
    leaked = [f for f in files_under(home) if not f.startswith(".cache/fontconfig")]
    assert leaked == []
    stored = files_under(data)
    ours = configparser.ConfigParser()
    ours.read(data / "settings" / "KuisASN" / "Kuis ASN.ini", encoding="utf-8")
    assert ours.get("ui", "language") == "en"
    # Qt's own file dialog keeps its history in the native format (.conf on Linux)
    qt_file = next((data / "settings").glob("QtProject.*"))
    qt = qt_file.read_text(encoding="utf-8")
    assert "[FileDialog]" in qt and "lastVisited" in qt
    assert any(f.startswith("cache/banks/") and f.endswith(".json") for f in stored), stored
