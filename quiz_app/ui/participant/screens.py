"""The participant screens. Thin views: rules come from the core, time from the engine."""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core.model import (
    FALSE_KEY,
    OPTION_KEYS,
    TRUE_KEY,
    Navigation,
    Participant,
    Plan,
    QuestionType,
    Review,
    Scoring,
    TestKind,
)
from ...core.people import format_nip, nip_problem, normalize_nip
from ...core.quiz import (
    AttemptQuestion,
    AttemptResult,
    IdentityProblem,
    check_identity,
    roster_match,
)
from .controller import AttemptController
from .session import ParticipantSession
from .widgets import FittedText, OptionButton

WARN_QUESTION_SECONDS = 10
WARN_TEST_SECONDS = 60

_LETTER_KEYS = {getattr(Qt.Key, f"Key_{c}"): c for c in OPTION_KEYS}
_DIGIT_KEYS = {getattr(Qt.Key, f"Key_{i + 1}"): i for i in range(len(OPTION_KEYS))}
_TF_KEYS = {Qt.Key.Key_B: TRUE_KEY, Qt.Key.Key_S: FALSE_KEY}
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def display_options(aq: AttemptQuestion) -> list[tuple[str, str, str]]:
    """``(shown letter, option key, text)`` in display order. Letters are by position
    (A, B, C ... whatever the shuffle); true/false keeps B (Benar) and S (Salah)."""
    q = aq.question
    if q.type == QuestionType.TRUE_FALSE:
        return [(k, k, q.option(k).text) for k in aq.option_order]
    return [(OPTION_KEYS[i], k, q.option(k).text) for i, k in enumerate(aq.option_order)]


def key_for_event(aq: AttemptQuestion, key: int) -> str | None:
    """The option key chosen by a key press on this question, or None."""
    options = display_options(aq)
    if aq.question.type == QuestionType.TRUE_FALSE:
        if key in _TF_KEYS:
            return _TF_KEYS[key]  # type: ignore[index]
        index = _DIGIT_KEYS.get(key)  # type: ignore[call-overload]
        return options[index][1] if index is not None and index < len(options) else None
    letter = _LETTER_KEYS.get(key)  # type: ignore[call-overload]
    if letter is not None:
        index = OPTION_KEYS.index(letter)
    else:
        index = _DIGIT_KEYS.get(key)  # type: ignore[call-overload]
    if index is None or index >= len(options):
        return None
    return options[index][1]


_BREAK_AFTER = (":",)
_LIST_START = re.compile(r"^\s*(?:[-*•]|\d+[.)]|[a-hA-H][.)])\s")


def reflow(text: str) -> str:
    """Join the hard line breaks a bank's YAML block left inside a paragraph, so the text
    wraps to the screen; keep paragraph breaks, breaks after a colon, and list lines."""
    paragraphs = []
    for para in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in para.splitlines() if line.strip()]
        out = ""
        for line in lines:
            if not out:
                out = line
            elif out.endswith(_BREAK_AFTER) or _LIST_START.match(line):
                out += "\n" + line
            else:
                out += " " + line
        paragraphs.append(out)
    return "\n\n".join(paragraphs)


def clock_text(seconds: float) -> str:
    """``m:ss`` (or ``h:mm:ss``), rounded up so 0:00 means the time is really over."""
    total = max(0, math.ceil(seconds - 1e-9))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def number_text(value: float) -> str:
    """A nilai in the UI's locale: ``85``, ``85,5``, ``85,25``."""
    text = QLocale().toString(float(value), "f", 2)
    point = QLocale().decimalPoint()
    if point in text:
        text = text.rstrip("0").rstrip(point)
    return text


def _label(text: str, parent: QWidget, name: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text, parent)
    if name:
        label.setObjectName(name)
    label.setWordWrap(wrap)
    return label


