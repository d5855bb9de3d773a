"""Building one participant's attempt from a plan and its banks: draws, question and
option order, all deterministic from a seed."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence

from ..errors import PlanError
from ..model import (
    FALSE_KEY,
    TRUE_KEY,
    Bank,
    Order,
    Plan,
    Question,
    QuestionType,
)
from .attempt import AttemptQuestion, AttemptSpec

__all__ = [
    "attempt_rng",
    "build_attempt",
]


# --------------------------------------------------------------------------- building


def attempt_rng(plan: Plan, seed: str) -> random.Random:
    """The random source of one attempt: sha256 of plan seed and attempt seed."""
    digest = hashlib.sha256(f"{plan.seed}\x1f{seed}".encode()).hexdigest()
    return random.Random(int(digest, 16))


def _plan_error(plan: Plan, message: str) -> PlanError:
    return PlanError(message, str(plan.path) if plan.path else "")


def _rule_label(plan: Plan, rule_no: int, category: str | None, bank: str | None) -> str:
    where = []
    if category is not None:
        where.append(f"kategori '{category}'")
    if bank is not None:
        where.append(f"bank '{bank}'")
    src = " di ".join(where) if where else "semua bank"
    return f"Aturan pengambilan soal ke-{rule_no} ({src})"


def _select_banks(plan: Plan, banks: Sequence[Bank]) -> list[Bank]:
    if not plan.banks:
        return list(banks)
    by_id = {b.id: b for b in banks}
    chosen: list[Bank] = []
    for bid in plan.banks:
        if bid not in by_id:
            raise _plan_error(
                plan, f"Rencana memakai bank soal '{bid}', tetapi bank soal itu tidak dimuat."
            )
        if by_id[bid] not in chosen:
            chosen.append(by_id[bid])
    return chosen


def _option_order(question: Question, plan: Plan, rng: random.Random) -> tuple[str, ...]:
    keys = question.option_keys
    if question.type == QuestionType.TRUE_FALSE:
        return (TRUE_KEY, FALSE_KEY)
    if plan.shuffle_options and question.shuffle:
        shuffled = list(keys)
        rng.shuffle(shuffled)
        return tuple(shuffled)
    return keys


def build_attempt(plan: Plan, banks: Sequence[Bank], seed: str) -> AttemptSpec:
    """The concrete test one participant gets, deterministic from (plan, banks, seed).

    * Banks: those named in ``plan.banks`` in that order (all of ``banks`` if it is empty).
    * Questions: every question, or, with ``plan.draw``, for each rule ``count`` random
      questions of its category (across the banks) and/or bank. A question is never
      drawn twice; a rule asking for more than is left raises :class:`PlanError`.
    * Order: ``shuffled`` shuffles; ``bank`` keeps bank-file order (also for draws).
    * Options: shuffled when ``plan.shuffle_options`` and the question's ``shuffle``
      (``shuffle: false`` on a question always wins); true/false is always B, S.
    * Time limit per question: ``plan.question_time(question)``.
    """
    rng = attempt_rng(plan, seed)
    pool: list[tuple[Bank, Question]] = []
    seen: dict[str, str] = {}
    for bank in _select_banks(plan, banks):
        for q in bank.questions:
            if q.id in seen:
                raise _plan_error(
                    plan,
                    f"ID soal '{q.id}' dipakai di lebih dari satu bank soal "
                    f"('{seen[q.id]}' dan '{bank.id}'); ID soal harus unik agar jawaban "
                    "peserta tidak tertukar.",
                )
            seen[q.id] = bank.id
            pool.append((bank, q))

    if plan.draw:
        taken: set[int] = set()
        for rule_no, rule in enumerate(plan.draw, start=1):
            label = _rule_label(plan, rule_no, rule.category, rule.bank)
            if rule.count < 0:
                raise _plan_error(
                    plan, f"{label}: jumlah soal tidak boleh negatif ({rule.count})."
                )
            matching = [
                i
                for i, (bank, q) in enumerate(pool)
                if (rule.category is None or q.category == rule.category)
                and (rule.bank is None or bank.id == rule.bank)
            ]
            available = [i for i in matching if i not in taken]
            if rule.count > len(available):
                note = ""
                if len(available) < len(matching):
                    note = (
                        f" ({len(matching) - len(available)} soal lainnya sudah diambil "
                        "oleh aturan sebelumnya)"
                    )
                raise _plan_error(
                    plan,
                    f"{label} meminta {rule.count} soal, tetapi hanya tersedia "
                    f"{len(available)} soal{note}. Kurangi jumlahnya atau tambah soal "
                    "di bank soal.",
                )
            taken.update(rng.sample(available, rule.count))
        selected = sorted(taken)
    else:
        selected = list(range(len(pool)))

    if not selected:
        raise _plan_error(plan, "Rencana ini tidak menghasilkan satu soal pun.")
    if plan.order == Order.SHUFFLED:
        rng.shuffle(selected)

    questions = tuple(
        AttemptQuestion(
            question=pool[i][1],
            option_order=_option_order(pool[i][1], plan, rng),
            time_limit=plan.question_time(pool[i][1]),
        )
        for i in selected
    )
    return AttemptSpec(seed=seed, plan=plan, questions=questions)
