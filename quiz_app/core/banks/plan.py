"""Load and validate ``kuis-plan/1`` session plans, and resolve what a file runs.

A trainer can run either a bank (with default plan values) or a plan. :func:`load_runnable`
takes either and returns the plan with its banks, or raises one :class:`BankError`/
:class:`PlanError` with every located problem.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

from ..errors import BankError, PlanError
from ..model import (
    PLAN_FORMAT,
    Bank,
    DrawRule,
    MultipleScoring,
    Navigation,
    Order,
    Plan,
    Review,
    Scoring,
    TestKind,
)
from ..userfile import path_problem, peek_user_file
from . import bank as bank_mod
from .cache import BankCache
from .resources import find_bank_by_id
from .schema import SLUG, Fields, describe
from .yamlsrc import LocMap, Source, parse_yaml, read_source

PLAN_KEYS = (
    "format", "title", "description", "banks", "draw", "order", "shuffle_options",
    "time_limit", "question_time_limit", "pass_mark", "scoring", "multiple_scoring",
    "navigation", "review", "kind", "seed",
)
DRAW_KEYS = ("category", "bank", "count")


def default_plan(bank: Bank) -> Plan:
    """What running a bare bank means: every question, default plan values."""
    return Plan(title=bank.title, banks=(bank.id,), path=bank.path)


def is_plan_file(path: Path) -> bool:
    """Cheap sniff: does the file declare ``format: kuis-plan/...``?"""
    data = peek_user_file(path, 4096)  # None for a FIFO or a device: never blocks
    if data is None:
        return False
    head = data.decode("utf-8-sig", errors="replace")
    return any(
        line.split(":", 1)[1].strip().strip("'\"").startswith("kuis-plan/")
        for line in head.splitlines()
        if line.startswith("format:")
    )


def load_plan(path: Path | str, display: str | None = None) -> Plan:
    """Validate a plan file on its own (banks not resolved)."""
    src = read_source(Path(path), display)
    plan, _ = _validate(src)
    if src.issues or plan is None:
        raise PlanError(src.issues)
    return plan


def load_runnable(
    path: Path | str, cache: BankCache | None = None, display: str | None = None
) -> tuple[Plan, list[Bank]]:
    """A bank or a plan file → (plan, banks), fully validated, draws checked."""
    path = Path(path)
    if not is_plan_file(path):
        bank = bank_mod.load_bank(path, cache=cache, display=display)
        return default_plan(bank), [bank]
    src = read_source(path, display)
    plan, doc = _validate(src)
    if plan is None or doc is None or src.issues:
        raise PlanError(src.issues)
    banks = _resolve_banks(src, doc, plan, cache)
    if not src.issues:
        _check_draws(src, doc, plan, banks)
    if src.issues:
        raise PlanError(src.issues)
    # From here on a bank is known by its id, however the plan file referred to it.
    return replace(plan, banks=tuple(b.id for b in banks)), banks


def _validate(src: Source) -> tuple[Plan | None, LocMap | None]:
    doc = parse_yaml(src)
    if doc is None:
        return None, None
    if not isinstance(doc, LocMap):
        src.issue(1, f"rencana sesi harus berupa pemetaan (format:, title:, …), bukan "
                  f"{describe(doc)}")
        return None, None
    f = Fields(src, doc, "rencana sesi")
    f.unknown_keys(PLAN_KEYS)
    fmt = f.text("format", required=True)
    if fmt and fmt != PLAN_FORMAT:
        f.issue("format", f"format '{fmt}' tidak didukung di rencana sesi; "
                f"tulis 'format: {PLAN_FORMAT}'")
    title = f.text("title", required=True)
    banks: list[str] = []
    seq = f.sequence("banks", required=True)
    if seq is not None:
        if not seq:
            f.issue("banks", "daftar 'banks' kosong; sebutkan minimal satu bank soal")
        for i, item in enumerate(seq):
            if not isinstance(item, str) or not item.strip():
                src.issue(seq.pos(i), "setiap bank ditulis sebagai id bank atau jalur berkas .yaml")
            else:
                banks.append(item.strip())
    draw: list[DrawRule] = []
    dseq = f.sequence("draw")
    for i, item in enumerate(dseq or []):
        if not isinstance(item, LocMap):
            src.issue(dseq.pos(i), "setiap aturan 'draw' berupa {category: ID, count: N} "  # type: ignore[union-attr]
                      "atau {bank: ID, count: N}")
            continue
        d = Fields(src, item, "aturan draw")
        d.unknown_keys(DRAW_KEYS)
        count = d.integer("count", 1, 100_000)
        if "count" not in item:
            d.missing("count")
        category = d.text("category") or None
        bank = d.text("bank") or None
        if (category is None) == (bank is None):
            d.issue(None, "aturan 'draw' perlu tepat satu dari 'category' atau 'bank'")
        elif count is not None:
            draw.append(DrawRule(count=count, category=category, bank=bank))
    time_limit = f.integer("time_limit", 10, 24 * 3600)
    question_time_limit = f.integer("question_time_limit", *bank_mod.TIME_RANGE)
    pass_mark = f.number("pass_mark", 0, 100, 70.0)
    seed = f.text("seed")
    plan = Plan(
        title=title,
        banks=tuple(banks),
        draw=tuple(draw),
        order=Order(f.choice("order", [o.value for o in Order], Order.SHUFFLED.value)),
        shuffle_options=f.boolean("shuffle_options", True),
        time_limit=time_limit,
        question_time_limit=question_time_limit,
        pass_mark=pass_mark,
        scoring=Scoring(f.choice("scoring", [s.value for s in Scoring], "accuracy")),
        multiple_scoring=MultipleScoring(
            f.choice("multiple_scoring", [m.value for m in MultipleScoring], "partial")
        ),
        navigation=Navigation(f.choice("navigation", [n.value for n in Navigation], "free")),
        review=Review(f.choice("review", [r.value for r in Review], "answers")),
        kind=TestKind(f.choice("kind", [k.value for k in TestKind], "test")),
        seed=seed,
        description=f.text("description"),
        path=src.path.resolve(),
    )
    return (None, doc) if src.issues else (plan, doc)


def _resolve_banks(src: Source, doc: LocMap, plan: Plan, cache: BankCache | None) -> list[Bank]:
    doc_banks = doc["banks"]
    folder = src.path.resolve().parent
    banks: list[Bank] = []
    for i, ref in enumerate(plan.banks):
        pos = doc_banks.pos(i)
        problem = path_problem(ref)
        if problem is not None:
            src.issue(pos, f"bank '{ref[:80]}' tidak dapat dipakai: {problem}")
            continue
        if SLUG.match(ref) and not ref.endswith((".yaml", ".yml")):
            found = find_bank_by_id(ref, [folder, folder.parent])
            if found is None:
                src.issue(pos, f"bank dengan id '{ref}' tidak ditemukan (bawaan, atau di folder "
                          "rencana ini); tulis id yang benar atau jalur berkasnya")
                continue
            path = found
        else:
            path = folder / ref  # not resolved: a message names the file as written
        try:
            bank = bank_mod.load_bank(path, cache=cache)
        except BankError as exc:
            src.issue(pos, f"bank '{ref}' tidak valid ({len(exc.issues)} masalah, lihat di bawah)")
            src.issues.extend(exc.issues)
            continue
        if any(b.id == bank.id for b in banks):
            src.issue(pos, f"bank '{bank.id}' disebut dua kali")
            continue
        banks.append(bank)
    return banks


def _check_draws(src: Source, doc: LocMap, plan: Plan, banks: list[Bank]) -> None:
    if not plan.draw:
        return
    draw_seq = doc["draw"]
    per_category: Counter[str] = Counter()
    per_bank: dict[str, int] = {}
    for b in banks:
        per_bank[b.id] = len(b.questions)
        per_category.update(q.category for q in b.questions)
    wanted: Counter[str] = Counter()
    for i, rule in enumerate(plan.draw):
        pos = draw_seq.pos(i)
        if rule.category is not None:
            have = per_category.get(rule.category, 0)
            wanted[rule.category] += rule.count
            if have == 0:
                src.issue(pos, f"kategori '{rule.category}' tidak ada di bank rencana ini; "
                          "periksa id kategorinya")
            elif wanted[rule.category] > have:
                src.issue(pos, f"meminta {wanted[rule.category]} soal dari kategori "
                          f"'{rule.category}', padahal hanya ada {have}")
        else:
            assert rule.bank is not None
            if rule.bank not in per_bank:
                src.issue(pos, f"bank '{rule.bank}' tidak tercantum di 'banks'")
            elif rule.count > per_bank[rule.bank]:
                src.issue(pos, f"meminta {rule.count} soal dari bank '{rule.bank}', padahal "
                          f"hanya ada {per_bank[rule.bank]}")
