"""The one place that opens modal dialogs. Tests patch these functions.

Button labels are set explicitly and translated here, so they never depend on a Qt
catalogue being found (ours, ``qtbase_id.qm``, covers the file dialogs and the rest).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QWidget

# Dialog classes are looked up when a dialog opens, not at import: PySide6 builds each
# class's type on first use, and none of these is needed to show the first window.


def _tr(text: str) -> str:
    return QCoreApplication.translate("dialogs", text)


def show_message(parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    """A warning. ``detail`` (the located issues: ``berkas:baris:kolom: pesan``) is shown in
    the dialog itself, never behind QMessageBox's "Show Details…" button: the line number is
    what the trainer needs to fix the file."""
    from PySide6.QtWidgets import QMessageBox

    if detail.strip() and detail.strip() != text.strip():
        message_dialog(parent, title, text, detail).exec()
        return
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.button(QMessageBox.StandardButton.Ok).setText(_tr("OK"))
    box.exec()


def message_dialog(parent: QWidget | None, title: str, text: str, detail: str) -> QDialog:
    """The warning dialog with its details in a scrolling box (built, not shown)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFontDatabase, QGuiApplication
    from PySide6.QtWidgets import (
        QDialog,
        QDialogButtonBox,
        QHBoxLayout,
        QLabel,
        QPlainTextEdit,
        QStyle,
        QVBoxLayout,
    )

    from .screenfit import fit_window

    dialog = QDialog(parent)
    dialog.setObjectName("MessageDialog")
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    top = QHBoxLayout()
    icon = QLabel(dialog)
    icon.setPixmap(dialog.style().standardIcon(
        QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(40, 40))
    icon.setAlignment(Qt.AlignmentFlag.AlignTop)
    label = QLabel(text, dialog)
    label.setWordWrap(True)
    label.setAccessibleName(_tr("Pesan"))
    top.addWidget(icon)
    top.addWidget(label, 1)
    details = QPlainTextEdit(dialog)
    details.setObjectName("Details")
    details.setReadOnly(True)
    details.setPlainText(detail)
    details.setAccessibleName(_tr("Rincian"))
    details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    details.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    details.setMinimumHeight(details.fontMetrics().lineSpacing() * 4)
    buttons = QDialogButtonBox(dialog)
    copy = buttons.addButton(_tr("Salin rincian"), QDialogButtonBox.ButtonRole.ActionRole)
    copy.setAccessibleName(_tr("Salin rincian"))
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(detail))
    ok = buttons.addButton(_tr("OK"), QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setAccessibleName(_tr("OK"))
    ok.setDefault(True)
    buttons.accepted.connect(dialog.accept)
    layout.addLayout(top)
    layout.addWidget(details, 1)
    layout.addWidget(buttons)
    lines = detail.count("\n") + 1
    height = 160 + min(lines, 14) * details.fontMetrics().lineSpacing()
    fit_window(dialog, 720, height, parent)
    ok.setFocus()
    return dialog


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Information, title, text,
                      QMessageBox.StandardButton.Ok, parent)
    box.button(QMessageBox.StandardButton.Ok).setText(_tr("OK"))
    box.exec()


def confirm(parent: QWidget | None, title: str, text: str, *,
            default_yes: bool = False) -> bool:
    """Ya/Tidak. Enter presses "Tidak" unless ``default_yes`` (for a question whose safe
    answer is yes, e.g. continuing a presentation rather than throwing it away)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.button(QMessageBox.StandardButton.Yes).setText(_tr("Ya"))
    box.button(QMessageBox.StandardButton.No).setText(_tr("Tidak"))
    box.setDefaultButton(QMessageBox.StandardButton.Yes if default_yes
                         else QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def choose(parent: QWidget | None, title: str, text: str,
           choices: list[tuple[str, str]]) -> str | None:
    """Buttons ``(key, label)``; returns the key pressed, or None when cancelled."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    buttons: dict[object, str] = {}
    for key, label in choices:
        button = box.addButton(label, QMessageBox.ButtonRole.AcceptRole)
        button.setAccessibleName(label)
        buttons[button] = key
    cancel = box.addButton(_tr("Batal"), QMessageBox.ButtonRole.RejectRole)
    box.setEscapeButton(cancel)
    box.exec()
    return buttons.get(box.clickedButton())


