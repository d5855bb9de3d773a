"""The data side of the printed lists: local times the Indonesian way, the pledge note."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from quiz_app.core.results.list_data import format_time_id, pledge_of_note


@pytest.fixture
def jakarta(monkeypatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Asia/Jakarta")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_check_in_time_is_local_and_dated_only_off_the_session_day(jakarta: None) -> None:
    assert format_time_id("2025-03-04T01:05:00+00:00", "2025-03-04") == "08.05"
    # 18.30 UTC on the 3rd is 01.30 WIB on the 4th: the session's day, no date
    assert format_time_id("2025-03-03T18:30:00+00:00", "2025-03-04") == "01.30"
    # a check-in on another day than the session's carries its date
    assert format_time_id("2025-03-05T02:00:00+00:00", "2025-03-04") == "5 Maret 2025, 09.00"
    assert format_time_id("bukan waktu", "2025-03-04") == "bukan waktu"


def test_pledge_note_gives_title_and_fingerprint() -> None:
    assert pledge_of_note("Ikrar Netralitas ASN (contoh) [0a1b2c3d4e5f]") == (
        "Ikrar Netralitas ASN (contoh)", "0a1b2c3d4e5f")
    assert pledge_of_note("Ikrar tanpa sidik") == ("Ikrar tanpa sidik", "")
