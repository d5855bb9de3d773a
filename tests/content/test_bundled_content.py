"""Content checks for the bundled question banks, session plans and sample roster.

These guard the editorial rules of the bundled content (counts per category, every scored
question explained and referenced, no repeated questions, no give-away answer keys) and
that every bundled plan can actually be drawn from its banks.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from quiz_app.core.banks import load_bank, load_plan
from quiz_app.core.model import Bank, Plan, QuestionType, TestKind
from quiz_app.core.people import parse_nip

BANKS_DIR = Path(__file__).resolve().parents[2] / "question_banks"
PLANS_DIR = BANKS_DIR / "plans"
BANK_FILES = sorted(BANKS_DIR.glob("*.yaml"))
PLAN_FILES = sorted(PLANS_DIR.glob("*.yaml"))
ROSTER_FILE = BANKS_DIR / "contoh_peserta.csv"

EXPECTED_BANKS = {
    "contoh.yaml": "contoh",
    "berakhlak.yaml": "berakhlak",
    "netralitas_asn.yaml": "netralitas-asn",
    "evaluasi_sosialisasi.yaml": "evaluasi-sosialisasi",
}
EXPECTED_PLANS = {
    "netralitas_pretest.yaml",
    "netralitas_posttest.yaml",
    "kuis_aula.yaml",
    "berakhlak_tes.yaml",
    "evaluasi.yaml",
}
BERAKHLAK_VALUES = (
    "berorientasi-pelayanan",
    "akuntabel",
    "kompeten",
    "harmonis",
    "loyal",
    "adaptif",
    "kolaboratif",
)
NETRALITAS_CATEGORIES = (
    "karier",
    "partai-politik",
    "kampanye",
    "pelayanan-publik",
    "regulasi-sanksi",
)

MAX_KEY_SHARE = 0.35  # no option letter holds more than 35% of single-choice keys
MAX_LONGEST_SHARE = 0.50  # the key is the strictly longest option in at most half

# Citations the domain sheet marks as wrong: they must never appear in bundled content.
FORBIDDEN_CITATIONS = (
    re.compile(r"PP\s*(No\.?\s*)?42\s*(/|Tahun)\s*2024", re.IGNORECASE),
    re.compile(r"UU\s*(No\.?\s*)?10\s*(/|Tahun)\s*2016\s+Pasal\s+188", re.IGNORECASE),
)
# Options that only make sense in a fixed order ("Semua jawaban benar", "A dan B benar").
ORDER_DEPENDENT = re.compile(
    r"semua jawaban|jawaban (di atas )?benar|^[A-H] dan [A-H]\b|(semua|jawaban) di atas",
    re.IGNORECASE,
)


def _name(path: Path) -> str:
    return path.name


@functools.cache
def bank(path: Path) -> Bank:
    return load_bank(path)


@functools.cache
def plan(path: Path) -> Plan:
    return load_plan(path)


def banks_by_id() -> dict[str, Bank]:
    return {b.id: b for b in (bank(p) for p in BANK_FILES)}


def bank_named(file_name: str) -> Bank:
    return bank(BANKS_DIR / file_name)


def normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


# --------------------------------------------------------------------------- files


def test_expected_files_are_present():
    assert set(EXPECTED_BANKS) <= {p.name for p in BANK_FILES}
    assert EXPECTED_PLANS <= {p.name for p in PLAN_FILES}
    assert ROSTER_FILE.is_file()


@pytest.mark.parametrize("path", BANK_FILES + PLAN_FILES, ids=_name)
def test_raw_yaml_is_plain(path: Path):
    """Spaces only, no anchors or aliases, a string version: the format's house rules."""
    raw = path.read_text(encoding="utf-8")
    assert "\t" not in raw, "tabs are not allowed; indent with spaces"
    for event in yaml.parse(raw, Loader=yaml.SafeLoader):
        assert not isinstance(event, yaml.AliasEvent), f"alias at line {event.start_mark.line + 1}"
        assert getattr(event, "anchor", None) is None, f"anchor at line {event.start_mark.line + 1}"
    doc = yaml.safe_load(raw)
    assert isinstance(doc, dict)
    if path.parent == BANKS_DIR:
        assert doc["format"] == "kuis-bank/1"
        assert isinstance(doc["version"], str)
        assert doc["language"] == "id"
    else:
        assert doc["format"] == "kuis-plan/1"


@pytest.mark.parametrize("path", BANK_FILES, ids=_name)
def test_bank_loads(path: Path):
    b = bank(path)
    assert b.questions
    if path.name in EXPECTED_BANKS:
        assert b.id == EXPECTED_BANKS[path.name]


