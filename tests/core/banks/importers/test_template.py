"""Our Excel template: written with dropdowns and instructions, imported back with every
problem located as file:Sheet!Cell, and a bank exported to it comes back the same."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from quiz_app.core.banks import (
    bundled_bank_files,
    import_questions,
    load_bank,
    write_imported,
    write_template,
)
from quiz_app.core.banks.importers.xlsx_template import COLUMNS, QUESTION_SHEET
from quiz_app.core.model import QuestionType

HEADER = [title for title, _ in COLUMNS]


def row(**fields: object) -> list[object]:
    """A Soal row from field names (category=..., text=..., option_A=...)."""
    by_field = {fld: i for i, (_, fld) in enumerate(COLUMNS)}
    cells: list[object] = [None] * len(COLUMNS)
    for name, value in fields.items():
        cells[by_field[name]] = value
    return cells


def test_template_has_dropdowns_instructions_and_an_example_that_imports(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "soal.xlsx"
    write_template(path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Petunjuk", "Soal", "Kategori", "Bank"]
    assert "Petunjuk pengisian" in wb["Petunjuk"]["A1"].value
    ws = wb[QUESTION_SHEET]
    assert [c.value for c in ws[1]] == HEADER
    ranges = {str(dv.sqref).split(":")[0]: dv.formula1 for dv in ws.data_validations.dataValidation}
    assert ranges["B2"] == '"Pilihan tunggal,Pilihan ganda kompleks,Benar/Salah,Jajak pendapat"'
    assert ranges["L2"] == '"A,B,C,D,E,F,G,H,Benar,Salah"'  # Jawaban
    assert ranges["A2"] == "=Kategori!$B$2:$B$500"  # Kategori from the Kategori sheet
    result = import_questions(path, out=tmp_path / "bank.yaml")
    assert result.issues == [] and result.imported == 2
    assert [q.type for q in result.bank.questions] == [QuestionType.SINGLE,
                                                       QuestionType.TRUE_FALSE]


def test_broken_rows_are_located_by_cell_all_at_once_and_the_rest_imported(
        xlsx, tmp_path: Path) -> None:
    path = xlsx("soal.xlsx", {
        "Soal": [
            HEADER,
            row(category="Netralitas", type="Pilihan tunggal", text="Soal baik?",
                option_A="Ya", option_B="Tidak", answer="B"),
            row(category="Netralitas", type="Pilihan tunggal", text="Jawaban salah huruf",
                option_A="Ya", option_B="Tidak", answer="D"),
            row(category="Netralitas", type="Pilihan jamak", text="Jenis salah",
                option_A="Ya", option_B="Tidak", answer="A"),
            row(category="Netralitas", type="Benar/Salah", text="BS", answer="Mungkin"),
            row(category="Netralitas", text="Pilihan melompat", option_A="Ya",
                option_C="Tidak", answer="A", time_limit=2),
            row(category="", type="Jajak pendapat", text="Survei", option_A="a",
                option_B="b", answer="A", points=0),
        ],
    })
    result = import_questions(path, out=tmp_path / "b.yaml", display="soal.xlsx")
    shown = [i.format() for i in result.issues]
    assert shown == [
        "soal.xlsx:Soal!L3: jawaban 'D' bukan huruf pilihan yang terisi (A, B)",
        "soal.xlsx:Soal!B4: jenis soal 'Pilihan jamak' tidak dikenal; pilih: Pilihan tunggal, "
        "Pilihan ganda kompleks, Benar/Salah, Jajak pendapat",
        "soal.xlsx:Soal!L5: jawaban soal Benar/Salah harus Benar atau Salah, bukan 'Mungkin'",
        "soal.xlsx:Soal!F6: Pilihan C terisi padahal Pilihan B kosong; isi pilihan berurutan "
        "mulai dari A tanpa lompatan",
        "soal.xlsx:Soal!Q6: Batas waktu '2' tidak sah; tulis bilangan bulat 5–3600 (detik)",
        "soal.xlsx:Soal!A7: kolom Kategori kosong; pilih kategori dari daftar",
        "soal.xlsx:Soal!L7: soal Jajak pendapat tidak punya jawaban benar; kosongkan kolom "
        "Jawaban atau ubah Jenis",
        "soal.xlsx:Soal!P7: Poin '0' tidak sah; tulis angka lebih dari 0",
    ]
    assert result.imported == 1 and len(result.skipped) == 5
    assert all(s.fixable for s in result.skipped)
    assert result.summary()[0] == "1 soal diimpor, 5 dilewati"
    assert write_imported(result, tmp_path / "b.yaml", "soal.xlsx") == []
    assert len(load_bank(tmp_path / "b.yaml").questions) == 1


def test_labels_in_indonesian_and_codes_both_read(xlsx, tmp_path: Path) -> None:
    path = xlsx("soal.xlsx", {
        "Soal": [
            HEADER,
            row(category="Nilai", type="multiple", text="Pilih dua", option_A="a",
                option_B="b", option_C="c", answer="a, c", difficulty="Sulit", shuffle="Tidak",
                points=2.5, tags="satu, dua", id="pilih-dua"),
            row(category="Nilai", type="Pilihan ganda", text="Ambigu tapi jelas", option_A="a",
                option_B="b", answer="B"),
            row(category="nilai", type="b/s", text="Benar?", answer="salah"),
        ],
    })
    result = import_questions(path, out=tmp_path / "b.yaml")
    assert result.issues == []
    q1, q2, q3 = result.bank.questions
    assert (q1.type, q1.answer, q1.difficulty, q1.shuffle, q1.points, q1.tags, q1.id) == (
        QuestionType.MULTIPLE, ["A", "C"], "hard", False, 2.5, ["satu", "dua"], "pilih-dua")
    assert q2.type is QuestionType.SINGLE  # "pilihan ganda" with one answer
    assert (q3.type, q3.answer) == (QuestionType.TRUE_FALSE, ["S"])
    assert [c.id for c in result.bank.categories] == ["nilai"]  # "nilai" matched by id


def test_ids_are_stable_across_reimports_and_reordering(xlsx, tmp_path: Path) -> None:
    rows = [row(category="Netralitas", text=f"Soal {n}", option_A="a", option_B="b",
                answer="A") for n in range(3)]
    one = xlsx("a.xlsx", {"Soal": [HEADER, *rows]})
    two = xlsx("b.xlsx", {"Soal": [HEADER, *reversed(rows)]})
    ids_one = {q.text: q.id for q in import_questions(one).bank.questions}
    ids_two = {q.text: q.id for q in import_questions(two).bank.questions}
    assert ids_one == ids_two and len(set(ids_one.values())) == 3
    assert all(i.startswith("netralitas-") for i in ids_one.values())


def test_repeated_given_id_is_located(xlsx) -> None:
    path = xlsx("soal.xlsx", {"Soal": [
        HEADER,
        row(category="K", text="satu", option_A="a", option_B="b", answer="A", id="q-1"),
        row(category="K", text="dua", option_A="a", option_B="b", answer="A", id="q-1"),
    ]})
    result = import_questions(path, display="soal.xlsx")
    assert [i.format() for i in result.issues] == [
        "soal.xlsx:Soal!C3: id 'q-1' sudah dipakai di soal.xlsx:Soal!C2; setiap soal perlu "
        "id unik (atau kosongkan kolom id)"]
    assert result.imported == 1


def test_missing_question_sheet_says_what_to_use(xlsx) -> None:
    path = xlsx("lain.xlsx", {"Data": [["apa", "ini"]]})
    result = import_questions(path, "template", display="lain.xlsx")
    assert result.fatal
    assert "lembar 'Soal'" in result.issues[0].format()


@pytest.mark.parametrize("bank_path", bundled_bank_files(), ids=lambda p: p.name)
def test_bank_to_xlsx_to_bank_gives_the_same_bank(bank_path: Path, tmp_path: Path) -> None:
    bank = load_bank(bank_path)
    sheet = tmp_path / "ekspor.xlsx"
    write_template(sheet, bank)
    out = tmp_path / bank_path.name
    result = import_questions(sheet, out=out)
    assert result.issues == [] and result.skipped == []
    assert write_imported(result, out, sheet.name) == []
    again = load_bank(out)
    assert (again.id, again.title, again.description, again.version, again.language) == (
        bank.id, bank.title, bank.description, bank.version, bank.language)
    assert again.categories == bank.categories
    assert [replace(q, line=0) for q in again.questions] == [
        replace(q, line=0) for q in bank.questions]


def test_export_keeps_images_relative_to_the_bank(tmp_path: Path) -> None:
    from tests.helpers.banks import VALID_BANK

    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "tps.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    text = VALID_BANK.replace("    answer: B\n", "    answer: B\n    image: img/tps.png\n", 1)
    (tmp_path / "uji.yaml").write_text(text, encoding="utf-8")
    bank = load_bank(tmp_path / "uji.yaml")
    write_template(tmp_path / "uji.xlsx", bank)
    result = import_questions(tmp_path / "uji.xlsx", out=tmp_path / "baru.yaml")
    assert result.bank.questions[0].image == "img/tps.png"
    assert write_imported(result, tmp_path / "baru.yaml", "uji.xlsx") == []
    assert load_bank(tmp_path / "baru.yaml").questions[0].image == tmp_path / "img" / "tps.png"


def test_missing_image_warns_and_keeps_the_question(xlsx, tmp_path: Path) -> None:
    path = xlsx("soal.xlsx", {"Soal": [
        HEADER, row(category="K", text="satu", option_A="a", option_B="b", answer="A",
                    image="tidak-ada.png")]})
    result = import_questions(path, out=tmp_path / "b.yaml", display="soal.xlsx")
    assert result.imported == 1
    (issue,) = result.issues
    assert issue.warning and issue.format().startswith(
        "soal.xlsx:Soal!S2: peringatan: gambar 'tidak-ada.png' tidak ditemukan")
