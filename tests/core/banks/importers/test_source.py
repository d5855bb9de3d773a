"""The importers' guarded reader: regular files only, size caps, zip members checked before
openpyxl inflates them."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz_app.core.banks import import_questions, write_template
from quiz_app.core.banks.importers import source


def test_an_xlsx_that_inflates_beyond_the_cap_is_refused_before_openpyxl(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "soal.xlsx"
    write_template(path)
    monkeypatch.setattr(source, "MAX_XLSX_INFLATED", 10_000)
    result = import_questions(path, display="soal.xlsx")
    assert result.fatal
    assert result.issues[0].format().startswith("soal.xlsx: isi berkas XLSX terlalu besar")


def test_too_big_and_folders_and_broken_zips_are_refused(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "map.xlsx"
    folder.mkdir()
    assert "folder" in import_questions(folder, "template").issues[0].message
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(b"PK\x03\x04 bukan zip")
    assert "tidak dapat dibuka" in import_questions(broken, "template").issues[0].message
    text = tmp_path / "besar.gift"
    text.write_text("x {=a ~b}\n", encoding="utf-8")
    monkeypatch.setattr(source, "MAX_TEXT_BYTES", 4)
    assert "terlalu besar" in import_questions(text, "gift").issues[0].message


def test_rows_beyond_the_cap_are_reported_not_dropped_silently(
        xlsx, monkeypatch: pytest.MonkeyPatch) -> None:
    from quiz_app.core.banks.importers.xlsx_template import COLUMNS

    header = [title for title, _ in COLUMNS]
    row = ["K", "", "Soal?", "a", "b"] + [None] * 6 + ["A"]
    path = xlsx("soal.xlsx", {"Soal": [header, row, row[:2] + ["Dua?"] + row[3:],
                                       row[:2] + ["Tiga?"] + row[3:]]})
    monkeypatch.setattr(source, "MAX_ROWS", 3)
    result = import_questions(path, display="soal.xlsx")
    assert result.imported == 2
    assert any("baris setelahnya tidak dibaca" in i.message for i in result.issues)


def test_gift_html_is_reduced_to_text_with_a_warning(tmp_path: Path) -> None:
    src = tmp_path / "h.gift"
    src.write_text("[html]<p>Apakah <b>ASN</b> &amp; PPPK netral?</p>{=Ya ~Tidak}\n",
                   encoding="utf-8")
    result = import_questions(src, display="h.gift")
    (q,) = result.bank.questions
    assert q.text == "Apakah ASN & PPPK netral?"
    assert [i.format() for i in result.issues] == [
        "h.gift:1:1: peringatan: format HTML diubah menjadi teks biasa"]
