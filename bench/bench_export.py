"""Results benchmarks at the scale of a regency (issues 7 and 14), called from
``bench/extra.py``.

Data: one session of 10,000 finished attempts x 50 questions drawn from a 200-question
bank, built through the store with a seed per attempt, as real sessions make it
(``results_data.py``: each attempt its own draw, question and option order, participant,
answers and clock times). Every figure reads that database.

* ``export``: the detail CSV (500,000 rows, ``id`` dialect, atomic write with fsync) with
  ``export_session`` from the store, against a bare reader-writer of the same rows from the
  same database: the attempt and answer rows fetched with plain SQL and their JSON decoded,
  then the finished rows written by a bare ``csv.writer`` (UTF-8 with BOM). Target 1.5.
* ``export_summary``: the summary CSV (10,000 rows) from the store, against the same bare
  read plus a bare writer of its rows. No target.
* ``export_xlsx``: the XLSX export from the store (the detail beside it as CSV above
  100,000 answers); the baseline is the 10 s goal. Target 1.0.
* ``load_results``: ``load_results`` of the session, against the bare SQL + JSON read of
  the same rows. Target 2.0.
* ``db_size``: the database's size in MiB against the same attempts stored the v2 way
  (whole spec per attempt; the file written here with the v2 schema). Target 0.1.
"""

from __future__ import annotations

import csv
import json
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

PARTICIPANTS = 10_000
XLSX_GOAL_S = 10.0
KEYS = ("export", "export_summary", "export_xlsx", "load_results", "db_size")


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def bare_read(db: Path, session_id: int) -> None:
    """Every attempt and answer row of the session, with its JSON decoded."""
    conn = sqlite3.connect(db)
    try:
        for row in conn.execute(
            "SELECT a.*, p.* FROM attempts a JOIN participants p ON p.id = a.participant_id"
            " WHERE a.session_id = ?", (session_id,)
        ):
            json.loads(row[4])
            if row[12] is not None:
                json.loads(row[12])
        for answer in conn.execute(
            "SELECT a.id, w.question_id, w.choice_json, w.time_taken, w.flagged"
            " FROM attempts a JOIN answers w ON w.attempt_key = a.attempt_key"
            " WHERE a.session_id = ?",
            (session_id,),
        ):
            json.loads(answer[2])
    finally:
        conn.close()


def _bare_write(path: Path, rows: list[list[object]]) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows(rows)


def write_v2_copy(store, session_id: int, out: Path) -> None:  # noqa: ANN001
    """The same session stored the v2 way (spec and result JSON whole, per attempt)."""
    from quiz_app.core.results import MIGRATIONS, attempt_result_to_dict, attempt_spec_to_dict
    from quiz_app.core.results.session_results import load_results

    results = load_results(store, session_id)
    conn = sqlite3.connect(out, isolation_level=None)
    for statement in (*MIGRATIONS[0], *MIGRATIONS[1]):  # the released v1 and v2 steps
        assert isinstance(statement, str)
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 2")
    conn.execute("BEGIN")
    s = results.session
    conn.execute(
        "INSERT INTO sessions (id, title, plan_json, date, kind, session_key, code,"
        " created_at) VALUES (?, ?, '{}', ?, ?, ?, ?, ?)",
        (s.id, s.title, s.date, str(s.kind), s.key, s.code, s.created_at))
    dumps = json.dumps
    for i, rec in enumerate(results.attempts, start=1):
        p = rec.participant
        conn.execute("INSERT INTO participants (id, session_id, nip, name, position, unit,"
                     " rank) VALUES (?, ?, ?, ?, ?, ?, ?)",
                     (i, s.id, p.nip, p.name, p.position, p.unit, p.rank))
        assert rec.result is not None
        conn.execute(
            "INSERT INTO attempts (id, session_id, participant_id, seed, spec_json, status,"
            " started_at, finished_at, updated_at, elapsed, current_index, result_json,"
            " nilai, passed, device) VALUES (?, ?, ?, ?, ?, 'finished', ?, ?, ?, ?, ?, ?, ?,"
            " ?, ?)",
            (rec.id, s.id, i, rec.seed,
             dumps(attempt_spec_to_dict(rec.spec), ensure_ascii=False, separators=(",", ":")),
             rec.started_at, rec.finished_at, rec.updated_at, rec.elapsed, rec.current_index,
             dumps(attempt_result_to_dict(rec.result), ensure_ascii=False,
                   separators=(",", ":")),
             rec.result.nilai, int(rec.result.passed), rec.device))
        conn.executemany(
            "INSERT INTO answers (attempt_id, question_id, choice_json, time_taken, flagged,"
            " answered_at) VALUES (?, ?, ?, ?, ?, ?)",
            [(rec.id, a.question_id, dumps(sorted(a.choice)), a.time_taken, int(a.flagged),
              rec.finished_at) for a in rec.answers.values()])
    conn.execute("COMMIT")
    conn.execute("VACUUM")
    conn.close()


