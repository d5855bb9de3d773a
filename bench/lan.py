"""Phone server load bench (loopback only, bounded in count and time).

Starts the phone server in-process with a real results store and the real GUI bridge
(a QApplication, offscreen), joins N simulated phones, plays 5 questions with every phone
answering in a burst, and in the last question drops every phone right after it sent its
answer (before the acknowledgement), reconnects it and resends the unacknowledged answer
with its idempotency key. A 5 ms GUI-thread timer measures the longest UI stall, as
``bench/stall.py`` does.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/lan.py --phones 500

Last line: ``phones=500 answers=2500 stored=2500 duplicated=0 ack_p99_ms=… page_p99_ms=…
ui_stall_ms=…``. Goals: nothing lost or doubled, ack p99 <= 150 ms, UI stall <= 50 ms.

``--scenario selfpaced`` (issue 16): the phone desk instead of the hall. N phones each
take a 20-question test at a random human pace (compressed: 0.1–1.2 s a question), and
about one answer in ten is sent just before the phone "reloads" (drops its connection
before the acknowledgement, reconnects, resends only what the laptop does not show as
stored, with the same key). Last line: ``phones=300 attempts=300 answers=6000
stored=6000 duplicated=0 ack_p99_ms=…`` (the line before it has ``ui_stall_ms``).

The simulated phones run in a separate process but share the machine's cores with the
server and the GUI, so the figures are pessimistic for a real hall. ``lan.GAPS`` keeps
every GUI-thread gap with its end time, for probes that match gaps to other events.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MAX_PHONES = 1000
TIME_BUDGET_S = 240.0
QUESTIONS = 5
TICK_MS = 5
GAPS: list[tuple[float, float]] = []  # (end, length) of every GUI-thread gap, for probes


class SimPhone:
    def __init__(self, n: int, base: str, http: Any) -> None:
        self.n = n
        self.base = base
        self.http = http
        self.token = ""
        self.ws: Any = None
        self.msgs: list[dict[str, Any]] = []
        self.event = asyncio.Event()
        self.acked: dict[str, float] = {}
        self.sent: dict[str, float] = {}
        self.reader: asyncio.Task[None] | None = None

    @property
    def nip(self) -> str:
        return f"19850312201001{1 + self.n % 2}{1 + self.n // 2:03d}"

    async def load_page(self, code: str) -> float:
        t = time.perf_counter()
        async with self.http.get(f"{self.base}/j/{code}") as r:
            await r.read()
            assert r.status == 200, r.status
        return time.perf_counter() - t

    async def join(self, code: str) -> None:
        body = json.dumps({"code": code, "nip": self.nip, "name": f"Peserta {self.n}"})
        async with self.http.post(f"{self.base}/api/join", data=body) as r:
            data = await r.json()
            assert r.status == 200, data
            self.token = data["token"]

    async def connect(self) -> None:
        self.ws = await self.http.ws_connect(f"{self.base}/ws", autoping=True)
        self.reader = asyncio.ensure_future(self._read(self.ws))
        await self.ws.send_str(json.dumps({"type": "hello", "token": self.token}))

    async def _read(self, ws: Any) -> None:
        import aiohttp

        async for msg in ws:
            if msg.type != aiohttp.WSMsgType.TEXT:
                break
            m = json.loads(msg.data)
            if m.get("type") == "ack":
                self.acked.setdefault(m["key"], time.perf_counter())
            self.msgs.append(m)
            self.event.set()

    async def wait(self, pred: Any, timeout: float = 60.0) -> None:
        end = time.perf_counter() + timeout
        while not pred():
            self.event.clear()
            left = end - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"phone {self.n}: {self.msgs[-3:]}")
            try:
                await asyncio.wait_for(self.event.wait(), left)
            except TimeoutError:
                pass

    def last(self, kind: str) -> dict[str, Any] | None:
        for m in reversed(self.msgs):
            if m.get("type") == kind:
                return m
        return None

    def running(self, q: int) -> bool:
        st = self.last("question")
        w = self.last("welcome")
        for m in (st, (w or {}).get("state")):
            if m and m.get("q") == q and m.get("phase") == "running":
                return True
        return False

    async def answer(self, q: int, key: str) -> None:
        self.sent[key] = time.perf_counter()
        await self.ws.send_str(json.dumps({"type": "answer", "token": self.token, "q": q,
                                           "letters": ["B"], "key": key}))

    async def drop(self) -> None:
        await self.ws.close()
        if self.reader is not None:
            await self.reader
        self.msgs.clear()


SELF_PACED_QUESTIONS = 20


def _me(p: SimPhone) -> dict[str, Any]:
    for m in reversed(p.msgs):
        if m.get("type") == "me":
            return m
        if m.get("type") == "welcome" and m.get("personal"):
            return m["personal"]
    return {}


async def self_paced(p: SimPhone, seed: int) -> list[float]:
    """One participant's whole test at a human pace, with reloads; returns ack times."""
    import random

    rnd = random.Random(seed)
    acks: list[float] = []
    await p.wait(lambda: _me(p).get("phase") == "intro")
    await p.ws.send_str(json.dumps({"type": "act", "token": p.token, "do": "start",
                                    "key": f"s{p.n}"}))
    await p.wait(lambda: _me(p).get("phase") == "question")
    for q in range(SELF_PACED_QUESTIONS):
        await p.wait(lambda q=q: _me(p).get("q") == q)
        await asyncio.sleep(rnd.uniform(0.1, 1.2))
        letter = rnd.choice("ABCD")
        k = f"p{p.n}-q{q}"
        p.sent[k] = time.perf_counter()
        msg = json.dumps({"type": "answer", "token": p.token, "q": q, "letters": [letter],
                          "key": k})
        await p.ws.send_str(msg)
        if rnd.random() < 0.1:  # the page reloads before the acknowledgement
            await p.drop()
            await p.connect()
            await p.wait(lambda: p.last("welcome") is not None)
            mine = ((p.last("welcome") or {}).get("personal") or {}).get("mine")
            if mine != [letter]:
                p.sent[k] = time.perf_counter()
                await p.ws.send_str(msg)  # not shown as stored: the same key again
            else:
                p.acked.setdefault(k, time.perf_counter())
        await p.wait(lambda k=k: k in p.acked)
        acks.append(p.acked[k] - p.sent[k])
        do = "next" if q < SELF_PACED_QUESTIONS - 1 else "finish"
        await p.ws.send_str(json.dumps({"type": "act", "token": p.token, "do": do,
                                        "key": f"{do}{p.n}-{q}"}))
    await p.wait(lambda: _me(p).get("phase") == "result", timeout=120)
    return acks


