"""The list of bundled banks and plans: a table model filled by a worker."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

if TYPE_CHECKING:
    from ..core.banks import BankCache


@dataclass(frozen=True)
class BankEntry:
    path: Path
    title: str
    kind: str  # "bank" | "plan"
    questions: int
    categories: int
    problems: int
    first_problem: str = ""

    @property
    def ok(self) -> bool:
        return self.problems == 0


def inspect_file(path: Path, cache: BankCache | None) -> BankEntry:
    """Validate one file for the list. Runs in a worker thread."""
    # Imported here, in the worker: keeps the core out of the start-up path.
    from ..core.banks import is_plan_file, load_runnable
    from ..core.errors import BankError

    kind = "plan" if is_plan_file(path) else "bank"
    try:
        plan, banks = load_runnable(path, cache=cache)
    except BankError as exc:
        return BankEntry(path, path.stem, kind, 0, 0, len(exc.issues), exc.issues[0].format())
    if kind == "plan":
        count = sum(r.count for r in plan.draw) or sum(len(b.questions) for b in banks)
        cats = len({c.id for b in banks for c in b.categories})
        return BankEntry(path, plan.title, kind, count, cats, 0)
    bank = banks[0]
    return BankEntry(path, bank.title, kind, len(bank.questions), len(bank.categories), 0)


def inspect_files(paths: list[Path], cache: BankCache | None) -> list[BankEntry]:
    return [inspect_file(p, cache) for p in paths]


class BankListModel(QAbstractTableModel):
    COLUMNS = ("Judul", "Jenis", "Soal", "Kategori", "Status", "Berkas")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[BankEntry] = []

    def set_entries(self, entries: list[BankEntry]) -> None:
        self.beginResetModel()
        self._rows = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> BankEntry:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            # Literal strings, one per column, so that lupdate sees them.
            return (self.tr("Judul"), self.tr("Jenis"), self.tr("Soal"), self.tr("Kategori"),
                    self.tr("Status"), self.tr("Berkas"))[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                e.title,
                self.tr("Rencana") if e.kind == "plan" else self.tr("Bank soal"),
                e.questions if e.ok else "",
                e.categories if e.ok else "",
                self.tr("OK") if e.ok else self.tr("{0} masalah").format(e.problems),
                e.path.name,
            )[col]
        if role == Qt.ItemDataRole.ToolTipRole and not e.ok:
            return e.first_problem
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (2, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
