"""Quizizz (now Wayground) spreadsheet template.

Header row: ``Question Text``, ``Question Type``, ``Option 1`` … ``Option 5``, ``Correct
Answer``, ``Time in seconds``, ``Image Link``, ``Answer explanation``; a row of hints under
it in some versions. Correct answers are 1-based numbers, several separated by commas.
``Multiple Choice`` becomes single (one correct answer), ``Checkbox`` multiple and ``Poll``
a poll; Fill-in-the-Blank, Open-Ended, Draw, Match and Reorder cannot be represented and
are skipped, each named in the summary.
"""

from __future__ import annotations

import re
from pathlib import Path

from ...model import QuestionType
from .draft import ImportResult, Where
from .numbered import Columns, Layout, read_numbered
from .source import Cell, Workbook
from .xlsx_template import cell_text

LAYOUT = Layout(
    name="Quizizz",
    question=("question text",),
    correct=("correct answer",),
    option=re.compile(r"option (\d+)\b"),
    time=("time in seconds", "time"),
    type=("question type",),
    image=("image link",),
    explanation=("answer explanation", "explanation"),
)

_TYPES = {
    "": QuestionType.SINGLE,
    "multiple choice": QuestionType.SINGLE,
    "mcq": QuestionType.SINGLE,
    "checkbox": QuestionType.MULTIPLE,
    "msq": QuestionType.MULTIPLE,
    "poll": QuestionType.POLL,
}


def _classify(type_text: str, n_correct: int, where: Where,
              result: ImportResult) -> QuestionType | str | None:
    word = " ".join(type_text.split()).casefold()
    qtype = _TYPES.get(word)
    if qtype is None:
        return (f"jenis soal Quizizz '{type_text}' tidak dapat diwakili di Kuis ASN (hanya "
                "Multiple Choice, Checkbox dan Poll); soal dilewati")
    if qtype is QuestionType.SINGLE and n_correct > 1:
        # Quizizz accepts any one of several correct answers; we would require all.
        result.issues.append(where.issue(
            f"soal Multiple Choice dengan {n_correct} jawaban benar; di Kuis ASN pilih "
            "jenis Checkbox (semua jawaban benar harus dipilih) atau sisakan satu jawaban"))
        return None
    return qtype


def _hint_row(cells: list[Cell], cols: Columns) -> bool:
    """The template's row of hints under the header ("Text of the question (required)")."""
    text = cell_text(cells[cols.question - 1]).casefold() if cols.question <= len(cells) else ""
    return text.startswith("text of the question") or "(required" in text


def read_quizizz(path: Path, display: str, book: Workbook | None = None) -> ImportResult:
    return read_numbered(path, display, LAYOUT, "quizizz", classify=_classify, book=book,
                         skip_row=_hint_row)
