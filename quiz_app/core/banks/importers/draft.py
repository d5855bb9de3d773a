"""What an importer builds: a draft bank, every located problem, and what was skipped.

Importers never drop a question silently: a question either becomes a
:class:`DraftQuestion` or a :class:`Skipped` entry with its reasons, each also reported as a
located :class:`Issue`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from ...errors import Issue
from ...model import OPTION_KEYS, Category, QuestionType
from ..schema import SLUG

ID_PREFIX_LEN = 16


def slugify(text: str, fallback: str = "bank") -> str:
    """A valid kuis-bank id from any text (accents folded, runs of other signs to '-')."""
    import unicodedata

    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug or fallback


def column_letter(col: int) -> str:
    """1 → A, 27 → AA."""
    out = ""
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


@dataclass(frozen=True)
class Where:
    """Where something stands in the source: a text position or a spreadsheet cell."""

    path: str
    line: int = 0
    col: int = 0
    sheet: str = ""

    @property
    def cell(self) -> str:
        if not self.sheet:
            return ""
        return f"{_sheet_ref(self.sheet)}!{column_letter(self.col) if self.col else ''}{self.line}"

    def at_col(self, col: int) -> Where:
        return Where(self.path, self.line, col, self.sheet)

    def issue(self, message: str, warning: bool = False) -> Issue:
        return Issue(self.path, self.line, self.col, message, warning=warning, cell=self.cell)

    def text(self) -> str:
        return self.issue("").where


def _sheet_ref(title: str) -> str:
    return title if re.fullmatch(r"\w+", title) else "'" + title.replace("'", "''") + "'"


@dataclass
class DraftQuestion:
    """One question as read from the source, before ids are settled."""

    where: Where
    text: str
    category: str  # a category id of the draft bank
    type: QuestionType = QuestionType.SINGLE
    options: list[str] = field(default_factory=list)
    answer: list[str] = field(default_factory=list)  # option keys; B/S for true_false
    explanation: str = ""
    reference: str = ""
    difficulty: str = ""
    points: float | None = None
    time_limit: int | None = None
    shuffle: bool | None = None
    image: str = ""
    tags: list[str] = field(default_factory=list)
    id: str = ""  # given by the source; empty: derived from the text
    id_hint: str = ""  # a title from the source to derive the id from (GIFT ::name::)

    def option_keys(self) -> tuple[str, ...]:
        return OPTION_KEYS[: len(self.options)]


@dataclass
class DraftBank:
    id: str
    title: str
    description: str = ""
    version: str = ""
    language: str = "id"
    categories: list[Category] = field(default_factory=list)
    questions: list[DraftQuestion] = field(default_factory=list)

    def category_for(self, name: str) -> str:
        """The id of the category called ``name`` (by id, then by title); new if none."""
        name = " ".join(name.split())
        for c in self.categories:
            if c.id == name:
                return c.id
        for c in self.categories:
            if c.title.casefold() == name.casefold():
                return c.id
        base = slugify(name, "umum")
        cid, n = base, 2
        taken = {c.id for c in self.categories}
        while cid in taken:
            cid, n = f"{base}-{n}", n + 1
        self.categories.append(Category(cid, name))
        return cid


@dataclass(frozen=True)
class Skipped:
    """A question of the source that is not in the bank, and why."""

    where: str
    reason: str
    fixable: bool  # True: a mistake in the source; False: a kind we cannot represent


@dataclass
class ImportResult:
    bank: DraftBank
    format: str
    issues: list[Issue] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def imported(self) -> int:
        return len(self.bank.questions)

    @property
    def fatal(self) -> bool:
        """The source could not be read at all, or nothing in it could be imported."""
        return not self.bank.questions

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if not i.warning]

    def skip(self, where: Where, reason: str, fixable: bool = True) -> None:
        self.issues.append(where.issue(reason))
        self.skipped.append(Skipped(where.text(), reason, fixable))

    def warn(self, where: Where, message: str) -> None:
        self.issues.append(where.issue(message, warning=True))

    def summary(self) -> list[str]:
        """Closing lines for the trainer: how many were imported, skipped and why."""
        lines = [f"{self.imported} soal diimpor, {len(self.skipped)} dilewati"
                 + (f", {sum(1 for i in self.issues if i.warning)} peringatan"
                    if any(i.warning for i in self.issues) else "")]
        reasons: dict[str, int] = {}
        for s in self.skipped:
            key = s.reason.split(";")[0]
            reasons[key] = reasons.get(key, 0) + 1
        for reason, count in reasons.items():
            lines.append(f"  dilewati {count}×: {reason}")
        return lines


def assign_ids(bank: DraftBank, result: ImportResult) -> None:
    """Give every question a unique, valid id that is stable across re-imports.

    A given id is kept (a bad or repeated one skips the question, located). Otherwise the
    id is the source's title for the question when it has one, else the category's prefix
    and a short hash of the text: re-importing the same file, even reordered, gives the same
    ids, so results of earlier sessions still match their questions.
    """
    taken: dict[str, str] = {}
    kept: list[DraftQuestion] = []
    for q in bank.questions:  # given ids first, so a derived id never steals one
        if not q.id:
            continue
        if not SLUG.match(q.id):
            result.skip(q.where, f"id '{q.id}' tidak sah; gunakan huruf kecil, angka dan '-' "
                        f"(contoh: '{slugify(q.id, 'soal-1')}'), atau kosongkan kolom id")
            q.id = "\0"
            continue
        if q.id in taken:
            result.skip(q.where, f"id '{q.id}' sudah dipakai di {taken[q.id]}; setiap soal "
                        "perlu id unik (atau kosongkan kolom id)")
            q.id = "\0"
            continue
        taken[q.id] = q.where.text()
    for q in bank.questions:
        if q.id == "\0":
            continue
        if not q.id:
            if q.id_hint:
                base = slugify(q.id_hint, "soal")[:40].strip("-")
            else:
                digest = hashlib.sha1(
                    (q.text + "\n" + "\n".join(q.options)).encode("utf-8")).hexdigest()
                base = f"{_prefix(q.category)}-{digest[:6]}"
            qid, n = base, 2
            while qid in taken:
                qid, n = f"{base}-{n}", n + 1
            q.id = qid
            taken[qid] = q.where.text()
        kept.append(q)
    bank.questions = kept


def _prefix(category_id: str) -> str:
    """The category id, cut at a '-' to at most ID_PREFIX_LEN characters."""
    if len(category_id) <= ID_PREFIX_LEN:
        return category_id
    cut = category_id[: ID_PREFIX_LEN + 1].rfind("-")
    return category_id[:cut] if cut > 0 else category_id[:ID_PREFIX_LEN]
