"""Phones answering a hall quiz end to end over loopback: real server, real store, the
game on a stand-in owner thread. No Qt."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path

import aiohttp
import pytest

from quiz_app.core.hall import Phase, find_resumable
from quiz_app.core.model import Order, Scoring
from quiz_app.core.results import DB_FILENAME, AttemptStatus, ResultsStore
from quiz_app.lan.hall import PhoneHallSession
from quiz_app.lan.limits import Limits
from quiz_app.lan.server import JoinPolicy
from tests.helpers.fakes import FakeClock, make_bank, make_plan, make_question

from .phones import LOOSE, Owner, Phone, until

SECRET = "Penjelasan rahasia yang hanya boleh tampil saat pembahasan"


def nip(serial: int, sex: int = 1) -> str:
    return f"19850312201001{sex}{serial:03d}"


def bank():
    qs = [make_question(f"q{i}", answer="B", explanation=SECRET, shuffle=False)
          for i in range(1, 4)]
    return make_bank(questions=qs)


def new_hall(tmp_path: Path, clock: FakeClock, **kw) -> PhoneHallSession:
    plan = make_plan(order=Order.BANK, shuffle_options=False, question_time_limit=20,
                     scoring=Scoring.SPEED)
    return PhoneHallSession.create_phones(tmp_path / "data", tmp_path / "bank.yaml", plan,
                                          [bank()], clock, **kw)


def run(coro):
    return asyncio.run(coro)


def stored(tmp_path: Path) -> list[tuple]:
    """Answers as another reader of the database sees them (committed only)."""
    conn = sqlite3.connect(tmp_path / "data" / DB_FILENAME)
    try:
        return conn.execute(
            "SELECT p.nip, a.question_id, a.choice_json, a.revision FROM answers a "
            "JOIN attempts t ON t.attempt_key = a.attempt_key JOIN participants p ON p.id = "
            "t.participant_id ORDER BY p.nip, a.question_id").fetchall()
    finally:
        conn.close()


class Hall:
    def __init__(self, tmp_path: Path, limits: Limits = LOOSE, **kw) -> None:
        self.tmp = tmp_path
        self.clock = FakeClock()
        self.owner = Owner()
        self.session = new_hall(tmp_path, self.clock)
        self.port = self.session.start_server(self.owner.post, host="127.0.0.1", port=0,
                                              limits=limits, **kw)
        self.base = f"http://127.0.0.1:{self.port}"

    @property
    def code(self) -> str:
        assert self.session.code is not None
        return self.session.code

    def close(self) -> None:
        self.session.close()


@pytest.fixture
def hall(tmp_path):
    h = Hall(tmp_path)
    yield h
    h.close()


def test_join_answer_ack_after_commit_reveal_and_final(hall, tmp_path):
    async def scenario():
        async with aiohttp.ClientSession() as http:
            a, b = Phone(http, hall.base), Phone(http, hall.base)
            status, body = await a.join(hall.code, nip(1), "Ani")
            assert status == 200 and body["status"] == "joined"
            assert (await b.join(hall.code, nip(2), "Budi"))[0] == 200
            await a.connect()
            await b.connect()
            await until(lambda: len(hall.session.game.participants) == 2, hall.owner)
            await until(lambda: a.last("welcome") and b.last("welcome"), hall.owner)
            hall.session.start()
            await until(lambda: a.last("question") and a.last("question")["phase"]
                        == "running", hall.owner)
            hall.clock.advance(3)
            await a.answer(0, ["B"], "k1")
            await b.answer(0, ["C"], "k2")
            await until(lambda: a.last("ack") and b.last("ack"), hall.owner)
            # acknowledged only once another reader sees the committed answer
            rows = {(r[0], r[1]): r for r in stored(tmp_path)}
            assert json.loads(rows[(nip(1), "q1")][2]) == ["B"]
            assert json.loads(rows[(nip(2), "q1")][2]) == ["C"]
            assert a.last("ack")["letters"] == ["B"]
            # timed by the laptop clock: 3 s from the question start
            assert hall.session.game.answer(f"hp-{nip(1)}").time_taken == pytest.approx(3.0)
            # the same key again: acknowledged again, not stored twice
            await a.answer(0, ["B"], "k1")
            await until(lambda: len(a.of_type("ack")) == 2, hall.owner)
            assert {r[3] for r in stored(tmp_path)} == {1}
            before_reveal = a.raw + b.raw
            hall.session.reveal()
            await until(lambda: a.last("result") and b.last("result"), hall.owner)
            ra, rb = a.last("result"), b.last("result")
            assert ra["right"] is True and ra["rank"] == 1 and ra["points"] > 0
            assert rb["right"] is False and rb["rank"] == 2 and rb["of"] == 2
            assert a.last("question")["correct"] == ["B"]
            hall.session.end()
            await until(lambda: a.last("final") and b.last("final"), hall.owner)
            assert a.last("final")["rank"] == 1 and a.last("final")["nilai"] > 0
            await a.drop()
            await b.drop()
            return before_reveal

    before = run(scenario())
    # nothing before the reveal carried the key, the explanation or the other's answer
    for raw in before:
        msg = json.loads(raw)
        assert "correct" not in msg and SECRET not in raw
        assert msg.get("type") in ("welcome", "question", "ack")
        if msg["type"] == "ack":
            assert msg["letters"] in (["B"], ["C"])
    a_msgs = [json.loads(r) for r in before]
    assert not any(m.get("type") == "result" for m in a_msgs)
    hall.session.writer.flush()
    with ResultsStore.open_in(tmp_path / "data") as store:
        attempts = store.attempts(hall.session.session_id)
    assert {a.participant.nip for a in attempts} == {nip(1), nip(2)}
    assert all(a.status is AttemptStatus.FINISHED for a in attempts)


def test_reconnect_gets_snapshot_and_a_new_connection_replaces_the_old(hall):
    async def scenario():
        async with aiohttp.ClientSession() as http:
            a = Phone(http, hall.base)
            await a.join(hall.code, nip(1), "Ani")
            await a.connect()
            await until(lambda: a.last("welcome"), hall.owner)
            hall.session.start()
            await until(lambda: a.last("question"), hall.owner)
            await a.answer(0, ["A"], "x1")
            await until(lambda: a.last("ack"), hall.owner)
            for _ in range(3):  # any number of times
                await a.drop()
                a.received.clear()
                await a.connect()
                await until(lambda: a.last("welcome"), hall.owner)
                w = a.last("welcome")
                assert w["state"]["q"] == 0 and w["state"]["phase"] == "running"
                assert w["mine"] == ["A"]
            # a second tab with the same token replaces the first connection
            second = Phone(http, hall.base)
            second.token = a.token
            await second.connect()
            await until(lambda: a.last("replaced") and second.last("welcome"), hall.owner)
            await until(lambda: hall.session.server.connected == 1, hall.owner)
            await second.drop()
            await a.drop()

    run(scenario())


def test_token_answers_only_for_its_own_seat(hall, tmp_path):
    async def scenario():
        async with aiohttp.ClientSession() as http:
            a, b = Phone(http, hall.base), Phone(http, hall.base)
            await a.join(hall.code, nip(1), "Ani")
            await b.join(hall.code, nip(2), "Budi")
            await a.connect()
            await b.connect()
            await until(lambda: a.last("welcome") and b.last("welcome"), hall.owner)
            hall.session.start()
            await until(lambda: b.last("question"), hall.owner)
            # B's connection sends an answer carrying A's token
            assert b.ws is not None
            await b.ws.send_str(json.dumps({"type": "answer", "token": a.token, "q": 0,
                                            "letters": ["D"], "key": "evil"}))
            await until(lambda: b.last("error"), hall.owner)
            assert b.last("error")["code"] == "bad_token"
            await a.drop()
            await b.drop()

    run(scenario())
    hall.session.writer.flush()
    assert stored(tmp_path) == []
    assert hall.session.game.answered() == {}


def test_late_answer_is_refused_with_the_reason(hall):
    async def scenario():
        async with aiohttp.ClientSession() as http:
            a = Phone(http, hall.base)
            await a.join(hall.code, nip(1), "Ani")
            await a.connect()
            await until(lambda: a.last("welcome"), hall.owner)
            await a.answer(0, ["B"], "early")  # not started yet
            await until(lambda: a.last("refused"), hall.owner)
            assert a.last("refused")["reason"] == "not_open"
            hall.session.start()
            hall.clock.advance(25)
            hall.session.poll()
            await a.answer(0, ["B"], "late")
            await until(lambda: len(a.of_type("refused")) == 2, hall.owner)
            assert a.last("refused")["reason"] == "time_up"
            await a.drop()

    run(scenario())


def test_takeover_waits_for_the_trainer(hall):
    async def scenario():
        async with aiohttp.ClientSession() as http:
            old, new = Phone(http, hall.base), Phone(http, hall.base)
            await old.join(hall.code, nip(1), "Ani")
            await old.connect()
            await until(lambda: old.last("welcome"), hall.owner)
            status, body = await new.join(hall.code, nip(1))
            assert status == 200 and body["status"] == "waiting"
            await new.connect()
            await until(lambda: new.last("waiting") and hall.session.takeovers, hall.owner)
            assert len(hall.session.game.participants) == 1
            hall.session.resolve_takeover(hall.session.takeovers[0].id, True)
            await until(lambda: new.last("welcome") and old.last("replaced"), hall.owner)
            # the old token no longer works
            await old.drop()
            old.received.clear()
            await old.connect()
            await until(lambda: old.last("error"), hall.owner)
            assert old.last("error")["code"] == "unknown_token"
            await new.drop()
            await old.drop()

    run(scenario())


def test_locked_room_and_identity_rules(tmp_path):
    from quiz_app.core.model import Participant
    from quiz_app.core.people import Roster

    roster = Roster(path=tmp_path / "r.csv", participants=(Participant("Ani Roster", nip(1)),),
                    issues=())
    h = Hall(tmp_path, policy=JoinPolicy(roster=roster, guests_allowed=False))
    try:
        async def scenario():
            async with aiohttp.ClientSession() as http:
                p = Phone(http, h.base)
                assert (await p.join(h.code, nip(2)))[1]["error"] == "not_in_roster"
                assert (await p.join(h.code, "123"))[1]["error"] == "nip_invalid"
                assert (await p.join(h.code, ""))[1]["error"] == "guest_not_allowed"
                assert (await p.join("ZZZZZZ", nip(1)))[1]["error"] == "code"
                status, body = await p.join(h.code, nip(1))
                assert status == 200 and body["name"] == "Ani Roster"
                h.session.set_locked(True)
                await until(lambda: h.session.server.locked, h.owner)
                assert (await Phone(http, h.base).join(h.code, nip(3), "X"))[1]["error"] \
                    in ("locked", "not_in_roster")

        run(scenario())
    finally:
        h.close()


def test_guests_with_a_name_when_allowed(tmp_path):
    h = Hall(tmp_path, policy=JoinPolicy(guests_allowed=True))
    try:
        async def scenario():
            async with aiohttp.ClientSession() as http:
                p = Phone(http, h.base)
                assert (await p.join(h.code, ""))[1]["error"] == "name_missing"
                status, body = await p.join(h.code, "", "Tamu Satu")
                assert status == 200
                await until(lambda: len(h.session.game.participants) == 1, h.owner)
                h.session.set_locked(True)
                await until(lambda: h.session.server.locked, h.owner)
                status, body = await Phone(http, h.base).join(h.code, "", "Tamu Dua")
                assert status == 403 and body["error"] == "locked"

        run(scenario())
    finally:
        h.close()


def test_burst_shares_transactions(hall, tmp_path):
    n = 60

    async def scenario():
        async with aiohttp.ClientSession() as http:
            phones = [Phone(http, hall.base) for _ in range(n)]
            for i, p in enumerate(phones, start=1):
                await p.join(hall.code, nip(i), f"P{i}")
                await p.connect()
            await until(lambda: all(p.last("welcome") for p in phones), hall.owner)
            await until(lambda: len(hall.session.attempts) == n, hall.owner)
            hall.session.start()
            await until(lambda: all(p.last("question") for p in phones), hall.owner)
            commits = hall.session.writer.commits
            await asyncio.gather(*(p.answer(0, ["B"], f"k{i}") for i, p in enumerate(phones)))
            await until(lambda: all(p.last("ack") for p in phones), hall.owner)
            used = hall.session.writer.commits - commits
            for p in phones:
                await p.drop()
            return used

    used = run(scenario())
    assert len(stored(tmp_path)) == n
    assert used <= n // 4, f"{used} commits for {n} answers"


def test_unknown_paths_404_and_page_served(hall):
    async def scenario():
        async with aiohttp.ClientSession() as http:
            async with http.get(f"{hall.base}/j/{hall.code}") as r:
                page = await r.text()
                assert r.status == 200 and "Kuis ASN" in page
                assert "default-src 'none'" in r.headers["Content-Security-Policy"]
            for path in ("/page/", "/page/phone.html", "/api/", "/admin", "/api/state",
                         "/../quiz_app", "/static/"):
                async with http.get(hall.base + path) as r:
                    assert r.status == 404, path
            async with http.post(f"{hall.base}/api/join", data="x" * 5000) as r:
                assert r.status in (400, 413)

    run(scenario())


def test_oversized_and_malformed_messages(hall):
    async def scenario():
        async with aiohttp.ClientSession() as http:
            a = Phone(http, hall.base)
            await a.join(hall.code, nip(1), "Ani")
            await a.connect()
            await until(lambda: a.last("welcome"), hall.owner)
            await a.send({"type": "nonsense"})
            await until(lambda: a.last("error"), hall.owner)
            assert a.last("error")["code"] == "unknown_type"
            assert a.ws is not None
            await a.ws.send_str("{" + "x" * 5000)
            await until(lambda: a.ws.closed, hall.owner)

    run(scenario())


def test_joins_are_rate_limited_per_address(tmp_path):
    h = Hall(tmp_path, limits=Limits())
    try:
        async def scenario():
            async with aiohttp.ClientSession() as http:
                codes = []
                for _ in range(12):
                    codes.append((await Phone(http, h.base).join(h.code, "1"))[0])
                return codes

        codes = run(scenario())
        assert 429 in codes and codes[0] == 400
    finally:
        h.close()


def test_resume_after_a_crash_keeps_seats_and_answers(tmp_path):
    h = Hall(tmp_path)

    async def first():
        async with aiohttp.ClientSession() as http:
            a = Phone(http, h.base)
            await a.join(h.code, nip(1), "Ani")
            await a.connect()
            await until(lambda: a.last("welcome"), h.owner)
            h.session.start()
            await until(lambda: a.last("question"), h.owner)
            await a.answer(0, ["B"], "k1")
            await until(lambda: a.last("ack"), h.owner)
            await a.drop()
            return a.token

    token = run(first())
    code = h.code
    h.session.close()  # what a crash leaves: the resume files and the store
    saved = find_resumable(tmp_path / "data")
    assert len(saved) == 1 and saved[0].kind == "phones"
    clock = FakeClock()
    owner = Owner()
    session = PhoneHallSession.resume_phones(tmp_path / "data", saved[0], clock)
    port = session.start_server(owner.post, host="127.0.0.1", port=0, limits=LOOSE)
    try:
        assert session.code == code
        assert session.game.phase is Phase.PAUSED

        async def second():
            async with aiohttp.ClientSession() as http:
                a = Phone(http, f"http://127.0.0.1:{port}")
                a.token = token
                await a.connect()
                await until(lambda: a.last("welcome"), owner)
                return a.last("welcome")

        w = run(second())
        assert w["name"] == "Ani" and w["state"]["q"] == 0
        assert session.game.answer(f"hp-{nip(1)}").choice == frozenset({"B"})
    finally:
        session.close()
