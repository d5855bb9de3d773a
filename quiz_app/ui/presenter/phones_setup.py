"""The "Peserta menjawab lewat HP" choice of the presenter set-up dialog."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import QuizError
from ...core.people import Roster, load_roster
from .. import dialogs
from .phones import PhoneOptions


class PhonesChoice(QWidget):
    """A radio button plus its options: a roster file and whether guests may join."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.roster: Roster | None = None
        self.radio = QRadioButton(self.tr("Peserta menjawab lewat HP (Wi-Fi aula, pindai "
                                          "kode QR; hasil per NIP)"), self)
        self.radio.setAccessibleName(self.tr("Mode HP"))
        self.roster_button = QPushButton(self.tr("Daftar peserta…"), self)
        self.roster_button.setAccessibleName(self.tr("Muat daftar peserta untuk HP"))
        self.roster_button.clicked.connect(self._load_roster)
        self.roster_label = QLabel(self.tr("Tanpa daftar: setiap NIP yang valid boleh ikut."),
                                   self)
        self.roster_label.setWordWrap(True)
        self.guests = QCheckBox(self.tr("Tamu tanpa NIP boleh ikut dengan nama"), self)
        row = QHBoxLayout()
        row.addSpacing(24)
        row.addWidget(self.roster_button)
        row.addWidget(self.guests)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.radio)
        layout.addLayout(row)
        label_row = QHBoxLayout()
        label_row.addSpacing(24)
        label_row.addWidget(self.roster_label, 1)
        layout.addLayout(label_row)
        self.radio.toggled.connect(self._update_enabled)
        self._update_enabled()

    def _update_enabled(self) -> None:
        on = self.radio.isChecked()
        self.roster_button.setEnabled(on)
        self.guests.setEnabled(on)

    def _load_roster(self) -> None:
        path = dialogs.open_file(self, self.tr("Pilih daftar peserta"),
                                 self.tr("Daftar peserta (*.csv *.xlsx)"))
        if path is None:
            return
        try:
            roster = load_roster(path)
        except QuizError as exc:
            dialogs.show_message(self, self.tr("Daftar peserta tidak dapat dipakai"),
                                 exc.message, str(exc))
            return
        self.roster = roster
        self.roster_label.setText(self.tr("{0} peserta dari {1}").format(
            len(roster.participants), path.name))

    def options(self) -> PhoneOptions:
        return PhoneOptions(roster=self.roster, guests=self.guests.isChecked())
