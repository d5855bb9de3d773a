"""Warnings for option letters named in prose while the options may be shuffled."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz_app.core.banks import BankCache, letter_warnings, load_bank
from tests.helpers.banks import write

HEAD = """\
format: kuis-bank/1
id: uji
title: Bank Uji
categories:
  - id: nilai
    title: BerAKHLAK
questions:
"""

KOLABORATIF = HEAD + """\
  - id: kol-07
    category: nilai
    type: multiple
    text: Manakah yang termasuk perilaku nilai Kolaboratif?
    options:
      A: Memberi kesempatan kepada berbagai pihak untuk berkontribusi
      B: Terbuka dalam bekerja sama untuk menghasilkan nilai tambah
      C: Menghargai setiap orang apa pun latar belakangnya
      D: Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama
      E: Tidak menyalahgunakan kewenangan jabatan
    answer: [A, B, D]
    explanation: >
      Perilaku nilai Kolaboratif adalah memberi kesempatan, terbuka bekerja sama, dan
      menggerakkan sumber daya untuk tujuan
      bersama. Pilihan C termasuk Harmonis, pilihan E termasuk Akuntabel.
"""


def one_question(body: str, *, shuffle: str = "", qtype: str = "single") -> str:
    """A bank of one question whose text is ``body``, options A–D, answer B."""
    return HEAD + f"""\
  - id: q1
    category: nilai
    type: {qtype}
    text: |
      {body}
    options:
      A: Akuntabel
      B: Kompeten
      C: Harmonis
      D: Loyal
    answer: {"[B]" if qtype == "multiple" else "B"}
{shuffle}"""


def warnings_for(tmp_path: Path, text: str):
    path = write(tmp_path, text)
    return letter_warnings(load_bank(path), display="bank.yaml")


def test_the_issue_example_is_located_at_the_letter(tmp_path: Path) -> None:
    [w] = warnings_for(tmp_path, KOLABORATIF)
    line = KOLABORATIF.splitlines().index(
        "      bersama. Pilihan C termasuk Harmonis, pilihan E termasuk Akuntabel.") + 1
    assert (w.path, w.line, w.column, w.question_id, w.warning) == (
        "bank.yaml", line, len("      bersama. ") + 1, "kol-07", True)
    assert w.format() == (
        f"bank.yaml:{line}:16: peringatan: [soal kol-07] penjelasan menyebut huruf pilihan "
        "('Pilihan C', 'pilihan E'), padahal pilihan soal ini diacak: huruf yang dilihat "
        "peserta bisa lain. Sebut teks pilihannya, atau tulis 'shuffle: false' bila urutan "
        "pilihan memang penting"
    )


@pytest.mark.parametrize(
    ("body", "phrase"),
    [
        ("Mengapa opsi B lebih tepat daripada yang lain?", "opsi B"),
        ("Jawaban: B. Nilai mana yang dimaksud?", "Jawaban: B"),
        ("Benarkah pilihan jawaban A dan C sama-sama keliru?", "pilihan jawaban A dan C"),
        ("Mengapa (C) tidak tepat?", "(C)"),
        ("Benarkah opsi (B) tepat?", "opsi (B)"),
        ("Kunci jawaban D, bukan yang lain?", "Kunci jawaban D"),
    ],
)
def test_each_way_of_naming_a_letter_warns(tmp_path: Path, body: str, phrase: str) -> None:
    text = one_question(body)
    [w] = warnings_for(tmp_path, text)
    assert w.warning and w.question_id == "q1"
    assert w.message.startswith(f"teks soal menyebut huruf pilihan ('{phrase}')")
    line = text.splitlines().index(f"      {body}") + 1
    assert (w.line, w.column) == (line, len("      ") + body.index(phrase) + 1)


@pytest.mark.parametrize(
    "body",
    [
        "Menurut UU 20/2023 Pasal 2 huruf f, apa arti asas netralitas?",
        'Huruf "B" dalam akronim BerAKHLAK berarti ...',
        "Menurut SKB, Lampiran II, dan PP 94/2021 Pasal 8 ayat (2) ...",
        "Bagaimana jawaban Anda tentang pilihan politik ASN?",
        "Pilihan mana yang Benar menurut Anda?",
        "Golongan III/d (D-III) naik ke IV/a; apa syaratnya?",
    ],
)
def test_legal_references_and_ordinary_words_do_not_warn(tmp_path: Path, body: str) -> None:
    assert warnings_for(tmp_path, one_question(body)) == []


def test_no_warning_when_the_question_keeps_its_order(tmp_path: Path) -> None:
    text = one_question("Mengapa pilihan B paling tepat?", shuffle="    shuffle: false\n")
    assert warnings_for(tmp_path, text) == []


def test_bank_default_shuffle_false_also_counts(tmp_path: Path) -> None:
    text = one_question("Mengapa pilihan B paling tepat?").replace(
        "questions:\n", "defaults:\n  shuffle: false\nquestions:\n")
    assert warnings_for(tmp_path, text) == []


def test_an_option_that_combines_letters_warns_at_that_option(tmp_path: Path) -> None:
    text = one_question("Nilai dasar ASN adalah ...").replace(
        "      D: Loyal\n", "      D: A dan B benar\n")
    [w] = warnings_for(tmp_path, text)
    assert w.message.startswith("pilihan D menyebut huruf pilihan ('A dan B')")
    line = text.splitlines().index("      D: A dan B benar") + 1
    assert (w.line, w.column) == (line, 10)


def test_true_false_questions_have_no_letters_to_shuffle(tmp_path: Path) -> None:
    text = HEAD + """\
  - id: q1
    category: nilai
    type: true_false
    text: Pernyataan (B) di atas benar.
    answer: true
    explanation: Opsi B adalah Benar.
"""
    assert warnings_for(tmp_path, text) == []


def test_warnings_survive_the_bank_cache(tmp_path: Path) -> None:
    """A bank rebuilt from the cache has no positions, yet the warning stays located."""
    path = write(tmp_path, KOLABORATIF)
    cache = BankCache(tmp_path / "cache")
    first = letter_warnings(load_bank(path, cache=cache), display="a.yaml")
    cached = load_bank(path, cache=cache)
    assert len(list((tmp_path / "cache").glob("*.json"))) == 1
    assert letter_warnings(cached, display="a.yaml") == first != []


def test_a_clean_bank_is_not_read_again(tmp_path: Path) -> None:
    path = write(tmp_path, one_question("Nilai dasar ASN adalah ..."))
    bank = load_bank(path)
    path.unlink()  # a clean bank never goes back to the file
    assert letter_warnings(bank) == []


def test_an_option_that_names_another_option_warns_at_that_option(tmp_path: Path) -> None:
    text = one_question("Nilai dasar ASN adalah ...").replace(
        "      D: Loyal\n", "      D: Sama seperti pilihan B\n")
    [w] = warnings_for(tmp_path, text)
    assert w.message.startswith("pilihan D menyebut huruf pilihan ('pilihan B')")
