"""A hall game whose participants join while it runs (phones)."""

from __future__ import annotations

import pytest

from quiz_app.core.hall import HallGame, HallParticipant, HallRefusal, HallRefused, Phase
from quiz_app.core.model import Order
from tests.helpers.fakes import FakeClock, make_bank, make_plan, make_spec


def game(**kw) -> tuple[HallGame, FakeClock]:
    clock = FakeClock()
    plan = make_plan(order=Order.BANK, shuffle_options=False, question_time_limit=20)
    return HallGame(make_spec(plan, [make_bank(3)]), (), clock, **kw), clock


def test_an_empty_game_collects_only_with_an_open_roster():
    closed, _ = game()
    assert not closed.collects_answers
    with pytest.raises(HallRefused) as info:
        closed.add_participant(HallParticipant("hp-1", "Ani"))
    assert info.value.reason is HallRefusal.NO_ANSWERS
    g, _ = game(open_roster=True)
    assert g.collects_answers


def test_a_late_joiner_answers_and_counts_earlier_questions_unanswered():
    g, clock = game(open_roster=True)
    assert g.add_participant(HallParticipant("hp-1", "Ani"))
    assert not g.add_participant(HallParticipant("hp-1", "Ani lagi"))  # known id
    g.start()
    g.submit("hp-1", {"A"})
    g.reveal()
    g.next()
    g.next()  # past the leaderboard
    assert g.phase is Phase.READY and g.index == 1
    g.add_participant(HallParticipant("hp-2", "Budi"))  # joins at question 2
    g.start()
    clock.advance(1)
    g.submit("hp-2", {"A"})
    g.reveal()
    ranks = {s.participant.id: (s.rank, s.correct) for s in g.standings()}
    assert ranks["hp-1"] == (1, 1) and ranks["hp-2"][1] == 1
    assert g.result("hp-2").unanswered == 1  # q1 before joining; q3 never shown: not scored
    assert [p.id for p in g.participants] == ["hp-1", "hp-2"]
