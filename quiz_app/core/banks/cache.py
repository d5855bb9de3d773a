"""A plain-data (JSON, never pickle) cache of validated banks, keyed by file bytes.

Questions are stored as positional rows (not dicts) and rebuilt through a trusted fast
path, so that reopening an unchanged 10,000-question bank costs a fraction of parsing it.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
from dataclasses import fields
from pathlib import Path
from typing import Any

from ..atomicio import write_atomic
from ..errors import QuizError
from ..model import BANK_FORMAT, Bank, Category, Difficulty, Option, Question, QuestionType
from ..userfile import read_user_bytes

log = logging.getLogger(__name__)

# Bump when the loader's output, or this file's row layout, could change for the same bytes.
LOADER_VERSION = "2"
MAX_CACHE_FILE = 512 << 20

_QFIELDS = tuple(f.name for f in fields(Question))
_QTYPES = {t.value: t for t in QuestionType}
_DIFFICULTIES = {d.value: d for d in Difficulty}


def _row(q: Question) -> list[Any]:
    values = {
        **q.__dict__,
        "type": q.type.value,
        "options": [list(o) for o in q.options],
        "answer": sorted(q.answer),
        "difficulty": q.difficulty.value if q.difficulty else None,
        "image": str(q.image) if q.image else None,
        "tags": list(q.tags),
    }
    return [values[name] for name in _QFIELDS]


_ROW_ORDER = (
    "id", "category", "type", "text", "options", "answer", "explanation", "reference",
    "difficulty", "points", "time_limit", "shuffle", "image", "tags", "line",
)
assert _QFIELDS == _ROW_ORDER, "update _question() when Question's fields change"


def _question(row: list[Any]) -> Question:
    """Rebuild a Question from a row this module wrote (trusted data: no re-validation)."""
    (qid, category, qtype, text, options, answer, explanation, reference, difficulty, points,
     time_limit, shuffle, image, tags, line) = row
    q = object.__new__(Question)
    # What the frozen dataclass's __init__ would assign, without its per-field overhead.
    q.__dict__.update(
        id=qid, category=category, type=_QTYPES[qtype], text=text,
        options=tuple(map(Option._make, options)), answer=frozenset(answer),
        explanation=explanation, reference=reference,
        difficulty=_DIFFICULTIES[difficulty] if difficulty else None, points=points,
        time_limit=time_limit, shuffle=shuffle, image=Path(image) if image else None,
        tags=tuple(tags), line=line,
    )
    return q


def bank_to_cache(bank: Bank) -> dict[str, Any]:
    return {
        "id": bank.id, "title": bank.title, "language": bank.language, "version": bank.version,
        "description": bank.description, "format": bank.format,
        "path": str(bank.path) if bank.path else None,
        "categories": [[c.id, c.title, c.description] for c in bank.categories],
        "fields": list(_QFIELDS),
        "questions": [_row(q) for q in bank.questions],
    }


def bank_from_cache(d: dict[str, Any]) -> Bank:
    if d["fields"] != list(_QFIELDS):
        raise ValueError("cache row layout differs")
    return Bank(
        id=d["id"], title=d["title"],
        categories=tuple(Category(*c) for c in d["categories"]),
        questions=tuple(map(_question, d["questions"])),
        path=Path(d["path"]) if d["path"] else None,
        language=d["language"], version=d["version"], description=d["description"],
        format=d["format"],
    )


class BankCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _file(self, path: Path, data: bytes) -> Path:
        h = hashlib.sha256()
        h.update(f"{BANK_FORMAT}\0{LOADER_VERSION}\0{path.resolve()}\0".encode())
        h.update(data)
        return self.folder / f"{h.hexdigest()}.json"

    def get(self, path: Path, data: bytes) -> Bank | None:
        file = self._file(path, data)
        gc_was_enabled = gc.isenabled()
        gc.disable()  # tens of thousands of long-lived objects: no point rescanning them
        try:
            if not file.exists():
                return None
            data = read_user_bytes(file, max_bytes=MAX_CACHE_FILE)  # regular files only
            return bank_from_cache(json.loads(data))
        except (QuizError, ValueError, KeyError, TypeError, RecursionError) as exc:
            # A damaged cache entry is never fatal: validate the file again.
            log.warning("cache bank rusak, diabaikan: %s (%s)", file, exc)
            return None
        finally:
            if gc_was_enabled:
                gc.enable()

    def put(self, path: Path, data: bytes, bank: Bank) -> None:
        file = self._file(path, data)
        data = json.dumps(bank_to_cache(bank), ensure_ascii=False, separators=(",", ":"))
        try:
            write_atomic(file, data.encode(), durable=False)  # rebuilt from the bank if lost
        except OSError as exc:
            # The cache only saves time; a read-only or full disk must not stop a session.
            log.warning("cache bank tidak dapat ditulis: %s (%s)", file, exc)
