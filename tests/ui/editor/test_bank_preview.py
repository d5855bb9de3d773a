"""Double click in the main window's bank list: every question with its key, explanation
and reference, before a session."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from quiz_app.ui.editor.preview import BankPreviewDialog
from quiz_app.ui.main_window import MainWindow
from tests.helpers.banks import VALID_BANK, write


def test_double_click_opens_the_preview_with_keys_and_explanations(qtbot, tmp_path: Path
                                                                   ) -> None:
    window = MainWindow(tmp_path, None)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    with qtbot.waitSignal(window.banks_loaded, timeout=20000):
        window.load_bundled()
    names = [window.model.index(r, 5).data() for r in range(window.model.rowCount())]
    row = names.index("contoh.yaml")
    rect = window.table.visualRect(window.model.index(row, 0))
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.table.viewport(), Qt.MouseButton.LeftButton,
                      pos=rect.center())
    qtbot.waitUntil(lambda: window.findChild(BankPreviewDialog) is not None)
    dialog = window.findChild(BankPreviewDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: "soal dari 1 bank" in dialog.heading.text(), timeout=10000)
    text = dialog.browser.toPlainText()
    assert "Dalam akronim BerAKHLAK, huruf \"H\" merupakan singkatan dari nilai ..." in text
    assert "✓ B. Harmonis" in text and "Kunci: B" in text
    assert "Rujukan: UU 20/2023 Pasal 3 ayat (2)" in text
    assert "Penjelasan: Tujuh nilai dasar ASN" in text
    dialog.close()


def test_preview_of_an_invalid_bank_lists_its_located_problems(qtbot, tmp_path: Path) -> None:
    bad = write(tmp_path, VALID_BANK.replace("answer: B", "answer: Z"), "rusak.yaml")
    dialog = BankPreviewDialog(bad, None)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        dialog.show()
    assert "1 masalah" in dialog.heading.text()
    assert "rusak.yaml:" in dialog.browser.toPlainText()
    assert "jawaban 'Z' tidak ada di antara pilihan" in dialog.browser.toPlainText()


def test_true_false_key_reads_benar(qtbot, tmp_path: Path) -> None:
    path = write(tmp_path, VALID_BANK, "uji.yaml")
    dialog = BankPreviewDialog(path, None)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        dialog.show()
    text = dialog.browser.toPlainText()
    assert "ASN tetap memiliki hak pilih." in text and "Kunci: Benar" in text
    assert "Jajak pendapat: tanpa kunci jawaban." in text
