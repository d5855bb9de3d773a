"""Plain-data (JSON-safe) forms of the model, for the bank cache and the results store.

Never pickle: these dicts are all str/int/float/bool/list/None.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ..model import (
    Bank,
    Category,
    Difficulty,
    DrawRule,
    MultipleScoring,
    Navigation,
    Option,
    Order,
    Participant,
    Plan,
    Question,
    QuestionType,
    Review,
    Scoring,
    TestKind,
)
from ..quiz import (
    AnswerRecord,
    AttemptQuestion,
    AttemptResult,
    AttemptSpec,
    Excluded,
    QuestionScore,
)


def question_to_dict(q: Question) -> dict[str, Any]:
    return {
        "id": q.id,
        "category": q.category,
        "type": q.type.value,
        "text": q.text,
        "options": [[o.key, o.text] for o in q.options],
        "answer": sorted(q.answer),
        "explanation": q.explanation,
        "reference": q.reference,
        "difficulty": q.difficulty.value if q.difficulty else None,
        "points": q.points,
        "time_limit": q.time_limit,
        "shuffle": q.shuffle,
        "image": str(q.image) if q.image else None,
        "tags": list(q.tags),
        "line": q.line,
    }


def question_from_dict(d: dict[str, Any]) -> Question:
    return Question(
        id=d["id"],
        category=d["category"],
        type=QuestionType(d["type"]),
        text=d["text"],
        options=tuple(map(Option._make, d["options"])),
        answer=frozenset(d["answer"]),
        explanation=d["explanation"],
        reference=d["reference"],
        difficulty=Difficulty(d["difficulty"]) if d["difficulty"] else None,
        points=d["points"],
        time_limit=d["time_limit"],
        shuffle=d["shuffle"],
        image=Path(d["image"]) if d["image"] else None,
        tags=tuple(d["tags"]),
        line=d["line"],
    )


def bank_to_dict(b: Bank) -> dict[str, Any]:
    return {
        "format": b.format,
        "id": b.id,
        "title": b.title,
        "language": b.language,
        "version": b.version,
        "description": b.description,
        "path": str(b.path) if b.path else None,
        "categories": [[c.id, c.title, c.description] for c in b.categories],
        "questions": [question_to_dict(q) for q in b.questions],
    }


def bank_from_dict(d: dict[str, Any]) -> Bank:
    return Bank(
        id=d["id"],
        title=d["title"],
        categories=tuple(Category(*c) for c in d["categories"]),
        questions=tuple(question_from_dict(q) for q in d["questions"]),
        path=Path(d["path"]) if d["path"] else None,
        language=d["language"],
        version=d["version"],
        description=d["description"],
        format=d["format"],
    )


def plan_to_dict(p: Plan) -> dict[str, Any]:
    d = asdict(p)
    d["banks"] = list(p.banks)
    d["draw"] = [asdict(r) for r in p.draw]
    d["path"] = str(p.path) if p.path else None
    for key in ("order", "scoring", "multiple_scoring", "navigation", "review", "kind"):
        d[key] = str(d[key])
    return d


def plan_from_dict(d: dict[str, Any]) -> Plan:
    return Plan(
        title=d["title"],
        banks=tuple(d["banks"]),
        draw=tuple(DrawRule(**r) for r in d["draw"]),
        order=Order(d["order"]),
        shuffle_options=d["shuffle_options"],
        time_limit=d["time_limit"],
        question_time_limit=d["question_time_limit"],
        pass_mark=d["pass_mark"],
        scoring=Scoring(d["scoring"]),
        multiple_scoring=MultipleScoring(d["multiple_scoring"]),
        navigation=Navigation(d["navigation"]),
        review=Review(d["review"]),
        kind=TestKind(d["kind"]),
        seed=d["seed"],
        description=d["description"],
        path=Path(d["path"]) if d["path"] else None,
        format=d["format"],
    )


def participant_to_dict(p: Participant) -> dict[str, Any]:
    return {
        "name": p.name,
        "nip": p.nip,
        "position": p.position,
        "unit": p.unit,
        "rank": p.rank,
        "extra": [list(kv) for kv in p.extra],
    }


def participant_from_dict(d: dict[str, Any]) -> Participant:
    return Participant(
        name=d["name"],
        nip=d["nip"],
        position=d["position"],
        unit=d["unit"],
        rank=d["rank"],
        extra=tuple((k, v) for k, v in d["extra"]),
    )


def attempt_spec_to_dict(s: AttemptSpec) -> dict[str, Any]:
    """The whole concrete test (questions included), so a resume never rereads a bank."""
    return {
        "seed": s.seed,
        "plan": plan_to_dict(s.plan),
        "questions": [
            {
                "question": question_to_dict(aq.question),
                "option_order": list(aq.option_order),
                "time_limit": aq.time_limit,
            }
            for aq in s.questions
        ],
    }


def attempt_spec_from_dict(d: dict[str, Any]) -> AttemptSpec:
    return AttemptSpec(
        seed=d["seed"],
        plan=plan_from_dict(d["plan"]),
        questions=tuple(
            AttemptQuestion(
                question=question_from_dict(q["question"]),
                option_order=tuple(q["option_order"]),
                time_limit=q["time_limit"],
            )
            for q in d["questions"]
        ),
    )


def answer_to_dict(a: AnswerRecord) -> dict[str, Any]:
    return {
        "question_id": a.question_id,
        "choice": sorted(a.choice),
        "time_taken": a.time_taken,
        "flagged": a.flagged,
    }


def answer_from_dict(d: dict[str, Any]) -> AnswerRecord:
    return AnswerRecord(
        question_id=d["question_id"],
        choice=frozenset(d["choice"]),
        time_taken=d["time_taken"],
        flagged=d["flagged"],
    )


def question_score_to_dict(s: QuestionScore) -> dict[str, Any]:
    d: dict[str, Any] = {
        "question_id": s.question_id,
        "category": s.category,
        "points": s.points,
        "max_points": s.max_points,
        "correct": s.correct,
        "answered": s.answered,
        "fraction": s.fraction,
    }
    if s.excluded is not None:
        d["excluded"] = str(s.excluded)  # only when set: older readers ignore the key
    return d


def question_score_from_dict(d: dict[str, Any]) -> QuestionScore:
    return QuestionScore(
        question_id=d["question_id"],
        category=d["category"],
        points=d["points"],
        max_points=d["max_points"],
        correct=d["correct"],
        answered=d["answered"],
        fraction=d["fraction"],
        excluded=None if d.get("excluded") is None else Excluded(d["excluded"]),
    )


def attempt_result_to_dict(r: AttemptResult) -> dict[str, Any]:
    return {
        "raw_points": r.raw_points,
        "max_points": r.max_points,
        "nilai": r.nilai,
        "nilai_per_category": dict(r.nilai_per_category),
        "correct": r.correct,
        "wrong": r.wrong,
        "partial": r.partial,
        "unanswered": r.unanswered,
        "duration": r.duration,
        "passed": r.passed,
        "per_question": [question_score_to_dict(s) for s in r.per_question],
    }


def attempt_result_from_dict(d: dict[str, Any]) -> AttemptResult:
    per_question = tuple(question_score_from_dict(s) for s in d["per_question"])
    return attempt_result_with_scores(d, per_question, lambda: sum(
        1 for s in per_question if s.answered and s.correct is False and s.fraction > 0))


def attempt_result_with_scores(d: Mapping[str, Any], per_question: tuple[QuestionScore, ...],
                               legacy_partial: Callable[[], int]) -> AttemptResult:
    """An :class:`AttemptResult` from its stored totals and decoded per-question scores.
    A result stored before "sebagian benar" was counted had those in ``wrong``:
    ``legacy_partial`` counts them so they move over."""
    wrong = d["wrong"]
    partial = d.get("partial")
    if partial is None:
        partial = legacy_partial()
        wrong -= partial
    return AttemptResult(
        raw_points=d["raw_points"],
        max_points=d["max_points"],
        nilai=d["nilai"],
        nilai_per_category=dict(d["nilai_per_category"]),
        correct=d["correct"],
        wrong=wrong,
        partial=partial,
        unanswered=d["unanswered"],
        duration=d["duration"],
        passed=d["passed"],
        per_question=per_question,
    )
