"""No English from Qt in the Indonesian UI: our qtbase_id catalogue, and located errors shown
in the dialog itself (never behind QMessageBox's "Show Details…")."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTreeView,
)

from quiz_app.core.banks import load_bank
from quiz_app.core.errors import BankError
from quiz_app.ui import dialogs, i18n
from tests.helpers.banks import VALID_BANK, write

TS = i18n.translations_dir() / "qtbase_id.ts"
QM = i18n.translations_dir() / "qtbase_id.qm"


def qt_sources() -> dict[str, str]:
    """English source → Indonesian, for every Qt string we translate differently."""
    out = {}
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.findtext("translation", "")
            if source.replace("&", "") != translation.replace("&", ""):
                out[source.replace("&", "").strip()] = translation
    return out


@pytest.fixture
def indonesian(qapp):
    default = QLocale()
    installed = i18n.install_translators(qapp, "id")
    yield installed
    i18n.remove_translators(qapp, installed)
    QLocale.setDefault(default)


def texts_of(widget) -> list[str]:
    found = []
    for child in [widget, *widget.findChildren(QLabel), *widget.findChildren(QAbstractButton)]:
        if isinstance(child, QLabel | QAbstractButton) and child.isVisibleTo(widget):
            found.append(child.text())
        found.append(child.toolTip())
    found += [action.text() for action in widget.findChildren(QAction)]
    for view in widget.findChildren(QTreeView):
        model = view.model()
        found += [str(model.headerData(c, view.header().orientation()))
                  for c in range(model.columnCount())]
    return [t.replace("&", "").strip() for t in found if t and t.strip()]


def test_the_catalogue_is_complete_and_compiled(tmp_path: Path) -> None:
    assert i18n.untranslated(TS) == []
    qm = tmp_path / "qtbase_id.qm"
    i18n.lrelease(TS, qm)
    assert qm.read_bytes() == QM.read_bytes(), "run `python -m quiz_app.ui.i18n`"


def test_qt_file_dialog_speaks_indonesian(qtbot, indonesian, tmp_path: Path) -> None:
    assert indonesian, "no translator for Qt's strings was installed"
    english = qt_sources()
    dialog = QFileDialog(None, "Pilih bank soal", str(tmp_path), "Bank soal (*.yaml)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as on Linux
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    shown = texts_of(dialog)
    assert "Lihat di:" in shown and "Nama berkas:" in shown and "Buka" in shown
    assert "Batal" in shown and "Nama" in shown  # the Cancel button, the file list header
    assert [t for t in shown if t in english] == []
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    assert "Simpan" in texts_of(dialog)


def test_text_box_context_menu_speaks_indonesian(qtbot, indonesian) -> None:
    english = qt_sources()
    edit = QLineEdit("198503122010011002")
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    items = [a.text().replace("&", "").split("\t")[0] for a in menu.actions() if a.text()]
    assert "Salin" in items and "Tempel" in items and "Pilih Semua" in items
    assert [t for t in items if t in english] == []


def test_message_box_details_button_is_indonesian(qtbot, indonesian) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, "Judul", "Teks")
    box.setDetailedText("rincian")
    qtbot.addWidget(box)
    box.show()
    labels = [b.text() for b in box.buttons()]
    assert "Tampilkan Rincian..." in labels and not [t for t in labels if "Details" in t]


def test_located_bank_errors_are_shown_in_the_dialog_itself(qtbot, tmp_path: Path,
                                                           monkeypatch) -> None:
    bad = write(tmp_path, VALID_BANK.replace("answer: B", "answer: Z"), "salah.yaml")
    with pytest.raises(BankError) as info:
        load_bank(bad)
    location = info.value.issues[0].format()  # salah.yaml:LINE:COL: …
    assert f":{info.value.issues[0].line}:" in location

    opened: list[QDialog] = []

    def fake_exec(self) -> int:
        opened.append(self)
        self.show()
        return 0

    monkeypatch.setattr(QDialog, "exec", fake_exec)
    dialogs.show_message(None, "Berkas soal bermasalah", info.value.message, str(info.value))
    assert len(opened) == 1
    dialog = opened[0]
    qtbot.addWidget(dialog)
    assert not isinstance(dialog, QMessageBox)  # no hidden "Show Details…"
    details = dialog.findChild(QPlainTextEdit, "Details")
    assert details.isVisible() and location in details.toPlainText()
    assert [b.text() for b in dialog.findChildren(QAbstractButton)] == ["Salin rincian", "OK"]
