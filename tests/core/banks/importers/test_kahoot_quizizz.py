"""Kahoot's and Quizizz's XLSX templates, written by hand in the shape the platforms use."""

from __future__ import annotations

from pathlib import Path

from quiz_app.core.banks import import_questions, load_bank, write_imported
from quiz_app.core.model import QuestionType

KAHOOT_TOP = [
    [None, "Quiz template"],
    [None, "Add questions, at least two answer alternatives, time limit and choose correct "
           "answers (at least one). Have fun creating your awesome quiz!"],
    [None, "Remember: questions have a limit of 120 characters and answers can have 75 "
           "characters max. If several answers are correct, separate them with a comma."],
    [None, "See an example question below (don't forget to overwrite this with your first "
           "question!)"],
    [],
    [None, "Question - max 120 characters", "Answer 1 - max 75 characters",
     "Answer 2 - max 75 characters", "Answer 3 - max 75 characters",
     "Answer 4 - max 75 characters", "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
     "Correct answer(s) - choose at least one"],
]


def test_kahoot_header_is_found_and_answers_are_one_based(xlsx, tmp_path: Path) -> None:
    path = xlsx("KahootQuiz.xlsx", {"Sheet1": [
        *KAHOOT_TOP,
        [1, "Apakah ASN boleh menjadi pengurus partai politik?", "Boleh", "Tidak boleh",
         None, None, 20, "2"],
        [2, "Pilih nilai dasar ASN", "Akuntabel", "Konsumtif", "Kompeten", "Harmonis", 30,
         "1,3,4"],
        [3, "ASN tetap punya hak pilih", "True", "False", None, None, 10, 1],
        [4, "Pilihan berlubang", "Satu", None, "Tiga", None, 20, "3"],
        [5, None, None, None, None, None, None, None],
    ]})
    result = import_questions(path, out=tmp_path / "bank.yaml", display="KahootQuiz.xlsx")
    assert result.format == "kahoot" and result.issues == []
    q1, q2, q3, q4 = result.bank.questions
    assert (q1.type, q1.options, q1.answer, q1.time_limit) == (
        QuestionType.SINGLE, ["Boleh", "Tidak boleh"], ["B"], 20)
    assert (q2.type, q2.answer) == (QuestionType.MULTIPLE, ["A", "C", "D"])
    assert (q3.type, q3.answer) == (QuestionType.TRUE_FALSE, ["B"])  # True/False → Benar
    assert (q4.options, q4.answer) == (["Satu", "Tiga"], ["B"])  # renumbered without the gap
    assert [c.title for c in result.bank.categories] == ["KahootQuiz"]
    assert write_imported(result, tmp_path / "bank.yaml", path.name) == []
    assert len(load_bank(tmp_path / "bank.yaml").questions) == 4


def test_broken_kahoot_rows_are_located_and_counted(xlsx, tmp_path: Path) -> None:
    path = xlsx("k.xlsx", {"Sheet1": [
        *KAHOOT_TOP,
        [1, "Baik", "a", "b", None, None, 20, "1"],
        [2, "Jawaban menunjuk pilihan kosong", "a", "b", None, None, 20, "3"],
        [3, "Tanpa kunci", "a", "b", None, None, 20, None],
        [4, "Waktu aneh", "a", "b", None, None, "cepat", "1"],
        [5, "Bukan nomor", "a", "b", None, None, 20, "A"],
        [6, "Satu pilihan", "a", None, None, None, 20, "1"],
    ]})
    result = import_questions(path, display="k.xlsx")
    assert [i.format() for i in result.issues] == [
        "k.xlsx:Sheet1!H8: jawaban benar 3 menunjuk pilihan yang kosong atau tidak ada",
        "k.xlsx:Sheet1!H9: jawaban benar kosong; tulis nomor pilihan yang benar (misalnya 2, "
        "atau 1,3)",
        "k.xlsx:Sheet1!G10: batas waktu 'cepat' tidak sah; tulis bilangan bulat 5–3600 (detik)",
        "k.xlsx:Sheet1!H11: jawaban benar 'A' harus nomor pilihan (1, 2, …), beberapa dipisah "
        "koma",
        "k.xlsx:Sheet1!B12: soal perlu minimal 2 pilihan, baru 1",
    ]
    assert result.imported == 1 and len(result.skipped) == 5
    assert result.summary()[0] == "1 soal diimpor, 5 dilewati"


