"""Aiken (Moodle): the question on its own line(s), options ``A.`` or ``A)``, then
``ANSWER: B``. Our extension: ``ANSWER: A, C`` makes a question with several answers.
Everything Aiken can say, Kuis ASN can represent; questions with mistakes are skipped and
each mistake is located (line:column)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ...model import OPTION_KEYS, QuestionType
from .draft import DraftBank, DraftQuestion, ImportResult, Skipped, Where, slugify
from .source import read_text

_OPTION = re.compile(r"([A-Za-z])\s*[.)]\s+(\S.*)")
_ANSWER = re.compile(r"(ANSWER|JAWABAN)\s*:\s*", re.IGNORECASE)


@dataclass
class _Pending:
    line: int
    col: int
    text: list[str] = field(default_factory=list)
    options: list[tuple[str, str, int, int]] = field(default_factory=list)  # key, text, line, col
    broken: bool = False  # a mistake was reported: skip to this question's ANSWER line


def read_aiken(path: Path, display: str) -> ImportResult:
    source = read_text(path, display, "Aiken")
    result = ImportResult(DraftBank(slugify(path.stem), path.stem), "aiken", list(source.issues))
    if source.text is None:
        return result
    category = result.bank.category_for(path.stem)
    pending: _Pending | None = None

    def where(line: int, col: int) -> Where:
        return Where(display, line, col)

    def fail(w: Where, message: str) -> None:
        result.issues.append(w.issue(message))
        result.skipped.append(Skipped(w.text(), message, True))

    for number, raw in enumerate(source.text.split("\n"), start=1):
        line = raw.strip()
        col = len(raw) - len(raw.lstrip()) + 1
        if not line:
            continue
        answer = _ANSWER.match(line)
        option = _OPTION.fullmatch(line)
        if pending is not None and pending.broken:
            if answer:
                pending = None
            continue
        if answer:
            if pending is None or not pending.text:
                fail(where(number, col), "baris ANSWER: tanpa soal di atasnya")
                pending = None
                continue
            q = _finish(pending, line[answer.end():], number, col + answer.end(), display,
                        category, fail)
            if q is not None:
                result.bank.questions.append(q)
            pending = None
        elif option and pending is not None and pending.text:
            key, text = option.group(1).upper(), option.group(2).strip()
            expected = OPTION_KEYS[len(pending.options)] if len(pending.options) < len(
                OPTION_KEYS) else None
            if key != expected:
                msg = (f"pilihan '{key}' berlebih; paling banyak 8 pilihan (A–H)" if expected is
                       None else f"pilihan ke-{len(pending.options) + 1} harus berhuruf "
                       f"'{expected}', bukan '{key}'; urutkan A, B, C, … tanpa lompatan")
                fail(where(number, col), msg)
                pending.broken = True
                continue
            pending.options.append((key, text, number, col))
        elif pending is not None and pending.options:
            fail(where(pending.line, pending.col), "soal tanpa baris 'ANSWER: …' setelah "
                 "pilihannya; tambahkan misalnya 'ANSWER: B'")
            pending = _Pending(number, col, [line])
        elif pending is not None:
            pending.text.append(line)
        else:
            pending = _Pending(number, col, [line])
    if pending is not None and not pending.broken:
        fail(where(pending.line, pending.col), "soal terakhir tanpa baris 'ANSWER: …'; "
             "tambahkan misalnya 'ANSWER: B'")
    return result


def _finish(p: _Pending, raw: str, line: int, col: int, display: str, category: str,
            fail: object) -> DraftQuestion | None:
    assert callable(fail)
    at = Where(display, line, col)
    keys = [o[0] for o in p.options]
    if len(keys) < 2:
        fail(Where(display, p.line, p.col), f"soal perlu 2–8 pilihan (A. …, B. …), baru "
             f"{len(keys)}")
        return None
    letters = [s.upper() for s in re.split(r"[,;\s]+", raw.strip()) if s]
    if not letters:
        fail(at, "ANSWER: kosong; tulis huruf jawaban yang benar, misalnya 'ANSWER: B'")
        return None
    for letter in letters:
        if letter not in keys:
            fail(at, f"jawaban '{letter}' tidak ada di antara pilihan ({', '.join(keys)})")
            return None
    if len(set(letters)) != len(letters):
        fail(at, "huruf jawaban ditulis dua kali")
        return None
    return DraftQuestion(
        where=Where(display, p.line, p.col), text="\n".join(p.text), category=category,
        type=QuestionType.SINGLE if len(letters) == 1 else QuestionType.MULTIPLE,
        options=[o[1] for o in p.options], answer=sorted(letters))
