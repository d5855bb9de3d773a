"""The phone desk: self-paced tests, the attendance list (daftar hadir) and the pledge
(ikrar) on participants' phones, over the hall's Wi-Fi. No Qt.

A :class:`PhoneDesk` runs the same phone server as the hall quiz (one join with NIP, a
device token per seat, reconnects, rate limits) and the same group-commit
:class:`~quiz_app.lan.writer.StoreWriter`, with its own page (``page/desk.html``). The
trainer switches the desk between modes; phones follow:

* ``checkin`` — each phone registers NIP, name, jabatan and unit kerja (pre-filled from
  the roster when the NIP is on it); the laptop stamps the time.
* ``pledge`` — the pledge text (:class:`~quiz_app.core.banks.Pledge`); each phone confirms
  "Saya menyatakan ikrar ini"; NIP, name and the laptop's time are stored.
* ``test`` — a self-paced test (pre-test, post-test …): each participant runs the
  participant flow at their own pace. The engine runs here: one
  :class:`~quiz_app.core.quiz.Attempt` per participant, on the laptop's clock, stored like
  a laptop attempt (so pre/post linking and N-Gain work), every answer committed before
  the phone sees "tersimpan". Phones only get the public text of the question they are
  on; the key and the explanations reach a phone only after that participant finished,
  and only when the plan's ``review`` allows it.

Threads: the server thread calls the :class:`~quiz_app.lan.server.LanHooks` methods,
which only post work to the owner (UI) thread; everything else runs on the owner thread;
store writes run on the writer thread. The owner calls :meth:`PhoneDesk.tick` a few times
a second so deadlines apply while a phone sleeps.
"""

from __future__ import annotations

import logging
import secrets
import uuid
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..core.banks import Pledge
from ..core.clock import Clock
from ..core.errors import StoreError
from ..core.model import OPTION_KEYS, Bank, Participant, Plan, QuestionType, TestKind
from ..core.people import Roster
from ..core.quiz import (
    ActionRefused,
    AnswerRecord,
    Attempt,
    AttemptFinished,
    Event,
    QuestionShown,
    QuestionTimedOut,
    build_attempt,
)
from ..core.results import PresenceKind, ResultsStore, note_away, now_iso, record_presence
from . import DESK_MARK
from .desk_screens import (
    DeskCounts,
    DeskMode,
    DeskRow,
    DeskSeat,
    DeskTest,
    SeatStatus,
    TakeoverRequest,
    seat_screen,
)
from .images import ImageShelf
from .limits import Limits
from .owner import OwnerInbox, Post
from .protocol import ActMsg
from .server import IncomingAnswer, JoinPolicy, LanServer, SeatInfo
from .writer import StoreWriter

log = logging.getLogger(__name__)

__all__ = ["DESK_MARK", "DeskMode", "DeskRow", "PhoneDesk", "SeatStatus", "TakeoverRequest"]

CHECKPOINT_EVERY = 10.0  # seconds of laptop clock between checkpoints of a running attempt



