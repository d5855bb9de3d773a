"""Moodle GIFT and Aiken: our own small parsers, fixtures written by hand."""

from __future__ import annotations

from pathlib import Path

from quiz_app.core.banks import import_questions, load_bank, write_imported
from quiz_app.core.banks.importers.gift import unescape
from quiz_app.core.model import QuestionType

GIFT = """\
// Bank netralitas dari Moodle
$CATEGORY: $course$/top/Netralitas ASN

::kampanye-1:: Bolehkah PNS ikut kampanye calon bupati? {
  ~Boleh, di luar jam kerja#Tetap dilarang.
  =Tidak boleh#Benar: PP 94/2021 Pasal 5 huruf n.
  ~Boleh, tanpa seragam
}

Pilih larangan bagi PNS menurut PP 94/2021. {
  ~%50%Ikut kampanye
  ~%-100%Memilih di TPS
  ~%50%Memberi surat dukungan disertai fotokopi KTP
  ####Memilih adalah hak; dua lainnya dilarang.
}

ASN tetap memiliki hak pilih dalam Pemilu.{TRUE####Netral bukan berarti tidak memilih.}

$CATEGORY: BerAKHLAK

Huruf H dalam BerAKHLAK berarti {~Humanis =Harmonis ~Hemat}.

Rasio 1\\:2 dan kurung \\{ \\} serta \\= \\~ \\# tetap teks.{=ya ~tidak}

Tulis singkatan ASN. {=Aparatur Sipil Negara =ASN}

Berapa jumlah nilai dasar ASN? {#7}

Jodohkan. {=B -> Berorientasi Pelayanan =A -> Akuntabel}

Ceritakan pengalaman Anda. {}

Ini hanya teks penjelasan tanpa jawaban.

Soal rusak tanpa penutup {=a ~b

Soal tanpa jawaban benar {~a ~b}
"""


def test_gift_types_categories_feedback_escapes(tmp_path: Path) -> None:
    src = tmp_path / "moodle.gift"
    src.write_text(GIFT, encoding="utf-8")
    result = import_questions(src, out=tmp_path / "b.yaml", display="moodle.gift")
    assert result.format == "gift"
    q = {x.text: x for x in result.bank.questions}
    assert len(q) == 5
    kampanye = q["Bolehkah PNS ikut kampanye calon bupati?"]
    assert (kampanye.id, kampanye.type, kampanye.answer) == (
        "kampanye-1", QuestionType.SINGLE, ["B"])
    assert kampanye.explanation == "Benar: PP 94/2021 Pasal 5 huruf n."  # the right one's
    larangan = q["Pilih larangan bagi PNS menurut PP 94/2021."]
    assert (larangan.type, larangan.answer) == (QuestionType.MULTIPLE, ["A", "C"])
    assert larangan.explanation == "Memilih adalah hak; dua lainnya dilarang."
    hak = q["ASN tetap memiliki hak pilih dalam Pemilu."]
    assert (hak.type, hak.answer, hak.explanation) == (
        QuestionType.TRUE_FALSE, ["B"], "Netral bukan berarti tidak memilih.")
    blank = q["Huruf H dalam BerAKHLAK berarti _____ ."]
    assert blank.answer == ["B"] and blank.options == ["Humanis", "Harmonis", "Hemat"]
    assert "Rasio 1:2 dan kurung { } serta = ~ # tetap teks." in q
    assert [c.title for c in result.bank.categories] == ["Netralitas ASN", "BerAKHLAK"]
    assert blank.category == "berakhlak" and hak.category == "netralitas-asn"

    shown = [i.format() for i in result.issues]
    assert shown == [
        "moodle.gift:5:3: peringatan: umpan balik untuk pilihan yang salah tidak dibawa "
        "(Kuis ASN menampilkan satu penjelasan per soal)",
        "moodle.gift:25:1: soal isian singkat (hanya jawaban '=') tidak dapat diwakili; "
        "dilewati",
        "moodle.gift:27:1: soal numerik ({#…}) tidak dapat diwakili; dilewati",
        "moodle.gift:29:1: soal menjodohkan (->) tidak dapat diwakili; dilewati",
        "moodle.gift:31:1: soal esai ({} kosong) tidak dapat diwakili; dilewati",
        "moodle.gift:33:1: soal tanpa blok jawaban {…} (deskripsi/teks saja) tidak dapat "
        "diwakili; dilewati",
        "moodle.gift:35:26: blok jawaban '{' tidak ditutup dengan '}'; tutup blok, atau tulis "
        "\\{ bila kurung kurawal itu bagian dari teks",
        "moodle.gift:37:27: tidak ada jawaban benar; tandai dengan '=' atau '~%100%' "
        "(beberapa jawaban: '~%50%')",
    ]
    assert len(result.skipped) == 7
    assert [s.fixable for s in result.skipped].count(True) == 2
    assert write_imported(result, tmp_path / "b.yaml", src.name) == []
    assert len(load_bank(tmp_path / "b.yaml").questions) == 5


