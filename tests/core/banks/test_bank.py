"""The bank validator: every error class a trainer can make, located and explained."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from quiz_app.core.banks import BankCache, load_bank
from quiz_app.core.errors import BankError, Issue
from quiz_app.core.model import QuestionType
from tests.helpers.banks import VALID_BANK, write


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """1-based line number of the nth line containing ``needle``."""
    hits = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    return hits[nth - 1]


def errors(tmp_path: Path, text: str) -> list[Issue]:
    path = write(tmp_path, text)
    with pytest.raises(BankError) as info:
        load_bank(path)
    return info.value.issues


def only(issues: list[Issue]) -> Issue:
    assert len(issues) == 1, [i.format() for i in issues]
    return issues[0]


def test_valid_bank_loads_with_defaults_applied(tmp_path: Path) -> None:
    bank = load_bank(write(tmp_path, VALID_BANK))
    assert bank.id == "uji"
    assert [c.id for c in bank.categories] == ["netral", "nilai"]
    q1, q2, q3, q4 = bank.questions
    assert q1.answer == {"B"} and q1.points == 2.0 and q1.time_limit == 45
    assert q2.type is QuestionType.MULTIPLE and q2.answer == {"A", "B"}
    assert q2.points == 3.0 and q2.time_limit == 60
    assert q2.text == "Pilih nilai dasar ASN.\nLebih dari satu jawaban benar."
    assert q3.option_keys == ("B", "S") and q3.answer == {"B"}
    assert q4.answer == frozenset() and not q4.scored
    assert q1.line == line_of(VALID_BANK, "- id: q1")


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "crlf.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + VALID_BANK.replace("\n", "\r\n").encode())
    assert len(load_bank(path).questions) == 4


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    text = VALID_BANK.replace("    text: ASN tetap memiliki hak pilih.",
                              "    text: Catatan: ASN tetap memiliki hak: pilih.")
    issue = only(errors(tmp_path, text))
    assert issue.line == line_of(text, "Catatan:")
    assert "sintaks YAML" in issue.message and "tanda kutip" in issue.message


def test_unclosed_quote_is_a_syntax_error_not_a_traceback(tmp_path: Path) -> None:
    text = VALID_BANK.replace("title: Bank Uji", 'title: "Bank Uji')
    issue = only(errors(tmp_path, text))
    assert issue.message.startswith("sintaks YAML tidak valid")
    assert "tanda kutip" in issue.message and "ditutup" in issue.message


@pytest.mark.parametrize("quote", ['"', "'"])
def test_unclosed_quote_points_at_the_line_where_it_opens(tmp_path: Path, quote: str) -> None:
    # libyaml reports the end of the file; trainers look for the opening quote.
    text = VALID_BANK.replace("    text: ASN tetap memiliki hak pilih.",
                              f"    text: {quote}ASN tetap memiliki hak pilih.")
    issue = only(errors(tmp_path, text))
    line = line_of(text, f"text: {quote}ASN")
    assert line < text.count("\n")  # the quote is not on the last line
    assert (issue.line, issue.column) == (line, len("    text: ") + 1)
    assert f"tanda kutip {quote}" in issue.message


def test_tabs_in_indentation_are_reported_per_line(tmp_path: Path) -> None:
    text = VALID_BANK.replace("    category: netral\n    text: Apakah",
                              "\tcategory: netral\n\ttext: Apakah")
    issues = errors(tmp_path, text)
    assert [i.line for i in issues] == [line_of(text, "\tcategory"), line_of(text, "\ttext")]
    assert all("tab" in i.message and "spasi" in i.message for i in issues)
    assert [i.column for i in issues] == [1, 1]


def test_tab_after_spaces_reports_its_column(tmp_path: Path) -> None:
    text = VALID_BANK.replace("    category: netral\n    text: Apakah",
                              "  \t\tcategory: netral\n    text: Apakah")
    issue = only(errors(tmp_path, text))
    assert (issue.line, issue.column) == (line_of(text, "category: netral"), 3)


def test_duplicate_key_in_question(tmp_path: Path) -> None:
    text = VALID_BANK.replace("    answer: B\n", "    answer: B\n    answer: A\n")
    issue = only(errors(tmp_path, text))
    assert issue.line == line_of(text, "answer: A")
    assert f"pertama di baris {line_of(text, 'answer: B')}" in issue.message


def test_duplicate_key_at_top_level_and_in_options(tmp_path: Path) -> None:
    text = VALID_BANK.replace("title: Bank Uji\n", "title: Bank Uji\ntitle: Lagi\n")
    text = text.replace("      B: Cukup\n", "      B: Cukup\n      B: Lagi\n")
    issues = errors(tmp_path, text)
    assert [i.line for i in issues] == [line_of(text, "title: Lagi"), line_of(text, "B: Lagi")]
    assert all("dua kali" in i.message for i in issues)


def test_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    text = VALID_BANK.replace("    explanation: Anggota", "    explanaton: Anggota")
    issue = only(errors(tmp_path, text))
    assert issue.message == "kolom 'explanaton' tidak dikenal — maksud Anda 'explanation'?"
    assert issue.question_id == "q1"
    assert (issue.line, issue.column) == (line_of(text, "explanaton"), 5)


def test_unknown_key_without_close_match_lists_allowed_keys(tmp_path: Path) -> None:
    text = VALID_BANK.replace("title: Bank Uji\n", "title: Bank Uji\npenulis: Budi\n")
    issue = only(errors(tmp_path, text))
    assert "'penulis' tidak dikenal" in issue.message and "questions" in issue.message


@pytest.mark.parametrize(
    ("old", "new", "needle", "expected"),
    [
        ("  time_limit: 45", "  time_limit: lama", "time_limit: lama", "bilangan bulat 5–3600"),
        ("    time_limit: 60", "    time_limit: 2", "time_limit: 2", "di luar batas"),
        ("    points: 3", "    points: 0", "points: 0", "lebih dari 0"),
        ("    points: 3", "    points: banyak", "points: banyak", "harus berupa angka"),
        ("    type: multiple", "    type: pilihan", "type: pilihan", "bukan nilai 'type'"),
        ("    answer: true", "    answer: Benar", "answer: Benar", "true (Benar) atau false"),
        ("questions:\n  - id: q1", "questions:\n  - id: Q 1", "id: Q 1", "pengenal yang sah"),
    ],
)
def test_wrong_types_and_values(tmp_path: Path, old: str, new: str, needle: str,
                                expected: str) -> None:
    text = VALID_BANK.replace(old, new, 1)
    assert text != VALID_BANK
    issue = only(errors(tmp_path, text))
    assert issue.line == line_of(text, needle)
    assert expected in issue.message


def test_options_must_be_a_mapping_and_true_false_forbids_options(tmp_path: Path) -> None:
    text = VALID_BANK.replace(
        "    answer: true\n", "    answer: true\n    options:\n      A: Benar\n      B: Salah\n"
    )
    text = text.replace("    options:\n      A: Boleh\n      B: Tidak boleh\n",
                        "    options: [Boleh, Tidak boleh]\n")
    messages = [i.message for i in errors(tmp_path, text)]
    assert any("harus berupa pemetaan" in m for m in messages)
    assert any("true_false tidak memakai 'options'" in m for m in messages)


def test_missing_required_keys(tmp_path: Path) -> None:
    text = VALID_BANK.replace("title: Bank Uji\n", "")
    text = text.replace("    text: Apakah ASN boleh menjadi anggota partai politik?\n", "")
    issues = errors(tmp_path, text)
    assert [i.message for i in issues] == [
        "kolom wajib 'title' tidak ada di bank ini; tambahkan 'title: …'",
        "kolom wajib 'text' tidak ada di soal ini; tambahkan 'text: …'",
    ]
    assert issues[1].question_id == "q1" and issues[1].line == line_of(text, "- id: q1")


def test_answer_not_among_options(tmp_path: Path) -> None:
    text = VALID_BANK.replace("    answer: B\n", "    answer: D\n")
    issue = only(errors(tmp_path, text))
    assert issue.message == "jawaban 'D' tidak ada di antara pilihan (A, B)"
    assert issue.line == line_of(text, "answer: D")


def test_lowercase_answer_gets_a_fix(tmp_path: Path) -> None:
    text = VALID_BANK.replace("    answer: B\n", "    answer: b\n")
    assert "huruf kapital 'B'" in only(errors(tmp_path, text)).message


def test_single_with_several_answers(tmp_path: Path) -> None:
    text = VALID_BANK.replace("    answer: B\n", "    answer: [A, B]\n")
    issue = only(errors(tmp_path, text))
    assert "hanya boleh punya satu jawaban" in issue.message and "type: multiple" in issue.message


def test_empty_answer_list_for_multiple(tmp_path: Path) -> None:
    text = VALID_BANK.replace("    answer: [A, B]\n", "    answer: []\n")
    issue = only(errors(tmp_path, text))
    assert "daftar jawaban kosong" in issue.message and issue.question_id == "q2"


def test_poll_with_answer_is_refused(tmp_path: Path) -> None:
    text = VALID_BANK + "    answer: A\n"
    assert "poll (survei) tidak punya kunci" in only(errors(tmp_path, text)).message


def test_option_keys_must_run_from_a(tmp_path: Path) -> None:
    text = VALID_BANK.replace("      A: Boleh\n      B: Tidak boleh\n",
                              "      A: Boleh\n      C: Tidak boleh\n")
    issues = errors(tmp_path, text)
    assert any("berkunci 'B', bukan 'C'" in i.message for i in issues)


def test_too_few_options(tmp_path: Path) -> None:
    text = VALID_BANK.replace("      A: Sangat bermanfaat\n", "")
    text = text.replace("      B: Cukup\n", "      A: Cukup\n")
    assert "2–8 pilihan" in only(errors(tmp_path, text)).message


def test_undeclared_category(tmp_path: Path) -> None:
    text = VALID_BANK.replace("    category: netral\n    type: true_false",
                              "    category: kampanye\n    type: true_false")
    issue = only(errors(tmp_path, text))
    assert "kategori 'kampanye' belum dinyatakan" in issue.message
    assert "netral, nilai" in issue.message and issue.question_id == "q3"


def test_duplicate_question_ids_name_the_first(tmp_path: Path) -> None:
    text = VALID_BANK.replace("  - id: q3\n", "  - id: q1\n")
    issue = only(errors(tmp_path, text))
    assert issue.line == line_of(text, "- id: q1", 2)
    assert f"sudah dipakai di baris {line_of(text, '- id: q1')}" in issue.message


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = VALID_BANK.replace("    answer: B\n", "    answer: D\n")
    text = text.replace("  - id: q3\n", "  - id: q1\n")
    text = text.replace("  time_limit: 45", "  time_limit: 1")
    assert len(errors(tmp_path, text)) == 3


@pytest.mark.parametrize(("fmt", "expected"), [
    ("kuis-bank/2", "tulis 'format: kuis-bank/1'"),
    ("kuis-plan/1", "rencana sesi, bukan bank soal"),
])
def test_bad_format(tmp_path: Path, fmt: str, expected: str) -> None:
    text = VALID_BANK.replace("format: kuis-bank/1", f"format: {fmt}")
    issue = only(errors(tmp_path, text))
    assert issue.line == 1 and expected in issue.message


def test_non_utf8_file_names_line_and_fix(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    data = VALID_BANK.replace("title: Bank Uji", "title: Bank Uji Pérangkat").encode("cp1252")
    path.write_bytes(data)
    with pytest.raises(BankError) as info:
        load_bank(path)
    issue = only(info.value.issues)
    assert issue.line == 3 and "bukan UTF-8" in issue.message and "UTF-8" in issue.message


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "gambar.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(BankError) as info:
        load_bank(path)
    assert "berkas biner" in only(info.value.issues).message


def test_file_over_32_mib_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "besar.yaml"
    with path.open("wb") as fh:
        fh.truncate(32 * 1024 * 1024 + 1)  # sparse: cheap to create
    with pytest.raises(BankError) as info:
        load_bank(path)
    assert "terlalu besar" in only(info.value.issues).message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(BankError) as info:
        load_bank(tmp_path / "tidak-ada.yaml")
    assert "tidak ditemukan" in only(info.value.issues).message


def test_empty_file(tmp_path: Path) -> None:
    assert "berkas kosong" in only(errors(tmp_path, "")).message


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 9)}]")
    text = VALID_BANK + "\n".join(lines) + "\n"
    # Top-level keys a0.. are unknown too; what matters: refused, fast, aliases named.
    path = write(tmp_path, text)
    start = time.monotonic()
    with pytest.raises(BankError) as info:
        load_bank(path)
    assert time.monotonic() - start < 1.0
    assert any("alias YAML" in i.message for i in info.value.issues)


def test_python_tags_are_refused(tmp_path: Path) -> None:
    text = VALID_BANK.replace("title: Bank Uji", "title: !!python/object/apply:os.system ['ls']")
    issue = only(errors(tmp_path, text))
    assert "tag YAML" in issue.message and "python/object" in issue.message
    assert issue.line == line_of(text, "title:")


def test_yaml_one_one_booleans_keep_their_text_in_options(tmp_path: Path) -> None:
    text = VALID_BANK.replace("      A: Boleh\n      B: Tidak boleh\n",
                              "      A: Yes\n      B: No\n")
    bank = load_bank(write(tmp_path, text))
    assert [o.text for o in bank.questions[0].options] == ["Yes", "No"]


def test_image_must_exist_and_stay_inside_the_bank_folder(tmp_path: Path) -> None:
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "spanduk.png").write_bytes(b"\x89PNG")
    outside = tmp_path.parent / "rahasia.png"
    outside.write_bytes(b"\x89PNG")
    ok = VALID_BANK.replace("    answer: B\n", "    answer: B\n    image: img/spanduk.png\n")
    assert load_bank(write(tmp_path, ok)).questions[0].image == tmp_path / "img" / "spanduk.png"

    missing = ok.replace("img/spanduk.png", "img/hilang.png")
    assert "tidak ditemukan" in only(errors(tmp_path, missing)).message
    escape = ok.replace("img/spanduk.png", "../rahasia.png")
    assert "di luar folder bank" in only(errors(tmp_path, escape)).message
    wrong = ok.replace("img/spanduk.png", "bank.yaml")
    assert "png, jpg atau svg" in only(errors(tmp_path, wrong)).message


def test_cache_returns_the_same_bank_and_notices_changes(tmp_path: Path) -> None:
    cache = BankCache(tmp_path / "cache")
    path = write(tmp_path, VALID_BANK)
    first = load_bank(path, cache=cache)
    assert len(list((tmp_path / "cache").glob("*.json"))) == 1
    assert load_bank(path, cache=cache) == first
    path.write_text(VALID_BANK.replace("Bank Uji", "Bank Diubah"), encoding="utf-8")
    assert load_bank(path, cache=cache).title == "Bank Diubah"
    path.write_text(VALID_BANK.replace("answer: B", "answer: Z"), encoding="utf-8")
    with pytest.raises(BankError):
        load_bank(path, cache=cache)


def test_damaged_cache_entry_is_ignored(tmp_path: Path) -> None:
    cache = BankCache(tmp_path / "cache")
    path = write(tmp_path, VALID_BANK)
    load_bank(path, cache=cache)
    for f in (tmp_path / "cache").glob("*.json"):
        f.write_text("{rusak", encoding="utf-8")
    assert load_bank(path, cache=cache).id == "uji"


def test_cache_notices_a_deleted_image(tmp_path: Path) -> None:
    cache = BankCache(tmp_path / "cache")
    (tmp_path / "a.png").write_bytes(b"\x89PNG")
    with_image = VALID_BANK.replace("    answer: B\n", "    answer: B\n    image: a.png\n")
    path = write(tmp_path, with_image)
    load_bank(path, cache=cache)
    (tmp_path / "a.png").unlink()
    with pytest.raises(BankError):
        load_bank(path, cache=cache)
