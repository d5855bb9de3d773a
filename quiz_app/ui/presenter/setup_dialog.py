"""Before a hall quiz: which bank or plan, and who answers (teams, or a discussion)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import QuizError
from ...core.hall import MAX_TEAMS, default_team_names, load_team_file
from .. import dialogs
from ..banklist import BankEntry
from .phones import PhoneOptions
from .phones_setup import PhonesChoice

HALL_PLAN = "kuis_aula.yaml"  # the bundled plan made for the hall


def _hall_plan_index(combo: QComboBox, entries: list[BankEntry]) -> int:
    for entry in entries:
        if entry.ok and entry.kind == "plan" and entry.path.name == HALL_PLAN:
            return combo.findData(str(entry.path))
    return -1


@dataclass(frozen=True)
class PresenterSetup:
    source: Path
    teams: list[str] | None  # None: a discussion, no answers collected
    discussion: bool
    phones: PhoneOptions | None = None  # participants answer on their phones


class PresenterSetupDialog(QDialog):
    """Choose the file and the answer source; ``result_setup`` is set when accepted."""

    def __init__(self, entries: list[BankEntry], selected: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kuis Aula (Presenter)"))
        self.setAccessibleName(self.tr("Persiapan kuis aula"))
        self.result_setup: PresenterSetup | None = None
        self._team_file_names: list[str] | None = None

        self.source = QComboBox(self)
        self.source.setAccessibleName(self.tr("Bank soal atau rencana"))
        for entry in entries:
            if entry.ok:
                kind = self.tr("rencana") if entry.kind == "plan" else self.tr("bank")
                self.source.addItem(f"{entry.title} ({kind}, {entry.questions} soal)",
                                    str(entry.path))
        # the row the trainer selected in the main window, else the bundled hall plan
        index = self.source.findData(str(selected)) if selected is not None else -1
        if index < 0:
            index = _hall_plan_index(self.source, entries)
        if index >= 0:
            self.source.setCurrentIndex(index)
        browse = QPushButton(self.tr("Pilih berkas…"), self)
        browse.setAccessibleName(self.tr("Pilih berkas bank atau rencana"))
        browse.clicked.connect(self._browse_source)
        source_row = QHBoxLayout()
        source_row.addWidget(self.source, 1)
        source_row.addWidget(browse)

        self.teams_radio = QRadioButton(self.tr("Tim menjawab dengan kartu A/B/C/D"), self)
        self.teams_radio.setAccessibleName(self.tr("Mode tim"))
        self.team_count = QSpinBox(self)
        self.team_count.setRange(1, MAX_TEAMS)
        self.team_count.setValue(10)
        self.team_count.setPrefix(self.tr("Meja 1 … Meja "))
        self.team_count.setAccessibleName(self.tr("Jumlah tim"))
        self.team_file_button = QPushButton(self.tr("Nama tim dari berkas…"), self)
        self.team_file_button.setAccessibleName(self.tr("Muat nama tim dari berkas teks"))
        self.team_file_button.clicked.connect(self._load_team_file)
        self.team_file_label = QLabel("", self)
        self.team_file_label.setWordWrap(True)
        team_row = QHBoxLayout()
        team_row.addWidget(self.team_count)
        team_row.addWidget(self.team_file_button)
        team_row.addStretch(1)
        self.discussion_radio = QRadioButton(
            self.tr("Diskusi: tampilkan, beri waktu, bahas (jawaban tidak dikumpulkan)"), self)
        self.discussion_radio.setAccessibleName(self.tr("Mode diskusi"))
        group = QButtonGroup(self)
        group.addButton(self.teams_radio)
        group.addButton(self.discussion_radio)
        self.phones = PhonesChoice(self)
        group.addButton(self.phones.radio)
        self.teams_radio.setChecked(True)
        self.teams_radio.toggled.connect(self._update_enabled)

        form = QFormLayout()
        form.addRow(self.tr("Soal"), source_row)
        buttons = QDialogButtonBox(self)
        self.start_button = buttons.addButton(self.tr("Mulai"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.setAccessibleName(self.tr("Mulai kuis aula"))
        cancel = buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(self.tr("Batal"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(self.teams_radio)
        layout.addLayout(team_row)
        layout.addWidget(self.team_file_label)
        layout.addWidget(self.discussion_radio)
        layout.addWidget(self.phones)
        layout.addSpacing(8)
        layout.addWidget(buttons)
        self.resize(640, 380)
        self._update_enabled()

    def _update_enabled(self) -> None:
        teams = self.teams_radio.isChecked()
        self.team_count.setEnabled(teams and self._team_file_names is None)
        self.team_file_button.setEnabled(teams)

    def _browse_source(self) -> None:
        path = dialogs.open_file(self, self.tr("Pilih bank soal atau rencana"),
                                 self.tr("Berkas YAML (*.yaml *.yml)"))
        if path is not None:
            self.source.addItem(path.name, str(path))
            self.source.setCurrentIndex(self.source.count() - 1)

    def _load_team_file(self) -> None:
        path = dialogs.open_file(self, self.tr("Pilih daftar nama tim"),
                                 self.tr("Berkas teks (*.txt *.csv)"))
        if path is None:
            return
        try:
            names = load_team_file(path)
        except QuizError as exc:
            dialogs.show_message(self, self.tr("Daftar tim tidak dapat dipakai"),
                                 self._located(exc), str(exc))
            return
        self._team_file_names = names
        self.team_file_label.setText(
            self.tr("{0} tim dari {1}: {2}").format(len(names), path.name, ", ".join(names[:5])
                                                    + (" …" if len(names) > 5 else "")))
        self._update_enabled()

    def _located(self, exc: QuizError) -> str:
        """Every problem on its own line, led by its line number in the file."""
        return "\n".join(self.tr("Baris {0}: {1}").format(i.line, i.message) if i.line
                         else i.message for i in exc.issues)

    def _accept(self) -> None:
        data = self.source.currentData()
        if not data:
            dialogs.show_message(self, self.tr("Belum ada soal"),
                                 self.tr("Pilih bank soal atau rencana terlebih dahulu."))
            return
        if self.phones.radio.isChecked():
            self.result_setup = PresenterSetup(Path(data), None, False, self.phones.options())
        elif self.discussion_radio.isChecked():
            self.result_setup = PresenterSetup(Path(data), None, True)
        else:
            teams = self._team_file_names or default_team_names(self.team_count.value())
            self.result_setup = PresenterSetup(Path(data), teams, False)
        self.accept()
