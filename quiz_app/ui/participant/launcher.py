"""Opening participant sessions: new ones from the set-up, and resumes after a crash.

Used by the main window and by ``quiz-app take``. Owns the UI thread's results store.
Slow work (listing unfinished attempts with the database check, loading a session's bank
and roster) runs in a worker; the store used by the windows is opened on the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ...core.banks import BankCache
from ...core.clock import Clock, monotonic_clock
from ...core.errors import QuizError
from ...core.hall import TEAM_MARK
from ...core.quiz import PinHash, PinLock, TrainerSettings
from ...core.results import AttemptRecord, ResultsStore, remaining_time
from ...lan import DESK_MARK
from .. import dialogs
from ..worker import run_in_worker
from .base import clock_text
from .pin import PinTexts, check_pin
from .session import (
    ParticipantSession,
    ResumeFiles,
    SessionSetup,
    create_session,
    load_resume_files,
    resumed_session,
)
from .window import ParticipantWindow


@dataclass(frozen=True)
class Unfinished:
    """An attempt to offer for resume, with its session's title and trainer PIN."""

    record: AttemptRecord
    title: str
    pin: PinHash | None  # None: the session's settings are gone (no PIN to ask)


def _unfinished(data_dir: Path) -> list[Unfinished]:
    """Runs in a worker (its own connection): unfinished attempts with session titles and
    the PIN saved with each session's settings."""
    with ResultsStore.open_in(data_dir) as store:
        out = []
        pins: dict[int, PinHash | None] = {}
        for rec in store.unfinished_attempts():
            if TEAM_MARK in rec.participant.extra:
                continue  # a hall team's attempt: presenter mode resumes those itself
            if DESK_MARK in rec.participant.extra:
                continue  # taken on a phone (the phone desk): not at this laptop's keyboard
            if rec.session_id not in pins:
                settings = TrainerSettings.load(data_dir, rec.session_id)
                pins[rec.session_id] = settings.pin if settings is not None else None
            out.append(Unfinished(rec, store.session(rec.session_id).title,
                                  pins[rec.session_id]))
        return out


