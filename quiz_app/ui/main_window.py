"""The main window: what the trainer sees first."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.cache import BankCache
from ..core.resources import bundled_bank_files, bundled_plan_files
from .banklist import BankEntry, BankListModel, inspect_files
from .worker import run_in_worker


class MainWindow(QMainWindow):
    banks_loaded = Signal()

    def __init__(self, data_dir: Path, cache: BankCache | None) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.cache = cache
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

        section = QLabel(self.tr("Bank soal dan rencana sesi bawaan"), central)
        section.setObjectName("SectionTitle")

        self.model = BankListModel(self)
        self.table = QTableView(central)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Daftar bank soal"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, BankListModel.COLUMNS.__len__()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)

        self.status = QLabel(self.tr("Memuat bank soal…"), central)
        self.status.setObjectName("StatusLine")
        self.status.setAccessibleName(self.tr("Status"))

        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(8)
        layout.addWidget(section)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.setCentralWidget(central)
        self.resize(1100, 700)

    def load_bundled(self) -> None:
        """Validate the bundled banks and plans in a worker; fill the table when done."""
        files = bundled_bank_files() + bundled_plan_files()
        cache = self.cache
        run_in_worker(lambda: inspect_files(files, cache), self._show_entries)

    def _show_entries(self, entries: list[BankEntry]) -> None:
        self.model.set_entries(entries)
        bad = sum(1 for e in entries if not e.ok)
        if bad:
            self.status.setText(
                self.tr("{0} berkas dimuat; {1} berkas bermasalah (arahkan tetikus ke statusnya)")
                .format(len(entries), bad)
            )
        else:
            self.status.setText(self.tr("{0} berkas dimuat, semuanya valid").format(len(entries)))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.banks_loaded.emit()
