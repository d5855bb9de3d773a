"""Export tables: typed rows (numbers, dates, text) for the summary, detail and
item-analysis sheets, shared by the CSV and XLSX writers."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from ..errors import ExportError
from ..model import FALSE_KEY, TRUE_KEY, Participant, QuestionType
from ..people import format_nip
from ..quiz import AttemptResult, Excluded, competition_ranks, round_half_up
from .analysis import ItemAnalysis, ItemFlag, analyse
from .session_results import (
    SessionResults,
    normalised_gain,
)

__all__ = [
    "ATTENDANCE_HEADERS",
    "Column",
    "DETAIL_HEADERS",
    "Dialect",
    "ExportFormat",
    "Kind",
    "PLEDGE_HEADERS",
    "PREPOST_HEADERS",
    "SUMMARY_HEADERS",
    "SUMMARY_TAIL_HEADERS",
    "Table",
    "analysis_table",
    "detail_table",
    "format_number",
    "is_hall_team",
    "local_time",
    "neutralise",
    "presence_table",
    "summary_table",
]



Value = str | int | float | date | None
Progress = Callable[[int, int], None]

SUMMARY_HEADERS = (
    "NIP", "Nama", "Jabatan", "Unit Kerja", "Golongan", "Jenis Pegawai", "Sesi", "Tempat",
    "Tanggal", "Jenis Tes", "Jumlah Soal", "Benar", "Sebagian Benar", "Salah", "Tidak Dijawab",
    "Nilai", "Lulus", "Durasi (detik)", "Keterangan",
)
CATEGORY_PREFIX = "Nilai "
PREPOST_HEADERS = ("Nilai Pretest", "Nilai Posttest", "N-Gain")
# the last three columns when hall teams are exported (after categories and pre/post)
SUMMARY_TAIL_HEADERS = ("Mode", "Poin", "Peringkat")
DETAIL_HEADERS = (
    "NIP", "Nama", "Soal", "Kategori", "Jawaban", "Kunci", "Benar", "Poin", "Waktu (detik)",
)
SHEET_SUMMARY, SHEET_DETAIL, SHEET_ANALYSIS = "Ringkasan", "Detail", "Analisis Soal"
XLSX_MAX_ROWS = 1_048_576  # Excel's limit, header row included
YES, NO, NOT_GRADED = "Ya", "Tidak", "-"
PARTLY = "Sebagian benar"  # the detail's "Benar" of a multiple-answer with partial credit
VOID = "Tidak sah"  # "Lulus" of an attempt HR declared invalid
# Participant.extra of a hall team (quiz_app.core.hall.TEAM_MARK, written by the hall session)
HALL_TEAM_MARK = ("mode", "tim-aula")
SELF_PACED_MODE = "mandiri"
TEAM_EMPLOYEE_TYPE = "Tim"  # a team is neither a civil servant nor a guest
EXCLUDED_TEXT = {Excluded.SKIPPED: "dilewati", Excluded.NOT_SHOWN: "tidak ditayangkan"}
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


# --------------------------------------------------------------------------- tables


# The "Jenis Soal" column: HR reads Indonesian, not the bank's YAML codes.
QUESTION_TYPE_LABELS = {
    QuestionType.SINGLE: "Pilihan tunggal",
    QuestionType.MULTIPLE: "Pilihan ganda kompleks",
    QuestionType.TRUE_FALSE: "Benar-salah",
    QuestionType.POLL: "Jajak pendapat",
}


def _option_label(qtype: QuestionType, key: str) -> str:
    if qtype is QuestionType.TRUE_FALSE:
        return "Benar" if key == TRUE_KEY else "Salah" if key == FALSE_KEY else key
    return key


def _keys_label(qtype: QuestionType, keys: Iterable[str]) -> str:
    """Option keys in the bank's own lettering (never the shuffled display order)."""
    return ",".join(_option_label(qtype, k) for k in sorted(keys))


def _nilai(result: AttemptResult, value: float) -> Value:
    return value if result.graded else NOT_GRADED


def is_hall_team(p: Participant) -> bool:
    return HALL_TEAM_MARK in p.extra


