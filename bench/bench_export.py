"""Export benchmarks (issue 7), called from ``bench/extra.py``.

Data: 10,000 finished attempts x 50 questions drawn from a 200-question bank (the
``gen_bank`` questions, long realistic texts), built in memory the way the store returns
them: each attempt has its own participant and answers (its own raw clock times), specs
and scores are shared between attempts with the same draw and choices (64 draws x 4
answer patterns), which changes nothing for the export.

* ``export``: the detail CSV (500,000 rows, ``id`` dialect, atomic write with fsync) from
  loaded results, against a bare ``csv.writer`` writing the same rows (already built, as
  Python values) to a UTF-8-with-BOM file. Target 1.5.
* ``export_summary``: the summary CSV (10,000 rows) against a bare writer of its rows.
* ``export_xlsx``: the XLSX workbook (Ringkasan + Detail + Analisis Soal) against the
  same bare CSV baseline as ``export``; one run each (it is slow). No target.
* ``export_load``: reading a 1,000 x 50 session back from a real store (filled with one
  bulk-insert transaction) with ``load_results``, against fetching the same rows with
  plain SQL. No target: it shows the cost of decoding the per-attempt spec snapshots.
"""

from __future__ import annotations

import csv
import random
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PARTICIPANTS = 10_000
QUESTIONS = 50


def _build(tmpdir: Path, n: int):  # -> (session, attempts, plan)
    from gen_bank import write_bank

    from quiz_app.core.banks import load_bank
    from quiz_app.core.model import DrawRule, Participant, Plan
    from quiz_app.core.quiz import AnswerRecord, build_attempt, score_attempt
    from quiz_app.core.results import AttemptRecord, AttemptStatus

    path = tmpdir / "export-bank.yaml"
    write_bank(path, 200)
    bank = load_bank(path)
    plan = Plan(title="Bench ekspor", banks=(bank.id,), draw=(DrawRule(QUESTIONS, bank=bank.id),))
    rng = random.Random(7)
    combos = []
    for d in range(64):
        spec = build_attempt(plan, [bank], f"draw-{d}")
        for skill in (0.4, 0.6, 0.8, 0.95):
            choices = {}
            for aq in spec.questions:
                q = aq.question
                if rng.random() < 0.03:
                    choices[aq.id] = frozenset()
                elif rng.random() < skill:
                    choices[aq.id] = q.answer
                else:
                    choices[aq.id] = frozenset([rng.choice(q.option_keys)])
            answers = {k: AnswerRecord(k, c, 10.0) for k, c in choices.items()}
            combos.append((spec, choices, score_attempt(spec, answers, 900.0)))
    attempts = []
    for i in range(n):
        spec, choices, result = combos[i % len(combos)]
        answers = {k: AnswerRecord(k, c, rng.uniform(1.5, 29.5)) for k, c in choices.items()}
        birth = f"19{70 + i % 30:02d}{1 + i % 12:02d}{1 + i % 28:02d}"
        nip = f"{birth}{2000 + i % 20}{1 + i % 12:02d}{1 + i % 2}{i % 999 + 1:03d}"
        person = Participant(f"Peserta Nomor {i}", nip, "Analis SDM Aparatur", f"Unit {i % 40}",
                             "III/a")
        attempts.append(AttemptRecord(
            f"{i:032x}", 1, 0, person, spec.seed, spec, AttemptStatus.FINISHED,
            "2025-03-04T01:00:00+00:00", "2025-03-04T01:20:00+00:00",
            "2025-03-04T01:20:00+00:00", 900.0, QUESTIONS - 1, {}, answers, result, "bench"))
    return plan, attempts


def _results(plan, attempts):  # -> SessionResults
    from quiz_app.core.model import TestKind
    from quiz_app.core.results import (
        SessionRecord,
        SessionResults,
        SessionStatus,
        resolve_categories,
    )

    session = SessionRecord(1, "Bench ekspor", plan, "Aula", "", "2025-03-04", TestKind.TEST,
                            "0" * 64, "0000-0000", "", None, None, None, SessionStatus.OPEN)
    return SessionResults(session, tuple(attempts), (), resolve_categories(session, attempts[:50]))


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _bare_csv(path: Path, rows: list[list[object]]) -> Callable[[], float]:
    def run() -> float:
        def write() -> None:
            with open(path, "w", encoding="utf-8-sig", newline="") as fh:
                csv.writer(fh, delimiter=";").writerows(rows)

        return _timed(write)

    return run


def run(results: dict[str, dict[str, float]], targets: dict[str, float], tmpdir: Path,
        runs: int, want: Callable[[str], bool],
        paired: Callable[[Callable[[], float], Callable[[], float], int], dict[str, float]]
        ) -> None:
    keys = ("export", "export_summary", "export_xlsx", "export_load")
    if not any(want(k) for k in keys):
        return
    from quiz_app.core.results import detail_table, summary_table, write_results

    if any(want(k) for k in keys[:3]):
        plan, attempts = _build(tmpdir, PARTICIPANTS)
        res = _results(plan, attempts)
        detail_rows = [list(r) for r in detail_table(res).rows]
        assert len(detail_rows) == PARTICIPANTS * QUESTIONS
        bare_detail = _bare_csv(tmpdir / "bare-detail.csv", detail_rows)
        if want("export"):
            results["export"] = paired(
                lambda: _timed(lambda: write_results(res, tmpdir / "detail.csv", fmt="csv",
                                                     detail=True)),
                bare_detail, runs)
            targets["export"] = 1.5
        if want("export_summary"):
            summary_rows = [list(r) for r in summary_table(res).rows]
            results["export_summary"] = paired(
                lambda: _timed(lambda: write_results(res, tmpdir / "summary.csv", fmt="csv")),
                _bare_csv(tmpdir / "bare-summary.csv", summary_rows), runs)
        if want("export_xlsx"):
            ours = _timed(lambda: write_results(res, tmpdir / "hasil.xlsx", fmt="xlsx"))
            base = bare_detail()
            results["export_xlsx"] = {"ours_s": round(ours, 4), "baseline_s": round(base, 4),
                                      "ratio": round(ours / base, 3)}
        del detail_rows, res, attempts
    if want("export_load"):
        results["export_load"] = _load_figure(tmpdir, runs, paired)


def _load_figure(tmpdir: Path, runs: int, paired) -> dict[str, float]:
    from quiz_app.core.results import ResultsStore, import_attempts, load_results

    plan, attempts = _build(tmpdir, 1_000)
    folder = tmpdir / "export-store"
    with ResultsStore.open_in(folder) as store:
        sid = store.create_session("Bench ekspor", plan, date="2025-03-04").id
        import_attempts(store, sid, attempts)  # one transaction
    db = folder / "results.sqlite3"

    def ours() -> float:
        with ResultsStore.open_in(folder, check=False) as store:
            return _timed(lambda: load_results(store, sid))

    def base() -> float:
        conn = sqlite3.connect(db)
        try:
            return _timed(lambda: (
                conn.execute("SELECT a.*, p.* FROM attempts a JOIN participants p"
                             " ON p.id = a.participant_id WHERE a.session_id = ?",
                             (sid,)).fetchall(),
                conn.execute("SELECT * FROM answers").fetchall()))
        finally:
            conn.close()

    return paired(ours, base, max(1, runs // 2))
