"""Results export: CSV (two dialects) and XLSX that Excel keeps intact.

The layout (column order, dialects, NIP handling, what happens to unfinished attempts) is
documented for trainers and HR in ``docs/export-format.md``; keep the two in step.

* :func:`load_results` reads one session from the store: its finished attempts (the only
  ones exported; attempts still in progress or abandoned are counted, not exported), the
  categories in bank order, and the linked pre-test's *nilai* by NIP.
* :func:`summary_table`, :func:`detail_table` and :func:`analysis_table` turn that into
  typed :class:`Table` rows (values stay numbers, dates and text).
* :func:`write_csv` and :func:`write_xlsx` write tables atomically: into a temporary file
  in the target folder, flushed to disk, then ``os.replace``-d over the target. A folder
  that vanished (USB stick pulled) raises :class:`ExportError` and leaves no half file.

CSV injection (OWASP): text that came from people (names, units, titles, bank ids) and
starts with ``=``, ``+``, ``-``, ``@``, a tab or a CR is prefixed with ``'`` in CSV, and is
always written as a string cell (never a formula) in XLSX. Numbers we compute ourselves
(a negative N-gain, for instance) stay numbers.
"""

from __future__ import annotations

import csv
import errno
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from itertools import islice
from pathlib import Path
from typing import IO, Any

from .analysis import ItemAnalysis, ItemFlag, analyse
from .attempt import AttemptResult
from .errors import ExportError, QuizError
from .model import FALSE_KEY, TRUE_KEY, Category, QuestionType
from .nip import format_nip
from .scoring import round_half_up
from .store import AttemptRecord, AttemptStatus, ResultsStore, SessionRecord

__all__ = [
    "DETAIL_HEADERS",
    "PREPOST_HEADERS",
    "SUMMARY_HEADERS",
    "Column",
    "Dialect",
    "ExportFormat",
    "ExportReport",
    "Kind",
    "PrePost",
    "SessionResults",
    "Table",
    "analysis_table",
    "atomic_target",
    "detail_table",
    "export_session",
    "format_number",
    "gain_summary",
    "load_results",
    "neutralise",
    "normalised_gain",
    "pre_post",
    "resolve_categories",
    "resolve_session",
    "score_summary",
    "write_results",
    "summary_table",
    "write_csv",
    "write_xlsx",
]

Value = str | int | float | date | None
Progress = Callable[[int, int], None]

SUMMARY_HEADERS = (
    "NIP", "Nama", "Jabatan", "Unit Kerja", "Golongan", "Jenis Pegawai", "Sesi", "Tempat",
    "Tanggal", "Jenis Tes", "Jumlah Soal", "Benar", "Salah", "Tidak Dijawab", "Nilai",
    "Lulus", "Durasi (detik)",
)
CATEGORY_PREFIX = "Nilai "
PREPOST_HEADERS = ("Nilai Pretest", "Nilai Posttest", "N-Gain")
DETAIL_HEADERS = (
    "NIP", "Nama", "Soal", "Kategori", "Jawaban", "Kunci", "Benar", "Poin", "Waktu (detik)",
)
SHEET_SUMMARY, SHEET_DETAIL, SHEET_ANALYSIS = "Ringkasan", "Detail", "Analisis Soal"
XLSX_MAX_ROWS = 1_048_576  # Excel's limit, header row included
YES, NO, NOT_GRADED = "Ya", "Tidak", "-"
_DANGEROUS = frozenset("=+-@\t\r")
_PROGRESS_EVERY = 2000

# Indonesian text for the analysis flags (the core's codes; the UI has its own tr() copy).
FLAG_TEXT = {
    ItemFlag.TOO_EASY: "terlalu mudah (> 0,9)",
    ItemFlag.TOO_HARD: "terlalu sulit (< 0,2)",
    ItemFlag.NEGATIVE_DISCRIMINATION: "daya pembeda negatif",
    ItemFlag.UNUSED_DISTRACTOR: "ada pengecoh yang tidak dipilih",
}


def flag_text(flag: ItemFlag, item: Any) -> str:
    """Indonesian text of one analysis flag (with the unused options named)."""
    text = FLAG_TEXT[flag]
    if flag is ItemFlag.UNUSED_DISTRACTOR and item.unused_distractors:
        keys = ", ".join(_option_label(item.type, k) for k in item.unused_distractors)
        text += f" ({keys})"
    return text


class Dialect(StrEnum):
    ID = "id"  # Excel with Indonesian regional settings: ';' and decimal comma
    INTL = "intl"  # ',' and decimal point


class ExportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


_DIALECT = {Dialect.ID: (";", ","), Dialect.INTL: (",", ".")}


class Kind(StrEnum):
    """How a column's values are written."""

    TEXT = "text"  # people's text: neutralised in CSV, a string cell in XLSX
    CODE = "code"  # our own fixed words (Ya/Tidak, PNS, pretest): written as is
    NIP = "nip"  # 18 digits; CSV: spaced official form, XLSX: text cell '@'
    NUMBER = "number"  # up to 2 decimals
    INTEGER = "integer"
    DATE = "date"  # ISO 8601


@dataclass(frozen=True)
class Column:
    header: str
    kind: Kind
    width: float = 0.0  # XLSX width in characters; 0 = from the header and the values
    number_format: str = ""  # XLSX only


@dataclass
class Table:
    """Typed rows for one sheet/file. ``rows`` may be a generator; ``count`` is the number
    of rows it yields (for progress and the XLSX row limit)."""

    name: str
    columns: tuple[Column, ...]
    rows: Iterable[Sequence[Value]]
    count: int
    footer: tuple[tuple[str, Value], ...] = ()  # XLSX: label/value lines under the table
    formatted: bool = False  # rows are already CSV strings (the detail fast path)

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(c.header for c in self.columns)


# --------------------------------------------------------------------------- loading

_CODE_RE = re.compile(r"^[0-9A-Za-z]{4}-?[0-9A-Za-z]{4}$")


def resolve_session(store: ResultsStore, ref: str | int) -> SessionRecord:
    """A session by id (``12``), ``latest``, or its code (``ABCD-EFGH``)."""
    text = str(ref).strip()
    if text.lower() in ("latest", "terakhir"):
        latest = store.latest_session()
        if latest is None:
            raise ExportError("Belum ada sesi di basis data hasil ini.")
        return latest
    if text.isdigit():
        return store.session(int(text))
    if _CODE_RE.match(text):
        code = text.upper().replace("-", "")
        code = f"{code[:4]}-{code[4:]}"
        for s in store.sessions(code):
            if s.code == code:
                return s
        raise ExportError(f"Sesi dengan kode {code} tidak ditemukan.")
    raise ExportError(
        f"Sesi '{text}' tidak dikenal: tulis nomor sesi (lihat 'quiz-app sessions'), "
        "'latest', atau kode sesi seperti ABCD-EFGH."
    )



@dataclass(frozen=True)
class SessionResults:
    """One session, ready to export or show."""

    session: SessionRecord
    attempts: tuple[AttemptRecord, ...]  # finished, in the order they started
    unfinished: tuple[AttemptRecord, ...]  # in progress or abandoned: not exported
    categories: tuple[Category, ...]  # bank order; only categories the attempts used
    pretest: SessionRecord | None = None
    pretest_nilai: dict[str, float] = field(default_factory=dict)  # NIP -> latest nilai

    @property
    def has_pretest(self) -> bool:
        return self.pretest is not None


def _bank_dirs(session: SessionRecord, extra: Sequence[Path]) -> list[Path]:
    dirs = [Path(d) for d in extra]
    if session.plan.path is not None:
        plan_dir = Path(session.plan.path).parent
        dirs += [plan_dir, plan_dir.parent]
    return [d for d in dirs if d.is_dir()]


def resolve_categories(
    session: SessionRecord,
    attempts: Iterable[AttemptRecord],
    bank_dirs: Sequence[Path] = (),
) -> tuple[Category, ...]:
    """The categories the attempts used, in bank order, with their titles.

    Titles come from the plan's banks (found by id in ``bank_dirs``, next to the plan
    file, then among the bundled banks). A category no bank describes keeps its id as
    title and goes last, sorted by id; so the column order is stable either way.
    """
    from .bank import load_bank
    from .resources import find_bank_by_id

    used: set[str] = set()
    for rec in attempts:
        used.update(aq.question.category for aq in rec.spec.questions)
    known: list[Category] = []
    seen: set[str] = set()
    dirs = _bank_dirs(session, bank_dirs)
    for bank_id in session.plan.banks:
        path = find_bank_by_id(bank_id, dirs)
        if path is None:
            continue
        try:
            bank = load_bank(path)
        except QuizError:
            continue  # a bank that no longer validates: fall back to category ids
        for cat in bank.categories:
            if cat.id in used and cat.id not in seen:
                known.append(cat)
                seen.add(cat.id)
    rest = [Category(c, c) for c in sorted(used - seen)]
    return tuple(known + rest)


