"""The participant's clocks: which questions have a countdown (issue 11.16) and the test
clock standing still while the trainer has the screen (issue 11.17)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from quiz_app.core.model import QuestionType
from tests.helpers.fakes import make_bank, make_plan

from .conftest import press

KEY = Qt.Key


def start_test(qtbot, window, nip: str = "198503122010011002") -> None:
    from .conftest import type_text

    type_text(qtbot, window, nip)
    press(qtbot, window, KEY.Key_Tab)
    type_text(qtbot, window, "Budi Santoso")
    press(qtbot, window, KEY.Key_Return)
    assert window.screen_name == "instructions", window.identity.message.text()


def tick(qtbot, window) -> None:
    with qtbot.waitSignal(window.controller.ticked, timeout=2000):
        pass


def test_a_whole_test_limit_alone_gives_no_question_countdown(open_window, qtbot,
                                                                 clock) -> None:
    window = open_window(plan=make_plan(order="bank", shuffle_options=False, time_limit=1200),
                         banks=[make_bank(20)])
    start_test(qtbot, window)
    facts = window.instructions.facts.text()
    assert "Waktu tes: <b>20 menit</b>" in facts and "setiap soal" not in facts
    assert "waktu soal habis" not in window.instructions.howto.text()
    press(qtbot, window, KEY.Key_Return)
    q = window.question
    assert not q.question_time.isVisible() and not q.bar.isVisible()
    clock.advance(120)  # far beyond the old hidden 30 s
    tick(qtbot, window)
    assert window.controller.attempt.current_index == 0
    press(qtbot, window, KEY.Key_A)
    assert q.saved.text() == "✓ Jawaban tersimpan"
    assert q.test_time.text() == "Sisa waktu tes 18:00"


def test_survey_questions_have_no_countdown_and_no_ragu_ragu(open_window, qtbot,
                                                             clock) -> None:
    window = open_window(plan=make_plan(order="bank", kind="survey", review="none"),
                         banks=[make_bank(3, type=QuestionType.POLL)])
    start_test(qtbot, window)
    assert "setiap soal" not in window.instructions.facts.text()
    assert "ragu" not in window.instructions.howto.text()
    press(qtbot, window, KEY.Key_Return)
    q = window.question
    assert not q.question_time.isVisible() and not q.bar.isVisible()
    assert not q.flag_button.isVisible()
    assert "ragu" not in q.keys.text()
    press(qtbot, window, KEY.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.attempt.record() is None  # nothing flagged, nothing stored
    clock.advance(60)
    tick(qtbot, window)
    assert window.controller.attempt.current_index == 0


def test_the_clock_stands_still_while_the_trainer_has_the_screen(open_window, qtbot, clock,
                                                                  dialog_log,
                                                                  monkeypatch) -> None:
    from quiz_app.ui import dialogs

    from .conftest import PIN

    window = open_window(plan=make_plan(order="bank", question_time_limit=30, time_limit=600),
                         kiosk=True)
    start_test(qtbot, window)
    press(qtbot, window, KEY.Key_Return)
    attempt = window.controller.attempt
    clock.advance(10)

    def slow_pin(*_args):  # the trainer takes 25 s to type the PIN
        clock.advance(25)
        return PIN

    def slow_menu(*_args):  # and 40 s more to look at the menu, then cancels it
        clock.advance(40)
        return None

    monkeypatch.setattr(dialogs, "ask_pin", slow_pin)
    monkeypatch.setattr(dialogs, "choose", slow_menu)
    press(qtbot, window, KEY.Key_T,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    tick(qtbot, window)
    assert attempt.current_index == 0  # a running clock would have timed it out
    assert attempt.question_remaining() == 20 and attempt.elapsed == 10
    # the kiosk's close prompt (cancelled) does not cost the participant time either
    monkeypatch.setattr(dialogs, "ask_pin", lambda *_a: (clock.advance(15), None)[1])
    window.close()
    assert window.isVisible() and attempt.elapsed == 10
    clock.advance(1)
    assert attempt.elapsed == 11  # and it runs again afterwards