def _question_count(result: AttemptResult, spec_count: int) -> int:
    """Questions the participant got: void ones (a hall question skipped or never shown)
    were not part of the test."""
    if not result.per_question:
        return spec_count
    return sum(1 for qs in result.per_question if qs.excluded is None)


def summary_table(results: SessionResults) -> Table:
    """One row per finished attempt, voided ones included (``Lulus`` "Tidak sah", the
    reason under ``Keterangan``). Column order: ``docs/export-format.md``."""
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
        Column("Sebagian Benar", Kind.INTEGER),
        Column("Salah", Kind.INTEGER),
        Column("Tidak Dijawab", Kind.INTEGER),
        Column("Nilai", Kind.NUMBER, number_format="0.00"),
        Column("Lulus", Kind.CODE),
        Column("Durasi (detik)", Kind.INTEGER),
        Column("Keterangan", Kind.TEXT, 40),
        *cat_cols,
    )
    if results.has_pretest:
        columns += (
            Column(PREPOST_HEADERS[0], Kind.NUMBER, number_format="0.00"),
            Column(PREPOST_HEADERS[1], Kind.NUMBER, number_format="0.00"),
            Column(PREPOST_HEADERS[2], Kind.NUMBER, number_format="0.00"),
        )
    present, pledged = _presence_by_nip(results.presence)
    if results.presence:
        columns += (Column("Hadir", Kind.CODE, 10), Column("Ikrar", Kind.CODE, 8))
    if results.away:
        columns += (Column("Keluar Halaman", Kind.INTEGER),)
    # hall teams are ranked among themselves, as on the projected leaderboard
    teams = [rec for rec in results.listed if is_hall_team(rec.participant)]
    if teams:
        columns += (
            Column(SUMMARY_TAIL_HEADERS[0], Kind.CODE),
            Column(SUMMARY_TAIL_HEADERS[1], Kind.NUMBER),
            Column(SUMMARY_TAIL_HEADERS[2], Kind.INTEGER),
        )
    day = date.fromisoformat(s.date)
    cat_ids = [c.id for c in results.categories]
    ranked = [rec for rec in results.attempts if is_hall_team(rec.participant)]  # not voided
    team_ranks = dict(zip(
        (rec.id for rec in ranked),
        competition_ranks([(rec.result.raw_points if rec.result else 0.0,
                            rec.result.correct if rec.result else 0) for rec in ranked]),
        strict=True))

    listed = results.listed

    def rows() -> Iterator[list[Value]]:
        for rec in listed:
            r = rec.result
            assert r is not None
            p = rec.participant
            team = is_hall_team(p)
            passed = (YES if r.passed else NO) if r.graded and not team else NOT_GRADED
            row: list[Value] = [
                p.nip or None, p.name, p.position, p.unit, p.rank,
                TEAM_EMPLOYEE_TYPE if team else str(p.employee_type),
                s.title, s.place, day, str(s.kind),
                _question_count(r, len(rec.spec.questions)), r.correct,
                r.partial, r.wrong, r.unanswered, _nilai(r, r.nilai),
                VOID if rec.voided else passed,
                int(r.duration + 0.5),  # whole seconds, half up (never negative)
                f"{VOID}: {rec.void_reason}" if rec.voided else "",
            ]
            for cid in cat_ids:
                v = r.nilai_per_category.get(cid)
                row.append(None if v is None else v)
            if results.has_pretest:
                if rec.voided:  # never compared: no post-test score, no gain
                    row += [None, None, None]
                else:
                    pre = results.pretest_nilai.get(p.nip) if p.nip else None
                    post = r.nilai if r.graded else None
                    row += [pre, post, normalised_gain(pre, post)]
            if results.presence:
                came = present.get(p.nip or "")
                row += [local_time(came) if came else NO,
                        YES if (p.nip or "") in pledged else NO]
            if results.away:
                row.append(results.away.get(rec.id, 0))
            if teams:
                row += [HALL_TEAM_MARK[1] if team else SELF_PACED_MODE, r.raw_points,
                        team_ranks.get(rec.id)]
            yield row

    return Table(SHEET_SUMMARY, columns, rows(), len(listed))