QUIZIZZ_HEADER = ["Question Text", "Question Type", "Option 1", "Option 2", "Option 3",
                  "Option 4", "Option 5", "Correct Answer", "Time in seconds", "Image Link",
                  "Answer explanation"]


def test_quizizz_types_explanations_and_what_is_skipped(xlsx, tmp_path: Path) -> None:
    path = xlsx("quizizz.xlsx", {"Sheet1": [
        QUIZIZZ_HEADER,
        ["Text of the question (required)", "Question Type (default is Multiple Choice)",
         "Text for option 1 (required in all cases except open-ended & draw questions)",
         None, None, None, None, "The correct option choice (between 1-5).", "Time (seconds)",
         "Link of the image", "Explanation"],
        ["Nilai dasar ASN disingkat ...", "Multiple Choice", "BerAKHLAK", "BerTANGGUNG",
         None, None, None, 1, 30, None, "SE MenPAN-RB No. 20 Tahun 2021"],
        ["Pilih larangan bagi PNS", "Checkbox", "Ikut kampanye", "Memilih di TPS",
         "Memberi surat dukungan disertai fotokopi KTP", None, None, "1,3", 45, None, None],
        ["Seberapa jelas materi?", "Poll", "Jelas", "Kurang jelas", None, None, None, None,
         None, "https://example.invalid/a.png", None],
        ["Tulis singkatan ASN", "Fill-in-the-Blank", "Aparatur Sipil Negara", None, None,
         None, None, None, 30, None, None],
        ["Dua benar di MC", "Multiple Choice", "a", "b", "c", None, None, "1,2", 30, None,
         None],
    ]})
    result = import_questions(path, out=tmp_path / "b.yaml", display="quizizz.xlsx")
    assert result.format == "quizizz"
    q1, q2, q3 = result.bank.questions
    assert (q1.type, q1.answer, q1.explanation) == (
        QuestionType.SINGLE, ["A"], "SE MenPAN-RB No. 20 Tahun 2021")
    assert (q2.type, q2.answer, q2.time_limit) == (QuestionType.MULTIPLE, ["A", "C"], 45)
    assert (q3.type, q3.answer) == (QuestionType.POLL, [])
    assert [i.format() for i in result.issues] == [
        "quizizz.xlsx:Sheet1!J5: peringatan: tautan gambar tidak diimpor (bank soal memakai "
        "berkas gambar di folder bank); tambahkan gambarnya lewat penyunting bank soal",
        "quizizz.xlsx:Sheet1!B6: jenis soal Quizizz 'Fill-in-the-Blank' tidak dapat diwakili "
        "di Kuis ASN (hanya Multiple Choice, Checkbox dan Poll); soal dilewati",
        "quizizz.xlsx:Sheet1!B7: soal Multiple Choice dengan 2 jawaban benar; di Kuis ASN "
        "pilih jenis Checkbox (semua jawaban benar harus dipilih) atau sisakan satu jawaban",
    ]
    assert [s.fixable for s in result.skipped] == [False, True]
    assert write_imported(result, tmp_path / "b.yaml", path.name) == []


def test_unknown_spreadsheet_is_refused_with_a_hint(xlsx) -> None:
    path = xlsx("acak.xlsx", {"Data": [["Nama", "NIP"], ["Budi", "1"]]})
    result = import_questions(path, display="acak.xlsx")
    assert result.fatal
    assert result.issues[0].format().startswith("acak.xlsx: lembar soal tidak dikenali")


def test_indonesian_excel_turns_1_comma_3_into_a_number_and_it_still_reads(xlsx) -> None:
    # Excel with Indonesian settings reads "1,3" typed in a cell as the number 1.3.
    path = xlsx("k.xlsx", {"Sheet1": [
        *KAHOOT_TOP, [1, "Pilih dua", "a", "b", "c", None, 20, 1.3]]})
    (q,) = import_questions(path).bank.questions
    assert (q.type, q.answer) == (QuestionType.MULTIPLE, ["A", "C"])
