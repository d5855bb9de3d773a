"""Store operations for result packages and session set-up files (merge from many laptops).

Kept out of ``store.py`` on purpose: these work on a :class:`ResultsStore`'s connection
through its own write transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``, rolled back on any
error), so everything one call imports is committed together or not at all.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date as Date

from ..errors import StoreError
from ..model import Question
from .answer_rows import NEXT_ATTEMPT_KEY, ms_from_iso
from .records import AttemptRecord, AttemptStatus, SessionRecord, now_iso, session_code
from .serialize import plan_to_dict
from .store import ResultsStore

__all__ = [
    "AttemptCounts",
    "ImportResult",
    "attempt_counts",
    "create_session_with_key",
    "import_attempts",
    "session_by_key",
]

_KEY_RE = re.compile(r"^[0-9a-f]{64}$")


def _dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def session_by_key(store: ResultsStore, key: str) -> SessionRecord | None:
    row = store._read_one("SELECT id FROM sessions WHERE session_key = ?", (key,))
    return None if row is None else store.session(int(row[0]))


def create_session_with_key(
    store: ResultsStore,
    session: SessionRecord,
) -> tuple[SessionRecord, bool]:
    """Create, on this laptop, the session another laptop created (same key, plan, title,
    place, trainer, date). Returns ``(session, created)``; when a session with that key
    already exists it is returned unchanged with ``created`` False.

    ``session.id``, status, timestamps and the pre-test link of the argument are ignored
    (ids are local to each laptop's database).
    """
    key = session.key.lower()
    if not _KEY_RE.match(key):
        raise StoreError("Kunci sesi tidak valid (harus 64 karakter heksadesimal).")
    if session_code(key) != session.code:
        raise StoreError(
            f"Kode sesi '{session.code}' tidak cocok dengan kuncinya; berkas sesi rusak."
        )
    if not session.title.strip():
        raise StoreError("Judul sesi tidak boleh kosong.")
    try:
        day = Date.fromisoformat(session.date).isoformat()
    except ValueError as exc:
        raise StoreError(f"Tanggal sesi {session.date!r} tidak valid.") from exc
    with store._write() as conn:
        row = conn.execute("SELECT id FROM sessions WHERE session_key = ?", (key,)).fetchone()
        created = row is None
        if row is not None:
            session_id = int(row[0])
        else:
            cur = conn.execute(
                "INSERT INTO sessions (title, plan_json, place, trainer, date, kind, session_key,"
                " code, created_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open')",
                (
                    session.title.strip(),
                    _dumps(plan_to_dict(session.plan)),
                    session.place.strip(),
                    session.trainer.strip(),
                    day,
                    str(session.plan.kind),
                    key,
                    session.code,
                    now_iso(),
                ),
            )
            session_id = int(cur.lastrowid or 0)
    return store.session(session_id), created


@dataclass(frozen=True)
class ImportResult:
    imported: tuple[str, ...]  # attempt ids
    duplicates: tuple[AttemptRecord, ...]  # already in this database: skipped


def import_attempts(
    store: ResultsStore,
    session_id: int,
    attempts: Sequence[AttemptRecord],
    *,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Insert finished attempts (with participants and answers) into ``session_id`` in ONE
    transaction: if anything fails, nothing is imported.

    An attempt whose id already exists (in any session) is a duplicate: skipped and
    returned in ``duplicates``. Participants are matched by NIP within the session (as
    :meth:`ResultsStore.start_attempt` does); guests get a new participant row.
    """
    imported: list[str] = []
    duplicates: list[AttemptRecord] = []
    total = len(attempts)
    with store._write() as conn:
        if conn.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone() is None:
            raise StoreError(f"Sesi {session_id} tidak ditemukan.", store.path)
        earliest: str | None = None
        refs: dict[tuple[int, Question], int] = {}  # question row ids, this transaction only
        for i, rec in enumerate(attempts, start=1):
            if conn.execute("SELECT 1 FROM attempts WHERE id = ?", (rec.id,)).fetchone():
                duplicates.append(rec)
            else:
                _insert(store, conn, session_id, rec, refs)
                imported.append(rec.id)
                if earliest is None or rec.started_at < earliest:
                    earliest = rec.started_at
            if progress is not None and (i % 200 == 0 or i == total):
                progress(i, total)
        if earliest is not None:
            conn.execute(
                "UPDATE sessions SET started_at = ? WHERE id = ?"
                " AND (started_at IS NULL OR started_at > ?)",
                (earliest, session_id, earliest),
            )
    return ImportResult(tuple(imported), tuple(duplicates))


def _insert(store: ResultsStore, conn: sqlite3.Connection, session_id: int,
            rec: AttemptRecord, refs: dict[tuple[int, Question], int]) -> None:
    if rec.status is not AttemptStatus.FINISHED or rec.result is None:
        raise StoreError(f"Pengerjaan {rec.id} belum selesai; hanya hasil selesai yang diimpor.")
    participant_id = ResultsStore._participant_row(conn, session_id, rec.participant)
    r = rec.result
    conn.execute(
        "INSERT INTO attempts (id, session_id, participant_id, seed, spec_json, status,"
        " started_at, finished_at, updated_at, elapsed, current_index, question_time_json,"
        " result_json, nilai, passed, device, correct, wrong, unanswered, duration,"
        " void_reason, voided_at, attempt_key)"
        " VALUES (?, ?, ?, ?, ?, 'finished', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        f" {NEXT_ATTEMPT_KEY})",
        (
            rec.id,
            session_id,
            participant_id,
            rec.seed,
            store.encode_spec(conn, session_id, rec.spec, refs),
            rec.started_at,
            rec.finished_at,
            rec.updated_at,
            rec.elapsed,
            rec.current_index,
            _dumps(rec.question_time_used),
            store.encode_result(rec.spec, r),
            r.nilai,
            int(r.passed),
            rec.device,
            r.correct,
            r.wrong,
            r.unanswered,
            r.duration,
            rec.void_reason or None,
            rec.voided_at,
        ),
    )
    # a package does not carry when each answer was given: the attempt's end stands for it
    try:
        answered_ms = ms_from_iso(rec.finished_at or rec.updated_at)
    except ValueError as exc:
        raise StoreError(f"Waktu selesai pengerjaan {rec.id} tidak dapat disimpan"
                         f" ({rec.finished_at or rec.updated_at!r}).", store.path) from exc
    key = conn.execute("SELECT attempt_key FROM attempts WHERE id = ?", (rec.id,)).fetchone()[0]
    conn.executemany(
        "INSERT INTO answers (attempt_key, question_id, choice_json, time_taken, flagged,"
        " answered_ms, revision) VALUES (?, ?, ?, ?, ?, ?, 1)",
        [
            (key, a.question_id, _dumps(sorted(a.choice)), a.time_taken, int(a.flagged),
             answered_ms)
            for a in rec.answers.values()
        ],
    )


@dataclass(frozen=True)
class AttemptCounts:
    finished: int = 0
    in_progress: int = 0
    abandoned: int = 0

    @property
    def total(self) -> int:
        return self.finished + self.in_progress + self.abandoned


def attempt_counts(store: ResultsStore) -> dict[int, AttemptCounts]:
    """Session id → how many attempts it has, by status (one cheap query, for lists)."""
    try:
        rows = store._connection().execute(
            "SELECT session_id, status, count(*) FROM attempts GROUP BY session_id, status"
        ).fetchall()
    except sqlite3.Error as exc:
        raise StoreError(f"Gagal membaca basis data hasil: {exc}.", store.path) from exc
    counts: dict[int, dict[str, int]] = {}
    for session_id, status, n in rows:
        counts.setdefault(int(session_id), {})[str(status)] = int(n)
    return {
        sid: AttemptCounts(c.get("finished", 0), c.get("in_progress", 0), c.get("abandoned", 0))
        for sid, c in counts.items()
    }