def _presence_by_nip(rows: Iterable[Any]) -> tuple[dict[str, str], set[str]]:
    """NIP -> earliest check-in time, and the NIPs that confirmed the pledge."""
    present: dict[str, str] = {}
    pledged: set[str] = set()
    for r in rows:
        if not r.nip:
            continue
        if str(r.kind) == "pledge":
            pledged.add(r.nip)
        elif r.nip not in present or r.at < present[r.nip]:
            present[r.nip] = r.at
    return present, pledged


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
    yes, no, partly, poll = YES, NO, PARTLY, QuestionType.POLL
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
            if qs.excluded is not None:  # a hall question skipped or never shown
                mark = EXCLUDED_TEXT[qs.excluded]
            else:
                mark = "" if st[5] else yes if qs.correct else partly if qs.fraction > 0 else no
            yield (who_nip, who_name, st[0], st[1], choice, st[2], mark, pts, tf)


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
    """One row per question of every finished valid attempt (display order), answered or
    not; voided attempts are left out, as in the item analysis.

    *Jawaban* and *Kunci* are option keys in the bank's lettering, several joined by
    ``,``; true/false shows ``Benar``/``Salah``. *Benar* is ``Ya``, ``Sebagian benar``
    (partial credit) or ``Tidak``, and empty for polls.
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
    """Per-question statistics (see :mod:`quiz_app.core.results.analysis`), KR-20 as a footer."""
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
                item.question_id, titles.get(item.category, item.category),
                QUESTION_TYPE_LABELS[QuestionType(item.type)],
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


# --------------------------------------------------------------------------- presence

SHEET_ATTENDANCE, SHEET_PLEDGE = "Daftar Hadir", "Ikrar"
ATTENDANCE_HEADERS = (
    "No", "NIP", "Nama", "Jabatan", "Unit Kerja", "Jenis Pegawai", "Sesi", "Tanggal",
    "Waktu Hadir",
)
PLEDGE_HEADERS = (
    "No", "NIP", "Nama", "Jabatan", "Unit Kerja", "Jenis Pegawai", "Sesi", "Tanggal",
    "Waktu Ikrar", "Teks Ikrar",
)


def local_time(iso: str) -> str:
    """A stored UTC time as the laptop's local wall-clock time ``HH:MM:SS``."""
    from datetime import datetime

    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%H:%M:%S")
    except ValueError:
        return iso


def presence_table(rows: Sequence[Any], sessions: dict[int, Any],
                   kind: str = "attendance") -> Table:
    """The daftar hadir (``kind="attendance"``) or the signed pledge list (``"pledge"``):
    one row per person, numbered in the order they came. ``rows`` are
    :class:`~quiz_app.core.results.presence.PresenceRecord`; ``sessions`` maps their
    session ids to :class:`SessionRecord` (title and date)."""
    pledge = kind == "pledge"
    columns = (
        Column("No", Kind.INTEGER, 5),
        Column("NIP", Kind.NIP, 21),
        Column("Nama", Kind.TEXT),
        Column("Jabatan", Kind.TEXT),
        Column("Unit Kerja", Kind.TEXT),
        Column("Jenis Pegawai", Kind.CODE),
        Column("Sesi", Kind.TEXT),
        Column("Tanggal", Kind.DATE, 12),
        Column("Waktu Ikrar" if pledge else "Waktu Hadir", Kind.CODE, 12),
    ) + ((Column("Teks Ikrar", Kind.TEXT),) if pledge else ())
    picked = [r for r in rows if str(r.kind) == kind]

    def out() -> Iterator[list[Value]]:
        for n, r in enumerate(picked, start=1):
            s = sessions.get(r.session_id)
            p = r.participant
            row: list[Value] = [
                n, p.nip or None, p.name, p.position, p.unit, str(p.employee_type),
                s.title if s is not None else "",
                date.fromisoformat(s.date) if s is not None else None, local_time(r.at),
            ]
            if pledge:
                row.append(r.note)
            yield row

    return Table(SHEET_PLEDGE if pledge else SHEET_ATTENDANCE, columns, out(), len(picked))
