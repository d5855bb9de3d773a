"""Decoding stored attempts in one pass, sharing every object that repeats.

Ten thousand attempts of fifty questions hold half a million answers and scores but only
a few thousand distinct question-with-option-order pairs and a few hundred distinct
scores: the decoder builds each of those once (per load) and hands out the same object.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import StoreError
from ..gcpause import paused_gc
from ..model import Participant, Plan, Question
from ..quiz import (
    AnswerRecord,
    AttemptQuestion,
    AttemptResult,
    AttemptSpec,
    Excluded,
    QuestionScore,
)
from .compact import COMPACT_FORMAT, SCORE_CODES, legacy_partial, spec_entries
from .records import _ATTEMPT_QUERY, AttemptRecord, AttemptStatus
from .serialize import (
    attempt_result_from_dict,
    attempt_result_with_scores,
    attempt_spec_from_dict,
    plan_from_dict,
    question_from_dict,
)

if TYPE_CHECKING:
    from .store import ResultsStore

__all__ = ["AttemptDecoder", "load_attempts"]


class AttemptDecoder:
    """``questions``: ``session_questions.id`` -> Question (shared with the store's cache);
    ``session_plans``: session id -> its ``plan_json``; ``plans``: plan_json -> Plan."""

    def __init__(self, path: Path, questions: Mapping[int, Question],
                 session_plans: Mapping[int, str], plans: dict[str, Plan]) -> None:
        self.path = path
        self.questions = questions
        self.session_plans = session_plans
        self.plans = plans
        self._aq: dict[tuple[int, tuple[str, ...], int], AttemptQuestion] = {}
        self._scores: dict[tuple[Any, ...], QuestionScore] = {}
        self._choices: dict[str, frozenset[str]] = {}
        self._people: dict[tuple[Any, ...], Participant] = {}

    def plan(self, plan_json: str) -> Plan:
        plan = self.plans.get(plan_json)
        if plan is None:
            plan = self.plans[plan_json] = plan_from_dict(json.loads(plan_json))
        return plan

    def spec(self, attempt_id: str, session_id: int, spec_json: str) -> AttemptSpec:
        try:
            d = json.loads(spec_json)
            if d.get("v") != COMPACT_FORMAT:
                return attempt_spec_from_dict(d)
            if d["plan"] is None:
                plan = self.plan(self.session_plans[session_id])
            else:
                plan = plan_from_dict(d["plan"])
            aqs = self._aq
            questions = self.questions
            out = []
            for key in spec_entries(d):
                aq = aqs.get(key)
                if aq is None:
                    aq = aqs[key] = AttemptQuestion(questions[key[0]], key[1], key[2])
                out.append(aq)
            return AttemptSpec(seed=d["seed"], plan=plan, questions=tuple(out))
        except (ValueError, KeyError, TypeError) as exc:
            raise StoreError(f"Data soal pengerjaan {attempt_id} rusak: {exc}.", self.path) from exc

    def result(self, result_json: str | None, spec: AttemptSpec) -> AttemptResult | None:
        if result_json is None:
            return None
        d = json.loads(result_json)
        pq = d.get("pq")
        if pq is None:
            return attempt_result_from_dict(d)
        if len(pq) != len(spec.questions):
            raise ValueError("jumlah skor soal tidak cocok dengan jumlah soal")
        scores = self._scores
        per = []
        for aq, entry in zip(spec.questions, pq, strict=True):
            q = aq.question
            key = (q.id, q.category, entry if isinstance(entry, str) else tuple(entry))
            s = scores.get(key)
            if s is None:
                if isinstance(entry, str):
                    correct, answered, fraction = SCORE_CODES[entry]
                    mx = float(q.points)
                    s = QuestionScore(q.id, q.category, mx if entry == "c" else 0.0, mx,
                                      correct, answered, fraction)
                elif len(entry) == 6:  # excluded: skipped or never shown (hall)
                    s = QuestionScore(q.id, q.category, *entry[:5], Excluded(entry[5]))
                else:
                    s = QuestionScore(q.id, q.category, *entry)
                scores[key] = s
            per.append(s)
        return attempt_result_with_scores(d, tuple(per), lambda: legacy_partial(d))

    def answers(self, rows: Iterable[Sequence[Any]]) -> dict[str, dict[str, AnswerRecord]]:
        """``(attempt_id, question_id, choice_json, time_taken, flagged)`` rows, grouped."""
        out: dict[str, dict[str, AnswerRecord]] = {}
        choices = self._choices
        current_id: str | None = None
        current: dict[str, AnswerRecord] = {}
        for attempt_id, question_id, choice_json, time_taken, flagged in rows:
            if attempt_id != current_id:
                current = out.setdefault(attempt_id, {})
                current_id = attempt_id
            choice = choices.get(choice_json)
            if choice is None:
                choice = choices[choice_json] = frozenset(json.loads(choice_json))
            current[question_id] = AnswerRecord(question_id, choice, float(time_taken),
                                                bool(flagged))
        return out

    def participant(self, nip: str | None, name: str, position: str, unit: str, rank: str,
                    extra_json: str) -> Participant:
        key = (nip, name, position, unit, rank, extra_json)
        p = self._people.get(key)
        if p is None:
            extra = tuple((k, v) for k, v in json.loads(extra_json))
            p = self._people[key] = Participant(name=name, nip=nip, position=position,
                                                unit=unit, rank=rank, extra=extra)
        return p


def _session_context(store: ResultsStore, conn: sqlite3.Connection, where: str,
                     params: Sequence[Any]) -> dict[int, str]:
    """Plans of the sessions the attempts belong to; questions not cached yet."""
    sessions = f"SELECT DISTINCT a.session_id FROM attempts a WHERE {where}"
    plans = {int(sid): pj for sid, pj in conn.execute(
        f"SELECT id, plan_json FROM sessions WHERE id IN ({sessions})", params)}
    known = store._questions
    for ref, question_json in conn.execute(
        f"SELECT id, question_json FROM session_questions WHERE session_id IN ({sessions})",
        params,
    ):
        if ref not in known:
            try:
                known[ref] = question_from_dict(json.loads(question_json))
            except (ValueError, KeyError, TypeError) as exc:
                raise StoreError(f"Data soal {ref} rusak: {exc}.", store.path) from exc
    return plans


def load_attempts(store: ResultsStore, where: str,
                  params: Sequence[Any]) -> list[AttemptRecord]:
    """Attempts matching ``where`` (SQL over ``attempts a``), decoded in one pass, with
    the collector paused and the rows consumed from the cursor (not fetchall), so their
    tuples are freed as we go instead of in one long deallocation at the end."""
    out: list[AttemptRecord] = []
    with paused_gc(), store._snapshot() as conn:
        plans = _session_context(store, conn, where, params)
        decoder = AttemptDecoder(store.path, store._questions, plans, store._plans)
        try:
            answers = decoder.answers(conn.execute(
                "SELECT a.id, w.question_id, w.choice_json, w.time_taken, w.flagged"
                " FROM attempts a JOIN answers w ON w.attempt_key = a.attempt_key"
                f" WHERE {where}", params))
            for row in conn.execute(
                f"{_ATTEMPT_QUERY} WHERE {where} ORDER BY a.started_at, a.id", params
            ):
                spec = decoder.spec(row[0], row[1], row[4])
                if row[0] not in store._spec_keys and row[5] == AttemptStatus.IN_PROGRESS:
                    store._remember_spec(row[0], spec)
                out.append(
                    AttemptRecord(
                        id=row[0],
                        session_id=row[1],
                        participant_id=row[2],
                        participant=decoder.participant(*row[14:20]),
                        seed=row[3],
                        spec=spec,
                        status=AttemptStatus(row[5]),
                        started_at=row[6],
                        finished_at=row[7],
                        updated_at=row[8],
                        elapsed=float(row[9]),
                        current_index=int(row[10]),
                        question_time_used={
                            str(k): float(v) for k, v in json.loads(row[13]).items()
                        },
                        answers=answers.get(row[0], {}),
                        result=decoder.result(row[11], spec),
                        device=row[12],
                        void_reason=row[20] or "",
                        voided_at=row[21],
                    )
                )
        except (ValueError, KeyError, TypeError) as exc:
            raise StoreError(f"Data pengerjaan rusak: {exc}.", store.path) from exc
    return out
