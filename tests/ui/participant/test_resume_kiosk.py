"""After a crash (issue 11.12): cancelling an unfinished test needs the trainer's PIN, and
a resumed kiosk test opens like a fresh kiosk start (main window out of the way, the
participant's window on top with the keyboard)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from quiz_app.core.model import Participant
from quiz_app.core.quiz import build_attempt
from quiz_app.core.results import AttemptStatus, ResultsStore
from quiz_app.ui import dialogs
from quiz_app.ui.main_window import MainWindow
from quiz_app.ui.participant.launcher import Launcher
from tests.helpers.fakes import make_bank, make_plan

from .conftest import PIN, make_session


def crashed_attempt(tmp_path: Path, kiosk: bool = True) -> tuple[Path, str]:
    """A kiosk session (settings with the PIN saved) with one attempt left in progress."""
    bank = make_bank(3)
    plan = make_plan(order="bank")
    with ResultsStore.open_in(tmp_path / "data") as store:
        session = make_session(store, tmp_path, plan, [bank], kiosk=kiosk)
        attempt_id = store.start_attempt(session.record.id, Participant("Siti", None),
                                         build_attempt(plan, [bank], "s"))
    return tmp_path / "data", attempt_id


def status(data_dir: Path, attempt_id: str) -> AttemptStatus:
    with ResultsStore.open_in(data_dir) as store:
        return store.attempt(attempt_id).status


def test_cancelling_an_unfinished_test_needs_the_pin(qtbot, tmp_path: Path, clock,
                                                     dialog_log, monkeypatch) -> None:
    data_dir, attempt_id = crashed_attempt(tmp_path)
    picks = [("abandon", 0), None, ("abandon", 0), None, ("abandon", 0)]
    monkeypatch.setattr(dialogs, "choose_item", lambda *_a: picks.pop(0))
    launcher = Launcher(data_dir, None, clock)
    dialog_log.pins = [None]  # a participant without the PIN: cancelled
    with qtbot.waitSignal(launcher.resume_checked, timeout=10_000):
        launcher.offer_resume()
    assert dialog_log.asked == ["Masukkan PIN pelatih untuk membatalkan tes Siti."]
    assert status(data_dir, attempt_id) is AttemptStatus.IN_PROGRESS
    dialog_log.pins = ["1111"]  # a wrong PIN
    with qtbot.waitSignal(launcher.resume_checked, timeout=10_000):
        launcher.offer_resume()
    assert dialog_log.messages[-1][0] == "PIN salah"
    assert status(data_dir, attempt_id) is AttemptStatus.IN_PROGRESS
    dialog_log.pins = [PIN]  # the trainer
    dialog_log.confirms = [True]
    with qtbot.waitSignal(launcher.resume_checked, timeout=10_000):
        launcher.offer_resume()
    assert status(data_dir, attempt_id) is AttemptStatus.ABANDONED
    launcher.close()


def test_three_wrong_pins_lock_cancelling_for_30_seconds(qtbot, tmp_path: Path, clock,
                                                         dialog_log, monkeypatch) -> None:
    """The launcher shares the kiosk's PIN sequence: a third wrong PIN locks it; while
    locked the PIN is not even asked; after 30 s the right PIN works."""
    data_dir, attempt_id = crashed_attempt(tmp_path)
    picks = [("abandon", 0), None] * 5
    monkeypatch.setattr(dialogs, "choose_item", lambda *_a: picks.pop(0))
    launcher = Launcher(data_dir, None, clock)
    for wrong in ("1111", "2222", "3333"):
        dialog_log.pins = [wrong]
        with qtbot.waitSignal(launcher.resume_checked, timeout=10_000):
            launcher.offer_resume()
    assert dialog_log.messages[-2:] == [
        ("PIN salah", "PIN salah. Sisa percobaan: 1."),
        ("PIN terkunci", "PIN salah tiga kali. Coba lagi dalam 30 detik.")]
    clock.advance(20)
    dialog_log.pins = [PIN]
    with qtbot.waitSignal(launcher.resume_checked, timeout=10_000):
        launcher.offer_resume()
    assert dialog_log.pins == [PIN]  # not asked while locked
    assert dialog_log.messages[-1] == ("PIN terkunci",
                                       "PIN salah tiga kali. Coba lagi dalam 10 detik.")
    assert status(data_dir, attempt_id) is AttemptStatus.IN_PROGRESS
    clock.advance(10)
    dialog_log.confirms = [True]
    with qtbot.waitSignal(launcher.resume_checked, timeout=10_000):
        launcher.offer_resume()
    assert status(data_dir, attempt_id) is AttemptStatus.ABANDONED
    launcher.close()


def test_a_resumed_kiosk_test_opens_like_a_kiosk_start(qtbot, tmp_path: Path, clock,
                                                       dialog_log, monkeypatch) -> None:
    data_dir, attempt_id = crashed_attempt(tmp_path)
    monkeypatch.setattr(dialogs, "choose_item", lambda *_a: ("resume", 0))
    main = MainWindow(data_dir, None, clock)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    with qtbot.waitSignal(main.launcher.window_opened, timeout=10_000) as opened:
        main.check_resume()
    window = opened.args[0]
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.controller is not None and window.controller.running)
    assert window.controller.attempt_id == attempt_id
    assert not main.isVisible()  # nothing to Alt+Tab to behind the kiosk
    assert window.isFullScreen()
    assert window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    qtbot.waitUntil(lambda: window.isActiveWindow())
    assert window.question.hasFocus()
