"""What learners read in the bundled banks stays true to the domain sheet (issue 11).

Each check names the questions it guards: option letters in prose while options are
shuffled, the UU 20/2023 wording of the asas netralitas, KPPS permission cited to no
regulation, "bakal calon" acts cited to the SKB, the exact articles the sheet allows, and
answer keys that cannot be guessed from their form.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from quiz_app.core.banks import load_bank
from quiz_app.core.model import Bank, Question, QuestionType

BANKS_DIR = Path(__file__).resolve().parents[2] / "question_banks"
BANK_FILES = sorted(BANKS_DIR.glob("*.yaml"))


@functools.cache
def bank(path: Path) -> Bank:
    return load_bank(path)


def netralitas() -> Bank:
    return bank(BANKS_DIR / "netralitas_asn.yaml")


def prose(q: Question) -> str:
    """Everything a learner reads for one question, whitespace-normalised."""
    parts = [q.text, *(o.text for o in q.options), q.explanation, q.reference]
    return " ".join(" ".join(parts).split())


def key_text(q: Question) -> str:
    return q.option(next(iter(q.answer))).text


def _name(path: Path) -> str:
    return path.name


# --------------------------------------------------------------------------- item 1

# Prose that names an option by its letter: "pilihan C", "Opsi B", "jawaban A", "(C)".
# An independent, deliberately simple check; the validator has its own, finer rule.
LETTER_IN_PROSE = re.compile(r"(?i:\b(?:pilihan|opsi|jawaban))\s+[A-H]\b|\([A-H]\)")


@pytest.mark.parametrize("path", BANK_FILES, ids=_name)
def test_shuffled_questions_never_name_an_option_letter(path: Path) -> None:
    """Shuffled options get new letters on screen, so "pilihan C" points at the wrong one."""
    named = [
        (q.id, m.group(0))
        for q in bank(path).questions
        if q.shuffle and q.type is not QuestionType.TRUE_FALSE
        for field in (q.text, q.explanation)
        for m in LETTER_IN_PROSE.finditer(field)
    ]
    assert named == []


def test_kolaboratif_behaviour_explanation_names_the_wrong_options_by_text() -> None:
    """The issue's example: kol-07 now says which behaviours belong elsewhere, by text."""
    q = bank(BANKS_DIR / "berakhlak.yaml").question("kol-07")
    assert q.shuffle
    explanation = " ".join(q.explanation.split())
    assert "Menghargai setiap orang apa pun latar belakangnya termasuk Harmonis" in explanation
    assert "tidak menyalahgunakan kewenangan jabatan termasuk Akuntabel" in explanation


# --------------------------------------------------------------------------- item 2

NEW_ASAS = "tidak memihak kepada kepentingan lain di luar kepentingan bangsa dan negara"
OLD_ASAS = re.compile(r"kepentingan\s+siapa\s*pun", re.IGNORECASE)  # repealed UU 5/2014


@pytest.mark.parametrize("qid", ["kar-06", "kar-09", "kar-11", "pub-01"])
def test_asas_netralitas_uses_the_uu_20_2023_wording(qid: str) -> None:
    q = netralitas().question(qid)
    assert NEW_ASAS in prose(q)
    assert "UU 20/2023 Pasal 2 huruf f" in q.reference


@pytest.mark.parametrize("path", BANK_FILES, ids=_name)
def test_the_repealed_asas_wording_is_gone(path: Path) -> None:
    assert not OLD_ASAS.search(path.read_text(encoding="utf-8"))


ELECTION_BODY = re.compile(r"\b(KPPS|PPS|PPK)\b")


@pytest.mark.parametrize("path", BANK_FILES, ids=_name)
def test_kpps_permission_is_practice_not_a_cited_rule(path: Path) -> None:
    """No regulation requires the superior's permission: the sheet says call it practice."""
    unqualified = [
        q.id
        for q in bank(path).questions
        if ELECTION_BODY.search(prose(q))
        and "izin atasan" in prose(q)
        and "praktik yang dianjurkan" not in " ".join((q.explanation + q.reference).split())
    ]
    assert unqualified == []


