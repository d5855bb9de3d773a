"""Reading a roster file into ``(line, cells)`` rows: CSV (any of the encodings Excel and WPS
write) or XLSX, through the guarded reader, with every cost bounded.

* Only regular files (a FIFO or a device is "bukan berkas biasa"), at most
  :data:`MAX_CSV_BYTES` / :data:`MAX_XLSX_BYTES`.
* CSV: UTF-16 with a BOM (Excel's "Unicode Text") or without one; otherwise each line is
  UTF-8 or, failing that, Windows-1252. A file that mixes the two gets a located warning
  on every Windows-1252 line (its names may be misspelt); a file wholly in Windows-1252
  (Excel's plain "CSV") is read as such without warnings.
* The delimiter is chosen from the first :data:`SNIFF_LINES` lines (at most
  :data:`SNIFF_BYTES`), never from the whole file.
* XLSX: the zip is checked before openpyxl sees it (no encryption, deflate or stored only,
  each part and the whole inflated size capped), at most :data:`MAX_ROWS` rows and the
  first :data:`MAX_COLUMNS` columns are read, and whatever a damaged workbook makes
  openpyxl raise becomes one :class:`RosterError` naming the file.
"""

from __future__ import annotations

import codecs
import csv
import io
import warnings
from datetime import date, datetime, time
from pathlib import Path
from xml.etree.ElementTree import ParseError

from ..errors import Issue, RosterError
from ..userfile import ZIP_ERRORS, SafeZip, read_user_bytes

__all__ = [
    "DELIMITERS",
    "MAX_COLUMNS",
    "MAX_CSV_BYTES",
    "MAX_ROWS",
    "MAX_XLSX_BYTES",
    "Cell",
    "Rows",
    "csv_rows",
    "detect_delimiter",
    "xlsx_sheets",
]

Cell = str | int | float | bool | date | datetime | time | None
Rows = list[tuple[int, list[Cell]]]

DELIMITERS = ";,\t"
MAX_CSV_BYTES = 16 << 20
MAX_XLSX_BYTES = 32 << 20
MAX_XLSX_PART = 64 << 20  # one part of the workbook, inflated
MAX_XLSX_TOTAL = 160 << 20  # all parts, inflated
MAX_ROWS = 20_000
MAX_COLUMNS = 100
SNIFF_LINES = 50
SNIFF_BYTES = 16 * 1024

_WHAT = "daftar peserta"
_SAVE_AS = ("Di Excel simpan ulang dengan 'Save As' > 'CSV UTF-8 (Comma delimited)'.")


# --------------------------------------------------------------------------- CSV text


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the start looks like UTF-16 text (a NUL in every
    other byte), else None."""
    head = data[:400]
    if len(head) < 4:
        return None
    odd, even = head[1::2], head[0::2]
    if odd.count(0) >= 0.4 * len(odd) and not even.count(0):
        return "utf-16-le"
    if even.count(0) >= 0.4 * len(even) and not odd.count(0):
        return "utf-16-be"
    return None


def _decode_utf16(data: bytes, encoding: str, path: Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        line = data[: e.start].decode(encoding, "replace").count("\n") + 1
        raise RosterError(Issue(str(path), line, 0, "Berkas UTF-16 rusak (terpotong atau "
                                "tercampur pengodean lain). " + _SAVE_AS)) from e


def decode_csv(data: bytes, path: Path) -> tuple[str, list[Issue]]:
    """The text of a CSV file and located warnings for lines read as Windows-1252."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_utf16(data, "utf-16", path), []
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _decode_utf16(data, utf16, path), []
    body = data[3:] if data.startswith(codecs.BOM_UTF8) else data
    try:
        return body.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    lines = body.splitlines(keepends=True)
    texts: list[str] = []
    legacy: list[int] = []
    utf8_non_ascii = False
    for number, raw in enumerate(lines, start=1):
        try:
            texts.append(raw.decode("utf-8"))
            utf8_non_ascii = utf8_non_ascii or not raw.isascii()
        except UnicodeDecodeError:
            try:
                texts.append(raw.decode("cp1252"))
            except UnicodeDecodeError as e:
                raise RosterError(Issue(
                    str(path), number, e.start + 1,
                    "Pengodean teks berkas tidak dikenali (bukan UTF-8 maupun Windows-1252). "
                    + _SAVE_AS)) from e
            legacy.append(number)
    issues = []
    if utf8_non_ascii:  # a UTF-8 file with a few lines pasted from elsewhere
        issues = [Issue(str(path), n, 0, "baris ini bukan UTF-8 seperti baris lainnya; dibaca "
                        "sebagai Windows-1252 — periksa ejaan nama di baris ini", warning=True)
                  for n in legacy]
    return "".join(texts), issues


