"""The app says which version it is: `quiz-app --version` and the About dialog (F1)."""

from __future__ import annotations

import subprocess
import sys

from quiz_app._version import __version__
from quiz_app.ui import dialogs
from quiz_app.ui.main_window import MainWindow


def test_cli_prints_the_version() -> None:
    out = subprocess.run([sys.executable, "-m", "quiz_app", "--version"], capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0
    assert out.stdout.strip() == f"Kuis ASN {__version__}"


def test_about_dialog_names_version_and_data_folder(qtbot, tmp_path, monkeypatch) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_info", lambda _parent, title, text: shown.append(
        (title, text)))
    window = MainWindow(tmp_path, None)
    qtbot.addWidget(window)
    window.add_help_menu()  # run_app adds it after the first frame
    about = next(a for a in window.findChildren(type(window.menuBar().actions()[0]))
                 if a.shortcut().toString() == "F1")
    about.trigger()
    assert shown and shown[0][0] == "Tentang Kuis ASN"
    assert f"versi {__version__}" in shown[0][1]
    assert str(tmp_path) in shown[0][1]
