"""The presenter controller: owns the hall session and a redraw timer, routes the
trainer's keys, and tells the two views (audience, console) what changed.

The QTimer only triggers redraws and a ``poll()`` of the core; every deadline is read
from the clock inside :class:`~quiz_app.core.hall.game.HallGame`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ...core.clock import Clock
from ...core.errors import QuizError
from ...core.hall import (
    EntryMiss,
    HallEvent,
    HallGame,
    HallRefusal,
    HallRefused,
    HallSession,
    Phase,
    PhaseChanged,
    QuestionClosed,
    TeamKeyEntry,
    TeamSource,
    TimeUp,
)
from ...core.model import QuestionType
from .. import dialogs
from .sound import SoundPlayer

TICK_MS = 100
TICK_SOUND_FROM = 5  # seconds left: the subtle tick plays in the last five


class PresenterController(QObject):
    changed = Signal()  # phase, question, answers or settings changed: redraw all
    ticked = Signal()  # a timer tick: redraw the countdown
    message = Signal(str)  # a line for the trainer's status bar
    entry_changed = Signal(str)  # the team number being typed
    audience_toggle_requested = Signal()  # F5
    audience_hide_requested = Signal()  # Esc with nothing typed
    finished = Signal()

    def __init__(self, session: HallSession, clock: Clock, *, sound: SoundPlayer | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.clock = clock
        self.sound = sound or SoundPlayer()
        teams = session.source if isinstance(session.source, TeamSource) else None
        self.teams: TeamSource | None = teams
        self.entry = TeamKeyEntry(len(teams.participants())) if teams else None
        self._last_tick_second: int | None = None
        self._closed = False
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    # ------------------------------------------------------------------ queries

    @property
    def game(self) -> HallGame:
        return self.session.game

    @property
    def team_mode(self) -> bool:
        return self.teams is not None

    def team_name(self, participant_id: str) -> str:
        for p in self.game.participants:
            if p.id == participant_id:
                return p.name
        return participant_id

    # ------------------------------------------------------------------ the clock

    def tick(self) -> None:
        """Timer slot: learn from the core what the clock changed, then redraw."""
        events = self._guard(self.session.poll)
        if events:
            self._after(events)
        self._tick_sound()
        self.ticked.emit()

    def _tick_sound(self) -> None:
        game = self.game
        if game.phase is not Phase.RUNNING:
            self._last_tick_second = None
            return
        second = math.ceil(game.remaining())
        if 1 <= second <= TICK_SOUND_FROM and second != self._last_tick_second:
            self._last_tick_second = second
            self.sound.play("tick")

    # ------------------------------------------------------------------ actions

    def start(self) -> None:
        self._act(self.session.start)

    def toggle_pause(self) -> None:
        self._act(self.session.toggle_pause)

    def start_or_pause(self) -> None:
        if self.game.phase is Phase.READY:
            self.start()
        else:
            self.toggle_pause()

    def add_time(self) -> None:
        self._act(self.session.add_time)

    def reveal(self) -> None:
        self._act(self.session.reveal)

    def next(self) -> None:
        self._act(self.session.next)

    def skip(self) -> None:
        """Ctrl+L. An unrevealed question is voided for everyone; when teams already
        answered it, the trainer confirms first (their answers will not count)."""
        game = self.game
        if game.phase is Phase.FINISHED:
            return
        if game.skip_voids_answers and not dialogs.confirm(
            None,
            self.tr("Lewati soal"),
            self.tr("{0} tim sudah menjawab soal ini. Lewati soal? Soal ini tidak dinilai "
                    "untuk tim mana pun, juga bagi tim yang menjawab benar.").format(
                len(game.answered())),
        ):
            return
        voids, number = game.skip_voids, game.index + 1
        if self._act(self.session.skip) and voids:
            self.message.emit(self.tr("Soal {0} dilewati: tidak dinilai untuk tim mana "
                                      "pun.").format(number))

    def advance(self) -> None:
        self._act(self.session.advance)

    def end(self, *, ask: bool = True) -> None:
        if self.game.phase is Phase.FINISHED:
            return
        if ask and not dialogs.confirm(
            None,
            self.tr("Akhiri presentasi"),
            self.tr("Akhiri presentasi sekarang? Soal yang belum ditayangkan tidak dinilai: "
                    "nilai dihitung dari soal yang sudah ditayangkan, lalu peringkat akhir "
                    "ditampilkan."),
        ):
            return
        self._act(self.session.end)

    def set_show_leaderboard(self, on: bool) -> None:
        self._guard(lambda: self.session.set_show_leaderboard(on))
        self.changed.emit()

    def set_sound(self, on: bool) -> None:
        self.sound.enabled = on
        self.changed.emit()

    def close(self) -> None:
        """Stop the timer and release the store (the resume file stays)."""
        if self._closed:
            return
        self._closed = True
        self.timer.stop()
        self.session.close()

    # ------------------------------------------------------------------ answers

    def answer(self, number: int, letters: Iterable[str]) -> None:
        """Team ``number`` (1-based) holds up ``letters`` (replaces its earlier answer)."""
        if self.teams is None:
            self.message.emit(self.tr("Mode diskusi tidak mengumpulkan jawaban."))
            return
        team = self.teams.team(number)
        wanted = frozenset(letters)
        try:
            record = self.teams.key(number, wanted, self.clock())
        except HallRefused as exc:
            self._after(self._guard(self.session.poll) or [])  # e.g. the time-up it noticed
            self.message.emit(self._refusal(exc.reason, team.name))
            return
        except QuizError as exc:
            self._store_failed(exc)
            return
        if record.choice:
            shown = ", ".join(sorted(wanted))
            self.message.emit(self.tr("{0}: {1} ({2} detik)").format(
                team.name, shown, _seconds(record.time_taken)))
        else:
            self.message.emit(self.tr("Jawaban {0} dihapus.").format(team.name))
        self.changed.emit()

    def toggle_letter(self, number: int, letter: str) -> None:
        """A letter for team ``number`` from the console grid: on a multiple-answer
        question it is added or removed, otherwise it replaces the answer."""
        if self.teams is None:
            return
        letters = {letter}
        if self.game.current.question.type is QuestionType.MULTIPLE:
            old = self.game.answer(self.teams.team(number).id)
            chosen = {self.game.letter_for_key(k) for k in (old.choice if old else ())}
            letters = chosen ^ {letter}
        self.answer(number, letters)

    # ------------------------------------------------------------------ keys

    def handle_key(self, key: int, text: str, modifiers: Qt.KeyboardModifier) -> bool:
        """Route one key press from either window. Returns True when it was used."""
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        k = Qt.Key(key)
        if ctrl:
            action: Callable[[], None] | None = {
                Qt.Key.Key_L: self.skip,
                Qt.Key.Key_E: self.end,
                Qt.Key.Key_M: lambda: self.set_sound(not self.sound.enabled)
                if self.sound.available else None,
                Qt.Key.Key_P: lambda: self.set_show_leaderboard(not self.game.show_leaderboard),
            }.get(k)
            if action is not None:
                action()
                return True
            return False
        simple: dict[Qt.Key, Callable[[], None]] = {
            Qt.Key.Key_Space: self.start_or_pause,
            Qt.Key.Key_Plus: self.add_time,
            Qt.Key.Key_Equal: self.add_time,
            Qt.Key.Key_Return: self.reveal,
            Qt.Key.Key_Enter: self.reveal,
            Qt.Key.Key_PageDown: self.advance,
            Qt.Key.Key_Right: self.advance,
            Qt.Key.Key_F5: self.audience_toggle_requested.emit,
            Qt.Key.Key_Escape: self._escape,
            Qt.Key.Key_Backspace: self._backspace,
            Qt.Key.Key_Delete: self._withdraw,
        }
        if k in simple:
            simple[k]()
            return True
        if self.entry is not None and len(text) == 1:
            if text.isdigit():
                number = self.entry.digit(text)
                self.entry_changed.emit(self.entry.pending)
                if number is None:
                    self.message.emit(self.tr("Tidak ada tim bernomor {0}.").format(
                        self.entry.pending))
                return True
            if text.isalpha():
                return self._letter(text.upper())
        return False

    def _letter(self, letter: str) -> bool:
        assert self.entry is not None
        allowed = self.game.letters()
        result = self.entry.letter(letter, allowed)
        self.entry_changed.emit(self.entry.pending)
        if result is None:
            if letter in "ABCDEFGH":
                self.message.emit(self.tr("Soal ini tidak punya pilihan {0}.").format(letter))
                return True
            return False
        if isinstance(result, EntryMiss):
            if result.number is None:
                self.message.emit(self.tr("Ketik nomor tim dulu, lalu hurufnya (mis. 7B)."))
            else:
                self.message.emit(self.tr(
                    "Jawaban {0}{1} tidak disimpan: tidak ada tim nomor {0} (tim bernomor "
                    "1–{2}).").format(result.number, letter, result.team_count))
            return True
        if result.toggle:
            self.toggle_letter(result.number, letter)
        else:
            self.answer(result.number, result.letters)
        return True

    def _escape(self) -> None:
        if self.entry is not None and self.entry.pending:
            self.entry.clear()
            self.entry_changed.emit("")
        else:
            self.audience_hide_requested.emit()

    def _backspace(self) -> None:
        if self.entry is not None:
            self.entry.backspace()
            self.entry_changed.emit(self.entry.pending)

    def _withdraw(self) -> None:
        if self.entry is None or not self.entry.pending:
            return
        number = int(self.entry.pending)
        self.entry.clear()
        self.entry_changed.emit("")
        if self.teams is not None and 1 <= number <= len(self.teams.participants()):
            self.answer(number, ())

    # ------------------------------------------------------------------ internals

    def _act(self, fn: Callable[[], list[HallEvent]]) -> bool:
        """Run an action of the session; False when it was refused or failed."""
        try:
            events = fn()
        except HallRefused as exc:
            self.message.emit(self._refusal(exc.reason, ""))
            return False
        except QuizError as exc:
            self._store_failed(exc)
            return False
        self._after(events)
        return True

    def _guard(self, fn: Callable[[], object]) -> object | None:
        try:
            return fn()
        except QuizError as exc:
            self._store_failed(exc)
            return None

    def _after(self, events: object) -> None:
        if not isinstance(events, list) or not events:
            return
        if any(isinstance(ev, PhaseChanged) for ev in events):
            self.message.emit("")  # a prompt of the step before ("tekan Enter …") is stale
        for ev in events:
            if isinstance(ev, TimeUp):
                self.sound.play("time_up")
                self.message.emit(self.tr("Waktu habis."))
            elif isinstance(ev, QuestionClosed) and self.entry is not None:
                self.entry.clear()
                self.entry_changed.emit("")
        self.changed.emit()
        if self.game.phase is Phase.FINISHED:
            self.finished.emit()

    def _store_failed(self, exc: QuizError) -> None:
        self.message.emit(self.tr("Gagal menyimpan: {0}").format(exc.message))
        dialogs.show_message(
            None,
            self.tr("Gagal menyimpan"),
            self.tr("Jawaban atau keadaan presentasi tidak dapat disimpan. Periksa ruang disk "
                    "dan folder data, lalu coba lagi."),
            str(exc),
        )

    def _refusal(self, reason: HallRefusal, team: str) -> str:
        match reason:
            case HallRefusal.TIME_UP:
                if team:
                    return self.tr("Waktu habis — jawaban {0} tidak diterima.").format(team)
                return self.tr("Waktu soal ini sudah habis.")
            case HallRefusal.NOT_OPEN:
                return self.tr("Soal belum dimulai atau sudah ditutup — tekan Spasi untuk "
                               "memulai.")
            case HallRefusal.INVALID_CHOICE:
                return self.tr("Pilihan itu tidak ada pada soal ini.")
            case HallRefusal.NO_ANSWERS:
                return self.tr("Mode diskusi tidak mengumpulkan jawaban.")
            case HallRefusal.UNKNOWN_PARTICIPANT:
                return self.tr("Tim tidak dikenal.")
        return self.tr("Tombol itu tidak berlaku pada tahap ini.")


def _seconds(value: float) -> str:
    """``3,2`` — Indonesian decimal comma."""
    return f"{value:.1f}".replace(".", ",")
