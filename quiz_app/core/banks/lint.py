"""Warnings about bank content that is valid but misleads learners.

``letter_warnings(bank)`` finds prose that names an option by its letter ("pilihan C",
"opsi B", "jawaban: A", "(C)") in a question whose options may be shuffled: the letter a
participant sees is then another one, on the projector and in the review. Such a bank is
still valid, so these are warnings (``Issue.warning``), never errors.

Each warning is located (line, column) in the bank file. A clean bank costs no file
access; a bank with findings is read again through the one guarded reader, because a
bank from the cache carries no source positions below the question.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..errors import Issue
from ..model import Bank, Question, QuestionType
from .yamlsrc import read_source

# One option letter, optionally in parentheses, not the start of a word ("Anda", "UU").
_LETTER = r"\(?[A-H]\)?(?![\w'’])"
_JOIN = r"(?:\s*[,/&]\s*(?:(?i:dan|atau|serta)\s+)?|\s+(?i:dan|atau|serta)\s+)"
_LIST = rf"{_LETTER}(?:{_JOIN}{_LETTER})*"
# "pilihan C", "Pilihan jawaban B dan D", "opsi A", "jawaban: C", "kunci jawaban B".
# "huruf" is left out on purpose: "Pasal 2 huruf f", 'huruf "B" dalam BerAKHLAK'.
_NAMED = re.compile(
    r"(?i:\b(?:pilihan(?:\s+jawaban)?|opsi|option|kunci(?:\s+jawaban)?|jawaban))"
    rf"(?:\s*:\s*|\s+)(?P<letters>{_LIST})"
)
# A letter standing alone in parentheses: "(C) termasuk Harmonis". "ayat (2)" is a digit.
_PAREN = re.compile(r"(?<![\w(])(?P<letters>\([A-H]\))(?![\w)])")
# An option that is itself a combination of letters: "A dan B benar", "B, C, dan D".
_COMBINED = re.compile(rf"^\s*(?P<letters>[A-H](?:{_JOIN}[A-H])+)(?![\w'’])")
_KEYS = re.compile(r"[A-H]")

FIELD_NAMES = {"text": "teks soal", "explanation": "penjelasan"}


@dataclass(frozen=True)
class _Finding:
    question: Question
    field: str  # "text", "explanation" or an option key
    phrases: tuple[str, ...]  # as written in the value, e.g. ("Pilihan C dan E",)


def may_shuffle(question: Question) -> bool:
    """Whether a plan that shuffles options would show this question's options reordered."""
    return (
        question.shuffle
        and question.type is not QuestionType.TRUE_FALSE
        and len(question.options) > 1
    )


_WORDS = ("pilihan", "opsi", "option", "kunci", "jawaban")
# An option starting like a combination of letters ("A dan B benar"), one per line.
_COMBINED_LINE = re.compile(r"^[ \t]*[A-H](?:[ \t]*[,/&]|[ \t]+(?i:dan|atau|serta)[ \t])",
                            re.MULTILINE)


def _may_name_a_letter(questions: list[Question]) -> bool:
    """Rules out prose before the patterns run, with a few C-level scans over all of it (a
    warm ``validate`` of 10,000 questions lints every one): a parenthesis, a word that
    introduces a letter, or an option that starts like a combination of letters."""
    prose = "\n".join(t for q in questions for t in (q.text, q.explanation))
    options = "\n".join(o.text for q in questions for o in q.options)
    if "(" in prose or "(" in options:
        return True
    text = f"{prose}\n{options}".lower()
    return any(word in text for word in _WORDS) or bool(_COMBINED_LINE.search(options))