def run(results: dict[str, dict[str, float]], targets: dict[str, float], tmpdir: Path,
        runs: int, want: Callable[[str], bool],
        paired: Callable[[Callable[[], float], Callable[[], float], int], dict[str, float]]
        ) -> None:
    if not any(want(k) for k in KEYS):
        return
    from results_data import build_store

    from quiz_app.core.results import (
        ResultsStore,
        detail_table,
        export_session,
        load_results,
        summary_table,
    )

    folder = tmpdir / "regency"
    sid = build_store(folder, PARTICIPANTS)
    db = folder / "results.sqlite3"

    def store() -> ResultsStore:
        return ResultsStore.open_in(folder, check=False)

    with store() as s:
        loaded = load_results(s, sid)
        detail_rows = [list(r) for r in detail_table(loaded, "id").rows]
        summary_rows = [list(r) for r in summary_table(loaded).rows]
        del loaded
    if want("export"):
        def ours() -> float:
            with store() as s:
                return _timed(lambda: export_session(s, sid, tmpdir / "rinci.csv",
                                                     fmt="csv", detail=True))

        results["export"] = paired(ours, lambda: _timed(lambda: (
            bare_read(db, sid), _bare_write(tmpdir / "bare-rinci.csv", detail_rows))), runs)
        targets["export"] = 1.5
    if want("export_summary"):
        def ours_summary() -> float:
            with store() as s:
                return _timed(lambda: export_session(s, sid, tmpdir / "ringkasan.csv"))

        results["export_summary"] = paired(ours_summary, lambda: _timed(lambda: (
            bare_read(db, sid), _bare_write(tmpdir / "bare-ringkasan.csv", summary_rows))),
            runs)
    detail_rows.clear()  # free the memory before the next figures
    summary_rows.clear()
    if want("load_results"):
        def ours_load() -> float:
            with store() as s:
                return _timed(lambda: load_results(s, sid))

        results["load_results"] = paired(ours_load, lambda: _timed(lambda: bare_read(db, sid)),
                                         runs)
        targets["load_results"] = 2.0
    if want("export_xlsx"):
        with store() as s:
            took = _timed(lambda: export_session(s, sid, tmpdir / "hasil.xlsx", fmt="xlsx"))
        results["export_xlsx"] = {"ours_s": round(took, 3), "baseline_s": XLSX_GOAL_S,
                                  "ratio": round(took / XLSX_GOAL_S, 3)}
        targets["export_xlsx"] = 1.0
    if want("db_size"):
        v2 = tmpdir / "v2.sqlite3"
        with store() as s:
            write_v2_copy(s, sid, v2)
        ours_mib = db.stat().st_size / 2**20
        v2_mib = v2.stat().st_size / 2**20
        results["db_size"] = {"ours_s": round(ours_mib, 1), "baseline_s": round(v2_mib, 1),
                              "ratio": round(ours_mib / v2_mib, 3), "unit": "MiB"}
        targets["db_size"] = 0.1
        v2.unlink()