class PhoneDesk:
    """Check-in, pledge and self-paced tests on phones. Create with :meth:`create`, then
    :meth:`start_server`; switch modes with :meth:`open_checkin`, :meth:`open_pledge`,
    :meth:`open_test`; call :meth:`tick` from the owner thread's timer."""

    def __init__(self, data_dir: Path, clock: Clock, session_id: int, test: DeskTest, *,
                 writer: StoreWriter, pledge: Pledge | None = None,
                 roster: Roster | None = None, guests: bool = True) -> None:
        self.data_dir = Path(data_dir)
        self.clock = clock
        self.session_id = session_id  # attendance and pledge belong to this session
        self.test = test
        self.pledge = pledge
        self.roster = roster
        self.guests = guests
        self.writer = writer
        writer.on_error = self._writer_failed
        self.mode = DeskMode.IDLE
        self.seats: dict[str, DeskSeat] = {}
        self.server: LanServer | None = None
        self.code: str | None = None
        self.takeovers: list[TakeoverRequest] = []
        self.confirmed_host: str | None = None
        self.on_change: Callable[[], None] | None = None  # the console redraws (throttled)
        self.on_error: Callable[[StoreError], None] | None = None
        self.errors: list[str] = []
        self._inbox = OwnerInbox()
        self.state_path: Path | None = None  # the resume file (``desk_file``), if any
        self.roster_path: str = ""
        self.images = ImageShelf(clock)  # question images, served to phones by token

    # ------------------------------------------------------------------ creating

    @classmethod
    def create(cls, data_dir: Path, clock: Clock, plan: Plan, banks: Sequence[Bank], *,
               title: str | None = None, place: str = "", trainer: str = "",
               pretest_session_id: int | None = None, pledge: Pledge | None = None,
               roster: Roster | None = None, guests: bool = True,
               source: Path | None = None, roster_path: Path | None = None) -> PhoneDesk:
        """Open a results session for ``plan`` (attendance and the pledge belong to it)
        and the writer thread. The server starts with :meth:`start_server`. With
        ``source`` (the plan or bank file) the desk keeps a resume file
        (:mod:`quiz_app.lan.desk_file`) so it can continue after a crash."""
        from .desk_file import new_state_path

        name = title or plan.title
        with ResultsStore.open_in(data_dir) as store:
            session_id = store.create_session(name, plan, place=place, trainer=trainer,
                                              pretest_session_id=pretest_session_id).id
        writer = StoreWriter(data_dir)
        writer.start()
        desk = cls(data_dir, clock, session_id,
                   DeskTest(session_id, plan, tuple(banks), name,
                            source=str(Path(source).resolve()) if source else ""),
                   writer=writer, pledge=pledge, roster=roster, guests=guests)
        if source is not None:
            desk.state_path = new_state_path(data_dir)
            desk.roster_path = str(roster_path or "")
        return desk

    # ------------------------------------------------------------------ the server

    def start_server(self, post: Post, *, host: str = "0.0.0.0", port: int = 0,
                     limits: Limits | None = None) -> int:
        self._inbox.post = post
        policy = JoinPolicy(roster=self.roster, guests_allowed=self.guests or self.roster is None)
        self.test.images = self.images.add(self.test.banks)
        self.server = LanServer(self, self.clock, policy=policy, code=self.code, limits=limits,
                                seats=[s.info for s in self.seats.values()], page="desk.html",
                                images=self.images)
        self.code = self.server.code
        port = self.server.start(host, port)
        for seat in self.seats.values():  # attempts resumed after a crash go on now
            if seat.attempt is not None and not seat.attempt.is_started:
                self._handle(seat, seat.attempt.start())
                seat.checkpointed = self.clock()
        self._publish_all()
        return port

    def stop_server(self) -> None:
        if self.server is not None:
            self.server.stop()

    def close(self) -> None:
        """Stop the server and write everything queued. Attempts still running stay
        ``in_progress`` in the store (end the test first to score them)."""
        self.stop_server()
        self._save(closed=True)
        self.writer.flush()
        self.writer.stop()

    def resolve_takeover(self, request_id: str, approve: bool) -> None:
        self.takeovers = [t for t in self.takeovers if t.id != request_id]
        if self.server is not None:
            self.server.resolve_takeover(request_id, approve)
        self._changed()

    def remove_seat(self, seat_id: str) -> None:
        if self.server is not None:
            self.server.remove_seat(seat_id)

    # ------------------------------------------------------------------ trainer

    def open_checkin(self) -> None:
        self.mode = DeskMode.CHECKIN
        self._publish_all()

    def open_pledge(self, pledge: Pledge | None = None) -> None:
        if pledge is not None:
            self.pledge = pledge
        if self.pledge is None:
            raise ValueError("no pledge text")
        self.mode = DeskMode.PLEDGE
        self._publish_all()

    def open_test(self) -> None:
        self.mode = DeskMode.TEST
        self._publish_all()

    def idle(self) -> None:
        self.mode = DeskMode.IDLE
        self._publish_all()

    def end_test(self) -> None:
        """The trainer ends the test: every attempt still running is scored now with
        its answers so far (as ``time_up`` in laptop mode)."""
        for seat in self.seats.values():
            if seat.attempt is not None and not seat.attempt.is_finished:
                self._handle(seat, seat.attempt.time_up())
        self._changed()

    def next_test(self, plan: Plan, banks: Sequence[Bank], *, title: str | None = None,
                  link_pretest: bool | None = None, source: Path | None = None,
                  on_ready: Callable[[int], None] | None = None) -> None:
        """A new test on the same desk (same join code, same phones), e.g. the post-test
        after the material. Running attempts of the current test are ended first. The
        new results session links to the current one as its pre-test when
        ``link_pretest`` (default: the current plan is a pre-test and the new one a
        post-test), exactly as in laptop mode, so N-Gain works.

        The session is created on the writer thread; the desk switches to it on the owner
        thread and calls ``on_ready(session_id)`` (a failure goes to ``on_error``)."""
        self.end_test()
        if link_pretest is None:
            link_pretest = (self.test.plan.kind is TestKind.PRETEST
                            and plan.kind is TestKind.POSTTEST)
        name = title or plan.title
        pre = self.test.session_id if link_pretest else None
        holder: list[int] = []
        chosen = tuple(banks)

        def write(store: ResultsStore) -> None:
            holder.append(store.create_session(name, plan, pretest_session_id=pre).id)

        def done(ok: bool) -> None:
            if ok and holder:
                test = DeskTest(holder[0], plan, chosen, name,
                                source=str(Path(source).resolve()) if source else "")
                self._to_owner(lambda: self._switch_test(test, on_ready))

        self.writer.put(write, done)

    def _switch_test(self, test: DeskTest, on_ready: Callable[[int], None] | None) -> None:
        test.images = self.images.add(test.banks)
        self.test = test
        for seat in self.seats.values():
            seat.attempt = None
            seat.attempt_id = None
            seat.result = None
            seat.stored_result = False
            seat.away = 0
        self.mode = DeskMode.TEST
        self._publish_all()
        self._changed()
        if on_ready is not None:
            on_ready(test.session_id)

    def tick(self) -> None:
        """Owner thread, a few times a second: apply deadlines (a sleeping phone's test
        still ends on time) and push what changed."""
        now = self.clock()
        for seat in self.seats.values():
            a = seat.attempt
            if a is not None and not a.is_finished:
                events = a.poll()
                if events:
                    self._handle(seat, events)
                elif now - seat.checkpointed >= CHECKPOINT_EVERY:
                    self._checkpoint(seat)  # time used, for a resume after a crash

    # ------------------------------------------------------------------ console

    def rows(self) -> list[DeskRow]:
        out = []
        connected = self.server.connected_ids() if self.server is not None else set()
        for sid, s in self.seats.items():
            a = s.attempt
            if a is None:
                status, q, total, answered = SeatStatus.NOT_STARTED, 0, 0, 0
            elif a.is_finished:
                status, q, total, answered = (SeatStatus.FINISHED, len(a), len(a),
                                              a.answered_count)
            else:
                status, q, total, answered = (SeatStatus.IN_PROGRESS, a.current_index + 1,
                                              len(a), a.answered_count)
            nilai = s.result.nilai if s.result is not None and s.result.graded else None
            out.append(DeskRow(sid, s.person.name, s.person.nip, s.checked_in,
                               s.pledged is not None, status, q, total, answered, s.away,
                               nilai, sid in connected))
        return out

    def counts(self) -> DeskCounts:
        c = DeskCounts(joined=len(self.seats))
        c.connected = self.server.connected if self.server is not None else 0
        for r in self.rows():
            c.checked_in += r.checked_in is not None
            c.pledged += r.pledged
            if r.status is SeatStatus.NOT_STARTED:
                c.not_started += 1
            elif r.status is SeatStatus.IN_PROGRESS:
                c.in_progress += 1
            else:
                c.finished += 1
        return c

    def missing_from_roster(self) -> list[Participant]:
        """Roster entries nobody checked in for (the console's "belum hadir")."""
        if self.roster is None:
            return []
        came = {s.person.nip for s in self.seats.values() if s.checked_in and s.person.nip}
        return [p for p in self.roster.participants if p.nip not in came]

    # ------------------------------------------------------------------ LanHooks (server thread)

    def seat_joined(self, seat: SeatInfo, participant: Participant) -> None:
        self._to_owner(lambda: self._on_joined(seat, participant))

    def answers(self, batch: list[IncomingAnswer]) -> None:
        self._to_owner(lambda: self._on_answers(batch))

    def act(self, seat_id: str, msg: ActMsg, at: float) -> None:
        self._to_owner(lambda: self._on_act(seat_id, msg))

    def takeover_requested(self, request_id: str, seat_id: str, name: str) -> None:
        self._to_owner(lambda: self._on_takeover(TakeoverRequest(request_id, seat_id, name)))

    def first_contact(self, host: str) -> None:
        self._to_owner(lambda: self._on_contact(host))

    def _to_owner(self, fn: Callable[[], None]) -> None:
        self._inbox.put(fn)

    # ------------------------------------------------------------------ owner thread

    def _on_contact(self, host: str) -> None:
        self.confirmed_host = host
        self._changed()

    def _on_takeover(self, request: TakeoverRequest) -> None:
        self.takeovers.append(request)
        self._changed()

    def _on_joined(self, info: SeatInfo, participant: Participant) -> None:
        seat = self.seats.get(info.id)
        if seat is None:
            person = Participant(participant.name, participant.nip, participant.position,
                                 participant.unit, participant.rank, extra=(DESK_MARK,))
            seat = self.seats[info.id] = DeskSeat(info, person)
        else:
            seat.info = info  # a takeover: the new device's token
        self._save()
        self._push(seat)
        self._changed()

    def _on_answers(self, batch: list[IncomingAnswer]) -> None:
        server = self.server
        refused: list[tuple[str, str, int, list[str], str]] = []
        for a in batch:
            seat = self.seats.get(a.seat_id)
            attempt = seat.attempt if seat is not None else None
            if seat is None or attempt is None or attempt.is_finished:
                refused.append((a.seat_id, a.key, a.q, [], "refused:not_open"))
                continue
            if a.q != attempt.current_index:
                refused.append((a.seat_id, a.key, a.q, [], "refused:other_question"))
                continue
            aq = attempt.current
            try:
                keys = [aq.option_order[OPTION_KEYS.index(x)] for x in sorted(a.letters)]
            except (ValueError, IndexError):
                refused.append((a.seat_id, a.key, a.q, [], "refused:invalid_choice"))
                continue
            try:
                record = attempt.answer(keys[0] if len(keys) == 1
                                        and aq.question.type is not QuestionType.MULTIPLE
                                        else keys)
            except ActionRefused as exc:
                refused.append((a.seat_id, a.key, a.q, [], f"refused:{exc.reason}"))
                self._handle(seat, attempt.poll())
                continue
            letters = sorted(a.letters)
            self._persist(seat, record, ack=(a.key, a.q, letters))
        if refused and server is not None:
            server.acknowledge(refused)
        self._changed()

    def _on_act(self, seat_id: str, msg: ActMsg) -> None:
        seat = self.seats.get(seat_id)
        if seat is None:
            return
        do = msg.do
        if do == "checkin":
            self._check_in(seat, msg)
        elif do == "pledge":
            self._confirm_pledge(seat)
        elif do == "away":
            if seat.attempt is not None and not seat.attempt.is_finished:
                seat.away += 1
                attempt_id, count = seat.attempt_id, seat.away
                assert attempt_id is not None
                self.writer.put(lambda store: note_away(store, attempt_id, count))
                self._changed()
        elif self.mode is DeskMode.TEST or _running(seat):
            self._test_act(seat, msg)
        else:
            self._push(seat)

    def _test_act(self, seat: DeskSeat, msg: ActMsg) -> None:
        do = msg.do
        if do == "start":
            if seat.attempt is None:
                self._start_attempt(seat)
            else:
                self._push(seat)
            return
        a = seat.attempt
        if a is None or a.is_finished:
            self._push(seat)
            return
        before = a.current_index
        try:
            if do == "finish":
                self._handle(seat, a.finish())
                return
            if do == "flag":
                if msg.q is not None and msg.q != a.current_index:
                    self._push(seat)
                    return
                self._persist(seat, a.flag(msg.on))
                return
            if do == "next":
                rec = a.record()
                if a.is_last:
                    self._push(seat)
                    return
                if rec is None or not rec.choice:
                    self._persist(seat, a.skip(), push=False)
                else:
                    a.next()
            elif do == "back":
                a.back()
            elif do == "go" and msg.q is not None:
                a.go_to(msg.q)
        except ActionRefused:
            self._handle(seat, a.poll())
            self._push(seat)
            return
        if a.current_index != before:
            self._checkpoint(seat)
        self._push(seat)
        self._changed()

    # ------------------------------------------------------------------ attempts

    def _start_attempt(self, seat: DeskSeat) -> None:
        test = self.test
        spec = build_attempt(test.plan, test.banks, secrets.token_hex(8))  # own shuffle
        attempt_id = uuid.uuid4().hex
        attempt = Attempt(spec, self.clock)
        seat.attempt, seat.attempt_id = attempt, attempt_id
        session_id, person = test.session_id, seat.person

        def write(store: ResultsStore) -> None:
            store.start_attempt(session_id, person, spec, attempt_id=attempt_id)

        self.writer.put(write)
        self._save()  # names the attempt before any answer of it is written
        events = attempt.start()
        self._checkpoint(seat)
        self._handle(seat, events)
        self._push(seat)
        self._changed()

    def _persist(self, seat: DeskSeat, record: AnswerRecord, *,
                 ack: tuple[str, int, list[str]] | None = None, push: bool = True) -> None:
        """Store one answer record with a checkpoint; acknowledge (and remember the new
        personal state for a reconnect) only after the commit."""
        a = seat.attempt
        assert a is not None and seat.attempt_id is not None
        attempt_id = seat.attempt_id
        cp = a.checkpoint() if not a.is_finished else None
        state = self._state(seat)
        server = self.server
        seat_id = seat.info.id

        def write(store: ResultsStore) -> None:
            if cp is None:
                store.record_answer(attempt_id, record)
            else:
                store.record_answer(attempt_id, record, elapsed=cp.elapsed,
                                    current_index=cp.current,
                                    question_time_used=cp.question_time_used)

        def done(ok: bool) -> None:
            if server is None:
                return
            if ack is not None:
                key, q, letters = ack
                server.acknowledge([(seat_id, key, q, letters, "ack" if ok else "error")])
            if ok:
                if push and ack is None:
                    server.publish_personal({seat_id: state})
                else:
                    server.remember_personal({seat_id: state})

        self.writer.put(write, done)

    def _checkpoint(self, seat: DeskSeat) -> None:
        a = seat.attempt
        if a is None or a.is_finished or seat.attempt_id is None:
            return
        cp = a.checkpoint()
        attempt_id = seat.attempt_id
        seat.checkpointed = self.clock()

        def write(store: ResultsStore) -> None:
            store.checkpoint(attempt_id, cp.elapsed, cp.current,
                             question_time_used=cp.question_time_used)

        self.writer.put(write)

    def _handle(self, seat: DeskSeat, events: Sequence[Event]) -> None:
        moved = False
        for ev in events:
            if isinstance(ev, QuestionTimedOut):
                if ev.record is not None:
                    self._persist(seat, ev.record, push=False)
            elif isinstance(ev, QuestionShown):
                moved = True
            elif isinstance(ev, AttemptFinished):
                self._finish(seat, ev)
                return
        if moved:
            self._checkpoint(seat)
            self._push(seat)
            self._changed()

    def _finish(self, seat: DeskSeat, ev: AttemptFinished) -> None:
        a = seat.attempt
        assert a is not None and seat.attempt_id is not None
        result = seat.result = a.result()
        attempt_id = seat.attempt_id

        def write(store: ResultsStore) -> None:
            store.finish_attempt(attempt_id, result, ev.elapsed)

        def done(ok: bool) -> None:
            self._to_owner(lambda: self._finished(seat, ok))

        self.writer.put(write, done)
        self._changed()

    def _finished(self, seat: DeskSeat, ok: bool) -> None:
        seat.stored_result = ok
        self._push(seat)
        self._changed()

    # ------------------------------------------------------------------ check-in, pledge

    def _check_in(self, seat: DeskSeat, msg: ActMsg) -> None:
        if self.mode is not DeskMode.CHECKIN:
            self._push(seat)
            return
        p = seat.person
        name = msg.field("name") or p.name
        if self.roster is not None and p.nip and self.roster.find(p.nip) is not None:
            name = p.name  # the roster's name stays; jabatan and unit may be corrected
        person = replace(p, name=name, position=msg.field("position") or p.position,
                         unit=msg.field("unit") or p.unit)
        seat.person = person
        session_id = self.session_id
        stamp = seat.checked_in or now_iso()
        holder: list[str] = []

        def write(store: ResultsStore) -> None:
            holder.append(record_presence(store, session_id, PresenceKind.ATTENDANCE,
                                          person, at=stamp).at)

        def done(ok: bool) -> None:
            self._to_owner(lambda: self._presence_stored(seat, "checkin",
                                                         holder[0] if ok and holder else None))

        self.writer.put(write, done)

    def _confirm_pledge(self, seat: DeskSeat) -> None:
        if self.mode is not DeskMode.PLEDGE or self.pledge is None:
            self._push(seat)
            return
        session_id, person = self.session_id, seat.person
        note = f"{self.pledge.title} [{self.pledge.digest}]"
        holder: list[str] = []

        def write(store: ResultsStore) -> None:
            holder.append(record_presence(store, session_id, PresenceKind.PLEDGE, person,
                                          note=note).at)

        def done(ok: bool) -> None:
            self._to_owner(lambda: self._presence_stored(seat, "pledge",
                                                         holder[0] if ok and holder else None))

        self.writer.put(write, done)

    def _presence_stored(self, seat: DeskSeat, what: str, at: str | None) -> None:
        if at is None:
            self._push(seat, error="not_stored")
            return
        if what == "checkin":
            seat.checked_in = at
        else:
            seat.pledged = at
        self._save()
        self._push(seat)
        self._changed()

    # ------------------------------------------------------------------ what phones see

    def public_state(self) -> dict[str, Any]:
        msg: dict[str, Any] = {"type": "desk", "mode": str(self.mode), "title": self.test.title}
        if self.mode is DeskMode.PLEDGE and self.pledge is not None:
            p = self.pledge
            msg["pledge"] = {"title": p.title, "label": p.label, "opening": p.opening,
                             "lines": list(p.lines), "closing": p.closing}
        return msg

    def _save(self, closed: bool = False) -> None:
        """The resume file, built from a copy now and written by the writer thread."""
        if self.state_path is not None:
            from .desk_file import desk_state

            self.writer.put_file(self.state_path, desk_state(self, closed))

    def _publish_all(self) -> None:
        self._save()
        server = self.server
        if server is None:
            return
        server.publish(self.public_state(),
                       {sid: self._state(s) for sid, s in self.seats.items()})

    def _push(self, seat: DeskSeat, error: str | None = None) -> None:
        if self.server is not None:
            state = self._state(seat)
            if error:
                state["error"] = error
            self.server.publish_personal({seat.info.id: state})

    def _state(self, seat: DeskSeat) -> dict[str, Any]:
        seat.version += 1
        # a participant in the middle of the test stays on it whatever the desk shows
        mode = DeskMode.TEST if _running(seat) else self.mode
        return seat_screen(mode, self.test, seat, self.clock(), self.roster)

    # ------------------------------------------------------------------ misc

    def _writer_failed(self, exc: StoreError) -> None:
        if self._inbox.post is not None:
            self._to_owner(lambda: self._on_error(exc))
        else:
            log.error("%s", exc)

    def _on_error(self, exc: StoreError) -> None:
        self.errors.append(exc.message)
        if self.on_error is not None:
            self.on_error(exc)

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change()

    def flush(self, timeout: float = 30.0) -> bool:
        """Wait until every queued write is committed (tests, close)."""
        return self.writer.flush(timeout)


def _running(seat: DeskSeat) -> bool:
    return seat.attempt is not None and not seat.attempt.is_finished