def test_gift_escapes() -> None:
    assert unescape(r"a\:b \{x\} \= \~ \# \\ c\nd") == "a:b {x} = ~ # \\ c\nd"


def test_gift_several_full_answers_are_named_as_not_representable(tmp_path: Path) -> None:
    src = tmp_path / "x.gift"
    src.write_text("Ibu kota? {=Jakarta =Nusantara ~Bandung}\n", encoding="utf-8")
    result = import_questions(src, display="x.gift")
    assert result.fatal and result.skipped[0].fixable is False
    assert "beberapa jawaban bernilai 100%" in result.issues[0].message


AIKEN = """\
Apakah ASN boleh menjadi anggota partai politik?
A. Boleh
B. Tidak boleh
ANSWER: B

Nilai dasar ASN meliputi
(pilih semua yang benar)
A) Akuntabel
B) Konsumtif
C) Kompeten
ANSWER: A, C

Jawaban di luar pilihan
A. satu
B. dua
ANSWER: D

Pilihan melompat
A. satu
C. tiga
ANSWER: A

Lupa kunci
A. satu
B. dua

Soal setelahnya tetap terbaca
A. ya
B. tidak
ANSWER: a
"""


def test_aiken_questions_and_located_mistakes(tmp_path: Path) -> None:
    src = tmp_path / "soal.txt"
    src.write_text(AIKEN, encoding="utf-8")
    result = import_questions(src, out=tmp_path / "b.yaml", display="soal.txt")
    assert result.format == "aiken"
    texts = [(q.text, q.type, q.answer) for q in result.bank.questions]
    assert texts == [
        ("Apakah ASN boleh menjadi anggota partai politik?", QuestionType.SINGLE, ["B"]),
        ("Nilai dasar ASN meliputi\n(pilih semua yang benar)", QuestionType.MULTIPLE,
         ["A", "C"]),
        ("Soal setelahnya tetap terbaca", QuestionType.SINGLE, ["A"]),
    ]
    assert [i.format() for i in result.issues] == [
        "soal.txt:16:9: jawaban 'D' tidak ada di antara pilihan (A, B)",
        "soal.txt:20:1: pilihan ke-2 harus berhuruf 'B', bukan 'C'; urutkan A, B, C, … tanpa "
        "lompatan",
        "soal.txt:23:1: soal tanpa baris 'ANSWER: …' setelah pilihannya; tambahkan misalnya "
        "'ANSWER: B'",
    ]
    assert result.summary()[0] == "3 soal diimpor, 3 dilewati"
    assert write_imported(result, tmp_path / "b.yaml", src.name) == []


def test_cp1252_text_is_read_and_a_bad_byte_is_located(tmp_path: Path) -> None:
    src = tmp_path / "ansi.txt"
    src.write_bytes("Apa arti “netral”?\nA. memihak\nB. tidak memihak\nANSWER: B\n"
                    .encode("cp1252"))
    result = import_questions(src, "aiken", display="ansi.txt")
    assert result.bank.questions[0].text == "Apa arti “netral”?"
    bad = tmp_path / "rusak.txt"
    bad.write_bytes(b"Soal\nA. x\x81\nB. y\nANSWER: A\n")
    result = import_questions(bad, "aiken", display="rusak.txt")
    assert result.fatal
    assert result.issues[0].format().startswith("rusak.txt:2:5: berkas bukan UTF-8 (byte 0x81)")


def test_not_a_regular_file_is_refused(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipa.gift"
    os.mkfifo(fifo)
    result = import_questions(fifo, "gift", display="pipa.gift")
    assert result.fatal
    assert "bukan berkas biasa" in result.issues[0].message
