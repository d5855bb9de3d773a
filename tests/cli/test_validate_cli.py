"""`quiz-app validate` as a trainer or an editor integration uses it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from quiz_app.cli import main
from tests.helpers.banks import VALID_BANK, write


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quiz_app", *args], capture_output=True, text=True,
        env={**os.environ, **(env or {})}, timeout=120,
    )


def test_valid_bank_prints_a_summary_and_exits_0(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, VALID_BANK, "uji.yaml")
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out == "uji.yaml: 4 soal, 2 kategori — OK\n"


def test_invalid_bank_prints_path_line_col_and_exits_1(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    good = write(tmp_path, VALID_BANK, "baik.yaml")
    bad = write(tmp_path, VALID_BANK.replace("explanation:", "explanaton:"), "salah.yaml")
    assert main(["validate", str(good), str(bad)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "baik.yaml: 4 soal, 2 kategori — OK"
    line = VALID_BANK.splitlines().index("    explanation: Anggota partai politik diberhentikan "
                                         "tidak dengan hormat.") + 1
    assert out[1] == (f"{bad}:{line}:5: [soal q1] kolom 'explanaton' tidak dikenal — "
                      "maksud Anda 'explanation'?")
    assert out[2] == "salah.yaml: 1 masalah — TIDAK VALID"


def test_missing_file_exits_1_with_message(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "hilang.yaml")]) == 1
    assert "tidak ditemukan" in capsys.readouterr().out


def test_wrong_usage_exits_2() -> None:
    result = run("validate")
    assert result.returncode == 2 and "BERKAS" in result.stderr
    assert run("perintah-tidak-ada").returncode == 2


def test_bundled_banks_validate_from_a_subprocess(banks_dir: Path, tmp_path: Path) -> None:
    files = sorted(str(p) for p in banks_dir.glob("*.yaml"))
    result = run("--data-dir", str(tmp_path), "validate", *files)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("— OK") == len(files)
    assert "peringatan" not in result.stdout  # bundled prose never names a shuffled letter
    assert "Traceback" not in result.stderr


def test_binary_file_never_prints_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(bytes(range(256)))
    result = run("validate", str(path))
    assert result.returncode == 1
    assert "berkas biner" in result.stdout and "Traceback" not in result.stderr


def test_cache_lands_in_the_cache_dir_not_the_data_dir(tmp_path: Path) -> None:
    path = write(tmp_path, VALID_BANK)
    cache = tmp_path / "cache"
    assert run("validate", str(path), env={"QUIZ_APP_CACHE_DIR": str(cache)}).returncode == 0
    assert len(list((cache / "banks").glob("*.json"))) == 1
    result = run("validate", "--no-cache", str(path), env={"QUIZ_APP_CACHE_DIR": str(cache)})
    assert result.returncode == 0


# A valid bank whose explanation names an option letter although options are shuffled.
LETTER_EXPLANATION = "    explanation: Pilihan B benar; anggota partai diberhentikan."
LETTER_BANK = VALID_BANK.replace(
    "    explanation: Anggota partai politik diberhentikan tidak dengan hormat.",
    LETTER_EXPLANATION,
)
LETTER_WARNING = (
    "peringatan: [soal q1] penjelasan menyebut huruf pilihan ('Pilihan B'), padahal pilihan "
    "soal ini diacak: huruf yang dilihat peserta bisa lain. Sebut teks pilihannya, atau tulis "
    "'shuffle: false' bila urutan pilihan memang penting"
)
LETTER_LINE = LETTER_BANK.splitlines().index(LETTER_EXPLANATION) + 1


def test_option_letter_in_prose_is_a_located_warning_and_exits_0(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, LETTER_BANK, "huruf.yaml")
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{path}:{LETTER_LINE}:18: {LETTER_WARNING}",
        "huruf.yaml: 4 soal, 2 kategori — OK (1 peringatan)",
    ]


def test_the_warning_is_the_same_from_the_cache_in_a_real_process(tmp_path: Path) -> None:
    path = write(tmp_path, LETTER_BANK, "huruf.yaml")
    env = {"QUIZ_APP_CACHE_DIR": str(tmp_path / "cache")}
    first, second = (run("validate", str(path), env=env) for _ in range(2))
    assert len(list((tmp_path / "cache" / "banks").glob("*.json"))) == 1
    for result in (first, second):
        assert result.returncode == 0, result.stdout + result.stderr
        assert result.stdout.splitlines()[0] == f"{path}:{LETTER_LINE}:18: {LETTER_WARNING}"


def test_a_plan_that_keeps_option_order_gives_no_letter_warning(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bank = write(tmp_path, LETTER_BANK, "huruf.yaml")
    plan = "format: kuis-plan/1\ntitle: Uji\nbanks: [huruf.yaml]\n"
    keep = write(tmp_path, plan + "shuffle_options: false\n", "urut.yaml")
    shuffled = write(tmp_path, plan, "acak.yaml")
    assert main(["validate", str(keep), str(shuffled)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "urut.yaml: rencana 'Uji', 4 soal dari 1 bank — OK",
        f"{bank.resolve()}:{LETTER_LINE}:18: {LETTER_WARNING}",
        "acak.yaml: rencana 'Uji', 4 soal dari 1 bank — OK (1 peringatan)",
    ]
