"""Whole attempts driven with the keyboard only, checked against the results store."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from quiz_app.core.model import QuestionType
from quiz_app.core.results import AttemptStatus
from tests.helpers.fakes import make_bank, make_plan, make_question

from .conftest import NIP, press, type_text

KEY = Qt.Key


def identify(qtbot, window, nip: str = NIP, name: str = "Budi Santoso") -> None:
    assert window.screen_name == "identity"
    type_text(qtbot, window, nip)
    press(qtbot, window, KEY.Key_Tab)
    assert window.identity.name.hasFocus() or window.focusWidget() is window.identity.name
    type_text(qtbot, window, name)
    press(qtbot, window, KEY.Key_Return)
    assert window.screen_name == "instructions", window.identity.message.text()
    press(qtbot, window, KEY.Key_Return)
    assert window.screen_name == "question"


def test_full_attempt_by_keyboard_gives_expected_nilai(open_window, qtbot, store) -> None:
    window = open_window(plan=make_plan(order="bank", shuffle_options=False, pass_mark=70))
    assert window.identity.nip.hasFocus() or window.focusWidget() is window.identity.nip
    identify(qtbot, window)
    ctrl = window.controller
    # 5 questions, answer A is right; answer A, A, B, A, 1 (=A) → 4 of 5 right
    for key in (KEY.Key_A, KEY.Key_A, KEY.Key_B, KEY.Key_A, KEY.Key_1):
        press(qtbot, window, key)
        qid = ctrl.attempt.current.id
        assert ctrl.is_saved(qid)
        assert window.question.saved.text().startswith("✓")
        press(qtbot, window, KEY.Key_Return)
    assert window.screen_name == "finish"
    assert "5 dari 5" in window.finish.answered.text()
    with qtbot.waitSignal(window.attempt_finished, timeout=2000):
        press(qtbot, window, KEY.Key_Return)
    assert window.screen_name == "result"
    assert window.result.nilai.text() == "80"
    assert window.result.verdict.text() == "LULUS"
    [rec] = store.attempts(window.session.record.id)
    assert rec.status is AttemptStatus.FINISHED
    assert rec.result is not None and rec.result.nilai == 80.0
    assert rec.participant.nip == NIP and rec.participant.name == "Budi Santoso"
    assert {q: sorted(a.choice) for q, a in rec.answers.items()} == {
        "bank-001": ["A"], "bank-002": ["A"], "bank-003": ["B"], "bank-004": ["A"],
        "bank-005": ["A"]}
    # review of own answers, then the next participant starts at the identity screen
    press(qtbot, window, KEY.Key_Return)  # focus is on "Lihat pembahasan"
    assert window.screen_name == "review"
    window.review.next_button.setFocus()
    press(qtbot, window, KEY.Key_Return)
    assert window.screen_name == "identity"
    assert window.identity.nip.text() == ""


def test_question_types_by_keyboard(open_window, qtbot, store) -> None:
    bank = make_bank(questions=[
        make_question("m", type=QuestionType.MULTIPLE, answer="AC"),
        make_question("t", type=QuestionType.TRUE_FALSE, answer="S"),
        make_question("n", n_options=8, answer="H"),
    ])
    window = open_window(banks=[bank])
    identify(qtbot, window)
    ctrl = window.controller
    for key in (KEY.Key_A, KEY.Key_B, KEY.Key_C, KEY.Key_B):  # toggles: A, C remain
        press(qtbot, window, key)
    assert ctrl.attempt.record().choice == frozenset("AC")
    assert [b.isChecked() for b in window.question.options] == [True, False, True, False]
    press(qtbot, window, KEY.Key_Return)
    press(qtbot, window, KEY.Key_A)  # A = Benar, as on the projector
    assert ctrl.attempt.record().choice == frozenset("B")
    press(qtbot, window, KEY.Key_2)  # 2 = Salah
    assert ctrl.attempt.record().choice == frozenset("S")
    press(qtbot, window, KEY.Key_Return)
    press(qtbot, window, KEY.Key_8)
    assert ctrl.attempt.record().choice == frozenset("H")
    press(qtbot, window, KEY.Key_Return)
    with qtbot.waitSignal(window.attempt_finished, timeout=2000):
        press(qtbot, window, KEY.Key_Return)
    [rec] = store.attempts(window.session.record.id)
    assert rec.result.nilai == 100.0


def test_time_up_auto_advances_and_finishes(open_window, qtbot, clock, store) -> None:
    window = open_window(plan=make_plan(order="bank", shuffle_options=False,
                                        question_time_limit=20, navigation="forward"))
    identify(qtbot, window)
    ctrl = window.controller
    assert window.question.question_time.text() == "Sisa 20 detik"
    clock.advance(12.5)
    with qtbot.waitSignal(ctrl.ticked, timeout=2000):
        pass
    assert window.question.question_time.text() == "Sisa 8 detik!"
    assert window.question.question_time.property("warning") is True
    with qtbot.waitSignal(ctrl.timed_out, timeout=2000) as blocker:
        clock.advance(8)
    assert blocker.args == [0]
    assert ctrl.attempt.current_index == 1
    assert window.question.counter.text() == "Soal 2 dari 5"
    assert window.question.question_time.property("warning") is False
    # the timed-out question is stored as unanswered with its full time
    rec = store.attempt(ctrl.attempt_id)
    assert rec.answers["bank-001"].choice == frozenset()
    assert rec.current_index == 1
    # answer the rest late: every remaining question runs out → attempt finishes
    press(qtbot, window, KEY.Key_A)
    for index in range(2, 5):
        with qtbot.waitSignal(ctrl.shown, timeout=2000) as shown:
            clock.advance(21)
        assert shown.args == [index]
    with qtbot.waitSignal(window.attempt_finished, timeout=2000):
        clock.advance(21)
    assert window.screen_name == "result"
    assert window.result.nilai.text() == "20"
    assert store.attempt(ctrl.attempt_id).status is AttemptStatus.FINISHED


def test_test_time_up_shows_banner(open_window, qtbot, clock, store) -> None:
    window = open_window(plan=make_plan(order="bank", shuffle_options=False, time_limit=60))
    identify(qtbot, window)
    press(qtbot, window, KEY.Key_A)
    clock.advance(15)
    with qtbot.waitSignal(window.controller.ticked, timeout=2000):
        pass
    assert window.question.test_time.text() == "Waktu tes tinggal 0:45!"
    with qtbot.waitSignal(window.attempt_finished, timeout=2000):
        clock.advance(50)
    assert window.screen_name == "result"
    assert window.result.banner.isVisible()
    assert store.attempt(window.controller.attempt_id).result.duration == 60.0


def test_back_skip_flag_and_finish_counts(open_window, qtbot, store) -> None:
    window = open_window()
    identify(qtbot, window)
    ctrl = window.controller
    press(qtbot, window, KEY.Key_A)
    press(qtbot, window, KEY.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert ctrl.attempt.record().flagged
    assert "ragu" in window.question.flagged.text()
    press(qtbot, window, KEY.Key_Right)
    assert ctrl.attempt.current_index == 1
    press(qtbot, window, KEY.Key_Left)
    assert ctrl.attempt.current_index == 0
    assert window.question.flag_button.isChecked()
    press(qtbot, window, KEY.Key_Return)
    press(qtbot, window, KEY.Key_Return)  # skip question 2 unanswered
    assert ctrl.attempt.current_index == 2
    window.question.skip_button.click()  # the mouse way
    assert ctrl.attempt.current_index == 3
    press(qtbot, window, KEY.Key_C)
    press(qtbot, window, KEY.Key_Return)
    press(qtbot, window, KEY.Key_Return)  # last question → finish confirmation
    assert window.screen_name == "finish"
    assert "2 dari 5" in window.finish.answered.text()
    assert "3 soal" in window.finish.unanswered.text()
    assert "1 soal" in window.finish.flagged.text()
    press(qtbot, window, KEY.Key_Backspace)
    assert window.screen_name == "question" and ctrl.attempt.current_index == 4
    press(qtbot, window, KEY.Key_Return)
    with qtbot.waitSignal(window.attempt_finished, timeout=2000):
        press(qtbot, window, KEY.Key_Return)
    rec = store.attempt(ctrl.attempt_id)
    assert rec.answers["bank-001"].flagged
    assert rec.result.nilai == 20.0


def test_forward_navigation_refuses_back(open_window, qtbot) -> None:
    window = open_window(plan=make_plan(order="bank", shuffle_options=False,
                                        navigation="forward"))
    identify(qtbot, window)
    assert not window.question.back_button.isVisible()
    press(qtbot, window, KEY.Key_Return)
    press(qtbot, window, KEY.Key_Left)
    assert window.controller.attempt.current_index == 1


def test_survey_shows_thanks_only(open_window, qtbot) -> None:
    bank = make_bank(3, type=QuestionType.POLL)
    window = open_window(plan=make_plan(order="bank", kind="survey", review="none"),
                         banks=[bank])
    identify(qtbot, window)
    for _ in range(3):
        press(qtbot, window, KEY.Key_B)
        press(qtbot, window, KEY.Key_Return)
    with qtbot.waitSignal(window.attempt_finished, timeout=2000):
        press(qtbot, window, KEY.Key_Return)
    assert window.result.title.text() == "Terima kasih"
    assert not window.result.nilai.isVisible()
    assert not window.result.review_button.isVisible()


def test_category_bars_on_result(open_window, qtbot) -> None:
    bank = make_bank(4, categories=("akuntabel", "loyal"))
    window = open_window(plan=make_plan(order="bank", shuffle_options=False, review="score"),
                         banks=[bank])
    identify(qtbot, window)
    for key in (KEY.Key_A, KEY.Key_A, KEY.Key_B, KEY.Key_A):
        press(qtbot, window, key)
        press(qtbot, window, KEY.Key_Return)
    with qtbot.waitSignal(window.attempt_finished, timeout=2000):
        press(qtbot, window, KEY.Key_Return)
    bars = {b.accessibleName(): b.value() for b in window.result.bar_widgets
            if b.metaObject().className() == "QProgressBar"}
    assert bars == {"Nilai kategori Kategori akuntabel": 50, "Nilai kategori Kategori loyal": 100}
    assert not window.result.review_button.isVisible()  # review: score → result only


def test_checkpoint_at_least_every_5_seconds(open_window, qtbot, clock, store) -> None:
    window = open_window(plan=make_plan(order="bank", question_time_limit=60, time_limit=600))
    identify(qtbot, window)
    ctrl = window.controller
    clock.advance(4.9)
    with qtbot.waitSignal(ctrl.ticked, timeout=2000):
        pass
    assert store.attempt(ctrl.attempt_id).elapsed == 0.0
    clock.advance(0.1)
    with qtbot.waitSignal(ctrl.ticked, timeout=2000):
        pass
    assert store.attempt(ctrl.attempt_id).elapsed == 5.0
    clock.advance(1.5)
    press(qtbot, window, KEY.Key_C)  # every answer checkpoints too
    rec = store.attempt(ctrl.attempt_id)
    assert rec.elapsed == 6.5 and rec.question_time_used["bank-001"] == 6.5
    assert rec.answers["bank-001"].time_taken == 6.5
    # each write is one short transaction (measured; generous bound for slow CI disks)
    assert ctrl.write_seconds and max(ctrl.write_seconds) < 0.5


def test_store_failure_is_reported_not_shown_as_saved(open_window, qtbot, store,
                                                      dialog_log) -> None:
    window = open_window()
    identify(qtbot, window)
    store.abandon_attempt(window.controller.attempt_id)  # the store now refuses writes
    press(qtbot, window, KEY.Key_A)
    assert window.question.saved.text() == "⚠ Jawaban BELUM tersimpan"
    assert dialog_log.messages[0][0] == "Jawaban belum tersimpan"


def test_long_scenario_fits_at_1366x768_without_scrolling(open_window, qtbot) -> None:
    scenario = " ".join(["Seorang ASN diminta tim sukses salah satu pasangan calon untuk "
                         "membagikan unggahan kampanye di grup percakapan kantornya."] * 6)
    options = [(k, f"Pilihan {k}: tanggapan yang cukup panjang untuk diuji pembungkusan "
                   "barisnya di layar laptop") for k in "ABCD"]
    bank = make_bank(questions=[make_question("panjang", text=scenario, options=options)])
    window = open_window(banks=[bank])
    window.resize(1366, 768)
    identify(qtbot, window)
    qtbot.waitUntil(lambda: window.question.options[-1].geometry().top() > 300)
    text = window.question.text
    assert window.size().height() == 768
    assert not text.scrolls
    assert 19 <= text.pixel_size < 30  # shrunk, but not below the readable minimum
    bottom = window.question.options[-1].geometry().bottom()
    assert bottom < window.question.keys.geometry().top()  # nothing overlaps


def test_partial_credit_reads_sebagian_benar(open_window, qtbot) -> None:
    bank = make_bank(questions=[make_question("m", type=QuestionType.MULTIPLE, answer="AC"),
                                make_question("s")])
    window = open_window(banks=[bank])
    identify(qtbot, window)
    press(qtbot, window, KEY.Key_A)  # A of A+C: half right
    press(qtbot, window, KEY.Key_Return)
    press(qtbot, window, KEY.Key_B)  # wrong
    press(qtbot, window, KEY.Key_Return)
    with qtbot.waitSignal(window.attempt_finished, timeout=2000):
        press(qtbot, window, KEY.Key_Return)
    assert window.result.nilai.text() == "25"
    assert window.result.summary.text().startswith(
        "Benar 0 · Sebagian benar 1 · Salah 1 · Tidak dijawab 0")
    verdicts = [label.text() for label in window.review.findChildren(QLabel)
                if label.objectName() in ("ReviewRight", "ReviewWrong", "ReviewPartial")]
    assert verdicts == ["◐ Sebagian benar", "✗ Salah"]