def phones_process(conn: Any, base: str, code: str, n: int) -> None:
    """The simulated phones: one asyncio loop, commands from the bench over a pipe."""
    asyncio.run(_phones(conn, base, code, n))


async def _phones(conn: Any, base: str, code: str, n: int) -> None:
    import aiohttp

    http = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0),
                                 timeout=aiohttp.ClientTimeout(total=60))
    ps = [SimPhone(i, base, http) for i in range(n)]
    loop = asyncio.get_running_loop()

    async def each(fn: Any) -> list[Any]:
        return list(await asyncio.gather(*(fn(p) for p in ps)))

    async def joined(p: SimPhone) -> None:
        await p.join(code)
        await p.connect()
        await p.wait(lambda: p.last("welcome") is not None)

    async def answer(p: SimPhone, q: int) -> float:
        k = f"q{q}-p{p.n}"
        await p.answer(q, k)
        await p.wait(lambda: k in p.acked)
        return p.acked[k] - p.sent[k]

    async def answer_drop_resend(p: SimPhone, q: int) -> None:
        k = f"q{q}-p{p.n}"
        await p.answer(q, k)
        await p.drop()
        await p.connect()
        await p.wait(lambda: p.last("welcome") is not None)
        w = p.last("welcome") or {}
        if w.get("mine") != ["B"]:
            await p.answer(q, k)  # not acknowledged: the same key again
            await p.wait(lambda: k in p.acked)

    while True:
        command, args = await loop.run_in_executor(None, conn.recv)
        arg = args[0] if args else None
        try:
            if command == "ready":
                value: Any = None
            elif command == "page":
                value = await each(lambda p: p.load_page(code))
            elif command == "join":
                value = await each(joined)
            elif command == "running":
                value = await each(lambda p, q=arg: p.wait(lambda p=p: p.running(q)))
            elif command == "answer":
                value = await each(lambda p, q=arg: answer(p, q))
            elif command == "answer_drop_resend":
                value = await each(lambda p, q=arg: answer_drop_resend(p, q))
            elif command == "result":
                value = await each(lambda p, q=arg: p.wait(
                    lambda p=p: (p.last("result") or {}).get("q") == q))
            elif command == "final":
                value = await each(lambda p: p.wait(lambda p=p: p.last("final") is not None))
            elif command == "selfpaced":
                value = [t for ts in await each(lambda p: self_paced(p, p.n)) for t in ts]
            elif command == "close":
                for p in ps:
                    if p.ws is not None:
                        await p.ws.close()
                await http.close()
                conn.send((True, None))
                return
            else:
                raise ValueError(command)
        except Exception as exc:  # noqa: BLE001 - reported to the bench, which stops
            conn.send((False, repr(exc)))
            return
        conn.send((True, value))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--phones", type=int, default=500)
    ap.add_argument("--scenario", choices=("hall", "selfpaced"), default="hall")
    args = ap.parse_args(argv)
    if not 1 <= args.phones <= MAX_PHONES:
        raise SystemExit(f"--phones must be 1..{MAX_PHONES}")
    n = args.phones
    if args.scenario == "selfpaced":
        return selfpaced_main(n)
    deadline = time.monotonic() + TIME_BUDGET_S

    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from quiz_app.core.clock import monotonic_clock
    from quiz_app.core.model import Order, Scoring
    from quiz_app.core.results import DB_FILENAME
    from quiz_app.lan.hall import PhoneHallSession
    from quiz_app.lan.limits import Limits
    from quiz_app.ui.lan_bridge import LanBridge
    from tests.helpers.fakes import make_bank, make_plan, make_question

    app = QApplication.instance() or QApplication([])
    tmp = Path(tempfile.mkdtemp(prefix="kuis-lan-bench-"))
    qs = [make_question(f"q{i}", answer="B", shuffle=False) for i in range(1, QUESTIONS + 1)]
    plan = make_plan(order=Order.BANK, shuffle_options=False, question_time_limit=120,
                     scoring=Scoring.SPEED)
    session = PhoneHallSession.create_phones(tmp / "data", tmp / "bank.yaml", plan,
                                             [make_bank(questions=qs)], monotonic_clock,
                                             show_leaderboard=False)
    bridge = LanBridge(session)
    loose = Limits(http_rate=1e6, http_burst=1e6, join_rate=1e6, join_burst=1e6,
                   message_rate=1e6, message_burst=1e6)  # every phone is 127.0.0.1 here
    port = session.start_server(bridge.post, host="127.0.0.1", port=0, limits=loose)
    base = f"http://127.0.0.1:{port}"
    code = session.code or ""

    # the simulated phones run in their own process (like real phones, they do not
    # share the app's GIL); the GUI thread waits on the pipe without blocking
    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=phones_process, args=(child, base, code, n), daemon=True)
    proc.start()

    def wait_gui(cond: Any) -> None:
        """Run the GUI event loop until ``cond()`` (checked every 5 ms)."""
        ev = QEventLoop()
        check = QTimer()
        check.setInterval(5)
        check.timeout.connect(lambda: ev.quit() if cond() or time.monotonic() > deadline
                              else None)
        check.start()
        if not cond():
            ev.exec()
        check.stop()
        if not cond():
            proc.kill()
            raise SystemExit("bench ran out of time")

    def phones(command: str, *args: Any) -> Any:
        parent.send((command, args))
        wait_gui(parent.poll)
        ok, value = parent.recv()
        if not ok:
            proc.kill()
            raise SystemExit(f"phones failed at {command}: {value}")
        return value

    gaps: list[float] = []
    last = [time.perf_counter()]
    stage = ["setup"]
    worst: dict[str, float] = {}

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        GAPS.append((now, now - last[0]))
        worst[stage[0]] = max(worst.get(stage[0], 0.0), now - last[0])
        last[0] = now

    stall = QTimer()
    stall.setTimerType(Qt.TimerType.PreciseTimer)
    stall.setInterval(TICK_MS)
    stall.timeout.connect(tick)

    phones("ready")
    stall.start()
    last[0] = time.perf_counter()
    stage[0] = "page"
    page_times = phones("page")
    stage[0] = "join"
    phones("join")
    wait_gui(lambda: len(session.attempts) == n)

    ack_times: list[float] = []
    answers = 0
    for q in range(QUESTIONS):
        stage[0] = f"start{q}"
        session.start()
        phones("running", q)
        stage[0] = f"answer{q}"
        if q == QUESTIONS - 1:
            # every phone drops right after sending, before its acknowledgement, then
            # reconnects and resends what was not acknowledged (same key)
            phones("answer_drop_resend", q)
        else:
            ack_times += phones("answer", q)
        answers += n
        wait_gui(lambda q=q: len(session.game.answered(q)) == n)
        stage[0] = f"reveal{q}"
        session.reveal()
        phones("result", q)
        session.next()
    stage[0] = "final"
    phones("final")
    stall.stop()
    ui_stall = max(gaps, default=0.0)
    commits = session.writer.commits
    phones("close")
    proc.join(10)
    session.close()

    conn = sqlite3.connect(tmp / "data" / DB_FILENAME)
    stored = conn.execute("SELECT count(*) FROM answers WHERE choice_json != '[]'").fetchone()[0]
    duplicated = conn.execute("SELECT count(*) FROM answers WHERE revision > 1").fetchone()[0]
    conn.close()
    shutil.rmtree(tmp, ignore_errors=True)

    def p99(xs: list[float]) -> float:
        return statistics.quantiles(xs, n=100)[98] * 1000 if len(xs) > 1 else xs[0] * 1000

    if os.environ.get("LAN_BENCH_STAGES"):
        print(" ".join(f"{k}={v * 1000:.0f}" for k, v in worst.items()))
    print(f"commits={commits} ack_median_ms={statistics.median(ack_times) * 1000:.1f} "
          f"ack_max_ms={max(ack_times) * 1000:.1f} page_median_ms="
          f"{statistics.median(page_times) * 1000:.1f}")
    print(f"phones={n} answers={answers} stored={stored} duplicated={duplicated} "
          f"ack_p99_ms={p99(ack_times):.0f} page_p99_ms={p99(page_times):.0f} "
          f"ui_stall_ms={ui_stall * 1000:.0f}")
    del app
    return 0 if stored == answers and duplicated == 0 else 1


