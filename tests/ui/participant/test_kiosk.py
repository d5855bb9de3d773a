"""Kiosk mode: closing and the trainer menu need the PIN; three wrong PINs lock 30 s."""

from __future__ import annotations

from PySide6.QtCore import Qt

from quiz_app.core.quiz import PinCheck, PinHash, PinLock, valid_pin
from quiz_app.core.results import AttemptStatus, SessionStatus
from tests.helpers.fakes import FakeClock

from .conftest import PIN, press
from .test_flow import identify

KEY = Qt.Key
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_kiosk_close_asks_for_pin(open_window, qtbot, dialog_log) -> None:
    window = open_window(kiosk=True)
    assert window.isFullScreen()
    dialog_log.pins = [None]  # cancelled
    window.close()
    assert window.isVisible()
    assert dialog_log.asked == ["Masukkan PIN pelatih untuk menutup layar peserta."]
    dialog_log.pins = ["0000"]
    press(qtbot, window, KEY.Key_Escape)  # Esc asks too
    assert window.isVisible()
    assert dialog_log.messages[-1][0] == "PIN salah"
    dialog_log.pins = [PIN]
    with qtbot.waitSignal(window.session_closed, timeout=1000):
        window.close()
    assert not window.isVisible()


def test_wrong_pin_three_times_locks_for_30_seconds(open_window, qtbot, clock,
                                                     dialog_log) -> None:
    window = open_window(kiosk=True)
    dialog_log.pins = ["1111", "2222", "3333"]
    for _ in range(3):
        press(qtbot, window, KEY.Key_T, CTRL_SHIFT)
    assert dialog_log.messages[-1] == (
        "Menu pelatih terkunci", "PIN salah tiga kali. Menu pelatih terkunci selama 30 detik.")
    asked = len(dialog_log.asked)
    clock.advance(29)
    dialog_log.pins = [PIN]
    press(qtbot, window, KEY.Key_T, CTRL_SHIFT)
    assert len(dialog_log.asked) == asked  # no PIN prompt while locked
    assert dialog_log.messages[-1][1] == "PIN salah tiga kali. Coba lagi dalam 1 detik."
    window.close()  # closing is locked too
    assert window.isVisible()
    clock.advance(1)
    dialog_log.choices = [None]
    press(qtbot, window, KEY.Key_T, CTRL_SHIFT)
    assert dialog_log.asked[-1] == "Menu pelatih"  # the PIN was accepted, menu shown


def test_trainer_menu_hooks(open_window, qtbot, dialog_log) -> None:
    window = open_window()
    dialog_log.pins = [PIN, PIN]
    dialog_log.choices = ["results", "export"]
    press(qtbot, window, KEY.Key_T, CTRL_SHIFT)
    assert dialog_log.messages[-1][0] == "Belum tersedia"
    seen: list[int] = []
    window.on_export = seen.append
    press(qtbot, window, KEY.Key_T, CTRL_SHIFT)
    assert seen == [window.session.record.id]


def test_trainer_next_participant_ends_running_attempt(open_window, qtbot, store,
                                                        dialog_log) -> None:
    window = open_window(kiosk=True)
    identify(qtbot, window)
    attempt_id = window.controller.attempt_id
    press(qtbot, window, KEY.Key_A)
    dialog_log.pins = [PIN]
    dialog_log.choices = ["next"]
    dialog_log.confirms = [True]
    press(qtbot, window, KEY.Key_T, CTRL_SHIFT)
    assert window.screen_name == "identity"
    rec = store.attempt(attempt_id)
    assert rec.status is AttemptStatus.FINISHED and rec.result.correct == 1


def test_trainer_ends_session(open_window, qtbot, store, dialog_log) -> None:
    window = open_window(kiosk=True)
    identify(qtbot, window)
    attempt_id = window.controller.attempt_id
    dialog_log.pins = [PIN]
    dialog_log.choices = ["end"]
    dialog_log.confirms = [True]
    with qtbot.waitSignal(window.session_closed, timeout=1000):
        press(qtbot, window, KEY.Key_T, CTRL_SHIFT)
    assert store.session(window.session.record.id).status is SessionStatus.CLOSED
    assert store.attempt(attempt_id).status is AttemptStatus.FINISHED


def test_non_kiosk_close_during_test_confirms(open_window, qtbot, store, dialog_log) -> None:
    window = open_window()
    identify(qtbot, window)
    dialog_log.confirms = [False]
    window.close()
    assert window.isVisible()
    dialog_log.confirms = [True]
    window.close()
    assert not window.isVisible()
    assert [a.id for a in store.unfinished_attempts()] != []


def test_font_scaling_keys(open_window, qtbot) -> None:
    window = open_window()
    identify(qtbot, window)
    before = window.question.text.max_px
    press(qtbot, window, KEY.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.scale == 1.1 and window.question.text.max_px > before
    press(qtbot, window, KEY.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, window, KEY.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.scale == 0.9


def test_pin_lock_rules() -> None:
    clock = FakeClock()
    assert valid_pin("1234") and valid_pin("12345678")
    assert not valid_pin("123") and not valid_pin("123456789") and not valid_pin("12a4")
    assert not valid_pin("١٢٣٤")  # Arabic-Indic digits are not ASCII
    lock = PinLock(PinHash.make("2468"), clock)
    assert lock.check("1") is PinCheck.WRONG and lock.tries_left == 2
    assert lock.check("2468") is PinCheck.OK and lock.tries_left == 3  # a right PIN resets
    assert [lock.check("0") for _ in range(3)] == [PinCheck.WRONG, PinCheck.WRONG,
                                                   PinCheck.LOCKED]
    assert lock.check("2468") is PinCheck.LOCKED and lock.locked_for() == 30
    clock.advance(30)
    assert lock.check("2468") is PinCheck.OK
    assert PinLock(None, clock).check("") is PinCheck.OK


def test_ending_the_session_asks_for_confirmation(open_window, qtbot, store,
                                                  dialog_log) -> None:
    window = open_window(kiosk=True)
    identify(qtbot, window)
    attempt_id = window.controller.attempt_id
    dialog_log.pins = [PIN]
    dialog_log.choices = ["end"]
    dialog_log.confirms = [False]  # "Akhiri sesi?" → Tidak
    press(qtbot, window, KEY.Key_T, CTRL_SHIFT)
    assert dialog_log.asked[-1] == "Akhiri sesi?"
    assert window.isVisible() and window.controller.running
    assert store.session(window.session.record.id).status is SessionStatus.OPEN
    assert store.attempt(attempt_id).status is AttemptStatus.IN_PROGRESS
