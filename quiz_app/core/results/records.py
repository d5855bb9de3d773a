"""The results store's schema (append-only migrations) and the records it hands out:
sessions and attempts, with their statuses and codes."""

from __future__ import annotations

import json
import math
import socket
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from ..errors import StoreError
from ..model import Participant, Plan, TestKind
from ..quiz import AnswerRecord, AttemptResult, AttemptSpec
from .answer_rows import copy_answers_v7
from .compact import migrate_v5

DB_FILENAME = "results.sqlite3"
APPLICATION_ID = 0x4B41534E  # "KASN", written by migration v1 into the file header
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

# MIGRATIONS[i] upgrades a database from schema version i to i + 1. Append only: a released
# step is never edited (tests/core/results/test_store.py builds a v1 file from a frozen copy).
# A step is SQL statements and/or Python callables run on the connection, all in the step's
# one transaction.
Step = str | Callable[[sqlite3.Connection], None]
MIGRATIONS: tuple[tuple[Step, ...], ...] = (
    # v1: initial schema
    (
        f"PRAGMA application_id = {APPLICATION_ID}",
        """CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            plan_json TEXT NOT NULL,
            place TEXT NOT NULL DEFAULT '',
            trainer TEXT NOT NULL DEFAULT '',
            date TEXT NOT NULL,
            kind TEXT NOT NULL,
            session_key TEXT NOT NULL UNIQUE,
            code TEXT NOT NULL,
            created_at TEXT NOT NULL,
            started_at TEXT,
            ended_at TEXT,
            pretest_session_id INTEGER REFERENCES sessions(id),
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed'))
        )""",
        """CREATE TABLE participants (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id),
            nip TEXT,
            name TEXT NOT NULL,
            position TEXT NOT NULL DEFAULT '',
            unit TEXT NOT NULL DEFAULT '',
            rank TEXT NOT NULL DEFAULT '',
            extra_json TEXT NOT NULL DEFAULT '[]',
            UNIQUE (session_id, nip)
        )""",
        """CREATE TABLE attempts (
            id TEXT PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id),
            participant_id INTEGER NOT NULL REFERENCES participants(id),
            seed TEXT NOT NULL,
            spec_json TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'in_progress'
                CHECK (status IN ('in_progress', 'finished', 'abandoned')),
            started_at TEXT NOT NULL,
            finished_at TEXT,
            updated_at TEXT NOT NULL,
            elapsed REAL NOT NULL DEFAULT 0,
            current_index INTEGER NOT NULL DEFAULT 0,
            question_time_json TEXT NOT NULL DEFAULT '{}',
            result_json TEXT,
            nilai REAL,
            passed INTEGER
        )""",
        "CREATE INDEX attempts_session_idx ON attempts(session_id)",
        """CREATE TABLE answers (
            attempt_id TEXT NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
            question_id TEXT NOT NULL,
            choice_json TEXT NOT NULL,
            time_taken REAL NOT NULL DEFAULT 0,
            flagged INTEGER NOT NULL DEFAULT 0,
            answered_at TEXT NOT NULL,
            revision INTEGER NOT NULL DEFAULT 1,
            PRIMARY KEY (attempt_id, question_id)
        ) WITHOUT ROWID""",
    ),
    # v2: record which laptop ran each attempt (results from several laptops get merged),
    # and index the status the resume-after-crash query filters on.
    (
        "ALTER TABLE attempts ADD COLUMN device TEXT NOT NULL DEFAULT ''",
        "CREATE INDEX attempts_status_idx ON attempts(status)",
    ),
    # v3: HR can declare a finished attempt invalid ("tidak sah") with a reason; it stays
    # in the store (status still 'finished') and is shown, but never scored or compared.
    (
        "ALTER TABLE attempts ADD COLUMN void_reason TEXT",
        "ALTER TABLE attempts ADD COLUMN voided_at TEXT",
    ),
    # v4 (issue 16): the attendance list (daftar hadir) and the signed pledge (ikrar) of a
    # session, one row per person and kind (``id`` is a uuid so a merge from several
    # laptops recognises a row it already has); times a phone left the test page.
    (
        """CREATE TABLE presence (
            id TEXT PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id),
            kind TEXT NOT NULL CHECK (kind IN ('attendance', 'pledge')),
            nip TEXT,
            name TEXT NOT NULL,
            position TEXT NOT NULL DEFAULT '',
            unit TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL,
            device TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE UNIQUE INDEX presence_person_idx ON presence(session_id, kind, nip)"
        " WHERE nip IS NOT NULL",
        "CREATE INDEX presence_session_idx ON presence(session_id, kind, at)",
        # how often a phone participant left the test page (visibilitychange), per attempt
        """CREATE TABLE attempt_away (
            attempt_id TEXT PRIMARY KEY REFERENCES attempts(id) ON DELETE CASCADE,
            count INTEGER NOT NULL DEFAULT 0 CHECK (count >= 0)
        ) WITHOUT ROWID""",
    ),
    # v5 (issue 14): each session's questions stored once; an attempt keeps references to
    # them with its option order (compact spec_json, see compact.py) and its score counts
    # as columns, so lists of participants need no JSON at all.
    (
        """CREATE TABLE session_questions (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id),
            question_id TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            question_json TEXT NOT NULL,
            UNIQUE (session_id, question_id, content_hash)
        )""",
        "ALTER TABLE attempts ADD COLUMN correct INTEGER",
        "ALTER TABLE attempts ADD COLUMN wrong INTEGER",
        "ALTER TABLE attempts ADD COLUMN unanswered INTEGER",
        "ALTER TABLE attempts ADD COLUMN duration REAL",
        migrate_v5,
    ),
    # v6 (issue 19): which app versions wrote this file, first and last time each, so a
    # database merged or carried between laptops tells which version produced it.
    (
        """CREATE TABLE app_versions (
            version TEXT PRIMARY KEY,
            first_at TEXT NOT NULL,
            last_at TEXT NOT NULL
        ) WITHOUT ROWID""",
    ),
    # v7 (issue 14): small answer rows (see answer_rows.py): keyed by an explicit integer
    # ``attempts.attempt_key`` (rowids may change on VACUUM) instead of the 32-character
    # attempt id, and the answer time as integer milliseconds since the epoch, UTC.
    (
        "ALTER TABLE attempts ADD COLUMN attempt_key INTEGER",
        "UPDATE attempts SET attempt_key = rowid",
        "CREATE UNIQUE INDEX attempts_key_idx ON attempts(attempt_key)",
        """CREATE TRIGGER attempts_key_given BEFORE INSERT ON attempts
            WHEN NEW.attempt_key IS NULL
            BEGIN SELECT RAISE(ABORT, 'attempts.attempt_key is required'); END""",
        "ALTER TABLE answers RENAME TO answers_v6",
        """CREATE TABLE answers (
            attempt_key INTEGER NOT NULL REFERENCES attempts(attempt_key) ON DELETE CASCADE,
            question_id TEXT NOT NULL,
            choice_json TEXT NOT NULL,
            time_taken REAL NOT NULL DEFAULT 0,
            flagged INTEGER NOT NULL DEFAULT 0,
            answered_ms INTEGER NOT NULL,
            revision INTEGER NOT NULL DEFAULT 1,
            PRIMARY KEY (attempt_key, question_id)
        ) WITHOUT ROWID""",
        copy_answers_v7,
        "DROP TABLE answers_v6",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)
VOID_REASON_MAX = 500  # characters of the reason an attempt was declared invalid


class SessionStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class AttemptStatus(StrEnum):
    IN_PROGRESS = "in_progress"
    FINISHED = "finished"
    ABANDONED = "abandoned"


_ATTEMPT_STATUS_LABEL = {
    AttemptStatus.FINISHED: "sudah selesai",
    AttemptStatus.ABANDONED: "sudah dibatalkan",
}


@dataclass(frozen=True)
class SessionRecord:
    """One training session (a run of one plan in one hall)."""

    id: int
    title: str
    plan: Plan
    place: str
    trainer: str
    date: str  # YYYY-MM-DD, the training's local calendar date
    kind: TestKind
    key: str  # 64 hex chars (32 random bytes), identifies the session across laptops
    code: str  # short human form of the key, ``ABCD-EFGH``
    created_at: str
    started_at: str | None  # when the first attempt started
    ended_at: str | None  # when the session was closed
    pretest_session_id: int | None
    status: SessionStatus


@dataclass(frozen=True)
class AttemptRecord:
    """One participant's attempt, with everything needed to resume or report it."""

    id: str  # uuid4 hex
    session_id: int
    participant_id: int
    participant: Participant
    seed: str
    spec: AttemptSpec
    status: AttemptStatus
    started_at: str
    finished_at: str | None  # when finished or abandoned
    updated_at: str  # last answer, checkpoint or status change
    elapsed: float  # seconds, as last checkpointed
    current_index: int
    # seconds used per question id, as last checkpointed (``engine.Checkpoint``)
    question_time_used: dict[str, float] = field(default_factory=dict)
    answers: dict[str, AnswerRecord] = field(default_factory=dict)
    result: AttemptResult | None = None
    device: str = ""  # hostname of the laptop that started the attempt
    void_reason: str = ""  # why HR declared it invalid ("tidak sah"); "" when valid
    voided_at: str | None = None  # when it was declared invalid

    @property
    def voided(self) -> bool:
        """Declared invalid by HR: shown with its reason, never scored or compared."""
        return self.voided_at is not None


def now_iso() -> str:
    """The current time as stored: ISO 8601, UTC, with offset."""
    return datetime.now(UTC).isoformat()


def session_code(key: str) -> str:
    """The first 40 bits of the session key in Crockford base32, grouped ``ABCD-EFGH``."""
    n = int.from_bytes(bytes.fromhex(key)[:5], "big")
    chars = "".join(CROCKFORD[(n >> (35 - 5 * i)) & 31] for i in range(8))
    return f"{chars[:4]}-{chars[4:]}"


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _hostname() -> str:
    try:
        return socket.gethostname()
    except OSError:
        return ""


def _check_seconds(value: float, what: str) -> float:
    value = float(value)
    if not math.isfinite(value) or value < 0:
        raise StoreError(f"{what} harus berupa angka detik yang tidak negatif, bukan {value!r}.")
    return value


def _question_times(used: Mapping[str, float] | None) -> str | None:
    if used is None:
        return None
    return _dumps({str(k): _check_seconds(v, f"Waktu soal {k}") for k, v in used.items()})


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


_SESSION_COLUMNS = (
    "id, title, plan_json, place, trainer, date, kind, session_key, code, created_at,"
    " started_at, ended_at, pretest_session_id, status"
)
_ATTEMPT_QUERY = """
    SELECT a.id, a.session_id, a.participant_id, a.seed, a.spec_json, a.status, a.started_at,
           a.finished_at, a.updated_at, a.elapsed, a.current_index, a.result_json, a.device,
           a.question_time_json,
           p.nip, p.name, p.position, p.unit, p.rank, p.extra_json,
           a.void_reason, a.voided_at
    FROM attempts a JOIN participants p ON p.id = a.participant_id
"""
