"""Crash-proof results store: one SQLite file, ``results.sqlite3``, in the data folder.

Every answer a participant gives is committed in its own transaction before
:meth:`ResultsStore.record_answer` returns, so the UI may show "tersimpan" right after
the call. The database runs in WAL mode with ``synchronous=FULL`` (each commit is
fsync'ed) and foreign keys on.

Timestamps: every ``*_at`` column is ISO 8601 in UTC with an explicit offset, from
``datetime.now(UTC).isoformat()`` (e.g. ``2025-03-04T02:05:06.123456+00:00``); the UI
converts them to local time (WIB/WITA/WIT) for display; only ``answers.answered_ms`` keeps
its time as integer milliseconds since the epoch (``answer_rows.iso_from_ms`` gives the same
text). A session's ``date`` is the training's calendar date as the trainer means it
(``YYYY-MM-DD``, local, no time).

The schema version lives in ``PRAGMA user_version``; :data:`MIGRATIONS` upgrades an older
file forward on open, one transaction per step. A file newer than this code, or a file
that is not a Kuis ASN results database, raises :class:`StoreError` and is left untouched.

One ``ResultsStore`` wraps one connection; use it from one thread."""

from __future__ import annotations

import json
import secrets
import sqlite3
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from datetime import date as Date
from pathlib import Path
from typing import Any

from ..._version import __version__
from ..clock import Clock, monotonic_clock
from ..errors import StoreError
from ..model import Participant, Plan, Question, TestKind
from ..quiz import AnswerRecord, AttemptResult, AttemptSpec
from .answer_rows import ANSWERS_SCHEMA, NEXT_ATTEMPT_KEY, UPSERT_ANSWER, now_ms
from .compact import COMPACT_SCHEMA, compact_result, content_hash, spec_document
from .records import (
    _ATTEMPT_STATUS_LABEL,
    _SESSION_COLUMNS,
    APPLICATION_ID,
    DB_FILENAME,
    MIGRATIONS,
    SCHEMA_VERSION,
    AttemptRecord,
    AttemptStatus,
    SessionRecord,
    SessionStatus,
    _check_seconds,
    _dumps,
    _hostname,
    _like,
    _question_times,
    now_iso,
    session_code,
)
from .serialize import (
    attempt_result_to_dict,
    plan_from_dict,
    plan_to_dict,
    question_to_dict,
)
from .stored import load_attempts
from .storefiles import StoreFiles
from .storeopen import read_identity, switch_to_wal


