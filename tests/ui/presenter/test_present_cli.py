"""`quiz-app present`: every problem with the files is a clear message and exit 1,
before any window opens and without a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from quiz_app.cli import main
from tests.helpers.banks import VALID_BANK, write


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "quiz_app", *args], capture_output=True,
                          text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def test_a_bad_bank_exits_1_with_its_problems_and_no_traceback(tmp_path: Path):
    bad = write(tmp_path, VALID_BANK.replace("answer: B", "answer: Z"), "salah.yaml")
    result = run("--data-dir", str(tmp_path / "data"), "present", str(bad), "--teams", "5")
    assert result.returncode == 1
    out = result.stdout + result.stderr
    assert "Traceback" not in out
    assert "salah.yaml:" in out and "'Z'" in out
    assert "mode presenter tidak dapat dibuka" in out


def test_a_missing_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["present", str(tmp_path / "hilang.yaml")]) == 1
    out = capsys.readouterr().out
    assert "tidak ditemukan" in out


def test_a_bad_team_file_exits_1_naming_the_line(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]):
    bank = write(tmp_path, VALID_BANK, "uji.yaml")
    teams = tmp_path / "tim.txt"
    teams.write_text("Dinkes\nBappeda\nDinkes\n", encoding="utf-8")
    assert main(["present", str(bank), "--teams-file", str(teams)]) == 1
    out = capsys.readouterr().out
    assert f"{teams}:3: nama tim 'Dinkes' sudah ada di baris 1" in out


def test_a_team_count_out_of_range_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    bank = write(tmp_path, VALID_BANK, "uji.yaml")
    assert main(["present", str(bank), "--teams", "0"]) == 1
    assert "antara 1 dan 99" in capsys.readouterr().out


def test_teams_and_discussion_exclude_each_other(tmp_path: Path):
    bank = write(tmp_path, VALID_BANK, "uji.yaml")
    result = run("present", str(bank), "--teams", "3", "--discussion")
    assert result.returncode == 2 and "tidak boleh dipakai bersama argumen" in result.stderr
    assert "Traceback" not in result.stderr


def test_help_lists_the_options():
    result = run("present", "--help")
    assert result.returncode == 0
    for option in ("--teams", "--teams-file", "--discussion", "RENCANA_ATAU_BANK"):
        assert option in result.stdout


def test_a_good_file_opens_the_presenter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The command hands the checked files to the UI (the windows are not run here)."""
    bank = write(tmp_path, VALID_BANK, "uji.yaml")
    calls = []
    import quiz_app.ui.presenter.launch as launch

    monkeypatch.setattr(launch, "run_presenter",
                        lambda data_dir, source, teams, discussion, phones=None: calls.append(
                            (data_dir, source, teams, discussion)) or 0)
    assert main(["--data-dir", str(tmp_path / "d"), "present", str(bank), "--teams", "2"]) == 0
    assert calls == [(tmp_path / "d", bank, ["Meja 1", "Meja 2"], False)]
    calls.clear()
    assert main(["present", str(bank)]) == 0
    assert calls[0][2:] == (None, True)
