"""The results window: session history, participants, answers, item analysis, export, merge.

Every store read, export and merge runs in a worker (``run_in_worker``), each with its own
short-lived ``ResultsStore`` connection (SQLite connections stay in their thread); the
window only shows what comes back. Long operations report progress to a progress bar.
Modal dialogs and file choosers go through ``ui.dialogs``.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QItemSelection,
    QLocale,
    QModelIndex,
    QObject,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ...core.errors import QuizError
from ...core.model import TRUE_KEY, Category, QuestionType
from ...core.results import (
    AttemptRecord,
    AttemptSummary,
    ItemAnalysis,
    ItemFlag,
    ItemStats,
    Kr20Note,
    SessionRecord,
)
from ...core.results.session_results import (
    GainSummary,
    ScoreSummary,
)
from .. import dialogs
from ..screenfit import fit_window, keep_text_whole, scrolling
from ..worker import run_in_worker
from .loading import (  # noqa: F401 - load_* re-exported for tests and callers
    LoadedAnalysis,
    LoadedSession,
    load_analysis,
    load_attempt,
    load_session,
    load_session_list,
)
from .models import (
    AnswersModel,
    ItemStatsModel,
    ParticipantFilterProxy,
    ParticipantsModel,
    SessionFilterProxy,
    SessionListModel,
    SessionRow,
    SortProxy,
    num,
)
from .operations import ResultsOperations

Progress = Callable[[int, int], None]


# --------------------------------------------------------------------------- the window


class _Relay(QObject):
    """Carries progress from the worker thread to the window (a queued signal)."""

    progress = Signal(int, int)


class ResultsWindow(ResultsOperations, QMainWindow):
    sessions_loaded = Signal()
    session_loaded = Signal(int)  # the participant list is shown
    analysis_loaded = Signal(int)  # the item analysis of that session is shown too
    answers_loaded = Signal(str)  # a participant's answers (attempt id) are shown
    operation_done = Signal(str, object)  # kind ("export", "package", ...), its result
    operation_failed = Signal(str, str)  # kind, Indonesian message

    def __init__(self, data_dir: Path, parent: QWidget | None = None,
                 bank_dirs: Sequence[Path] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("ResultsWindow")
        self.setWindowTitle(self.tr("Hasil Tes — Kuis ASN"))
        self.data_dir = Path(data_dir)
        self.bank_dirs = tuple(bank_dirs)
        self.loaded: LoadedSession | None = None
        self._categories: dict[str, str] = {}
        self._wanted: int | None = None  # session to select once the list is loaded
        self._request = 0  # guards against a slow load overwriting a newer one
        self._answers_for = ""  # the attempt whose answers were asked for last
        self.categories: tuple[Category, ...] | None = None  # once the analysis is in
        self._busy: str | None = None
        self._closed = False
        self._after_load = ""  # status to show once the reload an operation asked for ends
        self._folder = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            or Path.home()
        )
        self._chosen: AttemptSummary | None = None  # the participant whose answers are shown
        self._relay = _Relay(self)
        self._relay.progress.connect(self._on_progress)
        self._build()
        fit_window(self, 1280, 760, parent)

    # ------------------------------------------------------------------ layout

    def _table(self, parent: QWidget, name: str) -> QTableView:
        view = QTableView(parent)
        view.setAccessibleName(name)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setSortingEnabled(True)
        view.setWordWrap(False)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setHighlightSections(False)
        return view

    def _build(self) -> None:
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(16, 12, 16, 12)
        splitter = QSplitter(Qt.Orientation.Horizontal, central)
        splitter.setChildrenCollapsible(False)

        # left: session history
        left = QWidget(splitter)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 8, 0)
        heading = QLabel(self.tr("Riwayat Sesi"), left)
        heading.setObjectName("SectionTitle")
        self.search = QLineEdit(left)
        self.search.setPlaceholderText(self.tr("Cari judul, tempat, tanggal (2025-03-04), kode…"))
        self.search.setAccessibleName(self.tr("Cari sesi"))
        self.search.setClearButtonEnabled(True)
        self.session_model = SessionListModel(self)
        self.session_proxy = SessionFilterProxy(self)
        self.session_proxy.setSourceModel(self.session_model)
        self.session_view = self._table(left, self.tr("Daftar sesi"))
        self.session_view.setModel(self.session_proxy)
        self.session_view.sortByColumn(SessionListModel.SESSION, Qt.SortOrder.DescendingOrder)
        for col in (SessionListModel.DATE, SessionListModel.KIND, SessionListModel.CODE):
            self.session_view.setColumnHidden(col, True)  # in the "Sesi" cell / searchable
        self.session_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        sh = self.session_view.horizontalHeader()
        sh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        sh.setSectionResizeMode(SessionListModel.SESSION, QHeaderView.ResizeMode.Stretch)
        self.search.textChanged.connect(self.session_proxy.set_search)
        self.session_view.selectionModel().selectionChanged.connect(self._session_selected)
        self.share_button = QPushButton(self.tr("Bagikan Sesi…"), left)
        self.share_button.setToolTip(self.tr(
            "Tulis berkas .kuis-sesi agar laptop lain ikut sesi ini (berisi kunci rahasia)"))
        self.join_button = QPushButton(self.tr("Ikut Sesi…"), left)
        self.join_button.setToolTip(self.tr("Buat di laptop ini sesi dari berkas .kuis-sesi"))
        self.share_button.clicked.connect(self.share_session)
        self.join_button.clicked.connect(self.join_session)
        # Everything between laptops in one place: sessions and result packages (two rows,
        # so that the window fits a 1024-pixel-wide screen).
        lbuttons = QGridLayout()
        lbuttons.addWidget(self.share_button, 0, 0)
        lbuttons.addWidget(self.join_button, 0, 1)
        lv.addWidget(heading)
        lv.addWidget(self.search)
        lv.addWidget(self.session_view, 1)
        lv.addLayout(lbuttons)

        # right: the chosen session
        right = QWidget(splitter)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(8, 0, 0, 0)
        self.title = QLabel(self.tr("Pilih sesi di sebelah kiri"), right)
        self.title.setObjectName("AppTitle")
        self.title.setStyleSheet("font-size: 22px;")
        self.title.setWordWrap(True)
        self.details = QLabel("", right)
        self.details.setObjectName("AppSubtitle")
        self.details.setWordWrap(True)
        self.stats = QLabel("", right)
        self.stats.setWordWrap(True)
        self.stats.setAccessibleName(self.tr("Ringkasan nilai"))
        self.gain = QLabel("", right)
        self.gain.setWordWrap(True)
        self.gain.setAccessibleName(self.tr("Ringkasan pre-test dan post-test"))
        self.gain.setVisible(False)

        actions = QHBoxLayout()
        self.csv_button = QPushButton(self.tr("Ekspor CSV…"), right)
        self.dialect = QComboBox(right)
        self.dialect.addItem(self.tr("Excel Indonesia ( ; )"), "id")
        self.dialect.addItem(self.tr("Internasional ( , )"), "intl")
        self.dialect.setAccessibleName(self.tr("Format CSV"))
        self.detail = QCheckBox(self.tr("per jawaban"), right)
        self.detail.setToolTip(self.tr("Satu baris per jawaban, bukan per peserta"))
        self.xlsx_button = QPushButton(self.tr("Ekspor XLSX…"), right)
        self.package_button = QPushButton(self.tr("Paket Hasil…"), left)
        self.package_button.setToolTip(self.tr(
            "Tulis paket .kuis-hasil bertanda tangan untuk digabung di laptop pelatih"))
        self.merge_button = QPushButton(self.tr("Gabungkan Paket…"), left)
        self.merge_button.setToolTip(self.tr("Impor paket .kuis-hasil dari laptop lain"))
        self.print_button = QPushButton(self.tr("Cetak PDF"), left)
        self.print_button.setToolTip(self.tr("Laporan kegiatan, sertifikat, daftar hadir"))
        menu = QMenu(self.print_button)
        menu.addAction(self.tr("Laporan kegiatan…"), self.print_report)
        menu.addAction(self.tr("Sertifikat peserta…"), self.print_certificates)
        menu.addAction(self.tr("Daftar hadir…"), lambda: self.print_list("hadir"))
        menu.addAction(self.tr("Daftar ikrar…"), lambda: self.print_list("ikrar"))
        self.print_button.setMenu(menu)
        self.csv_button.clicked.connect(self.export_csv)
        self.xlsx_button.clicked.connect(self.export_xlsx)
        self.package_button.clicked.connect(self.export_package)
        self.merge_button.clicked.connect(self.merge)
        for w in (self.csv_button, self.dialect, self.detail, self.xlsx_button):
            actions.addWidget(w)
        actions.addStretch(1)
        lbuttons.addWidget(self.package_button, 1, 0)
        lbuttons.addWidget(self.merge_button, 1, 1)
        lbuttons.addWidget(self.print_button, 2, 0, 1, 2)  # the report, certificates, lists

        self.tabs = QTabWidget(right)
        # participants + answers
        ptab = QWidget(self.tabs)
        pv = QVBoxLayout(ptab)
        prow = QHBoxLayout()
        self.filter = QLineEdit(ptab)
        self.filter.setPlaceholderText(self.tr("Saring nama, NIP, atau unit kerja…"))
        self.filter.setAccessibleName(self.tr("Saring peserta"))
        self.filter.setClearButtonEnabled(True)
        self.shown = QLabel("", ptab)
        prow.addWidget(self.filter, 1)
        prow.addWidget(self.shown)
        self.participant_model = ParticipantsModel(self)
        self.participant_proxy = ParticipantFilterProxy(self)
        self.participant_proxy.setSourceModel(self.participant_model)
        self.participant_view = self._table(ptab, self.tr("Daftar peserta"))
        self.participant_view.setModel(self.participant_proxy)
        self.filter.textChanged.connect(self._filter_participants)
        self.participant_view.selectionModel().selectionChanged.connect(self._participant_chosen)
        self.answers_title = QLabel(self.tr("Pilih peserta untuk melihat jawabannya"), ptab)
        self.answers_title.setObjectName("SectionTitle")
        self.answers_title.setWordWrap(True)
        self.void_button = QPushButton(self.tr("Nyatakan tidak sah…"), ptab)
        self.void_button.setToolTip(self.tr(
            "Tes peserta ini tetap tersimpan beserta alasannya, tetapi tidak dihitung pada "
            "nilai rata-rata, N-Gain, dan analisis soal"))
        self.void_button.setAccessibleName(self.tr("Nyatakan tes peserta ini tidak sah"))
        self.void_button.clicked.connect(self.void_selected)
        self.answer_model = AnswersModel(self)
        answer_proxy = SortProxy(self)
        answer_proxy.setSourceModel(self.answer_model)
        self.answer_view = self._table(ptab, self.tr("Jawaban peserta"))
        self.answer_view.setModel(answer_proxy)
        self.answer_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the order seen
        ah = self.answer_view.horizontalHeader()
        ah.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        ah.setSectionResizeMode(AnswersModel.QUESTION, QHeaderView.ResizeMode.Stretch)
        for col, width in ((AnswersModel.ANSWER, 180), (AnswersModel.KEY, 180)):
            ah.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            ah.resizeSection(col, width)
        psplit = QSplitter(Qt.Orientation.Vertical, ptab)
        top = QWidget(psplit)
        tv = QVBoxLayout(top)
        tv.setContentsMargins(0, 0, 0, 0)
        tv.addLayout(prow)
        tv.addWidget(self.participant_view)
        bottom = QWidget(psplit)
        bv = QVBoxLayout(bottom)
        bv.setContentsMargins(0, 0, 0, 0)
        answers_row = QHBoxLayout()
        answers_row.addWidget(self.answers_title, 1)
        answers_row.addWidget(self.void_button)
        bv.addLayout(answers_row)
        bv.addWidget(self.answer_view)
        psplit.addWidget(top)
        psplit.addWidget(bottom)
        psplit.setStretchFactor(0, 3)
        psplit.setStretchFactor(1, 2)
        pv.addWidget(psplit)
        self.tabs.addTab(ptab, self.tr("Peserta"))

        # item analysis
        atab = QWidget(self.tabs)
        av = QVBoxLayout(atab)
        self.reliability = QLabel("", atab)
        self.reliability.setWordWrap(True)
        self.item_model = ItemStatsModel(self)
        item_proxy = SortProxy(self)
        item_proxy.setSourceModel(self.item_model)
        self.item_proxy = item_proxy
        self.item_view = self._table(atab, self.tr("Analisis soal"))
        self.item_view.setModel(item_proxy)
        self.item_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # bank order
        ih = self.item_view.horizontalHeader()
        ih.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        ih.setSectionResizeMode(ItemStatsModel.QUESTION, QHeaderView.ResizeMode.Stretch)
        for col, width in ((ItemStatsModel.CATEGORY, 130), (ItemStatsModel.SPREAD, 220),
                           (ItemStatsModel.NOTES, 220)):
            ih.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            ih.resizeSection(col, width)
        self.item_view.selectionModel().selectionChanged.connect(self._item_chosen)
        self.item_detail = QTextBrowser(atab)
        self.item_detail.setAccessibleName(self.tr("Rincian soal"))
        self.item_detail.setMaximumHeight(150)
        self.item_detail.setPlaceholderText(self.tr("Pilih soal untuk melihat sebaran jawabannya"))
        legend = QLabel(self.tr(
            "p = proporsi peserta yang menjawab benar (ditandai bila > 0,9 atau < 0,2). "
            "r = korelasi skor soal dengan skor soal lainnya (daya pembeda; negatif berarti "
            "peserta yang nilainya tinggi justru lebih sering salah). * = kunci. Soal yang "
            "dikerjakan kurang dari 10 peserta tidak ditandai."), atab)
        legend.setWordWrap(True)
        legend.setObjectName("StatusLine")
        # The session's side scrolls below its minimum height (a 1024×600 netbook): the
        # tables keep a few rows and the wrapped texts their lines, never squashed
        keep_text_whole(self.title, self.details, self.stats, self.gain, self.reliability,
                        legend)
        rows = self.item_view.verticalHeader().defaultSectionSize()
        self.item_view.setMinimumHeight(rows * 5 + 40)
        self.participant_view.setMinimumHeight(rows * 4 + 40)
        self.answer_view.setMinimumHeight(rows * 3 + 40)
        av.addWidget(self.reliability)
        av.addWidget(self.item_view, 1)
        av.addWidget(self.item_detail)
        av.addWidget(legend)
        self.tabs.addTab(atab, self.tr("Analisis Soal"))

        status_row = QHBoxLayout()
        self.status = QLabel("", right)
        self.status.setObjectName("StatusLine")
        self.status.setAccessibleName(self.tr("Status"))
        self.status.setWordWrap(True)
        self.progress = QProgressBar(right)
        self.progress.setAccessibleName(self.tr("Kemajuan"))
        self.progress.setMaximumWidth(320)
        self.progress.setVisible(False)
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.progress)

        rv.addWidget(self.title)
        rv.addWidget(self.details)
        rv.addWidget(self.stats)
        rv.addWidget(self.gain)
        rv.addLayout(actions)
        rv.addWidget(self.tabs, 1)
        rv.addLayout(status_row)

        splitter.addWidget(left)
        # On a short screen the session's side scrolls as a whole rather than squash its
        # tables and wrapped texts (a 1024×600 netbook)
        splitter.addWidget(scrolling(right, splitter, "SessionDetail", by_minimum=True))
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([300, 1040])
        outer.addWidget(splitter)
        self.setCentralWidget(central)
        self._update_buttons()

    # ------------------------------------------------------------------ state

    def _update_buttons(self) -> None:
        idle = self._busy is None
        has = self.loaded is not None
        for b in (self.csv_button, self.xlsx_button, self.package_button, self.merge_button,
                  self.share_button, self.print_button):
            b.setEnabled(idle and has)
        self.join_button.setEnabled(idle)
        chosen = self.chosen_attempt()
        self.void_button.setEnabled(idle and chosen is not None and chosen.finished)

    def closeEvent(self, event: Any) -> None:
        self._closed = True
        super().closeEvent(event)

    def showEvent(self, event: Any) -> None:
        self._closed = False
        super().showEvent(event)

    def _gone(self) -> bool:
        """True once closed, or destroyed with its parent while a worker still ran."""
        return self._closed or not isValid(self)

    @property
    def busy(self) -> bool:
        return self._busy is not None

    def chosen_attempt(self) -> AttemptSummary | None:
        """The attempt whose answers are shown (the participant chosen in the list)."""
        return self._chosen

    # ------------------------------------------------------------------ loading

    def reload(self, select: int | None = None) -> None:
        """Read the session list again (in a worker); then select ``select`` (or keep the
        current session, or pick the newest)."""
        if select is not None:
            self._wanted = select
        elif self.loaded is not None and self._wanted is None:
            self._wanted = self.loaded.session.id
        data_dir = self.data_dir
        run_in_worker(lambda: load_session_list(data_dir), self._show_sessions,
                      self._load_failed, owner=self)

    def select_session(self, session_id: int) -> None:
        self._wanted = session_id
        if self.session_model.rowCount():
            self._apply_wanted()

    def _show_sessions(self, rows: list[SessionRow]) -> None:
        if self._gone():
            return
        self.session_model.set_sessions(rows)
        if not rows:
            self.title.setText(self.tr("Belum ada sesi"))
            self.details.setText(self.tr(
                "Hasil tes akan muncul di sini setelah peserta mengerjakan tes."))
        self._apply_wanted()
        self.sessions_loaded.emit()

    def _apply_wanted(self) -> None:
        wanted = self._wanted
        self._wanted = None
        row = self.session_model.row_of(wanted) if wanted is not None else -1
        if row < 0 and self.session_proxy.rowCount():
            index = self.session_proxy.index(0, 0)
        elif row >= 0:
            index = self.session_proxy.mapFromSource(self.session_model.index(row, 0))
        else:
            return
        if index.isValid():
            self.session_view.selectRow(index.row())
            self.session_view.scrollTo(index)

    def _session_selected(self, selected: QItemSelection, _old: QItemSelection) -> None:
        rows = self.session_view.selectionModel().selectedRows()
        if not rows:
            return
        source = self.session_proxy.mapToSource(rows[0])
        self.load(self.session_model.row(source.row()).session.id)

    def load(self, session_id: int) -> None:
        """Show a session: first its participant list (store columns only, quick), then
        its item analysis (the full load), each read in a worker."""
        self._request += 1
        request = self._request
        data_dir = self.data_dir
        labels = self.participant_model.labels()
        self.status.setText(self.tr("Memuat hasil…"))
        run_in_worker(
            lambda: load_session(data_dir, session_id, labels),
            lambda loaded: self._show_session(request, loaded),
            self._load_failed,
            owner=self,
        )

    def _load_failed(self, exc: QuizError) -> None:
        if self._gone():
            return
        self.status.setText(exc.message)
        dialogs.show_message(self, self.tr("Hasil tidak dapat dibaca"), exc.message)
        self.operation_failed.emit("load", exc.message)

    def _participant_widths(self) -> None:
        """Fixed widths from the header texts and a sample of rows: ResizeToContents
        would measure every cell of a 10,000-row table on the UI thread."""
        ph = self.participant_view.horizontalHeader()
        ph.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.participant_view.fontMetrics()
        rows = self.participant_model._rows[:200]
        for col in range(self.participant_model.columnCount()):
            title = str(self.participant_model.headerData(col, Qt.Orientation.Horizontal))
            texts = [title] + [r.cells[col] for r in rows]
            width = max(metrics.horizontalAdvance(t) for t in texts) + 28
            ph.resizeSection(col, min(width, 260))
        ph.setSectionResizeMode(ParticipantsModel.NAME, QHeaderView.ResizeMode.Stretch)

    def _show_session(self, request: int, loaded: LoadedSession) -> None:
        if self._gone() or request != self._request:
            return
        self.loaded = loaded
        ov = loaded.overview
        s = ov.session
        self.title.setText(s.title)
        self.details.setText(self._details(s))
        self.stats.setText(self._stats(loaded.scores))
        self.gain.setVisible(loaded.gains is not None)
        if loaded.gains is not None and ov.pretest is not None:
            self.gain.setText(self._gain_text(ov.pretest, loaded.gains))
        self.participant_model.set_rows(loaded.rows, ov.has_pretest)
        header = self.participant_view.horizontalHeader()
        blocked = header.blockSignals(True)  # the rows come sorted by name already
        header.setSortIndicator(ParticipantsModel.NAME, Qt.SortOrder.AscendingOrder)
        header.blockSignals(blocked)
        self._participant_widths()
        self.answer_model.set_attempt(None)
        self._chosen = None
        self.answers_title.setText(self.tr("Pilih peserta untuk melihat jawabannya"))
        self._categories = {}
        self.categories = None
        self.item_model.set_analysis(None)
        self.item_detail.clear()
        self.reliability.setText(self.tr("Menghitung analisis soal…"))
        self._filter_participants(self.filter.text())
        self.status.setText(self._after_load)
        self._after_load = ""
        self._update_buttons()
        self.session_loaded.emit(s.id)
        data_dir, bank_dirs, sid = self.data_dir, self.bank_dirs, s.id
        run_in_worker(lambda: load_analysis(data_dir, sid, bank_dirs),
                      lambda done: self._show_analysis(request, done), self._load_failed,
                      owner=self)

    def _show_analysis(self, request: int, done: LoadedAnalysis) -> None:
        if self._gone() or request != self._request:
            return
        cats = {c.id: c.title for c in done.categories}
        self._categories = cats
        self.categories = done.categories
        self.item_model.set_analysis(done.analysis, cats)
        self.reliability.setText(self._kr20_text(done.analysis))
        self.answer_model.set_categories(cats)
        assert self.loaded is not None
        self.analysis_loaded.emit(self.loaded.session.id)

    # ------------------------------------------------------------------ texts

    def _details(self, s: SessionRecord) -> str:
        locale = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
        day = locale.toString(date.fromisoformat(s.date), QLocale.FormatType.LongFormat)
        parts = [day]
        if s.place:
            parts.append(s.place)
        parts.append(self.session_model.kind_label(s.kind))
        parts.append(self.tr("Kode {0}").format(s.code))
        if s.trainer:
            parts.append(self.tr("Pelatih: {0}").format(s.trainer))
        return " · ".join(parts)

    def _stats(self, sc: ScoreSummary) -> str:
        parts = [self.tr("{0} selesai").format(sc.finished)]
        if sc.unfinished:
            parts.append(self.tr("{0} belum selesai (tidak diekspor)").format(sc.unfinished))
        if sc.voided:
            parts.append(self.tr("{0} dinyatakan tidak sah (tidak dihitung)").format(sc.voided))
        if sc.graded and sc.mean_nilai is not None:
            parts.append(self.tr("rata-rata nilai {0} (terendah {1}, tertinggi {2})").format(
                num(sc.mean_nilai), num(sc.lowest), num(sc.highest)))
            parts.append(self.tr("lulus {0} dari {1}").format(sc.passed, sc.graded))
        elif sc.finished:
            parts.append(self.tr("survei: tanpa nilai"))
        return " · ".join(parts)

    def _gain_text(self, pretest: SessionRecord, g: GainSummary) -> str:
        if not g.matched:
            return self.tr("Pre-test '{0}': belum ada peserta yang cocok (menurut NIP).").format(
                pretest.title)
        text = self.tr("Pre-test '{0}': {1} peserta cocok menurut NIP, {2} meningkat.").format(
            pretest.title, g.matched, g.improved)
        if g.mean_gain is not None:
            text += " " + self.tr("Rata-rata N-Gain {0} (rata-rata nilai {1} → {2}).").format(
                num(g.mean_gain), num(g.mean_pre), num(g.mean_post))
        return text

    def _kr20_text(self, a: ItemAnalysis) -> str:
        flagged = len(a.flagged())
        head = self.tr("{0} soal, {1} perlu diperiksa.").format(len(a.items), flagged)
        if a.kr20 is not None:
            return head + " " + self.tr("Reliabilitas KR-20: {0}.").format(num(round(a.kr20, 2)))
        reason = {
            Kr20Note.TOO_FEW_ATTEMPTS: self.tr("perlu minimal 2 peserta"),
            Kr20Note.TOO_FEW_QUESTIONS: self.tr("perlu minimal 2 soal bernilai"),
            Kr20Note.DIFFERENT_QUESTIONS: self.tr("peserta mendapat soal yang berbeda-beda"),
            Kr20Note.NO_VARIANCE: self.tr("semua peserta mendapat skor sama"),
        }.get(a.kr20_note or Kr20Note.TOO_FEW_ATTEMPTS, "")
        return head + " " + self.tr("Reliabilitas KR-20 tidak dihitung: {0}.").format(reason)

    # ------------------------------------------------------------------ participants

    def _filter_participants(self, text: str) -> None:
        self.participant_proxy.set_search(text)
        self.shown.setText(self.tr("{0} dari {1} ditampilkan").format(
            self.participant_proxy.rowCount(), self.participant_model.rowCount()))

    def _participant_chosen(self, _new: QItemSelection, _old: QItemSelection) -> None:
        rows = self.participant_view.selectionModel().selectedRows()
        if not rows:
            return
        self.show_participant(self.participant_proxy.mapToSource(rows[0]))

    def show_participant(self, source: QModelIndex) -> None:
        """The participant's answers with the questions, read in a worker."""
        attempt = self.participant_model.row(source.row()).attempt
        name = attempt.participant.name
        title = (self.tr("Jawaban {0} — nilai {1}").format(name, num(attempt.nilai))
                 if attempt.done and attempt.graded else self.tr("Jawaban {0}").format(name))
        if attempt.voided:
            title += " — " + self.tr("tidak sah: {0}").format(attempt.void_reason)
        self.answers_title.setText(title)
        self._chosen = attempt
        self._update_buttons()
        self._answers_for = attempt.id
        data_dir, attempt_id = self.data_dir, attempt.id
        run_in_worker(lambda: load_attempt(data_dir, attempt_id), self._show_answers,
                      self._load_failed, owner=self)

    def _show_answers(self, record: AttemptRecord) -> None:
        if self._gone() or record.id != self._answers_for:
            return
        self.answer_model.set_attempt(record, self._categories)
        self.answers_loaded.emit(record.id)

    def _item_chosen(self, _new: QItemSelection, _old: QItemSelection) -> None:
        rows = self.item_view.selectionModel().selectedRows()
        if rows:
            self.show_item(self.item_model.row(self.item_proxy.mapToSource(rows[0]).row()))

    def show_item(self, item: ItemStats) -> None:
        """The question with each option's count and share; key and unused marked."""
        esc = html.escape
        cat = self._categories.get(item.category, item.category)
        lines = [f"<b>{esc(item.question_id)}</b> · {esc(cat)}<br>{esc(item.text.strip())}",
                 "<table cellspacing='0' cellpadding='2'>"]
        answered = max(item.answered, 1)
        for o in item.options:
            share = round(100 * o.count / answered)
            mark = self.tr("✓ kunci") if o.correct else (
                self.tr("tidak dipilih") if o.key in item.unused_distractors else "")
            tf = item.type is QuestionType.TRUE_FALSE
            label = (self.tr("Benar") if o.key == TRUE_KEY else self.tr("Salah")) if tf else o.text
            key = "" if tf else f"{esc(o.key)}."
            lines.append(f"<tr><td>{key}</td><td>{esc(label)}</td>"
                         f"<td align='right'>&nbsp;{o.count}</td>"
                         f"<td align='right'>&nbsp;({share}%)</td><td>&nbsp;{esc(mark)}</td></tr>")
        lines.append(f"<tr><td></td><td><i>{esc(self.tr('tidak dijawab'))}</i></td>"
                     f"<td align='right'>&nbsp;{item.unanswered}</td><td></td><td></td></tr>")
        lines.append("</table>")
        notes = [self.item_model.flag_text(f, item) for f in ItemFlag if f in item.flags]
        if notes:
            lines.append(f"<span style='color:#92400e'>{esc('; '.join(notes))}</span>")
        self.item_detail.setHtml("".join(lines))
