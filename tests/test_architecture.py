"""The architecture as executable rules: the import-linter contracts in pyproject.toml."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT = [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command; "
        "sys.exit(lint_imports_command())"]


def _lint(cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*LINT, "--no-cache"], cwd=cwd, capture_output=True, text=True,
                          timeout=120, env={"PYTHONPATH": str(cwd), "PATH": "/usr/bin:/bin"})


def test_the_contracts_hold() -> None:
    out = _lint(ROOT)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 broken" in out.stdout


def test_a_lower_room_importing_a_higher_one_breaks_the_contract(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "quiz_app", tmp_path / "quiz_app",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    bank = tmp_path / "quiz_app/core/banks/bank.py"
    bank.write_text(bank.read_text() + "\nfrom ..results import store  # deliberately wrong\n")
    out = _lint(tmp_path)
    assert out.returncode != 0
    assert "quiz_app.core.banks.bank -> quiz_app.core.results" in out.stdout


def test_the_core_importing_qt_breaks_the_contract(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "quiz_app", tmp_path / "quiz_app",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    clock = tmp_path / "quiz_app/core/clock.py"
    clock.write_text(clock.read_text() + "\nimport PySide6.QtCore  # deliberately wrong\n")
    out = _lint(tmp_path)
    assert out.returncode != 0
    assert "quiz_app.core.clock -> PySide6" in out.stdout


def test_no_module_outgrows_one_reading() -> None:
    long = {str(p.relative_to(ROOT)): n for p in (ROOT / "quiz_app").rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 700}
    assert long == {}
