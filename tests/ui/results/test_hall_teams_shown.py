"""The results window shows hall teams as teams: no pass/fail, and questions skipped or
never shown are said so, not "Tidak dijawab"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from quiz_app.core.results import ResultsStore, load_overview, load_results
from quiz_app.ui.results.models import AnswersModel, ParticipantsModel
from tests.core.results.test_hall_export import hall_session


def test_teams_have_no_pass_mark_and_void_questions_are_named(qtmodeltester, tmp_path: Path):
    data, sid = hall_session(tmp_path)
    with ResultsStore.open_in(data) as store:
        results = load_results(store, sid)
        overview = load_overview(store, sid)  # the list is built from the store's columns
    people = ParticipantsModel()
    people.set_results(overview)
    qtmodeltester.check(people)
    display = Qt.ItemDataRole.DisplayRole
    passed = {people.index(r, people.NAME).data(display): people.index(r, people.PASSED)
              .data(display) for r in range(people.rowCount())}
    assert passed == {"Dinkes": "-", "Bappeda": "-", "BKPSDM": "-", "Diskominfo": "-"}

    bappeda = next(a for a in results.attempts if a.participant.name == "Bappeda")
    answers = AnswersModel()
    answers.set_attempt(bappeda)
    shown = [answers.index(r, answers.RESULT).data(display) for r in range(4)]
    assert shown == ["Salah", "Dilewati", "Benar", "Tidak ditayangkan"]