def selfpaced_main(n: int) -> int:
    """The phone desk under load: N self-paced 20-question tests with reloads."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from quiz_app.core.clock import monotonic_clock
    from quiz_app.core.model import Order
    from quiz_app.core.results import DB_FILENAME
    from quiz_app.lan.desk import PhoneDesk, SeatStatus
    from quiz_app.lan.limits import Limits
    from quiz_app.ui.lan_bridge import LanBridge
    from tests.helpers.fakes import make_bank, make_plan

    deadline = time.monotonic() + TIME_BUDGET_S
    app = QApplication.instance() or QApplication([])
    tmp = Path(tempfile.mkdtemp(prefix="kuis-desk-bench-"))
    plan = make_plan(order=Order.SHUFFLED, shuffle_options=True, question_time_limit=600,
                     title="Pre-test")
    desk = PhoneDesk.create(tmp / "data", monotonic_clock, plan,
                            [make_bank(n_questions=SELF_PACED_QUESTIONS)])
    bridge = LanBridge(desk)  # type: ignore[arg-type]
    loose = Limits(http_rate=1e6, http_burst=1e6, join_rate=1e6, join_burst=1e6,
                   message_rate=1e6, message_burst=1e6)
    port = desk.start_server(bridge.post, host="127.0.0.1", port=0, limits=loose)
    desk.open_test()
    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=phones_process,
                       args=(child, f"http://127.0.0.1:{port}", desk.code or "", n), daemon=True)
    proc.start()
    ticker = QTimer()
    ticker.setInterval(500)
    ticker.timeout.connect(desk.tick)  # deadlines, as the console does
    ticker.start()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        GAPS.append((now, now - last[0]))
        last[0] = now

    stall = QTimer()
    stall.setTimerType(Qt.TimerType.PreciseTimer)
    stall.setInterval(TICK_MS)
    stall.timeout.connect(tick)

    def wait_gui(cond: Any) -> None:
        ev = QEventLoop()
        check = QTimer()
        check.setInterval(5)
        check.timeout.connect(lambda: ev.quit() if cond() or time.monotonic() > deadline
                              else None)
        check.start()
        if not cond():
            ev.exec()
        check.stop()
        if not cond():
            proc.kill()
            raise SystemExit("bench ran out of time")

    def phones(command: str) -> Any:
        parent.send((command, ()))
        wait_gui(parent.poll)
        ok, value = parent.recv()
        if not ok:
            proc.kill()
            raise SystemExit(f"phones failed at {command}: {value}")
        return value

    phones("ready")
    stall.start()
    last[0] = time.perf_counter()
    phones("join")
    wait_gui(lambda: len(desk.seats) == n)
    ack_times = phones("selfpaced")
    wait_gui(lambda: all(r.status is SeatStatus.FINISHED for r in desk.rows()))
    stall.stop()
    ticker.stop()
    ui_stall = max(gaps, default=0.0)
    phones("close")
    proc.join(10)
    commits = desk.writer.commits
    desk.close()
    conn = sqlite3.connect(tmp / "data" / DB_FILENAME)
    attempts = conn.execute("SELECT count(*) FROM attempts WHERE status = 'finished'"
                            ).fetchone()[0]
    stored = conn.execute("SELECT count(*) FROM answers WHERE choice_json != '[]'").fetchone()[0]
    duplicated = conn.execute("SELECT count(*) FROM answers WHERE revision > 1").fetchone()[0]
    conn.close()
    shutil.rmtree(tmp, ignore_errors=True)
    answers = n * SELF_PACED_QUESTIONS
    p99 = statistics.quantiles(ack_times, n=100)[98] * 1000 if len(ack_times) > 1 else 0.0
    print(f"commits={commits} ack_median_ms={statistics.median(ack_times) * 1000:.1f} "
          f"ack_max_ms={max(ack_times) * 1000:.1f} ui_stall_ms={ui_stall * 1000:.0f}")
    print(f"phones={n} attempts={attempts} answers={answers} stored={stored} "
          f"duplicated={duplicated} ack_p99_ms={p99:.0f}")
    del app
    return 0 if stored == answers and duplicated == 0 and attempts == n else 1


if __name__ == "__main__":
    raise SystemExit(main())
