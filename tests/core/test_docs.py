"""The documented examples are real, valid files (docs cannot silently rot)."""

from __future__ import annotations

import re
from pathlib import Path

from quiz_app.core.banks import letter_warnings, load_bank

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_bank_format_example_validates(tmp_path: Path) -> None:
    text = (DOCS / "bank-format.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(.*?)```", text, re.DOTALL)
    assert block is not None
    path = tmp_path / "contoh.yaml"
    path.write_text(block.group(1), encoding="utf-8")
    bank = load_bank(path)
    assert [q.type.value for q in bank.questions] == [
        "single", "multiple", "true_false", "single", "poll"]
    assert bank.question("kam-04").shuffle is False
    assert letter_warnings(bank) == []  # the model bank does not teach a warned habit


def test_plan_format_example_validates(tmp_path: Path) -> None:
    from quiz_app.core.banks import load_runnable

    text = (DOCS / "plan-format.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(.*?)```", text, re.DOTALL)
    assert block is not None
    path = tmp_path / "rencana.yaml"
    path.write_text(block.group(1), encoding="utf-8")
    plan, banks = load_runnable(path)
    assert banks[0].id == "netralitas-asn" and sum(r.count for r in plan.draw) == 20
