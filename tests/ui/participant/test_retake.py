"""A NIP that finished the test in this session cannot silently take it again: a second
attempt needs the trainer's PIN (issue 11.10)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from .conftest import NIP, PIN, press, type_text
from .test_flow import identify

KEY = Qt.Key


def finish_one(qtbot, window) -> None:
    identify(qtbot, window)
    for _ in range(5):
        press(qtbot, window, KEY.Key_A)
        press(qtbot, window, KEY.Key_Return)
    with qtbot.waitSignal(window.attempt_finished, timeout=2000):
        press(qtbot, window, KEY.Key_Return)
    window.next_participant()
    assert window.screen_name == "identity"


def enter_identity(qtbot, window, nip: str = NIP) -> None:
    type_text(qtbot, window, nip)
    press(qtbot, window, KEY.Key_Tab)
    type_text(qtbot, window, "Budi Santoso")
    press(qtbot, window, KEY.Key_Return)


def test_a_second_attempt_by_the_same_nip_needs_the_pin(open_window, qtbot, store,
                                                         dialog_log) -> None:
    window = open_window()
    finish_one(qtbot, window)
    dialog_log.pins = [None]  # the participant has no PIN: cancelled
    enter_identity(qtbot, window)
    assert window.screen_name == "identity"
    assert dialog_log.asked[-1].startswith("NIP ini sudah menyelesaikan tes di sesi ini.")
    assert "sudah menyelesaikan tes" in window.identity.message.text()
    assert len(store.attempts(window.session.record.id)) == 1
    dialog_log.pins = ["0000"]  # a wrong PIN does not let it through either
    press(qtbot, window, KEY.Key_Return)
    assert window.screen_name == "identity"
    dialog_log.pins = [PIN]  # the trainer allows the retake
    press(qtbot, window, KEY.Key_Return)
    assert window.screen_name == "instructions"


def test_after_hr_voids_the_attempt_the_nip_may_take_it_again(open_window, qtbot, store,
                                                              dialog_log) -> None:
    window = open_window()
    finish_one(qtbot, window)
    [rec] = store.attempts(window.session.record.id)
    store.void_attempt(rec.id, "Komputer bermasalah")
    asked = len(dialog_log.asked)
    enter_identity(qtbot, window)
    assert window.screen_name == "instructions" and len(dialog_log.asked) == asked
