"""Table models of the results window (textbook QAbstractTableModel + QSortFilterProxyModel).

Every model answers ``SORT_ROLE`` with a value that sorts right (numbers as numbers, text
case-folded), and the proxies sort on it, so "Nilai" sorts 9 < 10 < 100.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from ...core.model import FALSE_KEY, TRUE_KEY, Question, QuestionType, TestKind
from ...core.people import format_nip
from ...core.quiz import Excluded, QuestionScore
from ...core.results import (
    AttemptCounts,
    AttemptRecord,
    AttemptStatus,
    AttemptSummary,
    ItemAnalysis,
    ItemFlag,
    ItemStats,
    SessionOverview,
    SessionRecord,
    format_number,
    is_hall_team,
    normalised_gain,
)

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_FAIL = QColor("#b91c1c")
_WARN = QColor("#92400e")


def refilter(proxy: QSortFilterProxyModel, change: Any) -> None:
    """Apply a filter change: ``begin/endFilterChange`` on Qt >= 6.10 (where
    ``invalidateFilter`` is deprecated), ``invalidateFilter`` before."""
    if hasattr(proxy, "beginFilterChange"):
        proxy.beginFilterChange()
        change()
        proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
    else:  # pragma: no cover - Qt < 6.10
        change()
        proxy.invalidateFilter()


def local_time(stored: str | None) -> str:
    """A stored UTC timestamp as local ``YYYY-MM-DD HH:MM`` (empty when missing)."""
    if not stored:
        return ""
    try:
        return datetime.fromisoformat(stored).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stored


def num(value: float | None) -> str:
    """A number the Indonesian way (decimal comma), or empty."""
    return "" if value is None else format_number(value, ",")


class _TableModel(QAbstractTableModel):
    """Shared plumbing: a list of rows and a tuple of column titles."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._columns: tuple[str, ...] = ()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tip(section)
        return None

    def header_tip(self, section: int) -> str | None:
        return None

    def row(self, row: int) -> Any:
        return self._rows[row]

    def _set(self, rows: list[Any], columns: tuple[str, ...]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._columns = columns
        self.endResetModel()


# --------------------------------------------------------------------------- sessions


@dataclass(frozen=True)
class SessionRow:
    session: SessionRecord
    counts: AttemptCounts


class SessionListModel(_TableModel):
    """Sessions. "Sesi" shows the title with date, kind and place below it, and sorts by
    date; the date, kind and code columns are there for sorting and searching."""

    DATE, SESSION, KIND, CODE, FINISHED = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = self._titles()

    def _titles(self) -> tuple[str, ...]:
        return (self.tr("Tanggal"), self.tr("Sesi"), self.tr("Jenis"), self.tr("Kode"),
                self.tr("Selesai"))

    def kind_label(self, kind: TestKind) -> str:
        return {
            TestKind.PRETEST: self.tr("Pre-test"),
            TestKind.POSTTEST: self.tr("Post-test"),
            TestKind.TEST: self.tr("Tes"),
            TestKind.SURVEY: self.tr("Survei"),
        }[kind]

    def set_sessions(self, rows: list[SessionRow]) -> None:
        self._set(list(rows), self._titles())

    def row_of(self, session_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.session.id == session_id:
                return i
        return -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r: SessionRow = self._rows[index.row()]
        s, col = r.session, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.SESSION:
                below = " · ".join(x for x in (s.date, self.kind_label(s.kind), s.place) if x)
                return f"{s.title}\n{below}"
            return (s.date, None, self.kind_label(s.kind), s.code, r.counts.finished)[col]
        if role == SORT_ROLE:  # the "Sesi" column sorts by date, like the list itself
            when = f"{s.date} {s.created_at}"
            return (when, when, str(s.kind), s.code, r.counts.finished)[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [s.title, s.place, self.tr("Kode {0}").format(s.code)]
            if s.trainer:
                parts.append(self.tr("Pelatih: {0}").format(s.trainer))
            parts.append(self.tr("{0} selesai, {1} sedang mengerjakan, {2} dibatalkan")
                         .format(r.counts.finished, r.counts.in_progress, r.counts.abandoned))
            return "\n".join(p for p in parts if p)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col == self.FINISHED:
                return _RIGHT
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None


class SessionFilterProxy(QSortFilterProxyModel):
    """Every word typed must occur in the title, place, trainer, date or code."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortRole(SORT_ROLE)

    def set_search(self, text: str) -> None:
        def change() -> None:
            self._words = [w.casefold() for w in text.split()]

        refilter(self, change)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        assert isinstance(model, SessionListModel)
        s = model.row(source_row).session
        hay = " ".join((s.title, s.place, s.trainer, s.date, s.code)).casefold()
        return all(w in hay for w in self._words)


# --------------------------------------------------------------------------- participants


@dataclass(frozen=True, slots=True)
class ParticipantRow:
    """One attempt as the table shows it, built in the worker: every cell's text and sort
    key precomputed, so the UI thread neither formats nor compares attempts."""

    attempt: AttemptSummary
    cells: tuple[str, ...]
    keys: tuple[Any, ...]
    haystack: str  # case-folded name, position, unit, rank (for the filter)
    pre: float | None = None
    gain: float | None = None


@dataclass(frozen=True)
class RowLabels:
    """Translated words the worker puts into cells (translated on the UI thread)."""

    finished: str = "Selesai"
    in_progress: str = "Belum selesai"
    abandoned: str = "Dibatalkan"
    yes: str = "Ya"
    no: str = "Tidak"
    void: str = "Tidak sah"  # "Lulus" of an attempt HR declared invalid
    void_note: str = "Tidak sah: {0}"  # "Keterangan", with the reason


def participant_rows(ov: SessionOverview, labels: RowLabels) -> list[ParticipantRow]:
    """The table rows of a session (worker side; no Qt)."""
    status_text = {AttemptStatus.FINISHED: labels.finished,
                   AttemptStatus.IN_PROGRESS: labels.in_progress,
                   AttemptStatus.ABANDONED: labels.abandoned}
    prepost = ov.has_pretest
    rows = []
    for a in ov.attempts:
        p = a.participant
        nip = p.nip or ""
        if a.done:  # finished with a result, valid or voided
            graded = a.graded
            nilai = (num(a.nilai), a.nilai) if graded else ("-", -1.0)
            if a.voided:
                passed: tuple[str, int] = (labels.void, -1)
            elif graded and not is_hall_team(p):  # a team in the hall neither passes nor fails
                passed = ((labels.yes if a.passed else labels.no), 2 if a.passed else 1)
            else:
                passed = ("-", 0)
            counts = (f"{a.correct} / {a.partial} / {a.wrong} / {a.unanswered}", a.correct)
            secs = a.duration if a.duration is not None else a.elapsed
        else:
            nilai = (status_text[a.status], -2.0)
            passed = ("", 0)
            counts = ("", -1)
            secs = a.elapsed
        m, sec = divmod(int(round(secs)), 60)
        note = labels.void_note.format(a.void_reason) if a.voided else ""
        cells = [p.name, format_nip(nip) if nip else "", p.unit, nilai[0], passed[0],
                 counts[0], f"{m}:{sec:02d}", note]
        keys: list[Any] = [p.name.casefold(), nip, p.unit.casefold(), nilai[1], passed[1],
                           counts[1], secs, note.casefold()]
        pre = gain = None
        if prepost:
            if nip and not a.voided:  # a voided attempt is never compared
                pre = ov.pretest_nilai.get(nip)
                gain = normalised_gain(pre, a.nilai if a.finished and a.graded else None)
            cells += [num(pre), num(gain)]
            keys += [-1.0 if pre is None else pre, -9.0 if gain is None else gain]
        hay = " ".join((p.name, p.position, p.unit, p.rank)).casefold()
        rows.append(ParticipantRow(a, tuple(cells), tuple(keys), hay, pre, gain))
    return rows


class ParticipantsModel(_TableModel):
    """One row per attempt of the session (unfinished and voided ones too, with their
    status). "Keterangan" gives the reason of an attempt HR declared invalid.

    Rows come prebuilt (:func:`participant_rows`, in a worker) and the model sorts itself
    (:meth:`sort`, one Python sort of precomputed keys) instead of letting a proxy call
    ``data()`` n·log n times."""

    NAME, NIP, UNIT, NILAI, PASSED, COUNTS, DURATION, NOTE = range(8)
    PRE, GAIN = 8, 9

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._prepost = False
        self._columns = self._titles(False)

    def _titles(self, prepost: bool) -> tuple[str, ...]:
        cols = (self.tr("Nama"), self.tr("NIP"), self.tr("Unit Kerja"), self.tr("Nilai"),
                self.tr("Lulus"), self.tr("B / SB / S / K"), self.tr("Durasi"),
                self.tr("Keterangan"))
        return cols + ((self.tr("Pre"), self.tr("N-Gain")) if prepost else ())

    def labels(self) -> RowLabels:
        return RowLabels(self.tr("Selesai"), self.tr("Belum selesai"), self.tr("Dibatalkan"),
                         self.tr("Ya"), self.tr("Tidak"), self.tr("Tidak sah"),
                         self.tr("Tidak sah: {0}"))

    def set_rows(self, rows: list[ParticipantRow], prepost: bool) -> None:
        self._prepost = prepost
        self._set(rows, self._titles(prepost))

    def set_results(self, overview: SessionOverview | None) -> None:
        """Build the rows here (small sessions, tests); the window builds them in a worker."""
        if overview is None:
            self.set_rows([], False)
        else:
            self.set_rows(participant_rows(overview, self.labels()), overview.has_pretest)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        before = [self._rows[i.row()] for i in old]
        self._rows.sort(key=lambda r: r.keys[column],
                        reverse=order == Qt.SortOrder.DescendingOrder)
        now = {id(r): i for i, r in enumerate(self._rows)}
        self.changePersistentIndexList(
            old, [self.index(now[id(r)], i.column()) for r, i in zip(before, old, strict=True)])
        self.layoutChanged.emit()

    def header_tip(self, section: int) -> str | None:
        if section == self.COUNTS:
            return self.tr("Jumlah soal benar / sebagian benar / salah / kosong (tidak "
                           "dijawab)")
        if section == self.PRE:
            return self.tr("Nilai pretest (dicocokkan menurut NIP)")
        if section == self.GAIN:
            return self.tr("N-Gain = (posttest − pretest) / (100 − pretest)")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r: ParticipantRow = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return r.cells[col]
        if role == SORT_ROLE:
            return r.keys[col]
        a = r.attempt
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (
            self.NILAI, self.COUNTS, self.DURATION, self.PRE, self.GAIN
        ):
            return _RIGHT
        if role == Qt.ItemDataRole.FontRole and col == self.NILAI and not a.done:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.FontRole and col == self.NILAI and r.attempt.voided:
            font = QFont()
            font.setStrikeOut(True)  # the score stands, but does not count
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if col in (self.PASSED, self.NOTE) and a.voided:
                return _FAIL
            if col == self.PASSED and a.finished and a.graded and not a.passed \
                    and not is_hall_team(a.participant):
                return _FAIL
            if col == self.NILAI and a.status is not AttemptStatus.FINISHED:
                return _WARN
            if col == self.GAIN and r.gain is not None and r.gain < 0:
                return _FAIL
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.NAME, self.NIP):
            p = a.participant
            bits = [p.name, str(p.employee_type), p.position, p.unit, p.rank]
            if a.device:
                bits.append(self.tr("Laptop: {0}").format(a.device))
            return "\n".join(b for b in bits if b)
        if role == Qt.ItemDataRole.ToolTipRole and r.attempt.voided:
            return self.tr("Dinyatakan tidak sah {0}: {1}").format(
                local_time(r.attempt.voided_at), r.attempt.void_reason)
        return None


class ParticipantFilterProxy(QSortFilterProxyModel):
    """Filter on any column (name, NIP with or without spaces, unit...)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self._needle = ""

    def set_search(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle == self._needle:
            return  # nothing to redo (a 10,000-row refilter is not free)

        def change() -> None:
            self._needle = needle

        refilter(self, change)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        assert isinstance(model, ParticipantsModel)
        row = model.row(source_row)
        needle = self._needle
        compact = needle.replace(" ", "").replace(".", "")
        nip = row.attempt.participant.nip
        return needle in row.haystack or bool(nip and compact and compact in nip)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is the source model's (precomputed keys); the proxy keeps its order."""
        model = self.sourceModel()
        if isinstance(model, ParticipantsModel):
            model.sort(column, order)


# --------------------------------------------------------------------------- answers


def option_label(question: Question, key: str) -> str:
    if question.type is QuestionType.TRUE_FALSE:
        return "Benar" if key == TRUE_KEY else "Salah" if key == FALSE_KEY else key
    try:
        return f"{key}. {question.option(key).text}"
    except KeyError:
        return key


@dataclass(frozen=True)
class AnswerRow:
    number: int
    question: Question
    choice: frozenset[str]
    score: QuestionScore | None
    time_taken: float | None


class AnswersModel(_TableModel):
    """A participant's answers with the questions, from the attempt's spec snapshot, in
    the order the participant saw them. Letters are the bank's own (not the shuffle)."""

    NO, QUESTION, ANSWER, KEY, RESULT, POINTS, TIME = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = self._titles()
        self._categories: dict[str, str] = {}

    def _titles(self) -> tuple[str, ...]:
        return (self.tr("No"), self.tr("Soal"), self.tr("Jawaban"), self.tr("Kunci"),
                self.tr("Hasil"), self.tr("Poin"), self.tr("Detik"))

    def set_attempt(self, attempt: AttemptRecord | None,
                    categories: dict[str, str] | None = None) -> None:
        rows: list[AnswerRow] = []
        self._categories = dict(categories or {})
        if attempt is not None:
            scores = attempt.result.per_question if attempt.result else ()
            for i, aq in enumerate(attempt.spec.questions):
                rec = attempt.answers.get(aq.id)
                rows.append(AnswerRow(
                    i + 1, aq.question, rec.choice if rec else frozenset(),
                    scores[i] if i < len(scores) else None,
                    rec.time_taken if rec else None,
                ))
        self._set(rows, self._titles())

    def set_categories(self, categories: dict[str, str]) -> None:
        self._categories = dict(categories)

    def _result(self, r: AnswerRow) -> str:
        if r.question.type is QuestionType.POLL:
            return self.tr("Survei")
        if r.score is not None and r.score.excluded is Excluded.SKIPPED:
            return self.tr("Dilewati")
        if r.score is not None and r.score.excluded is Excluded.NOT_SHOWN:
            return self.tr("Tidak ditayangkan")
        if not r.choice:
            return self.tr("Tidak dijawab")
        if r.score is None:
            return ""
        if r.score.correct:
            return self.tr("Benar")
        return self.tr("Sebagian benar") if r.score.fraction > 0 else self.tr("Salah")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r: AnswerRow = self._rows[index.row()]
        q, col = r.question, index.column()
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            if col == self.NO:
                return r.number
            if col == self.QUESTION:
                text = " ".join(q.text.split())
                return text if role == SORT_ROLE else f"{q.id} — {text}"
            if col == self.ANSWER:
                return "; ".join(option_label(q, k) for k in sorted(r.choice))
            if col == self.KEY:
                return "; ".join(option_label(q, k) for k in sorted(q.answer))
            if col == self.RESULT:
                return self._result(r)
            if col == self.POINTS:
                if r.score is None or not q.scored:
                    return "" if role == Qt.ItemDataRole.DisplayRole else -1.0
                return num(r.score.points) if role == Qt.ItemDataRole.DisplayRole else \
                    r.score.points
            if col == self.TIME:
                if r.time_taken is None:
                    return "" if role == Qt.ItemDataRole.DisplayRole else -1.0
                return num(round(r.time_taken, 1)) if role == Qt.ItemDataRole.DisplayRole \
                    else r.time_taken
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.QUESTION, self.ANSWER, self.KEY):
            lines = [f"{q.id} · {self._categories.get(q.category, q.category)}", "",
                     q.text.strip(), ""]
            lines += [option_label(q, o.key) for o in q.options]
            if q.explanation:
                lines += ["", self.tr("Pembahasan: {0}").format(q.explanation.strip())]
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.RESULT:
            if r.choice and r.score is not None and q.scored and not r.score.correct:
                return _WARN if r.score.fraction > 0 else _FAIL
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.NO, self.POINTS,
                                                                  self.TIME):
            return _RIGHT
        return None


# --------------------------------------------------------------------------- item analysis


class ItemStatsModel(_TableModel):
    QUESTION, CATEGORY, N, FACILITY, DISCRIMINATION, SPREAD, NOTES = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = self._titles()
        self._categories: dict[str, str] = {}
        self.analysis: ItemAnalysis | None = None

    def _titles(self) -> tuple[str, ...]:
        return (self.tr("Soal"), self.tr("Kategori"), self.tr("n"), self.tr("p"), self.tr("r"),
                self.tr("Sebaran jawaban"), self.tr("Catatan"))

    def header_tip(self, section: int) -> str | None:
        return {
            self.N: self.tr("Jumlah peserta yang mendapat soal ini"),
            self.FACILITY: self.tr("Tingkat kesukaran: proporsi jawaban benar (0–1)"),
            self.DISCRIMINATION: self.tr(
                "Daya pembeda: korelasi skor soal dengan skor soal lainnya (−1 sampai 1)"),
            self.SPREAD: self.tr("Berapa kali setiap pilihan dipilih; * = kunci"),
        }.get(section)

    def set_analysis(self, analysis: ItemAnalysis | None,
                     categories: dict[str, str] | None = None) -> None:
        self.analysis = analysis
        self._categories = dict(categories or {})
        self._set(list(analysis.items) if analysis else [], self._titles())

    def flag_text(self, flag: ItemFlag, item: ItemStats) -> str:
        if flag is ItemFlag.TOO_EASY:
            return self.tr("terlalu mudah (p > 0,9)")
        if flag is ItemFlag.TOO_HARD:
            return self.tr("terlalu sulit (p < 0,2)")
        if flag is ItemFlag.NEGATIVE_DISCRIMINATION:
            return self.tr("daya pembeda negatif: periksa kunci/kalimat soal")
        keys = ", ".join(item.unused_distractors)
        return self.tr("pengecoh tidak dipilih siapa pun: {0}").format(keys)

    def _spread(self, item: ItemStats) -> str:
        def label(key: str) -> str:
            if item.type is QuestionType.TRUE_FALSE:
                return "Benar" if key == TRUE_KEY else "Salah"
            return key

        parts = [f"{label(o.key)}{'*' if o.correct else ''} {o.count}" for o in item.options]
        parts.append(self.tr("kosong {0}").format(item.unanswered))
        return " · ".join(parts)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item: ItemStats = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            display = role == Qt.ItemDataRole.DisplayRole
            if col == self.QUESTION:
                text = " ".join(item.text.split())
                return f"{item.question_id} — {text}" if display else item.question_id
            if col == self.CATEGORY:
                return self._categories.get(item.category, item.category)
            if col == self.N:
                return item.n
            if col == self.FACILITY:
                v = item.facility
                return (num(None if v is None else round(v, 2)) if display
                        else -1.0 if v is None else v)
            if col == self.DISCRIMINATION:
                v = item.discrimination
                return (num(None if v is None else round(v, 2)) if display
                        else -9.0 if v is None else v)
            if col == self.SPREAD:
                return self._spread(item)
            if col == self.NOTES:
                notes = [self.flag_text(f, item) for f in ItemFlag if f in item.flags]
                return "; ".join(notes) if display else len(notes)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.NOTES and item.flags:
            return _WARN
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.QUESTION, self.SPREAD):
            return "\n".join([item.text.strip(), ""] + [
                f"{o.key}{' (kunci)' if o.correct else ''}: {o.text} — {o.count}"
                for o in item.options])
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.N, self.FACILITY,
                                                                  self.DISCRIMINATION):
            return _RIGHT
        return None


class SortProxy(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