class Launcher(QObject):
    window_opened = Signal(object)  # ParticipantWindow
    window_closed = Signal()
    resume_checked = Signal()  # the resume offer is over (whatever was chosen)

    def __init__(self, data_dir: Path, cache: BankCache | None, clock: Clock = monotonic_clock,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.cache = cache
        self.clock = clock
        self._store: ResultsStore | None = None
        self.windows: list[ParticipantWindow] = []
        self.on_results: Callable[[int], QWidget | None] | None = None
        self.on_export: Callable[[int], QWidget | None] | None = None
        self.dialog_parent: QWidget | None = None
        self._pin_locks: dict[int, PinLock] = {}  # session id → wrong-PIN lock-out

    # ------------------------------------------------------------------ store

    def store(self) -> ResultsStore | None:
        if self._store is None:
            try:
                self._store = ResultsStore.open_in(self.data_dir)
            except QuizError as exc:
                dialogs.show_message(self.dialog_parent, self.tr("Basis data hasil"),
                                     self.tr("Basis data hasil tidak dapat dibuka."), exc.message)
                return None
        return self._store

    def close(self) -> bool:
        """Close every participant window (kiosk ones ask for the PIN) and then the store.
        False when a window stayed open."""
        for window in list(self.windows):
            window.close()
        if self.windows:
            return False
        if self._store is not None:
            self._store.close()
            self._store = None
        return True

    # ------------------------------------------------------------------ new sessions

    def start_session(self, setup: SessionSetup) -> ParticipantWindow | None:
        store = self.store()
        if store is None:
            return None
        try:
            session = create_session(store, self.data_dir, setup)
        except QuizError as exc:
            dialogs.show_message(self.dialog_parent, self.tr("Sesi tidak dapat dibuat"),
                                 exc.message)
            return None
        window = self._open(session)
        window.start()
        return window

    def _open(self, session: ParticipantSession) -> ParticipantWindow:
        window = ParticipantWindow(session, self.clock)
        # The trainer menu (behind the PIN) opens the results window over this one; export
        # is done there, with the session already selected.
        window.on_results = self.on_results or self._show_results
        window.on_export = self.on_export or self._show_results
        self.windows.append(window)
        window.session_closed.connect(lambda w=window: self._closed(w))
        self.window_opened.emit(window)
        return window

    def _show_results(self, session_id: int) -> QWidget:
        """Open the results window over the participant window of ``session_id``.

        Looked up here rather than bound into the window's hook: a window holding a
        reference to itself would outlive its deletion."""
        from ..results import open_results_window

        parent = next((w for w in self.windows if w.session.record.id == session_id),
                      self.dialog_parent)
        return open_results_window(parent, self.data_dir, session_id)

    def _closed(self, window: ParticipantWindow) -> None:
        if window in self.windows:
            self.windows.remove(window)
        window.deleteLater()
        self.window_closed.emit()

    # ------------------------------------------------------------------ resume

    def offer_resume(self) -> None:
        """Look for unfinished attempts (worker), then offer to resume one."""
        run_in_worker(lambda: _unfinished(self.data_dir), self._offer, self._check_failed,
                      owner=self)

    def _check_failed(self, exc: QuizError) -> None:
        dialogs.show_message(self.dialog_parent, self.tr("Basis data hasil"),
                             self.tr("Tes yang belum selesai tidak dapat diperiksa."),
                             exc.message)
        self.resume_checked.emit()

    def describe(self, record: AttemptRecord, session_title: str) -> str:
        left = remaining_time(record)
        time_text = (self.tr("tanpa batas waktu tes") if left is None
                     else self.tr("sisa waktu {0}").format(clock_text(left)))
        return self.tr("{0} — {1} — {2}, soal {3} dari {4}").format(
            record.participant.name, session_title, time_text, record.current_index + 1,
            len(record.spec.questions))

    def _offer(self, found: list[Unfinished]) -> None:
        if not found:
            self.resume_checked.emit()
            return
        items = [self.describe(u.record, u.title) for u in found]
        picked = dialogs.choose_item(
            self.dialog_parent, self.tr("Lanjutkan tes yang terputus?"),
            self.tr("Tes berikut belum selesai (aplikasi tertutup atau listrik padam). Pilih "
                    "satu untuk dilanjutkan tepat dari posisi terakhir yang tersimpan."),
            items, [("resume", self.tr("Lanjutkan")),
                    ("abandon", self.tr("Batalkan tes ini"))])
        if picked is None:
            self.resume_checked.emit()
            return
        action, row = picked
        record = found[row].record
        if action == "abandon":
            if self._pin_ok(found[row]) and dialogs.confirm(
                    self.dialog_parent, self.tr("Batalkan tes?"), self.tr(
                    "Tes {0} dibatalkan dan tidak ditawarkan lagi. Jawabannya tetap tersimpan "
                    "sebagai tes yang dibatalkan. Lanjutkan?").format(record.participant.name)):
                store = self.store()
                if store is not None:
                    try:
                        store.abandon_attempt(record.id)
                    except QuizError as exc:
                        dialogs.show_message(self.dialog_parent, self.tr("Basis data hasil"),
                                             exc.message)
            self.offer_resume()  # offer the others, if any
            return
        data_dir, cache = self.data_dir, self.cache
        run_in_worker(lambda: load_resume_files(data_dir, record.session_id, cache),
                      lambda files: self.resume(record, files), owner=self)

    def _pin_ok(self, item: Unfinished) -> bool:
        """Cancelling somebody's test is the trainer's decision: ask the session's PIN
        (three wrong in a row lock it for 30 s, as in the kiosk)."""
        if item.pin is None:
            return True
        sid = item.record.session_id
        lock = self._pin_locks.setdefault(sid, PinLock(item.pin, self.clock))
        locked = self.tr("PIN salah tiga kali. Coba lagi dalam {0} detik.")
        return check_pin(self.dialog_parent, lock, PinTexts(
            title=self.tr("PIN pelatih"),
            prompt=self.tr("Masukkan PIN pelatih untuk membatalkan tes {0}.").format(
                item.record.participant.name),
            locked_title=self.tr("PIN terkunci"), locked=locked, locked_now=locked,
            wrong_title=self.tr("PIN salah"), wrong=self.tr("PIN salah. Sisa percobaan: {0}.")))

    def resume(self, record: AttemptRecord, files: ResumeFiles) -> ParticipantWindow | None:
        store = self.store()
        if store is None:
            self.resume_checked.emit()
            return None
        try:
            fresh = store.attempt(record.id)  # the latest saved state
            session = resumed_session(store, self.data_dir, fresh, files)
        except QuizError as exc:
            dialogs.show_message(self.dialog_parent, self.tr("Tes tidak dapat dilanjutkan"),
                                 exc.message)
            self.resume_checked.emit()
            return None
        window = self._open(session)
        window.open_window()
        window.resume(fresh)
        self.resume_checked.emit()
        return window
