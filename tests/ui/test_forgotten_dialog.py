"""The suite's own guard (tests/conftest.py): a warning dialog that no test answers fails
that test, naming the warning, and the run goes on. Without it, one such dialog held CI
until its 90-minute limit and the log showed only dots."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

FORGETFUL = '''
from quiz_app.ui import dialogs


def test_forgets_a_warning(qtbot):
    dialogs.show_message(None, "Hasil tidak dapat dibaca", "basis data terkunci")


def test_after_it(qtbot):
    assert True
'''


def test_an_unanswered_dialog_fails_its_test_and_the_run_goes_on(tmp_path: Path) -> None:
    case = tmp_path / "test_forgetful.py"
    case.write_text(FORGETFUL, encoding="utf-8")
    env = dict(os.environ, QUIZ_TEST_MODAL_WAIT_S="1", QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(ROOT))
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "tests.conftest",
         "--rootdir", str(tmp_path), str(case)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert "2 passed, 1 error" in run.stdout, run.stdout[-2000:]
    assert "test_forgets_a_warning - Failed: a modal dialog" in run.stdout
    assert "'Hasil tidak dapat dibaca' 'basis data terkunci'" in run.stdout
