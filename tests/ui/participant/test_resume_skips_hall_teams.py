"""After a crash, a hall team's attempt is not offered as a participant's test to resume."""

from __future__ import annotations

from pathlib import Path

from quiz_app.core.hall import TEAM_MARK
from quiz_app.core.model import Participant
from quiz_app.core.quiz import build_attempt
from quiz_app.core.results import ResultsStore
from quiz_app.ui.participant.launcher import _unfinished
from tests.helpers.fakes import make_bank, make_plan


def test_only_self_paced_attempts_are_offered(tmp_path: Path) -> None:
    bank = make_bank(3)
    plan = make_plan(banks=(bank.id,))
    with ResultsStore.open_in(tmp_path) as store:
        session = store.create_session("Sesi", plan)
        spec = build_attempt(plan, [bank], "s")
        person = store.start_attempt(session.id, Participant(name="Budi"), spec)
        store.start_attempt(session.id, Participant(name="Meja 1", extra=(TEAM_MARK,)), spec)
    offered = _unfinished(tmp_path)
    assert [u.record.id for u in offered] == [person]
    assert offered[0].title == "Sesi" and offered[0].pin is None  # no settings saved
