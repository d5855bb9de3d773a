"""File choosers of the results window: the seam tests patch (no real dialog in tests).

These belong with ``quiz_app/ui/dialogs.py`` (the one place for modal dialogs); they live
here until that module grows file choosers, so this feature did not edit a shared file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def ask_save_path(parent: QWidget | None, title: str, suggested: Path,
                  name_filter: str) -> Path | None:
    """Ask where to save; None when cancelled."""
    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), name_filter)
    return Path(name) if name else None


def ask_open_paths(parent: QWidget | None, title: str, folder: Path,
                   name_filter: str) -> list[Path]:
    """Ask for one or more existing files; empty when cancelled."""
    names, _ = QFileDialog.getOpenFileNames(parent, title, str(folder), name_filter)
    return [Path(n) for n in names]