def _latest_by_nip(attempts: Iterable[AttemptRecord]) -> dict[str, AttemptRecord]:
    latest: dict[str, AttemptRecord] = {}
    for rec in attempts:
        nip = rec.participant.nip
        if not nip or rec.result is None or not rec.result.graded:
            continue
        old = latest.get(nip)
        if old is None or (rec.finished_at or "") >= (old.finished_at or ""):
            latest[nip] = rec
    return latest


def load_results(
    store: ResultsStore,
    session_id: int,
    *,
    pretest_session_id: int | None = None,
    bank_dirs: Sequence[Path] = (),
    categories: Sequence[Category] | None = None,
) -> SessionResults:
    """Read a session for export or display.

    ``pretest_session_id`` overrides the session's own link to its pre-test. The pre-test
    *nilai* of a NIP is that of its last finished attempt there.
    """
    session = store.session(session_id)
    records = store.attempts(session_id)
    finished = tuple(r for r in records if r.status is AttemptStatus.FINISHED and r.result)
    unfinished = tuple(r for r in records if r not in finished)
    cats = (
        tuple(categories)
        if categories is not None
        else resolve_categories(session, finished, bank_dirs)
    )
    pre_id = pretest_session_id if pretest_session_id is not None else session.pretest_session_id
    pretest = None
    pre_nilai: dict[str, float] = {}
    if pre_id is not None:
        if pre_id == session_id:
            raise ExportError(
                f"Sesi {session_id} tidak dapat menjadi pre-test bagi dirinya sendiri."
            )
        pretest = store.session(pre_id)
        pre_finished = [r for r in store.attempts(pre_id) if r.status is AttemptStatus.FINISHED]
        pre_nilai = {
            nip: rec.result.nilai
            for nip, rec in _latest_by_nip(pre_finished).items()
            if rec.result is not None
        }
    return SessionResults(session, finished, unfinished, cats, pretest, pre_nilai)


# --------------------------------------------------------------------------- pre/post


def normalised_gain(pre: float | None, post: float | None) -> float | None:
    """Hake's normalised gain ``(post - pre) / (100 - pre)``, 2 decimals (half-up).

    None when either score is missing or the pre-test was already 100.
    """
    if pre is None or post is None or pre >= 100:
        return None
    return round_half_up((post - pre) / (100 - pre), 2)


@dataclass(frozen=True)
class PrePost:
    nip: str
    name: str
    pre: float | None
    post: float
    gain: float | None


def pre_post(results: SessionResults) -> list[PrePost]:
    """One entry per NIP of the post-test (its last finished attempt), matched by NIP."""
    if not results.has_pretest:
        return []
    out = []
    for nip, rec in _latest_by_nip(results.attempts).items():
        assert rec.result is not None
        pre = results.pretest_nilai.get(nip)
        post = rec.result.nilai
        out.append(PrePost(nip, rec.participant.name, pre, post, normalised_gain(pre, post)))
    return sorted(out, key=lambda p: (p.name.casefold(), p.nip))


@dataclass(frozen=True)
class GainSummary:
    matched: int  # participants with both scores
    improved: int  # post > pre
    mean_gain: float | None  # mean N-gain of those where it is defined
    mean_pre: float | None
    mean_post: float | None


def gain_summary(pairs: Sequence[PrePost]) -> GainSummary:
    both = [p for p in pairs if p.pre is not None]
    gains = [p.gain for p in both if p.gain is not None]
    pres = [p.pre for p in both if p.pre is not None]

    def mean(values: Sequence[float]) -> float | None:
        return round_half_up(sum(values) / len(values), 2) if values else None

    return GainSummary(
        matched=len(both),
        improved=sum(1 for p in both if p.pre is not None and p.post > p.pre),
        mean_gain=mean(gains),
        mean_pre=mean(pres),
        mean_post=mean([p.post for p in both]),
    )


@dataclass(frozen=True)
class ScoreSummary:
    finished: int
    unfinished: int
    graded: int  # finished attempts with something scored (not surveys)
    passed: int
    mean_nilai: float | None
    lowest: float | None
    highest: float | None


def score_summary(results: SessionResults) -> ScoreSummary:
    """Counts and mean *nilai* of a session, for the results window."""
    graded = [r.result for r in results.attempts if r.result is not None and r.result.graded]
    values = [g.nilai for g in graded]
    return ScoreSummary(
        finished=len(results.attempts),
        unfinished=len(results.unfinished),
        graded=len(graded),
        passed=sum(1 for g in graded if g.passed),
        mean_nilai=round_half_up(sum(values) / len(values), 2) if values else None,
        lowest=min(values) if values else None,
        highest=max(values) if values else None,
    )


