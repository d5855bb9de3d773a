"""The phone desk over loopback: self-paced tests, check-in and the pledge, with the real
server, the real store and the engine on a stand-in owner thread. No Qt."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path

import aiohttp
import pytest

from quiz_app.core.banks import bundled_pledge_file, load_pledge
from quiz_app.core.model import Navigation, Order, Review, TestKind
from quiz_app.core.people import Roster
from quiz_app.core.results import (
    DB_FILENAME,
    AttemptStatus,
    PresenceKind,
    ResultsStore,
    away_counts,
    load_results,
    presence_rows,
)
from quiz_app.lan.desk import DeskMode, PhoneDesk, SeatStatus
from tests.helpers.fakes import FakeClock, make_bank, make_plan, make_question

from .phones import LOOSE, Owner, Phone, me, poster_png, until

SECRET = "Penjelasan rahasia: hanya untuk pembahasan setelah selesai"
REF = "PP 94/2021 Pasal 5 huruf n"
ANI = "198503122010012002"
BUDI = "199001012015031001"


def bank(images: Path | None = None):
    """Four questions; with ``images`` (a folder) each has its own picture there."""
    qs = [make_question(f"q{i}", answer="B", explanation=SECRET, reference=REF,
                        image=images / f"q{i}.png" if images else None)
          for i in range(1, 5)]
    return make_bank(questions=qs)


def plan(**kw):
    fields = dict(order=Order.SHUFFLED, shuffle_options=True, time_limit=600,
                  question_time_limit=60, kind=TestKind.PRETEST, review=Review.ANSWERS,
                  navigation=Navigation.FREE, title="Pre-test Netralitas")
    fields.update(kw)
    return make_plan(**fields)


class Desk:
    def __init__(self, tmp_path: Path, **kw) -> None:
        self.tmp = tmp_path
        self.clock = FakeClock()
        self.owner = Owner()
        self.images = tmp_path / "bank"
        self.images.mkdir()
        for i in range(1, 5):
            (self.images / f"q{i}.png").write_bytes(poster_png(8 * i, 8))
        self.desk = PhoneDesk.create(tmp_path / "data", self.clock, kw.pop("plan", plan()),
                                     [bank(self.images)], pledge=load_pledge(bundled_pledge_file()),
                                     **kw)
        self.port = self.desk.start_server(self.owner.post, host="127.0.0.1", port=0,
                                           limits=LOOSE)
        self.base = f"http://127.0.0.1:{self.port}"

    @property
    def code(self) -> str:
        assert self.desk.code is not None
        return self.desk.code

    async def phone(self, http: aiohttp.ClientSession, nip: str, name: str = "") -> Phone:
        p = Phone(http, self.base)
        status, body = await p.join(self.code, nip, name)
        assert status == 200, body
        await p.connect()
        await until(lambda: p.last("welcome") is not None, self.owner)
        return p

    def close(self) -> None:
        self.desk.close()


@pytest.fixture
def desk(tmp_path):
    d = Desk(tmp_path)
    yield d
    d.close()


async def act(phone: Phone, do: str, **kw) -> None:
    await phone.send({"type": "act", "do": do, **kw})


def run(coro):
    return asyncio.run(coro)


def test_whole_test_on_a_phone_with_reload_and_no_key_before_finish(desk: Desk) -> None:
    async def go() -> None:
        async with aiohttp.ClientSession() as http:
            ani = await desk.phone(http, ANI, "Ani Lestari")
            desk.desk.open_test()
            await until(lambda: me(ani).get("phase") == "intro", desk.owner)
            assert me(ani)["n"] == 4 and me(ani)["time_limit"] == 600
            await act(ani, "start", key="s1")
            await until(lambda: me(ani).get("phase") == "question", desk.owner)
            first = me(ani)
            assert first["q"] == 0 and first["n"] == 4 and first["q_left"] == 60
            assert desk.desk.rows()[0].status is SeatStatus.IN_PROGRESS
            # answer: acknowledged only once the store has it
            desk.clock.advance(7)
            await ani.answer(0, ["A"], "k1")
            await until(lambda: ani.last("ack") is not None, desk.owner)
            assert ani.last("ack")["letters"] == ["A"]
            a = desk.desk.seats[f"hp-{ANI}"].attempt
            assert a is not None and a.record(0).time_taken == pytest.approx(7)
            with sqlite3.connect(desk.tmp / "data" / DB_FILENAME) as conn:
                assert conn.execute("SELECT count(*) FROM answers").fetchone()[0] == 1
            # a resend with the same key is acknowledged again, stored once
            await ani.answer(0, ["A"], "k1")
            await until(lambda: len(ani.of_type("ack")) == 2, desk.owner)
            await act(ani, "flag", q=0, on=True)
            await until(lambda: me(ani).get("flagged") is True, desk.owner)
            await act(ani, "next")
            await until(lambda: me(ani).get("q") == 1, desk.owner)
            # the phone reloads (or sleeps): same question, same remaining time
            desk.clock.advance(12)
            await ani.drop()
            desk.clock.advance(3)
            await ani.connect()
            await until(lambda: len(ani.of_type("welcome")) == 2, desk.owner)
            back = ani.last("welcome")["personal"]
            assert back["q"] == 1 and back["q_left"] == pytest.approx(45)
            assert back["test_left"] == pytest.approx(600 - 22)
            assert back["summary"][0][:2] == [1, 1]  # answered and flagged
            await ani.answer(1, ["B"], "k2")
            await until(lambda: ani.last("ack") and ani.last("ack")["key"] == "k2",
                        desk.owner)
            # an answer for a question the phone is not on is refused
            await ani.answer(3, ["B"], "k3")
            await until(lambda: ani.last("refused") is not None, desk.owner)
            assert ani.last("refused")["reason"] == "other_question"
            before_finish = list(ani.raw)
            await act(ani, "finish", key="f1")
            await until(lambda: me(ani).get("phase") == "result", desk.owner)
            result = me(ani)
            assert result["show_score"] and result["unanswered"] == 2
            assert len(result["review"]) == 4
            assert result["review"][0]["explanation"] == SECRET
            # nothing before the finish carried the key, an explanation or a reference
            for raw in before_finish:
                assert SECRET not in raw and REF not in raw
                msg = json.loads(raw)
                for item in [msg, msg.get("personal") or {}, msg.get("state") or {}]:
                    assert "key" not in item.get("review", {})
                    assert "correct" not in item and "review" not in item
            # an image token only ever comes with the question that has that image
            tokens = {f"Pertanyaan q{i}?": desk.desk.test.images[desk.images / f"q{i}.png"]
                      for i in range(1, 5)}
            seen = set()
            for raw in ani.raw:
                msg = json.loads(raw)
                state = msg.get("personal") if msg.get("type") == "welcome" else msg
                on = tokens.get(state.get("text")) if state and state.get("phase") \
                    == "question" else None
                assert {t for t in tokens.values() if t in raw} <= {on}, raw
                if on is not None:
                    assert state["img"] == on
                    seen.add(on)
            assert len(seen) == 2  # the two questions the phone was on
            await ani.drop()

    run(go())
    desk.desk.flush()
    with ResultsStore.open_in(desk.tmp / "data") as store:
        rec = store.attempts(desk.desk.session_id)[0]
        assert rec.status is AttemptStatus.FINISHED and rec.participant.nip == ANI
        assert rec.answers[rec.spec.questions[0].id].flagged  # the first one shown
        assert rec.result is not None and rec.result.unanswered == 2


def test_answer_key_withheld_when_the_plan_hides_review(tmp_path: Path) -> None:
    d = Desk(tmp_path, plan=plan(review=Review.NONE))
    try:
        async def go() -> None:
            async with aiohttp.ClientSession() as http:
                p = await d.phone(http, ANI, "Ani")
                d.desk.open_test()
                await act(p, "start")
                await until(lambda: me(p).get("phase") == "question", d.owner)
                await act(p, "finish")
                await until(lambda: me(p).get("phase") == "result", d.owner)
                assert me(p)["show_score"] is False and "review" not in me(p)
                assert not any(SECRET in r for r in p.raw)
                assert "nilai" not in me(p)
                await p.drop()

        run(go())
    finally:
        d.close()


def test_deadline_on_the_laptop_clock_ends_a_sleeping_phone(tmp_path: Path) -> None:
    d = Desk(tmp_path, plan=plan(time_limit=30, question_time_limit=None))
    try:
        async def go() -> None:
            async with aiohttp.ClientSession() as http:
                p = await d.phone(http, ANI, "Ani")
                d.desk.open_test()
                await act(p, "start")
                await until(lambda: me(p).get("phase") == "question", d.owner)
                await p.drop()  # the phone sleeps
                d.clock.advance(31)
                d.desk.tick()
                await until(lambda: d.desk.rows()[0].status is SeatStatus.FINISHED
                            and d.desk.seats[f"hp-{ANI}"].stored_result, d.owner)
                await p.connect()
                await until(lambda: me(p).get("phase") == "result", d.owner)

        run(go())
    finally:
        d.close()


def test_posttest_links_to_the_pretest_so_gain_works(desk: Desk) -> None:
    async def take(p: Phone, letters: str) -> None:
        await act(p, "start")
        await until(lambda: me(p).get("phase") == "question", desk.owner)
        for i in range(4):
            want = me(p)
            assert want["q"] == i
            # options are shuffled per participant: pick by text ("Pilihan B soal q1")
            target = next(o["l"] for o in want["options"]
                          if o["t"].startswith(f"Pilihan {letters[i]} "))
            key = f"{i}-{letters}"
            await p.answer(i, [target], key)
            await until(lambda k=key: (p.last("ack") or {}).get("key") == k, desk.owner)
            await act(p, "next") if i < 3 else await act(p, "finish")
            await until(lambda n=i + 1: me(p).get("q") == n or me(p).get("phase") == "result",
                        desk.owner)

    async def go() -> None:
        async with aiohttp.ClientSession() as http:
            ani = await desk.phone(http, ANI, "Ani")
            desk.desk.open_test()
            await take(ani, "BAAA")  # 1 of 4 right: nilai 25
            ready: list[int] = []
            desk.desk.next_test(plan(kind=TestKind.POSTTEST, title="Post-test"), [bank()],
                                on_ready=ready.append)
            await until(lambda: bool(ready) and me(ani).get("phase") == "intro", desk.owner)
            post_id = ready[0]
            await take(ani, "BBBA")  # 3 of 4: nilai 75
            desk.desk.flush()
            with ResultsStore.open_in(desk.tmp / "data") as store:
                assert store.session(post_id).pretest_session_id == desk.desk.session_id
                results = load_results(store, post_id)
                assert results.pretest_nilai == {ANI: 25.0}
                assert results.attempts[0].result.nilai == 75.0
            await ani.drop()

    run(go())


def test_check_in_prefilled_from_roster_and_stamped_by_the_laptop(tmp_path: Path) -> None:
    from quiz_app.core.model import Participant

    roster = Roster(tmp_path / "peserta.csv",
                    (Participant("Ani Lestari", ANI, "Analis SDM", "BKPSDM"),
                     Participant("Citra Dewi", "200012312024211001", "Guru", "Disdik")), ())
    d = Desk(tmp_path, roster=roster, guests=True)
    try:
        async def go() -> None:
            async with aiohttp.ClientSession() as http:
                d.desk.open_checkin()
                ani = await d.phone(http, ANI)
                await until(lambda: me(ani).get("mode") == "checkin", d.owner)
                form = me(ani)["form"]
                assert form == {"name": "Ani Lestari", "position": "Analis SDM",
                                "unit": "BKPSDM"} and me(ani)["roster"] is True
                await act(ani, "checkin", key="c1", fields={
                    "name": "Someone Else", "position": "Analis SDM Ahli Muda",
                    "unit": "BKPSDM"})
                await until(lambda: me(ani).get("done") is True, d.owner)
                budi = await d.phone(http, BUDI, "Budi Santoso")  # not on the roster
                await act(budi, "checkin", fields={"name": "Budi Santoso",
                                                   "position": "Pranata Komputer",
                                                   "unit": "Diskominfo"})
                await until(lambda: me(budi).get("done") is True, d.owner)
                counts = d.desk.counts()
                assert counts.checked_in == 2 and counts.joined == 2
                assert [p.name for p in d.desk.missing_from_roster()] == ["Citra Dewi"]
                await ani.drop()
                await budi.drop()

        run(go())
        d.desk.flush()
        with ResultsStore.open_in(tmp_path / "data") as store:
            rows = presence_rows(store, d.desk.session_id, PresenceKind.ATTENDANCE)
        # the roster's name stays; jabatan corrected on the phone; the time is the laptop's
        assert [(r.nip, r.name, r.position) for r in rows] == [
            (ANI, "Ani Lestari", "Analis SDM Ahli Muda"),
            (BUDI, "Budi Santoso", "Pranata Komputer")]
        assert all(r.at.endswith("+00:00") for r in rows)
    finally:
        d.close()


def test_pledge_confirmed_and_counted(desk: Desk) -> None:
    async def go() -> None:
        async with aiohttp.ClientSession() as http:
            ani = await desk.phone(http, ANI, "Ani Lestari")
            desk.desk.open_pledge()
            await until(lambda: (ani.last("desk") or {}).get("mode") == "pledge", desk.owner)
            pledge = ani.last("desk")["pledge"]
            assert "bukan teks resmi" in pledge["label"] and len(pledge["lines"]) >= 5
            await act(ani, "pledge", key="p1")
            await act(ani, "pledge", key="p1")  # a resend: once
            await until(lambda: me(ani).get("done") is True, desk.owner)
            assert desk.desk.counts().pledged == 1
            await ani.drop()

    run(go())
    desk.desk.flush()
    with ResultsStore.open_in(desk.tmp / "data") as store:
        rows = presence_rows(store, desk.desk.session_id, PresenceKind.PLEDGE)
    assert [(r.nip, r.name) for r in rows] == [(ANI, "Ani Lestari")]
    assert rows[0].note.startswith("Ikrar Netralitas ASN (contoh) [")


def test_leaving_the_page_is_counted_once_per_event_and_stored(desk: Desk) -> None:
    async def go() -> None:
        async with aiohttp.ClientSession() as http:
            ani = await desk.phone(http, ANI, "Ani")
            desk.desk.open_test()
            await act(ani, "away", key="w0")  # before the attempt: not counted
            await act(ani, "start")
            await until(lambda: me(ani).get("phase") == "question", desk.owner)
            for key in ("w1", "w1", "w2"):
                await act(ani, "away", key=key)
            await until(lambda: desk.desk.rows()[0].away == 2, desk.owner)
            await ani.drop()

    run(go())
    desk.desk.flush()
    assert desk.desk.mode is DeskMode.TEST
    with ResultsStore.open_in(desk.tmp / "data") as store:
        assert list(away_counts(store, desk.desk.session_id).values()) == [2]
        # never silently penalised: nothing else about the attempt changed
        assert store.attempts(desk.desk.session_id)[0].answers == {}


def test_check_in_pledge_pretest_posttest_then_one_export(desk: Desk) -> None:
    """The issue's 'done when': check-in → pledge → pre-test → post-test on phones, and
    one file with attendance, pledge and N-Gain per participant."""
    import csv

    from quiz_app.core.results import export_session

    async def take(p: Phone, letters: str) -> None:
        await act(p, "start")
        await until(lambda: me(p).get("phase") == "question", desk.owner)
        for i, letter in enumerate(letters):
            target = next(o["l"] for o in me(p)["options"]
                          if o["t"].startswith(f"Pilihan {letter} "))
            key = f"{p.token[:6]}-{i}-{letters}"
            await p.answer(i, [target], key)
            await until(lambda k=key: (p.last("ack") or {}).get("key") == k, desk.owner)
            await act(p, "next" if i < len(letters) - 1 else "finish")
            await until(lambda n=i + 1: me(p).get("q") == n or me(p).get("phase") == "result",
                        desk.owner)

    post_id: list[int] = []

    async def go() -> None:
        async with aiohttp.ClientSession() as http:
            d = desk.desk
            d.open_checkin()
            ani = await desk.phone(http, ANI, "Ani Lestari")
            budi = await desk.phone(http, BUDI, "Budi Santoso")
            for p in (ani, budi):
                await act(p, "checkin", fields={"name": "", "position": "Analis",
                                                "unit": "BKPSDM"})
            await until(lambda: d.counts().checked_in == 2, desk.owner)
            d.open_pledge()
            await act(ani, "pledge")  # Budi does not pledge
            await until(lambda: d.counts().pledged == 1, desk.owner)
            d.open_test()
            await take(ani, "BAAA")  # pre-test 25
            await take(budi, "BBAA")  # pre-test 50
            d.next_test(plan(kind=TestKind.POSTTEST, title="Post-test"), [bank()],
                        on_ready=post_id.append)
            await until(lambda: bool(post_id), desk.owner)
            await take(ani, "BBBB")  # post-test 100
            await take(budi, "BBBA")  # post-test 75
            await ani.drop()
            await budi.drop()

    run(go())
    desk.desk.flush()
    with ResultsStore.open_in(desk.tmp / "data") as store:
        out = export_session(store, post_id[0], desk.tmp / "pasca.csv")
    with open(out.path, encoding="utf-8-sig", newline="") as fh:
        rows = {r["Nama"]: r for r in csv.DictReader(fh, delimiter=";")}
    assert set(rows) == {"Ani Lestari", "Budi Santoso"}
    ani, budi = rows["Ani Lestari"], rows["Budi Santoso"]
    assert (ani["Nilai Pretest"], ani["Nilai Posttest"], ani["N-Gain"]) == ("25", "100", "1")
    assert (budi["Nilai Pretest"], budi["Nilai Posttest"], budi["N-Gain"]) == ("50", "75", "0,5")
    assert ani["Ikrar"] == "Ya" and budi["Ikrar"] == "Tidak"
    assert ":" in ani["Hadir"] and ":" in budi["Hadir"]
    assert ani["Jabatan"] == "Analis" and ani["Unit Kerja"] == "BKPSDM"


def test_forward_only_test_and_question_time_out_on_the_laptop(tmp_path: Path) -> None:
    d = Desk(tmp_path, plan=plan(navigation=Navigation.FORWARD, question_time_limit=20,
                                 time_limit=None))
    try:
        async def go() -> None:
            async with aiohttp.ClientSession() as http:
                p = await d.phone(http, ANI, "Ani")
                d.desk.open_test()
                await act(p, "start")
                await until(lambda: me(p).get("phase") == "question", d.owner)
                assert me(p)["free"] is False
                await act(p, "next")  # unanswered: skipped, stored as empty
                await until(lambda: me(p).get("q") == 1, d.owner)
                await act(p, "back")  # refused by the engine: stays on question 2
                await act(p, "go", q=0)
                await until(lambda: len(p.of_type("me")) >= 5, d.owner)
                assert me(p)["q"] == 1
                d.clock.advance(21)  # question 2's own time runs out on the laptop
                d.desk.tick()
                await until(lambda: me(p).get("q") == 2, d.owner)
                assert me(p)["q_left"] == 20
                await p.drop()

        run(go())
        d.desk.flush()
        with ResultsStore.open_in(tmp_path / "data") as store:
            rec = store.attempts(d.desk.session_id)[0]
        first, second = (rec.spec.questions[i].id for i in (0, 1))
        assert rec.answers[first].choice == frozenset()  # skipped
        assert rec.answers[second].choice == frozenset()  # timed out
        assert rec.answers[second].time_taken == 20
        assert rec.current_index == 2
    finally:
        d.close()


def test_a_running_test_is_not_interrupted_by_a_mode_switch(desk: Desk) -> None:
    async def go() -> None:
        async with aiohttp.ClientSession() as http:
            ani = await desk.phone(http, ANI, "Ani")
            budi = await desk.phone(http, BUDI, "Budi")
            desk.desk.open_test()
            await act(ani, "start")
            await until(lambda: me(ani).get("phase") == "question", desk.owner)
            desk.desk.open_pledge()  # Budi has not started: he sees the pledge
            await until(lambda: me(budi).get("mode") == "pledge", desk.owner)
            assert me(ani)["mode"] == "test" and me(ani)["phase"] == "question"
            await ani.answer(0, ["A"], "k1")  # Ani keeps answering
            await until(lambda: ani.last("ack") is not None, desk.owner)
            await ani.drop()
            await budi.drop()

    run(go())
