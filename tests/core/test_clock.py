"""The pausable clock the participant's attempt runs on (issue 11.17)."""

from __future__ import annotations

from quiz_app.core.clock import PausableClock
from tests.helpers.fakes import FakeClock


def test_a_paused_clock_stands_still_and_continues_where_it_stopped() -> None:
    base = FakeClock(100.0)
    clock = PausableClock(base)
    assert clock() == 100.0
    base.advance(5)
    with clock.paused():
        base.advance(30)
        assert clock() == 105.0 and clock.is_paused
        with clock.paused():  # nested: the trainer menu opens the PIN dialog
            base.advance(10)
        assert clock() == 105.0 and clock.is_paused
    assert not clock.is_paused
    base.advance(2)
    assert clock() == 107.0