# --------------------------------------------------------------------------- tables


def _option_label(qtype: QuestionType, key: str) -> str:
    if qtype is QuestionType.TRUE_FALSE:
        return "Benar" if key == TRUE_KEY else "Salah" if key == FALSE_KEY else key
    return key


def _keys_label(qtype: QuestionType, keys: Iterable[str]) -> str:
    """Option keys in the bank's own lettering (never the shuffled display order)."""
    return ",".join(_option_label(qtype, k) for k in sorted(keys))


def _nilai(result: AttemptResult, value: float) -> Value:
    return value if result.graded else NOT_GRADED


def summary_table(results: SessionResults) -> Table:
    """One row per finished attempt. Column order: ``docs/export-format.md``."""
    s = results.session
    cat_cols = tuple(Column(CATEGORY_PREFIX + c.title, Kind.NUMBER) for c in results.categories)
    columns = (
        Column("NIP", Kind.NIP, 21),
        Column("Nama", Kind.TEXT),
        Column("Jabatan", Kind.TEXT),
        Column("Unit Kerja", Kind.TEXT),
        Column("Golongan", Kind.TEXT),
        Column("Jenis Pegawai", Kind.CODE),
        Column("Sesi", Kind.TEXT),
        Column("Tempat", Kind.TEXT),
        Column("Tanggal", Kind.DATE, 12),
        Column("Jenis Tes", Kind.CODE),
        Column("Jumlah Soal", Kind.INTEGER),
        Column("Benar", Kind.INTEGER),
        Column("Salah", Kind.INTEGER),
        Column("Tidak Dijawab", Kind.INTEGER),
        Column("Nilai", Kind.NUMBER, number_format="0.00"),
        Column("Lulus", Kind.CODE),
        Column("Durasi (detik)", Kind.INTEGER),
        *cat_cols,
    )
    if results.has_pretest:
        columns += (
            Column(PREPOST_HEADERS[0], Kind.NUMBER, number_format="0.00"),
            Column(PREPOST_HEADERS[1], Kind.NUMBER, number_format="0.00"),
            Column(PREPOST_HEADERS[2], Kind.NUMBER, number_format="0.00"),
        )
    day = date.fromisoformat(s.date)
    cat_ids = [c.id for c in results.categories]

    def rows() -> Iterator[list[Value]]:
        for rec in results.attempts:
            r = rec.result
            assert r is not None
            p = rec.participant
            row: list[Value] = [
                p.nip or None, p.name, p.position, p.unit, p.rank, str(p.employee_type),
                s.title, s.place, day, str(s.kind), len(rec.spec.questions), r.correct,
                r.wrong, r.unanswered, _nilai(r, r.nilai),
                (YES if r.passed else NO) if r.graded else NOT_GRADED,
                int(r.duration + 0.5),  # whole seconds, half up (never negative)
            ]
            for cid in cat_ids:
                v = r.nilai_per_category.get(cid)
                row.append(None if v is None else v)
            if results.has_pretest:
                pre = results.pretest_nilai.get(p.nip) if p.nip else None
                post = r.nilai if r.graded else None
                row += [pre, post, normalised_gain(pre, post)]
            yield row

    return Table(SHEET_SUMMARY, columns, rows(), len(results.attempts))


def _identity(v: Any) -> Any:
    return v


