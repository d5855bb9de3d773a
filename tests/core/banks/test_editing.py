"""Editing a bank keeps what the trainer wrote by hand: comments, key order, styles."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from quiz_app.core.banks import bundled_bank_files, load_bank
from quiz_app.core.banks.editing import BankDocument, QuestionForm, blank_question
from quiz_app.core.errors import BankError

HAND_WRITTEN = """\
# Bank tulisan tangan: komentar ini harus tetap ada.
format: kuis-bank/1
title: Urutan kunci sengaja tidak baku   # komentar di ujung baris
id: tangan
categories:
  - id: netral
    title: Netralitas
questions:
  # --- bagian pertama ---
  - text: Apakah ASN boleh menjadi anggota partai politik?
    id: q1
    category: netral
    options:
      A: Boleh
      B: Tidak boleh   # kunci
    answer: B
    reference: UU 20/2023 Pasal 52 ayat (3) huruf j jo. ayat (4)
"""


@pytest.mark.parametrize("path", bundled_bank_files(), ids=lambda p: p.name)
def test_an_unchanged_bundled_bank_saves_byte_identical(path: Path, tmp_path: Path) -> None:
    copy = tmp_path / path.name
    shutil.copy(path, copy)
    doc = BankDocument.open(copy)
    doc.save()
    assert copy.read_bytes() == path.read_bytes()


def test_a_change_keeps_comments_and_key_order(tmp_path: Path) -> None:
    path = tmp_path / "tangan.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    doc = BankDocument.open(path)
    form = doc.form(0)
    assert (form.id, form.options, form.answer) == ("q1", ("Boleh", "Tidak boleh"), ("B",))
    doc.set_form(0, replace(form, explanation="Anggota partai politik diberhentikan tidak "
                            "dengan hormat.", options=("Boleh", "Tidak boleh", "Boleh: asal")))
    doc.insert(1, replace(blank_question("q2", "netral"), type="true_false",
                          text="ASN tetap memiliki hak pilih.", answer=("B",)))
    assert doc.validate() == []
    doc.save()
    saved = path.read_text(encoding="utf-8")
    assert saved.startswith("# Bank tulisan tangan: komentar ini harus tetap ada.\n"
                            "format: kuis-bank/1\n"
                            "title: Urutan kunci sengaja tidak baku   # komentar di ujung baris\n"
                            "id: tangan\n")
    assert "  # --- bagian pertama ---\n  - text: Apakah" in saved
    assert "      B: Tidak boleh   # kunci\n" in saved
    assert '      C: "Boleh: asal"\n' in saved
    # the new key goes where the documented order puts it: before 'reference'
    assert saved.index("    explanation: Anggota") < saved.index("    reference: UU 20/2023")
    bank = load_bank(path)
    assert [q.id for q in bank.questions] == ["q1", "q2"]
    assert bank.question("q2").answer == {"B"}


def test_a_wrong_value_reaches_the_validator_located(tmp_path: Path) -> None:
    path = tmp_path / "tangan.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    doc = BankDocument.open(path)
    doc.set_form(0, replace(doc.form(0), points="abc", answer=("C",)))
    shown = [i.format() for i in doc.validate()]
    assert shown == [
        "tangan.yaml:16:13: [soal q1] jawaban 'C' tidak ada di antara pilihan (A, B)",
        "tangan.yaml:18:13: [soal q1] kolom 'points' harus berupa angka, bukan 'abc'",
    ]


def test_type_changes_rewrite_options_and_answer(tmp_path: Path) -> None:
    doc = BankDocument.new(tmp_path / "baru.yaml", "baru", "Bank Baru")
    doc.insert(0, QuestionForm(id="a", category="umum", text="Pilih", options=("x", "y", "z"),
                               answer=("A",)))
    doc.set_form(0, replace(doc.form(0), type="multiple", answer=("A", "C")))
    assert "answer: [A, C]" in doc.text()
    doc.set_form(0, replace(doc.form(0), type="true_false", answer=("S",)))
    assert "options" not in doc.text() and "answer: false" in doc.text()
    doc.set_form(0, replace(doc.form(0), type="poll", options=("ya", "tidak"), answer=()))
    assert "answer" not in doc.text()
    assert doc.validate() == []


def test_a_file_with_aliases_or_broken_syntax_is_refused_with_its_location(
        tmp_path: Path) -> None:
    path = tmp_path / "alias.yaml"
    path.write_text("format: kuis-bank/1\nid: &x a\ntitle: *x\n", encoding="utf-8")
    with pytest.raises(BankError) as info:
        BankDocument.open(path)
    assert "alias YAML" in str(info.value)
    path.write_text("format: kuis-bank/1\nid: [\n", encoding="utf-8")
    with pytest.raises(BankError) as info:
        BankDocument.open(path)
    assert str(info.value).startswith("alias.yaml:")


def test_typing_through_a_quoted_moment_leaves_plain_text(tmp_path: Path) -> None:
    """'Netral ' (trailing space) must be quoted; 'Netral b' then is plain again."""
    doc = BankDocument.new(tmp_path / "b.yaml", "b", "B")
    doc.insert(0, QuestionForm(id="q", category="umum", text="t", options=("a", "b"),
                               answer=("A",)))
    doc.set_form(0, replace(doc.form(0), explanation="Netral "))
    assert '    explanation: "Netral "\n' in doc.text()
    doc.set_form(0, replace(doc.form(0), explanation="Netral b"))
    assert "    explanation: Netral b\n" in doc.text()


def test_a_windows_file_keeps_its_line_endings_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "windows.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + HAND_WRITTEN.replace("\n", "\r\n").encode("utf-8"))
    doc = BankDocument.open(path)
    doc.set_form(0, replace(doc.form(0), reference="UU 20/2023"))
    doc.save()
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf# Bank tulisan tangan")
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    assert load_bank(path).questions[0].reference == "UU 20/2023"
