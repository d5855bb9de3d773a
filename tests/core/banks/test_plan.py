"""Session plans: validated with the same located messages, draws checked against banks."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz_app.core.banks import load_plan, load_runnable
from quiz_app.core.errors import PlanError
from quiz_app.core.model import Navigation, Scoring, TestKind
from tests.helpers.banks import VALID_BANK, write

PLAN = """\
format: kuis-plan/1
title: Pretest Netralitas
banks: [bank.yaml]
draw:
  - category: netral
    count: 2
  - category: nilai
    count: 1
pass_mark: 75
scoring: speed
navigation: forward
kind: pretest
seed: pre-2024
question_time_limit: 20
"""


def test_plan_with_banks(tmp_path: Path) -> None:
    write(tmp_path, VALID_BANK)
    plan, banks = load_runnable(write(tmp_path, PLAN, "plan.yaml"))
    assert [b.id for b in banks] == ["uji"]
    assert plan.pass_mark == 75 and plan.scoring is Scoring.SPEED
    assert plan.navigation is Navigation.FORWARD and plan.kind is TestKind.PRETEST
    assert [(r.category, r.count) for r in plan.draw] == [("netral", 2), ("nilai", 1)]
    assert plan.question_time(banks[0].questions[0]) == 20


def test_a_plan_naming_its_bank_by_path_builds_an_attempt(tmp_path: Path) -> None:
    from quiz_app.core.quiz import build_attempt

    write(tmp_path, VALID_BANK)
    plan, banks = load_runnable(write(tmp_path, PLAN, "plan.yaml"))
    assert plan.banks == ("uji",)
    spec = build_attempt(plan, banks, "peserta-1")
    assert len(spec.questions) == 3


def test_a_bank_alone_runs_with_default_plan_values(tmp_path: Path) -> None:
    plan, banks = load_runnable(write(tmp_path, VALID_BANK))
    assert plan.banks == ("uji",) and plan.draw == () and plan.pass_mark == 70
    assert plan.question_time(banks[0].questions[0]) == 45  # bank default
    assert plan.question_time(banks[0].questions[1]) == 60  # the question's own


def test_bank_by_bundled_id(tmp_path: Path) -> None:
    path = write(tmp_path, PLAN.replace("banks: [bank.yaml]", "banks: [contoh]")
                 .replace("draw:\n  - category: netral\n    count: 2\n  - category: nilai\n"
                          "    count: 1\n", ""), "plan.yaml")
    plan, banks = load_runnable(path)
    assert banks[0].id == "contoh"


def test_over_draw_and_unknown_category_are_located(tmp_path: Path) -> None:
    write(tmp_path, VALID_BANK)
    text = PLAN.replace("count: 2", "count: 5").replace("category: nilai", "category: loyal")
    with pytest.raises(PlanError) as info:
        load_runnable(write(tmp_path, text, "plan.yaml"))
    msgs = [(i.line, i.message) for i in info.value.issues]
    assert msgs == [
        (5, "meminta 5 soal dari kategori 'netral', padahal hanya ada 2"),
        (7, "kategori 'loyal' tidak ada di bank rencana ini; periksa id kategorinya"),
    ]


def test_plan_field_errors(tmp_path: Path) -> None:
    text = PLAN.replace("pass_mark: 75", "pass_mark: 120").replace("scoring: speed",
                                                                   "scoring: cepat")
    text = text.replace("kind: pretest", "kind: pretes")
    with pytest.raises(PlanError) as info:
        load_plan(write(tmp_path, text, "plan.yaml"))
    messages = [i.message for i in info.value.issues]
    assert any("pass_mark" in m and "0–100" in m for m in messages)
    assert any("'cepat' bukan nilai 'scoring'" in m for m in messages)
    assert any("maksud Anda 'pretest'" in m for m in messages)


def test_missing_bank_and_invalid_bank_are_reported(tmp_path: Path) -> None:
    write(tmp_path, VALID_BANK.replace("answer: B", "answer: Z"))
    text = PLAN.replace("banks: [bank.yaml]", "banks: [bank.yaml, tidak-ada]")
    with pytest.raises(PlanError) as info:
        load_runnable(write(tmp_path, text, "plan.yaml"))
    formatted = [i.format() for i in info.value.issues]
    assert any("bank 'bank.yaml' tidak valid" in f for f in formatted)
    assert any("bank.yaml" in f and "jawaban 'Z'" in f for f in formatted)
    assert any("id 'tidak-ada' tidak ditemukan" in f for f in formatted)


def test_draw_rule_needs_exactly_one_source(tmp_path: Path) -> None:
    text = PLAN.replace("  - category: nilai\n    count: 1\n",
                        "  - category: nilai\n    bank: uji\n    count: 1\n")
    with pytest.raises(PlanError) as info:
        load_plan(write(tmp_path, text, "plan.yaml"))
    assert "tepat satu dari 'category' atau 'bank'" in info.value.issues[0].message