def ask_pin(parent: QWidget | None, title: str, text: str) -> str | None:
    """The trainer's PIN (digits, hidden), or None when cancelled."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QRegularExpressionValidator
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout

    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    label = QLabel(text, dialog)
    label.setWordWrap(True)
    field = QLineEdit(dialog)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(_tr("PIN pelatih"))
    field.setValidator(QRegularExpressionValidator(r"\d{0,8}", field))
    field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
    buttons = QDialogButtonBox(dialog)
    ok = buttons.addButton(_tr("OK"), QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setAccessibleName(_tr("OK"))
    cancel = buttons.addButton(_tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
    cancel.setAccessibleName(_tr("Batal"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(label)
    layout.addWidget(field)
    layout.addWidget(buttons)
    field.setFocus()
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return field.text()


def ask_text(parent: QWidget | None, title: str, text: str) -> str | None:
    """One line of text typed by the user (trimmed), or None when cancelled or empty."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(text)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setOkButtonText(_tr("OK"))
    dialog.setCancelButtonText(_tr("Batal"))
    dialog.resize(560, dialog.sizeHint().height())
    if not dialog.exec():
        return None
    value = " ".join(dialog.textValue().split())
    return value or None


def open_file(parent: QWidget | None, title: str, name_filter: str) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getOpenFileName(parent, title, "", name_filter)
    return Path(path) if path else None


def choose_item(parent: QWidget | None, title: str, text: str, items: list[str],
                actions: list[tuple[str, str]]) -> tuple[str, int] | None:
    """A list to pick one of ``items`` and buttons ``(key, label)``; returns
    ``(key, row)`` or None when closed or cancelled."""
    from PySide6.QtWidgets import (
        QDialog,
        QDialogButtonBox,
        QLabel,
        QListWidget,
        QPushButton,
        QVBoxLayout,
    )

    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    dialog.resize(640, 360)
    layout = QVBoxLayout(dialog)
    label = QLabel(text, dialog)
    label.setWordWrap(True)
    listing = QListWidget(dialog)
    listing.setAccessibleName(title)
    listing.addItems(items)
    listing.setCurrentRow(0)
    buttons = QDialogButtonBox(dialog)
    chosen: list[str] = []
    for key, caption in actions:
        button = QPushButton(caption, dialog)
        button.setAccessibleName(caption)
        buttons.addButton(button, QDialogButtonBox.ButtonRole.AcceptRole)
        button.clicked.connect(lambda _=False, k=key: (chosen.append(k), dialog.accept()))
    cancel = buttons.addButton(_tr("Nanti saja"), QDialogButtonBox.ButtonRole.RejectRole)
    cancel.setAccessibleName(_tr("Nanti saja"))
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(label)
    layout.addWidget(listing, 1)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted or not chosen or listing.currentRow() < 0:
        return None
    return chosen[0], listing.currentRow()


def ask_save_path(parent: QWidget | None, title: str, suggested: Path,
                  name_filter: str) -> Path | None:
    """Ask where to save; None when cancelled."""
    from PySide6.QtWidgets import QFileDialog

    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), name_filter)
    return Path(name) if name else None


def ask_open_paths(parent: QWidget | None, title: str, folder: Path,
                   name_filter: str) -> list[Path]:
    """Ask for one or more existing files; empty when cancelled."""
    from PySide6.QtWidgets import QFileDialog

    names, _ = QFileDialog.getOpenFileNames(parent, title, str(folder), name_filter)
    return [Path(n) for n in names]


def ask_signer(parent: QWidget | None, name: str, nip: str, title: str,
               show_nilai: bool) -> tuple[str, str, str, bool] | None:
    """The certificates' signing official (name, NIP, position) and whether to print the
    nilai; None when cancelled."""
    from PySide6.QtWidgets import (
        QCheckBox,
        QDialog,
        QDialogButtonBox,
        QFormLayout,
        QLineEdit,
    )

    dialog = QDialog(parent)
    dialog.setWindowTitle(_tr("Sertifikat peserta"))
    form = QFormLayout(dialog)
    name_edit, nip_edit, title_edit = QLineEdit(name), QLineEdit(nip), QLineEdit(title)
    title_edit.setPlaceholderText(_tr("mis. Kepala BKPSDM Kabupaten Sleman"))
    for edit in (name_edit, nip_edit, title_edit):
        edit.setMinimumWidth(340)
    nilai = QCheckBox(_tr("Cantumkan nilai peserta"))
    nilai.setChecked(show_nilai)
    form.addRow(_tr("Nama penanda tangan"), name_edit)
    form.addRow(_tr("NIP penanda tangan"), nip_edit)
    form.addRow(_tr("Jabatan penanda tangan"), title_edit)
    form.addRow("", nilai)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_tr("Buat Sertifikat"))
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_tr("Batal"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return name_edit.text(), nip_edit.text(), title_edit.text(), nilai.isChecked()
