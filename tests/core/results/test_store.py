"""ResultsStore: every method, upserts, reopen, resume data, migrations, bad files."""

from __future__ import annotations

import json
import os
import re
import socket
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from quiz_app.core.errors import StoreError
from quiz_app.core.model import (
    Difficulty,
    DrawRule,
    Option,
    Participant,
    Plan,
    Question,
    QuestionType,
)
from quiz_app.core.model import (
    TestKind as Kind,
)
from quiz_app.core.quiz import (
    AnswerRecord,
    Attempt,
    AttemptQuestion,
    AttemptResult,
    AttemptSpec,
    QuestionScore,
    build_attempt,
)
from quiz_app.core.results import (
    APPLICATION_ID,
    DB_FILENAME,
    MIGRATIONS,
    SCHEMA_VERSION,
    AttemptStatus,
    ResultsStore,
    SessionStatus,
    attempt_result_from_dict,
    attempt_result_to_dict,
    attempt_spec_to_dict,
    plan_to_dict,
    session_code,
)
from tests.helpers.fakes import FakeClock, make_bank, make_plan

CODE_RE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")

# Frozen copy of schema v1 exactly as first released. Never edit: it is what real files
# in the field look like, and the migration tests upgrade it.
V1_SQL = """
PRAGMA application_id = 1262572366;
CREATE TABLE sessions (
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
);
CREATE TABLE participants (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    nip TEXT,
    name TEXT NOT NULL,
    position TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT '',
    rank TEXT NOT NULL DEFAULT '',
    extra_json TEXT NOT NULL DEFAULT '[]',
    UNIQUE (session_id, nip)
);
CREATE TABLE attempts (
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
);
CREATE INDEX attempts_session_idx ON attempts(session_id);
CREATE TABLE answers (
    attempt_id TEXT NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
    question_id TEXT NOT NULL,
    choice_json TEXT NOT NULL,
    time_taken REAL NOT NULL DEFAULT 0,
    flagged INTEGER NOT NULL DEFAULT 0,
    answered_at TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (attempt_id, question_id)
) WITHOUT ROWID;
PRAGMA user_version = 1;
"""


# --- hand-built specs (no engine needed) ---------------------------------------------


def _question(qid: str, qtype: QuestionType = QuestionType.SINGLE) -> Question:
    if qtype is QuestionType.TRUE_FALSE:
        options = (Option("B", "Benar"), Option("S", "Salah"))
        answer = frozenset({"B"})
    else:
        options = tuple(Option(k, f"Pilihan {k} untuk {qid}") for k in "ABCD")
        answer = frozenset({"A", "C"}) if qtype is QuestionType.MULTIPLE else frozenset({"B"})
    return Question(
        id=qid,
        category="netralitas",
        type=qtype,
        text=f"Pertanyaan {qid}: apakah ASN boleh ikut kampanye?",
        options=options,
        answer=answer,
        explanation="Lihat UU 20/2023.",
        reference="UU 20/2023 Pasal 9",
        difficulty=Difficulty.MEDIUM,
        points=1.5,
        time_limit=45,
        image=Path("gambar") / f"{qid}.png",
        tags=("netralitas", "pemilu"),
        line=12,
    )


PLAN = Plan(
    title="Pre-test Netralitas ASN",
    banks=("netralitas",),
    draw=(DrawRule(count=3, category="netralitas"),),
    time_limit=600,
    kind=Kind.PRETEST,
    seed="benih",
)


def make_spec(n: int = 5, seed: str = "s1", plan: Plan = PLAN) -> AttemptSpec:
    kinds = (QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.TRUE_FALSE)
    questions = []
    for i in range(n):
        q = _question(f"q{i + 1}", kinds[i % len(kinds)])
        order = tuple(reversed(q.option_keys))
        questions.append(AttemptQuestion(question=q, option_order=order, time_limit=30 + i))
    return AttemptSpec(seed=seed, plan=plan, questions=tuple(questions))


ANI = Participant(
    name="Ani Lestari",
    nip="199001012015032001",
    position="Analis Kebijakan",
    unit="BKPSDM",
    rank="III/b",
    extra=(("hp", "0812"),),
)
TAMU = Participant(name="Budi (tamu)")

RESULT = AttemptResult(
    raw_points=3.0,
    max_points=4.5,
    nilai=66.67,
    nilai_per_category={"netralitas": 66.67},
    correct=2,
    wrong=1,
    unanswered=0,
    duration=123.5,
    passed=False,
    per_question=(
        QuestionScore("q1", "netralitas", 1.5, 1.5, True, True, 1.0),
        QuestionScore("q2", "netralitas", 0.0, 1.5, False, True, 0.0),
        QuestionScore("q3", "netralitas", 1.5, 1.5, None, False, 1.0),
    ),
)


@pytest.fixture
def store(tmp_path: Path):
    s = ResultsStore.open_in(tmp_path)
    yield s
    s.close()


@pytest.fixture
def session_id(store: ResultsStore) -> int:
    return store.create_session("Sosialisasi Netralitas", PLAN, place="Aula BKD").id


def _raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


# --- opening ----------------------------------------------------------------------------


def test_open_in_creates_database_with_pragmas(tmp_path: Path):
    data = tmp_path / "baru" / "data"
    with ResultsStore.open_in(data) as s:
        assert s.path == data / DB_FILENAME
        assert s.path.exists()
        conn = s._connection()
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert s.schema_version == SCHEMA_VERSION == 7
        assert s.integrity_check() == ["ok"]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"sessions", "participants", "attempts", "answers"} <= tables


def test_reopen_existing_database_keeps_version(tmp_path: Path):
    ResultsStore.open_in(tmp_path).close()
    with ResultsStore(tmp_path / DB_FILENAME) as s:
        assert s.schema_version == SCHEMA_VERSION


