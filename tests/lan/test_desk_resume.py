"""The phone desk after the laptop crashed: the resume file brings back the code, the
seats (phones reconnect with their tokens), check-ins and running attempts."""

from __future__ import annotations

import asyncio
from pathlib import Path

import aiohttp

from quiz_app.core.errors import StoreError
from quiz_app.core.results import AttemptStatus, ResultsStore
from quiz_app.lan.desk import DeskMode, PhoneDesk, SeatStatus
from quiz_app.lan.desk_file import SavedDesk, find_resumable_desks, resume_desk
from tests.helpers.fakes import FakeClock

from .phones import LOOSE, Owner, Phone, until
from .test_desk import ANI, act, bank, me, plan


def test_desk_continues_after_a_crash_with_the_same_seats_and_attempts(tmp_path: Path) -> None:
    data = tmp_path / "data"
    clock = FakeClock()
    owner = Owner()
    desk = PhoneDesk.create(data, clock, plan(time_limit=600), [bank()],
                            source=tmp_path / "pretest.yaml")
    port = desk.start_server(owner.post, host="127.0.0.1", port=0, limits=LOOSE)
    state: dict = {}

    async def before(http: aiohttp.ClientSession) -> Phone:
        p = Phone(http, f"http://127.0.0.1:{port}")
        assert (await p.join(desk.code or "", ANI, "Ani Lestari"))[0] == 200
        await p.connect()
        desk.open_checkin()
        await act(p, "checkin", fields={"name": "", "position": "Analis", "unit": "BKPSDM"})
        await until(lambda: me(p).get("done") is True, owner)
        desk.open_test()
        await act(p, "start")
        await until(lambda: me(p).get("phase") == "question", owner)
        clock.advance(10)
        await p.answer(0, [me(p)["options"][1]["l"]], "k1")
        await until(lambda: p.last("ack") is not None, owner)
        await act(p, "next")
        await until(lambda: me(p).get("q") == 1, owner)
        clock.advance(5)
        await p.drop()
        return p

    async def after(http: aiohttp.ClientSession, p: Phone, new_port: int) -> None:
        p.http, p.base = http, f"http://127.0.0.1:{new_port}"
        p.received.clear()
        p.raw.clear()
        await p.connect()  # the same token: no new join
        await until(lambda: (p.last("welcome") or {}).get("personal") is not None, owner2)
        back = p.last("welcome")["personal"]
        assert back["phase"] == "question" and back["q"] == 1
        assert back["summary"][0][0] == 1  # the stored answer is there
        assert back["test_left"] <= 600 - 10  # time used before the crash stays used
        await p.answer(1, ["A"], "k2")
        await until(lambda: (p.last("ack") or {}).get("key") == "k2", owner2)
        await act(p, "finish")
        await until(lambda: me(p).get("phase") == "result", owner2)
        state["rows"] = desk2.rows()
        await p.drop()

    async def run_before() -> Phone:
        async with aiohttp.ClientSession() as http:
            return await before(http)

    phone = asyncio.run(run_before())
    # the crash: the server and the writer stop without the desk being closed
    desk.stop_server()
    desk.writer.flush()
    desk.writer.stop()

    (saved,) = find_resumable_desks(data)
    assert saved.code == desk.code and saved.mode is DeskMode.TEST
    assert [s["nip"] for s in saved.seats] == [ANI]
    owner2 = Owner()
    desk2 = resume_desk(data, saved, clock, plan(time_limit=600), [bank()])
    new_port = desk2.start_server(owner2.post, host="127.0.0.1", port=0, limits=LOOSE)
    assert desk2.rows()[0].status is SeatStatus.IN_PROGRESS
    assert desk2.rows()[0].checked_in is not None

    async def run_after() -> None:
        async with aiohttp.ClientSession() as http:
            await after(http, phone, new_port)

    asyncio.run(run_after())
    desk2.close()
    assert state["rows"][0].status is SeatStatus.FINISHED
    assert find_resumable_desks(data) == []  # closed properly this time
    with ResultsStore.open_in(data) as store:
        (rec,) = store.attempts(desk2.test.session_id)  # one attempt, continued
    assert rec.status is AttemptStatus.FINISHED and len(rec.answers) == 2


def test_a_damaged_resume_file_is_reported_and_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "meja-hp"
    folder.mkdir(parents=True)
    bad = folder / "rusak.json"
    bad.write_text('{"format": "kuis-meja-hp/1", "seats": [', encoding="utf-8")
    (folder / "folder.json").mkdir()
    assert find_resumable_desks(tmp_path / "data") == []
    try:
        SavedDesk.read(bad)
    except StoreError as exc:
        assert "meja HP rusak" in exc.message and exc.issues[0].path.endswith("rusak.json")
    else:
        raise AssertionError("a damaged file must be refused")