def _named_letters(text: str, keys: tuple[str, ...], combined: bool) -> list[str]:
    """Phrases in ``text`` that name one of ``keys`` by its letter."""
    patterns = (_NAMED, _PAREN, _COMBINED) if combined else (_NAMED, _PAREN)
    found: list[tuple[int, int, str]] = []
    for pattern in patterns:
        for m in pattern.finditer(text):
            if any(k in keys for k in _KEYS.findall(m.group("letters"))):
                found.append((m.start(), -m.end(), m.group(0).strip()))
    phrases: list[str] = []
    covered = -1
    for start, neg_end, phrase in sorted(found):  # "opsi (B)" also holds "(B)": once
        if start >= covered:
            phrases.append(phrase)
            covered = -neg_end
    return phrases


def _findings(question: Question) -> list[_Finding]:
    if not _may_name_a_letter([question]):
        return []
    keys = question.option_keys
    out: list[_Finding] = []
    for field in ("text", "explanation"):
        phrases = _named_letters(getattr(question, field), keys, combined=False)
        if phrases:
            out.append(_Finding(question, field, tuple(phrases)))
    for option in question.options:
        phrases = _named_letters(option.text, keys, combined=True)
        if phrases:
            out.append(_Finding(question, option.key, tuple(phrases)))
    return out


class _Locator:
    """Finds where a phrase of a question's field stands in the bank's source text."""

    def __init__(self, text: str, question_lines: list[int]) -> None:
        self.text = text
        self.starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self.question_lines = sorted(set(question_lines))

    def _offset(self, line: int) -> int:
        return self.starts[min(max(line, 1), len(self.starts)) - 1]

    def _pos(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def locate(self, finding: _Finding) -> tuple[int, int]:
        q = finding.question
        begin = self._offset(q.line)
        later = bisect.bisect_right(self.question_lines, q.line)
        end = (self._offset(self.question_lines[later]) if later < len(self.question_lines)
               else len(self.text))
        if finding.field in FIELD_NAMES:
            key = re.compile(rf"^[ \t]*(?:-[ \t]+)?{finding.field}[ \t]*:", re.MULTILINE)
        else:  # an option: its key line after 'options:'
            options = re.compile(r"^[ \t]*options[ \t]*:", re.MULTILINE).search(
                self.text, begin, end)
            if options is not None:
                begin = options.end()
            key = re.compile(rf"^[ \t]*{finding.field}[ \t]*:", re.MULTILINE)
        field = key.search(self.text, begin, end)
        if field is not None:
            begin = field.end()
        # The value may be folded over several lines: any run of whitespace may break it.
        phrase = re.compile(r"\s+".join(map(re.escape, finding.phrases[0].split())))
        m = phrase.search(self.text, begin, end)
        if m is not None:
            return self._pos(m.start())
        return self._pos(field.start()) if field is not None else (q.line, 0)


def _message(finding: _Finding) -> str:
    where = FIELD_NAMES.get(finding.field, f"pilihan {finding.field}")
    phrases = ", ".join(f"'{' '.join(p.split())}'" for p in finding.phrases)
    return (
        f"{where} menyebut huruf pilihan ({phrases}), padahal pilihan soal ini diacak: "
        "huruf yang dilihat peserta bisa lain. Sebut teks pilihannya, atau tulis "
        "'shuffle: false' bila urutan pilihan memang penting"
    )


def letter_warnings(bank: Bank, display: str | None = None) -> list[Issue]:
    """Located warnings for option letters named in prose of shuffled questions.

    ``display`` is the path as the user wrote it (default: the bank's own path).
    """
    shuffled = [q for q in bank.questions if may_shuffle(q)]
    if not _may_name_a_letter(shuffled):
        return []
    findings = [f for q in shuffled for f in _findings(q)]
    if not findings:
        return []
    shown = display if display is not None else str(bank.path or "")
    text = ""
    if bank.path is not None:
        src = read_source(bank.path, shown)
        if not src.issues:
            text = src.text
    locator = _Locator(text, [q.line for q in bank.questions]) if text else None
    issues = []
    for finding in findings:
        line, col = locator.locate(finding) if locator else (finding.question.line, 0)
        issues.append(Issue(shown, line, col, _message(finding), finding.question.id,
                            warning=True))
    return sorted(issues, key=lambda i: (i.line, i.column))