def test_closed_store_raises(tmp_path: Path):
    s = ResultsStore.open_in(tmp_path)
    s.close()
    s.close()  # twice is fine
    with pytest.raises(StoreError, match="sudah ditutup"):
        s.sessions()


def test_open_in_unwritable_place_raises(tmp_path: Path):
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder")
    with pytest.raises(StoreError, match="Folder data"):
        ResultsStore.open_in(blocker / "data")


def test_directory_as_database_path_raises(tmp_path: Path):
    with pytest.raises(StoreError, match="tidak dapat dibuka"):
        ResultsStore(tmp_path)


# --- sessions ---------------------------------------------------------------------------


def test_create_session_fields(store: ResultsStore):
    s = store.create_session(
        "  Pre-test Netralitas ",
        PLAN,
        place="Aula BKD",
        trainer="Pak Joko",
        date="2025-03-04",
    )
    assert s.id >= 1
    assert s.title == "Pre-test Netralitas"
    assert s.plan == PLAN
    assert (s.place, s.trainer, s.date) == ("Aula BKD", "Pak Joko", "2025-03-04")
    assert s.kind is Kind.PRETEST
    assert s.status is SessionStatus.OPEN
    assert re.fullmatch(r"[0-9a-f]{64}", s.key)
    assert CODE_RE.match(s.code)
    assert s.code == session_code(s.key)
    created = datetime.fromisoformat(s.created_at)
    assert created.utcoffset() is not None and created.utcoffset().total_seconds() == 0
    assert abs((datetime.now(UTC) - created).total_seconds()) < 60
    assert s.started_at is None and s.ended_at is None
    assert s.pretest_session_id is None
    assert store.session(s.id) == s


def test_session_date_default_and_date_object(store: ResultsStore):
    assert store.create_session("A", PLAN).date == date.today().isoformat()
    assert store.create_session("B", PLAN, date=date(2024, 12, 31)).date == "2024-12-31"


@pytest.mark.parametrize("bad", ["04-03-2025", "2025-13-01", "besok"])
def test_session_bad_date(store: ResultsStore, bad: str):
    with pytest.raises(StoreError, match="Tanggal sesi"):
        store.create_session("A", PLAN, date=bad)


def test_session_empty_title(store: ResultsStore):
    with pytest.raises(StoreError, match="Judul sesi"):
        store.create_session("   ", PLAN)


def test_session_keys_unique_and_codes_derived(store: ResultsStore):
    made = [store.create_session(f"S{i}", PLAN) for i in range(20)]
    assert len({s.key for s in made}) == 20
    assert all(CODE_RE.match(s.code) and s.code == session_code(s.key) for s in made)


def test_session_code_known_value():
    assert session_code("00" * 32) == "0000-0000"
    assert session_code("ff" * 32) == "ZZZZ-ZZZZ"
    # 0x0842108421 = 00001 repeated eight times in 5-bit groups
    assert session_code("0842108421" + "00" * 27) == "1111-1111"
    assert session_code("52d8de77df" + "ff" * 27) == "ABCD-WXYZ"  # no I, L, O, U


def test_pretest_link(store: ResultsStore):
    pre = store.create_session("Pre-test", PLAN)
    post_plan = Plan(title="Post-test", banks=("netralitas",), kind=Kind.POSTTEST)
    post = store.create_session("Post-test", post_plan, pretest_session_id=pre.id)
    assert post.pretest_session_id == pre.id
    assert post.kind is Kind.POSTTEST
    with pytest.raises(StoreError, match="pre-test 999 tidak ditemukan"):
        store.create_session("Post-test", post_plan, pretest_session_id=999)


def test_session_missing(store: ResultsStore):
    with pytest.raises(StoreError, match="Sesi 42 tidak ditemukan"):
        store.session(42)


def test_sessions_search(store: ResultsStore):
    a = store.create_session("Netralitas ASN", PLAN, place="Aula Bandung", date="2025-01-10")
    b = store.create_session("BerAKHLAK", PLAN, place="Gedung Sate", date="2025-02-11")
    c = store.create_session(
        "Netralitas 100% ASN", PLAN, place="Cimahi", trainer="Bu Sari", date="2024-02-11"
    )
    ids = lambda found: [s.id for s in found]  # noqa: E731
    assert ids(store.sessions()) == [c.id, b.id, a.id]  # newest first
    assert ids(store.sessions("netralitas")) == [c.id, a.id]  # by title, case-insensitive
    assert ids(store.sessions("bandung")) == [a.id]  # by place
    assert ids(store.sessions("2025-02")) == [b.id]  # by date
    assert ids(store.sessions("02-11")) == [c.id, b.id]
    assert ids(store.sessions("sari")) == [c.id]  # by trainer
    assert ids(store.sessions("netralitas 2025")) == [a.id]  # every word must match
    assert ids(store.sessions("100%")) == [c.id]  # LIKE wildcards are literal
    assert ids(store.sessions("_")) == []
    assert ids(store.sessions(a.code)) == [a.id]  # by code
    assert store.sessions("tidak ada") == []


def test_latest_session(store: ResultsStore):
    assert store.latest_session() is None
    first = store.create_session("Pertama", PLAN)
    second = store.create_session("Kedua", PLAN)
    assert store.latest_session() == second
    store.close_session(second.id)
    assert store.latest_session().id == second.id
    assert store.latest_session(open_only=True) == first


def test_close_session(store: ResultsStore, session_id: int):
    store.close_session(session_id)
    closed = store.session(session_id)
    assert closed.status is SessionStatus.CLOSED
    assert datetime.fromisoformat(closed.ended_at).utcoffset().total_seconds() == 0
    store.close_session(session_id)  # twice is harmless
    assert store.session(session_id).ended_at == closed.ended_at
    with pytest.raises(StoreError, match="tidak ditemukan"):
        store.close_session(999)
    with pytest.raises(StoreError, match="sudah ditutup"):
        store.start_attempt(session_id, ANI, make_spec())


