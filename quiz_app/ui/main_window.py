"""The main window: what the trainer sees first."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.banks import bundled_bank_files, bundled_plan_files
from ..core.clock import Clock, monotonic_clock
from . import dialogs
from .i18n import choose_language, save_language
from .screenfit import fit_window
from .worker import run_in_worker

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QTableView

    from ..core.banks import BankCache
    from ..core.errors import QuizError
    from ..core.model import Bank, Plan
    from .banklist import BankEntry, BankListModel
    from .participant.launcher import Launcher
    from .participant.session import SessionSetup
    from .participant.window import ParticipantWindow
    from .presenter.launch import Presenter
    from .presenter.setup_dialog import PresenterSetup, PresenterSetupDialog
    from .setup import SetupDialog


def _has_unfinished(data_dir: Path) -> bool:
    """Worker side: is any attempt still in progress (a hall team's too)?"""
    from ..core.results import ResultsStore

    with ResultsStore.open_in(data_dir) as store:
        return bool(store._read_one(
            "SELECT 1 FROM attempts WHERE status = 'in_progress' LIMIT 1", ()))


class MainWindow(QMainWindow):
    banks_loaded = Signal()
    resume_checked = Signal()  # nothing to resume (participant mode was not even loaded)
    presenter_started = Signal()

    def __init__(self, data_dir: Path, cache: BankCache | None,
                 clock: Clock = monotonic_clock) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.cache = cache
        self.clock = clock
        self._launcher: Launcher | None = None
        self.setWindowTitle(self.tr("Kuis ASN"))
        self.setObjectName("MainWindow")

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)

        title = QLabel(self.tr("Kuis ASN"), central)
        title.setObjectName("AppTitle")
        title.setAccessibleName(self.tr("Judul aplikasi"))
        subtitle = QLabel(
            self.tr("Kuis luring untuk sosialisasi netralitas ASN dan nilai dasar BerAKHLAK"),
            central,
        )
        subtitle.setObjectName("AppSubtitle")
        subtitle.setWordWrap(True)

        self.participant_button = QPushButton(self.tr("Mulai Tes Peserta"), central)
        self.participant_button.setObjectName("BigStart")
        self.participant_button.setAccessibleName(self.tr("Mulai Tes Peserta"))
        self.participant_button.clicked.connect(self.open_setup)
        self.presenter_button = QPushButton(self.tr("Kuis Aula (Presenter)"), central)
        self.presenter_button.setObjectName("BigStart")
        self.presenter_button.setAccessibleName(self.tr("Kuis Aula (Presenter)"))
        self.presenter_button.clicked.connect(self.open_presenter_setup)
        self.results_button = QPushButton(self.tr("Hasil Tes"), central)
        self.results_button.setObjectName("BigStart")
        self.results_button.setAccessibleName(self.tr("Hasil Tes"))
        self.results_button.clicked.connect(lambda _=False: self.open_results())
        self.editor_button = QPushButton(self.tr("Buat/ubah bank soal"), central)
        self.editor_button.setObjectName("BigStart")
        self.editor_button.setAccessibleName(self.tr("Buat/ubah bank soal"))
        self.editor_button.clicked.connect(lambda _=False: self.open_bank_editor())
        actions = QHBoxLayout()
        actions.addWidget(self.participant_button)
        actions.addWidget(self.presenter_button)
        actions.addWidget(self.results_button)
        actions.addWidget(self.editor_button)
        actions.addStretch(1)

        section = QLabel(self.tr("Bank soal dan rencana sesi bawaan"), central)
        section.setObjectName("SectionTitle")

        self.status = QLabel(self.tr("Memuat bank soal…"), central)
        self.status.setObjectName("StatusLine")
        self.status.setAccessibleName(self.tr("Status"))

        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(8)
        layout.addLayout(actions)
        layout.addSpacing(8)
        layout.addWidget(section)
        # The bank table is built on first use (load_bundled, right after the first show):
        # it is empty until the worker reports anyway, and building it pulls in PySide6's
        # `Qt` namespace, whose enum types cost more than the rest of the window.
        self._layout = layout
        self._table_slot = layout.count()
        self._table: QTableView | None = None
        self._model: BankListModel | None = None
        layout.addStretch(1)
        layout.addWidget(self.status)
        self.setCentralWidget(central)
        fit_window(self, 1100, 700)
        self.entries: list[BankEntry] = []
        self.setup_dialog: SetupDialog | None = None
        self.presenter_dialog: PresenterSetupDialog | None = None
        self.presenter: Presenter | None = None
        self._language_menu()

    @property
    def model(self) -> BankListModel:
        if self._model is None:
            self._build_table()
        assert self._model is not None
        return self._model

    @property
    def table(self) -> QTableView:
        if self._table is None:
            self._build_table()
        assert self._table is not None
        return self._table

    def _build_table(self) -> None:
        from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

        from .banklist import BankListModel

        model = BankListModel(self)
        table = QTableView(self.centralWidget())
        table.setModel(model)
        table.setAccessibleName(self.tr("Daftar bank soal"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.setAlternatingRowColors(True)
        table.doubleClicked.connect(lambda index: self.preview_bank(model.entry(index.row()).path))
        for corner in table.findChildren(QAbstractButton):  # the "select all" corner
            corner.setAccessibleName(self.tr("Pilih semua baris"))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(BankListModel.COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        stretch = self._layout.itemAt(self._table_slot)  # the placeholder stretch
        self._layout.removeItem(stretch)
        self._layout.insertWidget(self._table_slot, table, 1)
        table.show()  # added after the window was shown: Qt would not show it by itself
        self._model, self._table = model, table

    def _language_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("Bahasa / Language"))
        group = QActionGroup(self)
        current = choose_language()
        for code, label in (("id", "Bahasa Indonesia"), ("en", "English")):
            action = QAction(label, self, checkable=True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _=False, c=code: self._set_language(c))
            group.addAction(action)
            menu.addAction(action)
        for extension in self.menuBar().findChildren(QAbstractButton):  # the "»" overflow
            extension.setAccessibleName(self.tr("Menu lainnya"))

    def add_help_menu(self) -> None:
        """Bantuan → Tentang Kuis ASN (F1). Added after the first frame: the second menu and
        its shortcut cost more start-up time than the rest of the menu bar."""
        help_menu = self.menuBar().addMenu(self.tr("Bantuan"))
        about = QAction(self.tr("Tentang Kuis ASN"), self)
        about.setShortcut("F1")
        about.triggered.connect(lambda _=False: self.show_about())
        help_menu.addAction(about)

    def about_text(self) -> str:
        from PySide6 import __version__ as pyside_version

        from .._version import __version__

        return self.tr(
            "Kuis ASN versi {0}\n\nKuis luring untuk sosialisasi netralitas ASN dan nilai "
            "dasar BerAKHLAK.\n\nFolder data: {1}\nQt for Python (PySide6) {2}. Lisensi MIT."
        ).format(__version__, self.data_dir, pyside_version)

    def show_about(self) -> None:
        dialogs.show_info(self, self.tr("Tentang Kuis ASN"), self.about_text())

    def _set_language(self, code: str) -> None:
        save_language(code)
        dialogs.show_info(self, self.tr("Bahasa / Language"), self.tr(
            "Bahasa tampilan berubah setelah aplikasi dibuka ulang. / The display language "
            "changes when the app is opened again."))

    def load_bundled(self) -> None:
        """Validate the bundled banks and plans in a worker; fill the table when done."""
        from .banklist import inspect_files

        files = bundled_bank_files() + bundled_plan_files()
        cache = self.cache
        run_in_worker(lambda: inspect_files(files, cache), self._show_entries, owner=self)

    def _show_entries(self, entries: list[BankEntry]) -> None:
        self.entries = list(entries)
        self.model.set_entries(entries)
        bad = sum(1 for e in entries if not e.ok)
        if bad:
            self.status.setText(
                self.tr("{0} berkas dimuat; {1} berkas bermasalah (arahkan tetikus ke statusnya)")
                .format(len(entries), bad)
            )
        else:
            self.status.setText(self.tr("{0} berkas dimuat, semuanya valid").format(len(entries)))
        from PySide6.QtCore import Qt

        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.banks_loaded.emit()

    # ------------------------------------------------------------------ participant mode

    @property
    def launcher(self) -> Launcher:
        """Participant mode, created on first use: keeps its imports off the start-up path."""
        if self._launcher is None:
            from .participant.launcher import Launcher

            self._launcher = Launcher(self.data_dir, self.cache, self.clock, self)
            self._launcher.dialog_parent = self
            self._launcher.window_opened.connect(self._participant_opened)
            self._launcher.window_closed.connect(self._participant_closed)
        return self._launcher

    def check_resume(self) -> None:
        """Offer to resume tests cut off by a crash or power cut. A cheap count runs in a
        worker first: participant mode (a big import on the UI thread) is loaded only when
        there is something to offer, or the check failed and must be reported."""
        data_dir = self.data_dir
        run_in_worker(lambda: _has_unfinished(data_dir), self._resume_counted,
                      lambda _exc: self.launcher.offer_resume(), owner=self)

    def _resume_counted(self, found: bool) -> None:
        if found:
            self.launcher.offer_resume()
        else:
            self.resume_checked.emit()

    def open_setup(self) -> SetupDialog:
        """Open the trainer set-up (non-blocking); starting it opens the participant window."""
        from .setup import SetupDialog

        dialog = SetupDialog(self.entries, self.cache, self, data_dir=self.data_dir)
        dialog.setModal(True)
        dialog.accepted.connect(lambda: self._setup_done(dialog))
        self.setup_dialog = dialog
        dialog.show()
        return dialog

    def _setup_done(self, dialog: SetupDialog) -> None:
        setup = dialog.result_setup
        self.setup_dialog = None
        dialog.deleteLater()
        if setup is not None:
            self.start_participant(setup)

    def start_participant(self, setup: SessionSetup) -> None:
        if setup.phones:  # "lewat HP": the phone desk, not a participant window
            from .phone_desk import open_phone_desk

            open_phone_desk(self, self.data_dir, setup, self.clock,
                            on_open=lambda w: setattr(self, "phone_desk", w))
            return
        self.launcher.start_session(setup)

    def _participant_opened(self, window: ParticipantWindow) -> None:
        """A kiosk participant window (new, or resumed after a crash) has the screen to
        itself: the main window steps out of the way, so nothing is left behind the
        kiosk to Alt+Tab to or to keep the keyboard."""
        if window.session.kiosk:
            self.hide()

    def _participant_closed(self) -> None:
        if not self.launcher.windows:
            self.show()
            self.raise_()

    # ------------------------------------------------------------------ results

    def open_results(self, session_id: int | None = None) -> QWidget:
        """Session history, participants, answers, item analysis, export and merge."""
        from .results import open_results_window

        return open_results_window(self, self.data_dir, session_id)

    def open_document(self, path: Path) -> QWidget:
        """A file opened with the app (double click, ``quiz-app FILE``): a session file
        joins its session, a results package merges into its session; in the results
        window, which shows what happened."""
        results = self.open_results()
        if path.suffix.lower() == ".kuis-sesi":
            results.join_from(path)  # type: ignore[attr-defined]
        else:
            results.merge_package_file(path)  # type: ignore[attr-defined]
        return results

    # ------------------------------------------------------------------ banks

    def preview_bank(self, path: Path) -> QWidget:
        """Every question with its key, explanation and reference (double click in the list)."""
        from PySide6.QtCore import Qt

        from .editor.preview import BankPreviewDialog

        dialog = BankPreviewDialog(path, self.cache, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.show()
        return dialog

    def open_bank_editor(self, path: Path | None = None) -> QWidget:
        """Buat/ubah bank soal: the editor, with import from Excel/Kahoot/Quizizz/GIFT/Aiken."""
        from .editor.window import open_editor

        return open_editor(self, path)

    # ------------------------------------------------------------------ presenter mode

    def _selected_path(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry(rows[0].row()).path if rows else None

    def open_presenter_setup(self) -> PresenterSetupDialog:
        """Choose the bank/plan and the teams (non-blocking), then open presenter mode."""
        from .presenter.setup_dialog import PresenterSetupDialog

        dialog = PresenterSetupDialog(self.entries, self._selected_path(), self)
        dialog.setModal(True)
        dialog.accepted.connect(lambda: self._presenter_setup_done(dialog))
        self.presenter_dialog = dialog
        dialog.show()
        return dialog

    def _presenter_setup_done(self, dialog: PresenterSetupDialog) -> None:
        setup = dialog.result_setup
        self.presenter_dialog = None
        dialog.deleteLater()
        if setup is not None:
            self.start_presenter(setup)

    def start_presenter(self, setup: PresenterSetup) -> None:
        """Validate the file in a worker, then open the presenter windows."""
        from ..core.banks import load_runnable

        cache = self.cache
        run_in_worker(lambda: load_runnable(setup.source, cache),
                      lambda loaded: self._open_presenter(setup, loaded),
                      self._presenter_failed, owner=self)

    def _presenter_failed(self, exc: QuizError) -> None:
        dialogs.show_message(self, self.tr("Mode presenter tidak dapat dibuka"), exc.message,
                             str(exc))

    def _open_presenter(self, setup: PresenterSetup, loaded: tuple[Plan, list[Bank]]) -> None:
        from .presenter.launch import start_presenter

        presenter = start_presenter(self, self.data_dir, setup.source, setup.teams,
                                    setup.discussion, clock=self.clock, cache=self.cache,
                                    loaded=loaded, phones=setup.phones)
        if presenter is not None:
            self.presenter = presenter
            presenter.closed.connect(self._presenter_closed)
            self.presenter_started.emit()

    def _presenter_closed(self) -> None:
        self.presenter = None

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._launcher is not None and not self._launcher.close():  # a kiosk refused
            event.ignore()
            return
        super().closeEvent(event)
