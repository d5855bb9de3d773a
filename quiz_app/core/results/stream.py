"""The detail export streamed from the store: one row per question of every finished
attempt, formatted for CSV, straight from the stored columns (compact documents, schema v5), with
no AttemptRecord built. Row for row the same as ``detail_table(load_results(...), dialect)``
(``tests/core/results/test_export.py`` holds them side by side).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import ExportError, StoreError
from ..model import Category, Question, QuestionType
from ..quiz import Excluded
from .compact import COMPACT_FORMAT, spec_entries
from .serialize import question_from_dict
from .session_results import categories_titled
from .store import ResultsStore
from .tables import (
    _DIALECT,
    DETAIL_COLUMNS,
    EXCLUDED_TEXT,
    NO,
    PARTLY,
    SHEET_DETAIL,
    YES,
    Dialect,
    Table,
    _csv_formatters,
    _keys_label,
)

__all__ = ["NotCompact", "stream_detail_table"]


class NotCompact(Exception):
    """An attempt still in the v1 form (never after migration): use the record path."""


# finished, valid attempts (a voided one is left out of the detail, as in the item analysis)
_FINISHED = ("a.session_id = ? AND a.status = 'finished' AND a.result_json IS NOT NULL"
             " AND a.voided_at IS NULL")


def _scores(result: dict[str, Any],
            questions: Sequence[Question]) -> list[tuple[Any, Any, Any, Any]]:
    """``(points, correct, fraction, excluded)`` per question, compact or full result."""
    pq = result.get("pq")
    if pq is None:
        return [(s["points"], s["correct"], s["fraction"], s.get("excluded"))
                for s in result["per_question"]]
    out: list[tuple[Any, Any, Any, Any]] = []
    for entry, q in zip(pq, questions, strict=False):
        if entry == "c":
            out.append((float(q.points), True, 1.0, None))
        elif entry == "w":
            out.append((0.0, False, 0.0, None))
        elif entry == "u":
            out.append((0.0, None, 0.0, None))
        else:
            out.append((entry[0], entry[2], entry[4], entry[5] if len(entry) == 6 else None))
    if len(pq) != len(questions):
        out.append((None, None, None, None))  # a length mismatch: reported by the caller
    return out


def stream_detail_table(store: ResultsStore, session_id: int, dialect: Dialect | str,
                        categories: Sequence[Category] | None = None,
                        bank_dirs: Sequence[Path] = ()) -> Table:
    """The detail table of a session's finished attempts, as finished CSV strings.

    Raises :class:`NotCompact` (before yielding anything) when an attempt is not in the
    compact form."""
    session = store.session(session_id)
    conn = store._connection()
    try:
        refs = {int(r): (qid, qj) for r, qid, qj in conn.execute(
            "SELECT id, question_id, question_json FROM session_questions WHERE session_id = ?",
            (session_id,))}
        count_row = conn.execute(
            f"SELECT count(*), sum(a.spec_json NOT LIKE '{{\"v\":{COMPACT_FORMAT},%')"
            f" FROM attempts a WHERE {_FINISHED}", (session_id,)).fetchone()
    except sqlite3.Error as exc:
        raise StoreError(f"Gagal membaca basis data hasil: {exc}.", store.path) from exc
    if count_row[1]:
        raise NotCompact(session_id)
    questions = {ref: question_from_dict(json.loads(qj)) for ref, (_, qj) in refs.items()}
    if categories is None:
        categories = categories_titled(session, {q.category for q in questions.values()},
                                       bank_dirs)
    titles = {c.id: c.title for c in categories}
    decimal = _DIALECT[Dialect(dialect)][1]
    fmts = _csv_formatters(DETAIL_COLUMNS, decimal)
    nip_f, text_f, number_f = fmts[0], fmts[1], fmts[7]
    # per question row id: (id, category title, key label, choice labels, type, poll?)
    static: dict[int, tuple[str, str, str, dict[str, str], QuestionType, bool]] = {}
    for ref, q in questions.items():
        static[ref] = (text_f(q.id), text_f(titles.get(q.category, q.category)),
                       _keys_label(q.type, q.answer), {}, q.type, q.type is QuestionType.POLL)
    count = 0
    for n_questions in conn.execute(
        f"SELECT json_array_length(a.spec_json, '$.q') FROM attempts a WHERE {_FINISHED}",
        (session_id,),
    ):
        count += int(n_questions[0] or 0)
    return Table(SHEET_DETAIL, DETAIL_COLUMNS,
                 _rows(store, session_id, questions, static, nip_f, text_f, number_f),
                 count, formatted=True)


def _rows(store: ResultsStore, session_id: int, questions: dict[int, Question],
          static: dict[int, tuple[str, str, str, dict[str, str], QuestionType, bool]],
          nip_f: Callable[[Any], str], text_f: Callable[[Any], str],
          number_f: Callable[[Any], str]) -> Iterator[tuple[str, ...]]:
    conn = store._connection()
    points: dict[Any, str] = {}
    times: dict[int, str] = {0: number_f(0.0)}
    yes, no, partly = YES, NO, PARTLY
    answers_sql = ("SELECT question_id, choice_json, time_taken FROM answers"
                   " WHERE attempt_key = ?")
    try:
        attempts = conn.execute(
            "SELECT a.id, a.spec_json, a.result_json, p.nip, p.name, a.attempt_key"
            f" FROM attempts a JOIN participants p ON p.id = a.participant_id WHERE {_FINISHED}"
            " ORDER BY a.started_at, a.id", (session_id,))
        for attempt_id, spec_json, result_json, nip, name, attempt_key in attempts:
            entries = spec_entries(json.loads(spec_json))
            qs = [questions[e[0]] for e in entries]
            scores = _scores(json.loads(result_json), qs)
            if len(scores) != len(entries):
                raise ExportError(f"Hasil pengerjaan {attempt_id} tidak cocok dengan soalnya.")
            given = {qid: (choice, t) for qid, choice, t in
                     conn.execute(answers_sql, (attempt_key,))}
            who_nip, who_name = nip_f(nip or None), text_f(name)
            for (ref, _, _), q, (pts_value, correct, fraction, excluded) in zip(
                    entries, qs, scores, strict=True):
                st = static[ref]
                a = given.get(q.id)
                if a is None:
                    choice, tf = "", times[0]
                else:
                    choice_json, taken = a
                    choice = st[3].get(choice_json)
                    if choice is None:
                        keys = json.loads(choice_json)
                        choice = st[3][choice_json] = _keys_label(st[4], keys) if keys else ""
                    t = int(taken * 10 + 0.5)
                    tf = times.get(t)
                    if tf is None:
                        tf = times[t] = number_f(t / 10)
                pts = points.get(pts_value)
                if pts is None:
                    pts = points[pts_value] = number_f(pts_value)
                if excluded is not None:  # a hall question skipped or never shown
                    mark = EXCLUDED_TEXT[Excluded(excluded)]
                else:
                    mark = "" if st[5] else yes if correct else partly if fraction > 0 else no
                yield (who_nip, who_name, st[0], st[1], choice, st[2], mark, pts, tf)
    except sqlite3.Error as exc:
        raise StoreError(f"Gagal membaca basis data hasil: {exc}.", store.path) from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise StoreError(f"Data pengerjaan rusak: {exc}.", store.path) from exc
