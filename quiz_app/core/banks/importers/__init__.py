"""Bring questions from elsewhere: our Excel template, Kahoot, Quizizz/Wayground, Moodle GIFT
and Aiken. Each importer returns an :class:`ImportResult` (a draft bank, every located
problem, what was skipped and why); :func:`write_imported` turns it into a validated
``kuis-bank/1`` file."""

from __future__ import annotations

from pathlib import Path

from ...atomicio import write_atomic
from ...errors import Issue, QuizError
from ...paths import data_dir
from ...userfile import check_output
from .draft import DraftBank, DraftQuestion, ImportResult, Skipped, Where, assign_ids, slugify
from .source import Workbook, read_xlsx

FORMATS = ("template", "kahoot", "quizizz", "gift", "aiken")
FORMAT_NAMES = {"template": "templat Kuis ASN", "kahoot": "Kahoot", "quizizz": "Quizizz",
                "gift": "Moodle GIFT", "aiken": "Aiken"}
XLSX_SUFFIXES = (".xlsx", ".xlsm")

__all__ = [
    "FORMATS", "FORMAT_NAMES", "DraftBank", "DraftQuestion", "ImportResult", "Skipped",
    "Where", "detect_format", "import_questions", "imported_text", "write_imported",
]


def detect_format(path: Path, display: str) -> tuple[str | None, Workbook | None, list[Issue]]:
    """The format of ``path`` (by its name, then its content), the workbook if read."""
    from .kahoot import LAYOUT as KAHOOT
    from .numbered import find_sheet
    from .quizizz import LAYOUT as QUIZIZZ
    from .source import read_text
    from .xlsx_template import is_template

    suffix = path.suffix.lower()
    if suffix == ".xls":
        return None, None, [Where(display).issue(
            "berkas .xls (Excel 97–2003) tidak didukung; buka di Excel lalu Simpan Sebagai "
            "'Excel Workbook (*.xlsx)'")]
    if suffix in XLSX_SUFFIXES:
        book = read_xlsx(path, display)
        if book.issues:
            return None, book, book.issues
        if is_template(book):
            return "template", book, []
        if find_sheet(book, QUIZIZZ) is not None:
            return "quizizz", book, []
        if find_sheet(book, KAHOOT) is not None:
            return "kahoot", book, []
        return None, book, [Where(display).issue(
            "lembar soal tidak dikenali: bukan templat Kuis ASN ('quiz-app template'), "
            "Kahoot, maupun Quizizz; periksa baris judul kolomnya, atau pilih --format")]
    if suffix == ".gift":
        return "gift", None, []
    if suffix in (".txt", ".aiken", ""):
        text = read_text(path, display)
        if text.text is None:
            return None, None, text.issues
        import re

        if re.search(r"^\s*(ANSWER|JAWABAN)\s*:", text.text, re.MULTILINE | re.IGNORECASE):
            return "aiken", None, []
        if "{" in text.text and "}" in text.text:
            return "gift", None, []
    return None, None, [Where(display).issue(
        "format berkas tidak dikenali; gunakan .xlsx (templat Kuis ASN, Kahoot, Quizizz), "
        ".gift atau .txt (GIFT/Aiken), atau pilih --format")]


def import_questions(path: Path, fmt: str = "auto", *, out: Path | None = None,
                     display: str | None = None, bank_id: str = "",
                     title: str = "") -> ImportResult:
    """Read ``path`` in ``fmt`` (or detect it); ``out`` is where the bank will be written
    (images are looked up beside it). Ids are settled; nothing is written."""
    shown = display if display is not None else str(path)
    book: Workbook | None = None
    if fmt == "auto":
        found, book, issues = detect_format(path, shown)
        if found is None:
            return ImportResult(DraftBank(slugify(path.stem), path.stem), "auto", issues)
        fmt = found
    result = _read(path, shown, fmt, out, book)
    if bank_id:
        result.bank.id = bank_id
    if title:
        result.bank.title = title
    assign_ids(result.bank, result)
    # Source order: by sheet, then row and column (a stable sort keeps one cell's issues
    # in the order they were found).
    result.issues.sort(key=lambda i: (i.path, i.cell.rpartition("!")[0], i.line, i.column))
    return result


def _read(path: Path, shown: str, fmt: str, out: Path | None,
          book: Workbook | None) -> ImportResult:
    if fmt == "template":
        from .xlsx_template import read_template

        return read_template(path, shown, out.parent if out is not None else None, book)
    if fmt == "kahoot":
        from .kahoot import read_kahoot

        return read_kahoot(path, shown, book)
    if fmt == "quizizz":
        from .quizizz import read_quizizz

        return read_quizizz(path, shown, book)
    if fmt == "gift":
        from .gift import read_gift

        return read_gift(path, shown)
    if fmt == "aiken":
        from .aiken import read_aiken

        return read_aiken(path, shown)
    raise ValueError(f"unknown import format {fmt!r}")  # the CLI offers only FORMATS


def imported_text(result: ImportResult, source_name: str, out_name: str = "bank.yaml") -> str:
    from ..writer import bank_yaml

    comment = (f"Diimpor dari {source_name} ({FORMAT_NAMES.get(result.format, result.format)}) "
               f"oleh Kuis ASN.\nPeriksa dengan: quiz-app validate {out_name}")
    return bank_yaml(result.bank, comment)


def write_imported(result: ImportResult, out: Path, source_name: str) -> list[Issue]:
    """Write the bank to ``out`` (atomically) if it validates; else the validator's issues.

    The importers check what the validator checks, so issues here mean a bug in an
    importer; they are returned rather than written into a broken bank.
    """
    from ..writer import validate_text

    text = imported_text(result, source_name, out.name)
    bank, issues = validate_text(text, out, out.name)
    if bank is None:
        return issues
    try:  # never the results store, the data folder's files, a symlink or a FIFO
        check_output(out, "yaml", force=True, protected=(data_dir(),))
    except QuizError as exc:
        return exc.issues
    write_atomic(out, text.encode("utf-8"))
    return []
