"""`quiz-app roster FILE`: one line per problem, a summary, exit 0 only when no row is rejected."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz_app.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_bundled_sample_roster_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    path = ROOT / "question_banks" / "contoh_peserta.csv"
    assert main(["roster", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [f"{path}: 12 peserta, 0 baris ditolak, 0 peringatan"]


def test_rejected_rows_exit_1_with_line_numbers(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "peserta.csv"
    path.write_bytes(
        "\ufeffNIP;Nama;Jabatan\r\n"
        "198503122010011002;Budi Ujicoba;Analis\r\n"
        "1,98503E+17;Siti Contohwati;Pengawas\r\n"
        ";Tamu Undangan;\r\n"
        "198503122010011002;Budi Lagi;Analis\r\n".encode()
    )
    assert main(["roster", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{path}:3: ") and "E+17" in out[0]
    assert out[1].startswith(f"{path}:4: peringatan: ")
    assert out[2].startswith(f"{path}:5: ") and "baris 2" in out[2]
    assert out[3] == f"{path}: 2 peserta, 2 baris ditolak, 1 peringatan"


def test_unreadable_roster_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "kosong.csv"
    path.write_text("Kolom;Lain\r\n1;2\r\n", encoding="utf-8")
    assert main(["roster", str(path)]) == 1
    assert "Nama" in capsys.readouterr().out
