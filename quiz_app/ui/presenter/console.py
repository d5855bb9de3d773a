"""The trainer console: the laptop screen, never the projector.

It shows what the hall must not see yet (the correct answer, the explanation, the next
question), the timer, the controls with their keys, and the team answer grid. Every key
goes to :meth:`PresenterController.handle_key`; buttons take no focus, so Space or a
letter never "clicks" a focused button by accident.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...core.hall import Phase
from ...core.model import OPTION_KEYS
from ...core.quiz import AttemptQuestion
from .. import dialogs
from ..screenfit import keep_text_whole
from .audience import average_text, format_points
from .controller import PresenterController
from .fit import reflow

CONSOLE_STYLE = """
QWidget#TrainerConsole { background: #f1f5f9; }
QLabel#Timer { font-size: 44px; font-weight: 700; color: #0b3d91; }
QLabel#Phase { font-size: 18px; font-weight: 600; color: #374151; }
QLabel#Entry { font-size: 28px; font-weight: 700; color: #111827; background: #ffffff;
               border: 2px solid #0b3d91; border-radius: 6px; padding: 4px 10px; }
QLabel#Warning { color: #92400e; background: #fef3c7; padding: 4px 8px; border-radius: 4px; }
QLabel#Status { color: #111827; font-weight: 600; }
QLabel#Answer { color: #065f46; font-weight: 700; }
QLabel#Secret { color: #7c2d12; font-weight: 700; }
QGroupBox { font-weight: 600; border: 1px solid #cbd5e1; border-radius: 6px;
            margin-top: 14px; padding: 8px; background: #ffffff; }
QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; }
QLabel#Help { color: #374151; font-size: 13px; }
QPushButton[letter="true"] { background: #e2e8f0; color: #111827; padding: 1px 0;
                             min-width: 32px; min-height: 24px; border-radius: 4px;
                             border: 2px solid transparent; }