def _detail_rows(
    results: SessionResults,
    nip: Callable[[Any], Any] = _identity,
    text: Callable[[Any], Any] = _identity,
    number: Callable[[Any], Any] = _identity,
) -> Iterator[tuple[Any, ...]]:
    """Rows of the detail table. The formatters run once per distinct value (cached), so
    the CSV path can get finished strings at the cost of dictionary lookups."""
    titles = {c.id: c.title for c in results.categories}
    # per question id: (id, category title, key label, choice labels of its type, poll?),
    # shared by all attempts; choice labels are cached per question type
    static: dict[str, tuple[Any, Any, str, dict[frozenset[str], str], QuestionType, bool]] = {}
    labels: dict[QuestionType, dict[frozenset[str], str]] = {t: {} for t in QuestionType}
    points: dict[float, Any] = {}
    times: dict[int, Any] = {0: number(0.0)}  # tenths of a second -> formatted seconds
    yes, no, poll = YES, NO, QuestionType.POLL
    for rec in results.attempts:
        assert rec.result is not None
        p = rec.participant
        who_nip, who_name = nip(p.nip or None), text(p.name)
        answers_get = rec.answers.get
        scores = rec.result.per_question
        if len(scores) != len(rec.spec.questions):
            raise ExportError(f"Hasil pengerjaan {rec.id} tidak cocok dengan soalnya.")
        for aq, qs in zip(rec.spec.questions, scores):  # noqa: B905 - lengths checked
            q = aq.question
            st = static.get(q.id)
            if st is None:
                st = static[q.id] = (
                    text(q.id), text(titles.get(q.category, q.category)),
                    _keys_label(q.type, q.answer), labels[q.type], q.type, q.type is poll)
            a = answers_get(q.id)
            if a is None:
                choice, tf = "", times[0]
            else:
                if a.choice:
                    choice = st[3].get(a.choice)
                    if choice is None:
                        choice = st[3][a.choice] = _keys_label(st[4], a.choice)
                else:
                    choice = ""
                # raw clock seconds are all different: one decimal, half up (never negative);
                # int() rather than round(x, 1), which costs a string conversion per call
                t = int(a.time_taken * 10 + 0.5)
                tf = times.get(t)
                if tf is None:
                    tf = times[t] = number(t / 10)
            pts = points.get(qs.points)
            if pts is None:
                pts = points[qs.points] = number(qs.points)
            yield (who_nip, who_name, st[0], st[1], choice, st[2],
                   "" if st[5] else yes if qs.correct else no, pts, tf)


DETAIL_COLUMNS = (
    Column("NIP", Kind.NIP, 21),
    Column("Nama", Kind.TEXT),
    Column("Soal", Kind.TEXT),
    Column("Kategori", Kind.TEXT),
    Column("Jawaban", Kind.CODE),
    Column("Kunci", Kind.CODE),
    Column("Benar", Kind.CODE),
    Column("Poin", Kind.NUMBER),
    Column("Waktu (detik)", Kind.NUMBER, number_format="0.0"),
)


def detail_table(results: SessionResults, csv_dialect: Dialect | str | None = None) -> Table:
    """One row per question of every finished attempt (display order), answered or not.

    *Jawaban* and *Kunci* are option keys in the bank's lettering, several joined by
    ``,``; true/false shows ``Benar``/``Salah``. *Benar* is empty for polls.
    With ``csv_dialect`` the rows come out as finished CSV strings (``formatted``).
    """
    count = sum(len(r.spec.questions) for r in results.attempts)
    if csv_dialect is None:
        return Table(SHEET_DETAIL, DETAIL_COLUMNS, _detail_rows(results), count)
    decimal = _DIALECT[Dialect(csv_dialect)][1]
    fmts = _csv_formatters(DETAIL_COLUMNS, decimal)
    rows = _detail_rows(results, nip=fmts[0], text=fmts[1], number=fmts[7])
    return Table(SHEET_DETAIL, DETAIL_COLUMNS, rows, count, formatted=True)


def analysis_table(results: SessionResults, analysis: ItemAnalysis | None = None) -> Table:
    """Per-question statistics (see :mod:`quiz_app.core.analysis`), KR-20 as a footer."""
    analysis = analysis or analyse(results.attempts, [c.id for c in results.categories])
    titles = {c.id: c.title for c in results.categories}
    columns = (
        Column("Soal", Kind.TEXT),
        Column("Kategori", Kind.TEXT),
        Column("Jenis Soal", Kind.CODE),
        Column("Peserta", Kind.INTEGER),
        Column("Dijawab", Kind.INTEGER),
        Column("Tingkat Kesukaran (p)", Kind.NUMBER, number_format="0.00"),
        Column("Daya Pembeda (r)", Kind.NUMBER, number_format="0.00"),
        Column("Kunci", Kind.CODE),
        Column("Sebaran Jawaban", Kind.TEXT, 40),
        Column("Catatan", Kind.CODE, 40),
        Column("Teks Soal", Kind.TEXT, 60),
    )

    def spread(item: Any) -> str:
        parts = [
            f"{_option_label(item.type, o.key)}{'*' if o.correct else ''}: {o.count}"
            for o in item.options
        ]
        parts.append(f"kosong: {item.unanswered}")
        return "; ".join(parts)

    def rows() -> Iterator[tuple[Value, ...]]:
        for item in analysis.items:
            notes = [flag_text(f, item) for f in ItemFlag if f in item.flags]
            yield (
                item.question_id, titles.get(item.category, item.category), str(item.type),
                item.n, item.answered,
                None if item.facility is None else round_half_up(item.facility, 2),
                None if item.discrimination is None else round_half_up(item.discrimination, 2),
                _keys_label(item.type, item.answer), spread(item), "; ".join(notes), item.text,
            )

    kr20 = None if analysis.kr20 is None else round_half_up(analysis.kr20, 2)
    footer: tuple[tuple[str, Value], ...] = (
        ("Reliabilitas KR-20", kr20 if kr20 is not None else "-"),
        ("Peserta (pengerjaan selesai)", analysis.n_attempts),
    )
    return Table(SHEET_ANALYSIS, columns, rows(), len(analysis.items), footer)