@pytest.mark.parametrize("qid", ["par-06", "par-14"])
def test_kpps_items_cite_what_the_sheet_allows(qid: str) -> None:
    ref = " ".join(netralitas().question(qid).reference.split())
    assert "UU 7/2017 Pasal 72 huruf e" in ref
    assert "Ketentuan ASN sebagai anggota" not in ref


@pytest.mark.parametrize("path", BANK_FILES, ids=_name)
def test_bakal_calon_acts_are_cited_to_the_skb(path: Path) -> None:
    """PP 94/2021 speaks of calon; applying it to a bakal calon is the SKB's reading."""
    pp_only = [
        q.id
        for q in bank(path).questions
        if "bakal calon" in prose(q) and "PP 94/2021" in q.reference and "SKB" not in q.reference
    ]
    assert pp_only == []


@pytest.mark.parametrize("qid", ["kar-02", "kar-08", "kar-12", "pub-10"])
def test_listed_bakal_calon_items_cite_the_skb_or_name_a_calon(qid: str) -> None:
    q = netralitas().question(qid)
    assert "SKB" in q.reference or "bakal calon" not in prose(q)


def test_calendars_for_colleagues_are_pasal_283() -> None:
    q = netralitas().question("kam-18")
    assert key_text(q) == "UU 7/2017 Pasal 283"
    assert "UU 7/2017 Pasal 283" in q.reference and "282" not in q.reference


def test_letting_a_banner_up_is_a_decision_under_angka_5() -> None:
    q = netralitas().question("pub-12")
    assert "PP 94/2021 Pasal 5 huruf n angka 5" in q.reference
    assert "membiarkan" not in q.explanation


def test_kar_13_applicant_is_not_a_party_member() -> None:
    """A party member applying would itself be PTDH: the scenario must not imply one."""
    assert "partai" not in netralitas().question("kar-13").text.casefold()


# --------------------------------------------------------------------------- guessability

LEVEL = re.compile(r"\b(ringan|sedang|berat)\b", re.IGNORECASE)
SKB_LEVEL_IDS = ("par-05", "kam-02", "kam-06", "kam-16", "kam-19", "pub-04", "pub-13", "par-13")


def level_questions(b: Bank) -> list[Question]:
    """Single questions that ask for a discipline level (two or more options name one)."""
    return [
        q
        for q in b.questions
        if q.type is QuestionType.SINGLE and sum(bool(LEVEL.search(o.text)) for o in q.options) >= 2
    ]


def test_level_questions_are_not_mostly_keyed_berat() -> None:
    level = level_questions(netralitas())
    berat = [q.id for q in level if "berat" in key_text(q)]
    assert len(level) >= 8
    assert len(berat) <= len(level) / 2, berat
    assert any("sedang" in key_text(q) for q in level)
    assert any(not LEVEL.search(key_text(q)) for q in level), "an allowed act keyed too"


def test_about_half_of_the_skb_level_questions_ask_which_act_instead() -> None:
    still_level = {q.id for q in level_questions(netralitas())} & set(SKB_LEVEL_IDS)
    assert len(still_level) <= len(SKB_LEVEL_IDS) // 2, sorted(still_level)


@pytest.mark.parametrize("path", BANK_FILES, ids=_name)
def test_no_all_of_the_above_options(path: Path) -> None:
    lazy = re.compile(r"semua jawaban|jawaban (di atas )?benar|(semua|jawaban) di atas", re.I)
    found = [q.id for q in bank(path).questions if any(lazy.search(o.text) for o in q.options)]
    assert found == []


@pytest.mark.parametrize("path", BANK_FILES, ids=_name)
def test_the_key_is_never_the_only_reasoned_option(path: Path) -> None:
    """When the key says "karena …", some wrong option must give a reason too."""
    lonely = [
        q.id
        for q in bank(path).questions
        if q.type is QuestionType.SINGLE
        and "karena" in key_text(q).casefold()
        and not any("karena" in o.text.casefold() for o in q.options if o.key not in q.answer)
    ]
    assert lonely == []
