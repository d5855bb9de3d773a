"""Reading files handed to an importer (text and XLSX), through the shared guarded reader
(:mod:`quiz_app.core.userfile`): regular files only (never blocking on a FIFO), a size cap,
a decoding that reports where it failed, and for XLSX the zip checked (members' declared
and actual sizes, no encryption, known compression) before openpyxl inflates it, then a
bounded rows × columns read; whatever a damaged workbook makes openpyxl raise is one
located issue.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from ...errors import Issue, QuizError
from ...userfile import ZIP_ERRORS, SafeZip, read_user_bytes

MAX_TEXT_BYTES = 8 * 1024 * 1024
MAX_XLSX_BYTES = 20 * 1024 * 1024
MAX_XLSX_INFLATED = 200 * 1024 * 1024
MAX_XLSX_MEMBERS = 2000
MAX_ROWS = 5000
MAX_COLS = 40

Cell = Any  # str | int | float | bool | datetime | None, as openpyxl gives them


@dataclass
class TextFile:
    """A decoded text file, or None with the issues that say why."""

    text: str | None
    issues: list[Issue] = field(default_factory=list)
    encoding: str = "utf-8"


@dataclass
class Sheet:
    title: str
    rows: list[tuple[int, list[Cell]]]  # (1-based row number, cells), blank rows kept
    truncated: bool = False


@dataclass
class Workbook:
    sheets: list[Sheet]
    issues: list[Issue] = field(default_factory=list)

    def sheet(self, title: str) -> Sheet | None:
        wanted = title.casefold()
        for s in self.sheets:
            if s.title.strip().casefold() == wanted:
                return s
        return None


def _read(path: Path, display: str, cap: int, what: str) -> bytes | Issue:
    try:
        return read_user_bytes(path, max_bytes=cap, display=display, what=f"berkas {what}")
    except QuizError as exc:
        return exc.issues[0]


def read_text(path: Path, display: str, what: str = "teks") -> TextFile:
    """UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252 (Notepad's "ANSI")."""
    data = _read(path, display, MAX_TEXT_BYTES, what)
    if isinstance(data, Issue):
        return TextFile(None, [data])
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return TextFile(_newlines(data.decode("utf-16")), encoding="utf-16")
        except UnicodeDecodeError:
            return TextFile(None, [Issue(display, 1, 0, "berkas UTF-16 rusak; simpan ulang "
                                         "dengan pengodean UTF-8")])
    if b"\x00" in data:
        return TextFile(None, [Issue(display, 0, 0, f"ini berkas biner, bukan berkas {what}")])
    try:
        return TextFile(_newlines(data.decode("utf-8-sig")))
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:  # Windows "ANSI": common for files saved by Notepad on older Windows
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        bad = exc.start if exc.start < utf8_error.start else utf8_error.start
        line = data.count(b"\n", 0, bad) + 1
        col = bad - (data.rfind(b"\n", 0, bad) + 1) + 1
        return TextFile(None, [Issue(
            display, line, col,
            f"berkas bukan UTF-8 (byte 0x{data[bad]:02x}); simpan ulang dengan pengodean UTF-8 "
            "(di Notepad: Simpan Sebagai → Encoding: UTF-8)")])
    return TextFile(_newlines(text), encoding="cp1252")


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _unreadable(display: str) -> Issue:
    return Issue(display, 0, 0, "berkas XLSX tidak dapat dibuka (rusak, dilindungi kata sandi, "
                 "atau bukan XLSX); buka di Excel lalu simpan ulang sebagai 'Excel Workbook "
                 "(*.xlsx)' tanpa kata sandi")


def _too_big_or_broken(reason: str) -> str:
    """The importer's wording for what :class:`SafeZip` refused."""
    if "batasnya" in reason:  # a size or member-count cap
        return f"isi berkas XLSX terlalu besar: {reason}"
    return f"{_unreadable('').message} ({reason})"


def read_xlsx(path: Path, display: str) -> Workbook:
    """Every worksheet's values (at most MAX_ROWS × MAX_COLS each), or issues."""
    data = _read(path, display, MAX_XLSX_BYTES, "XLSX")
    if isinstance(data, Issue):
        return Workbook([], [data])
    try:
        checked = SafeZip(data, max_bytes=MAX_XLSX_BYTES, max_member=MAX_XLSX_INFLATED,
                          max_total=MAX_XLSX_INFLATED, max_members=MAX_XLSX_MEMBERS,
                          display=display, describe=_too_big_or_broken)
    except QuizError as exc:
        return Workbook([], exc.issues)

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    # Whatever a damaged workbook makes openpyxl (zipfile, zlib, ElementTree) raise.
    errors = (*ZIP_ERRORS, InvalidFileException, ParseError, TypeError, AttributeError,
              ArithmeticError, RecursionError, UnicodeError, LookupError)
    with warnings.catch_warnings():  # e.g. "Data Validation extension is not supported"
        warnings.simplefilter("ignore", UserWarning)
        try:
            wb = load_workbook(checked.buffer, read_only=True, data_only=True)
        except errors:
            return Workbook([], [_unreadable(display)])
        try:
            sheets: list[Sheet] = []
            for ws in wb.worksheets:
                if not isinstance(ws, ReadOnlyWorksheet):  # chart sheets
                    continue
                ws.reset_dimensions()  # other programs write wrong dimensions
                rows: list[tuple[int, list[Cell]]] = []
                truncated = False
                values = ws.iter_rows(min_row=1, max_row=MAX_ROWS + 1, max_col=MAX_COLS,
                                      values_only=True)
                for n, row in enumerate(values, start=1):
                    if n > MAX_ROWS:
                        truncated = True
                        break
                    rows.append((n, list(row)))
                sheets.append(Sheet(ws.title, rows, truncated))
        except errors:
            return Workbook([], [_unreadable(display)])
        finally:
            wb.close()
    return Workbook(sheets)
