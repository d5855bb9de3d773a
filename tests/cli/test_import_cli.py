"""`quiz-app template`, `import` and `export-bank` as a trainer uses them."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz_app.cli import main
from quiz_app.core.banks import load_bank

GIFT = """\
$CATEGORY: Netralitas
Bolehkah PNS ikut kampanye? {~Boleh =Tidak boleh}

Tulis singkatan ASN. {=Aparatur Sipil Negara}
"""


def test_template_then_import_gives_a_valid_bank(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    sheet, bank = tmp_path / "soal.xlsx", tmp_path / "bank.yaml"
    assert main(["template", "--out", str(sheet)]) == 0
    assert main(["import", str(sheet), "--out", str(bank), "--id", "bank-uji"]) == 0
    out = capsys.readouterr().out
    assert "2 soal diimpor, 0 dilewati" in out
    assert load_bank(bank).id == "bank-uji"
    assert main(["validate", str(bank), "--no-cache"]) == 0


def test_import_says_what_was_skipped_and_exits_0_when_only_unsupported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "moodle.gift"
    src.write_text(GIFT, encoding="utf-8")
    out_path = tmp_path / "bank.yaml"
    assert main(["import", str(src), "--out", str(out_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (f"{src}:4:1: soal isian singkat (hanya jawaban '=') tidak dapat "
                        "diwakili; dilewati")
    assert lines[1] == "1 soal diimpor, 1 dilewati"
    assert lines[2].startswith("  dilewati 1×: soal isian singkat")
    assert len(load_bank(out_path).questions) == 1


def test_import_with_mistakes_exits_1_but_writes_the_good_questions(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "soal.txt"
    src.write_text("Satu?\nA. ya\nB. tidak\nANSWER: B\n\nDua?\nA. ya\nB. tidak\nANSWER: E\n",
                   encoding="utf-8")
    out_path = tmp_path / "bank.yaml"
    assert main(["import", str(src), "--out", str(out_path), "--format", "aiken"]) == 1
    out = capsys.readouterr().out
    assert f"{src}:9:9: jawaban 'E' tidak ada di antara pilihan (A, B)" in out
    assert len(load_bank(out_path).questions) == 1


def test_import_refuses_to_overwrite_without_force(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "moodle.gift"
    src.write_text(GIFT, encoding="utf-8")
    out_path = tmp_path / "bank.yaml"
    out_path.write_text("# tulisan tangan\n", encoding="utf-8")
    assert main(["import", str(src), "--out", str(out_path)]) == 1
    assert "--force" in capsys.readouterr().out
    assert out_path.read_text(encoding="utf-8") == "# tulisan tangan\n"
    assert main(["import", str(src), "--out", str(out_path), "--force"]) == 0


def test_nothing_importable_writes_nothing(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "kosong.gift"
    src.write_text("// hanya komentar\n", encoding="utf-8")
    assert main(["import", str(src), "--out", str(tmp_path / "b.yaml")]) == 1
    assert "tidak ada soal yang dapat diimpor" in capsys.readouterr().out
    assert not (tmp_path / "b.yaml").exists()


def test_export_bank_then_import_round_trips(tmp_path: Path) -> None:
    from tests.helpers.banks import VALID_BANK, write

    bank_path = write(tmp_path, VALID_BANK, "uji.yaml")
    sheet, again = tmp_path / "uji.xlsx", tmp_path / "lagi.yaml"
    assert main(["export-bank", str(bank_path), "--out", str(sheet)]) == 0
    assert main(["import", str(sheet), "--out", str(again)]) == 0
    a, b = load_bank(bank_path), load_bank(again)
    assert [(q.id, q.type, q.answer, q.points, q.time_limit) for q in a.questions] == [
        (q.id, q.type, q.answer, q.points, q.time_limit) for q in b.questions]


def test_export_of_an_invalid_bank_is_located(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    from tests.helpers.banks import VALID_BANK, write

    bad = write(tmp_path, VALID_BANK.replace("answer: B", "answer: Z"), "rusak.yaml")
    assert main(["export-bank", str(bad), "--out", str(tmp_path / "x.xlsx")]) == 1
    assert "jawaban 'Z' tidak ada di antara pilihan" in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()
