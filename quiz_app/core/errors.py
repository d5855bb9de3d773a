"""Errors a user can cause, located in a file, with messages in Bahasa Indonesia."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Issue:
    """One problem found in a user's file.

    ``line`` and ``column`` are 1-based; 0 means "not tied to a position"
    (for example a file that cannot be read at all). A spreadsheet cell also sets ``cell``
    (``Soal!B7``): it is shown instead of the line and column, which still sort the issues.
    """

    path: str
    line: int
    column: int
    message: str
    question_id: str | None = None
    warning: bool = False
    cell: str = ""

    @property
    def where(self) -> str:
        """``PATH:LINE:COL``, ``PATH:LINE``, ``PATH:Sheet!B7`` or ``PATH``."""
        if self.cell:
            return f"{self.path}:{self.cell}"
        where = self.path
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return where

    def format(self) -> str:
        """``PATH:LINE:COL: message`` — the form editors can jump to."""
        where = self.where
        prefix = "peringatan: " if self.warning else ""
        qid = f"[soal {self.question_id}] " if self.question_id else ""
        return f"{where}: {prefix}{qid}{self.message}"


class QuizError(Exception):
    """Base of every error a user can cause (bad file, bad input, bad key typed).

    Carries a list of located issues; ``str()`` gives them one per line.
    """

    def __init__(self, issues: list[Issue] | Issue | str, path: str | Path = "") -> None:
        if isinstance(issues, str):
            issues = [Issue(str(path), 0, 0, issues)]
        elif isinstance(issues, Issue):
            issues = [issues]
        self.issues: list[Issue] = sorted(issues, key=lambda i: (i.path, i.line, i.column))
        super().__init__("\n".join(i.format() for i in self.issues))

    @property
    def message(self) -> str:
        return "\n".join(i.message for i in self.issues)

    @property
    def named_message(self) -> str:
        """:attr:`message` for a dialog: each issue names its file when its text does not
        already ("hasil.kuis-hasil: berkas tidak ditemukan; …")."""
        lines = []
        for issue in self.issues:
            name = issue.path.replace("\\", "/").rsplit("/", 1)[-1]
            named = not name or name in issue.message
            lines.append(issue.message if named else f"{name}: {issue.message}")
        return "\n".join(lines)


class BankError(QuizError):
    """A question bank (or plan) file is invalid; carries every problem found."""


class PlanError(BankError):
    """A session plan is invalid."""


class RosterError(QuizError):
    """A roster file cannot be read at all (row-level problems are reported, not raised)."""


class StoreError(QuizError):
    """The results store cannot do what was asked (missing session, unreadable database)."""


class ExportError(QuizError):
    """An export or a result package could not be written or read."""
