"""Kahoot's and Quizizz/Wayground's XLSX templates: options numbered 1…n, the correct
ones given by number ("1" or "1,3"). Shared: finding the header row and reading a row."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ...model import FALSE_KEY, OPTION_KEYS, TRUE_KEY, QuestionType
from ..bank import TIME_RANGE
from .draft import DraftBank, DraftQuestion, ImportResult, Skipped, Where, slugify
from .source import Cell, Sheet, Workbook, read_xlsx
from .xlsx_template import cell_text

HEADER_SCAN = 30

_TRUE_TEXTS = {"true", "benar", "betul"}
_FALSE_TEXTS = {"false", "salah"}


@dataclass(frozen=True)
class Layout:
    """How one platform names its columns (matched case-insensitively by prefix)."""

    name: str  # shown in messages: "Kahoot", "Quizizz"
    question: tuple[str, ...]
    correct: tuple[str, ...]
    option: re.Pattern[str]  # group 1: the option's number
    time: tuple[str, ...] = ()
    type: tuple[str, ...] = ()
    image: tuple[str, ...] = ()
    explanation: tuple[str, ...] = ()


def _norm(value: Cell) -> str:
    return " ".join(cell_text(value).split()).casefold()


@dataclass
class Columns:
    header_row: int
    question: int
    correct: int
    options: list[tuple[int, int]]  # (option number, column), by number
    time: int = 0
    type: int = 0
    image: int = 0
    explanation: int = 0


def find_header(sheet: Sheet, layout: Layout) -> Columns | None:
    for number, cells in sheet.rows[:HEADER_SCAN]:
        names = [_norm(v) for v in cells]

        def first(prefixes: tuple[str, ...], names: list[str] = names) -> int:
            for col, name in enumerate(names, start=1):
                if name and any(name.startswith(p) for p in prefixes):
                    return col
            return 0

        question, correct = first(layout.question), first(layout.correct)
        if not (question and correct):
            continue
        options = sorted(
            (int(m.group(1)), col) for col, name in enumerate(names, start=1)
            if (m := layout.option.match(name)))
        if not options:
            continue
        return Columns(number, question, correct, options, first(layout.time),
                       first(layout.type), first(layout.image), first(layout.explanation))
    return None


def find_sheet(book: Workbook, layout: Layout) -> tuple[Sheet, Columns] | None:
    for sheet in book.sheets:
        columns = find_header(sheet, layout)
        if columns is not None:
            return sheet, columns
    return None


Classify = Callable[[str, int, Where, ImportResult], "QuestionType | None | str"]


def read_numbered(path: Path, display: str, layout: Layout, fmt: str,
                  classify: Classify | None = None, book: Workbook | None = None,
                  skip_row: Callable[[list[Cell], Columns], bool] | None = None) -> ImportResult:
    """Import a numbered-options sheet. ``classify(type_text, n_correct, where, result)``
    gives the question type, or a reason string to skip it as unsupported."""
    book = book if book is not None else read_xlsx(path, display)
    title = path.stem
    result = ImportResult(DraftBank(slugify(title), title), fmt, list(book.issues))
    if book.issues:
        return result
    found = find_sheet(book, layout)
    if found is None:
        result.issues.append(Where(display).issue(
            f"baris judul kolom {layout.name} (kolom '{layout.question[0]}', "
            f"'{layout.correct[0]}' dan pilihan jawaban) tidak ditemukan di {HEADER_SCAN} baris "
            f"pertama lembar mana pun; apakah ini templat {layout.name}?"))
        return result
    sheet, cols = found
    category = result.bank.category_for(title)
    for number, cells in sheet.rows:
        if number <= cols.header_row:
            continue

        def at(col: int, number: int = number) -> Where:
            return Where(display, number, col, sheet.title)

        def get(col: int, cells: list[Cell] = cells) -> str:
            return cell_text(cells[col - 1]) if 0 < col <= len(cells) else ""

        text = get(cols.question)
        options = [(n, get(col), col) for n, col in cols.options]
        if not text and not any(o for _, o, _ in options) and not get(cols.correct):
            continue  # blank row (Kahoot numbers empty rows in column A)
        if skip_row is not None and skip_row(cells, cols):
            continue
        q = _row(result, at, get, text, options, cols, category, classify, layout)
        if q is not None:
            result.bank.questions.append(q)
    if sheet.truncated:
        result.issues.append(Where(display, sheet.rows[-1][0], 0, sheet.title).issue(
            f"lembar lebih dari {len(sheet.rows)} baris; sisanya tidak dibaca"))
    return result


def _row(result: ImportResult, at: Callable[[int], Where], get: Callable[[int], str],
         text: str, options: list[tuple[int, str, int]], cols: Columns, category: str,
         classify: Classify | None, layout: Layout) -> DraftQuestion | None:
    where = at(cols.question)
    problems: list[tuple[Where, str]] = []
    if not text:
        problems.append((where, "teks soal kosong"))
    filled = [(n, o) for n, o, _ in options if o]
    if len(filled) > len(OPTION_KEYS):
        problems.append((at(options[len(OPTION_KEYS)][2]),
                         f"{len(filled)} pilihan; Kuis ASN memuat paling banyak 8 pilihan"))
    # Options are renumbered without gaps: "Answer 3" empty makes "Answer 4" option C.
    key_of = {n: OPTION_KEYS[i] for i, (n, _) in enumerate(filled[:len(OPTION_KEYS)])}
    raw_correct = get(cols.correct)
    numbers: list[int] = []
    for part in re.split(r"[,;.\s]+", raw_correct):
        if not part:
            continue
        if not part.isdigit():
            problems.append((at(cols.correct), f"jawaban benar '{raw_correct}' harus nomor "
                             "pilihan (1, 2, …), beberapa dipisah koma"))
            break
        n = int(part)
        if n not in key_of:
            problems.append((at(cols.correct), f"jawaban benar {n} menunjuk pilihan yang "
                             "kosong atau tidak ada"))
        elif n not in numbers:
            numbers.append(n)
    qtype_or_reason: QuestionType | str | None
    if classify is not None:
        qtype_or_reason = classify(get(cols.type), len(numbers), at(cols.type), result)
    else:
        qtype_or_reason = QuestionType.MULTIPLE if len(numbers) > 1 else QuestionType.SINGLE
    if isinstance(qtype_or_reason, str) and not isinstance(qtype_or_reason, QuestionType):
        result.skip(at(cols.type) if cols.type else where, qtype_or_reason, fixable=False)
        return None
    if qtype_or_reason is None:  # classify reported the problem itself
        result.skipped.append(_skip_entry(at(cols.type), result.issues[-1].message))
        return None
    qtype = qtype_or_reason
    if qtype is not QuestionType.POLL and not raw_correct:
        problems.append((at(cols.correct), "jawaban benar kosong; tulis nomor pilihan yang "
                         "benar (misalnya 2, atau 1,3)"))
    if len(filled) < 2:
        problems.append((where, f"soal perlu minimal 2 pilihan, baru {len(filled)}"))
    time_limit = None
    raw_time = get(cols.time)
    if raw_time:
        try:
            value = float(raw_time.replace(",", "."))
        except ValueError:
            value = -1.0
        low, high = TIME_RANGE
        if value.is_integer() and low <= value <= high:
            time_limit = int(value)
        else:
            problems.append((at(cols.time), f"batas waktu '{raw_time}' tidak sah; tulis "
                             f"bilangan bulat {low}–{high} (detik)"))
    if problems:
        for w, message in problems:
            result.issues.append(w.issue(message))
        result.skipped.append(_skip_entry(problems[0][0], problems[0][1]))
        return None
    if cols.image and get(cols.image):
        result.warn(at(cols.image), "tautan gambar tidak diimpor (bank soal memakai berkas "
                    "gambar di folder bank); tambahkan gambarnya lewat penyunting bank soal")
    texts = [o for _, o in filled]
    answer = sorted(key_of[n] for n in numbers)
    if qtype is QuestionType.SINGLE and len(answer) == 1 and len(texts) == 2:
        lowered = [t.casefold().rstrip(".") for t in texts]
        if lowered[0] in _TRUE_TEXTS and lowered[1] in _FALSE_TEXTS:
            qtype, texts, answer = QuestionType.TRUE_FALSE, [], [
                TRUE_KEY if answer == ["A"] else FALSE_KEY]
    if qtype is QuestionType.POLL:
        answer = []
    return DraftQuestion(where=where, text=text, category=category, type=qtype, options=texts,
                         answer=answer, explanation=get(cols.explanation),
                         time_limit=time_limit)


def _skip_entry(where: Where, reason: str) -> Skipped:
    return Skipped(where.text(), reason, True)
