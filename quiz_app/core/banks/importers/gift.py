"""Moodle GIFT: a small parser of our own (pygiftparser is unmaintained since 2017).

Imported: multiple choice with one answer (``=right ~wrong``), with several answers
(weights ``~%50%``; every answer with a positive weight is a correct one), true/false
(``{T}``, ``{FALSE}``), ``$CATEGORY:`` lines, question titles (``::title::``, used for the
id), general feedback (``####``) as the explanation, the escapes ``\\~ \\= \\# \\{ \\} \\:
\\\\ \\n``, and "missing word" questions (the blank shown as ``_____``).

Skipped, each named in the summary: short answer (only ``=`` answers), numerical
(``{#…}``), matching (``->``), essay (``{}``), descriptions (no ``{…}``), several answers
each worth 100% (any one of them is right: no such type here), more than 8 options.
Carried with a warning: partial weights (a correct option counts fully), feedback of wrong
options (dropped), HTML formatting (reduced to plain text).
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass
from pathlib import Path

from ...model import FALSE_KEY, OPTION_KEYS, TRUE_KEY, QuestionType
from .draft import DraftBank, DraftQuestion, ImportResult, Skipped, Where, slugify
from .source import read_text

_ESCAPABLE = "~=#{}:\\"
_FORMAT = re.compile(r"\s*\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_TF = re.compile(r"(T|TRUE|F|FALSE)(?=\s*(#|$))", re.IGNORECASE)
_WEIGHT = re.compile(r"\s*%(-?\d+(?:\.\d+)?)%")
_BLANK = "_____"


@dataclass
class _Block:
    """Consecutive non-blank, non-comment lines: one question (or a $CATEGORY line)."""

    text: str
    starts: list[int]  # offset in text where each line starts
    lines: list[int]  # its 1-based line number in the file

    def pos(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.lines[i], offset - self.starts[i] + 1


def _blocks(text: str) -> list[_Block]:
    blocks: list[_Block] = []
    parts: list[tuple[int, str]] = []

    def flush() -> None:
        if parts:
            starts, offset = [], 0
            for _, line in parts:
                starts.append(offset)
                offset += len(line) + 1
            blocks.append(_Block("\n".join(p[1] for p in parts), starts, [p[0] for p in parts]))
            parts.clear()

    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if not stripped:
            flush()
        elif not stripped.startswith("//"):
            parts.append((number, line))
    flush()
    return blocks


def _find(text: str, target: str, start: int = 0) -> int:
    """Index of the first unescaped ``target`` at or after ``start``, or -1."""
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text.startswith(target, i):
            return i
        i += 1
    return -1


def unescape(text: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            if nxt in _ESCAPABLE:
                out.append(nxt)
                i += 2
                continue
            if nxt == "n":
                out.append("\n")
                i += 2
                continue
        out.append(c)
        i += 1
    return "".join(out)


def _clean(raw: str, is_html: bool) -> str:
    """Source text → display text: lines joined with spaces, escapes resolved."""
    text = unescape(" ".join(part.strip() for part in raw.split("\n")))
    if is_html:
        text = re.sub(r"<br\s*/?>|</p>\s*<p[^>]*>", "\n", text, flags=re.IGNORECASE)
        text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()


def _category_title(path: str) -> str:
    path = path.strip()
    for prefix in ("$course$/", "$system$/", "$module$/", "$cat1$/", "$cat2$/"):
        if path.startswith(prefix):
            path = path[len(prefix):]
    parts = [p.strip() for p in path.split("/") if p.strip()]
    if parts and parts[0].casefold() in ("top", "default"):
        parts = parts[1:]
    return parts[-1] if parts else ""


def read_gift(path: Path, display: str) -> ImportResult:
    source = read_text(path, display, "GIFT")
    result = ImportResult(DraftBank(slugify(path.stem), path.stem), "gift", list(source.issues))
    if source.text is None:
        return result
    category = ""
    for block in _blocks(source.text):
        first = block.text.lstrip()
        if first.startswith("$CATEGORY:"):
            end = block.text.find("\n")
            title = _category_title(block.text[block.text.index(":") + 1:
                                               end if end >= 0 else None])
            if title:
                category = result.bank.category_for(title)
            if end < 0:
                continue
            block = _Block(block.text[end + 1:], [s - end - 1 for s in block.starts[1:]],
                           block.lines[1:])
        if not category:
            category = result.bank.category_for(path.stem)
        q = _question(block, display, category, result)
        if q is not None:
            result.bank.questions.append(q)
    return result


def _question(block: _Block, display: str, category: str,
              result: ImportResult) -> DraftQuestion | None:
    text = block.text
    start = len(text) - len(text.lstrip())

    def at(offset: int) -> Where:
        line, col = block.pos(offset)
        return Where(display, line, col)

    where = at(start)
    problems: list[tuple[Where, str]] = []

    def fail(w: Where, message: str) -> None:
        result.issues.append(w.issue(message))
        result.skipped.append(Skipped(w.text(), message, True))

    def unsupported(message: str) -> None:
        result.skip(where, message, fixable=False)

    i = start
    title = ""
    if text.startswith("::", i):
        end = _find(text, "::", i + 2)
        if end < 0:
            fail(at(i), "judul soal '::' tidak ditutup dengan '::'")
            return None
        title = _clean(text[i + 2:end], False)
        i = end + 2
    is_html = False
    m = _FORMAT.match(text, i)
    if m:
        is_html = m.group(1).lower() == "html"
        i = m.end()
    open_at = _find(text, "{", i)
    if open_at < 0:
        unsupported("soal tanpa blok jawaban {…} (deskripsi/teks saja) tidak dapat diwakili; "
                    "dilewati")
        return None
    close_at = _find(text, "}", open_at + 1)
    if close_at < 0:
        fail(at(open_at), "blok jawaban '{' tidak ditutup dengan '}'; tutup blok, atau tulis "
             "\\{ bila kurung kurawal itu bagian dari teks")
        return None
    after = text[close_at + 1:]
    if _find(after, "{") >= 0:
        unsupported("soal dengan lebih dari satu blok jawaban {…} tidak dapat diwakili; "
                    "dilewati")
        return None
    before = text[i:open_at]
    question_text = _clean(before, is_html)
    if after.strip():  # "missing word": the blank stands where the block was
        question_text = (question_text + f" {_BLANK} " + _clean(after, is_html)).strip()
    elif open_at > i and not before.strip():
        question_text = ""
    body = text[open_at + 1:close_at]
    body_at = open_at + 1
    explanation = ""
    general = _find(body, "####")
    if general >= 0:
        explanation = _clean(body[general + 4:], is_html)
        body = body[:general]
    stripped = body.strip()
    lead = len(body) - len(body.lstrip())
    if not question_text:
        problems.append((where, "teks soal kosong"))
    q = DraftQuestion(where=where, text=question_text, category=category,
                      explanation=explanation, id_hint=title)
    if not stripped:
        unsupported("soal esai ({} kosong) tidak dapat diwakili; dilewati")
        return None
    if stripped.startswith("#"):
        unsupported("soal numerik ({#…}) tidak dapat diwakili; dilewati")
        return None
    tf = _TF.match(stripped)
    if tf:
        if problems:
            fail(*problems[0])
            return None
        q.type = QuestionType.TRUE_FALSE
        q.answer = [TRUE_KEY if tf.group(1).upper().startswith("T") else FALSE_KEY]
        feedback = [_clean(f, is_html) for f in _split(stripped[tf.end():], "#")[1:]]
        if not q.explanation and len(feedback) > 1 and feedback[1]:
            q.explanation = feedback[1]  # shown to those who answered right
        if is_html:
            result.warn(where, "format HTML diubah menjadi teks biasa")
        return q
    return _choice(q, body, body_at + lead, stripped, at, problems, is_html, result, fail,
                   unsupported)


def _split(text: str, sep: str) -> list[str]:
    parts, i = [], 0
    while True:
        j = _find(text, sep, i)
        if j < 0:
            parts.append(text[i:])
            return parts
        parts.append(text[i:j])
        i = j + len(sep)


def _choice(q: DraftQuestion, body: str, body_at: int, stripped: str, at: object,
            problems: list[tuple[Where, str]], is_html: bool, result: ImportResult,
            fail: object, unsupported: object) -> DraftQuestion | None:
    assert callable(at) and callable(fail) and callable(unsupported)
    body = body.strip()
    marks = [k for k in range(len(body)) if body[k] in "=~" and not _escaped(body, k)]
    if not marks or marks[0] != 0:
        problems.append((at(body_at), "jawaban harus diawali '=' (benar) atau '~' (salah)"))
        fail(*problems[0])
        return None
    answers: list[tuple[str, float, str, str, int]] = []  # marker, weight, text, feedback, at
    for n, k in enumerate(marks):
        end = marks[n + 1] if n + 1 < len(marks) else len(body)
        chunk = body[k + 1:end]
        weight = 100.0 if body[k] == "=" else 0.0
        m = _WEIGHT.match(chunk)
        if m:
            weight = float(m.group(1))
            chunk = chunk[m.end():]
        parts = _split(chunk, "#")
        answers.append((body[k], weight, parts[0], "#".join(parts[1:]), body_at + k))
    if any(_find(a[2], "->") >= 0 for a in answers):
        unsupported("soal menjodohkan (->) tidak dapat diwakili; dilewati")
        return None
    if all(a[0] == "=" for a in answers):
        unsupported("soal isian singkat (hanya jawaban '=') tidak dapat diwakili; dilewati")
        return None
    if len(answers) > len(OPTION_KEYS):
        unsupported(f"soal dengan {len(answers)} pilihan; Kuis ASN memuat paling banyak 8; "
                    "dilewati")
        return None
    options = [_clean(a[2], is_html) for a in answers]
    for a, text in zip(answers, options, strict=True):
        if not text:
            problems.append((at(a[4]), "teks pilihan kosong"))
    if len(options) < 2:
        problems.append((at(body_at), "soal perlu minimal 2 pilihan"))
    positive = [n for n, a in enumerate(answers) if a[1] > 0]
    if not positive:
        problems.append((at(body_at), "tidak ada jawaban benar; tandai dengan '=' atau "
                         "'~%100%' (beberapa jawaban: '~%50%')"))
    if problems:
        fail(*problems[0])
        for w, message in problems[1:]:
            result.issues.append(w.issue(message))
        return None
    if len(positive) > 1 and all(answers[n][1] >= 100 for n in positive):
        unsupported("beberapa jawaban bernilai 100% (salah satunya cukup) tidak dapat "
                    "diwakili; gunakan bobot ~%50% bila semua harus dipilih; dilewati")
        return None
    q.options = options
    q.answer = [OPTION_KEYS[n] for n in positive]
    q.type = QuestionType.SINGLE if len(positive) == 1 else QuestionType.MULTIPLE
    if len(positive) == 1 and answers[positive[0]][1] < 100:
        result.warn(q.where, f"bobot {answers[positive[0]][1]:g}% dihitung sebagai jawaban "
                    "benar penuh")
    right_feedback = [_clean(answers[n][3], is_html) for n in positive if answers[n][3].strip()]
    wrong_feedback = [n for n, a in enumerate(answers) if n not in positive and a[3].strip()]
    if not q.explanation and right_feedback:
        q.explanation = " ".join(right_feedback)
    if wrong_feedback:
        result.warn(at(answers[wrong_feedback[0]][4]), "umpan balik untuk pilihan yang salah "
                    "tidak dibawa (Kuis ASN menampilkan satu penjelasan per soal)")
    if is_html:
        result.warn(q.where, "format HTML diubah menjadi teks biasa")
    return q


def _escaped(text: str, k: int) -> bool:
    n = 0
    while k - n - 1 >= 0 and text[k - n - 1] == "\\":
        n += 1
    return n % 2 == 1
