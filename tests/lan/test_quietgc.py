"""While phones are served, the garbage collector makes no full pass (each one held the
GIL for 26-70 ms of CPU, 140-360 ms on a busy machine, and stalled the UI thread).
Measured in bench/lan.py; here the mechanism. No Qt."""

from __future__ import annotations

import gc
import threading
import time
from typing import Any

import pytest

from quiz_app.lan import quietgc
from quiz_app.lan.server import LanServer


class Hooks:
    def seat_joined(self, *args: Any) -> None: ...

    def answers(self, batch: Any) -> None: ...

    def takeover_requested(self, *args: Any) -> None: ...

    def first_contact(self, host: str) -> None: ...


@pytest.fixture
def full_passes():
    """Generation-2 collections started while the test runs."""
    seen: list[int] = []

    def callback(phase: str, info: dict[str, Any]) -> None:
        if phase == "start" and info["generation"] == 2:
            seen.append(1)

    gc.callbacks.append(callback)
    try:
        yield seen
    finally:
        gc.callbacks.remove(callback)


def grow(n: int = 400_000) -> list[list[int]]:
    """What 500 phones joining look like to the collector: many new long-lived objects."""
    return [[i] for i in range(n)]


def test_no_full_collection_while_a_phone_server_runs(full_passes) -> None:
    before = gc.get_threshold()
    server = LanServer(Hooks(), time.monotonic)
    server.start("127.0.0.1", 0)
    try:
        assert quietgc.active()
        assert gc.get_freeze_count() > 1000  # what existed at start is out of every pass
        kept = grow()
        assert full_passes == [], "a full pass ran while the phone server was serving"
        del kept
    finally:
        server.stop()
    assert not quietgc.active()
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0  # collectable again once the server stopped
    server.stop()  # idempotent: released once only
    assert gc.get_threshold() == before


def test_without_a_server_the_growth_triggers_a_full_pass(full_passes) -> None:
    """The control for the test above: the same growth does cause a full pass."""
    assert not quietgc.active()
    kept = grow()
    assert full_passes, "the growth in this test no longer triggers a full pass"
    del kept


def test_two_servers_overlapping_release_on_the_last_stop() -> None:
    before = gc.get_threshold()
    a = LanServer(Hooks(), time.monotonic)
    b = LanServer(Hooks(), time.monotonic)
    a.start("127.0.0.1", 0)
    b.start("127.0.0.1", 0)
    try:
        a.stop()
        assert quietgc.active()
        assert gc.get_threshold()[2] >= quietgc.FULL_PASS_EVERY
    finally:
        a.stop()
        b.stop()
    assert not quietgc.active()
    assert gc.get_threshold() == before


def test_calls_onto_the_server_loop_keep_order_and_share_wakeups(monkeypatch) -> None:
    """The UI and writer threads hand work to the server loop; each wake-up of the loop
    costs the calling thread the GIL (a self-pipe write), so calls made while the loop is
    busy share one wake-up, and they still run in call order."""
    server = LanServer(Hooks(), time.monotonic)
    server.start("127.0.0.1", 0)
    try:
        loop = server._loop
        assert loop is not None
        busy, release = threading.Event(), threading.Event()

        def block() -> None:
            busy.set()
            release.wait(10)

        loop.call_soon_threadsafe(block)
        assert busy.wait(10)
        wakeups: list[int] = []
        real = loop.call_soon_threadsafe

        def counted(*args: Any) -> Any:
            wakeups.append(1)
            return real(*args)

        monkeypatch.setattr(loop, "call_soon_threadsafe", counted)
        seen: list[int] = []
        for i in range(300):
            server._call(seen.append, i)  # as publish/acknowledge do
        release.set()
        end = time.monotonic() + 10
        while len(seen) < 300 and time.monotonic() < end:
            time.sleep(0.005)
        assert seen == list(range(300))
        assert len(wakeups) == 1
    finally:
        server.stop()