def test_close_session_keeps_attempt_in_progress(store: ResultsStore, session_id: int):
    aid = store.start_attempt(session_id, ANI, make_spec())
    store.close_session(session_id)
    assert [a.id for a in store.unfinished_attempts()] == [aid]
    store.record_answer(aid, AnswerRecord("q1", frozenset({"B"})))


# --- attempts ---------------------------------------------------------------------------


def test_start_attempt(store: ResultsStore, session_id: int):
    spec = make_spec()
    aid = store.start_attempt(session_id, ANI, spec)
    assert re.fullmatch(r"[0-9a-f]{32}", aid)
    rec = store.attempt(aid)
    assert rec.id == aid
    assert rec.session_id == session_id
    assert rec.participant == ANI
    assert rec.seed == spec.seed
    assert rec.spec == spec
    assert rec.status is AttemptStatus.IN_PROGRESS
    assert rec.finished_at is None
    assert rec.elapsed == 0.0 and rec.current_index == 0
    assert rec.answers == {} and rec.result is None
    assert rec.device == socket.gethostname()
    assert datetime.fromisoformat(rec.started_at).utcoffset().total_seconds() == 0
    assert store.session(session_id).started_at == rec.started_at


def test_start_attempt_missing_session(store: ResultsStore):
    with pytest.raises(StoreError, match="Sesi 7 tidak ditemukan"):
        store.start_attempt(7, ANI, make_spec())


def test_attempt_ids_unique(store: ResultsStore, session_id: int):
    ids = {store.start_attempt(session_id, TAMU, make_spec(1)) for _ in range(50)}
    assert len(ids) == 50


def test_same_nip_reuses_participant_row(store: ResultsStore, session_id: int):
    a1 = store.start_attempt(session_id, ANI, make_spec())
    renamed = Participant(name="Ani Lestari, S.E.", nip=ANI.nip, unit="Bappeda")
    a2 = store.start_attempt(session_id, renamed, make_spec())
    g1 = store.start_attempt(session_id, TAMU, make_spec())
    g2 = store.start_attempt(session_id, TAMU, make_spec())
    r1, r2, r3, r4 = (store.attempt(a) for a in (a1, a2, g1, g2))
    assert r1.participant_id == r2.participant_id
    assert r1.participant == r2.participant == renamed  # latest data wins
    assert r3.participant_id != r4.participant_id  # guests (no NIP) never merge
    assert r3.participant == TAMU
    other = store.create_session("Lain", PLAN).id
    a5 = store.start_attempt(other, ANI, make_spec())
    assert store.attempt(a5).participant_id != r1.participant_id  # rows are per session


def test_record_answer_committed_before_return(
    store: ResultsStore, session_id: int, tmp_path: Path
):
    aid = store.start_attempt(session_id, ANI, make_spec())
    store.record_answer(aid, AnswerRecord("q2", frozenset({"A", "C"}), 4.25, flagged=True))
    other = _raw(store.path)  # a separate connection sees it: it was committed
    try:
        row = other.execute(
            "SELECT choice_json, time_taken, flagged, revision FROM answers w"
            " JOIN attempts a ON a.attempt_key = w.attempt_key"
            " WHERE a.id = ? AND question_id = 'q2'",
            (aid,),
        ).fetchone()
    finally:
        other.close()
    assert row == ('["A","C"]', 4.25, 1, 1)
    assert not store._connection().in_transaction
    assert store.attempt(aid).answers == {
        "q2": AnswerRecord("q2", frozenset({"A", "C"}), 4.25, True)
    }


def test_record_answer_upsert_replaces(store: ResultsStore, session_id: int):
    aid = store.start_attempt(session_id, ANI, make_spec())
    store.record_answer(aid, AnswerRecord("q1", frozenset({"A"}), 2.0))
    store.record_answer(aid, AnswerRecord("q3", frozenset({"S"}), 1.0))
    store.record_answer(aid, AnswerRecord("q1", frozenset({"D"}), 7.5, flagged=True))
    store.record_answer(aid, AnswerRecord("q1", frozenset(), 9.0))  # cleared
    answers = store.attempt(aid).answers
    assert answers == {
        "q1": AnswerRecord("q1", frozenset(), 9.0, False),
        "q3": AnswerRecord("q3", frozenset({"S"}), 1.0, False),
    }
    conn = store._connection()
    rows = conn.execute(
        "SELECT question_id, revision FROM answers w JOIN attempts a"
        " ON a.attempt_key = w.attempt_key WHERE a.id = ? ORDER BY question_id",
        (aid,),
    ).fetchall()
    assert rows == [("q1", 3), ("q3", 1)]


def test_record_answer_with_checkpoint(store: ResultsStore, session_id: int):
    aid = store.start_attempt(session_id, ANI, make_spec())
    store.record_answer(aid, AnswerRecord("q1", frozenset({"B"})), elapsed=12.5, current_index=1)
    rec = store.attempt(aid)
    assert (rec.elapsed, rec.current_index) == (12.5, 1)
    store.record_answer(aid, AnswerRecord("q2", frozenset({"A"})))  # leaves them alone
    rec = store.attempt(aid)
    assert (rec.elapsed, rec.current_index) == (12.5, 1)
    assert rec.updated_at >= rec.started_at


