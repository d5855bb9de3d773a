"""Schema v7 (issue 14): small answer rows. Files of every earlier version migrate with
every answer as it was; a failure or a crash half-way leaves the old file whole."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from quiz_app.core.errors import StoreError
from quiz_app.core.quiz import AnswerRecord, score_attempt
from quiz_app.core.results import (
    DB_FILENAME,
    MIGRATIONS,
    SCHEMA_VERSION,
    ResultsStore,
    answer_rows,
    attempt_result_to_dict,
    attempt_spec_to_dict,
    create_session_with_key,
    import_attempts,
    import_session_file,
    merge_packages,
    plan_to_dict,
    session_code,
    write_package,
    write_session_file,
)
from quiz_app.core.results.answer_rows import iso_from_ms, ms_from_iso
from tests.core.results.test_store import ANI, PLAN, TAMU, V1_SQL, make_spec

ROOT = Path(__file__).resolve().parents[3]
FINISHED, OPEN = "a" * 32, "b" * 32
# (attempt, question, choice_json, time_taken, flagged, answered_at as stored, revision)
ANSWERS = [
    (FINISHED, "q1", '["B"]', 4.25, 1, "2024-05-06T01:01:30.123456+00:00", 2),
    (FINISHED, "q2", '["A","C"]', 12.0, 0, "2024-05-06T01:02:00+00:00", 1),
    (FINISHED, "q3", "[]", 30.5, 0, "2024-05-06T08:03:00.5+07:00", 1),  # imported, WIB
    (FINISHED, "q4", '["D"]', 0.0, 0, "2024-05-06T01:04:00", 3),  # no offset: UTC
    (OPEN, "q1", '["A"]', 1.5, 1, "2024-05-06T01:10:00.000999+00:00", 1),
    (OPEN, "q2", '["B","D"]', 2.75, 0, "2024-05-06T01:11:00.250000+00:00", 1),
]


def _raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def _file_at(path: Path, version: int, extra_attempts: int = 0) -> None:
    """A results file at schema ``version`` holding ANSWERS: written at v1 (the frozen
    copy), then upgraded by the released steps, as a file in the field would be."""
    conn = _raw(path)
    conn.executescript(V1_SQL)
    conn.execute(
        "INSERT INTO sessions (id, title, plan_json, date, kind, session_key, code, created_at)"
        " VALUES (1, 'Lama', ?, '2024-05-06', 'pretest', ?, ?, '2024-05-06T01:00:00+00:00')",
        (json.dumps(plan_to_dict(PLAN), separators=(",", ":"), ensure_ascii=False),
         "ab" * 32, session_code("ab" * 32)))
    conn.execute("INSERT INTO participants (id, session_id, nip, name, extra_json)"
                 " VALUES (1, 1, ?, ?, '[]')", (ANI.nip, ANI.name))
    conn.execute("INSERT INTO participants (id, session_id, name) VALUES (2, 1, ?)",
                 (TAMU.name,))
    spec = make_spec(5)
    answers = {q: AnswerRecord(q, frozenset(json.loads(c)), t, bool(f))
               for a, q, c, t, f, _, _ in ANSWERS if a == FINISHED}
    result = score_attempt(spec, answers, 321.0)
    ids = [FINISHED, OPEN, *(f"{i:032x}" for i in range(extra_attempts))]
    for n, aid in enumerate(ids):
        done = aid == FINISHED
        conn.execute(
            "INSERT INTO attempts (id, session_id, participant_id, seed, spec_json, status,"
            " started_at, finished_at, updated_at, elapsed, current_index, result_json, nilai,"
            " passed) VALUES (?, 1, ?, 's1', ?, ?, ?, ?, ?, 60, 1, ?, ?, ?)",
            (aid, 1 if n == 0 else 2, json.dumps(attempt_spec_to_dict(spec)),
             "finished" if done else "in_progress", "2024-05-06T01:00:00+00:00",
             "2024-05-06T01:20:00+00:00" if done else None, "2024-05-06T01:20:00+00:00",
             json.dumps(attempt_result_to_dict(result)) if done else None,
             result.nilai if done else None, int(result.passed) if done else None))
    conn.executemany("INSERT INTO answers VALUES (?, ?, ?, ?, ?, ?, ?)", ANSWERS)
    for i in range(extra_attempts):  # bulk for the crash test: many rows to copy
        conn.executemany(
            "INSERT INTO answers VALUES (?, ?, '[\"A\"]', 1.0, 0, '2024-05-06T01:30:00+00:00',"
            " 1)", [(f"{i:032x}", f"q{k}") for k in range(1, 6)])
    for step in MIGRATIONS[1:version]:
        for statement in step:
            if isinstance(statement, str):
                conn.execute(statement)
            else:
                statement(conn)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()


def _v7_rows(conn: sqlite3.Connection) -> list[tuple]:
    return [(*row[:5], iso_from_ms(row[5]), row[6]) for row in conn.execute(
        "SELECT a.id, w.question_id, w.choice_json, w.time_taken, w.flagged, w.answered_ms,"
        " w.revision FROM answers w JOIN attempts a ON a.attempt_key = w.attempt_key"
        " ORDER BY a.id, w.question_id")]


def _to_ms_precision(rows: list[tuple]) -> list[tuple]:
    """What v6 stored, read back at the precision v7 stores (milliseconds, UTC)."""
    return [(*r[:5], iso_from_ms(ms_from_iso(r[5])), r[6]) for r in rows]


def _v6_rows(path: Path) -> list[tuple]:
    conn = _raw(path)
    try:
        return conn.execute("SELECT * FROM answers ORDER BY attempt_id, question_id").fetchall()
    finally:
        conn.close()


def test_time_codec_keeps_the_instant_to_the_millisecond():
    assert ms_from_iso("1970-01-01T00:00:01.5+00:00") == 1500
    assert iso_from_ms(1500) == "1970-01-01T00:00:01.500000+00:00"
    assert iso_from_ms(ms_from_iso("2025-03-05T01:20:00+00:00")) == "2025-03-05T01:20:00+00:00"
    # another offset, or none (taken as UTC), is the same instant in UTC
    assert ms_from_iso("2025-03-05T08:20:00+07:00") == ms_from_iso("2025-03-05T01:20:00+00:00")
    assert ms_from_iso("2025-03-05T01:20:00") == ms_from_iso("2025-03-05T01:20:00+00:00")
    # microseconds are cut to the millisecond, never rounded into the next one
    assert iso_from_ms(ms_from_iso("2025-03-05T01:20:00.999999+00:00")) == (
        "2025-03-05T01:20:00.999000+00:00")
    for bad in ("kemarin", "0001-01-01T00:00:00+14:00"):
        with pytest.raises(ValueError):
            ms_from_iso(bad)


@pytest.mark.parametrize("version", range(1, 7))
def test_every_earlier_version_migrates_with_every_answer(tmp_path: Path, version: int):
    path = tmp_path / DB_FILENAME
    _file_at(path, version)
    before = _v6_rows(path)
    assert len(before) == len(ANSWERS)
    with ResultsStore(path) as s:
        assert s.schema_version == SCHEMA_VERSION == 7
        conn = s._connection()
        # the same choices, times, flags, revisions; answered_at to the millisecond, UTC
        assert _v7_rows(conn) == _to_ms_precision(before)
        assert _v7_rows(conn)[0][5] == "2024-05-06T01:01:30.123000+00:00"
        assert _v7_rows(conn)[2][5] == "2024-05-06T01:03:00.500000+00:00"
        for aid in (FINISHED, OPEN):
            assert s.attempt(aid).answers == {
                q: AnswerRecord(q, frozenset(json.loads(c)), t, bool(f))
                for a, q, c, t, f, _, _ in ANSWERS if a == aid}
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE"
                                           " name = 'answers_v6'")] == []
        assert s.integrity_check() == ["ok"]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # the migrated file keeps working: a new answer, a replaced one, a new attempt
        s.record_answer(OPEN, AnswerRecord("q3", frozenset({"S"}), 3.0))
        s.record_answer(OPEN, AnswerRecord("q1", frozenset({"C"}), 4.0))
        new = s.start_attempt(1, TAMU, make_spec(2))
        s.record_answer(new, AnswerRecord("q1", frozenset({"A"}), 1.0))
        keys = dict(conn.execute("SELECT id, attempt_key FROM attempts"))
        assert len(set(keys.values())) == 3 and keys[new] == max(keys.values())
        assert s.attempt(OPEN).answers["q1"] == AnswerRecord("q1", frozenset({"C"}), 4.0)
        assert s.attempt(new).answers == {"q1": AnswerRecord("q1", frozenset({"A"}), 1.0)}
        revisions = dict(conn.execute(
            "SELECT question_id, revision FROM answers WHERE attempt_key = ?", (keys[OPEN],)))
        assert revisions == {"q1": 2, "q2": 1, "q3": 1}
    with ResultsStore(path) as s:  # reopening does not migrate again
        assert s.schema_version == SCHEMA_VERSION
        assert s.attempt(new).answers == {"q1": AnswerRecord("q1", frozenset({"A"}), 1.0)}


def test_v7_rows_are_small(tmp_path: Path):
    """The point of v7: an answer row no longer repeats the attempt id or ISO text."""
    path = tmp_path / DB_FILENAME
    _file_at(path, 6, extra_attempts=400)
    with ResultsStore(path) as s:
        conn = s._connection()
        row = conn.execute("SELECT typeof(attempt_key), typeof(answered_ms) FROM answers"
                           " LIMIT 1").fetchone()
        assert row == ("integer", "integer")
        size = conn.execute("SELECT sum(pgsize) FROM dbstat WHERE name = 'answers'"
                            ).fetchone()[0]
        count = conn.execute("SELECT count(*) FROM answers").fetchone()[0]
        assert count == 2006 and size / count < 48  # v6: ≈ 94 bytes a row


def test_answered_ms_is_the_commit_time(store_v7: ResultsStore):
    sid = store_v7.create_session("Sosialisasi", PLAN).id
    aid = store_v7.start_attempt(sid, ANI, make_spec())
    low = answer_rows.now_ms()
    store_v7.record_answer(aid, AnswerRecord("q1", frozenset({"B"}), 2.0))
    high = answer_rows.now_ms()
    ms = store_v7._connection().execute("SELECT answered_ms FROM answers").fetchone()[0]
    assert low <= ms <= high


@pytest.fixture
def store_v7(tmp_path: Path):
    s = ResultsStore.open_in(tmp_path)
    yield s
    s.close()


def test_deleting_an_attempt_deletes_its_answers_only(store_v7: ResultsStore):
    sid = store_v7.create_session("Sosialisasi", PLAN).id
    first = store_v7.start_attempt(sid, ANI, make_spec())
    second = store_v7.start_attempt(sid, TAMU, make_spec())
    for aid in (first, second):
        store_v7.record_answer(aid, AnswerRecord("q1", frozenset({"B"}), 2.0))
    conn = store_v7._connection()
    conn.execute("DELETE FROM attempts WHERE id = ?", (first,))
    assert conn.execute("SELECT count(*) FROM answers").fetchone()[0] == 1
    assert store_v7.attempt(second).answers == {
        "q1": AnswerRecord("q1", frozenset({"B"}), 2.0)}


def test_an_attempt_without_a_key_is_refused(store_v7: ResultsStore):
    """A writer that forgets ``attempt_key`` fails at its insert, not at the first answer."""
    sid = store_v7.create_session("Sosialisasi", PLAN).id
    with pytest.raises(sqlite3.IntegrityError, match="attempt_key"):
        store_v7._connection().execute(
            "INSERT INTO attempts (id, session_id, participant_id, seed, spec_json,"
            " started_at, updated_at) VALUES ('x', ?, 1, 's', '{}', 'a', 'a')", (sid,))


def _assert_still_v6(path: Path, rows: list[tuple]) -> None:
    raw = _raw(path)
    try:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 6
        names = {r[0] for r in raw.execute("SELECT name FROM sqlite_master")}
        assert "answers_v6" not in names and "attempts_key_idx" not in names
        assert "attempt_key" not in {r[1] for r in raw.execute("PRAGMA table_info(attempts)")}
        assert raw.execute("SELECT * FROM answers ORDER BY attempt_id, question_id"
                           ).fetchall() == rows
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        raw.close()


def test_failed_v7_migration_leaves_the_v6_file_whole(tmp_path: Path, monkeypatch):
    """The v6 -> v7 step is one transaction: a failure half-way through the copy leaves
    the v6 file as it was, and the next open migrates it completely."""
    path = tmp_path / DB_FILENAME
    _file_at(path, 6, extra_attempts=20)
    rows = _v6_rows(path)
    real = answer_rows.ms_from_iso
    calls = []

    def failing(text: str) -> int:
        calls.append(1)
        if len(calls) == 50:
            raise OSError("disk I/O error")
        return real(text)

    monkeypatch.setattr(answer_rows, "ms_from_iso", failing)
    with pytest.raises(StoreError):
        ResultsStore(path)
    assert len(calls) == 50
    _assert_still_v6(path, rows)
    monkeypatch.setattr(answer_rows, "ms_from_iso", real)
    with ResultsStore(path) as s:
        assert s.schema_version == SCHEMA_VERSION
        assert _v7_rows(s._connection()) == _to_ms_precision(rows)


def test_killed_during_v7_migration_leaves_the_v6_file_whole(tmp_path: Path):
    """A process killed half-way through the v6 -> v7 copy (power cut) leaves the v6 file
    as it was; the next open migrates it completely."""
    path = tmp_path / DB_FILENAME
    _file_at(path, 6, extra_attempts=300)
    rows = _v6_rows(path)
    child = textwrap.dedent(f"""
        import os, sys
        from pathlib import Path
        from quiz_app.core.results import ResultsStore, answer_rows
        real, calls = answer_rows.ms_from_iso, []
        def dying(text):
            calls.append(1)
            if len(calls) == 1000:
                os._exit(9)  # no rollback, no close: as if the power went
            return real(text)
        answer_rows.ms_from_iso = dying
        ResultsStore(Path({str(path)!r}))
        sys.exit(0)
    """)
    done = subprocess.run([sys.executable, "-c", child], cwd=ROOT, timeout=120,
                          capture_output=True, text=True)
    assert done.returncode == 9, done.stderr
    _assert_still_v6(path, rows)
    with ResultsStore(path) as s:
        assert s.schema_version == SCHEMA_VERSION
        assert _v7_rows(s._connection()) == _to_ms_precision(rows)
        assert s.integrity_check() == ["ok"]


def test_a_time_that_is_not_iso_stops_the_migration_untouched(tmp_path: Path):
    path = tmp_path / DB_FILENAME
    _file_at(path, 6)
    raw = _raw(path)
    raw.execute("UPDATE answers SET answered_at = 'kemarin sore' WHERE question_id = 'q2'"
                " AND attempt_id = ?", (OPEN,))
    raw.close()
    rows = _v6_rows(path)
    with pytest.raises(StoreError, match=f"soal q2 pada pengerjaan {OPEN}.*kemarin sore"
                       ) as info:
        ResultsStore(path)
    assert info.value.issues[0].path == str(path)
    _assert_still_v6(path, rows)


def test_packages_carry_the_same_answers_after_migration(tmp_path: Path):
    """A migrated file's package holds the answers the v6 file held; merged into another
    laptop's v7 store they read back the same (answered_at: the attempt's end, as in v6)."""
    path = tmp_path / "lama" / DB_FILENAME
    path.parent.mkdir()
    _file_at(path, 6)
    with ResultsStore(path) as old:
        before = old.attempt(FINISHED)
        write_session_file(old, 1, tmp_path / "sesi.kuis-sesi")
        write_package(old, 1, tmp_path / "lama.kuis-hasil")
    with ResultsStore.open_in(tmp_path / "baru") as other:
        joined, _ = import_session_file(other, tmp_path / "sesi.kuis-sesi")
        report = merge_packages(other, joined.id, [tmp_path / "lama.kuis-hasil"])
        assert report.ok and report.imported == 1
        merged = other.attempt(FINISHED)
        assert merged.answers == before.answers
        assert merged.result == before.result
        stamps = {iso_from_ms(ms) for (ms,) in other._connection().execute(
            "SELECT answered_ms FROM answers")}
        assert stamps == {"2024-05-06T01:20:00+00:00"}


def test_an_answer_of_no_attempt_is_left_behind(tmp_path: Path):
    """A v6 row whose attempt is gone (only a file written with foreign keys off can have
    one) could never be read; the step leaves it behind instead of refusing the file."""
    path = tmp_path / DB_FILENAME
    _file_at(path, 6)
    raw = _raw(path)
    raw.execute("INSERT INTO answers VALUES (?, 'q1', '[\"A\"]', 1.0, 0,"
                " '2024-05-06T01:30:00+00:00', 1)", ("f" * 32,))
    raw.close()
    with ResultsStore(path) as s:
        assert len(_v7_rows(s._connection())) == len(ANSWERS)
        assert s._connection().execute("SELECT count(*) FROM answers").fetchone()[0] == len(
            ANSWERS)


def test_an_import_whose_end_cannot_be_kept_is_refused_whole(tmp_path: Path):
    """An imported attempt's end stands for its answers' time; one outside what the store
    can keep (year 1 at +14:00 is year 0 in UTC) refuses the import, nothing half in."""
    path = tmp_path / "lama" / DB_FILENAME
    path.parent.mkdir()
    _file_at(path, 6)
    with ResultsStore(path) as old:
        rec = old.attempt(FINISHED)
        session = old.session(1)
    with ResultsStore.open_in(tmp_path / "baru") as other:
        joined, _ = create_session_with_key(other, session)
        odd = dataclasses.replace(rec, finished_at="0001-01-01T00:00:00+14:00")
        with pytest.raises(StoreError, match=f"Waktu selesai pengerjaan {FINISHED}"):
            import_attempts(other, joined.id, [odd])
        assert other.attempts(joined.id) == []
        assert import_attempts(other, joined.id, [rec]).imported == (FINISHED,)
        assert other.attempt(FINISHED).answers == rec.answers
