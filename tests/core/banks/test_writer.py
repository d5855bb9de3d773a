"""The kuis-bank/1 writer: whatever text a trainer typed comes back the same through the
validator (no 'No' turned false, no '2019' turned a number, no ': ' breaking a line)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz_app.core.banks import bank_yaml, validate_text
from quiz_app.core.banks.importers import DraftBank, DraftQuestion, Where
from quiz_app.core.model import Category, QuestionType


def one_question_bank(text: str, option: str) -> DraftBank:
    q = DraftQuestion(Where("x"), text=text, category="umum", type=QuestionType.SINGLE,
                      options=[option, "lain"], answer=["A"], explanation=text, id="q1")
    return DraftBank("uji", "Uji", categories=[Category("umum", "Umum")], questions=[q])


TRICKY = ["No", "yes", "2019", "1.5", "0x1F", "null", "~", "- daftar", "a: b", "#tagar",
          "teks # bukan komentar", "'kutip'", '"ganda"', "{kurawal}", "[siku]", "&anker",
          "*alias", "!tag", "%persen", "@at", "`tik`", "2024-10-09", ":", "=", "x:",
          "baris satu\nbaris dua", "  spasi depan\nlanjut", "akhir spasi \nlanjut",
          "tab\tdi tengah", "Pasal 5 huruf n angka 1", "“kutip melengkung” — pisah"]


def test_tricky_texts_survive(tmp_path: Path) -> None:
    for text in TRICKY:
        yaml_text = bank_yaml(one_question_bank(text, text))
        bank, issues = validate_text(yaml_text, tmp_path / "b.yaml")
        assert issues == [], (text, yaml_text)
        assert bank is not None
        q = bank.questions[0]
        assert (q.text, q.options[0].text, q.explanation) == (text.strip(),) * 3, text


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
                                      blacklist_characters="\ufeff\x85"),
               min_size=1).filter(lambda s: s.strip()))
def test_any_printable_text_round_trips(text: str) -> None:
    yaml_text = bank_yaml(one_question_bank(text, text))
    bank, issues = validate_text(yaml_text, Path("/nonexistent/b.yaml"))
    assert issues == [], yaml_text
    assert bank is not None and bank.questions[0].text == text.strip()