def test_record_answer_rejects_bad_input(store: ResultsStore, session_id: int):
    aid = store.start_attempt(session_id, ANI, make_spec(3))
    with pytest.raises(StoreError, match="Soal q9 bukan bagian"):
        store.record_answer(aid, AnswerRecord("q9", frozenset({"A"})))
    with pytest.raises(StoreError, match="Pilihan E, Z tidak ada"):
        store.record_answer(aid, AnswerRecord("q1", frozenset({"A", "Z", "E"})))
    with pytest.raises(StoreError, match="Waktu menjawab"):
        store.record_answer(aid, AnswerRecord("q1", frozenset({"A"}), -1.0))
    with pytest.raises(StoreError, match="Waktu berjalan"):
        store.record_answer(aid, AnswerRecord("q1", frozenset({"A"})), elapsed=float("nan"))
    with pytest.raises(StoreError, match="tidak ditemukan"):
        store.record_answer("0" * 32, AnswerRecord("q1", frozenset({"A"})))
    assert store.attempt(aid).answers == {}


def test_checkpoint_question_times(store: ResultsStore, session_id: int):
    aid = store.start_attempt(session_id, ANI, make_spec(3))
    assert store.attempt(aid).question_time_used == {}
    store.checkpoint(aid, 9.5, 1, question_time_used={"q1": 4.25, "q2": 5.25, "q3": 0.0})
    assert store.attempt(aid).question_time_used == {"q1": 4.25, "q2": 5.25, "q3": 0.0}
    store.checkpoint(aid, 10.0, 1)  # left alone when not given
    assert store.attempt(aid).question_time_used["q2"] == 5.25
    store.record_answer(
        aid, AnswerRecord("q2", frozenset({"A"})), question_time_used={"q1": 4.25, "q2": 6.0}
    )
    assert store.attempt(aid).question_time_used == {"q1": 4.25, "q2": 6.0}
    with pytest.raises(StoreError, match="Waktu soal q1"):
        store.checkpoint(aid, 10.0, 1, question_time_used={"q1": float("inf")})


def test_current_index_out_of_range(store: ResultsStore, session_id: int):
    aid = store.start_attempt(session_id, ANI, make_spec(3))
    store.checkpoint(aid, 1.0, 2)
    with pytest.raises(StoreError, match="Nomor soal 3 di luar jangkauan"):
        store.checkpoint(aid, 1.0, 3)
    with pytest.raises(StoreError, match="di luar jangkauan"):
        store.record_answer(aid, AnswerRecord("q1", frozenset({"A"})), current_index=-1)
    assert store.attempt(aid).current_index == 2


def test_checkpoint(store: ResultsStore, session_id: int):
    aid = store.start_attempt(session_id, ANI, make_spec())
    store.checkpoint(aid, 5.0, 0)
    store.checkpoint(aid, 10.123456789, 3)
    rec = store.attempt(aid)
    assert (rec.elapsed, rec.current_index) == (10.123456789, 3)
    with pytest.raises(StoreError, match="Waktu berjalan"):
        store.checkpoint(aid, -3, 0)
    with pytest.raises(StoreError, match="tidak ditemukan"):
        store.checkpoint("f" * 32, 1.0, 0)


def test_finish_attempt(store: ResultsStore, session_id: int):
    aid = store.start_attempt(session_id, ANI, make_spec())
    store.record_answer(aid, AnswerRecord("q1", frozenset({"B"}), 3.0))
    store.finish_attempt(aid, RESULT, 123.5)
    rec = store.attempt(aid)
    assert rec.status is AttemptStatus.FINISHED
    assert rec.result == RESULT
    assert rec.elapsed == 123.5
    assert datetime.fromisoformat(rec.finished_at) >= datetime.fromisoformat(rec.started_at)
    row = (
        store._connection()
        .execute("SELECT nilai, passed FROM attempts WHERE id = ?", (aid,))
        .fetchone()
    )
    assert row == (66.67, 0)
    with pytest.raises(StoreError, match="sudah selesai"):
        store.record_answer(aid, AnswerRecord("q2", frozenset({"A"})))
    with pytest.raises(StoreError, match="sudah selesai"):
        store.checkpoint(aid, 200.0, 2)
    with pytest.raises(StoreError, match="sudah selesai"):
        store.finish_attempt(aid, RESULT, 130.0)
    with pytest.raises(StoreError, match="sudah selesai"):
        store.abandon_attempt(aid)
    assert store.attempt(aid).elapsed == 123.5
    with pytest.raises(StoreError, match="tidak ditemukan"):
        store.finish_attempt("a" * 32, RESULT, 1.0)


def test_abandon_attempt(store: ResultsStore, session_id: int):
    aid = store.start_attempt(session_id, ANI, make_spec())
    store.abandon_attempt(aid)
    rec = store.attempt(aid)
    assert rec.status is AttemptStatus.ABANDONED
    assert rec.finished_at is not None and rec.result is None
    with pytest.raises(StoreError, match="sudah dibatalkan"):
        store.record_answer(aid, AnswerRecord("q1", frozenset({"A"})))
    with pytest.raises(StoreError, match="sudah dibatalkan"):
        store.abandon_attempt(aid)
    with pytest.raises(StoreError, match="tidak ditemukan"):
        store.abandon_attempt("b" * 32)


def test_attempt_missing(store: ResultsStore):
    with pytest.raises(StoreError, match="Pengerjaan xyz tidak ditemukan"):
        store.attempt("xyz")


def test_attempts_of_session(store: ResultsStore, session_id: int):
    other = store.create_session("Lain", PLAN).id
    a1 = store.start_attempt(session_id, ANI, make_spec(seed="a"))
    a2 = store.start_attempt(session_id, TAMU, make_spec(seed="b"))
    a3 = store.start_attempt(other, TAMU, make_spec(seed="c"))
    store.record_answer(a1, AnswerRecord("q1", frozenset({"A"})))
    store.record_answer(a2, AnswerRecord("q1", frozenset({"B"})))
    store.record_answer(a2, AnswerRecord("q2", frozenset({"C"})))
    store.record_answer(a3, AnswerRecord("q1", frozenset({"D"})))
    found = store.attempts(session_id)
    assert [a.id for a in found] == [a1, a2]
    assert [sorted(a.answers) for a in found] == [["q1"], ["q1", "q2"]]
    assert found[1].answers["q1"].choice == {"B"}
    assert [a.id for a in store.attempts(other)] == [a3]
    assert store.attempts(store.create_session("Kosong", PLAN).id) == []
    with pytest.raises(StoreError, match="tidak ditemukan"):
        store.attempts(999)


