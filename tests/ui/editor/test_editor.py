"""The bank editor driven like a trainer: by keyboard, with dialogs answered through the
one dialog seam; the saved file validates and keeps what was written by hand."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from quiz_app.core.banks import load_bank
from quiz_app.ui import dialogs
from quiz_app.ui.editor.window import EditorWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def editor(qtbot, monkeypatch, tmp_path: Path) -> EditorWindow:
    messages: list[str] = []
    monkeypatch.setattr(dialogs, "show_message", lambda _p, title, text, detail="":
                        messages.append(f"{title}: {text}"))
    monkeypatch.setattr(dialogs, "show_info", lambda _p, title, text:
                        messages.append(f"{title}: {text}"))
    monkeypatch.setattr(dialogs, "confirm", lambda _p, title, text:
                        messages.append(f"{title}: {text}") or True)
    window = EditorWindow()
    window.messages = messages  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    return window


def type_question(qtbot, window: EditorWindow, text: str, options: list[str],
                  answer: str) -> None:
    assert window.doc is not None
    before = window.doc.count()
    qtbot.keyClick(window.question_list, Qt.Key.Key_N, CTRL | SHIFT)  # Tambah soal
    qtbot.waitUntil(lambda: window.doc is not None and window.doc.count() == before + 1)
    assert window.f_text.hasFocus()
    qtbot.keyClicks(window.f_text, text)
    for edit, option in zip(window.f_options, options, strict=False):
        qtbot.keyClicks(edit, option)
    qtbot.keyClicks(window.f_answer, answer)


def test_create_three_questions_by_keyboard_error_located_undo_save(
        qtbot, monkeypatch, editor: EditorWindow, tmp_path: Path) -> None:
    path = tmp_path / "baru.yaml"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_a: path)
    editor.new_action.trigger()
    assert editor.doc is not None and editor.bank_title.text() == "baru"
    type_question(qtbot, editor, "Apakah ASN boleh menjadi anggota partai politik?",
                  ["Boleh", "Tidak boleh"], "b")
    type_question(qtbot, editor, "Pilih nilai dasar ASN.", ["Akuntabel", "Konsumtif",
                                                           "Kompeten"], "A, C")
    editor.f_type.setCurrentIndex(editor.f_type.findData("multiple"))
    type_question(qtbot, editor, "Seberapa bermanfaat sesi ini?", ["Sangat", "Cukup"], "")
    editor.f_type.setCurrentIndex(editor.f_type.findData("poll"))
    with qtbot.waitSignal(editor.validated, timeout=5000):
        pass
    assert editor.issues == [] and editor.status.text() == "3 soal — valid"
    assert editor.question_list.count() == 3

    # a mistake, typed in the second question, is located as the validator locates it
    editor.question_list.setCurrentRow(1)
    with qtbot.waitSignal(editor.validated, timeout=5000):
        qtbot.keyClicks(editor.f_points, "abc")
    (problem,) = [editor.problem_list.item(i).text() for i in range(editor.problem_list.count())]
    assert re.fullmatch(r"baru\.yaml:\d+:\d+: \[soal soal-2\] kolom 'points' harus berupa "
                        r"angka, bukan 'abc'", problem)
    assert "kolom 'points'" in editor.question_problems.text()
    assert editor.question_list.item(1).foreground().color().name() == "#b91c1c"

    # undo takes the whole typed word back in one step
    with qtbot.waitSignal(editor.validated, timeout=5000):
        qtbot.keyClick(editor.f_points, Qt.Key.Key_Z, CTRL)
    assert editor.issues == [] and editor.f_points.text() == ""
    editor.redo_action.trigger()
    assert editor.f_points.text() == "abc"
    editor.undo_action.trigger()

    with qtbot.waitSignal(editor.saved, timeout=5000):
        qtbot.keyClick(editor.question_list, Qt.Key.Key_S, CTRL)
    assert editor.undo_stack.isClean()
    bank = load_bank(path)
    assert [(q.type.value, sorted(q.answer)) for q in bank.questions] == [
        ("single", ["B"]), ("multiple", ["A", "C"]), ("poll", [])]
    assert bank.questions[0].text == "Apakah ASN boleh menjadi anggota partai politik?"


HAND_WRITTEN = """\
# Komentar pelatih: jangan dihapus.
format: kuis-bank/1
id: tangan
title: Bank Tangan
categories:
  - id: netral
    title: Netralitas
questions:
  - id: q1   # soal pertama
    category: netral
    text: ASN tetap memiliki hak pilih.
    type: true_false
    answer: true