QPushButton[letter="true"]:checked { background: #0b3d91; color: #ffffff; }
QPushButton[letter="true"]:disabled { background: #f1f5f9; color: #94a3b8; }
QPushButton[letter="true"][mark="right"]:disabled { background: #047857; color: #ffffff; }
QPushButton[letter="true"][mark="wrong"]:disabled { background: #9f1239; color: #ffffff; }
QPushButton[letter="true"][mark="chosen"]:disabled { background: #0b3d91; color: #ffffff; }
QPushButton[letter="true"][mark="key"]:disabled { color: #065f46; border: 2px solid #047857; }
"""

# How a letter of the team grid looks once the question is closed (the console only):
# the team's letter stays, marked right or wrong; the key is outlined for the others.
MARK_RIGHT, MARK_WRONG, MARK_CHOSEN, MARK_KEY = "right", "wrong", "chosen", "key"


def _set_mark(button: QPushButton, mark: str) -> None:
    if (button.property("mark") or "") == mark:
        return
    button.setProperty("mark", mark)
    button.style().unpolish(button)  # a dynamic property needs the style sheet re-applied
    button.style().polish(button)


def _wrap_label(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if name:
        label.setObjectName(name)
    return label


class _SizedByMinimum(QHBoxLayout):
    """The console's body (questions | teams) is sized by its minimum, not by the height
    its wrapped labels would like at a width: as height-for-width, the scroll area of
    the questions counted with its full height, and on a 1024×600 screen the layout
    squeezed the controls above and below it. Its wrapped labels keep their lines
    through :func:`keep_text_whole`."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return False


class WrapRow(QWidget):
    """Buttons in one row when the console is wide enough, else in rows of ``columns``:
    at 1024×600 the six controls with their keys do not fit side by side. Its minimum
    width is that of the wrapped rows, so it never holds the window wider than that."""

    def __init__(self, buttons: list[QPushButton], columns: int = 3,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons = buttons
        self.columns = columns
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSizeConstraint(QGridLayout.SizeConstraint.SetNoConstraint)
        self.per_row = 0
        self._arrange(len(buttons))

    def _arrange(self, per_row: int) -> None:
        if per_row == self.per_row:
            return
        self.per_row = per_row
        for b in self.buttons:
            self.grid.removeWidget(b)
        for i, b in enumerate(self.buttons):
            self.grid.addWidget(b, i // per_row, i % per_row)
        for col in range(len(self.buttons)):
            self.grid.setColumnStretch(col, 1 if col < per_row else 0)
        self.updateGeometry()

    def _row_width(self, per_row: int) -> int:
        spacing = max(0, self.grid.horizontalSpacing())
        widths = [b.sizeHint().width() for b in self.buttons]
        rows = [widths[i:i + per_row] for i in range(0, len(widths), per_row)]
        # every column as wide as its widest button (a grid)
        cols = [max((r[c] for r in rows if c < len(r)), default=0) for c in range(per_row)]
        return sum(cols) + spacing * (per_row - 1)

    def _height(self, per_row: int) -> int:
        rows = -(-len(self.buttons) // per_row)
        one = max(b.sizeHint().height() for b in self.buttons)
        return rows * one + (rows - 1) * max(0, self.grid.verticalSpacing())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        per_row = self.per_row or len(self.buttons)
        return QSize(self._row_width(min(self.columns, len(self.buttons))),
                     self._height(per_row))

    def sizeHint(self) -> QSize:  # noqa: N802
        per_row = self.per_row or len(self.buttons)
        return QSize(self._row_width(len(self.buttons)), self._height(per_row))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        wide = self._row_width(len(self.buttons)) <= event.size().width()
        self._arrange(len(self.buttons) if wide else min(self.columns, len(self.buttons)))


class TeamRow:
    """One team in the answer grid: number, name, a button per letter, the time keyed."""

    def __init__(self, console: TrainerConsole, grid: QGridLayout, row: int, number: int,
                 name: str) -> None:
        self.number = number
        self.number_label = QLabel(str(number))
        self.number_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.name_label = QLabel(name)
        self.name_label.setToolTip(name)
        self.name_label.setMinimumWidth(60)
        self.name_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.time_label = QLabel("")
        self.buttons: dict[str, QPushButton] = {}
        grid.addWidget(self.number_label, row, 0)
        grid.addWidget(self.name_label, row, 1)
        for col, letter in enumerate(OPTION_KEYS):
            b = QPushButton(letter)
            b.setProperty("letter", True)
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setAccessibleName(console.tr("Tim {0} jawab {1}").format(number, letter))
            b.clicked.connect(lambda _=False, n=number, x=letter: console.on_letter_clicked(n, x))
            grid.addWidget(b, row, 2 + col)
            self.buttons[letter] = b
        grid.addWidget(self.time_label, row, 2 + len(OPTION_KEYS))


class TrainerConsole(QWidget):
    closing = Signal()  # the trainer closed the console: the presentation stops
    results_requested = Signal()  # "Lihat hasil tes" after the end

    def __init__(self, controller: PresenterController, categories: dict[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if parent is not None:
            self.setWindowFlag(Qt.WindowType.Window, True)
        self.controller = controller
        self.categories = categories or {}
        self.setObjectName("TrainerConsole")
        self.setStyleSheet(CONSOLE_STYLE)
        self.setWindowTitle(self.tr("Kuis ASN — konsol pelatih: {0}").format(
            controller.game.plan.title))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._force = False

        root = QVBoxLayout(self)
        root.setContentsMargins(16, 12, 16, 12)
        root.setSpacing(10)

        # top bar
        top = QHBoxLayout()
        self.phase_label = QLabel()
        self.phase_label.setObjectName("Phase")
        self.timer_label = QLabel()
        self.timer_label.setObjectName("Timer")
        self.screen_label = _wrap_label()
        self.audience_button = self._button(self.tr("Layar peserta (F5)"), None)
        self.swap_button = self._button(self.tr("Tukar layar"), None)
        top.addWidget(self.timer_label)
        top.addSpacing(16)
        # the phase above the screen text: side by side, the text got a 100 px column at
        # 1024×600 and six lines that pushed the rest of the console below its edge
        state = QVBoxLayout()
        state.setSpacing(2)
        state.addWidget(self.phase_label)
        state.addWidget(self.screen_label)
        top.addLayout(state, 1)
        top.addWidget(self.audience_button)
        top.addWidget(self.swap_button)
        root.addLayout(top)

        body = _SizedByMinimum()
        body.setSpacing(12)
        root.addLayout(body, 1)

        # left: current and next question, with the answer (only here); scrolls, so a long
        # question never makes the console taller than a 1280×720 laptop screen
        left_host = QWidget()
        left = QVBoxLayout(left_host)
        left.setContentsMargins(0, 0, 0, 0)
        left_scroll = QScrollArea()
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QFrame.Shape.NoFrame)
        left_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        left_scroll.setWidget(left_host)
        body.addWidget(left_scroll, 3)
        self.current_box = QGroupBox(self.tr("Soal sekarang"))
        cur = QVBoxLayout(self.current_box)
        self.current_text = _wrap_label()
        self.current_options = _wrap_label()
        self.current_answer = _wrap_label(name="Secret")
        self.current_explanation = _wrap_label()
        self.current_reference = _wrap_label()
        self.fit_warning = _wrap_label(name="Warning")
        self.fit_warning.hide()
        for w in (self.current_text, self.current_options, self.current_answer,
                  self.current_explanation, self.current_reference, self.fit_warning):
            cur.addWidget(w)
        left.addWidget(self.current_box)
        self.next_box = QGroupBox(self.tr("Soal berikutnya"))
        nxt = QVBoxLayout(self.next_box)
        self.next_text = _wrap_label()
        self.next_answer = _wrap_label(name="Secret")
        nxt.addWidget(self.next_text)
        nxt.addWidget(self.next_answer)
        left.addWidget(self.next_box)
        # after the end: the final state and the way to the results
        self.final_box = QGroupBox(self.tr("Presentasi selesai"))
        fin = QVBoxLayout(self.final_box)
        self.final_summary = _wrap_label(name="Answer")
        self.final_ranking = _wrap_label()
        self.results_button = self._button(self.tr("Lihat hasil tes…"),
                                           self.results_requested.emit)
        self.results_button.setToolTip(self.tr(
            "Buka jendela Hasil Tes pada sesi ini: jawaban setiap tim, analisis soal, ekspor."))
        fin.addWidget(self.final_summary)
        # above the ranking, which for many teams runs below the console's edge
        fin.addWidget(self.results_button, 0, Qt.AlignmentFlag.AlignLeft)
        fin.addWidget(self.final_ranking)
        left.addWidget(self.final_box)
        self.final_box.hide()
        left.addStretch(1)

        # right: team answers
        right = QVBoxLayout()
        body.addLayout(right, 2)
        self.team_box = QGroupBox(self.tr("Jawaban tim"))
        tb = QVBoxLayout(self.team_box)
        self.entry_label = QLabel()
        self.entry_label.setObjectName("Entry")
        self.entry_help = _wrap_label(self.tr(
            "Ketik nomor tim lalu hurufnya: 7 B (tanpa Enter). Huruf lagi = koreksi tim "
            "yang sama. Nomor + Delete = hapus."), name="Help")
        self.answered_label = QLabel()
        tb.addWidget(self.entry_label)
        tb.addWidget(self.entry_help)
        tb.addWidget(self.answered_label)
        self.team_rows: list[TeamRow] = []
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        for i, p in enumerate(controller.game.participants, start=1):
            self.team_rows.append(TeamRow(self, grid, i - 1, i, p.name))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setObjectName("TeamGrid")
        scroll.setProperty("scrollingList", True)  # a list: its rows scroll by design
        scroll.setWidget(grid_host)
        tb.addWidget(scroll, 1)
        self.discussion_label = _wrap_label(self.tr(
            "Mode diskusi: jawaban tidak dikumpulkan. Tampilkan soal, jalankan waktu, "
            "tampilkan jawaban, lalu bahas."))
        right.addWidget(self.team_box, 1)
        right.addWidget(self.discussion_label)
        keep_text_whole(self.entry_help, self.discussion_label)
        self.team_box.setVisible(controller.team_mode)
        self.discussion_label.setVisible(not controller.team_mode)
        if not controller.team_mode:  # a note, not a grid: the questions get the room
            body.setStretch(1, 1)

        # controls
        self.buttons = {
            "start": self._button(self.tr("Mulai / Jeda / Lanjut [Spasi]"),
                                  controller.start_or_pause),
            "add_time": self._button(self.tr("+10 detik [+]"), controller.add_time),
            "reveal": self._button(self.tr("Tampilkan jawaban [Enter]"), controller.reveal),
            "next": self._button(self.tr("Berikutnya [PgDn]"), controller.advance),
            "skip": self._button(self.tr("Lewati soal [Ctrl+L]"), controller.skip),
            "end": self._button(self.tr("Akhiri [Ctrl+E]"), controller.end),
        }
        self.controls = WrapRow(list(self.buttons.values()))
        root.addWidget(self.controls)

        options = QHBoxLayout()
        self.leaderboard_check = QCheckBox(self.tr("Peringkat di antara soal [Ctrl+P]"))
        self.leaderboard_check.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.leaderboard_check.toggled.connect(self._leaderboard_toggled)
        self.leaderboard_check.setVisible(controller.team_mode)
        self.sound_check = QCheckBox(self.tr("Suara [Ctrl+M]"))
        self.sound_check.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.sound_check.toggled.connect(self._sound_toggled)
        if controller.sound.available:
            self.sound_check.setToolTip(self.tr(
                "Bunyi lembut saat waktu habis dan detak halus pada 5 detik terakhir."))
        else:
            self.sound_check.setEnabled(False)
            self.sound_check.setToolTip(self.tr(
                "Suara tidak tersedia di komputer ini: pasang paket tambahan dengan "
                "pip install \"kuis-asn[sound]\" (QtMultimedia)."))
        options.addWidget(self.leaderboard_check)
        options.addWidget(self.sound_check)
        options.addStretch(1)
        self.status = _wrap_label(name="Status")
        options.addWidget(self.status, 3)
        root.addLayout(options)

        controller.changed.connect(self.refresh)
        controller.ticked.connect(self.on_tick)
        controller.message.connect(self.status.setText)
        controller.entry_changed.connect(self._entry_changed)
        self._entry_changed("")
        self.refresh()

    # ------------------------------------------------------------------ pieces

    def _button(self, text: str, slot) -> QPushButton:
        b = QPushButton(text)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if slot is not None:
            b.clicked.connect(lambda _=False: slot())
        return b

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if not self.controller.handle_key(event.key(), event.text(), event.modifiers()):
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self._force and self.controller.game.phase is not Phase.FINISHED and \
                not dialogs.confirm(self, self.tr("Tutup presentasi"), self.tr(
                    "Tutup presentasi sekarang? Jawaban yang sudah masuk tersimpan, dan "
                    "presentasi dapat dilanjutkan nanti dari soal ini.")):
            event.ignore()
            return
        event.accept()
        if not self._force:
            self._force = True
            self.closing.emit()

    def force_close(self) -> None:
        self._force = True
        self.close()

    def on_letter_clicked(self, number: int, letter: str) -> None:
        self.controller.toggle_letter(number, letter)
        self.refresh()  # a refused click must not stay checked

    def _leaderboard_toggled(self, on: bool) -> None:
        if on != self.controller.game.show_leaderboard:
            self.controller.set_show_leaderboard(on)

    def _sound_toggled(self, on: bool) -> None:
        if on != self.controller.sound.enabled:
            self.controller.set_sound(on)

    def _entry_changed(self, pending: str) -> None:
        if pending:
            number = int(pending)
            name = ""
            if 1 <= number <= len(self.team_rows):
                name = self.controller.game.participants[number - 1].name
            self.entry_label.setText(self.tr("Tim {0} {1} → huruf?").format(pending, name))
        else:
            self.entry_label.setText(self.tr("Nomor tim …"))

    def set_screen_text(self, text: str) -> None:
        self.screen_label.setText(text)

    # ------------------------------------------------------------------ state

    def _describe(self, aq: AttemptQuestion, index: int) -> tuple[str, str, str]:
        game = self.controller.game
        q = aq.question
        lines = []
        right = game.correct_letters(index)
        for i, key in enumerate(aq.option_order):
            letter = OPTION_KEYS[i]
            mark = "  ✔" if letter in right else ""
            lines.append(f"{letter}. {reflow(q.option(key).text)}{mark}")
        if right:
            answer = self.tr("Kunci: {0}").format(", ".join(sorted(right)))
        else:
            answer = self.tr("Jajak pendapat (tanpa kunci)")
        return reflow(q.text), "\n".join(lines), answer

    def phase_text(self, phase: Phase) -> str:
        match phase:
            case Phase.READY:
                return self.tr("Siap — soal belum dimulai")
            case Phase.RUNNING:
                return self.tr("Waktu berjalan")
            case Phase.PAUSED:
                return self.tr("Jeda")
            case Phase.TIME_UP:
                return self.tr("Waktu habis")
            case Phase.REVEALED:
                return self.tr("Jawaban ditampilkan")
            case Phase.LEADERBOARD:
                return self.tr("Peringkat sementara ditampilkan")
        return self.tr("Selesai — peringkat akhir ditampilkan")

    def refresh(self) -> None:
        c = self.controller
        game = c.game
        aq = game.current
        q = aq.question
        category = self.categories.get(q.category, q.category)
        self.phase_label.setText(self.phase_text(game.phase))
        self.current_box.setTitle(self.tr("Soal sekarang: {0} dari {1} · {2}").format(
            game.index + 1, game.total, category))
        text, options, answer = self._describe(aq, game.index)
        self.current_text.setText(text)
        self.current_options.setText(options)
        self.current_answer.setText(answer)
        self.current_explanation.setText(
            self.tr("Penjelasan: {0}").format(reflow(q.explanation)) if q.explanation else
            self.tr("Penjelasan: (tidak ada di bank soal)"))
        self.current_reference.setText(
            self.tr("Dasar hukum: {0}").format(reflow(q.reference)) if q.reference else "")
        nq = game.next_question
        if nq is None:
            self.next_text.setText(self.tr("(Ini soal terakhir.)"))
            self.next_answer.setText("")
        else:
            ntext, _nopts, nanswer = self._describe(nq, game.index + 1)
            self.next_text.setText(ntext)
            self.next_answer.setText(nanswer)

        phase = game.phase
        self.buttons["add_time"].setEnabled(phase in (Phase.READY, Phase.RUNNING, Phase.PAUSED))
        self.buttons["reveal"].setEnabled(phase in (Phase.RUNNING, Phase.PAUSED, Phase.TIME_UP))
        self.buttons["start"].setEnabled(phase in (Phase.READY, Phase.RUNNING, Phase.PAUSED))
        self.buttons["next"].setEnabled(phase is not Phase.FINISHED)
        self.buttons["skip"].setEnabled(phase is not Phase.FINISHED)
        self.buttons["end"].setEnabled(phase is not Phase.FINISHED)
        self.leaderboard_check.blockSignals(True)
        self.leaderboard_check.setChecked(game.show_leaderboard)
        self.leaderboard_check.blockSignals(False)
        self.sound_check.blockSignals(True)
        self.sound_check.setChecked(c.sound.enabled)
        self.sound_check.blockSignals(False)
        finished = phase is Phase.FINISHED
        self.current_box.setVisible(not finished)
        self.next_box.setVisible(not finished)
        self.final_box.setVisible(finished)
        if finished:
            self._refresh_final()
        self._refresh_teams()
        self.on_tick()

    def _refresh_final(self) -> None:
        c = self.controller
        game = c.game
        if not game.collects_answers:  # a discussion: nothing scored
            done = sum(1 for i in range(game.total) if game.is_closed(i))
            self.final_summary.setText(self.tr("{0} soal telah dibahas.").format(done))
            self.final_ranking.setText("")
            self.results_button.hide()
            return
        self.final_summary.setText(average_text(game) or self.tr(
            "Tidak ada soal yang dinilai."))
        scoring = game.plan.scoring
        self.final_ranking.setText("\n".join(
            self.tr("{0}. {1} — {2} poin, {3} benar").format(
                s.rank, s.participant.name, format_points(s.points, scoring), s.correct)
            for s in game.standings(previous=False)))
        self.results_button.setVisible(c.session.session_id is not None)

    def _refresh_teams(self) -> None:
        game = self.controller.game
        if not self.team_rows:
            return
        letters = game.letters()
        open_ = game.phase in (Phase.RUNNING, Phase.PAUSED)
        # once closed (time up, revealed, left), each team's letters stay, marked
        closed = game.is_closed()
        right = game.correct_letters() if game.current.question.scored else frozenset()
        scoring = game.plan.scoring
        for row, p in zip(self.team_rows, game.participants, strict=True):
            rec = game.answer(p.id)
            chosen = {game.letter_for_key(k) for k in rec.choice} if rec else set()
            for letter, b in row.buttons.items():
                b.setVisible(letter in letters)
                b.setEnabled(open_)
                b.setChecked(letter in chosen)
                mark = ""
                if closed and letter in chosen:
                    mark = (MARK_CHOSEN if not right else
                            MARK_RIGHT if letter in right else MARK_WRONG)
                elif closed and letter in right:
                    mark = MARK_KEY
                _set_mark(b, mark)
            time_text = ""
            if rec and rec.choice:
                time_text = self.tr("{0} dtk").format(f"{rec.time_taken:.1f}".replace(".", ","))
                if closed and right:
                    time_text += " ✔" if chosen == right else " ✘"
            row.time_label.setText(time_text)
        answered = len(game.answered())
        board = ""
        standings = game.standings(previous=False)
        if standings and game.is_closed(0):
            top = standings[0]
            board = self.tr(" · teratas: {0} ({1})").format(
                top.participant.name, format_points(top.points, scoring))
        self.answered_label.setText(self.tr("{0} dari {1} tim sudah menjawab{2}").format(
            answered, len(game.participants), board))

    def on_tick(self) -> None:
        game = self.controller.game
        if game.phase is Phase.FINISHED:
            self.timer_label.setText("--:--")  # no countdown once the presentation ended
            return
        remaining = game.remaining()
        whole = int(remaining + 0.999)
        self.timer_label.setText(f"{whole // 60:02d}:{whole % 60:02d}")
        if game.phase is Phase.RUNNING and game.answered() and \
                len(game.answered()) == len(game.participants):
            self.status.setText(self.tr("Semua tim sudah menjawab — tekan Enter untuk "
                                        "menampilkan jawaban."))

    def set_fit_warning(self, below_minimum: bool) -> None:
        self.fit_warning.setVisible(below_minimum)
        self.fit_warning.setText(self.tr(
            "Teks soal ini terlalu panjang: di layar peserta hurufnya lebih kecil dari ukuran "
            "minimum yang terbaca dari belakang aula. Pertimbangkan memperpendek soalnya."))
