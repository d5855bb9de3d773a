"""Before the questions: the identity screen (NIP, name, unit) and the instructions."""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.model import (
    Navigation,
    Participant,
    Plan,
    TestKind,
)
from ...core.people import format_nip, nip_problem, normalize_nip
from ...core.quiz import (
    AttemptQuestion,
    IdentityProblem,
    check_identity,
    roster_match,
)
from .base import (
    _ENTER,
    Screen,
    _add_centred,
    _button,
    _card,
    _label,
    _repolish,
    number_text,
)
from .session import ParticipantSession

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
        timed = [aq for aq in questions if plan.question_countdown(aq.question)]
        limits = sorted({aq.time_limit for aq in timed})
        if len(timed) < len(questions) and limits:
            facts.append(self.tr("Waktu soal: <b>{0}–{1} detik</b> pada soal yang berwaktu")
                         .format(limits[0], limits[-1]) if len(limits) > 1 else
                         self.tr("Waktu soal: <b>{0} detik</b> pada soal yang berwaktu")
                         .format(limits[0]))
        elif len(limits) == 1:
            facts.append(self.tr("Waktu setiap soal: <b>{0} detik</b>").format(limits[0]))
        elif limits:
            facts.append(self.tr("Waktu setiap soal: <b>{0}–{1} detik</b> (berbeda-beda)")
                         .format(limits[0], limits[-1]))
        if plan.kind != TestKind.SURVEY:
            facts.append(self.tr("Nilai lulus: <b>{0}</b>").format(number_text(plan.pass_mark)))
        self.facts.setText("<br>".join(facts))
        howto = [
            self.tr("Tekan huruf <b>A–H</b> atau angka <b>1–8</b> untuk memilih jawaban. "
                    "Soal Benar/Salah: <b>A</b> = Benar, <b>B</b> = Salah."),
            self.tr("Tekan <b>Enter</b> untuk lanjut ke soal berikutnya."),
        ]
        if not all(plan.survey_question(aq.question) for aq in questions):
            howto.append(self.tr("Tekan <b>Ctrl+F</b> untuk menandai soal yang masih "
                                 "ragu-ragu."))
        if plan.navigation == Navigation.FREE:
            howto.append(self.tr("Tekan <b>←</b> dan <b>→</b> untuk pindah soal."))
        else:
            howto.append(self.tr("Soal hanya bisa maju; Anda tidak dapat kembali ke soal "
                                 "sebelumnya."))
        if timed:
            howto.append(self.tr("Bila waktu soal habis, tes otomatis pindah ke soal "
                                 "berikutnya."))
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