# --------------------------------------------------------------------------- writing


def neutralise(text: str) -> str:
    """OWASP CSV injection: text starting with = + - @ tab or CR gets a leading ``'``."""
    return "'" + text if text and text[0] in _DANGEROUS else text


def format_number(value: float, decimal: str = ",") -> str:
    """At most 2 decimals, no trailing zeros, no thousands separator: ``85,5``, ``100``."""
    if value == int(value):
        return str(int(value))
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    if text in ("-0", "0"):
        return "0"
    return text.replace(".", decimal) if decimal != "." else text


def _csv_formatters(columns: Sequence[Column], decimal: str) -> list[Callable[[Any], str]]:
    text_cache: dict[str, str] = {}
    num_cache: dict[float, str] = {}
    nip_cache: dict[str, str] = {}

    def text(v: Any) -> str:
        if v is None:
            return ""
        out = text_cache.get(v)
        if out is None:
            out = neutralise(str(v))
            if len(text_cache) < 100_000:
                text_cache[v] = out
        return out

    def code(v: Any) -> str:
        return "" if v is None else str(v)

    def nip(v: Any) -> str:
        if not v:
            return ""
        out = nip_cache.get(v)
        if out is None:
            # The official spaced form (``19850312 201001 1 002``): all 18 digits, and
            # Excel cannot mistake it for a number. See docs/export-format.md.
            out = nip_cache[v] = format_nip(v)
        return out

    def number(v: Any) -> str:
        if v is None:
            return ""
        if isinstance(v, str):
            return v  # "-" for an ungraded attempt (our own text)
        out = num_cache.get(v)
        if out is None:
            out = format_number(v, decimal)
            if len(num_cache) < 100_000:
                num_cache[v] = out
        return out

    def integer(v: Any) -> str:
        return "" if v is None else str(v)

    def iso(v: Any) -> str:
        return "" if v is None else v.isoformat()

    by_kind = {Kind.TEXT: text, Kind.CODE: code, Kind.NIP: nip, Kind.NUMBER: number,
               Kind.INTEGER: integer, Kind.DATE: iso}
    return [by_kind[c.kind] for c in columns]


_FOLDER_GONE = (
    "Folder tujuan '{folder}' tidak ditemukan. Jika menyimpan ke flashdisk, pastikan "
    "flashdisk masih terpasang, lalu coba lagi."
)


def _write_error(target: Path, exc: OSError) -> ExportError:
    folder = target.parent
    if isinstance(exc, FileNotFoundError) or exc.errno == errno.ENOENT:
        text = _FOLDER_GONE.format(folder=folder)
    elif exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        text = f"Ruang penyimpanan di '{folder}' penuh; kosongkan sebagian lalu coba lagi."
    elif isinstance(exc, PermissionError):
        text = (
            f"Berkas '{target.name}' tidak dapat ditulis: tidak ada izin, atau berkas itu "
            "sedang dibuka di aplikasi lain (misalnya Excel). Tutup berkasnya atau pilih "
            "folder lain, lalu coba lagi."
        )
    elif isinstance(exc, IsADirectoryError):
        text = f"'{target}' adalah sebuah folder; pilih nama berkas."
    elif exc.errno == errno.EROFS:
        text = f"Folder '{folder}' hanya bisa dibaca (flashdisk terkunci?); pilih folder lain."
    else:
        text = f"Berkas '{target.name}' gagal ditulis ke '{folder}': {exc.strerror or exc}."
    return ExportError(text, target)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with suppress(OSError):  # some file systems (FAT on USB sticks) cannot fsync a folder
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextmanager
def atomic_target(target: Path) -> Iterator[Path]:
    """Yield a temporary path next to ``target``; on success it is flushed to disk and
    renamed over ``target``. On any failure the temporary file is removed and an OSError
    becomes an :class:`ExportError` with an Indonesian message."""
    target = Path(target)
    if target.is_dir():
        raise ExportError(f"'{target}' adalah sebuah folder; pilih nama berkas.", target)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise _write_error(target, exc) from exc
    os.close(fd)
    tmp = Path(name)
    done = False
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        done = True
    except OSError as exc:
        raise _write_error(target, exc) from exc
    finally:
        if not done:
            with suppress(OSError):  # the folder itself may be gone: nothing left to clean
                tmp.unlink()
    _fsync_dir(target.parent)


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