def test_unfinished_attempts_lists_only_in_progress(store: ResultsStore, session_id: int):
    other = store.create_session("Lain", PLAN).id
    running = store.start_attempt(session_id, ANI, make_spec())
    done = store.start_attempt(session_id, TAMU, make_spec())
    dropped = store.start_attempt(session_id, TAMU, make_spec())
    elsewhere = store.start_attempt(other, TAMU, make_spec())
    store.finish_attempt(done, RESULT, 50.0)
    store.abandon_attempt(dropped)
    unfinished = store.unfinished_attempts()
    assert [a.id for a in unfinished] == [running, elsewhere]
    assert all(a.status is AttemptStatus.IN_PROGRESS for a in unfinished)


def test_answers_survive_close_and_reopen(tmp_path: Path):
    spec = make_spec(6)
    with ResultsStore.open_in(tmp_path) as s:
        sid = s.create_session("Netralitas", PLAN).id
        aid = s.start_attempt(sid, ANI, spec)
        for i, aq in enumerate(spec.questions):
            choice = frozenset({aq.question.option_keys[i % 2]})
            s.record_answer(aid, AnswerRecord(aq.id, choice, i + 0.5), elapsed=i * 7.25)
        before = s.attempt(aid)
    with ResultsStore.open_in(tmp_path) as s:
        after = s.attempt(aid)
        assert after == before
        assert len(after.answers) == 6
        assert s.unfinished_attempts() == [before]


def test_survives_reopen_without_close(tmp_path: Path):
    """The WAL is not checkpointed when the app dies; a second open still sees it all."""
    s = ResultsStore.open_in(tmp_path)
    sid = s.create_session("Netralitas", PLAN).id
    aid = s.start_attempt(sid, ANI, make_spec())
    s.record_answer(aid, AnswerRecord("q1", frozenset({"C"}), 1.0), elapsed=3.0)
    assert (tmp_path / (DB_FILENAME + "-wal")).exists()
    with ResultsStore.open_in(tmp_path) as t:
        assert t.attempt(aid).answers["q1"].choice == {"C"}
    s.close()


def test_resume_data_exact(store: ResultsStore, session_id: int):
    spec = make_spec(7, seed="7f3a")
    aid = store.start_attempt(session_id, ANI, spec)
    given = {
        "q1": AnswerRecord("q1", frozenset({"A"}), 3.141592653589793, False),
        "q2": AnswerRecord("q2", frozenset({"A", "C", "D"}), 0.1 + 0.2, True),
        "q3": AnswerRecord("q3", frozenset({"S"}), 29.999999, False),
        "q5": AnswerRecord("q5", frozenset(), 30.0, True),
    }
    for rec in given.values():
        store.record_answer(aid, rec)
    store.checkpoint(aid, 87.00000000000001, 4)
    rec = store.attempt(aid)
    assert rec.spec == spec  # questions, option order, time limits, plan: all identical
    assert [aq.option_order for aq in rec.spec.questions] == [
        aq.option_order for aq in spec.questions
    ]
    assert rec.spec.questions[0].question.image == Path("gambar") / "q1.png"
    assert rec.answers == given
    assert rec.elapsed == 87.00000000000001
    assert rec.current_index == 4


def test_resume_through_engine(store: ResultsStore, session_id: int):
    """Real engine: answer, checkpoint, 'crash', rebuild the Attempt from the store."""
    bank = make_bank(12, categories=("netral", "nilai"))
    plan = make_plan(time_limit=300, banks=("bank",))
    spec = build_attempt(plan, [bank], "peserta-9")
    clock = FakeClock()
    live = Attempt(spec, clock)
    live.start()
    aid = store.start_attempt(session_id, ANI, spec)
    for step in range(5):
        clock.advance(2.5 + step)
        rec = live.answer(live.current.question.option_keys[step % 3])
        store.record_answer(aid, rec, elapsed=live.elapsed, current_index=live.current_index)
        live.next()
    clock.advance(1.75)
    cp = live.checkpoint()
    store.checkpoint(aid, cp.elapsed, cp.current, question_time_used=cp.question_time_used)

    stored = store.attempt(aid)
    assert stored.spec == spec == build_attempt(plan, [bank], stored.seed)
    resumed = Attempt(
        stored.spec,
        FakeClock(5000.0),
        answers=stored.answers,
        elapsed=stored.elapsed,
        current=stored.current_index,
        question_time_used=stored.question_time_used,
    )
    assert resumed.start() == []
    assert resumed.answers == live.answers
    assert resumed.current_index == live.current_index == 5
    assert resumed.elapsed == cp.elapsed == 2.5 + 3.5 + 4.5 + 5.5 + 6.5 + 1.75
    assert resumed.test_remaining() == 300 - stored.elapsed
    for i in range(len(spec.questions)):
        assert resumed.question_remaining(i) == live.question_remaining(i)


def test_two_connections_see_each_other(tmp_path: Path):
    with ResultsStore.open_in(tmp_path) as a, ResultsStore.open_in(tmp_path) as b:
        sid = a.create_session("Bersama", PLAN).id
        aid = a.start_attempt(sid, ANI, make_spec())
        a.record_answer(aid, AnswerRecord("q1", frozenset({"B"})))
        assert b.attempt(aid).answers["q1"].choice == {"B"}
        b.record_answer(aid, AnswerRecord("q2", frozenset({"A"})))
        assert sorted(a.attempt(aid).answers) == ["q1", "q2"]


