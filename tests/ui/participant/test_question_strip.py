"""The numbered question strip (issue 11.14): which questions are answered, flagged and
shown, on the question screen and the finish screen; a click or a typed number jumps."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.helpers.fakes import make_plan

from .conftest import press
from .test_flow import identify

KEY = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def states(strip) -> list[str]:
    return [cell.accessibleName() for cell in strip.cells]


def test_finish_screen_lists_unanswered_and_flagged_and_jumps_back(open_window, qtbot) -> None:
    window = open_window()  # 5 questions, free navigation
    identify(qtbot, window)
    ctrl = window.controller
    press(qtbot, window, KEY.Key_A)  # 1 answered
    press(qtbot, window, KEY.Key_Return)
    press(qtbot, window, KEY.Key_F, CTRL)  # 2 flagged, not answered
    press(qtbot, window, KEY.Key_Return)
    press(qtbot, window, KEY.Key_B)  # 3 answered and flagged
    press(qtbot, window, KEY.Key_F, CTRL)
    press(qtbot, window, KEY.Key_Return)
    press(qtbot, window, KEY.Key_Return)  # 4 skipped
    press(qtbot, window, KEY.Key_Return)  # 5: last, to the finish screen
    assert window.screen_name == "finish"
    finish = window.finish
    assert states(finish.strip) == [
        "Soal 1: sudah dijawab", "Soal 2: belum dijawab, ragu-ragu",
        "Soal 3: sudah dijawab, ragu-ragu", "Soal 4: belum dijawab", "Soal 5: belum dijawab"]
    assert finish.unanswered.text() == "⚠ Belum dijawab: 3 soal (nomor 2, 4, 5)"
    assert finish.flagged.text() == "⚑ Ditandai ragu-ragu: 2 soal (nomor 2, 3)"
    assert [c.text() for c in finish.strip.cells][:3] == ["1", "2 ⚑", "3 ⚑"]
    qtbot.mouseClick(finish.strip.cells[3], Qt.MouseButton.LeftButton)  # a click on "4"
    assert window.screen_name == "question" and ctrl.attempt.current_index == 3
    strip = window.question.strip
    assert strip.cells[3].property("current") is True
    assert strip.cells[4].property("current") is False
    press(qtbot, window, KEY.Key_C)  # answer 4: the strip follows
    assert strip.cells[3].accessibleName() == "Soal 4: sudah dijawab"
    qtbot.mouseClick(strip.cells[1], Qt.MouseButton.LeftButton)  # the strip on the question
    assert ctrl.attempt.current_index == 1
    for _ in range(3):
        press(qtbot, window, KEY.Key_Right)
    press(qtbot, window, KEY.Key_Return)
    assert window.screen_name == "finish"
    # typing a number on the finish screen jumps too (Enter with no number sends)
    press(qtbot, window, KEY.Key_2)
    assert finish.goto.text() == "Ke soal nomor 2 — tekan Enter (Esc: batal)"
    press(qtbot, window, KEY.Key_Escape)
    assert finish.goto.text() == "" and window.screen_name == "finish"
    press(qtbot, window, KEY.Key_5)
    press(qtbot, window, KEY.Key_Return)
    assert window.screen_name == "question" and ctrl.attempt.current_index == 4
    press(qtbot, window, KEY.Key_Return)
    press(qtbot, window, KEY.Key_9)  # no question 9: said so, nothing else happens
    press(qtbot, window, KEY.Key_Return)
    assert window.screen_name == "finish" and "tidak ada" in finish.goto.text()
    assert ctrl.running


def test_forward_only_tests_show_the_strip_but_do_not_jump_back(open_window, qtbot) -> None:
    window = open_window(plan=make_plan(order="bank", shuffle_options=False,
                                        navigation="forward"))
    identify(qtbot, window)
    ctrl = window.controller
    for _ in range(4):
        press(qtbot, window, KEY.Key_A)
        press(qtbot, window, KEY.Key_Return)
    press(qtbot, window, KEY.Key_Return)
    assert window.screen_name == "finish"
    qtbot.mouseClick(window.finish.strip.cells[0], Qt.MouseButton.LeftButton)
    assert window.screen_name == "finish" and ctrl.attempt.current_index == 4
    assert "hanya bisa maju" in window.finish.goto.text()


def test_the_shown_question_stays_in_view_when_the_strip_narrows(qtbot) -> None:
    """The row scrolls to the shown question; when it gets narrower afterwards (the test
    clock's "Waktu tes tinggal 0:45!" is wider than "Sisa waktu tes 12:35"), it scrolls
    again, so the last cell is not left cut at the edge."""
    from quiz_app.core.quiz import Attempt
    from quiz_app.ui.participant.strip import QuestionStrip
    from tests.helpers.fakes import FakeClock, make_bank, make_spec

    attempt = Attempt(make_spec(make_plan(order="bank"), [make_bank(14)]), FakeClock())
    attempt.start()
    attempt.go_to(13)
    strip = QuestionStrip()
    qtbot.addWidget(strip)
    strip.resize(800, 60)
    strip.show()
    qtbot.waitExposed(strip)
    strip.show_attempt(attempt)
    QApplication.processEvents()
    strip.resize(640, 60)
    QApplication.processEvents()
    cell = strip.cells[13]
    left = cell.mapTo(strip.viewport(), cell.rect().topLeft()).x()
    assert 0 <= left and left + cell.width() <= strip.viewport().width()
