"""Answer keys: one lettering for true/false in the hall and in the test, and a visible
word for a key that does nothing (issue 11.13)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from quiz_app.core.hall import HallGame, TeamSource
from quiz_app.core.model import FALSE_KEY, TRUE_KEY, QuestionType
from tests.helpers.fakes import FakeClock, make_bank, make_question

from .conftest import press
from .test_flow import identify

KEY = Qt.Key


def test_true_false_letters_are_the_same_as_on_the_projector(open_window, qtbot) -> None:
    bank = make_bank(questions=[make_question("t", type=QuestionType.TRUE_FALSE, answer="S")])
    window = open_window(banks=[bank])
    identify(qtbot, window)
    ctrl = window.controller
    q = window.question
    assert [(b.letter, b.text()) for b in q.options] == [("A", "Benar"), ("B", "Salah")]
    assert q.keys.text().startswith("A = Benar, B = Salah")
    hall = HallGame(ctrl.attempt.spec, TeamSource(["Meja 1"]).participants(), FakeClock())
    for letter, key in (("A", KEY.Key_A), ("B", KEY.Key_B)):
        press(qtbot, window, key)
        assert ctrl.attempt.record().choice == {hall.key_for_letter(letter)}
    assert hall.key_for_letter("A") == TRUE_KEY and hall.key_for_letter("B") == FALSE_KEY
    press(qtbot, window, KEY.Key_1)  # digits by position too: 1 = Benar
    assert ctrl.attempt.record().choice == {TRUE_KEY}


def test_a_key_that_does_nothing_says_so(open_window, qtbot) -> None:
    bank = make_bank(questions=[make_question("t", type=QuestionType.TRUE_FALSE),
                                make_question("s", n_options=4)])
    window = open_window(banks=[bank])
    identify(qtbot, window)
    ctrl = window.controller
    note = window.question.key_note
    assert not note.isVisible()
    press(qtbot, window, KEY.Key_S)
    assert note.isVisible()
    assert note.text() == "Tombol S tidak dipakai pada soal ini. Pilih A = Benar atau B = Salah."
    assert ctrl.attempt.record() is None  # nothing chosen
    press(qtbot, window, KEY.Key_A)
    assert not note.isVisible()  # a key that works clears the note
    press(qtbot, window, KEY.Key_Return)
    press(qtbot, window, KEY.Key_E)
    assert note.isVisible()
    assert note.text() == "Tombol E tidak dipakai pada soal ini. Pilih A–D atau 1–4."
    press(qtbot, window, KEY.Key_9)
    assert note.text() == "Tombol 9 tidak dipakai pada soal ini. Pilih A–D atau 1–4."
    assert ctrl.attempt.record() is None