# --- migrations and bad files -----------------------------------------------------------


def _make_v1(path: Path) -> str:
    """A v1 database written by hand, with one session, participant, attempt and answer."""
    spec = make_spec(3)
    conn = _raw(path)
    conn.executescript(V1_SQL)
    conn.execute(
        "INSERT INTO sessions (id, title, plan_json, place, trainer, date, kind, session_key,"
        " code, created_at, status) VALUES (1, 'Lama', ?, 'Aula', '', '2024-05-06', 'pretest',"
        " ?, ?, '2024-05-06T01:00:00+00:00', 'open')",
        (json.dumps(plan_to_dict(PLAN)), "ab" * 32, session_code("ab" * 32)),
    )
    conn.execute(
        "INSERT INTO participants (id, session_id, nip, name, extra_json)"
        " VALUES (1, 1, '199001012015032001', 'Ani', '[]')"
    )
    aid = "c" * 32
    conn.execute(
        "INSERT INTO attempts (id, session_id, participant_id, seed, spec_json, status,"
        " started_at, updated_at, elapsed, current_index, question_time_json)"
        " VALUES (?, 1, 1, 's1', ?, 'in_progress', '2024-05-06T01:01:00+00:00',"
        " '2024-05-06T01:02:00+00:00', 42.5, 2, '{\"q1\":4.0,\"q2\":30}')",
        (aid, json.dumps(attempt_spec_to_dict(spec))),
    )
    conn.execute(
        "INSERT INTO answers (attempt_id, question_id, choice_json, time_taken, flagged,"
        " answered_at, revision) VALUES (?, 'q1', '[\"D\"]', 4.0, 1,"
        " '2024-05-06T01:01:30+00:00', 2)",
        (aid,),
    )
    conn.close()
    return aid


def test_v1_sql_matches_first_migration():
    """The frozen copy above must be what migration v1 actually creates."""
    mem = sqlite3.connect(":memory:")
    mem.executescript(V1_SQL)
    fresh = sqlite3.connect(":memory:")
    for stmt in MIGRATIONS[0]:
        fresh.execute(stmt)

    def schema(c: sqlite3.Connection) -> list[tuple[str, str]]:
        rows = c.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
        return [(n, re.sub(r"\s+", " ", s or "")) for n, s in rows]

    assert schema(mem) == schema(fresh)
    assert mem.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    mem.close()
    fresh.close()


def test_migration_v1_to_v2(tmp_path: Path):
    path = tmp_path / DB_FILENAME
    aid = _make_v1(path)
    with ResultsStore(path) as s:
        assert s.schema_version == SCHEMA_VERSION  # v2, and every later step
        conn = s._connection()
        columns = {r[1] for r in conn.execute("PRAGMA table_info(attempts)")}
        assert "device" in columns
        indexes = {r[1] for r in conn.execute("PRAGMA index_list(attempts)")}
        assert "attempts_status_idx" in indexes
        # data kept
        rec = s.attempt(aid)
        assert rec.device == ""  # unknown for attempts made before v2
        assert rec.spec == make_spec(3)
        assert (rec.elapsed, rec.current_index) == (42.5, 2)
        assert rec.question_time_used == {"q1": 4.0, "q2": 30.0}
        assert rec.answers == {"q1": AnswerRecord("q1", frozenset({"D"}), 4.0, True)}
        assert rec.participant.nip == "199001012015032001"
        assert s.session(1).title == "Lama"
        assert s.session(1).code == session_code("ab" * 32)
        assert [a.id for a in s.unfinished_attempts()] == [aid]
        # and the upgraded file works normally
        s.record_answer(aid, AnswerRecord("q1", frozenset({"A"})))
        assert conn.execute("SELECT revision FROM answers").fetchone()[0] == 3
        new = s.start_attempt(1, TAMU, make_spec(2))
        assert s.attempt(new).device == socket.gethostname()
        assert s.integrity_check() == ["ok"]
    with ResultsStore(path) as s:  # reopening does not migrate again
        assert s.schema_version == SCHEMA_VERSION


def _v4_file(path: Path) -> sqlite3.Connection:
    """An empty database at schema v4 (the frozen v1 copy plus the released v2, v3 and v4
    steps), the schema the v5 step (questions once per session) starts from."""
    conn = _raw(path)
    conn.executescript(V1_SQL)
    for stmt in (*MIGRATIONS[1], *MIGRATIONS[2], *MIGRATIONS[3]):
        assert isinstance(stmt, str)
        conn.execute(stmt)
    conn.execute("PRAGMA user_version = 4")
    return conn


def _scored(spec: AttemptSpec, answers: dict[str, AnswerRecord]) -> AttemptResult:
    from quiz_app.core.quiz import score_attempt

    return score_attempt(spec, answers, 321.0)