def test_bank_ids_are_unique():
    ids = Counter(bank(p).id for p in BANK_FILES)
    assert [i for i, n in ids.items() if n > 1] == []


@pytest.mark.parametrize("path", BANK_FILES, ids=_name)
def test_no_forbidden_citations(path: Path):
    raw = path.read_text(encoding="utf-8")
    for pattern in FORBIDDEN_CITATIONS:
        assert not pattern.search(raw), f"forbidden citation {pattern.pattern!r}"


# --------------------------------------------------------------------------- counts


def test_berakhlak_has_ten_questions_per_value():
    b = bank_named("berakhlak.yaml")
    assert tuple(c.id for c in b.categories) == BERAKHLAK_VALUES
    counts = Counter(q.category for q in b.questions)
    short = {v: counts[v] for v in BERAKHLAK_VALUES if counts[v] < 10}
    assert short == {}
    assert len(b.questions) >= 70
    types = Counter(q.type for q in b.questions)
    assert {QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.TRUE_FALSE} <= set(types)


def test_netralitas_has_eighty_questions_over_five_categories():
    b = bank_named("netralitas_asn.yaml")
    assert tuple(c.id for c in b.categories) == NETRALITAS_CATEGORIES
    counts = Counter(q.category for q in b.questions)
    short = {c: counts[c] for c in NETRALITAS_CATEGORIES if counts[c] < 12}
    assert short == {}
    assert len(b.questions) >= 80


def test_contoh_shows_every_feature():
    b = bank_named("contoh.yaml")
    assert len(b.questions) == 12
    assert {q.type for q in b.questions} == set(QuestionType)
    assert 2 <= len({q.category for q in b.questions}) <= 3
    assert any(not q.shuffle for q in b.questions)
    assert any("\n" in q.text.strip() for q in b.questions)
    assert len({q.time_limit for q in b.questions}) > 1  # a default and an override
    assert all(q.image is None for q in b.questions)


def test_evaluasi_is_an_unscored_survey():
    b = bank_named("evaluasi_sosialisasi.yaml")
    assert 6 <= len(b.questions) <= 8
    assert all(q.type is QuestionType.POLL and not q.answer for q in b.questions)


# --------------------------------------------------------------------------- quality


@pytest.mark.parametrize("path", BANK_FILES, ids=_name)
def test_scored_questions_are_explained_and_referenced(path: Path):
    missing = [
        q.id
        for q in bank(path).questions
        if q.scored and not (q.explanation.strip() and q.reference.strip())
    ]
    assert missing == []


def test_no_duplicate_question_texts_across_banks():
    seen: dict[str, str] = {}
    duplicates = []
    for path in BANK_FILES:
        b = bank(path)
        for q in b.questions:
            key = normalise(q.text)
            where = f"{b.id}/{q.id}"
            if key in seen:
                duplicates.append((seen[key], where))
            else:
                seen[key] = where
    assert duplicates == []


def _singles(b: Bank) -> list:
    return [q for q in b.questions if q.type is QuestionType.SINGLE]


# The survey bank holds only polls: the key checks apply to the scored banks.
SCORED_BANK_FILES = [p for p in BANK_FILES if p.stem != "evaluasi_sosialisasi"]


def test_only_the_survey_bank_is_unscored():
    unscored = [p.stem for p in BANK_FILES if not _singles(bank(p))]
    assert unscored == ["evaluasi_sosialisasi"]


@pytest.mark.parametrize("path", SCORED_BANK_FILES, ids=_name)
def test_answer_letters_are_spread(path: Path):
    singles = _singles(bank(path))
    keys = Counter(next(iter(q.answer)) for q in singles)
    letter, top = keys.most_common(1)[0]
    assert top / len(singles) <= MAX_KEY_SHARE, f"{letter} holds {top}/{len(singles)}: {keys}"


@pytest.mark.parametrize("path", SCORED_BANK_FILES, ids=_name)
def test_answer_length_does_not_give_the_key_away(path: Path):
    singles = _singles(bank(path))
    longest = []
    for q in singles:
        lengths = sorted(((len(o.text), o.key) for o in q.options), reverse=True)
        (top_len, top_key), (second_len, _) = lengths[0], lengths[1]
        if top_key in q.answer and top_len > second_len:
            longest.append(q.id)
    assert len(longest) / len(singles) <= MAX_LONGEST_SHARE, longest


