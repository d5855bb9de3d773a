"""The participant window: identity → instructions → questions → finish → result → review.

Kiosk mode shows it full screen; closing it (window button, Alt+F4, Esc) asks for the
trainer PIN, and Ctrl+Shift+T + PIN opens the trainer menu. Wrong PINs lock the menu
(:class:`~quiz_app.core.quiz.trainer.PinLock`, time from the injected clock).

The attempt runs on a :class:`~quiz_app.core.clock.PausableClock` over the injected clock:
while the trainer has the screen (PIN prompt, trainer menu) the participant's time stands
still.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget
from shiboken6 import isValid

from ...core.clock import Clock, PausableClock, monotonic_clock
from ...core.errors import QuizError
from ...core.model import Participant
from ...core.quiz import (
    Attempt,
    AttemptResult,
    FinishReason,
    PinLock,
    RefusalReason,
    build_attempt,
)
from ...core.results import AttemptRecord, resume_attempt
from .. import dialogs
from ..screenfit import LayoutSpacing, fit_window, keep_wrapped_text_whole, scrolling
from ..style import MAX_SCALE, MIN_SCALE, participant_style
from .base import Screen
from .controller import AttemptController
from .entry_screens import IdentityScreen, InstructionsScreen
from .pin import PinTexts, check_pin
from .question_screens import FinishScreen, QuestionScreen
from .result_screens import ResultScreen, ReviewScreen
from .session import ParticipantSession

SessionHook = Callable[[int], QWidget | None]  # session id → the window it opened

MIN_WIDTH, MIN_HEIGHT = 640, 480
COMPACT_BELOW = 700  # window heights (px) below which text and spacing tighten
COMPACT_DENSITY = 0.5


class ParticipantWindow(QWidget):
    session_closed = Signal()
    attempt_started = Signal(str)  # attempt id
    attempt_finished = Signal(object)  # AttemptResult
    screen_changed = Signal(str)  # screen name

    def __init__(self, session: ParticipantSession, clock: Clock = monotonic_clock,
                 parent: QWidget | None = None, *, tick_ms: int = 200) -> None:
        super().__init__(parent)
        self.session = session
        self.clock = clock
        self.test_clock = PausableClock(clock)  # the attempts' clock; paused for the trainer
        self.tick_ms = tick_ms
        self.pin_lock = PinLock(session.pin, clock)
        self.on_results: SessionHook | None = None  # wired by the lead to the results window
        self.on_export: SessionHook | None = None
        self.controller: AttemptController | None = None
        self.participant: Participant | None = None
        self._pending: Attempt | None = None
        self._allow_close = False
        self._store_error_shown = False
        self._stepped_back_for: QWidget | None = None  # kiosk: a trainer window in front
        self.scale = 1.0  # font scale in effect = screen-size base × the user's zoom
        self.zoom = 1.0
        self._base = 1.0
        self._density = 1.0  # layout margins and spacing, tightened on short windows
        self._spacing = LayoutSpacing()
        self.setObjectName("ParticipantWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle(self.tr("Kuis ASN — {0}").format(session.record.title))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack)
        self.identity = IdentityScreen(session, self)
        self.instructions = InstructionsScreen(self)
        self.question = QuestionScreen(self)
        self.finish = FinishScreen(self)
        self.result = ResultScreen(self)
        self.review = ReviewScreen(self)
        self._names: dict[QWidget, str] = {}
        self._pages: dict[QWidget, QWidget] = {}
        for name, screen in (("identity", self.identity), ("instructions", self.instructions),
                             ("question", self.question), ("finish", self.finish),
                             ("result", self.result), ("review", self.review)):
            # A screen that does not fit a small laptop scrolls; it is never squashed
            # (text boxes shrunk to 20 px, options drawn over each other).
            page = scrolling(screen, self.stack, f"{name}-page", by_minimum=True)
            self.stack.addWidget(page)
            self._names[page] = name
            self._pages[screen] = page

        self.identity.accepted.connect(self._identified)
        self.instructions.start.connect(self._start_attempt)
        self.question.finish_requested.connect(self._confirm_finish)
        self.finish.submit.connect(self._submit)
        self.finish.back.connect(self._back_to_questions)
        self.finish.jump.connect(self._jump_from_finish)
        self.result.review.connect(lambda: self._show(self.review))
        self.result.next_participant.connect(self.next_participant)
        self.review.back.connect(lambda: self._show(self.result))
        self.review.next_participant.connect(self.next_participant)
        self.set_zoom(1.0)
        # Small enough for a 1024×600 netbook with a task bar; the screens scroll below
        # their own minimum size.
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        fit_window(self, 1366, 768)

    # ------------------------------------------------------------------ showing

    def start(self) -> None:
        """Show the window (full screen in kiosk mode) at the identity screen."""
        self.open_window()
        self.begin_identity()

    def open_window(self) -> None:
        if self.session.kiosk:
            self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
            self.showFullScreen()
        else:
            self.show()
        self.raise_()
        self.activateWindow()

    @property
    def screen_name(self) -> str:
        return self._names.get(self.stack.currentWidget(), "")

    def current_screen(self) -> QWidget | None:
        page = self.stack.currentWidget()
        for screen, its_page in self._pages.items():
            if its_page is page:
                return screen
        return None

    def _show(self, screen: Screen) -> None:
        page = self._pages[screen]
        self._spacing.apply(screen, self._density)  # its layouts may be new since
        keep_wrapped_text_whole(page)  # its texts, too: the page scrolls, never cuts them
        self.stack.setCurrentWidget(page)
        screen.enter()
        self.screen_changed.emit(self._names[page])

    def begin_identity(self) -> None:
        self.participant = None
        self._pending = None
        self.identity.reset()
        self._show(self.identity)

    def set_zoom(self, zoom: float) -> None:
        """Ctrl+plus/minus: the participant's zoom on top of the screen-size base."""
        self.zoom = min(MAX_SCALE, max(MIN_SCALE, round(zoom, 2)))
        scale = min(MAX_SCALE, max(MIN_SCALE, round(self._base * self.zoom, 2)))
        if scale != self.scale or not self.styleSheet():
            self.scale = scale
            self.setStyleSheet(participant_style(self.scale))
            self.question.set_scale(self.scale)
            self.finish.set_scale(self.scale)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        height = event.size().height()
        # text sized for a 1366×768 laptop grows on larger screens (1080p: ×1.25) and
        # shrinks a little on a 1024×600 netbook, where the spacing tightens too
        if height >= COMPACT_BELOW:
            base = max(1.0, min(MAX_SCALE, round(height / 864, 2)))
        else:
            base = max(MIN_SCALE, round(height / COMPACT_BELOW, 2))
        if base != self._base:
            self._base = base
            self.set_zoom(self.zoom)
        density = 1.0 if height >= COMPACT_BELOW else COMPACT_DENSITY
        if density != self._density:
            self._density = density
            current = self.current_screen()
            if current is not None:
                self._spacing.apply(current, density)

    # ------------------------------------------------------------------ flow

    def _identified(self, participant: Participant) -> None:
        session = self.session
        if not session.can_start_new:
            dialogs.show_message(self, self.tr("Sesi tidak dapat menerima peserta"), self.tr(
                "Sesi ini sudah ditutup atau berkas soalnya tidak dapat dimuat. Minta pelatih "
                "memulai sesi baru."))
            return
        assert session.banks is not None
        if participant.nip and not self._retake_allowed(participant.nip):
            return
        try:
            spec = build_attempt(session.plan, session.banks, session.new_seed())
        except QuizError as exc:
            dialogs.show_message(self, self.tr("Soal tidak dapat disusun"), exc.message)
            return
        self.participant = participant
        self._pending = Attempt(spec, self.test_clock)
        self.instructions.show_for(participant, spec.questions, session.plan)
        self._show(self.instructions)

    def _retake_allowed(self, nip: str) -> bool:
        """A NIP that already finished a valid attempt in this session takes the test
        again only with the trainer's PIN (HR can void the earlier one instead)."""
        try:
            done = self.session.store.has_valid_attempt(self.session.record.id, nip)
        except QuizError as exc:
            dialogs.show_message(self, self.tr("Basis data hasil"), exc.message)
            return False
        if not done:
            return True
        if self.ask_pin(self.tr("NIP ini sudah menyelesaikan tes di sesi ini. Tes ulang hanya "
                                "dengan izin pelatih: masukkan PIN pelatih untuk mengizinkan "
                                "tes ulang.")):
            return True
        self.identity.message.setText(self.tr(
            "NIP ini sudah menyelesaikan tes di sesi ini. Tes ulang memerlukan izin pelatih."))
        return False

    def _start_attempt(self) -> None:
        if self._pending is None or self.participant is None:
            return
        attempt = self._pending
        self._pending = None
        try:
            attempt_id = self.session.store.start_attempt(
                self.session.record.id, self.participant, attempt.spec)
        except QuizError as exc:
            dialogs.show_message(self, self.tr("Tes tidak dapat dimulai"), exc.message)
            self.begin_identity()
            return
        self._run(attempt_id, attempt)

    def resume(self, record: AttemptRecord) -> None:
        """Continue a stored unfinished attempt exactly where it was last saved."""
        self.participant = record.participant
        self._run(record.id, resume_attempt(record, self.test_clock))

    def _run(self, attempt_id: str, attempt: Attempt) -> None:
        self._store_error_shown = False
        ctrl = AttemptController(self.session.store, attempt_id, attempt, self.test_clock,
                                 self, tick_ms=self.tick_ms)
        self.controller = ctrl
        ctrl.finished.connect(self._finished)
        ctrl.refused.connect(self._refused)
        ctrl.store_failed.connect(self._store_failed)
        ctrl.ticked.connect(self._tick)
        self.question.attach(ctrl)
        self._show(self.question)
        self.attempt_started.emit(attempt_id)
        ctrl.start()

    def _tick(self) -> None:
        if self.current_screen() is self.finish:
            self.finish.refresh()

    def _confirm_finish(self) -> None:
        if self.controller is None or not self.controller.running:
            return
        self.finish.show_for(self.controller)
        self._show(self.finish)

    def _back_to_questions(self) -> None:
        if self.controller is not None and self.controller.running:
            self.question.render()
            self._show(self.question)

    def _jump_from_finish(self, index: int) -> None:
        """A number on the finish screen: back to that question, if the plan allows it."""
        ctrl = self.controller
        if ctrl is None or not ctrl.running:
            return
        attempt = ctrl.attempt
        if index != attempt.current_index and not attempt.free_navigation:
            self.finish.say(self.tr("Tes ini hanya bisa maju; soal sebelumnya tidak dapat "
                                    "dibuka lagi."))
            return
        ctrl.go_to(index)
        if attempt.current_index == index:
            self._back_to_questions()

    def _submit(self) -> None:
        if self.controller is not None:
            self.controller.submit()

    def _finished(self, result: AttemptResult) -> None:
        ctrl = self.controller
        assert ctrl is not None and self.participant is not None
        order = list(dict.fromkeys(aq.question.category for aq in ctrl.attempt.questions))
        if self.session.banks:
            known = [c.id for b in self.session.banks for c in b.categories]
            order = [c for c in known if c in order] + [c for c in order if c not in known]
        self.result.show_result(self.participant, self.session.plan, result,
                                self.session.category_titles, order,
                                ctrl.finish_reason is FinishReason.TEST_TIME_UP,
                                self.session.can_start_new)
        answers = {qid: rec.choice for qid, rec in ctrl.attempt.answers.items()}
        self.review.show_review(ctrl.attempt.questions, result, answers,
                                self.session.category_titles, self.session.can_start_new)
        self._show(self.result)
        self.attempt_finished.emit(result)

    def next_participant(self) -> None:
        if self.controller is not None and self.controller.running:
            return
        self._drop_controller()
        if self.session.can_start_new:
            self.begin_identity()
        else:
            self._allow_close = True
            self.close()

    def _drop_controller(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller.deleteLater()
            self.controller = None

    def _refused(self, reason: RefusalReason) -> None:
        if reason is RefusalReason.QUESTION_TIME_UP:
            self.question.saved.setText(self.tr("Waktu soal ini sudah habis."))
        elif reason is RefusalReason.NAVIGATION:
            self.question.saved.setText(self.tr("Tes ini tidak mengizinkan kembali ke soal "
                                                "sebelumnya."))

    def _store_failed(self, message: str) -> None:
        if self._store_error_shown:
            return
        self._store_error_shown = True
        dialogs.show_message(self, self.tr("Jawaban belum tersimpan"), self.tr(
            "Jawaban tidak dapat disimpan ke basis data hasil. Panggil pelatih; jangan tutup "
            "aplikasi."), message)

    # ------------------------------------------------------------------ trainer

    def ask_pin(self, purpose: str) -> bool:
        """Ask the trainer's PIN (through the dialogs seam). True when it is right.
        The participant's clock stands still meanwhile."""
        with self.test_clock.paused():
            return self._ask_pin(purpose)

    def _ask_pin(self, purpose: str) -> bool:
        return check_pin(self, self.pin_lock, PinTexts(
            title=self.tr("PIN pelatih"), prompt=purpose,
            locked_title=self.tr("Menu pelatih terkunci"),
            locked=self.tr("PIN salah tiga kali. Coba lagi dalam {0} detik."),
            locked_now=self.tr("PIN salah tiga kali. Menu pelatih terkunci selama {0} detik."),
            wrong_title=self.tr("PIN salah"), wrong=self.tr("PIN salah. Sisa percobaan: {0}.")))

    def open_trainer_menu(self) -> None:
        """PIN, then the trainer menu; the participant's clock stands still meanwhile."""
        with self.test_clock.paused():
            self._trainer_menu()

    def _trainer_menu(self) -> None:
        if not self.ask_pin(self.tr("Masukkan PIN pelatih untuk membuka menu pelatih.")):
            return
        choice = dialogs.choose(self, self.tr("Menu pelatih"), self.tr(
            "Sesi: {0}").format(self.session.record.title), [
            ("next", self.tr("Peserta berikutnya")),
            ("results", self.tr("Hasil")),
            ("export", self.tr("Ekspor")),
            ("end", self.tr("Akhiri sesi")),
        ])
        if choice == "next":
            self._trainer_next()
        elif choice == "results":
            self._hook(self.on_results)
        elif choice == "export":
            self._hook(self.on_export)
        elif choice == "end" and dialogs.confirm(self, self.tr("Akhiri sesi?"), self.tr(
                "Sesi ini ditutup: tidak ada peserta baru yang dapat mulai, dan tes yang sedang "
                "berjalan diakhiri serta dinilai dengan jawaban yang sudah ada. Akhiri sesi "
                "sekarang?")):
            self.end_session()

    def _hook(self, hook: SessionHook | None) -> None:
        if hook is None:
            dialogs.show_message(self, self.tr("Belum tersedia"), self.tr(
                "Fitur ini belum tersedia dari layar peserta. Tutup sesi lalu buka dari "
                "jendela utama."))
            return
        opened = hook(self.session.record.id)
        if opened is not None and self.session.kiosk:
            self.step_back_for(opened)

    def step_back_for(self, other: QWidget) -> None:
        """Kiosk: bring a trainer window (results, export) in front of the always-on-top
        full screen (it is kept on top too), with the participant's clock standing still,
        until it closes; then the kiosk takes the keyboard back."""
        if self._stepped_back_for is None:
            self._stepped_back_for = other
            self.test_clock.pause()
            other.installEventFilter(self)
        if not other.windowFlags() & Qt.WindowType.WindowStaysOnTopHint:
            other.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)  # hides it
        other.show()
        other.raise_()
        other.activateWindow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._stepped_back_for and event.type() == QEvent.Type.Hide:
            QTimer.singleShot(0, self, self._take_screen_back)  # dropped if self is gone
        return super().eventFilter(watched, event)

    def _take_screen_back(self) -> None:
        other = self._stepped_back_for
        if other is None or (isValid(other) and other.isVisible()):
            return
        self._stepped_back_for = None
        if isValid(other):
            other.removeEventFilter(self)
        self.test_clock.resume()
        if not self.isVisible():
            return  # the session was ended meanwhile
        self.open_window()

    def _end_running_attempt(self) -> None:
        ctrl = self.controller
        if ctrl is not None and ctrl.running:
            ctrl.finished.disconnect(self._finished)
            ctrl.end_by_trainer()

    def _trainer_next(self) -> None:
        ctrl = self.controller
        if ctrl is not None and ctrl.running and not dialogs.confirm(
                self, self.tr("Peserta berikutnya"), self.tr(
                    "Tes peserta ini belum selesai. Akhiri sekarang dan nilai jawaban yang "
                    "sudah ada?")):
            return
        self._end_running_attempt()
        self._drop_controller()
        if self.session.can_start_new:
            self.begin_identity()

    def end_session(self) -> None:
        """End the running attempt (scored as it is), close the session and the window."""
        self._end_running_attempt()
        self._drop_controller()
        try:
            self.session.store.close_session(self.session.record.id)
        except QuizError as exc:
            dialogs.show_message(self, self.tr("Sesi tidak dapat ditutup"), exc.message)
        self._allow_close = True
        self.close()

    # ------------------------------------------------------------------ keys and closing

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ctrl = Qt.KeyboardModifier.ControlModifier
        if mods == ctrl | Qt.KeyboardModifier.ShiftModifier and key == Qt.Key.Key_T:
            self.open_trainer_menu()
            return
        if mods & ctrl and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.set_zoom(self.zoom + 0.1)
            return
        if mods & ctrl and key == Qt.Key.Key_Minus:
            self.set_zoom(self.zoom - 0.1)
            return
        if mods & ctrl and key == Qt.Key.Key_0:
            self.set_zoom(1.0)
            return
        if key == Qt.Key.Key_Escape:
            if self.session.kiosk:
                self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._allow_close:
            running = self.controller is not None and self.controller.running
            if self.session.kiosk:
                if not self.ask_pin(self.tr("Masukkan PIN pelatih untuk menutup layar peserta.")):
                    event.ignore()
                    return
            elif running and not dialogs.confirm(self, self.tr("Tutup layar peserta?"), self.tr(
                    "Tes sedang berjalan. Jawaban yang sudah diberikan tersimpan dan tes dapat "
                    "dilanjutkan saat aplikasi dibuka lagi. Tutup sekarang?")):
                event.ignore()
                return
        self._drop_controller()
        event.accept()
        self.session_closed.emit()
