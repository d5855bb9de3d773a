"""Trainer set-up for participant mode: what to run, the session details, roster, PIN."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ..core.banks import BankCache
from ..core.errors import QuizError
from ..core.model import Bank, Plan, TestKind
from ..core.people import Roster, load_roster
from ..core.quiz import build_attempt, valid_pin
from ..core.results import ResultsStore, SessionRecord
from . import dialogs
from .banklist import BankEntry
from .participant.loader import load_isolated
from .participant.session import SessionSetup
from .screenfit import fit_window, scrolling
from .settings import recall_setup, remember_setup
from .worker import run_in_worker


@dataclass(frozen=True)
class Loaded:
    path: Path
    plan: Plan
    banks: tuple[Bank, ...]


def _load(path: Path, cache: BankCache | None) -> Loaded:
    """Runs in a worker thread; the parsing itself runs in a child process (see loader)."""
    plan, banks = load_isolated(path, cache)
    return Loaded(path, plan, banks)


def _load_open_sessions(data_dir: Path) -> list[SessionRecord]:
    """Runs in a worker thread: the open sessions (newest first) a new group of participants
    can join, e.g. the trainer's session joined from its .kuis-sesi file."""
    with ResultsStore.open_in(data_dir) as store:
        return [s for s in store.sessions() if s.status == "open"]


def _load_pretests(data_dir: Path) -> list[SessionRecord]:
    """Runs in a worker thread: the pre-test sessions of the results store, newest first."""
    with ResultsStore.open_in(data_dir) as store:
        return [s for s in store.sessions() if s.kind is TestKind.PRETEST]