@pytest.mark.parametrize("path", BANK_FILES, ids=_name)
def test_order_dependent_options_are_not_shuffled(path: Path):
    wrong = [
        q.id
        for q in bank(path).questions
        if q.shuffle and any(ORDER_DEPENDENT.search(o.text) for o in q.options)
    ]
    assert wrong == []


@pytest.mark.parametrize("path", BANK_FILES, ids=_name)
def test_answers_are_well_formed(path: Path):
    for q in bank(path).questions:
        keys = set(q.option_keys)
        if q.type is QuestionType.POLL:
            assert not q.answer, q.id
        elif q.type is QuestionType.SINGLE:
            assert len(q.answer) == 1 and q.answer <= keys, q.id
        elif q.type is QuestionType.MULTIPLE:
            assert 1 <= len(q.answer) < len(keys) and q.answer <= keys, q.id
        else:
            assert len(q.answer) == 1 and q.answer <= keys, q.id


# --------------------------------------------------------------------------- plans


@pytest.mark.parametrize("path", PLAN_FILES, ids=_name)
def test_plan_draws_only_what_its_banks_hold(path: Path):
    p = plan(path)
    known = banks_by_id()
    assert all(ref in known for ref in p.banks), f"plans use bundled bank ids: {p.banks}"
    banks = [known[ref] for ref in p.banks]
    per_category = Counter(q.category for b in banks for q in b.questions)
    per_bank = {b.id: len(b.questions) for b in banks}
    wanted_category: Counter[str] = Counter()
    wanted_bank: Counter[str] = Counter()
    for rule in p.draw:
        if rule.category is not None:
            wanted_category[rule.category] += rule.count
        else:
            assert rule.bank is not None
            wanted_bank[rule.bank] += rule.count
    over = {c: (n, per_category[c]) for c, n in wanted_category.items() if n > per_category[c]}
    assert over == {}
    over = {b: (n, per_bank.get(b, 0)) for b, n in wanted_bank.items() if n > per_bank.get(b, 0)}
    assert over == {}


def test_pretest_and_posttest_draw_alike_with_different_seeds():
    pre = plan(PLANS_DIR / "netralitas_pretest.yaml")
    post = plan(PLANS_DIR / "netralitas_posttest.yaml")
    assert pre.kind is TestKind.PRETEST
    assert post.kind is TestKind.POSTTEST
    assert pre.banks == post.banks
    assert sorted(pre.draw, key=repr) == sorted(post.draw, key=repr)
    assert pre.seed and post.seed and pre.seed != post.seed
    assert {r.category for r in pre.draw} == set(NETRALITAS_CATEGORIES)
    assert sum(r.count for r in pre.draw) == 20


def test_hall_quiz_settings():
    p = plan(PLANS_DIR / "kuis_aula.yaml")
    assert p.banks == ("netralitas-asn",)
    assert sum(r.count for r in p.draw) == 15
    assert p.question_time_limit is not None and 20 <= p.question_time_limit <= 30
    assert p.scoring.value == "speed"
    assert p.navigation.value == "forward"


def test_berakhlak_test_draws_two_per_value():
    p = plan(PLANS_DIR / "berakhlak_tes.yaml")
    assert {r.category: r.count for r in p.draw} == dict.fromkeys(BERAKHLAK_VALUES, 2)


def test_survey_plan():
    p = plan(PLANS_DIR / "evaluasi.yaml")
    assert p.banks == ("evaluasi-sosialisasi",)
    assert p.kind is TestKind.SURVEY
    assert p.order.value == "bank"
    assert p.review.value == "none"


# --------------------------------------------------------------------------- roster


def test_sample_roster_uses_the_indonesian_excel_dialect():
    data = ROSTER_FILE.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM"
    body = data[3:].decode("utf-8")
    assert "\r\n" in body and "\n" not in body.replace("\r\n", ""), "CRLF line ends only"
    lines = body.split("\r\n")
    assert lines[-1] == ""
    rows = [line.split(";") for line in lines[:-1]]
    assert rows[0] == ["NIP", "Nama", "Jabatan", "Unit Kerja", "Golongan"]
    assert 10 <= len(rows) - 1 <= 15
    assert all(len(r) == 5 and all(cell.strip() for cell in r) for r in rows[1:])


def test_sample_roster_nips_are_valid_and_mixed():
    lines = ROSTER_FILE.read_text(encoding="utf-8-sig").splitlines()[1:]
    nips = [line.split(";")[0] for line in lines]
    assert len(set(nips)) == len(nips)
    kinds = Counter(parse_nip(n).employee_type.value for n in nips)
    assert kinds["PNS"] >= 3 and kinds["PPPK"] >= 3, kinds
