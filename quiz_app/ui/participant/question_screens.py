"""During the test: the question screen and the finish confirmation."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from ...core.model import (
    OPTION_KEYS,
    QuestionType,
)
from .base import (
    _ENTER,
    WARN_QUESTION_SECONDS,
    WARN_TEST_SECONDS,
    Screen,
    _add_centred,
    _button,
    _card,
    _label,
    _repolish,
    clock_text,
    display_options,
    key_for_event,
    reflow,
    unused_key,
)
from .controller import AttemptController
from .strip import QuestionStrip
from .widgets import FittedText, OptionButton

# ------------------------------------------------------------------------------ question


class QuestionScreen(Screen):
    """One question at a time. Keeps the keyboard focus; its buttons never take it."""

    finish_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.controller: AttemptController | None = None
        self.scale = 1.0
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 18, 40, 14)
        outer.setSpacing(10)

        top = QHBoxLayout()
        self.counter = _label("", self, "Counter", wrap=False)
        self.counter.setAccessibleName(self.tr("Nomor soal"))
        self.category = _label("", self, "Category", wrap=False)
        self.test_time = _label("", self, "TestTime", wrap=False)
        self.test_time.setAccessibleName(self.tr("Sisa waktu tes"))
        # the numbered strip sits between the counter and the test time: no extra row
        self.strip = QuestionStrip(self)
        self.strip.jump.connect(self._jump)
        top.addWidget(self.counter)
        top.addSpacing(16)
        top.addWidget(self.strip, 1)
        top.addWidget(self.category)
        top.addSpacing(16)
        top.addWidget(self.test_time)
        outer.addLayout(top)

        timer_row = QHBoxLayout()
        self.question_time = _label("", self, "QuestionTime", wrap=False)
        self.question_time.setAccessibleName(self.tr("Sisa waktu soal"))
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(self.tr("Sisa waktu soal"))
        timer_row.addWidget(self.question_time)
        timer_row.addWidget(self.bar, 1)
        outer.addLayout(timer_row)

        self.text = FittedText(self)
        outer.addWidget(self.text, 1)
        self.image = QLabel(self)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setAccessibleName(self.tr("Gambar soal"))
        self.image.hide()
        outer.addWidget(self.image)
        self.multi = _label(self.tr("Pilih SEMUA jawaban yang benar (bisa lebih dari satu)."),
                            self, "Multi")
        outer.addWidget(self.multi)
        self.options_box = QVBoxLayout()
        self.options_box.setSpacing(8)
        outer.addLayout(self.options_box)
        self.options: list[OptionButton] = []

        status = QHBoxLayout()
        self.saved = _label("", self, "Saved", wrap=False)
        self.saved.setAccessibleName(self.tr("Status penyimpanan"))
        self.flagged = _label("", self, "Flagged", wrap=False)
        # a letter or digit that chooses nothing on this question says so here
        self.key_note = _label("", self, "KeyNote")
        self.key_note.setAccessibleName(self.tr("Tombol tidak dipakai"))
        self.key_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_note.hide()
        status.addWidget(self.saved)
        status.addStretch(1)
        status.addWidget(self.key_note, 4)
        status.addStretch(1)
        status.addWidget(self.flagged)
        outer.addLayout(status)

        nav = QHBoxLayout()
        self.back_button = _button(self.tr("←  Kembali"), self, self.tr("Soal sebelumnya"),
                                   "Secondary", focus=False)
        self.flag_button = _button(self.tr("Tandai ragu-ragu  (Ctrl+F)"), self,
                                   self.tr("Tandai ragu-ragu"), "Secondary", focus=False)
        self.flag_button.setCheckable(True)
        self.skip_button = _button(self.tr("Lewati"), self, self.tr("Lewati soal ini"),
                                   "Secondary", focus=False)
        self.next_button = _button(self.tr("Lanjut  (Enter)  →"), self, self.tr("Lanjut"),
                                   focus=False)
        nav.addWidget(self.back_button)
        nav.addWidget(self.flag_button)
        nav.addStretch(1)
        nav.addWidget(self.skip_button)
        nav.addWidget(self.next_button)
        outer.addLayout(nav)
        self.keys = _label("", self, "KeyHelp")
        outer.addWidget(self.keys)

        self.back_button.clicked.connect(self._back)
        self.flag_button.clicked.connect(self._flag)
        self.skip_button.clicked.connect(self._advance)
        self.next_button.clicked.connect(self._advance)

    # -- wiring

    def attach(self, controller: AttemptController) -> None:
        self.controller = controller
        controller.shown.connect(self.render)
        controller.ticked.connect(self.update_time)
        controller.saved.connect(self._saved)
        controller.timed_out.connect(self._timed_out)

    def set_scale(self, scale: float) -> None:
        self.scale = scale
        self.strip.set_scale(scale)
        self.text.set_range(round(30 * scale), round(19 * scale))
        for button in self.options:
            button.set_pixel_size(round(20 * scale))

    # -- drawing

    def render(self, _index: int = 0) -> None:
        ctrl = self.controller
        if ctrl is None:
            return
        attempt = ctrl.attempt
        aq = attempt.current
        q = aq.question
        self.counter.setText(self.tr("Soal {0} dari {1}").format(
            attempt.current_index + 1, len(attempt)))
        self.category.setText("")
        self.text.set_text(reflow(q.text))
        if q.image is not None and q.image.is_file():
            pixmap = QPixmap(str(q.image))
            if not pixmap.isNull():
                height = max(120, int(self.height() * 0.28))
                self.image.setPixmap(pixmap.scaledToHeight(
                    min(height, pixmap.height()), Qt.TransformationMode.SmoothTransformation))
                self.image.show()
            else:
                self.image.hide()
        else:
            self.image.hide()
        self.multi.setVisible(q.type == QuestionType.MULTIPLE)
        for button in self.options:
            self.options_box.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.options = []
        for letter, key, text in display_options(aq):
            button = OptionButton(letter, text, self)
            button.set_pixel_size(round(20 * self.scale))
            button.setAccessibleName(self.tr("Pilihan {0}: {1}").format(letter, text))
            button.clicked.connect(lambda _=False, k=key: self._choose(k))
            button.setProperty("key", key)
            self.options_box.addWidget(button)
            self.options.append(button)
        free = attempt.free_navigation
        self.back_button.setVisible(free)
        self.skip_button.setVisible(free)
        self.back_button.setEnabled(attempt.can_go_back)
        if attempt.is_last:
            self.next_button.setText(self.tr("Selesai  (Enter)  →"))
        else:
            self.next_button.setText(self.tr("Lanjut  (Enter)  →"))
        flaggable = attempt.can_flag()
        self.flag_button.setVisible(flaggable)
        timed = attempt.question_timed()
        self.question_time.setVisible(timed)
        self.bar.setVisible(timed)
        self.key_note.hide()
        if q.type == QuestionType.TRUE_FALSE:
            keys = self.tr("A = Benar, B = Salah (atau 1 / 2) · Enter: lanjut")
        elif q.type == QuestionType.MULTIPLE:
            keys = self.tr("Huruf A–{0} memilih/membatalkan · Enter: lanjut"
                           ).format(OPTION_KEYS[len(aq.option_order) - 1])
        else:
            keys = self.tr("Tekan huruf A–{0} untuk menjawab · Enter: lanjut"
                           ).format(OPTION_KEYS[len(aq.option_order) - 1])
        if flaggable:
            keys += self.tr(" · Ctrl+F: ragu-ragu")
        if free:
            keys += self.tr(" · ←/→: pindah soal")
        self.keys.setText(keys)
        self._show_answer()
        self.update_time()
        self.text.fit()

    def _show_answer(self) -> None:
        ctrl = self.controller
        if ctrl is None:
            return
        record = ctrl.attempt.record()
        chosen = record.choice if record else frozenset()
        for button in self.options:
            button.setChecked(button.property("key") in chosen)
        self.strip.show_attempt(ctrl.attempt)
        flagged = bool(record and record.flagged)
        self.flag_button.setChecked(flagged)
        self.flagged.setText(self.tr("⚑ Ditandai ragu-ragu") if flagged else "")
        if record is not None and record.choice and ctrl.is_saved(record.question_id):
            self.saved.setText(self.tr("✓ Jawaban tersimpan"))
            _repolish(self.saved, "failed", False)
        elif record is not None and record.choice:
            self.saved.setText(self.tr("⚠ Jawaban BELUM tersimpan"))
            _repolish(self.saved, "failed", True)
        else:
            self.saved.setText("")

    def update_time(self) -> None:
        ctrl = self.controller
        if ctrl is None or not ctrl.running:
            return
        attempt = ctrl.attempt
        self._update_test_time()
        limit = attempt.question_limit()
        if limit is None:  # no countdown on this question: only the test clock runs
            return
        left = attempt.question_remaining()
        self.bar.setRange(0, max(1, limit * 10))
        self.bar.setValue(int(left * 10))
        seconds = max(0, math.ceil(left - 1e-9))
        warning = 0 < left <= WARN_QUESTION_SECONDS
        if left <= 0:
            text = self.tr("Waktu soal habis")
        elif warning:
            text = self.tr("Sisa {0} detik!").format(seconds)
        else:
            text = self.tr("Sisa {0} detik").format(seconds)
        self.question_time.setText(text)
        self.bar.setAccessibleDescription(text)
        _repolish(self.question_time, "warning", warning or left <= 0)
        _repolish(self.bar, "warning", warning)

    def _update_test_time(self) -> None:
        assert self.controller is not None
        remaining = self.controller.attempt.test_remaining()
        if remaining is None:
            self.test_time.setText("")
        else:
            test_warning = remaining <= WARN_TEST_SECONDS
            if test_warning:
                self.test_time.setText(self.tr("Waktu tes tinggal {0}!").format(
                    clock_text(remaining)))
            else:
                self.test_time.setText(self.tr("Sisa waktu tes {0}").format(clock_text(remaining)))
            _repolish(self.test_time, "warning", test_warning)

    # -- actions

    def _saved(self, question_id: str, _ok: bool) -> None:
        ctrl = self.controller
        if ctrl is not None and ctrl.running and ctrl.attempt.current.id == question_id:
            self._show_answer()

    def _timed_out(self, _index: int) -> None:
        self._show_answer()

    def _unused_key(self, char: str) -> None:
        """Say on screen that a key chooses nothing here, and which keys do."""
        assert self.controller is not None
        aq = self.controller.attempt.current
        if aq.question.type == QuestionType.TRUE_FALSE:
            text = self.tr("Tombol {0} tidak dipakai pada soal ini. Pilih A = Benar atau "
                           "B = Salah.").format(char)
        else:
            n = len(aq.letters)
            text = self.tr("Tombol {0} tidak dipakai pada soal ini. Pilih A–{1} atau "
                           "1–{2}.").format(char, aq.letters[-1], n)
        self.key_note.setText(text)
        self.key_note.show()

    def _choose(self, key: str) -> None:
        self.key_note.hide()
        if self.controller is not None:
            self.controller.choose(key)
            self._show_answer()

    def _flag(self) -> None:
        if self.controller is not None and self.controller.attempt.can_flag():
            self.controller.toggle_flag()
            self._show_answer()

    def _advance(self) -> None:
        if self.controller is not None and self.controller.advance():
            self.finish_requested.emit()

    def _back(self) -> None:
        if self.controller is not None:
            self.controller.back()

    def _jump(self, index: int) -> None:
        if self.controller is not None:
            self.controller.go_to(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        ctrl = self.controller
        key = event.key()
        mods = event.modifiers()
        if ctrl is None or not ctrl.running:
            super().keyPressEvent(event)
            return
        ctrl_held = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if ctrl_held and key == Qt.Key.Key_F:
            self._flag()
            return
        if ctrl_held or mods & Qt.KeyboardModifier.AltModifier:
            super().keyPressEvent(event)
            return
        if key in _ENTER:
            self._advance()
            return
        if key == Qt.Key.Key_Left and ctrl.attempt.free_navigation:
            ctrl.back()
            return
        if key == Qt.Key.Key_Right and ctrl.attempt.free_navigation:
            ctrl.forward()
            return
        option = key_for_event(ctrl.attempt.current, key)
        if option is not None:
            self._choose(option)
            return
        unused = unused_key(ctrl.attempt.current, key)
        if unused is not None:
            self._unused_key(unused)
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.text.fit()


# ------------------------------------------------------------------------------ finish

_DIGITS = {getattr(Qt.Key, f"Key_{d}"): str(d) for d in range(10)}


class FinishScreen(Screen):
    """"Kirim jawaban?": counts, which questions are unanswered or flagged (numbers and the
    strip), and a jump back to any of them by a click or by typing its number + Enter."""

    submit = Signal()
    back = Signal()
    jump = Signal(int)  # 0-based question index to go back to

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 16, 48, 12)
        outer.addStretch(1)
        title = _label(self.tr("Kirim jawaban?"), self, "ScreenTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(title)
        outer.addSpacing(8)
        card, layout = _card(self)
        layout.setSpacing(8)
        card.setMaximumWidth(900)
        self.answered = _label("", card, "Big")
        self.unanswered = _label("", card, "Big")
        self.flagged = _label("", card, "Big")
        self.strip = QuestionStrip(card, wrap=True, max_rows=3)
        self.strip.jump.connect(self.jump)
        # the legend, or (while a number is typed, or a jump is refused) what happens
        self.legend = _label(self.tr("Klik nomor soal, atau ketik nomornya lalu Enter, untuk "
                                     "kembali ke soal itu. ⚑ = ragu-ragu."), card, "Hint")
        self.goto = _label("", card, "KeyNote")
        self.goto.setAccessibleName(self.tr("Pindah ke soal"))
        self.goto.hide()
        self.time = _label("", card, "Hint")
        for widget in (self.answered, self.unanswered, self.flagged, self.strip, self.legend,
                       self.goto, self.time):
            layout.addWidget(widget)
        self._typed = ""
        row = QHBoxLayout()
        self.back_button = _button(self.tr("←  Kembali ke soal  (Backspace)"), card,
                                   self.tr("Kembali ke soal"), "Secondary", focus=False)
        self.submit_button = _button(self.tr("Kirim jawaban  (Enter)"), card,
                                     self.tr("Kirim jawaban"), focus=False)
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.submit_button)
        layout.addSpacing(8)
        layout.addLayout(row)
        _add_centred(outer, card, 4)
        outer.addStretch(2)
        self.back_button.clicked.connect(self.back)
        self.submit_button.clicked.connect(self.submit)
        self.controller: AttemptController | None = None

    def show_for(self, controller: AttemptController) -> None:
        self.controller = controller
        self._typed = ""
        self.say("")
        self.refresh()

    def set_scale(self, scale: float) -> None:
        self.strip.set_scale(scale)

    def say(self, text: str) -> None:
        """The line under the strip: the number being typed, or why a jump did not work."""
        self.goto.setText(text)
        self.goto.setVisible(bool(text))
        self.legend.setVisible(not text)

    @staticmethod
    def _numbers(indexes: list[int], most: int = 15) -> str:
        shown = ", ".join(str(i + 1) for i in indexes[:most])
        return shown + (", …" if len(indexes) > most else "")

    def refresh(self) -> None:
        if self.controller is None:
            return
        attempt = self.controller.attempt
        total = len(attempt)
        self.answered.setText(self.tr("Terjawab: {0} dari {1} soal").format(
            attempt.answered_count, total))
        answers = attempt.answers
        missing = [i for i, aq in enumerate(attempt.questions)
                   if not (aq.id in answers and answers[aq.id].choice)]
        flagged = [i for i, aq in enumerate(attempt.questions)
                   if aq.id in answers and answers[aq.id].flagged]
        if missing:
            self.unanswered.setText(self.tr("⚠ Belum dijawab: {0} soal (nomor {1})").format(
                len(missing), self._numbers(missing)))
            self.unanswered.setObjectName("BigProblem")
        else:
            self.unanswered.setText(self.tr("Semua soal sudah dijawab."))
            self.unanswered.setObjectName("BigGood")
        self.unanswered.style().unpolish(self.unanswered)
        self.unanswered.style().polish(self.unanswered)
        if flagged:
            self.flagged.setText(self.tr("⚑ Ditandai ragu-ragu: {0} soal (nomor {1})").format(
                len(flagged), self._numbers(flagged)))
        else:
            self.flagged.setText(self.tr("⚑ Ditandai ragu-ragu: 0 soal"))
        self.strip.show_attempt(attempt)
        remaining = attempt.test_remaining()
        final = self.tr("Setelah dikirim, jawaban tidak dapat diubah lagi.")
        self.time.setText(final if remaining is None else self.tr(
            "Sisa waktu tes {0} · {1}").format(clock_text(remaining), final))

    def _type_digit(self, digit: str) -> None:
        self._typed = (self._typed + digit).lstrip("0")[:4]
        if self._typed:
            self.say(self.tr("Ke soal nomor {0} — tekan Enter (Esc: batal)").format(self._typed))

    def _go_typed(self) -> None:
        number, self._typed = int(self._typed), ""
        total = len(self.controller.attempt) if self.controller is not None else 0
        if not 1 <= number <= total:
            self.say(self.tr("Soal nomor {0} tidak ada; nomor soal 1–{1}.").format(number, total))
            return
        self.say("")
        self.jump.emit(number - 1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier |
                                Qt.KeyboardModifier.AltModifier):
            super().keyPressEvent(event)
            return
        digit = _DIGITS.get(key)  # type: ignore[call-overload]
        if digit is not None:
            self._type_digit(digit)
            return
        if key in _ENTER:
            if self._typed:
                self._go_typed()
            else:
                self.submit.emit()
            return
        if self._typed and key == Qt.Key.Key_Escape:
            self._typed = ""
            self.say("")
            return
        if self._typed and key == Qt.Key.Key_Backspace:
            self._typed = self._typed[:-1]
            if self._typed:
                self._type_digit("")
            else:
                self.say("")
            return
        if key in (Qt.Key.Key_Backspace, Qt.Key.Key_Left):
            self.back.emit()
            return
        super().keyPressEvent(event)
