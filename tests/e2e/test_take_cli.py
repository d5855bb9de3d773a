"""``quiz-app take``: bad input gives a clear message and exit code 1, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.banks import VALID_BANK, write


def take(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "quiz_app", "--data-dir", str(tmp_path / "d"),
                           "take", *args], capture_output=True, text=True, env=env, timeout=60)


@pytest.mark.parametrize("case", ["invalid", "missing", "pin", "roster", "date"])
def test_take_bad_input_exits_1_with_message(tmp_path: Path, case: str) -> None:
    good = write(tmp_path, VALID_BANK, "baik.yaml")
    if case == "invalid":
        bad = write(tmp_path, VALID_BANK.replace("answer: B", "answer: Z"), "salah.yaml")
        out = take(str(bad), "--pin", "1234", tmp_path=tmp_path)
        assert "jawaban 'Z'" in out.stderr and "salah.yaml tidak dapat dipakai" in out.stderr
    elif case == "missing":
        out = take(str(tmp_path / "tidak-ada.yaml"), tmp_path=tmp_path)
        assert "tidak ditemukan" in out.stderr
    elif case == "pin":
        out = take(str(good), "--pin", "12", tmp_path=tmp_path)
        assert "PIN pelatih harus 4-8 angka" in out.stderr
    elif case == "roster":
        roster = tmp_path / "peserta.xlsx"
        roster.write_bytes(b"bukan xlsx")
        out = take(str(good), "--pin", "1234", "--roster", str(roster), tmp_path=tmp_path)
        assert "tidak dapat dibaca" in out.stderr
    else:
        out = take(str(good), "--pin", "1234", "--date", "31-12-2025", tmp_path=tmp_path)
        assert "tanggal" in out.stderr
    assert out.returncode == 1
    assert "Traceback" not in out.stderr + out.stdout
    assert not (tmp_path / "d").exists()  # nothing written for a refused start
