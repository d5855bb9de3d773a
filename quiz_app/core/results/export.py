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
(a negative N-gain, for instance) stay numbers."""

from __future__ import annotations

import csv
import errno
import os
import secrets
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path
from typing import IO, Any

from .. import paths
from ..errors import ExportError
from ..gcpause import drop_gradually
from ..model import Category
from ..userfile import check_output
from .session_results import (
    SessionResults,
    load_results,
)
from .store import ResultsStore
from .tables import (
    _DIALECT,
    _PROGRESS_EVERY,
    SHEET_DETAIL,
    XLSX_MAX_ROWS,
    Column,
    Dialect,
    ExportFormat,
    Kind,
    Progress,
    Table,
    Value,
    _csv_formatters,
    analysis_table,
    detail_table,
    neutralise,
    presence_table,
    summary_table,
)

__all__ = [
    "XLSX_DETAIL_LIMIT",
    "ExportReport",
    "detail_csv_path",
    "atomic_target",
    "export_presence",
    "export_session",
    "write_csv",
    "write_results",
    "write_xlsx",
]



# --------------------------------------------------------------------------- writing


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


_TEMP_FLAGS = (os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
               | getattr(os, "O_BINARY", 0))


def _new_temp(target: Path) -> Path:
    """Create an empty temporary file beside ``target`` with the permissions of any file
    the user saves (0666 less the umask, applied by the OS). ``tempfile.mkstemp`` would
    make it 0600, and HR could not open the export from another account or share."""
    for _ in range(100):
        name = target.parent / f".{target.name}.{secrets.token_hex(4)}.tmp"
        try:
            fd = os.open(name, _TEMP_FLAGS, 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return name
    raise FileExistsError(errno.EEXIST, "tidak ada nama berkas sementara yang bebas",
                          str(target.parent))


@contextmanager
def atomic_target(target: Path, kind: str, *, force: bool = False,
                  protected: Sequence[Path] = ()) -> Iterator[Path]:
    """Yield a temporary path next to ``target``; on success it is flushed to disk and
    renamed over ``target``. On any failure the temporary file is removed and an OSError
    becomes an :class:`ExportError` with an Indonesian message.

    First :func:`~quiz_app.core.userfile.check_output` refuses a target that would destroy
    something (the results store, its WAL, the data folder's own files, a symlink, a FIFO,
    or — unless ``force`` — an existing file that is not of ``kind``). The data folder of
    this process is always protected, besides ``protected``."""
    target = check_output(target, kind, force=force, error=ExportError,
                          protected=(paths.data_dir(), *protected))
    try:
        tmp = _new_temp(target)
    except OSError as exc:
        raise _write_error(target, exc) from exc
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
              progress: Progress | None = None, *, force: bool = False,
              protected: Sequence[Path] = ()) -> int:
    """Write ``table`` as CSV (UTF-8 with BOM, CRLF) atomically. Returns the row count.

    ``id``: ``;`` and decimal comma (Excel with Indonesian regional settings opens it by
    double-click); ``intl``: ``,`` and decimal point.
    """
    with atomic_target(Path(path), "csv", force=force, protected=protected) as tmp, \
            open(tmp, "w", encoding="utf-8", newline="") as fh:
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


def write_xlsx(path: Path, tables: Sequence[Table], progress: Progress | None = None, *,
               force: bool = False, protected: Sequence[Path] = ()) -> int:
    """Write the tables as sheets of one XLSX workbook, atomically. Returns data rows.

    NIP and people's text are string cells (NIP with number format ``@``), numbers are
    numbers, dates are dates (``yyyy-mm-dd``); each sheet has its header row frozen and
    auto-filtered, and column widths set.
    """
    import xlsxwriter  # lazy: only an XLSX export pays for it
    from xlsxwriter.exceptions import XlsxWriterException

    total = sum(t.count for t in tables)
    written = 0
    with atomic_target(Path(path), "xlsx", force=force, protected=protected) as tmp:
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

XLSX_DETAIL_LIMIT = 100_000  # answers; ~2,000 participants x 50 questions


def detail_csv_path(workbook: Path) -> Path:
    """Where the detail CSV of a big XLSX export goes: ``hasil.xlsx`` -> ``hasil-rincian.csv``."""
    return workbook.with_name(f"{workbook.stem}-rincian.csv")



@dataclass(frozen=True)
class ExportReport:
    path: Path
    rows: int
    unfinished: int  # attempts not exported (still in progress, or abandoned)
    format: ExportFormat
    detail: bool
    detail_file: Path | None = None  # a big XLSX export's detail, written as CSV beside it


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
    force: bool = False,
) -> ExportReport:
    """Export one session. CSV: the summary, or with ``detail`` one row per answer.
    XLSX: sheets Ringkasan, Detail and Analisis Soal. The target is checked first
    (:func:`atomic_target`), so a refused one costs no loading."""
    fmt = ExportFormat(fmt)
    kind = "xlsx" if fmt is ExportFormat.XLSX else "csv"
    protected = (store.path.parent,)
    check_output(out, kind, force=force, error=ExportError,
                 protected=(paths.data_dir(), *protected))
    if fmt is ExportFormat.CSV and detail:
        # Streamed from the store's columns: no attempt records are built at all.
        from .stream import NotCompact, stream_detail_table

        try:
            table = stream_detail_table(store, session_id, dialect, categories, bank_dirs)
        except NotCompact:
            pass
        else:
            rows = write_csv(Path(out), table, dialect, progress, force=force,
                             protected=protected)
            return ExportReport(Path(out), rows, _unfinished(store, session_id), fmt, detail)
    results = load_results(store, session_id, pretest_session_id=pretest_session_id,
                           bank_dirs=bank_dirs, categories=categories)
    try:
        return write_results(results, out, fmt=fmt, dialect=dialect, detail=detail,
                             progress=progress, force=force, protected=protected)
    finally:
        doomed: list[object] = [*results.attempts, *results.voided, *results.unfinished]
        del results
        drop_gradually(doomed)  # a worker's big free must not freeze the UI thread


def _unfinished(store: ResultsStore, session_id: int) -> int:
    """Attempts ``load_results`` would list as unfinished (not exported)."""
    row = store._read_one(
        "SELECT count(*) FROM attempts WHERE session_id = ?"
        " AND NOT (status = 'finished' AND result_json IS NOT NULL)", (session_id,))
    # (voided attempts are finished: counted neither here nor among the detail rows)
    return int(row[0])


def write_results(
    results: SessionResults,
    out: Path,
    *,
    fmt: ExportFormat | str = ExportFormat.CSV,
    dialect: Dialect | str = Dialect.ID,
    detail: bool = False,
    progress: Progress | None = None,
    xlsx_detail_limit: int = XLSX_DETAIL_LIMIT,
    force: bool = False,
    protected: Sequence[Path] = (),
) -> ExportReport:
    """Write already loaded results (the UI loads once, then exports in a worker).

    XLSX: above ``xlsx_detail_limit`` answers the detail is written as CSV (``id``
    dialect) beside the workbook (:func:`detail_csv_path`) and the Detail sheet holds a
    note naming it."""
    fmt = ExportFormat(fmt)
    out = Path(out)
    if fmt is ExportFormat.XLSX:
        detail_sheet = detail_table(results)
        side_rows = 0
        side: Path | None = None
        if detail_sheet.count > xlsx_detail_limit:
            # XlsxWriter costs ~20 us a cell: 500,000 answers would take minutes. The detail
            # goes to a CSV beside the workbook; the Detail sheet says where.
            side = detail_csv_path(out)
            side_rows = write_csv(side, detail_table(results, Dialect.ID), Dialect.ID,
                                  force=force, protected=protected)
            note = (f"Rincian per jawaban ({side_rows} baris) terlalu banyak untuk lembar "
                    f"ini; rincian disimpan sebagai CSV di samping buku kerja ini: "
                    f"{side.name} (dibuka di Excel dengan pengaturan Indonesia).")
            detail_sheet = Table(SHEET_DETAIL, (Column("Catatan", Kind.CODE, 120),),
                                 [(note,)], 1)
        tables = [summary_table(results), detail_sheet, analysis_table(results)]
        tables += _presence_tables(results)
        rows = side_rows + write_xlsx(out, tables, progress, force=force, protected=protected)
        return ExportReport(out, rows, len(results.unfinished), fmt, detail, side)
    else:
        table = detail_table(results, dialect) if detail else summary_table(results)
        rows = write_csv(out, table, dialect, progress, force=force, protected=protected)
    return ExportReport(out, rows, len(results.unfinished), fmt, detail)


def _presence_tables(results: SessionResults) -> list[Table]:
    """The Daftar Hadir and Ikrar sheets, when the session (or its pre-test) has them."""
    if not results.presence:
        return []
    sessions = {results.session.id: results.session}
    if results.pretest is not None:
        sessions[results.pretest.id] = results.pretest
    kinds = {str(r.kind) for r in results.presence}
    return [presence_table(results.presence, sessions, kind)
            for kind in ("attendance", "pledge") if kind in kinds]


def export_presence(
    store: ResultsStore,
    session_id: int,
    out: Path,
    *,
    kind: str = "attendance",
    fmt: ExportFormat | str = ExportFormat.CSV,
    dialect: Dialect | str = Dialect.ID,
    force: bool = False,
) -> ExportReport:
    """Export a session's daftar hadir (``kind="attendance"``) or signed pledge list
    (``"pledge"``) as CSV or XLSX, like the results."""
    from .presence import PresenceKind, presence_rows

    fmt = ExportFormat(fmt)
    session = store.session(session_id)
    rows = presence_rows(store, session_id, PresenceKind(kind))
    table = presence_table(rows, {session.id: session}, str(PresenceKind(kind)))
    out = Path(out)
    protected = (store.path.parent,)
    if fmt is ExportFormat.XLSX:
        n = write_xlsx(out, [table], force=force, protected=protected)
    else:
        n = write_csv(out, table, dialect, force=force, protected=protected)
    return ExportReport(out, n, 0, fmt, False)