def test_migration_v4_to_v5_stores_questions_once(tmp_path: Path):
    """Issue 14: a v4 file (whole spec per attempt) becomes v5 (questions once per session,
    references per attempt); every attempt reads back exactly as before, and the file
    shrinks."""
    path = tmp_path / DB_FILENAME
    conn = _v4_file(path)
    conn.execute(
        "INSERT INTO sessions (id, title, plan_json, date, kind, session_key, code, created_at)"
        " VALUES (1, 'Lama', ?, '2024-05-06', 'pretest', ?, ?, '2024-05-06T01:00:00+00:00')",
        (json.dumps(plan_to_dict(PLAN), separators=(",", ":"), ensure_ascii=False),
         "ab" * 32, session_code("ab" * 32)),
    )
    other_plan = Plan(title="Rencana lain", banks=("netralitas",), seed="lain")
    expected = {}
    for i in range(40):
        spec = make_spec(6, seed=f"s{i}", plan=other_plan if i == 3 else PLAN)
        answers = {aq.id: AnswerRecord(aq.id, frozenset({aq.question.option_keys[i % 2]}),
                                       1.5 + i) for aq in spec.questions[: 4 + i % 3]}
        finished = i % 5 != 4
        result = (RESULT if i == 7 else _scored(spec, answers)) if finished else None
        result_dict = None if result is None else attempt_result_to_dict(result)
        if i == 8 and result_dict is not None:
            # stored before "sebagian benar" was counted: no "partial", counted as wrong
            result_dict["per_question"][1].update(correct=False, answered=True, fraction=0.5,
                                                  points=0.75)
            result_dict["wrong"] += result_dict.pop("partial")
            result = attempt_result_from_dict(json.loads(json.dumps(result_dict)))
            assert result.partial >= 1
        aid = f"{i:032x}"
        conn.execute(
            "INSERT INTO participants (id, session_id, nip, name) VALUES (?, 1, ?, ?)",
            (i + 1, f"1990010120150320{i:02d}", f"Peserta {i}"))
        conn.execute(
            "INSERT INTO attempts (id, session_id, participant_id, seed, spec_json, status,"
            " started_at, finished_at, updated_at, elapsed, current_index, result_json, nilai,"
            " passed, device) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, 60, 1, ?, ?, ?, 'laptop-a')",
            (aid, i + 1, spec.seed, json.dumps(attempt_spec_to_dict(spec)),
             "finished" if finished else "in_progress", f"2024-05-06T01:{i:02d}:00+00:00",
             "2024-05-06T02:00:00+00:00" if finished else None, "2024-05-06T02:00:00+00:00",
             None if result_dict is None else json.dumps(result_dict),
             None if result is None else result.nilai,
             None if result is None else int(result.passed)))
        for a in answers.values():
            conn.execute(
                "INSERT INTO answers (attempt_id, question_id, choice_json, time_taken,"
                " answered_at) VALUES (?, ?, ?, ?, '2024-05-06T01:30:00+00:00')",
                (aid, a.question_id, json.dumps(sorted(a.choice)), a.time_taken))
        expected[aid] = (spec, answers, result)
    conn.close()
    before = path.stat().st_size
    with ResultsStore(path) as s:
        assert s.schema_version == SCHEMA_VERSION
        raw = s._connection()
        # six distinct questions, each stored once for the session
        assert raw.execute("SELECT count(*) FROM session_questions").fetchone()[0] == 6
        for rec in s.attempts(1):
            spec, answers, result = expected[rec.id]
            assert rec.spec == spec
            assert rec.answers == answers
            assert rec.result == result
            assert rec.device == "laptop-a"
        from quiz_app.core.results import load_overview

        listed = {a.id: a for a in load_overview(s, 1).attempts}
        for aid, (_spec, _answers, result) in expected.items():
            if result is not None:  # the list's counts, from columns, match the records
                a = listed[aid]
                assert (a.correct, a.partial, a.wrong, a.unanswered) == (
                    result.correct, result.partial, result.wrong, result.unanswered)
        counts = raw.execute(
            "SELECT correct, wrong, unanswered, duration FROM attempts WHERE id = ?",
            (f"{0:032x}",)).fetchone()
        r0 = expected[f"{0:032x}"][2]
        assert counts == (r0.correct, r0.wrong, r0.unanswered, r0.duration)
        assert len(raw.execute("SELECT spec_json FROM attempts").fetchone()[0]) < 200
        assert s.integrity_check() == ["ok"]
        # the migrated file keeps working: answers to an attempt still in progress
        open_id = f"{4:032x}"
        s.record_answer(open_id, AnswerRecord("q6", frozenset({"S"})))
        with pytest.raises(StoreError, match="bukan bagian"):
            s.record_answer(open_id, AnswerRecord("q7", frozenset({"A"})))
    assert path.stat().st_size < before / 2  # VACUUM gave the space back


