"""`quiz-app cek-hp`: the trainer checks, before the session, that phones reach the laptop."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tests.helpers.phone_check import check_phone_page

ROOT = Path(__file__).resolve().parents[2]


def test_serves_the_phone_page_and_names_who_joined(tmp_path: Path) -> None:
    env = {**os.environ, "QUIZ_APP_DATA_DIR": str(tmp_path / "data")}
    page, out = check_phone_page([sys.executable, "-m", "quiz_app"], env, str(ROOT))
    assert "<title>Kuis ASN</title>" in page
    assert "Permintaan pertama diterima lewat alamat 127.0.0.1" in out
    assert "HP tersambung: Uji Coba" in out
    assert "Selesai: 1 HP tersambung." in out
    assert "Traceback" not in out


def test_a_port_out_of_range_is_a_message(tmp_path: Path) -> None:
    import subprocess

    out = subprocess.run([sys.executable, "-m", "quiz_app", "cek-hp", "--port", "70000"],
                         capture_output=True, text=True, timeout=60, cwd=ROOT,
                         env={**os.environ, "QUIZ_APP_DATA_DIR": str(tmp_path)})
    assert out.returncode == 1
    assert "Port 70000 tidak valid" in out.stdout