class ResultsStore:
    """The results database. Open with ``ResultsStore(path)`` or ``ResultsStore.open_in(dir)``.

    ``check`` runs ``PRAGMA quick_check`` on open so a damaged file is reported at once
    rather than half-way through a session.
    """

    def __init__(self, path: Path, *, check: bool = True, clock: Clock = monotonic_clock) -> None:
        self.path = Path(path)
        # attempt id -> {question id -> option keys}, from the immutable spec snapshot
        self._spec_keys: dict[str, dict[str, frozenset[str]]] = {}
        # immutable once written (content-addressed): session_questions.id -> Question,
        # plan_json -> Plan
        self._questions: dict[int, Question] = {}
        self._plans: dict[str, Plan] = {}
        self._in_batch = False  # inside batch(): writes join the batch's transaction
        self._files: StoreFiles | None = None  # set once open (not while migrating)
        self._version_noted = False  # app_versions holds this version's last write
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=10.0)
        except sqlite3.Error as exc:
            raise StoreError(f"Basis data hasil tidak dapat dibuka: {exc}.", self.path) from exc
        self._conn: sqlite3.Connection | None = conn
        opened = False
        try:
            self._open(check)
            self._files = StoreFiles(self.path, clock)  # WAL/db vanished? checkpoints
            opened = True
        finally:
            if not opened:
                conn.close()
                self._conn = None

    @classmethod
    def open_in(cls, data_dir: Path, *, check: bool = True,
                clock: Clock = monotonic_clock) -> ResultsStore:
        """Open (creating if needed) ``results.sqlite3`` in ``data_dir``."""
        data_dir = Path(data_dir)
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"Folder data tidak dapat dibuat: {exc.strerror or exc}.", data_dir
            ) from exc
        return cls(data_dir / DB_FILENAME, check=check, clock=clock)

    # --- opening and migrations -------------------------------------------------------

    def _open(self, check: bool) -> None:
        conn = self._connection()
        try:
            version, app_id, tables = read_identity(conn)
        except sqlite3.OperationalError as exc:
            raise StoreError(f"Basis data hasil tidak dapat dibuka: {exc}.", self.path) from exc
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                "Berkas ini bukan basis data SQLite yang valid atau sudah rusak "
                f"({exc}). Pulihkan dari cadangan atau pindahkan berkas ini lalu coba lagi.",
                self.path,
            ) from exc
        if app_id not in (0, APPLICATION_ID) or (version == 0 and tables):
            raise StoreError(
                "Berkas ini basis data SQLite, tetapi bukan basis data hasil Kuis ASN.",
                self.path,
            )
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"Basis data hasil ini dibuat oleh versi Kuis ASN yang lebih baru "
                f"(skema v{version}, versi ini hanya mengenal hingga v{SCHEMA_VERSION}). "
                "Perbarui aplikasi Kuis ASN; berkas tidak diubah.",
                self.path,
            )
        try:
            switch_to_wal(conn, monotonic_clock)  # wall time, like the busy timeout
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA fullfsync = ON")  # macOS: a real flush to the disk
            conn.execute("PRAGMA checkpoint_fullfsync = ON")
            problems = [r[0] for r in conn.execute("PRAGMA quick_check")] if check else ["ok"]
        except sqlite3.OperationalError as exc:
            raise StoreError(f"Basis data hasil tidak dapat dibuka: {exc}.", self.path) from exc
        except sqlite3.DatabaseError as exc:
            problems = [str(exc)]
        if problems != ["ok"]:
            detail = "; ".join(str(p) for p in problems[:3])
            raise StoreError(
                f"Basis data hasil rusak ({detail}). Pulihkan dari cadangan.", self.path
            )
        self._migrate(version)

    def _migrate(self, version: int) -> None:
        compacted = False
        for step in range(version, SCHEMA_VERSION):
            with self._write() as conn:
                # Another process may have migrated meanwhile; we now hold the write lock.
                if int(conn.execute("PRAGMA user_version").fetchone()[0]) > step:
                    continue
                for statement in MIGRATIONS[step]:
                    if isinstance(statement, str):
                        conn.execute(statement)
                    else:
                        statement(conn)
                conn.execute(f"PRAGMA user_version = {step + 1}")
                if version > 0 and step + 1 in (COMPACT_SCHEMA, ANSWERS_SCHEMA):
                    compacted = True
        if compacted:
            # The v5 and v7 steps free most of the file (specs stored once per session, small
            # answer rows): give the space back. VACUUM is itself one transaction; a crash
            # leaves the old file.
            try:
                self._connection().execute("VACUUM")
            except sqlite3.Error as exc:
                raise StoreError(f"Gagal merapikan basis data hasil: {exc}.", self.path) from exc

    def app_versions(self) -> list[tuple[str, str, str]]:
        """(version, first write, last write) of every app version that wrote this file."""
        with self._snapshot() as conn:
            rows = conn.execute(
                "SELECT version, first_at, last_at FROM app_versions ORDER BY first_at")
            return [(str(v), str(f), str(la)) for v, f, la in rows]

    @property
    def schema_version(self) -> int:
        return int(self._read_one("PRAGMA user_version", ())[0])

    # --- plumbing ------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError("Basis data hasil sudah ditutup.", self.path)
        return self._conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, committed (and fsync'ed) when the block ends."""
        conn = self._connection()
        if self._in_batch:
            try:
                yield conn
            except sqlite3.Error as exc:
                raise StoreError(f"Gagal menyimpan ke basis data hasil: {exc}.",
                                 self.path) from exc
            return
        done = False
        try:
            if self._files is not None:
                self._files.check(conn)
            conn.execute("BEGIN IMMEDIATE")
            noting = self._files is not None and not self._version_noted
            if noting:  # the first write of this store notes the app version, same commit
                now = now_iso()
                conn.execute("INSERT INTO app_versions (version, first_at, last_at) "
                             "VALUES (?, ?, ?) ON CONFLICT (version) DO UPDATE SET "
                             "last_at = excluded.last_at", (__version__, now, now))
            yield conn
            conn.execute("COMMIT")
            done = True
            self._version_noted = self._version_noted or noting
        except sqlite3.Error as exc:
            raise StoreError(f"Gagal menyimpan ke basis data hasil: {exc}.", self.path) from exc
        finally:
            if not done and conn.in_transaction:
                with suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
        if self._files is not None:
            self._files.committed(conn)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group commit: every write inside the block shares one transaction, committed
        (one fsync) when the block ends. A write that raises :class:`StoreError` inside the
        block changed nothing and the others still commit; the caller decides what to do
        with the failed one. Not reentrant."""
        if self._in_batch:
            raise RuntimeError("ResultsStore.batch() is not reentrant")
        with self._write():
            self._in_batch = True
            try:
                yield
            finally:
                self._in_batch = False

    @contextmanager
    def _snapshot(self) -> Iterator[sqlite3.Connection]:
        """A read transaction, so multi-query reads see one consistent state."""
        conn = self._connection()
        if self._in_batch:  # already inside the batch's write transaction
            yield conn
            return
        try:
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                conn.execute("COMMIT")
        except sqlite3.Error as exc:
            raise StoreError(f"Gagal membaca basis data hasil: {exc}.", self.path) from exc

    def _read_one(self, sql: str, params: Sequence[Any]) -> Any:
        try:
            return self._connection().execute(sql, params).fetchone()
        except sqlite3.Error as exc:
            raise StoreError(f"Gagal membaca basis data hasil: {exc}.", self.path) from exc

    def close(self) -> None:
        """Close the connection (the WAL is folded back into the main file)."""
        if self._conn is not None:
            with suppress(sqlite3.Error):
                self._conn.execute("PRAGMA optimize")
            self._conn.close()
            self._conn = None

    def __enter__(self) -> ResultsStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def integrity_check(self) -> list[str]:
        """``PRAGMA integrity_check`` rows; ``["ok"]`` for a healthy file."""
        try:
            return [str(r[0]) for r in self._connection().execute("PRAGMA integrity_check")]
        except sqlite3.DatabaseError as exc:
            return [str(exc)]

    # --- sessions --------------------------------------------------------------------

    def create_session(
        self,
        title: str,
        plan: Plan,
        *,
        place: str = "",
        trainer: str = "",
        date: str | Date | None = None,
        pretest_session_id: int | None = None,
    ) -> SessionRecord:
        """Open a new session. ``date`` defaults to today's local date."""
        if not title.strip():
            raise StoreError("Judul sesi tidak boleh kosong.")
        if date is None:
            day = Date.today().isoformat()
        elif isinstance(date, Date):
            day = date.isoformat()
        else:
            try:
                day = Date.fromisoformat(date).isoformat()
            except ValueError as exc:
                raise StoreError(
                    f"Tanggal sesi {date!r} tidak valid; gunakan format TTTT-BB-HH."
                ) from exc
        key = secrets.token_hex(32)
        with self._write() as conn:
            if (
                pretest_session_id is not None
                and not conn.execute(
                    "SELECT 1 FROM sessions WHERE id = ?", (pretest_session_id,)
                ).fetchone()
            ):
                raise StoreError(f"Sesi pre-test {pretest_session_id} tidak ditemukan.", self.path)
            cur = conn.execute(
                "INSERT INTO sessions (title, plan_json, place, trainer, date, kind, session_key,"
                " code, created_at, pretest_session_id, status)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open')",
                (
                    title.strip(),
                    _dumps(plan_to_dict(plan)),
                    place.strip(),
                    trainer.strip(),
                    day,
                    str(plan.kind),
                    key,
                    session_code(key),
                    now_iso(),
                    pretest_session_id,
                ),
            )
            session_id = int(cur.lastrowid or 0)
        return self.session(session_id)

    def session(self, session_id: int) -> SessionRecord:
        row = self._read_one(f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE id = ?", (session_id,))
        if row is None:
            raise StoreError(f"Sesi {session_id} tidak ditemukan.", self.path)
        return self._session_from_row(row)

    def sessions(self, search: str = "") -> list[SessionRecord]:
        """Sessions, newest first. Every word of ``search`` must occur (case-insensitive for
        ASCII) in the title, place, trainer, date (``YYYY-MM-DD``) or code."""
        where: list[str] = []
        params: list[str] = []
        for term in search.split():
            fields = ("title", "place", "trainer", "date", "code")
            where.append("(" + " OR ".join(f"{f} LIKE ? ESCAPE '\\'" for f in fields) + ")")
            params.extend([_like(term)] * len(fields))
        sql = f"SELECT {_SESSION_COLUMNS} FROM sessions"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY created_at DESC, id DESC"
        try:
            rows = self._connection().execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"Gagal membaca basis data hasil: {exc}.", self.path) from exc
        return [self._session_from_row(r) for r in rows]

    def latest_session(self, *, open_only: bool = False) -> SessionRecord | None:
        """The most recently created session (only open ones if ``open_only``)."""
        sql = f"SELECT {_SESSION_COLUMNS} FROM sessions"
        if open_only:
            sql += " WHERE status = 'open'"
        row = self._read_one(sql + " ORDER BY created_at DESC, id DESC LIMIT 1", ())
        return None if row is None else self._session_from_row(row)

    def close_session(self, session_id: int) -> None:
        """Mark a session closed (no new attempts). Closing twice is harmless.

        Attempts still in progress are left alone; they stay resumable.
        """
        with self._write() as conn:
            cur = conn.execute(
                "UPDATE sessions SET status = 'closed', ended_at = ?"
                " WHERE id = ? AND status = 'open'",
                (now_iso(), session_id),
            )
            if (
                cur.rowcount == 0
                and not conn.execute(
                    "SELECT 1 FROM sessions WHERE id = ?", (session_id,)
                ).fetchone()
            ):
                raise StoreError(f"Sesi {session_id} tidak ditemukan.", self.path)

    def _session_from_row(self, row: Sequence[Any]) -> SessionRecord:
        try:
            plan = plan_from_dict(json.loads(row[2]))
        except (ValueError, KeyError, TypeError) as exc:
            raise StoreError(f"Data rencana sesi {row[0]} rusak: {exc}.", self.path) from exc
        return SessionRecord(
            id=row[0],
            title=row[1],
            plan=plan,
            place=row[3],
            trainer=row[4],
            date=row[5],
            kind=TestKind(row[6]),
            key=row[7],
            code=row[8],
            created_at=row[9],
            started_at=row[10],
            ended_at=row[11],
            pretest_session_id=row[12],
            status=SessionStatus(row[13]),
        )

    # --- attempts --------------------------------------------------------------------

    def start_attempt(self, session_id: int, participant: Participant, spec: AttemptSpec,
                      *, attempt_id: str | None = None) -> str:
        """Record a new attempt (status ``in_progress``) and return its id (uuid4 hex, or
        ``attempt_id`` when the caller chose it beforehand, e.g. to refer to it before the
        write is committed).

        A participant with the same NIP in the same session reuses the participant row
        (its name, position, unit and rank are updated to the latest values).
        """
        attempt_id = attempt_id or uuid.uuid4().hex
        now = now_iso()
        with self._write() as conn:
            row = conn.execute("SELECT status FROM sessions WHERE id = ?", (session_id,)).fetchone()
            if row is None:
                raise StoreError(f"Sesi {session_id} tidak ditemukan.", self.path)
            if row[0] != SessionStatus.OPEN:
                raise StoreError(
                    f"Sesi {session_id} sudah ditutup; tidak dapat memulai pengerjaan baru.",
                    self.path,
                )
            participant_id = self._participant_row(conn, session_id, participant)
            spec_json = self.encode_spec(conn, session_id, spec)
            conn.execute(
                "INSERT INTO attempts (id, session_id, participant_id, seed, spec_json, status,"
                " started_at, updated_at, elapsed, current_index, device, attempt_key)"
                f" VALUES (?, ?, ?, ?, ?, 'in_progress', ?, ?, 0, 0, ?, {NEXT_ATTEMPT_KEY})",
                (
                    attempt_id,
                    session_id,
                    participant_id,
                    spec.seed,
                    spec_json,
                    now,
                    now,
                    _hostname(),
                ),
            )
            conn.execute(
                "UPDATE sessions SET started_at = COALESCE(started_at, ?) WHERE id = ?",
                (now, session_id),
            )
        self._remember_spec(attempt_id, spec)
        return attempt_id

    @staticmethod
    def _participant_row(conn: sqlite3.Connection, session_id: int, p: Participant) -> int:
        values = (p.name, p.position, p.unit, p.rank, _dumps([list(kv) for kv in p.extra]))
        if p.nip:
            row = conn.execute(
                "SELECT id FROM participants WHERE session_id = ? AND nip = ?", (session_id, p.nip)
            ).fetchone()
            if row is not None:
                conn.execute(
                    "UPDATE participants SET name = ?, position = ?, unit = ?, rank = ?,"
                    " extra_json = ? WHERE id = ?",
                    (*values, row[0]),
                )
                return int(row[0])
        cur = conn.execute(
            "INSERT INTO participants (session_id, nip, name, position, unit, rank, extra_json)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (session_id, p.nip or None, *values),
        )
        return int(cur.lastrowid or 0)

    def encode_spec(self, conn: sqlite3.Connection, session_id: int, spec: AttemptSpec,
                    refs: dict[tuple[int, Question], int] | None = None) -> str:
        """The compact ``spec_json`` of ``spec`` (see ``compact.py``), storing any question
        the session does not hold yet. Call inside a write transaction; ``refs`` caches
        question row ids for that one transaction only (a rollback would void them)."""
        refs = {} if refs is None else refs
        entries = []
        for aq in spec.questions:
            ref = refs.get((session_id, aq.question))
            if ref is None:
                qd = question_to_dict(aq.question)
                key = (session_id, aq.question.id, content_hash(qd))
                conn.execute(
                    "INSERT OR IGNORE INTO session_questions (session_id, question_id,"
                    " content_hash, question_json) VALUES (?, ?, ?, ?)", (*key, _dumps(qd)))
                ref = int(conn.execute(
                    "SELECT id FROM session_questions WHERE session_id = ? AND question_id = ?"
                    " AND content_hash = ?", key).fetchone()[0])
                refs[(session_id, aq.question)] = ref
            entries.append((ref, aq.option_order, aq.time_limit))
        plan_json = _dumps(plan_to_dict(spec.plan))
        row = conn.execute("SELECT plan_json FROM sessions WHERE id = ?", (session_id,)).fetchone()
        same = row is not None and row[0] == plan_json
        return spec_document(spec.seed, None if same else plan_to_dict(spec.plan), entries)

    @staticmethod
    def encode_result(spec: AttemptSpec, result: AttemptResult) -> str:
        """The compact ``result_json`` (per-question scores as rows when they follow the
        spec's questions)."""
        questions = [(aq.question.id, aq.question.category, aq.question.points)
                     for aq in spec.questions]
        return _dumps(compact_result(attempt_result_to_dict(result), questions))

    def _remember_spec(self, attempt_id: str, spec: AttemptSpec) -> None:
        self._spec_keys[attempt_id] = {
            aq.id: frozenset(aq.question.option_keys) for aq in spec.questions
        }

    def _spec_options(self, attempt_id: str) -> dict[str, frozenset[str]]:
        keys = self._spec_keys.get(attempt_id)
        if keys is None:
            self._remember_spec(attempt_id, self.attempt(attempt_id).spec)
            keys = self._spec_keys[attempt_id]
        return keys

    def _not_in_progress(self, conn: sqlite3.Connection, attempt_id: str) -> StoreError:
        row = conn.execute("SELECT status FROM attempts WHERE id = ?", (attempt_id,)).fetchone()
        if row is None:
            return StoreError(f"Pengerjaan {attempt_id} tidak ditemukan.", self.path)
        label = _ATTEMPT_STATUS_LABEL.get(AttemptStatus(row[0]), str(row[0]))
        return StoreError(f"Pengerjaan {attempt_id} {label}; tidak dapat diubah lagi.", self.path)

    def _touch(
        self,
        conn: sqlite3.Connection,
        attempt_id: str,
        elapsed: float | None,
        current_index: int | None,
        question_times: str | None,
    ) -> None:
        cur = conn.execute(
            "UPDATE attempts SET updated_at = ?, elapsed = COALESCE(?, elapsed),"
            " current_index = COALESCE(?, current_index),"
            " question_time_json = COALESCE(?, question_time_json)"
            " WHERE id = ? AND status = 'in_progress'",
            (now_iso(), elapsed, current_index, question_times, attempt_id),
        )
        if cur.rowcount != 1:
            raise self._not_in_progress(conn, attempt_id)

    def record_answer(
        self,
        attempt_id: str,
        rec: AnswerRecord,
        *,
        elapsed: float | None = None,
        current_index: int | None = None,
        question_time_used: Mapping[str, float] | None = None,
    ) -> None:
        """Save (or replace) the answer to one question, committed before returning.

        A later answer to the same question replaces the earlier one and bumps its
        ``revision``. ``elapsed``, ``current_index`` and ``question_time_used``, when
        given, are checkpointed in the same transaction (see :meth:`checkpoint`).
        """
        options = self._spec_options(attempt_id)
        if rec.question_id not in options:
            raise StoreError(
                f"Soal {rec.question_id} bukan bagian dari pengerjaan {attempt_id}.", self.path
            )
        unknown = sorted(rec.choice - options[rec.question_id])
        if unknown:
            raise StoreError(
                f"Pilihan {', '.join(unknown)} tidak ada pada soal {rec.question_id}.", self.path
            )
        time_taken = _check_seconds(rec.time_taken, "Waktu menjawab")
        if elapsed is not None:
            elapsed = _check_seconds(elapsed, "Waktu berjalan")
        self._check_index(attempt_id, current_index, len(options))
        times = _question_times(question_time_used)
        with self._write() as conn:
            self._touch(conn, attempt_id, elapsed, current_index, times)
            conn.execute(UPSERT_ANSWER, (attempt_id, rec.question_id, _dumps(sorted(rec.choice)),
                                         time_taken, int(rec.flagged), now_ms()))

    def checkpoint(
        self,
        attempt_id: str,
        elapsed: float,
        current_index: int,
        *,
        question_time_used: Mapping[str, float] | None = None,
    ) -> None:
        """Save the test time used, the question on screen and (optionally) the time used
        per question, i.e. an ``engine.Checkpoint``. The UI calls this at least every 5 s;
        it is one committed transaction. Only an attempt in progress can be checkpointed.
        """
        elapsed = _check_seconds(elapsed, "Waktu berjalan")
        self._check_index(attempt_id, current_index, len(self._spec_options(attempt_id)))
        times = _question_times(question_time_used)
        with self._write() as conn:
            self._touch(conn, attempt_id, elapsed, current_index, times)

    def _check_index(self, attempt_id: str, index: int | None, count: int) -> None:
        if index is not None and not 0 <= index < max(count, 1):
            raise StoreError(
                f"Nomor soal {index} di luar jangkauan pengerjaan {attempt_id} ({count} soal).",
                self.path,
            )

    def finish_attempt(self, attempt_id: str, result: AttemptResult, elapsed: float) -> None:
        """Mark the attempt finished and store its result (JSON, plus ``nilai``/``passed``)."""
        elapsed = _check_seconds(elapsed, "Waktu berjalan")
        spec = self.attempt(attempt_id).spec
        result_json = self.encode_result(spec, result)
        now = now_iso()
        with self._write() as conn:
            cur = conn.execute(
                "UPDATE attempts SET status = 'finished', finished_at = ?, updated_at = ?,"
                " elapsed = ?, result_json = ?, nilai = ?, passed = ?, correct = ?, wrong = ?,"
                " unanswered = ?, duration = ? WHERE id = ? AND status = 'in_progress'",
                (now, now, elapsed, result_json, result.nilai, int(result.passed),
                 result.correct, result.wrong, result.unanswered, result.duration, attempt_id),
            )
            if cur.rowcount != 1:
                raise self._not_in_progress(conn, attempt_id)
        if self._files is not None:  # a finished result goes into the main file at once
            self._files.checkpoint(self._connection())

    def abandon_attempt(self, attempt_id: str) -> None:
        """Mark an attempt in progress as abandoned (it is no longer offered for resume)."""
        now = now_iso()
        with self._write() as conn:
            cur = conn.execute(
                "UPDATE attempts SET status = 'abandoned', finished_at = ?, updated_at = ?"
                " WHERE id = ? AND status = 'in_progress'",
                (now, now, attempt_id),
            )
            if cur.rowcount != 1:
                raise self._not_in_progress(conn, attempt_id)

    def void_attempt(self, attempt_id: str, reason: str) -> AttemptRecord:
        """HR declares a finished attempt invalid, with a reason (:mod:`.voids`)."""
        from .voids import void_attempt

        return void_attempt(self, attempt_id, reason)

    def has_valid_attempt(self, session_id: int, nip: str) -> bool:
        """Whether ``nip`` already finished a (not voided) attempt in ``session_id``."""
        from .voids import has_valid_attempt

        return has_valid_attempt(self, session_id, nip)

    def attempt(self, attempt_id: str) -> AttemptRecord:
        found = self._load_attempts("a.id = ?", (attempt_id,))
        if not found:
            raise StoreError(f"Pengerjaan {attempt_id} tidak ditemukan.", self.path)
        return found[0]

    def attempts(self, session_id: int) -> list[AttemptRecord]:
        """All attempts of a session, in the order they started."""
        self.session(session_id)  # raises if missing
        return self._load_attempts("a.session_id = ?", (session_id,))

    def unfinished_attempts(self) -> list[AttemptRecord]:
        """Attempts still ``in_progress`` (in any session): offer them for resume on start."""
        return self._load_attempts("a.status = 'in_progress'", ())

    def _load_attempts(self, where: str, params: Sequence[Any]) -> list[AttemptRecord]:
        """Attempts matching ``where``, decoded in one pass (see ``stored.py``)."""
        return load_attempts(self, where, params)