def _write_csv_rows(fh: IO[str], table: Table, dialect: Dialect,
                    progress: Progress | None) -> int:
    delimiter, decimal = _DIALECT[Dialect(dialect)]
    writer = csv.writer(fh, delimiter=delimiter, lineterminator="\r\n",
                        quoting=csv.QUOTE_MINIMAL)
    writer.writerow([neutralise(h) for h in table.headers])
    rows: Iterator[Sequence[Any]] = iter(table.rows)
    if not table.formatted:
        fmts = _csv_formatters(table.columns, decimal)
        rows = ([f(v) for f, v in zip(fmts, row, strict=True)] for row in rows)
    n, total = 0, table.count
    while batch := list(islice(rows, _PROGRESS_EVERY)):
        writer.writerows(batch)
        n += len(batch)
        _report(progress, n, total)
    _report(progress, n, total)
    return n


def write_csv(path: Path, table: Table, dialect: Dialect | str = Dialect.ID,
              progress: Progress | None = None) -> int:
    """Write ``table`` as CSV (UTF-8 with BOM, CRLF) atomically. Returns the row count.

    ``id``: ``;`` and decimal comma (Excel with Indonesian regional settings opens it by
    double-click); ``intl``: ``,`` and decimal point.
    """
    with atomic_target(Path(path)) as tmp, open(tmp, "w", encoding="utf-8", newline="") as fh:
        fh.write("\ufeff")  # the BOM; plain utf-8 after it takes Python's fast encoder path
        return _write_csv_rows(fh, table, Dialect(dialect), progress)


def _width(column: Column, sample: Sequence[Sequence[Value]], index: int) -> float:
    """Column width in characters: fits the values of the first rows; a long header
    wraps (at most 14 characters of it count), and text is capped at 36 characters."""
    if column.width:
        return column.width
    longest = 0
    for row in sample:
        v = row[index]
        if v is not None:
            longest = max(longest, len(v.isoformat() if isinstance(v, date) else str(v)))
    cap = 36 if column.kind in (Kind.TEXT, Kind.CODE) else 14
    return float(min(max(longest, min(len(column.header), 14), 6) + 2, cap))


