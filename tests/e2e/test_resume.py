"""Crash recovery: a process running a test is SIGKILLed; the app offers to resume it and
continues with the same questions, option order, answers and remaining time."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from quiz_app.core.banks import load_runnable
from quiz_app.core.quiz import build_attempt
from quiz_app.core.results import AttemptStatus, ResultsStore
from quiz_app.ui import dialogs
from quiz_app.ui.participant.launcher import Launcher
from tests.helpers.banks import VALID_BANK, write
from tests.helpers.fakes import FakeClock
from tests.ui.participant.conftest import DialogLog, press

CHILD = Path(__file__).with_name("resume_child.py")
PLAN = """\
format: kuis-plan/1
title: Tes Uji Padam
banks: [uji]
time_limit: 600
navigation: free
review: answers
"""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")


def run_child_until_killed(data_dir: Path, plan: Path) -> dict:
    proc = subprocess.Popen([sys.executable, str(CHILD), str(data_dir), str(plan)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("READY "), proc.stderr.read() if proc.stderr else line
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(timeout=10) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()
    return json.loads(line.removeprefix("READY "))


def test_resume_after_sigkill(qtbot, tmp_path: Path, monkeypatch) -> None:
    write(tmp_path, VALID_BANK, "uji.yaml")
    plan_path = write(tmp_path, PLAN, "rencana.yaml")
    data_dir = tmp_path / "data"
    child = run_child_until_killed(data_dir, plan_path)

    log = DialogLog()
    log.install(monkeypatch)
    offered: list[list[str]] = []

    def choose_item(_parent, _title, _text, items, _actions):
        offered.append(items)
        return ("resume", 0)

    monkeypatch.setattr(dialogs, "choose_item", choose_item)
    clock = FakeClock(50_000.0)
    launcher = Launcher(data_dir, None, clock)
    with qtbot.waitSignal(launcher.window_opened, timeout=10_000) as opened:
        launcher.offer_resume()
    window = opened.args[0]
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.controller is not None and window.controller.running)

    # the offer named the participant and the remaining time (600 - 23 s = 9:37)
    assert offered == [[
        "Siti Contohwati — Sesi Listrik Padam — sisa waktu 9:37, soal 3 dari 4"]]
    ctrl = window.controller
    attempt = ctrl.attempt
    assert ctrl.attempt_id == child["attempt_id"]
    plan, banks = load_runnable(plan_path)
    assert attempt.spec == build_attempt(plan, banks, "benih-uji")  # same questions and order
    assert {q: sorted(r.choice) for q, r in attempt.answers.items() if r.choice} == \
        child["answers"]
    assert attempt.record(child["current"]).flagged
    assert attempt.current_index == child["current"] == 2
    assert attempt.elapsed == pytest.approx(child["elapsed"]) == 23.0
    assert attempt.test_remaining() == pytest.approx(600 - 23.0)
    assert attempt.question_used() == pytest.approx(child["used"][attempt.current.id])
    assert window.screen_name == "question"
    assert window.question.counter.text() == "Soal 3 dari 4"
    assert window.question.flag_button.isChecked()
    # the trainer's PIN and settings came back with it
    assert window.session.pin is not None and window.session.pin.matches("2468")
    assert window.session.can_start_new

    # time keeps running from the checkpoint; finish by keyboard
    clock.advance(10)
    with qtbot.waitSignal(ctrl.ticked, timeout=2000):
        pass
    assert window.question.test_time.text() == "Sisa waktu tes 9:27"
    press(qtbot, window, Qt.Key.Key_Return)
    press(qtbot, window, Qt.Key.Key_Return)
    assert window.screen_name == "finish"
    with qtbot.waitSignal(window.attempt_finished, timeout=2000):
        press(qtbot, window, Qt.Key.Key_Return)
    with ResultsStore.open_in(data_dir) as store:
        rec = store.attempt(child["attempt_id"])
        assert rec.status is AttemptStatus.FINISHED
        assert rec.result.correct == 1 and rec.result.wrong == 1
        assert rec.elapsed == pytest.approx(33.0)
        assert store.unfinished_attempts() == []
    window.next_participant()
    assert window.screen_name == "identity"
    launcher.close()
