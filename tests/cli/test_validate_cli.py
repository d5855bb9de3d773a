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