def _sample(text: str) -> list[str]:
    lines = []
    for line in io.StringIO(text[:SNIFF_BYTES], newline=""):
        if line.strip():
            lines.append(line)
            if len(lines) >= SNIFF_LINES:
                break
    return lines


def detect_delimiter(text: str) -> str:
    """``;``, ``,`` or tab: the one that splits the first non-blank line into the most
    columns that the following lines agree with (ties: ``;`` then ``,``); ``,`` when none
    splits it. Looks at no more than the first lines of the file."""
    sample = _sample(text)
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        rows: list[list[str]] = []
        try:
            rows.extend(csv.reader(sample, delimiter=delimiter))
        except csv.Error:
            pass  # an open quote at the end of the sample: judge the rows read so far
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        score = (sum(1 for r in rows if len(r) == width), width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def csv_rows(path: Path) -> tuple[Rows, list[Issue]]:
    data = read_user_bytes(path, max_bytes=MAX_CSV_BYTES, error=RosterError, what=_WHAT)
    text, issues = decode_csv(data, path)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=detect_delimiter(text))
    rows: Rows = []
    last = 0
    try:
        for row in reader:
            start = last + 1
            last = reader.line_num
            if len(rows) >= MAX_ROWS:
                raise RosterError(Issue(str(path), start, 0, _too_many_rows()))
            rows.append((start, list(row)))
    except csv.Error as e:
        raise RosterError(
            Issue(str(path), last + 1, 0, f"Berkas CSV rusak: {e}. Simpan ulang dari Excel."),
        ) from e
    return rows, issues


def _too_many_rows() -> str:
    return (f"Daftar peserta lebih dari {MAX_ROWS:,} baris".replace(",", ".")
            + "; bagi menjadi beberapa berkas atau hapus baris kosong di bawah tabel.")


# --------------------------------------------------------------------------- XLSX


def _unreadable_text(why: str = "") -> str:
    detail = f" ({why})" if why else ""
    return (f"Berkas XLSX tidak dapat dibuka{detail}: rusak, dilindungi kata sandi, atau "
            "bukan XLSX. Buka di Excel lalu simpan ulang sebagai 'Excel Workbook (*.xlsx)' "
            "tanpa kata sandi.")


def _unreadable_xlsx(path: Path) -> RosterError:
    return RosterError(_unreadable_text(), path)


def xlsx_sheets(path: Path) -> list[tuple[str, Rows]]:
    # openpyxl costs ~0.25 s to import: only when an XLSX roster is actually opened.
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    data = read_user_bytes(path, max_bytes=MAX_XLSX_BYTES, error=RosterError, what=_WHAT)
    checked = SafeZip(data, max_bytes=MAX_XLSX_BYTES, max_member=MAX_XLSX_PART,
                      max_total=MAX_XLSX_TOTAL, error=RosterError, display=str(path),
                      describe=_unreadable_text)
    # Whatever a damaged workbook makes openpyxl (zipfile, zlib, ElementTree) raise.
    errors = (*ZIP_ERRORS, InvalidFileException, ParseError, TypeError, AttributeError,
              ArithmeticError, RecursionError, UnicodeError, LookupError)
    with warnings.catch_warnings():  # e.g. "Data Validation extension is not supported"
        warnings.simplefilter("ignore", UserWarning)
        try:
            wb = load_workbook(checked.buffer, read_only=True, data_only=True)
        except errors as e:
            raise _unreadable_xlsx(path) from e
        try:
            sheets = []
            for ws in wb.worksheets:
                if not isinstance(ws, ReadOnlyWorksheet):  # chart sheets
                    continue
                ws.reset_dimensions()  # other programs write wrong dimensions; don't truncate
                sheets.append((ws.title, _sheet_rows(ws, path)))
            return sheets
        except errors as e:
            raise _unreadable_xlsx(path) from e
        finally:
            wb.close()
            checked.close()


def _sheet_rows(ws: object, path: Path) -> Rows:
    """At most MAX_ROWS rows of the first MAX_COLUMNS columns. openpyxl pads every row to
    its last cell, so without ``max_col`` one cell in column XFD makes 16,384 values a row;
    a row far below the table is refused rather than read up to."""
    rows: Rows = []
    values = ws.iter_rows(min_row=1, max_col=MAX_COLUMNS, values_only=True)  # type: ignore[attr-defined]
    for number, cells in enumerate(values, start=1):
        if number > MAX_ROWS:
            raise RosterError(Issue(str(path), number, 0, _too_many_rows()))
        rows.append((number, list(cells)))
    return rows