"""


def test_open_edit_save_keeps_comments(qtbot, editor: EditorWindow, tmp_path: Path) -> None:
    path = tmp_path / "tangan.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    with qtbot.waitSignal(editor.opened, timeout=5000):
        editor.open_path(path)
    assert editor.f_answer.text() == "Benar"
    qtbot.keyClicks(editor.f_explanation, "Netral bukan berarti tidak memilih.")
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.save()
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Komentar pelatih: jangan dihapus.\n")
    assert "  - id: q1   # soal pertama\n" in text
    assert "    explanation: Netral bukan berarti tidak memilih.\n" in text
    assert load_bank(path).questions[0].explanation == "Netral bukan berarti tidak memilih."


def test_image_picker_is_confined_to_the_bank_folder(qtbot, monkeypatch, editor: EditorWindow,
                                                     tmp_path: Path) -> None:
    bank_dir = tmp_path / "bank"
    bank_dir.mkdir()
    path = bank_dir / "tangan.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    (bank_dir / "img").mkdir()
    inside = bank_dir / "img" / "tps.png"
    inside.write_bytes(b"\x89PNG\r\n\x1a\n")
    outside = tmp_path / "luar.png"
    outside.write_bytes(b"\x89PNG\r\n\x1a\n")
    with qtbot.waitSignal(editor.opened, timeout=5000):
        editor.open_path(path)
    monkeypatch.setattr(dialogs, "open_file", lambda *_a: outside)
    editor.image_button.click()
    assert editor.f_image.text() == ""
    assert editor.messages[-1].startswith("Gambar di luar folder bank")  # type: ignore[attr-defined]
    monkeypatch.setattr(dialogs, "open_file", lambda *_a: inside)
    with qtbot.waitSignal(editor.validated, timeout=5000):
        editor.image_button.click()
    assert editor.f_image.text() == "img/tps.png" and editor.issues == []


def test_import_from_the_editor_opens_the_new_bank(qtbot, monkeypatch, editor: EditorWindow,
                                                   tmp_path: Path) -> None:
    src = tmp_path / "moodle.gift"
    src.write_text("Bolehkah PNS ikut kampanye? {~Boleh =Tidak boleh}\n\n"
                   "Jumlah nilai dasar ASN? {#7}\n", encoding="utf-8")
    out = tmp_path / "moodle.yaml"
    monkeypatch.setattr(dialogs, "open_file", lambda *_a: src)
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_a: out)
    with qtbot.waitSignal(editor.opened, timeout=5000):
        editor.import_action.trigger()
    assert editor.messages[-1].startswith(  # type: ignore[attr-defined]
        "Hasil impor: 1 soal diimpor, 1 dilewati")
    assert editor.doc is not None and editor.doc.count() == 1
    assert len(load_bank(out).questions) == 1


def test_filter_by_category_and_search(qtbot, editor: EditorWindow, tmp_path: Path) -> None:
    from tests.helpers.banks import VALID_BANK, write

    path = write(tmp_path, VALID_BANK, "uji.yaml")
    with qtbot.waitSignal(editor.opened, timeout=5000):
        editor.open_path(path)

    def shown() -> list[str]:
        return [editor.question_list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(editor.question_list.count())
                if not editor.question_list.item(i).isHidden()]

    assert shown() == ["q1", "q2", "q3", "q4"]
    editor.category_filter.setCurrentIndex(editor.category_filter.findData("nilai"))
    assert shown() == ["q2", "q4"]
    qtbot.keyClicks(editor.search, "akuntabel")
    assert shown() == ["q2"]


def test_closing_while_a_check_is_running_drops_its_answer(qtbot, monkeypatch,
                                                          tmp_path: Path) -> None:
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from quiz_app.ui.editor.window import open_editor
    from tests.helpers.banks import VALID_BANK, write

    monkeypatch.setattr(dialogs, "confirm", lambda *_a: True)
    window = open_editor(None)
    with qtbot.waitSignal(window.opened, timeout=5000):
        window.open_path(write(tmp_path, VALID_BANK, "uji.yaml"))
    qtbot.keyClicks(window.f_reference, "x")
    window.validate_now()  # a check in a worker
    window.close()  # WA_DeleteOnClose
    QApplication.sendPostedEvents(None, 0)  # the deferred delete happens here
    QThreadPool.globalInstance().waitForDone()
    QApplication.processEvents()  # the worker's answer arrives for a deleted window


def test_a_folder_that_cannot_be_written_is_a_message(qtbot, monkeypatch, editor: EditorWindow,
                                                      tmp_path: Path) -> None:
    target = tmp_path / "tidak-ada" / "soal.xlsx"
    target.parent.write_text("ini berkas, bukan folder", encoding="utf-8")
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_a: target)
    editor.template_action.trigger()
    qtbot.waitUntil(lambda: bool(editor.messages), timeout=5000)  # type: ignore[attr-defined]
    assert editor.messages[-1].startswith(  # type: ignore[attr-defined]
        "Berkas Excel tidak tersimpan: berkas tidak dapat ditulis")


def test_move_a_question_down_and_undo(qtbot, editor: EditorWindow, tmp_path: Path) -> None:
    from tests.helpers.banks import VALID_BANK, write

    path = write(tmp_path, VALID_BANK, "uji.yaml")
    with qtbot.waitSignal(editor.opened, timeout=5000):
        editor.open_path(path)
    editor.question_list.setCurrentRow(0)
    qtbot.keyClick(editor.question_list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: editor.doc is not None and editor.doc.form(1).id == "q1")
    assert [f.id for f in editor.doc.forms()] == ["q2", "q1", "q3", "q4"]
    assert editor.current == 1  # the moved question stays selected
    editor.undo_action.trigger()
    assert [f.id for f in editor.doc.forms()] == ["q1", "q2", "q3", "q4"]