def _add_centred(outer: QVBoxLayout, card: QWidget, weight: int) -> None:
    """Put ``card`` in the middle of the row, ``weight`` parts wide to one part each side."""
    centre = QHBoxLayout()
    centre.addStretch(1)
    centre.addWidget(card, weight)
    centre.addStretch(1)
    outer.addLayout(centre)


def _button(text: str, parent: QWidget, accessible: str, name: str = "",
            focus: bool = True) -> QPushButton:
    button = QPushButton(text, parent)
    button.setAccessibleName(accessible)
    if name:
        button.setObjectName(name)
    if focus:
        button.setAutoDefault(True)  # Enter clicks it when it has the focus
    else:
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


def _repolish(widget: QWidget, prop: str, value: bool) -> None:
    if widget.property(prop) == value:
        return
    widget.setProperty(prop, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class Screen(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

    def enter(self) -> None:
        """Called when the screen is shown: put the keyboard focus where it belongs."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)


def _card(parent: QWidget) -> tuple[QFrame, QVBoxLayout]:
    card = QFrame(parent)
    card.setObjectName("Card")
    layout = QVBoxLayout(card)
    layout.setContentsMargins(32, 24, 32, 24)
    layout.setSpacing(12)
    return card, layout


# ------------------------------------------------------------------------------ identity


class IdentityScreen(Screen):
    accepted = Signal(object)  # Participant

    def __init__(self, session: ParticipantSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 32, 48, 24)
        outer.addStretch(1)
        title = _label(self.tr("Selamat datang"), self, "ScreenTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        rec = session.record
        day = QDate.fromString(rec.date, "yyyy-MM-dd")
        shown_date = QLocale().toString(day, "d MMMM yyyy") if day.isValid() else rec.date
        where = " · ".join(p for p in (rec.title, rec.place, shown_date) if p)
        subtitle = _label(where, self, "SessionTitle")
        subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(title)
        outer.addWidget(subtitle)
        outer.addSpacing(16)

        card, layout = _card(self)
        card.setMaximumWidth(900)
        nip_label = _label(self.tr("NIP (18 angka)"), card)
        self.nip = QLineEdit(card)
        self.nip.setAccessibleName(self.tr("NIP"))
        self.nip.setMaxLength(40)
        self.nip.setPlaceholderText(self.tr("contoh: 198503122010011002"))
        nip_label.setBuddy(self.nip)
        self.nip_shown = _label("", card, "NipShown", wrap=False)
        self.nip_shown.setAccessibleName(self.tr("NIP yang terbaca"))
        self.nip_message = _label("", card, "Problem")
        self.nip_message.setAccessibleName(self.tr("Pesan NIP"))
        name_label = _label(self.tr("Nama lengkap"), card)
        self.name = QLineEdit(card)
        self.name.setAccessibleName(self.tr("Nama lengkap"))
        self.name.setMaxLength(120)
        name_label.setBuddy(self.name)
        self.roster_note = _label("", card, "Good")
        self.message = _label("", card, "Problem")
        self.message.setAccessibleName(self.tr("Pesan"))
        self.next_button = _button(self.tr("Lanjut  (Enter)"), card, self.tr("Lanjut"))
        if session.guests:
            guest_hint = self.tr("Peserta tamu tanpa NIP: kosongkan NIP, isi nama saja.")
        else:
            guest_hint = self.tr("Setiap peserta wajib mengisi NIP.")
        hint = _label(guest_hint, card, "Hint")
        for widget in (nip_label, self.nip, self.nip_shown, self.nip_message, hint, name_label,
                       self.name, self.roster_note, self.message):
            layout.addWidget(widget)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.next_button)
        layout.addLayout(row)
        _add_centred(outer, card, 4)
        keys = _label(self.tr("Tab: pindah ke kolom berikutnya · Enter: lanjut"), self, "KeyHelp")
        keys.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addSpacing(12)
        outer.addWidget(keys)
        outer.addStretch(2)

        self.setTabOrder(self.nip, self.name)
        self.setTabOrder(self.name, self.next_button)
        self.nip.textChanged.connect(self._nip_changed)
        self.nip.returnPressed.connect(self.submit)
        self.name.returnPressed.connect(self.submit)
        self.next_button.clicked.connect(self.submit)
        self._filled_from_roster = False

    def reset(self) -> None:
        self.nip.clear()
        self.name.clear()
        self.name.setReadOnly(False)
        self.message.clear()
        self.nip_message.clear()
        self.nip_shown.clear()
        self.roster_note.clear()
        self._filled_from_roster = False

    def enter(self) -> None:
        self.nip.setFocus(Qt.FocusReason.OtherFocusReason)

    def _nip_changed(self, text: str) -> None:
        self.message.clear()
        digits = normalize_nip(text)
        problem = None
        if digits and (len(digits) >= 18 or not digits.isdigit()):
            problem = nip_problem(text)
        if not digits:
            self.nip_shown.clear()
            self.nip_message.clear()
        elif problem:
            self.nip_shown.clear()
            self.nip_message.setText(self._nip_text(problem))
        elif len(digits) < 18:
            self.nip_shown.clear()
            self.nip_message.setText(self.tr("{0} dari 18 angka").format(len(digits)))
            self.nip_message.setObjectName("Hint")
            self.nip_message.setStyleSheet("")
        else:
            self.nip_shown.setText(format_nip(digits))
            self.nip_message.clear()
        if not problem and len(digits) != 18:
            _repolish(self.nip, "problem", False)
        else:
            _repolish(self.nip, "problem", bool(problem))
        if self.nip_message.text() and problem:
            self.nip_message.setObjectName("Problem")
        self.nip_message.style().unpolish(self.nip_message)
        self.nip_message.style().polish(self.nip_message)
        self._roster_fill(text)

    def _roster_fill(self, text: str) -> None:
        roster = self.session.roster
        match = roster_match(text, roster)
        if match is not None:
            self.name.setText(match.name)
            self.name.setReadOnly(True)
            self._filled_from_roster = True
            detail = ", ".join(p for p in (match.position, match.unit) if p)
            self.roster_note.setText(
                self.tr("Terdaftar: {0}").format(match.name + (f" — {detail}" if detail else ""))
            )
            return
        if self._filled_from_roster:
            self.name.clear()
            self.name.setReadOnly(False)
            self._filled_from_roster = False
        self.roster_note.clear()
        digits = normalize_nip(text)
        if roster is not None and len(digits) == 18 and nip_problem(text) is None:
            if self.session.guests:
                self.roster_note.setText(
                    self.tr("NIP tidak ada di daftar peserta; Anda tercatat sebagai tamu."))
            else:
                self.nip_message.setText(self.tr(
                    "NIP ini tidak ada dalam daftar peserta sesi ini. Periksa kembali, "
                    "atau hubungi panitia."))

    def _nip_text(self, problem: str) -> str:
        # the core's message is written for roster files; on screen, its first sentence
        # (what is wrong) is what a participant needs
        first = problem.split(". ")[0].rstrip(".") + "."
        return first + " " + self.tr("Periksa NIP pada kartu ASN atau SK Anda.")

    def submit(self) -> None:
        check = check_identity(self.nip.text(), self.name.text(), roster=self.session.roster,
                               guests_allowed=self.session.guests)
        if check.ok:
            assert check.participant is not None
            self.accepted.emit(check.participant)
            return
        problem = check.problem
        if problem is IdentityProblem.NAME_MISSING:
            self.message.setText(self.tr("Isi nama lengkap Anda."))
            self.name.setFocus()
        elif problem is IdentityProblem.NIP_INVALID:
            self.message.setText(self._nip_text(check.detail))
            self.nip.setFocus()
        elif problem is IdentityProblem.NOT_IN_ROSTER:
            self.message.setText(self.tr(
                "NIP ini tidak ada dalam daftar peserta sesi ini. Periksa kembali, "
                "atau hubungi panitia."))
            self.nip.setFocus()
        else:
            self.message.setText(self.tr(
                "Isi NIP Anda (18 angka). Sesi ini tidak menerima peserta tamu."))
            self.nip.setFocus()


# ------------------------------------------------------------------------------ instructions


class InstructionsScreen(Screen):
    start = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 32, 48, 24)
        outer.addStretch(1)
        self.title = _label(self.tr("Petunjuk"), self, "ScreenTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who = _label("", self, "SessionTitle")
        self.who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.title)
        outer.addWidget(self.who)
        outer.addSpacing(12)
        card, layout = _card(self)
        card.setMaximumWidth(1100)
        self.facts = _label("", card, "Big")
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.howto = _label("", card)
        self.howto.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.facts)
        layout.addSpacing(8)
        layout.addWidget(self.howto)
        self.start_button = _button(self.tr("Mulai tes  (Enter)"), card, self.tr("Mulai tes"))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.start_button)
        layout.addLayout(row)
        _add_centred(outer, card, 6)
        outer.addStretch(2)
        self.start_button.clicked.connect(self.start)

    def show_for(self, participant: Participant, questions: tuple[AttemptQuestion, ...],
                 plan: Plan) -> None:
        who = participant.name
        if participant.nip:
            who += f"  ({format_nip(participant.nip)})"
        else:
            who += "  " + self.tr("(tamu)")
        self.who.setText(who)
        facts = [self.tr("Jumlah soal: <b>{0}</b>").format(len(questions))]
        if plan.time_limit:
            facts.append(self.tr("Waktu tes: <b>{0} menit</b>").format(
                number_text(plan.time_limit / 60)))
        limits = sorted({aq.time_limit for aq in questions})
        if len(limits) == 1:
            facts.append(self.tr("Waktu setiap soal: <b>{0} detik</b>").format(limits[0]))
        elif limits:
            facts.append(self.tr("Waktu setiap soal: <b>{0}–{1} detik</b> (berbeda-beda)")
                         .format(limits[0], limits[-1]))
        if plan.kind != TestKind.SURVEY:
            facts.append(self.tr("Nilai lulus: <b>{0}</b>").format(number_text(plan.pass_mark)))
        self.facts.setText("<br>".join(facts))
        howto = [
            self.tr("Tekan huruf <b>A–H</b> atau angka <b>1–8</b> untuk memilih jawaban. "
                    "Soal Benar/Salah: tekan <b>B</b> atau <b>S</b>."),
            self.tr("Tekan <b>Enter</b> untuk lanjut ke soal berikutnya."),
            self.tr("Tekan <b>Ctrl+F</b> untuk menandai soal yang masih ragu-ragu."),
        ]
        if plan.navigation == Navigation.FREE:
            howto.append(self.tr("Tekan <b>←</b> dan <b>→</b> untuk pindah soal."))
        else:
            howto.append(self.tr("Soal hanya bisa maju; Anda tidak dapat kembali ke soal "
                                 "sebelumnya."))
        howto.append(self.tr("Bila waktu soal habis, tes otomatis pindah ke soal berikutnya."))
        howto.append(self.tr("Setiap jawaban langsung tersimpan. Bila listrik padam, "
                             "tes dapat dilanjutkan."))
        self.howto.setText("<ul style='margin-left:-20px'>"
                           + "".join(f"<li>{h}</li>" for h in howto) + "</ul>")

    def enter(self) -> None:
        self.start_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ENTER:
            self.start.emit()
            return
        super().keyPressEvent(event)


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
        top.addWidget(self.counter)
        top.addSpacing(16)
        top.addWidget(self.category, 1)
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
        status.addWidget(self.saved)
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
        if q.type == QuestionType.TRUE_FALSE:
            keys = self.tr("B = Benar, S = Salah · Enter: lanjut · Ctrl+F: ragu-ragu")
        elif q.type == QuestionType.MULTIPLE:
            keys = self.tr("Huruf A–{0} memilih/membatalkan · Enter: lanjut · Ctrl+F: ragu-ragu"
                           ).format(OPTION_KEYS[len(aq.option_order) - 1])
        else:
            keys = self.tr("Tekan huruf A–{0} untuk menjawab · Enter: lanjut · Ctrl+F: ragu-ragu"
                           ).format(OPTION_KEYS[len(aq.option_order) - 1])
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
        limit = attempt.current.time_limit
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
        remaining = attempt.test_remaining()
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

    def _choose(self, key: str) -> None:
        if self.controller is not None:
            self.controller.choose(key)
            self._show_answer()

    def _flag(self) -> None:
        if self.controller is not None:
            self.controller.toggle_flag()
            self._show_answer()

    def _advance(self) -> None:
        if self.controller is not None and self.controller.advance():
            self.finish_requested.emit()

    def _back(self) -> None:
        if self.controller is not None:
            self.controller.back()

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
        super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.text.fit()


# ------------------------------------------------------------------------------ finish


class FinishScreen(Screen):
    submit = Signal()
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 32, 48, 24)
        outer.addStretch(1)
        title = _label(self.tr("Kirim jawaban?"), self, "ScreenTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(title)
        outer.addSpacing(12)
        card, layout = _card(self)
        card.setMaximumWidth(900)
        self.answered = _label("", card, "Big")
        self.unanswered = _label("", card, "Big")
        self.flagged = _label("", card, "Big")
        self.time = _label("", card, "Hint")
        note = _label(self.tr("Setelah dikirim, jawaban tidak dapat diubah lagi."), card, "Hint")
        for widget in (self.answered, self.unanswered, self.flagged, self.time, note):
            layout.addWidget(widget)
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
        self.refresh()

    def refresh(self) -> None:
        if self.controller is None:
            return
        attempt = self.controller.attempt
        total = len(attempt)
        self.answered.setText(self.tr("Terjawab: {0} dari {1} soal").format(
            attempt.answered_count, total))
        missing = attempt.unanswered_count
        if missing:
            self.unanswered.setText(self.tr("⚠ Belum dijawab: {0} soal").format(missing))
            self.unanswered.setObjectName("BigProblem")
        else:
            self.unanswered.setText(self.tr("Semua soal sudah dijawab."))
            self.unanswered.setObjectName("BigGood")
        self.unanswered.style().unpolish(self.unanswered)
        self.unanswered.style().polish(self.unanswered)
        self.flagged.setText(self.tr("⚑ Ditandai ragu-ragu: {0} soal").format(
            attempt.flagged_count))
        remaining = attempt.test_remaining()
        self.time.setText("" if remaining is None else
                          self.tr("Sisa waktu tes {0}").format(clock_text(remaining)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ENTER and not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            self.submit.emit()
            return
        if event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Left):
            self.back.emit()
            return
        super().keyPressEvent(event)


# ------------------------------------------------------------------------------ result


class ResultScreen(Screen):
    review = Signal()
    next_participant = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 28, 48, 24)
        outer.addStretch(1)
        self.title = _label("", self, "ScreenTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who = _label("", self, "SessionTitle")
        self.who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner = _label("", self, "Banner")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.title)
        outer.addWidget(self.who)
        outer.addWidget(self.banner)
        card, layout = _card(self)
        card.setMaximumWidth(1100)
        self.card = card
        score_row = QHBoxLayout()
        self.nilai = _label("", card, "Nilai", wrap=False)
        self.nilai.setAccessibleName(self.tr("Nilai"))
        self.verdict = _label("", card, "Verdict", wrap=False)
        self.verdict.setAccessibleName(self.tr("Keterangan lulus"))
        score_row.addStretch(1)
        score_row.addWidget(self.nilai)
        score_row.addSpacing(24)
        score_row.addWidget(self.verdict, 0, Qt.AlignmentFlag.AlignVCenter)
        score_row.addStretch(1)
        layout.addLayout(score_row)
        self.summary = _label("", card, "Big")
        self.summary.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.summary)
        self.thanks = _label("", card, "Big")
        self.thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.thanks)
        self.bars_box = QGridLayout()
        self.bars_box.setHorizontalSpacing(16)
        self.bars_box.setVerticalSpacing(6)
        layout.addLayout(self.bars_box)
        self.bar_widgets: list[QWidget] = []
        row = QHBoxLayout()
        self.review_button = _button(self.tr("Lihat pembahasan"), card,
                                     self.tr("Lihat pembahasan"), "Secondary")
        self.next_button = _button(self.tr("Peserta berikutnya"), card,
                                   self.tr("Peserta berikutnya"))
        row.addStretch(1)
        row.addWidget(self.review_button)
        row.addWidget(self.next_button)
        layout.addSpacing(8)
        layout.addLayout(row)
        _add_centred(outer, card, 6)
        outer.addStretch(2)
        self.review_button.clicked.connect(self.review)
        self.next_button.clicked.connect(self.next_participant)

    def show_result(self, participant: Participant, plan: Plan, result: AttemptResult,
                    titles: dict[str, str], order: list[str], time_up: bool,
                    can_continue: bool) -> None:
        self.who.setText(participant.name)
        self.banner.setText(self.tr("Waktu tes habis — jawaban Anda dikirim otomatis.")
                            if time_up else "")
        self.banner.setVisible(time_up)
        for widget in self.bar_widgets:
            self.bars_box.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self.bar_widgets = []
        survey = plan.kind == TestKind.SURVEY or not result.graded
        show_score = not survey and plan.review != Review.NONE
        self.review_button.setVisible(plan.review == Review.ANSWERS and not survey)
        self.next_button.setText(self.tr("Peserta berikutnya") if can_continue
                                 else self.tr("Selesai"))
        for widget in (self.nilai, self.verdict, self.summary):
            widget.setVisible(show_score)
        if not show_score:
            self.title.setText(self.tr("Terima kasih"))
            self.thanks.setText(self.tr("Jawaban Anda sudah tersimpan. Terima kasih atas "
                                        "partisipasi Anda."))
            self.thanks.show()
            return
        self.thanks.hide()
        self.title.setText(self.tr("Hasil Tes"))
        self.nilai.setText(number_text(result.nilai))
        self.verdict.setText(self.tr("LULUS") if result.passed else self.tr("TIDAK LULUS"))
        _repolish(self.verdict, "failed", not result.passed)
        parts = [
            self.tr("Benar {0}").format(result.correct),
            self.tr("Salah {0}").format(result.wrong),
            self.tr("Tidak dijawab {0}").format(result.unanswered),
            self.tr("Waktu {0}").format(clock_text(result.duration)),
        ]
        text = " · ".join(parts)
        text += "\n" + self.tr("Nilai lulus {0}").format(number_text(plan.pass_mark))
        if plan.scoring == Scoring.SPEED:
            text += " · " + self.tr("Poin kecepatan {0}").format(number_text(result.raw_points))
        self.summary.setText(text)
        cats = [c for c in order if c in result.nilai_per_category]
        cats += [c for c in result.nilai_per_category if c not in cats]
        if len(cats) > 1:
            for row, cat in enumerate(cats):
                value = result.nilai_per_category[cat]
                name = titles.get(cat) or cat.replace("-", " ").title()
                label = _label(name, self.card, wrap=False)
                bar = QProgressBar(self.card)
                bar.setObjectName("CategoryBar")
                bar.setRange(0, 100)
                bar.setValue(round(value))
                bar.setTextVisible(False)
                bar.setAccessibleName(self.tr("Nilai kategori {0}").format(name))
                bar.setProperty("low", value < plan.pass_mark)
                number = _label(number_text(value), self.card, wrap=False)
                number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                number.setMinimumWidth(70)
                self.bars_box.addWidget(label, row, 0)
                self.bars_box.addWidget(bar, row, 1)
                self.bars_box.addWidget(number, row, 2)
                self.bar_widgets += [label, bar, number]
            self.bars_box.setColumnStretch(1, 1)

    def enter(self) -> None:
        target = self.review_button if self.review_button.isVisible() else self.next_button
        target.setFocus(Qt.FocusReason.OtherFocusReason)


# ------------------------------------------------------------------------------ review


class ReviewScreen(Screen):
    back = Signal()
    next_participant = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 24, 48, 18)
        title = _label(self.tr("Pembahasan"), self, "ScreenTitle")
        outer.addWidget(title)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAccessibleName(self.tr("Daftar pembahasan"))
        self.scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        outer.addWidget(self.scroll, 1)
        row = QHBoxLayout()
        self.back_button = _button(self.tr("←  Kembali ke hasil"), self,
                                   self.tr("Kembali ke hasil"), "Secondary")
        self.next_button = _button(self.tr("Peserta berikutnya"), self,
                                   self.tr("Peserta berikutnya"))
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.next_button)
        outer.addLayout(row)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next_participant)

    def show_review(self, questions: tuple[AttemptQuestion, ...], result: AttemptResult,
                    answers: dict[str, frozenset[str]], titles: dict[str, str],
                    can_continue: bool) -> None:
        self.next_button.setText(self.tr("Peserta berikutnya") if can_continue
                                 else self.tr("Selesai"))
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setSpacing(12)
        scores = {s.question_id: s for s in result.per_question}
        for number, aq in enumerate(questions, start=1):
            card, inner = _card(body)
            q = aq.question
            options = display_options(aq)
            letter_of = {key: letter for letter, key, _ in options}
            head = self.tr("Soal {0}").format(number)
            if q.category in titles:
                head += " · " + titles[q.category]
            inner.addWidget(_label(head, card, "Category"))
            inner.addWidget(_label(reflow(q.text), card, "ReviewQuestion"))
            chosen = answers.get(q.id, frozenset())
            mine = "; ".join(f"{letter_of[k]}. {q.option(k).text}"
                             for k in aq.option_order if k in chosen)
            inner.addWidget(_label(self.tr("Jawaban Anda: {0}").format(
                mine or self.tr("(tidak dijawab)")), card))
            if q.scored:
                right = "; ".join(f"{letter_of[k]}. {q.option(k).text}"
                                  for k in aq.option_order if k in q.answer)
                inner.addWidget(_label(self.tr("Jawaban benar: {0}").format(right), card))
                score = scores.get(q.id)
                if score is not None and score.correct:
                    verdict = _label(self.tr("✓ Benar"), card, "ReviewRight")
                elif score is not None and score.answered and score.fraction > 0:
                    verdict = _label(self.tr("◐ Sebagian benar"), card, "ReviewWrong")
                elif score is not None and score.answered:
                    verdict = _label(self.tr("✗ Salah"), card, "ReviewWrong")
                else:
                    verdict = _label(self.tr("✗ Tidak dijawab"), card, "ReviewWrong")
                inner.addWidget(verdict)
            if q.explanation:
                inner.addWidget(_label(self.tr("Pembahasan: {0}").format(q.explanation), card,
                                       "Hint"))
            if q.reference:
                inner.addWidget(_label(self.tr("Dasar hukum: {0}").format(q.reference), card,
                                       "Hint"))
            layout.addWidget(card)
        layout.addStretch(1)
        self.scroll.setWidget(body)

    def enter(self) -> None:
        self.scroll.setFocus(Qt.FocusReason.OtherFocusReason)
