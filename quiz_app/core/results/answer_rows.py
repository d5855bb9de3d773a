"""The ``answers`` table since schema v7 (issue 14): small rows.

Up to v6 every answer row repeated its attempt's 32-character id and a 32-character ISO
``answered_at``: ≈ 94 bytes a row, three quarters of a 10,000-participant session's file.
Since v7 a row refers to its attempt by ``attempts.attempt_key`` (a small integer) and keeps
the time it was answered as ``answered_ms``, integer milliseconds since the Unix epoch, UTC;
≈ 36 bytes a row. :func:`iso_from_ms` turns it back into the ISO text every other ``*_at``
column holds (UTC, ``+00:00``), equal to what v6 stored to the millisecond.

``attempt_key`` is an explicit column with a unique index, not the attempts' rowid: VACUUM
may renumber the rowids of a table without an INTEGER PRIMARY KEY, and the answers would
then point at the wrong attempt. Every ``INSERT INTO attempts`` gives it
:data:`NEXT_ATTEMPT_KEY`; a trigger refuses an insert without one, so a forgotten key fails
at once instead of at the attempt's first answer.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

from ..errors import StoreError

ANSWERS_SCHEMA = 7  # the schema version whose step rebuilds ``answers`` (VACUUM after it)
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MS = timedelta(milliseconds=1)

# The key of an attempt being inserted (inside the write transaction, so no other writer).
NEXT_ATTEMPT_KEY = "(SELECT COALESCE(MAX(attempt_key), 0) + 1 FROM attempts)"

# One answer, saved or replaced (a replacement bumps ``revision``). Parameters: attempt id,
# question id, choice JSON, time taken, flagged, answered_ms. An attempt id that is not in
# ``attempts`` gives a NULL key and fails the NOT NULL constraint.
UPSERT_ANSWER = (
    "INSERT INTO answers (attempt_key, question_id, choice_json, time_taken, flagged,"
    " answered_ms, revision) VALUES ((SELECT attempt_key FROM attempts WHERE id = ?),"
    " ?, ?, ?, ?, ?, 1)"
    " ON CONFLICT (attempt_key, question_id) DO UPDATE SET"
    " choice_json = excluded.choice_json, time_taken = excluded.time_taken,"
    " flagged = excluded.flagged, answered_ms = excluded.answered_ms,"
    " revision = answers.revision + 1"
)


def ms_from_iso(text: str) -> int:
    """Milliseconds since the epoch of an ISO 8601 time (a time without an offset is taken
    as UTC, as the store writes every time in UTC). Raises ``ValueError`` if not ISO or
    out of range."""
    at = datetime.fromisoformat(text)
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    try:  # in UTC first, so that every value kept can be read back as UTC ISO text
        return (at.astimezone(UTC) - EPOCH) // _MS
    except OverflowError as exc:  # e.g. year 1 with a positive offset
        raise ValueError(f"{text!r} is out of range") from exc


def iso_from_ms(ms: int) -> str:
    """The stored ISO text (UTC, ``+00:00``, like ``records.now_iso``) of ``answered_ms``."""
    return (EPOCH + timedelta(milliseconds=ms)).isoformat()


def now_ms() -> int:
    """The current time as ``answered_ms`` stores it."""
    return (datetime.now(UTC) - EPOCH) // _MS


def copy_answers_v7(conn: sqlite3.Connection) -> None:
    """Copy every answer of the v6 table into the v7 one, with its attempt's key and its
    ``answered_at`` as milliseconds; everything else as it was. A row whose attempt does
    not exist (possible only in a file written with foreign keys off) could never be read
    and is left behind. A time that is not ISO 8601 (a hand-edited file) stops the step:
    the whole step rolls back and the v6 file stays as it was."""
    bad: list[tuple[str, str, str]] = []

    def answered_ms(attempt_id: str, question_id: str, text: object) -> int:
        try:
            return ms_from_iso(str(text))
        except ValueError:
            bad.append((attempt_id, question_id, str(text)))
            return 0

    conn.create_function("kuis_answered_ms", 3, answered_ms, deterministic=True)
    try:
        conn.execute(
            "INSERT INTO answers (attempt_key, question_id, choice_json, time_taken, flagged,"
            " answered_ms, revision)"
            " SELECT a.attempt_key, w.question_id, w.choice_json, w.time_taken, w.flagged,"
            " kuis_answered_ms(w.attempt_id, w.question_id, w.answered_at), w.revision"
            " FROM answers_v6 w JOIN attempts a ON a.id = w.attempt_id"
            " ORDER BY a.attempt_key, w.question_id"
        )
    finally:
        conn.create_function("kuis_answered_ms", 3, None)
    if bad:
        attempt_id, question_id, text = bad[0]
        raise StoreError(
            f"Waktu jawaban soal {question_id} pada pengerjaan {attempt_id} ('{text[:40]}')"
            f" bukan waktu ISO 8601 ({len(bad)} jawaban seperti ini). Basis data hasil tidak"
            " dapat diperbarui ke versi ini dan tidak diubah.",
            conn.execute("PRAGMA database_list").fetchone()[2],
        )