def test_failed_v5_migration_leaves_the_v4_file_whole(tmp_path: Path, monkeypatch):
    """The v4 -> v5 step is one transaction: a failure half-way (power cut, full disk)
    leaves the v4 file as it was, and the next open migrates it completely."""
    from quiz_app.core.results import compact

    path = tmp_path / DB_FILENAME
    conn = _v4_file(path)
    conn.execute(
        "INSERT INTO sessions (id, title, plan_json, date, kind, session_key, code, created_at)"
        " VALUES (1, 'Lama', ?, '2024-05-06', 'pretest', ?, ?, '2024-05-06T01:00:00+00:00')",
        (json.dumps(plan_to_dict(PLAN)), "cd" * 32, session_code("cd" * 32)))
    conn.execute("INSERT INTO participants (id, session_id, name) VALUES (1, 1, 'Ani')")
    specs = {f"{i:032x}": make_spec(4, seed=f"s{i}") for i in range(12)}
    for aid, spec in specs.items():
        conn.execute(
            "INSERT INTO attempts (id, session_id, participant_id, seed, spec_json, status,"
            " started_at, updated_at) VALUES (?, 1, 1, ?, ?, 'in_progress', ?, ?)",
            (aid, spec.seed, json.dumps(attempt_spec_to_dict(spec)),
             "2024-05-06T01:00:00+00:00", "2024-05-06T01:00:00+00:00"))
    conn.close()
    real = compact._compact_row
    calls = []

    def failing(*args):
        calls.append(1)
        if len(calls) == 7:
            raise sqlite3.OperationalError("disk I/O error")
        return real(*args)

    monkeypatch.setattr(compact, "_compact_row", failing)
    with pytest.raises(StoreError, match="disk I/O error"):
        ResultsStore(path)
    raw = _raw(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 4
    assert raw.execute("SELECT count(*) FROM sqlite_master WHERE name = 'session_questions'"
                       ).fetchone()[0] == 0
    stored = [json.loads(r[0]) for r in raw.execute("SELECT spec_json FROM attempts")]
    assert len(stored) == 12 and all("questions" in d for d in stored)  # still whole
    raw.close()
    monkeypatch.setattr(compact, "_compact_row", real)
    with ResultsStore(path) as s:
        assert s.schema_version == SCHEMA_VERSION
        assert {a.id: a.spec for a in s.attempts(1)} == specs


def test_questions_stored_once_per_session(store: ResultsStore, session_id: int):
    """Issue 14: every attempt of a session shares the session's question rows; a changed
    question (same id, new text) gets its own row and each attempt keeps its version."""
    spec = make_spec(5)
    a1 = store.start_attempt(session_id, ANI, spec)
    a2 = store.start_attempt(session_id, TAMU, make_spec(5, seed="s2"))
    conn = store._connection()
    assert conn.execute("SELECT count(*) FROM session_questions").fetchone()[0] == 5
    edited = AttemptSpec(spec.seed, spec.plan, (
        AttemptQuestion(
            Question(**{**spec.questions[0].question.__dict__, "text": "Teks baru?"}),
            spec.questions[0].option_order, 30),
        *spec.questions[1:],
    ))
    a3 = store.start_attempt(session_id, TAMU, edited)
    assert conn.execute("SELECT count(*) FROM session_questions").fetchone()[0] == 6
    assert store.attempt(a1).spec == spec
    assert store.attempt(a2).spec == make_spec(5, seed="s2")
    assert store.attempt(a3).spec == edited
    with ResultsStore(store.path) as fresh:  # a new connection decodes the same
        assert fresh.attempt(a3).spec == edited


def test_compact_scores_keep_every_field(store: ResultsStore, session_id: int):
    """Issue 14: scores are stored as one-letter codes where they can be; partial credit,
    speed points and hall questions that did not count (excluded) read back exactly."""
    from quiz_app.core.quiz import Excluded

    spec = make_spec(5)
    ids = [aq.id for aq in spec.questions]
    per = (
        QuestionScore(ids[0], "netralitas", 1.5, 1.5, True, True, 1.0),  # "c"
        QuestionScore(ids[1], "netralitas", 0.0, 1.5, False, True, 0.0),  # "w"
        QuestionScore(ids[2], "netralitas", 0.0, 1.5, None, False, 0.0),  # "u"
        QuestionScore(ids[3], "netralitas", 0.75, 1.5, False, True, 0.5),  # partial
        QuestionScore(ids[4], "netralitas", 0.0, 1.5, None, False, 0.0, Excluded.SKIPPED),
    )
    result = AttemptResult(2.25, 6.0, 37.5, {"netralitas": 37.5}, 1, 1, 1, 54.0, False, per,
                           partial=1)
    aid = store.start_attempt(session_id, ANI, spec)
    store.finish_attempt(aid, result, 54.0)
    stored = store._connection().execute(
        "SELECT result_json FROM attempts WHERE id = ?", (aid,)).fetchone()[0]
    assert '"pq":["c","w","u",' in stored  # compact where it can be
    with ResultsStore(store.path) as fresh:
        assert fresh.attempt(aid).result == result


def test_start_attempt_rollback_leaves_no_dangling_question(store: ResultsStore,
                                                            session_id: int):
    """A question row written by a rolled-back start is not reused by a later one."""
    closed = store.create_session("Tutup", PLAN)
    store.close_session(closed.id)
    with pytest.raises(StoreError):
        store.start_attempt(closed.id, ANI, make_spec(3))
    aid = store.start_attempt(session_id, ANI, make_spec(3))
    assert store.attempt(aid).spec == make_spec(3)


def test_newer_database_refused_untouched(tmp_path: Path):
    path = tmp_path / DB_FILENAME
    ResultsStore(path).close()
    conn = _raw(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="versi Kuis ASN yang lebih baru") as info:
        ResultsStore(path)
    assert f"v{SCHEMA_VERSION + 1}" in str(info.value)
    assert "Perbarui aplikasi" in str(info.value)
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "content",
    [b"ini bukan basis data, hanya teks biasa\n" * 50, os.urandom(8192), b"SQLite format 3"],
)
def test_non_sqlite_file_raises(tmp_path: Path, content: bytes):
    path = tmp_path / DB_FILENAME
    path.write_bytes(content)
    with pytest.raises(StoreError, match="bukan basis data SQLite yang valid atau sudah rusak"):
        ResultsStore(path)
    assert path.read_bytes() == content


def test_corrupt_pages_raise(tmp_path: Path):
    path = tmp_path / DB_FILENAME
    with ResultsStore(path) as s:
        sid = s.create_session("Netralitas", PLAN).id
        for _ in range(30):
            aid = s.start_attempt(sid, ANI, make_spec(8))
            s.record_answer(aid, AnswerRecord("q1", frozenset({"A"})))
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 6 * page
    for p in range(1, len(data) // page):  # keep the header page, trash every other page
        if p % 2:
            data[p * page : (p + 1) * page] = b"\xa5" * page
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="rusak"):
        ResultsStore(path)


def test_other_sqlite_database_refused(tmp_path: Path):
    path = tmp_path / "lain.sqlite3"
    conn = _raw(path)
    conn.execute("CREATE TABLE sessions (x)")
    conn.close()
    with pytest.raises(StoreError, match="bukan basis data hasil Kuis ASN"):
        ResultsStore(path)
    conn = _raw(path)
    conn.execute("PRAGMA application_id = 12345")
    conn.execute("DROP TABLE sessions")
    conn.close()
    with pytest.raises(StoreError, match="bukan basis data hasil Kuis ASN"):
        ResultsStore(path)


def test_empty_file_becomes_new_database(tmp_path: Path):
    path = tmp_path / DB_FILENAME
    path.write_bytes(b"")
    with ResultsStore(path) as s:
        assert s.schema_version == SCHEMA_VERSION
