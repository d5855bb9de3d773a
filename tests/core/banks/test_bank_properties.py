"""Generated banks round-trip; random bytes and YAML never raise anything but BankError."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz_app.core.banks import load_bank
from quiz_app.core.errors import BankError
from quiz_app.core.model import OPTION_KEYS, QuestionType

slug = st.from_regex(r"[a-z0-9][a-z0-9-]{0,12}", fullmatch=True)
# Printable text without leading/trailing space (the loader strips) and no lone surrogates.
text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1,
    max_size=40,
).map(str.strip).filter(bool)


@st.composite
def question(draw: st.DrawFn, qid: str, categories: list[str]) -> dict[str, Any]:
    qtype = draw(st.sampled_from(list(QuestionType)))
    q: dict[str, Any] = {"id": qid, "category": draw(st.sampled_from(categories)),
                         "type": qtype.value, "text": draw(text)}
    if qtype is QuestionType.TRUE_FALSE:
        q["answer"] = draw(st.booleans())
    else:
        n = draw(st.integers(2, 8))
        q["options"] = {k: draw(text) for k in OPTION_KEYS[:n]}
        keys = list(q["options"])
        if qtype is QuestionType.SINGLE:
            q["answer"] = draw(st.sampled_from(keys))
        elif qtype is QuestionType.MULTIPLE:
            q["answer"] = draw(st.lists(st.sampled_from(keys), min_size=1, unique=True))
    if draw(st.booleans()):
        q["points"] = draw(st.integers(1, 10))
    if draw(st.booleans()):
        q["time_limit"] = draw(st.integers(5, 3600))
    if draw(st.booleans()):
        q["shuffle"] = draw(st.booleans())
    if draw(st.booleans()):
        q["explanation"] = draw(text)
    return q


@st.composite
def bank_doc(draw: st.DrawFn) -> dict[str, Any]:
    cats = draw(st.lists(slug, min_size=1, max_size=4, unique=True))
    qids = draw(st.lists(slug, min_size=1, max_size=8, unique=True))
    return {
        "format": "kuis-bank/1",
        "id": draw(slug),
        "title": draw(text),
        "categories": [{"id": c, "title": draw(text)} for c in cats],
        "questions": [draw(question(qid, cats)) for qid in qids],
    }


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bank_doc())
def test_generated_valid_banks_round_trip(doc: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "b.yaml"
        path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), "utf-8")
        bank = load_bank(path)
    assert bank.id == doc["id"] and bank.title == doc["title"]
    assert [q.id for q in bank.questions] == [q["id"] for q in doc["questions"]]
    for q, src in zip(bank.questions, doc["questions"], strict=True):
        assert q.type.value == src["type"] and q.text == src["text"]
        assert q.points == src.get("points", 1)
        assert q.time_limit == src.get("time_limit")
        assert q.shuffle == src.get("shuffle", True)
        if q.type is QuestionType.TRUE_FALSE:
            assert q.answer == {"B" if src["answer"] else "S"}
        else:
            assert [(o.key, o.text) for o in q.options] == list(src["options"].items())
            expected = src.get("answer", [])
            assert q.answer == set([expected] if isinstance(expected, str) else expected)


def _load_bytes(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.yaml"
        path.write_bytes(data)
        try:
            load_bank(path)
        except BankError as exc:
            assert exc.issues, "a BankError always carries at least one located issue"
            for issue in exc.issues:
                assert issue.message and issue.line >= 0 and issue.column >= 0


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_only_ever_raise_bank_error(data: bytes) -> None:
    _load_bytes(data)


yaml_ish = st.text(
    st.sampled_from(list("abcAB01 :-\n\t[]{},&*!|>'\"#%@`?") + ["\u00e9", "\ufeff", "\x07"]),
    max_size=200,
)


@settings(max_examples=200, deadline=None)
@given(yaml_ish)
def test_random_yaml_text_only_ever_raises_bank_error(source: str) -> None:
    _load_bytes(source.encode("utf-8"))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bank_doc(), st.data())
def test_mutated_banks_only_ever_raise_bank_error(doc: dict[str, Any], data: st.DataObject) -> None:
    """Break a valid bank at random (delete, retype a value): a message, never a crash."""
    q = data.draw(st.sampled_from(doc["questions"]))
    key = data.draw(st.sampled_from(sorted(q)))
    if data.draw(st.booleans()):
        del q[key]
    else:
        q[key] = data.draw(st.one_of(st.none(), st.integers(), st.lists(st.integers()),
                                     st.dictionaries(slug, st.integers()), text))
    _load_bytes(yaml.safe_dump(doc, allow_unicode=True).encode("utf-8"))
