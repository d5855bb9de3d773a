"""Model objects from JSON that came from another laptop (result packages, ``.kuis-sesi``
files), checked field by field.

A signature only proves *who* wrote a file (or, for a session file, nothing at all: anyone
holding it can re-sign it with the key it carries). So every field is checked here as the
plan and bank loaders check what a trainer writes: its type, its range (numbers finite,
texts of bounded length and without control characters), the enums, and the consistency
between parts (answers belong to the questions of the spec, one score per question). A
path from another machine is never kept: ``plan.path`` and question images become None.

Everything wrong raises :class:`Invalid` with an Indonesian message naming the field. Keys
this version does not know are ignored, not refused (a laptop running a newer version may
add fields): only the known fields are read, checked and kept.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Mapping
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from ..model import (
    FALSE_KEY,
    OPTION_KEYS,
    PLAN_FORMAT,
    TRUE_KEY,
    Difficulty,
    DrawRule,
    MultipleScoring,
    Navigation,
    Option,
    Order,
    Participant,
    Plan,
    Question,
    QuestionType,
    Review,
    Scoring,
    TestKind,
)
from ..quiz import AnswerRecord, AttemptQuestion, AttemptResult, AttemptSpec, QuestionScore

__all__ = ["Invalid", "checked_answers", "checked_participant", "checked_plan",
           "checked_result", "checked_spec", "iso_date", "iso_time", "seconds", "text"]

E = TypeVar("E", bound=StrEnum)

SHORT = 300  # names, titles, places, ids
LONG = 20_000  # question text, explanations
MAX_QUESTIONS = 10_000
MAX_SECONDS = 10_000_000.0  # ~115 days: beyond any session
_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
_NIP = re.compile(r"\d{18}\Z")


class Invalid(Exception):
    """A field of a file from another laptop is not valid (message in Indonesian)."""


def _type_name(value: object) -> str:
    return {bool: "true/false", int: "bilangan", float: "angka", str: "teks", list: "daftar",
            dict: "objek", type(None): "kosong"}.get(type(value), type(value).__name__)


def _get(d: Mapping[str, Any], key: str, where: str) -> Any:
    if not isinstance(d, Mapping):
        raise Invalid(f"{where} harus berupa objek, bukan {_type_name(d)}")
    if key not in d:
        raise Invalid(f"{where}: kolom '{key}' tidak ada")
    return d[key]


def text(value: object, where: str, *, max_len: int = SHORT, required: bool = False,
         visible: bool = False) -> str:
    if not isinstance(value, str):
        raise Invalid(f"{where} harus berupa teks, bukan {_type_name(value)}")
    if len(value) > max_len:
        raise Invalid(f"{where} terlalu panjang ({len(value)} karakter; batasnya {max_len})")
    if any(unicodedata.category(c) == "Cc" and c not in "\n\t\r" for c in value):
        raise Invalid(f"{where} berisi karakter kontrol")
    if required and not value.strip():
        raise Invalid(f"{where} kosong")
    if visible and not any(unicodedata.category(c)[0] in "LN" for c in value):
        raise Invalid(f"{where} tidak berisi huruf atau angka")
    return value


def _optional_text(value: object, where: str, max_len: int = LONG) -> str:
    return "" if value is None else text(value, where, max_len=max_len)


def integer(value: object, where: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(f"{where} harus bilangan bulat, bukan {_type_name(value)}")
    if not low <= value <= high:
        raise Invalid(f"{where} = {value} di luar batas {low}–{high}")
    return value


def _optional_int(value: object, where: str, low: int, high: int) -> int | None:
    return None if value is None else integer(value, where, low, high)


def number(value: object, where: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise Invalid(f"{where} harus berupa angka, bukan {_type_name(value)}")
    if not math.isfinite(value) or not low <= value <= high:
        raise Invalid(f"{where} = {value} di luar batas {low:g}–{high:g}")
    return float(value)


def seconds(value: object, where: str) -> float:
    return number(value, where, 0.0, MAX_SECONDS)


def boolean(value: object, where: str) -> bool:
    if not isinstance(value, bool):
        raise Invalid(f"{where} harus true atau false, bukan {_type_name(value)}")
    return value


def choice(value: object, enum: type[E], where: str) -> E:
    if not isinstance(value, str) or value not in {e.value for e in enum}:
        raise Invalid(f"{where} bukan nilai yang dikenal")
    return enum(value)


def items(value: object, where: str, max_items: int) -> list[Any]:
    if not isinstance(value, list):
        raise Invalid(f"{where} harus berupa daftar, bukan {_type_name(value)}")
    if len(value) > max_items:
        raise Invalid(f"{where} berisi terlalu banyak butir ({len(value)}; batasnya {max_items})")
    return value


def slug(value: object, where: str) -> str:
    s = text(value, where, max_len=100)
    if not _SLUG.match(s):
        raise Invalid(f"{where} '{s[:40]}' bukan pengenal yang sah")
    return s


def iso_date(value: object, where: str) -> str:
    s = text(value, where, max_len=10)
    try:
        return date.fromisoformat(s).isoformat()
    except ValueError as exc:
        raise Invalid(f"{where} '{s}' bukan tanggal TTTT-BB-HH") from exc


def iso_time(value: object, where: str, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    s = text(value, where, max_len=40)
    try:
        datetime.fromisoformat(s)
    except ValueError as exc:
        raise Invalid(f"{where} '{s}' bukan waktu ISO 8601") from exc
    return s


# --------------------------------------------------------------------------- plan



def _draw_rule(d: object, where: str) -> DrawRule:
    if not isinstance(d, Mapping):
        raise Invalid(f"{where} harus berupa objek")
    count = integer(_get(d, "count", where), f"{where}.count", 1, 100_000)
    category = None if d.get("category") is None else slug(d["category"], f"{where}.category")
    bank = None if d.get("bank") is None else slug(d["bank"], f"{where}.bank")
    if (category is None) == (bank is None):
        raise Invalid(f"{where} perlu tepat satu dari 'category' atau 'bank'")
    return DrawRule(count=count, category=category, bank=bank)


def checked_plan(d: object, where: str = "plan", *, local: bool = False,
                 need_banks: bool = False) -> Plan:
    """A plan snapshot. Its ``path`` is dropped (a path from another laptop means nothing
    here and must never make this one scan a folder) unless ``local``: a file this
    laptop wrote into its own data folder. ``need_banks``: a plan to run (a session file),
    not only to describe questions already drawn (a spec)."""
    if not isinstance(d, Mapping):
        raise Invalid(f"{where} harus berupa objek, bukan {_type_name(d)}")
    g: Callable[[str], Any] = lambda key: _get(d, key, where)  # noqa: E731
    fmt = text(g("format"), f"{where}.format")
    if fmt != PLAN_FORMAT:
        raise Invalid(f"{where}.format '{fmt[:20]}' tidak didukung")
    path = None if g("path") is None else text(g("path"), f"{where}.path", max_len=4096)
    banks = items(g("banks"), f"{where}.banks", 50)
    if need_banks and not banks:
        raise Invalid(f"{where}.banks kosong")
    return Plan(
        title=text(g("title"), f"{where}.title", required=True, visible=True),
        banks=tuple(slug(b, f"{where}.banks[{i}]") for i, b in enumerate(banks)),
        draw=tuple(_draw_rule(r, f"{where}.draw[{i}]")
                   for i, r in enumerate(items(g("draw"), f"{where}.draw", 200))),
        order=choice(g("order"), Order, f"{where}.order"),
        shuffle_options=boolean(g("shuffle_options"), f"{where}.shuffle_options"),
        time_limit=_optional_int(g("time_limit"), f"{where}.time_limit", 10, 24 * 3600),
        question_time_limit=_optional_int(g("question_time_limit"),
                                          f"{where}.question_time_limit", 5, 3600),
        pass_mark=number(g("pass_mark"), f"{where}.pass_mark", 0, 100),
        scoring=choice(g("scoring"), Scoring, f"{where}.scoring"),
        multiple_scoring=choice(g("multiple_scoring"), MultipleScoring,
                                f"{where}.multiple_scoring"),
        navigation=choice(g("navigation"), Navigation, f"{where}.navigation"),
        review=choice(g("review"), Review, f"{where}.review"),
        kind=choice(g("kind"), TestKind, f"{where}.kind"),
        seed=_optional_text(g("seed"), f"{where}.seed", SHORT),
        description=_optional_text(g("description"), f"{where}.description", LONG),
        path=Path(path) if local and path else None,
        format=fmt,
    )


# --------------------------------------------------------------------------- questions



def _question(d: object, where: str, local: bool) -> Question:
    if not isinstance(d, Mapping):
        raise Invalid(f"{where} harus berupa objek")
    g: Callable[[str], Any] = lambda key: _get(d, key, where)  # noqa: E731
    qtype = choice(g("type"), QuestionType, f"{where}.type")
    allowed = (TRUE_KEY, FALSE_KEY) if qtype is QuestionType.TRUE_FALSE else OPTION_KEYS
    options: list[Option] = []
    for i, pair in enumerate(items(g("options"), f"{where}.options", len(OPTION_KEYS))):
        if not isinstance(pair, list) or len(pair) != 2:
            raise Invalid(f"{where}.options[{i}] harus berupa [kunci, teks]")
        key = text(pair[0], f"{where}.options[{i}]", max_len=1)
        if key not in allowed or any(o.key == key for o in options):
            raise Invalid(f"{where}.options[{i}]: kunci '{key}' tidak sah")
        options.append(Option(key, text(pair[1], f"{where}.options[{i}]", max_len=LONG)))
    if qtype is not QuestionType.POLL and len(options) < 2:
        raise Invalid(f"{where}.options: kurang dari dua pilihan")
    answer = frozenset(text(k, f"{where}.answer", max_len=1)
                       for k in items(g("answer"), f"{where}.answer", len(OPTION_KEYS)))
    if not answer <= {o.key for o in options} or (not answer) != (qtype is QuestionType.POLL):
        raise Invalid(f"{where}.answer tidak cocok dengan pilihannya")
    difficulty = g("difficulty")
    image = None if g("image") is None else text(g("image"), f"{where}.image", max_len=4096)
    return Question(
        id=text(g("id"), f"{where}.id", max_len=100, required=True),
        category=text(g("category"), f"{where}.category", max_len=100, required=True),
        type=qtype,
        text=text(g("text"), f"{where}.text", max_len=LONG, required=True),
        options=tuple(options),
        answer=answer,
        explanation=_optional_text(g("explanation"), f"{where}.explanation"),
        reference=_optional_text(g("reference"), f"{where}.reference"),
        difficulty=None if difficulty is None else choice(difficulty, Difficulty,
                                                          f"{where}.difficulty"),
        points=number(g("points"), f"{where}.points", 0, 1_000_000),
        time_limit=_optional_int(g("time_limit"), f"{where}.time_limit", 1, 24 * 3600),
        shuffle=boolean(g("shuffle"), f"{where}.shuffle"),
        image=Path(image) if local and image else None,  # never a path of another laptop
        tags=tuple(text(t, f"{where}.tags") for t in items(g("tags"), f"{where}.tags", 50)),
        line=integer(g("line"), f"{where}.line", 0, 10_000_000),
    )


def checked_spec(d: object, where: str = "spec", *, local: bool = False) -> AttemptSpec:
    """An attempt spec; ``local`` keeps its plan path and images (see :func:`checked_plan`)."""
    if not isinstance(d, Mapping):
        raise Invalid(f"{where} harus berupa objek, bukan {_type_name(d)}")
    questions: list[AttemptQuestion] = []
    seen: set[str] = set()
    raw = items(_get(d, "questions", where), f"{where}.questions", MAX_QUESTIONS)
    if not raw:
        raise Invalid(f"{where}.questions kosong")
    for i, q in enumerate(raw):
        at = f"{where}.questions[{i}]"
        if not isinstance(q, Mapping):
            raise Invalid(f"{at} harus berupa objek")
        question = _question(_get(q, "question", at), f"{at}.question", local)
        if question.id in seen:
            raise Invalid(f"{at}: soal '{question.id[:40]}' muncul dua kali")
        seen.add(question.id)
        order = tuple(text(k, f"{at}.option_order", max_len=1)
                      for k in items(_get(q, "option_order", at), f"{at}.option_order", 8))
        if sorted(order) != sorted(o.key for o in question.options):
            raise Invalid(f"{at}.option_order tidak cocok dengan pilihannya")
        questions.append(AttemptQuestion(question, order, integer(
            _get(q, "time_limit", at), f"{at}.time_limit", 1, 24 * 3600)))
    return AttemptSpec(seed=text(_get(d, "seed", where), f"{where}.seed"),
                       plan=checked_plan(_get(d, "plan", where), f"{where}.plan", local=local),
                       questions=tuple(questions))


# --------------------------------------------------------------------------- people

def checked_participant(d: object, where: str = "participant") -> Participant:
    if not isinstance(d, Mapping):
        raise Invalid(f"{where} harus berupa objek, bukan {_type_name(d)}")
    nip = _get(d, "nip", where)
    if nip is not None and not (isinstance(nip, str) and _NIP.match(nip)):
        raise Invalid(f"{where}.nip harus 18 angka")
    extra = []
    for i, pair in enumerate(items(_get(d, "extra", where), f"{where}.extra", 100)):
        if not isinstance(pair, list) or len(pair) != 2:
            raise Invalid(f"{where}.extra[{i}] harus berupa [judul, isi]")
        extra.append((text(pair[0], f"{where}.extra[{i}]"),
                      text(pair[1], f"{where}.extra[{i}]", max_len=2000)))
    return Participant(
        name=text(_get(d, "name", where), f"{where}.name", required=True, visible=True).strip(),
        nip=nip,
        position=text(_get(d, "position", where), f"{where}.position"),
        unit=text(_get(d, "unit", where), f"{where}.unit"),
        rank=text(_get(d, "rank", where), f"{where}.rank"),
        extra=tuple(extra),
    )


# --------------------------------------------------------------------------- answers, result

def checked_answers(raw: object, spec: AttemptSpec, where: str = "answers"
                    ) -> dict[str, AnswerRecord]:
    options = {aq.id: {o.key for o in aq.question.options} for aq in spec.questions}
    out: dict[str, AnswerRecord] = {}
    for i, a in enumerate(items(raw, where, len(options))):
        at = f"{where}[{i}]"
        if not isinstance(a, Mapping):
            raise Invalid(f"{at} harus berupa objek")
        qid = text(_get(a, "question_id", at), f"{at}.question_id", max_len=100)
        if qid not in options or qid in out:
            raise Invalid(f"{at}: jawaban soal '{qid[:40]}' tidak cocok dengan soalnya")
        keys = [text(k, f"{at}.choice", max_len=1)
                for k in items(_get(a, "choice", at), f"{at}.choice", 8)]
        if len(set(keys)) != len(keys) or not set(keys) <= options[qid]:
            raise Invalid(f"{at}.choice tidak cocok dengan pilihan soal '{qid[:40]}'")
        out[qid] = AnswerRecord(qid, frozenset(keys), seconds(_get(a, "time_taken", at),
                                                              f"{at}.time_taken"),
                                boolean(_get(a, "flagged", at), f"{at}.flagged"))
    return out




def _score(d: object, aq: AttemptQuestion, where: str) -> QuestionScore:
    if not isinstance(d, Mapping):
        raise Invalid(f"{where} harus berupa objek")
    if _get(d, "question_id", where) != aq.id:
        raise Invalid(f"{where}.question_id tidak cocok dengan urutan soal")
    correct = _get(d, "correct", where)
    return QuestionScore(
        question_id=aq.id,
        category=text(_get(d, "category", where), f"{where}.category", max_len=100),
        points=number(_get(d, "points", where), f"{where}.points", 0, 1e9),
        max_points=number(_get(d, "max_points", where), f"{where}.max_points", 0, 1e9),
        correct=None if correct is None else boolean(correct, f"{where}.correct"),
        answered=boolean(_get(d, "answered", where), f"{where}.answered"),
        fraction=number(_get(d, "fraction", where), f"{where}.fraction", 0, 1),
    )


def checked_result(d: object, spec: AttemptSpec, where: str = "result") -> AttemptResult:
    if not isinstance(d, Mapping):
        raise Invalid(f"{where} harus berupa objek, bukan {_type_name(d)}")
    n = len(spec.questions)
    per_question = items(_get(d, "per_question", where), f"{where}.per_question", n)
    if len(per_question) != n:
        raise Invalid(f"{where}: jumlah skor soal tidak cocok dengan jumlah soal")
    per_category = _get(d, "nilai_per_category", where)
    if not isinstance(per_category, Mapping) or len(per_category) > n:
        raise Invalid(f"{where}.nilai_per_category harus berupa objek")
    counts = [integer(_get(d, k, where), f"{where}.{k}", 0, n)
              for k in ("correct", "wrong", "unanswered")]
    scores = tuple(_score(s, aq, f"{where}.per_question[{i}]")
                   for i, (s, aq) in enumerate(zip(per_question, spec.questions, strict=True)))
    if "partial" in d:
        partial = integer(d["partial"], f"{where}.partial", 0, n)
    else:  # written before "sebagian benar" was counted: it was counted as wrong
        partial = sum(1 for s in scores if s.answered and s.correct is False and s.fraction > 0)
        counts[1] -= partial
        if counts[1] < 0:
            raise Invalid(f"{where}.wrong lebih kecil daripada jawaban sebagian benar")
    if sum(counts) + partial > n:
        raise Invalid(f"{where}: jumlah benar, salah dan tidak dijawab melebihi jumlah soal")
    return AttemptResult(
        raw_points=number(_get(d, "raw_points", where), f"{where}.raw_points", 0, 1e12),
        max_points=number(_get(d, "max_points", where), f"{where}.max_points", 0, 1e12),
        nilai=number(_get(d, "nilai", where), f"{where}.nilai", 0, 100),
        nilai_per_category={text(k, f"{where}.nilai_per_category", max_len=100):
                            number(v, f"{where}.nilai_per_category", 0, 100)
                            for k, v in per_category.items()},
        correct=counts[0],
        wrong=counts[1],
        unanswered=counts[2],
        duration=seconds(_get(d, "duration", where), f"{where}.duration"),
        passed=boolean(_get(d, "passed", where), f"{where}.passed"),
        per_question=scores,
        partial=partial,
    )
