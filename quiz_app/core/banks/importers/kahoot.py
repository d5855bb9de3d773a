"""Kahoot's spreadsheet template (``KahootQuizTemplate.xlsx``).

The sheet has a few rows of instructions, then a header row: ``Question - max 120
characters``, ``Answer 1 - max 75 characters`` … ``Answer 4``, ``Time limit (sec)``,
``Correct answer(s) - choose at least one``. Correct answers are 1-based numbers, several
separated by commas. Kahoot has no categories, explanations or references: the questions
go into one category named after the file, and the trainer adds explanations in the editor.
"""

from __future__ import annotations

import re
from pathlib import Path

from .draft import ImportResult
from .numbered import Layout, read_numbered
from .source import Workbook

LAYOUT = Layout(
    name="Kahoot",
    question=("question",),
    correct=("correct answer",),
    option=re.compile(r"answer (\d+)\b"),
    time=("time limit",),
    image=("image link", "image"),
)


def read_kahoot(path: Path, display: str, book: Workbook | None = None) -> ImportResult:
    return read_numbered(path, display, LAYOUT, "kahoot", book=book)
