"""Decoding stored attempts in one pass, sharing every object that repeats.

Ten thousand attempts of fifty questions hold half a million answers and scores but only
a few thousand distinct question-with-option-order pairs and a few hundred distinct
scores: the decoder builds each of those once (per load) and hands out the same object.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..model import Participant, Plan, Question
from ..quiz import AnswerRecord, AttemptQuestion, AttemptResult, AttemptSpec, QuestionScore
from .compact import COMPACT_VERSION, SCORE_CODES, spec_entries
from .serialize import attempt_result_from_dict, attempt_spec_from_dict, plan_from_dict

__all__ = ["AttemptDecoder"]


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
            if d.get("v") != COMPACT_VERSION:
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
                    row = (mx if entry == "c" else 0.0, mx, correct, answered, fraction)
                else:
                    row = tuple(entry)
                s = scores[key] = QuestionScore(q.id, q.category, *row)
            per.append(s)
        return AttemptResult(
            raw_points=d["raw_points"],
            max_points=d["max_points"],
            nilai=d["nilai"],
            nilai_per_category=dict(d["nilai_per_category"]),
            correct=d["correct"],
            wrong=d["wrong"],
            unanswered=d["unanswered"],
            duration=d["duration"],
            passed=d["passed"],
            per_question=tuple(per),
        )

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
