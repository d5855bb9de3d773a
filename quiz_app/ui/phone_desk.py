"""The trainer's console for phones "lewat HP": check-in (daftar hadir), the pledge
(ikrar, also shown on the projector line by line) and self-paced tests on phones.

Opened from the participant set-up when the trainer ticks "lewat HP". The desk itself
(:class:`~quiz_app.lan.desk.PhoneDesk`) has no Qt; this window only shows it and passes
the trainer's clicks on. Store and file work runs in workers or on the desk's writer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.banks import Pledge, bundled_pledge_file, load_pledge, load_runnable
from ..core.clock import Clock
from ..core.errors import QuizError
from ..core.model import Bank, Plan
from ..core.people import load_roster
from ..core.results import ResultsStore, export_presence, export_session, local_time
from ..lan.desk import DeskMode, DeskRow, PhoneDesk, SeatStatus
from ..lan.desk_file import SavedDesk, discard_desk, find_resumable_desks, resume_desk
from ..lan.limits import Limits
from . import dialogs
from .lan_bridge import LanBridge
from .presenter.phones import QrCode, address_candidates, remember, remembered
from .screenfit import fit_window
from .worker import run_in_worker

TICK_MS = 500

Index = QModelIndex | QPersistentModelIndex


class DeskModel(QAbstractTableModel):
    """One row per phone participant: hadir, ikrar, test status, times away, nilai."""

    COLUMNS = ("Nama", "NIP", "Hadir", "Ikrar", "Tes", "Keluar halaman", "Nilai")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[DeskRow] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Nama"), self.tr("NIP"), self.tr("Hadir"), self.tr("Ikrar"),
                self.tr("Tes"), self.tr("Keluar halaman"), self.tr("Nilai"))

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        r = self.rows[index.row()]
        col = index.column()
        if col == 0:
            return r.name + ("" if r.connected else self.tr(" (terputus)"))
        if col == 1:
            return r.nip or self.tr("tamu")
        if col == 2:
            return local_time(r.checked_in)[:5] if r.checked_in else "–"
        if col == 3:
            return "✓" if r.pledged else "–"
        if col == 4:
            if r.status is SeatStatus.NOT_STARTED:
                return self.tr("belum mulai")
            if r.status is SeatStatus.IN_PROGRESS:
                return self.tr("soal {0} dari {1}").format(r.question, r.total)
            return self.tr("selesai")
        if col == 5:
            return str(r.away) if r.away else "–"
        if col == 6:
            return "–" if r.nilai is None else f"{r.nilai:.2f}".replace(".", ",")
        return None

    def set_rows(self, rows: list[DeskRow]) -> None:
        if len(rows) != len(self.rows):
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()
            return
        self.rows = rows
        if rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(rows) - 1, len(self.COLUMNS) - 1))


class PledgeProjector(QWidget):
    """The pledge on the projector, large, one line at a time (→/spasi: next, ←: back)."""

    def __init__(self, pledge: Pledge, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(pledge.title)
        self.pledge = pledge
        self.lines = pledge.all_lines
        self.index = 0
        self.setStyleSheet("background:#10243e;color:#ffffff;")
        self.title = QLabel(pledge.title, self)
        self.label = QLabel(pledge.label, self)
        self.label.setStyleSheet("color:#f0b400;")
        self.line = QLabel(self)
        self.line.setWordWrap(True)
        self.line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.position = QLabel(self)
        self.count = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.label)
        layout.addWidget(self.line, 1)
        row = QHBoxLayout()
        row.addWidget(self.position)
        row.addStretch(1)
        row.addWidget(self.count)
        layout.addLayout(row)
        fit_window(self, 1280, 720)
        self.show_line(0)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        h = max(300, self.height())
        for widget, share, bold in ((self.title, 0.06, True), (self.label, 0.03, False),
                                    (self.line, 0.075, True), (self.position, 0.03, False),
                                    (self.count, 0.03, False)):
            font = QFont(widget.font())
            font.setPixelSize(int(h * share))
            font.setBold(bold)
            widget.setFont(font)

    def show_line(self, index: int) -> None:
        self.index = max(0, min(index, len(self.lines) - 1))
        self.line.setText(self.lines[self.index] if self.lines else "")
        self.position.setText(self.tr("Baris {0} dari {1}").format(self.index + 1,
                                                                   len(self.lines)))

    def set_count(self, pledged: int, joined: int) -> None:
        self.count.setText(self.tr("{0} dari {1} peserta sudah menyatakan ikrar").format(
            pledged, joined))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_PageDown, Qt.Key.Key_Down):
            self.show_line(self.index + 1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Up):
            self.show_line(self.index - 1)
        elif key == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)


class DeskWindow(QWidget):
    """The console: join address and QR, the mode buttons, counts, the participant table."""

    closed = Signal()

    def __init__(self, desk: PhoneDesk, data_dir: Path, candidates: list[Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.desk = desk
        self.data_dir = Path(data_dir)
        self.projector: PledgeProjector | None = None
        self.setWindowTitle(self.tr("Meja HP — {0}").format(desk.test.title))
        self.bridge = LanBridge(desk, self)  # type: ignore[arg-type]  # same hooks as a hall
        self.bridge.changed.connect(self.refresh)
        self.bridge.store_failed.connect(lambda exc: self.message.setText(
            self.tr("Gagal menyimpan: {0}").format(exc.message)))

        self.address = QComboBox(self)
        self.address.setAccessibleName(self.tr("Alamat laptop untuk HP"))
        found = candidates if candidates is not None else address_candidates()
        for c in found:
            self.address.addItem(c.label, c.address)
        if not found:
            self.address.addItem(self.tr("127.0.0.1 (tidak ada jaringan)"), "127.0.0.1")
        last = remembered(self.data_dir).get("address")
        if isinstance(last, str) and self.address.findData(last) >= 0:
            self.address.setCurrentIndex(self.address.findData(last))
        self.address.currentIndexChanged.connect(self._address_changed)
        self.url = QLabel(self)
        self.url.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.url.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.url.setFont(font)
        self.qr = QrCode(self)
        self.qr.setMinimumSize(150, 150)
        self.mode_label = QLabel(self)
        self.mode_label.setWordWrap(True)
        self.counts = QLabel(self)
        self.counts.setWordWrap(True)
        self.missing = QLabel(self)
        self.missing.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("Problem")
        self.message.setWordWrap(True)

        self.checkin_button = QPushButton(self.tr("1. Daftar hadir"), self)
        self.pledge_button = QPushButton(self.tr("2. Ikrar"), self)
        self.pledge_file_button = QPushButton(self.tr("Teks ikrar…"), self)
        self.pledge_file_button.setToolTip(self.tr("Pilih berkas ikrar (kuis-ikrar/1) yang "
                                                   "sudah disesuaikan; bawaan: contoh"))
        self.test_button = QPushButton(self.tr("3. Tes"), self)
        self.pause_button = QPushButton(self.tr("Jeda (HP menunggu)"), self)
        self.end_button = QPushButton(self.tr("Akhiri tes"), self)
        self.next_button = QPushButton(self.tr("Post-test…"), self)
        self.next_button.setToolTip(self.tr("Tes berikutnya di HP yang sama, tertaut ke tes ini "
                                            "sebagai pre-test"))
        self.project_button = QPushButton(self.tr("Ikrar di proyektor"), self)
        self.export_button = QPushButton(self.tr("Ekspor XLSX…"), self)
        self.export_button.setToolTip(self.tr("Satu berkas: nilai, N-Gain, daftar hadir dan "
                                              "ikrar per peserta"))
        self.hadir_button = QPushButton(self.tr("Daftar hadir CSV…"), self)
        self.takeover_label = QLabel(self)
        self.approve = QPushButton(self.tr("Setujui pindah HP"), self)
        self.refuse = QPushButton(self.tr("Tolak"), self)
        self.checkin_button.clicked.connect(desk.open_checkin)
        self.pledge_button.clicked.connect(lambda: desk.open_pledge())
        self.test_button.clicked.connect(desk.open_test)
        self.pause_button.clicked.connect(desk.idle)
        self.end_button.clicked.connect(self._end_test)
        self.next_button.clicked.connect(self._next_test)
        self.project_button.clicked.connect(self.show_projector)
        self.pledge_file_button.clicked.connect(self._pick_pledge)
        self.export_button.clicked.connect(self._export)
        self.hadir_button.clicked.connect(self._export_hadir)
        self.approve.clicked.connect(lambda: self._takeover(True))
        self.refuse.clicked.connect(lambda: self._takeover(False))
        self._mode_buttons = {DeskMode.CHECKIN: self.checkin_button,
                              DeskMode.PLEDGE: self.pledge_button,
                              DeskMode.TEST: self.test_button, DeskMode.IDLE: self.pause_button}
        for b in self._mode_buttons.values():
            b.setCheckable(True)
            b.clicked.connect(self.refresh)

        self.model = DeskModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Peserta lewat HP"))
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        top = QGridLayout()
        top.addWidget(QLabel(self.tr("Alamat:"), self), 0, 0)
        top.addWidget(self.address, 0, 1)
        top.addWidget(self.url, 1, 0, 1, 2)
        top.addWidget(self.mode_label, 2, 0, 1, 2)
        top.addWidget(self.counts, 3, 0, 1, 2)
        top.addWidget(self.qr, 0, 2, 4, 1)
        top.setColumnStretch(1, 1)
        modes = QHBoxLayout()
        for b in (self.checkin_button, self.pledge_button, self.pledge_file_button,
                  self.test_button, self.pause_button):
            modes.addWidget(b)
        actions = QHBoxLayout()
        for b in (self.end_button, self.next_button, self.project_button, self.export_button,
                  self.hadir_button):
            actions.addWidget(b)
        takeover = QHBoxLayout()
        takeover.addWidget(self.takeover_label, 1)
        takeover.addWidget(self.approve)
        takeover.addWidget(self.refuse)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(modes)
        layout.addLayout(actions)
        layout.addLayout(takeover)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.missing)
        layout.addWidget(self.message)

        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        fit_window(self, 1000, 640)
        self.refresh()

    # ------------------------------------------------------------------ drawing

    def join_url(self) -> str:
        address = self.address.currentData() or "127.0.0.1"
        port = self.desk.server.port if self.desk.server is not None else 0
        return f"http://{address}:{port}/j/{self.desk.code}"

    def _tick(self) -> None:
        self.desk.tick()

    def refresh(self) -> None:
        d = self.desk
        url = self.join_url()
        self.url.setText(url)
        self.qr.set_text(url)
        mode = {
            DeskMode.IDLE: self.tr("HP menunggu arahan."),
            DeskMode.CHECKIN: self.tr("Daftar hadir dibuka: peserta mengisi di HP."),
            DeskMode.PLEDGE: self.tr("Ikrar dibuka: peserta menyatakan ikrar di HP."),
            DeskMode.TEST: self.tr("Tes dibuka: {0}").format(d.test.title),
        }[d.mode]
        self.mode_label.setText(mode)
        for m, button in self._mode_buttons.items():
            button.setChecked(m is d.mode)
        self.test_button.setToolTip(d.test.title)
        c = d.counts()
        self.counts.setText(self.tr(
            "Bergabung: {0} · tersambung: {1} · hadir: {2} · ikrar: {3} · tes: {4} belum "
            "mulai, {5} mengerjakan, {6} selesai").format(
            c.joined, c.connected, c.checked_in, c.pledged, c.not_started, c.in_progress,
            c.finished))
        missing = d.missing_from_roster()
        if d.roster is None:
            self.missing.setText("")
        elif not missing:
            self.missing.setText(self.tr("Semua peserta pada daftar sudah hadir."))
        else:
            names = ", ".join(p.name for p in missing[:12])
            more = self.tr(" dan {0} lainnya").format(len(missing) - 12) \
                if len(missing) > 12 else ""
            self.missing.setText(self.tr("Belum hadir ({0}): {1}{2}").format(
                len(missing), names, more))
        pending = d.takeovers[0] if d.takeovers else None
        self.takeover_label.setText(
            self.tr("{0} meminta pindah ke HP lain.").format(pending.name) if pending else "")
        for w in (self.takeover_label, self.approve, self.refuse):
            w.setVisible(pending is not None)
        self.model.set_rows(d.rows())
        if self.projector is not None:
            self.projector.set_count(c.pledged, c.joined)

    # ------------------------------------------------------------------ actions

    def _address_changed(self) -> None:
        remember(self.data_dir, address=self.address.currentData())
        self.refresh()

    def _takeover(self, approve: bool) -> None:
        if self.desk.takeovers:
            self.desk.resolve_takeover(self.desk.takeovers[0].id, approve)
        self.refresh()

    def _end_test(self) -> None:
        if dialogs.confirm(self, self.tr("Akhiri tes"), self.tr(
                "Akhiri tes sekarang? Peserta yang belum selesai dinilai dengan jawaban yang "
                "sudah masuk.")):
            self.desk.end_test()
            self.refresh()

    def _next_test(self) -> None:
        path = dialogs.open_file(self, self.tr("Pilih rencana atau bank untuk tes berikutnya"),
                                 self.tr("Bank soal atau rencana (*.yaml *.yml)"))
        if path is None:
            return
        run_in_worker(lambda: load_runnable(path), lambda loaded: self._next_loaded(
            loaded, path), self._failed)

    def _next_loaded(self, loaded: tuple[Plan, list[Bank]], source: Path | None = None) -> None:
        plan, banks = loaded
        self.desk.next_test(plan, banks, source=source, on_ready=lambda _sid: self.refresh())

    def _pick_pledge(self) -> None:
        path = dialogs.open_file(self, self.tr("Pilih berkas ikrar"),
                                 self.tr("Berkas ikrar (*.yaml *.yml)"))
        if path is not None:
            run_in_worker(lambda: load_pledge(path), self.use_pledge, self._failed)

    def use_pledge(self, pledge: Pledge) -> None:
        """Phones and the projector show this text from now on."""
        self.desk.pledge = pledge
        if self.desk.mode is DeskMode.PLEDGE:
            self.desk.open_pledge(pledge)
        if self.projector is not None:
            self.projector.close()
            self.projector = None
        self.message.setText(self.tr("Teks ikrar: {0}").format(pledge.title))

    def show_projector(self) -> PledgeProjector | None:
        pledge = self.desk.pledge
        if pledge is None:
            return None
        if self.projector is None:
            self.projector = PledgeProjector(pledge)
        self.projector.show()
        self.projector.raise_()
        self.refresh()
        return self.projector

    def _export(self) -> None:
        out = dialogs.ask_save_path(self, self.tr("Ekspor hasil"),
                                    self.data_dir / f"{self.desk.test.title}.xlsx",
                                    self.tr("Excel (*.xlsx)"))
        if out is None:
            return
        data_dir, session_id = self.data_dir, self.desk.test.session_id

        def work() -> Path:
            with ResultsStore.open_in(data_dir) as store:
                return export_session(store, session_id, out, fmt="xlsx").path

        run_in_worker(work, lambda p: self.message.setText(
            self.tr("Tersimpan: {0}").format(p)), self._failed)

    def _export_hadir(self) -> None:
        out = dialogs.ask_save_path(self, self.tr("Ekspor daftar hadir"),
                                    self.data_dir / "daftar_hadir.csv",
                                    self.tr("CSV (*.csv)"))
        if out is None:
            return
        data_dir, session_id = self.data_dir, self.desk.session_id

        def work() -> Path:
            with ResultsStore.open_in(data_dir) as store:
                return export_presence(store, session_id, out).path

        run_in_worker(work, lambda p: self.message.setText(
            self.tr("Tersimpan: {0}").format(p)), self._failed)

    def _failed(self, exc: QuizError) -> None:
        dialogs.show_message(self, self.tr("Meja HP"), exc.message, str(exc))

    def closeEvent(self, event: Any) -> None:  # noqa: N802
        running = self.desk.counts().in_progress
        if running and not dialogs.confirm(self, self.tr("Tutup meja HP"), self.tr(
                "{0} peserta masih mengerjakan. Tutup sekarang? Tes mereka diakhiri dan "
                "dinilai dengan jawaban yang sudah masuk.").format(running)):
            event.ignore()
            return
        self.desk.end_test()
        self._timer.stop()
        self.bridge.stop()
        if self.projector is not None:
            self.projector.close()
        self.desk.close()
        self.closed.emit()
        super().closeEvent(event)


def load_desk_pledge() -> Pledge:
    """The pledge next to the banks (the bundled example until the trainer adapts it)."""
    return load_pledge(bundled_pledge_file())


def open_phone_desk(parent: QWidget, data_dir: Path, setup: Any, clock: Clock, *,
                    host: str = "0.0.0.0", port: int | None = None,
                    limits: Limits | None = None, candidates: list[Any] | None = None,
                    on_open: Any = None) -> None:
    """Create the desk for ``setup`` (a participant ``SessionSetup`` with ``phones``) in a
    worker, start the phone server and show the console."""

    def create() -> PhoneDesk:
        try:
            pledge: Pledge | None = load_desk_pledge()
        except QuizError:
            pledge = None
        return PhoneDesk.create(data_dir, clock, setup.plan, setup.banks, title=setup.title,
                                place=setup.place, trainer=setup.trainer,
                                pretest_session_id=setup.pretest_session_id, pledge=pledge,
                                roster=setup.roster, guests=setup.guests,
                                source=setup.source, roster_path=setup.roster_path)

    def resume(saved: SavedDesk) -> PhoneDesk:
        plan, banks = load_runnable(Path(saved.source))
        pledge = load_pledge(Path(saved.pledge)) if saved.pledge else load_desk_pledge()
        roster = load_roster(Path(saved.roster)) if saved.roster else None
        return resume_desk(data_dir, saved, clock, plan, banks, pledge=pledge, roster=roster)

    def found(saved: list[SavedDesk]) -> None:
        """A desk that was not closed (the laptop crashed): continue it, or start anew."""
        if saved:
            last = saved[0]
            if dialogs.confirm(parent, QCoreApplication.translate("DeskWindow", "Meja HP"),
                               QCoreApplication.translate(
                                   "DeskWindow",
                                   "Meja HP '{0}' (kode {1}, {2} peserta) belum ditutup, "
                                   "mungkin karena laptop mati. Lanjutkan meja itu? Peserta "
                                   "kembali ke soalnya tanpa memindai ulang.").format(
                                   last.title, last.code, len(last.seats))):
                run_in_worker(lambda: resume(last), opened, failed)
                return
            run_in_worker(lambda: discard_desk(last), lambda _none: None, failed)
        run_in_worker(create, opened, failed)

    def opened(desk: PhoneDesk) -> None:
        window = DeskWindow(desk, data_dir, candidates)
        wanted = port
        if wanted is None:
            last = remembered(data_dir).get("port")
            wanted = last if isinstance(last, int) and 1024 <= last <= 65535 else 0
        try:
            bound = desk.start_server(window.bridge.post, host=host, port=wanted,
                                      limits=limits)
        except OSError as exc:
            desk.close()
            dialogs.show_message(parent, QCoreApplication.translate("DeskWindow", "Meja HP"),
                                 QCoreApplication.translate(
                                     "DeskWindow", "Server HP tidak dapat dibuka: {0}"
                                 ).format(exc))
            window.deleteLater()
            return
        remember(data_dir, port=bound)
        window.refresh()
        window.show()
        if on_open is not None:
            on_open(window)

    def failed(exc: QuizError) -> None:
        dialogs.show_message(parent, QCoreApplication.translate("DeskWindow", "Meja HP"),
                             exc.message, str(exc))

    run_in_worker(lambda: find_resumable_desks(data_dir), found, failed)