def _xlsx_sheet(book: Any, table: Table, progress: Progress | None,
                done: int, total: int) -> int:
    if table.count + 1 > XLSX_MAX_ROWS:
        raise ExportError(
            f"Lembar '{table.name}' berisi {table.count} baris, melebihi batas Excel "
            f"({XLSX_MAX_ROWS - 1} baris). Ekspor rincian sebagai CSV (--format csv --detail)."
        )
    ws = book.add_worksheet(table.name)
    bold = book.add_format({"bold": True, "bg_color": "#E5E7EB", "bottom": 1,
                            "text_wrap": True, "valign": "top"})
    text_fmt = book.add_format({"num_format": "@"})
    date_fmt = book.add_format({"num_format": "yyyy-mm-dd"})
    num_fmts: dict[str, Any] = {}

    def num_fmt(code: str) -> Any:
        if code not in num_fmts:
            num_fmts[code] = book.add_format({"num_format": code}) if code else None
        return num_fmts[code]

    rows = iter(table.rows)
    sample = [list(r) for _, r in zip(range(200), rows, strict=False)]
    cols = table.columns
    formats: list[Any] = []
    header_lines = 1
    for i, c in enumerate(cols):
        fmt = (text_fmt if c.kind in (Kind.NIP, Kind.TEXT) else date_fmt if c.kind is Kind.DATE
               else num_fmt(c.number_format) if c.kind is Kind.NUMBER else None)
        formats.append(fmt)
        width = _width(c, sample, i)
        ws.set_column(i, i, width, fmt)
        header_lines = max(header_lines, min(3, -(-len(c.header) // max(int(width) - 1, 1))))
    ws.set_row(0, 15 * header_lines + 3)
    for i, h in enumerate(table.headers):
        ws.write_string(0, i, h, bold)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(table.count, 1), len(cols) - 1)
    # printing: A4 landscape, all columns on one page width, header row on every page
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0)

    write_string, write_number, write_datetime = ws.write_string, ws.write_number, ws.write_datetime
    kinds = [c.kind for c in cols]
    r = 0
    for row in _chain(sample, rows):
        r += 1
        for i, v in enumerate(row):
            if v is None:
                continue
            k = kinds[i]
            if isinstance(v, str):
                # always a string cell: "=cmd|..." stays text, "198503122010011002" too
                write_string(r, i, v, formats[i])
            elif isinstance(v, date):
                write_datetime(r, i, v, formats[i])
            elif k is Kind.NIP:
                write_string(r, i, str(v), formats[i])
            else:
                write_number(r, i, v, formats[i])
        if r % _PROGRESS_EVERY == 0:
            _report(progress, done + r, total)
    if table.footer:
        label_fmt = book.add_format({"bold": True})
        at = r + 2
        for label, value in table.footer:
            ws.write_string(at, 0, label, label_fmt)
            if isinstance(value, str):
                ws.write_string(at, 1, value)
            elif value is not None and not isinstance(value, date):
                ws.write_number(at, 1, value, num_fmt("0.00"))
            at += 1
    return r


def _chain(sample: list[list[Value]], rest: Iterator[Sequence[Value]]) -> Iterator[Sequence[Value]]:
    yield from sample
    yield from rest


def write_xlsx(path: Path, tables: Sequence[Table], progress: Progress | None = None) -> int:
    """Write the tables as sheets of one XLSX workbook, atomically. Returns data rows.

    NIP and people's text are string cells (NIP with number format ``@``), numbers are
    numbers, dates are dates (``yyyy-mm-dd``); each sheet has its header row frozen and
    auto-filtered, and column widths set.
    """
    import xlsxwriter  # lazy: only an XLSX export pays for it
    from xlsxwriter.exceptions import XlsxWriterException

    total = sum(t.count for t in tables)
    written = 0
    with atomic_target(Path(path)) as tmp:
        book = xlsxwriter.Workbook(
            str(tmp),
            {
                "constant_memory": True,  # rows streamed to disk: 500 000 rows stay small
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
            },
        )
        book.set_properties({"title": "Hasil Kuis ASN", "creator": "Kuis ASN"})
        try:
            for table in tables:
                written += _xlsx_sheet(book, table, progress, written, total)
        finally:
            try:
                book.close()
            except XlsxWriterException as exc:
                raise ExportError(f"Berkas XLSX gagal ditulis: {exc}.", path) from exc
        _report(progress, total, total)
    return written


# --------------------------------------------------------------------------- one call


@dataclass(frozen=True)
class ExportReport:
    path: Path
    rows: int
    unfinished: int  # attempts not exported (still in progress, or abandoned)
    format: ExportFormat
    detail: bool


def export_session(
    store: ResultsStore,
    session_id: int,
    out: Path,
    *,
    fmt: ExportFormat | str = ExportFormat.CSV,
    dialect: Dialect | str = Dialect.ID,
    detail: bool = False,
    pretest_session_id: int | None = None,
    bank_dirs: Sequence[Path] = (),
    categories: Sequence[Category] | None = None,
    progress: Progress | None = None,
) -> ExportReport:
    """Export one session. CSV: the summary, or with ``detail`` one row per answer.
    XLSX: sheets Ringkasan, Detail and Analisis Soal."""
    fmt = ExportFormat(fmt)
    results = load_results(store, session_id, pretest_session_id=pretest_session_id,
                           bank_dirs=bank_dirs, categories=categories)
    return write_results(results, out, fmt=fmt, dialect=dialect, detail=detail,
                         progress=progress)


def write_results(
    results: SessionResults,
    out: Path,
    *,
    fmt: ExportFormat | str = ExportFormat.CSV,
    dialect: Dialect | str = Dialect.ID,
    detail: bool = False,
    progress: Progress | None = None,
) -> ExportReport:
    """Write already loaded results (the UI loads once, then exports in a worker)."""
    fmt = ExportFormat(fmt)
    out = Path(out)
    if fmt is ExportFormat.XLSX:
        rows = write_xlsx(out, [summary_table(results), detail_table(results),
                                analysis_table(results)], progress)
    else:
        table = detail_table(results, dialect) if detail else summary_table(results)
        rows = write_csv(out, table, dialect, progress)
    return ExportReport(out, rows, len(results.unfinished), fmt, detail)