class SetupDialog(QDialog):
    """Collects a :class:`SessionSetup`. Files load in a worker; the dialog never blocks."""

    source_loaded = Signal(bool)  # True when the chosen bank/plan is valid
    roster_loaded = Signal(bool)
    pretests_loaded = Signal(bool)  # False when the results store could not be read
    sessions_loaded = Signal(bool)  # the open sessions to continue are listed

    def __init__(self, entries: list[BankEntry], cache: BankCache | None,
                 parent: QWidget | None = None, data_dir: Path | None = None) -> None:
        super().__init__(parent)
        self.cache = cache
        self.data_dir = data_dir
        self.setWindowTitle(self.tr("Mulai Tes Peserta"))
        self.setObjectName("SetupDialog")
        self.loaded: Loaded | None = None
        self.roster: Roster | None = None
        self.roster_path: Path | None = None
        self._source_token = 0
        self._roster_token = 0
        self._auto_title = ""
        # The pre-test link follows the chosen plan until the trainer picks one by hand.
        self._pretest_auto = True
        self._pretest_wanted: int | None = None  # asked for before the list has loaded
        self._pretest_count: int | None = None  # pre-tests listed; None: not (yet) read
        self.result_setup: SessionSetup | None = None
        self._sessions: dict[int, SessionRecord] = {}
        self._session_wanted: int | None = None  # asked for before the list has loaded

        outer = QVBoxLayout(self)
        # The form scrolls on a small screen; the message and the buttons stay in view.
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)

        source_box = QGroupBox(self.tr("1. Soal yang dikerjakan"), self)
        source_layout = QVBoxLayout(source_box)
        self.list = QListWidget(source_box)
        self.list.setAccessibleName(self.tr("Bank soal dan rencana bawaan"))
        for entry in entries:
            if not entry.ok:
                continue
            kind = self.tr("Rencana") if entry.kind == "plan" else self.tr("Bank soal")
            item = QListWidgetItem(self.tr("{0} — {1}, {2} soal").format(
                entry.title, kind, entry.questions))
            item.setData(Qt.ItemDataRole.UserRole, str(entry.path))
            self.list.addItem(item)
        self.list.setMinimumHeight(120)
        row = QVBoxLayout()
        self.file_button = QPushButton(self.tr("Pilih berkas bank/rencana…"), source_box)
        self.file_button.setAccessibleName(self.tr("Pilih berkas bank atau rencana"))
        self.source_status = QLabel(self.tr("Pilih salah satu dari daftar, atau pilih berkas."),
                                    source_box)
        self.source_status.setWordWrap(True)
        self.source_status.setAccessibleName(self.tr("Status soal"))
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_button)
        file_row.addStretch(1)
        row.addLayout(file_row)
        row.addWidget(self.source_status)
        source_layout.addWidget(self.list, 1)
        source_layout.addLayout(row)

        details = QGroupBox(self.tr("2. Data sesi"), self)
        form = QFormLayout(details)
        self.session = QComboBox(details)
        self.session.setAccessibleName(self.tr("Sesi"))
        self.session.setToolTip(self.tr(
            "Sesi baru, atau sesi yang sudah ada: pilih sesi pelatih yang diikuti laptop ini "
            "dari berkas .kuis-sesi, agar hasilnya dapat digabung ke laptop pelatih."))
        self.session.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.session.setMinimumContentsLength(16)
        self.session.addItem(self.tr("(sesi baru)"), None)
        form.addRow(self.tr("Sesi"), self.session)
        self.title = QLineEdit(details)
        self.title.setAccessibleName(self.tr("Judul sesi"))
        self.place = QLineEdit(details)
        self.place.setAccessibleName(self.tr("Tempat"))
        self.date = QDateEdit(QDate.currentDate(), details)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.date.setAccessibleName(self.tr("Tanggal"))
        for inner in self.date.findChildren(QLineEdit):
            inner.setAccessibleName(self.tr("Tanggal"))
        self.trainer = QLineEdit(details)
        self.trainer.setAccessibleName(self.tr("Nama pelatih"))
        form.addRow(self.tr("Judul sesi"), self.title)
        form.addRow(self.tr("Tempat"), self.place)
        form.addRow(self.tr("Tanggal"), self.date)
        form.addRow(self.tr("Nama pelatih"), self.trainer)
        self.pretest = QComboBox(details)
        self.pretest.setAccessibleName(self.tr("Pretest terkait"))
        self.pretest.setToolTip(self.tr("Sesi pretest yang dibandingkan dengan sesi ini pada "
                                        "ekspor hasil (Nilai Pretest, Nilai Posttest, N-Gain)."))
        self.pretest.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.pretest.setMinimumContentsLength(16)
        self.pretest.addItem(self.tr("(tidak ada)"), None)
        self.pretest_status = QLabel("", details)
        self.pretest_status.setWordWrap(True)
        self.pretest_status.setAccessibleName(self.tr("Status pretest terkait"))
        self.pretest_status.setVisible(data_dir is not None)
        form.addRow(self.tr("Pretest terkait"), self.pretest)
        form.addRow("", self.pretest_status)
        top = QHBoxLayout()
        top.addWidget(source_box, 3)
        top.addWidget(details, 2)
        layout.addLayout(top, 1)

        people = QGroupBox(self.tr("3. Peserta"), self)
        people_layout = QVBoxLayout(people)
        roster_row = QHBoxLayout()
        self.roster_button = QPushButton(self.tr("Pilih daftar peserta (CSV/XLSX)…"), people)
        self.roster_button.setAccessibleName(self.tr("Pilih daftar peserta"))
        self.roster_clear = QPushButton(self.tr("Tanpa daftar"), people)
        self.roster_clear.setAccessibleName(self.tr("Tanpa daftar peserta"))
        self.roster_status = QLabel(self.tr("Tanpa daftar peserta: setiap NIP yang valid "
                                            "diterima."), people)
        self.roster_status.setWordWrap(True)
        self.roster_status.setAccessibleName(self.tr("Status daftar peserta"))
        roster_row.addWidget(self.roster_button)
        roster_row.addWidget(self.roster_clear)
        roster_row.addStretch(1)
        self.guests = QCheckBox(self.tr("Izinkan peserta tamu (tanpa NIP atau tidak ada di "
                                        "daftar)"), people)
        self.guests.setAccessibleName(self.tr("Izinkan peserta tamu"))
        people_layout.addLayout(roster_row)
        people_layout.addWidget(self.roster_status)
        people_layout.addWidget(self.guests)
        # next to Start, always in view: it changes what Start opens (the phone desk)
        self.phones = QCheckBox(self.tr("Lewat HP (hadir, ikrar, tes)"), self)
        self.phones.setToolTip(self.tr("Peserta memakai HP masing-masing lewat Wi-Fi aula "
                                       "untuk daftar hadir, ikrar dan tes."))
        self.phones.setAccessibleName(self.tr("Lewat HP"))

        safety = QGroupBox(self.tr("4. Pengamanan"), self)
        safety_form = QFormLayout(safety)
        self.pin = QLineEdit(safety)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setValidator(QRegularExpressionValidator(r"\d{0,8}", self.pin))
        self.pin.setAccessibleName(self.tr("PIN pelatih"))
        self.pin.setPlaceholderText(self.tr("4–8 angka, wajib"))
        self.kiosk = QCheckBox(self.tr("Mode kios: layar penuh, keluar hanya dengan PIN"), safety)
        self.kiosk.setAccessibleName(self.tr("Mode kios"))
        safety_form.addRow(self.tr("PIN pelatih"), self.pin)
        safety_form.addRow("", self.kiosk)
        bottom = QHBoxLayout()
        bottom.addWidget(people, 3)
        bottom.addWidget(safety, 2)
        layout.addLayout(bottom)
        self.form_area = scrolling(body, self, "SetupForm")
        outer.addWidget(self.form_area, 1)

        self.message = QLabel("", self)
        self.message.setObjectName("Problem")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Pesan"))
        self.message.setVisible(False)  # takes no room until there is something to say
        outer.addWidget(self.message)
        buttons = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("Batal"), self)
        self.cancel_button.setAccessibleName(self.tr("Batal"))
        self.start_button = QPushButton(self.tr("Mulai"), self)
        self.start_button.setObjectName("BigStart")
        self.start_button.setAccessibleName(self.tr("Mulai tes peserta"))
        self.start_button.setDefault(True)
        buttons.addWidget(self.phones)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.start_button)
        outer.addLayout(buttons)

        self.list.currentItemChanged.connect(self._picked)
        self.file_button.clicked.connect(self._pick_file)
        self.roster_button.clicked.connect(self._pick_roster)
        self.roster_clear.clicked.connect(self._clear_roster)
        self.cancel_button.clicked.connect(self.reject)
        self.start_button.clicked.connect(self.try_start)
        self.pretest.activated.connect(self._pretest_picked)
        self.pretest.currentIndexChanged.connect(self._show_pretest_status)
        self.session.currentIndexChanged.connect(self._session_changed)
        self.phones.toggled.connect(self._phones_toggled)
        fit_window(self, 1180, 640, parent)
        self._recall()
        if data_dir is not None:
            self.load_pretests(data_dir)
            run_in_worker(lambda: _load_open_sessions(data_dir), self._sessions_done,
                          lambda _exc: None)

    def _recall(self) -> None:
        """Fill in what the trainer used last time (place, name, guests, kiosk)."""
        saved = recall_setup()
        self.place.setText(str(saved.get("place", "")))
        self.trainer.setText(str(saved.get("trainer", "")))
        self.guests.setChecked(bool(saved.get("guests", False)))
        self.kiosk.setChecked(bool(saved.get("kiosk", False)))

    def _phones_toggled(self, on: bool) -> None:
        """On phones there is no kiosk and no trainer PIN on a shared screen."""
        self.kiosk.setEnabled(not on)
        self.pin.setEnabled(not on)
        if on:
            self.kiosk.setChecked(False)

    # ------------------------------------------------------------------ source

    def _picked(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.choose_source(Path(item.data(Qt.ItemDataRole.UserRole)))

    def _pick_file(self) -> None:
        path = dialogs.open_file(self, self.tr("Pilih bank soal atau rencana sesi"),
                                 self.tr("Bank soal atau rencana (*.yaml *.yml)"))
        if path is not None:
            self.list.clearSelection()
            self.choose_source(path, report=True)

    def choose_source(self, path: Path, report: bool = False) -> None:
        """Load ``path`` in a worker; ``source_loaded`` tells when done."""
        self._source_token += 1
        token = self._source_token
        self.loaded = None
        self.source_status.setText(self.tr("Memuat {0}…").format(path.name))
        cache = self.cache
        run_in_worker(lambda: _load(path, cache),
                      lambda loaded: self._source_done(token, loaded),
                      lambda exc: self._source_failed(token, path, exc, report),
                      owner=self)

    def _source_done(self, token: int, loaded: Loaded) -> None:
        if token != self._source_token:
            return
        self.loaded = loaded
        plan = loaded.plan
        count = sum(r.count for r in plan.draw) or sum(len(b.questions) for b in loaded.banks)
        text = self.tr("Siap: {0} — {1} soal").format(plan.title, count)
        if plan.time_limit:
            text += self.tr(", waktu tes {0} menit").format(round(plan.time_limit / 60))
        self.source_status.setText(text)
        if self.session.currentData() is None and (
                not self.title.text().strip() or self.title.text() == self._auto_title):
            self._auto_title = plan.title
            self.title.setText(plan.title)
        self._default_pretest()
        self.source_loaded.emit(True)

    def _source_failed(self, token: int, path: Path, exc: QuizError, report: bool) -> None:
        if token != self._source_token:
            return
        self.source_status.setText(self.tr("{0} tidak dapat dipakai: {1} masalah.").format(
            path.name, len(exc.issues)))
        if report:
            dialogs.show_message(self, self.tr("Berkas soal bermasalah"), self.tr(
                "{0} tidak dapat dipakai. Perbaiki masalah berikut lalu pilih lagi.").format(
                    path.name), str(exc))
        self.source_loaded.emit(False)

    # ------------------------------------------------------------------ existing session

    def _sessions_done(self, sessions: list[SessionRecord]) -> None:
        if not isValid(self):
            return
        self._sessions = {s.id: s for s in sessions}
        for s in sessions:
            text = self.tr("{0} — {1} ({2})").format(s.title, s.date, s.code)
            self.session.addItem(text, s.id)
            self.session.setItemData(self.session.count() - 1, text,
                                     Qt.ItemDataRole.ToolTipRole)
        if self._session_wanted is not None:
            self.choose_session(self._session_wanted)
        self.sessions_loaded.emit(True)

    def choose_session(self, session_id: int | None) -> None:
        """Run the existing session ``session_id`` (once listed) instead of a new one."""
        index = self.session.findData(session_id)
        self._session_wanted = session_id if index < 0 else None
        if index >= 0:
            self.session.setCurrentIndex(index)

    def _session_changed(self, _index: int) -> None:
        record = self._sessions.get(self.session.currentData())
        for field in (self.title, self.place, self.date, self.trainer, self.pretest):
            field.setEnabled(record is None)
        self.pretest_status.setVisible(self.data_dir is not None)
        self._show_pretest_status()
        if record is None:
            return
        for field, text in ((self.title, record.title), (self.place, record.place),
                            (self.trainer, record.trainer)):
            field.setText(text)
            field.setCursorPosition(0)  # a long title shows its start
        self.date.setDate(QDate.fromString(record.date, "yyyy-MM-dd"))
        self.pretest.setCurrentIndex(0)

    def _session_problem(self) -> str | None:
        record = self._sessions.get(self.session.currentData())
        if record is None or self.loaded is None:
            return None
        try:
            build_attempt(record.plan, list(self.loaded.banks), "periksa")
        except QuizError as exc:
            return self.tr("Sesi {0} memakai bank soal {1}: {2} Pilih rencana atau bank soal "
                           "yang sama dengan di laptop pelatih.").format(
                record.code, ", ".join(record.plan.banks), exc.message)
        return None

    # ------------------------------------------------------------------ pre-test link

    def load_pretests(self, data_dir: Path) -> None:
        """List the store's pre-test sessions in a worker; ``pretests_loaded`` tells when."""
        self.pretest_status.setText(self.tr("Memuat daftar sesi pretest…"))
        run_in_worker(lambda: _load_pretests(data_dir), self._pretests_done,
                      self._pretests_failed, owner=self)

    def _pretests_done(self, sessions: list[SessionRecord]) -> None:
        if not isValid(self):
            return  # the dialog closed while the list loaded
        chosen = self.pretest.currentData()
        self._pretest_count = None
        self.pretest.clear()
        self.pretest.addItem(self.tr("(tidak ada)"), None)
        widest = 0
        metrics = self.pretest.view().fontMetrics()
        for s in sessions:
            text = self.tr("{0} — {1} — {2} ({3})").format(s.title, s.date, s.place, s.code) \
                if s.place else self.tr("{0} — {1} ({2})").format(s.title, s.date, s.code)
            self.pretest.addItem(text, s.id)
            self.pretest.setItemData(self.pretest.count() - 1, text,
                                     Qt.ItemDataRole.ToolTipRole)
            widest = max(widest, metrics.horizontalAdvance(text))
        # The combo stays narrow (the dialog must fit 1366×768); its list shows whole lines.
        self.pretest.view().setMinimumWidth(min(widest + 40, 900))
        self._pretest_count = len(sessions)
        if not self._pretest_auto and self._pretest_wanted is None and chosen is not None:
            self._pretest_wanted = chosen
        self._default_pretest()
        self._pretest_wanted = None  # not in the list now: it will not appear later either
        self._show_pretest_status()
        self.pretests_loaded.emit(True)

    def _pretests_failed(self, exc: QuizError) -> None:
        if not isValid(self):
            return
        self._pretest_count = None
        self.pretest.clear()
        self.pretest.addItem(self.tr("(tidak ada)"), None)
        self.pretest_status.setText(self.tr(
            "Daftar sesi pretest tidak dapat dibaca: {0}").format(exc.message))
        self.pretest_status.setToolTip(str(exc))
        self.pretests_loaded.emit(False)

    def _show_pretest_status(self) -> None:
        """How many pre-tests there are, and the chosen one in full (the combo elides it);
        with an existing session chosen, that its details cannot be changed here."""
        record = self._sessions.get(self.session.currentData())
        if record is not None:
            self.pretest_status.setText(self.tr(
                "Judul, tempat, tanggal dan rencana mengikuti sesi {0}; pilih rencana atau "
                "bank soal yang sama dengan di laptop pelatih.").format(record.code))
            return
        if self._pretest_count is None:
            return  # still loading, or the error stays shown
        if not self._pretest_count:
            self.pretest_status.setText(self.tr("Belum ada sesi pretest di basis data hasil."))
        elif self.pretest.currentData() is None:
            self.pretest_status.setText(self.tr("{0} sesi pretest tersedia; tidak ada yang "
                                                "ditautkan.").format(self._pretest_count))
        else:
            self.pretest_status.setText(self.tr("Ditautkan ke: {0}").format(
                self.pretest.currentText()))

    def _pretest_picked(self, _index: int) -> None:
        self._pretest_auto = False  # the trainer chose: keep it whatever plan follows
        self._pretest_wanted = None

    def choose_pretest(self, session_id: int | None) -> None:
        """Link this session to pre-test ``session_id`` (once the list has it), or to none."""
        self._pretest_auto = False
        self._pretest_wanted = session_id
        if session_id is None:
            self.pretest.setCurrentIndex(0)
        self._default_pretest()

    def _default_pretest(self) -> None:
        if self._pretest_wanted is not None:
            index = self.pretest.findData(self._pretest_wanted)
            if index >= 0:
                self.pretest.setCurrentIndex(index)
                self._pretest_wanted = None
            return
        if not self._pretest_auto:
            if self.pretest.currentIndex() < 0:
                self.pretest.setCurrentIndex(0)
            return
        posttest = self.loaded is not None and self.loaded.plan.kind is TestKind.POSTTEST
        # Newest first: row 1 is the most recent pre-test.
        self.pretest.setCurrentIndex(1 if posttest and self.pretest.count() > 1 else 0)

    # ------------------------------------------------------------------ roster

    def _pick_roster(self) -> None:
        path = dialogs.open_file(self, self.tr("Pilih daftar peserta"),
                                 self.tr("Daftar peserta (*.csv *.xlsx *.xlsm *.txt *.tsv)"))
        if path is not None:
            self.choose_roster(path)

    def choose_roster(self, path: Path) -> None:
        self._roster_token += 1
        token = self._roster_token
        self.roster = None
        self.roster_path = None
        self.roster_status.setText(self.tr("Memuat {0}…").format(path.name))
        run_in_worker(lambda: load_roster(path), lambda r: self._roster_done(token, path, r),
                      lambda exc: self._roster_failed(token, path, exc), owner=self)

    def _roster_done(self, token: int, path: Path, roster: Roster) -> None:
        if token != self._roster_token:
            return
        self.roster = roster
        self.roster_path = path
        text = self.tr("{0}: {1} peserta").format(path.name, len(roster.participants))
        if roster.rejected or roster.warnings:
            text += self.tr("; {0} baris ditolak, {1} peringatan").format(
                roster.rejected, roster.warnings)
            self.roster_status.setToolTip("\n".join(i.format() for i in roster.issues[:20]))
        self.roster_status.setText(text)
        if roster.rejected:
            dialogs.show_message(self, self.tr("Daftar peserta"), self.tr(
                "{0} baris daftar peserta ditolak; peserta itu tidak dapat masuk dengan NIP-nya "
                "kecuali peserta tamu diizinkan.").format(roster.rejected),
                "\n".join(i.format() for i in roster.issues))
        self.roster_loaded.emit(True)

    def _roster_failed(self, token: int, path: Path, exc: QuizError) -> None:
        if token != self._roster_token:
            return
        self.roster_status.setText(self.tr("{0} tidak dapat dibaca.").format(path.name))
        dialogs.show_message(self, self.tr("Daftar peserta"), self.tr(
            "Daftar peserta tidak dapat dibaca."), str(exc))
        self.roster_loaded.emit(False)

    def _clear_roster(self) -> None:
        self._roster_token += 1
        self.roster = None
        self.roster_path = None
        self.roster_status.setToolTip("")
        self.roster_status.setText(self.tr("Tanpa daftar peserta: setiap NIP yang valid "
                                           "diterima."))

    # ------------------------------------------------------------------ start

    def problems(self) -> list[str]:
        out = []
        if self.loaded is None:
            out.append(self.tr("Pilih bank soal atau rencana yang valid (tunggu sampai "
                               "selesai dimuat)."))
        if not self.title.text().strip():
            out.append(self.tr("Isi judul sesi."))
        if not self.phones.isChecked() and not valid_pin(self.pin.text()):
            out.append(self.tr("Isi PIN pelatih 4–8 angka."))
        session_problem = self._session_problem()
        if session_problem:
            out.append(session_problem)
        if self._roster_token and self.roster is None and self.roster_path is None and \
                self.roster_status.text().endswith("…"):
            out.append(self.tr("Tunggu daftar peserta selesai dimuat."))
        return out

    def try_start(self) -> None:
        problems = self.problems()
        if problems:
            self.message.setText("\n".join(problems))
            self.message.setVisible(True)
            return
        assert self.loaded is not None
        self.result_setup = SessionSetup(
            source=self.loaded.path,
            plan=self.loaded.plan,
            banks=self.loaded.banks,
            title=self.title.text().strip(),
            pin=self.pin.text(),
            place=self.place.text().strip(),
            date=self.date.date().toPython(),
            trainer=self.trainer.text().strip(),
            roster=self.roster,
            roster_path=self.roster_path,
            guests=self.guests.isChecked(),
            kiosk=self.kiosk.isChecked(),
            pretest_session_id=self.pretest.currentData(),
            phones=self.phones.isChecked(),
            session_id=self.session.currentData(),
        )
        remember_setup({"place": self.result_setup.place, "trainer": self.result_setup.trainer,
                        "guests": self.result_setup.guests, "kiosk": self.result_setup.kiosk})
        self.accept()

    def prefill(self, *, source: Path | None = None, roster: Path | None = None,
                title: str = "", place: str = "", trainer: str = "", guests: bool = False,
                kiosk: bool = False, pretest_session_id: int | None = None,
                session_id: int | None = None) -> None:
        """Fill the form (``quiz-app take`` without a PIN opens the set-up this way)."""
        if session_id is not None:
            self.choose_session(session_id)
        if pretest_session_id is not None:
            self.choose_pretest(pretest_session_id)
        if title:
            self.title.setText(title)
        if place:  # otherwise the remembered place stays
            self.place.setText(place)
        if trainer:
            self.trainer.setText(trainer)
        self.guests.setChecked(guests)
        self.kiosk.setChecked(kiosk)
        if source is not None:
            self.choose_source(source, report=True)
        if roster is not None:
            self.choose_roster(roster)
        self.pin.setFocus()
