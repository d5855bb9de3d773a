"""Phones as a hall answer source: the hall session side of the phone server. No Qt.

:class:`PhoneHallSession` is a :class:`~quiz_app.core.hall.HallSession` whose participants
join while it runs (one per phone, keyed by NIP) and whose store writes never happen on the
thread that owns the game (the UI thread):

* the phone server (:class:`~quiz_app.lan.server.LanServer`) runs in its own thread and
  hands over batches of answers; ``post`` moves each batch to the owner thread (in the
  app: a queued Qt signal);
* on the owner thread each answer is checked by the game (open question, time left on
  the laptop's clock, valid letters) and kept at once, so a question closed a moment
  later counts it;
* one :class:`StoreWriter` thread writes to the results store with group commit:
  everything queued while it was writing shares the next transaction, so a burst of 500
  answers costs a few fsyncs; only after the commit is the phone acknowledged.

Phone participants are stored like self-paced ones (``Participant`` with their NIP), so
pre/post linking, N-Gain, item analysis and exports treat them alike.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.clock import Clock
from ..core.errors import StoreError
from ..core.hall import (
    AnswerSink,
    HallEvent,
    HallGame,
    HallParticipant,
    HallRefusal,
    HallRefused,
    HallSession,
    HallState,
    Phase,
    PhaseChanged,
    QuestionClosed,
    SavedHall,
    TimeUp,
    hall_dir,
    spec_path,
)
from ..core.model import Bank, Participant, Plan, QuestionType
from ..core.quiz import AnswerRecord, build_attempt, score_attempt, score_question
from ..core.results import ResultsStore, attempt_spec_to_dict
from ..core.userfile import read_user_json
from .limits import Limits
from .server import IncomingAnswer, JoinPolicy, LanServer, SeatInfo
from .writer import StoreWriter

log = logging.getLogger(__name__)

__all__ = [
    "PHONE_MARK",
    "PhoneHallSession",
    "PhoneSource",
    "StoreWriter",
    "TakeoverRequest",
    "phones_path",
]

PHONE_MARK = ("mode", "hp-aula")  # Participant.extra of a phone participant
PHONES_FORMAT = "kuis-aula-hp/1"
DRAIN_BUDGET = 0.008  # seconds of owner-thread work per turn of its event loop

Post = Callable[[Callable[[], None]], None]


def phones_path(state_path: Path) -> Path:
    """Seats (hashed tokens) and the session code, next to the hall resume file."""
    return state_path.with_name(f"{state_path.stem}.phones.json")


class PhoneSource:
    """AnswerSource for phones: the participant list grows as phones join."""

    kind = "phones"
    collects_answers = True

    def __init__(self, participants: Iterable[HallParticipant] = ()) -> None:
        self._participants = list(participants)
        self._sink: AnswerSink | None = None

    def participants(self) -> tuple[HallParticipant, ...]:
        return tuple(self._participants)

    def add(self, participant: HallParticipant) -> None:
        self._participants.append(participant)

    def attach(self, sink: AnswerSink) -> None:
        self._sink = sink

    def detach(self) -> None:
        self._sink = None


# --------------------------------------------------------------------------- the session


@dataclass(frozen=True)
class TakeoverRequest:
    """A second device claims a seat; the trainer approves or refuses on the console."""

    id: str
    seat_id: str
    name: str


_PHASE_CODE = {
    Phase.READY: "ready",
    Phase.RUNNING: "running",
    Phase.PAUSED: "paused",
    Phase.TIME_UP: "closed",
    Phase.REVEALED: "reveal",
    Phase.LEADERBOARD: "leaderboard",
}


class PhoneHallSession(HallSession):
    """A hall session answered from phones. Create with :meth:`create_phones` or
    :meth:`resume_phones`, then :meth:`start_server`. All methods run on the owner
    (UI) thread, except the :class:`~quiz_app.lan.server.LanHooks` methods, which the
    server calls on its own thread and which only post work to the owner."""

    def __init__(self, game: HallGame, source: PhoneSource, *, writer: StoreWriter,
                 session_id: int | None, attempts: Mapping[str, str], state_path: Path,
                 source_path: Path, title: str, clock: Clock,
                 seats: Iterable[SeatInfo] = (), code: str | None = None,
                 on_error: Callable[[StoreError], None] | None = None) -> None:
        self.writer = writer
        writer.on_error = self._writer_failed
        self.seats: dict[str, SeatInfo] = {s.id: s for s in seats}
        self.code = code
        self.server: LanServer | None = None
        self.takeovers: list[TakeoverRequest] = []
        self.confirmed_host: str | None = None
        self.locked = False
        self.on_change: Callable[[], None] | None = None  # the UI redraws (throttled there)
        self.on_error = on_error
        self._post: Post | None = None
        self._scorer = ThreadPoolExecutor(1, thread_name_prefix="lan-score")
        self._inbox: deque[Callable[[], None]] = deque()
        self._inbox_lock = threading.Lock()
        self._drain_posted = False
        # participant id -> attempt id as the writer thread knows it: read and written only
        # by writes running on the writer thread, in queue order
        self._writer_attempts: dict[str, str] = dict(attempts)
        super().__init__(game, source, store=None, session_id=session_id, attempts=attempts,
                         state_path=state_path, source_path=source_path, title=title,
                         clock=clock)

    # ------------------------------------------------------------------ creating

    @classmethod
    def create_phones(cls, data_dir: Path, source_path: Path, plan: Plan,
                      banks: Sequence[Bank], clock: Clock, *, seed: str | None = None,
                      show_leaderboard: bool = True) -> PhoneHallSession:
        hall_id = uuid.uuid4().hex
        spec = build_attempt(plan, banks, seed or f"aula-{hall_id[:12]}")
        game = HallGame(spec, (), clock, open_roster=True,
                        state=HallState(show_leaderboard=show_leaderboard))
        with ResultsStore.open_in(data_dir) as store:
            session_id = store.create_session(f"{plan.title} (aula, HP)", plan).id
        writer = StoreWriter(data_dir)
        writer.start()
        session = cls(game, PhoneSource(), writer=writer, session_id=session_id, attempts={},
                      state_path=hall_dir(data_dir) / f"{hall_id}.json",
                      source_path=Path(source_path).resolve(), title=plan.title, clock=clock)
        session.save()
        return session

    @classmethod
    def resume_phones(cls, data_dir: Path, saved: SavedHall, clock: Clock) -> PhoneHallSession:
        """Continue after a crash: the same seats (phones reconnect with their tokens),
        the same session code, the answers from the store."""
        file = phones_path(saved.path)
        seats: list[SeatInfo] = []
        code: str | None = None
        if file.exists():
            data = read_user_json(file, max_bytes=8 << 20, max_depth=6, error=StoreError,
                                  what="berkas kursi HP")
            try:
                if not isinstance(data, dict) or data.get("format") != PHONES_FORMAT:
                    raise ValueError("bukan berkas kursi HP Kuis ASN")
                seats = [SeatInfo(str(s["id"]), s["nip"] or None, str(s["name"]),
                                  str(s["token_hash"])) for s in data["seats"]]
                code = str(data["code"])
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                raise StoreError(f"Berkas kursi HP rusak: {exc}.", file) from exc
        answers: dict[str, dict[str, AnswerRecord]] = {}
        with ResultsStore.open_in(data_dir) as store:
            by_attempt = {a.id: a for a in store.attempts(saved.session_id or 0)}
            for pid, attempt_id in saved.attempts.items():
                rec = by_attempt.get(attempt_id)
                if rec is not None:
                    answers[pid] = dict(rec.answers)
        joined = {p.id for p in saved.participants}
        participants = list(saved.participants) + [
            HallParticipant(s.id, s.name) for s in seats if s.id not in joined]
        game = HallGame(saved.spec, participants, clock, open_roster=True, answers=answers,
                        state=saved.state)
        writer = StoreWriter(data_dir)
        writer.start()
        session = cls(game, PhoneSource(participants), writer=writer,
                      session_id=saved.session_id, attempts=saved.attempts,
                      state_path=saved.path, source_path=Path(saved.source),
                      title=saved.title, clock=clock, seats=seats, code=code)
        # seats saved before their attempt was written get one now
        for s in seats:
            if s.id not in session.attempts:
                session._start_attempt(s.id, Participant(s.name, s.nip, extra=(PHONE_MARK,)))
        session.save()
        return session

    # ------------------------------------------------------------------ the server

    def start_server(self, post: Post, *, host: str = "0.0.0.0", port: int = 0,
                     policy: JoinPolicy | None = None, limits: Limits | None = None) -> int:
        """Listen for phones (only while this session runs). Returns the port."""
        self._post = post
        self.server = LanServer(self, self._clock, policy=policy, code=self.code,
                                limits=limits, seats=self.seats.values())
        self.code = self.server.code
        if self.game.phase is not Phase.FINISHED:
            known = {p.id for p in self.game.participants}
            for pid in self.seats:
                rec = self.game.answer(pid) if pid in known else None
                if rec is not None and rec.choice:
                    self.server.seed_answer(pid, self.game.index,
                                            [self.game.letter_for_key(k) for k in rec.choice])
        bound = self.server.start(host, port)
        self._save_seats()
        self._publish()
        return bound

    def stop_server(self) -> None:
        if self.server is not None:
            self.server.stop()

    def set_locked(self, locked: bool) -> None:
        self.locked = locked
        if self.server is not None:
            self.server.set_locked(locked)

    def remove_seat(self, seat_id: str) -> None:
        """The trainer removes a seat: its phone is disconnected and its token stops
        working (answers already given stay)."""
        if self.server is not None:
            self.server.remove_seat(seat_id)

    def resolve_takeover(self, request_id: str, approve: bool) -> None:
        self.takeovers = [t for t in self.takeovers if t.id != request_id]
        if self.server is not None:
            self.server.resolve_takeover(request_id, approve)
        self._changed()

    def counts(self) -> tuple[int, int, int]:
        """(joined, connected now, answered the current question)."""
        connected = self.server.connected if self.server is not None else 0
        return len(self.game.participants), connected, len(self.game.answered())

    # ------------------------------------------------------------------ LanHooks

    def seat_joined(self, seat: SeatInfo, participant: Participant) -> None:
        self._to_owner(lambda: self._on_joined(seat, participant))

    def answers(self, batch: list[IncomingAnswer]) -> None:
        self._to_owner(lambda: self._on_answers(batch))

    def takeover_requested(self, request_id: str, seat_id: str, name: str) -> None:
        self._to_owner(lambda: self._on_takeover(TakeoverRequest(request_id, seat_id, name)))

    def first_contact(self, host: str) -> None:
        self._to_owner(lambda: self._on_contact(host))

    def _to_owner(self, fn: Callable[[], None]) -> None:
        """Queue work for the owner thread. One drain is posted at a time and it runs for
        at most :data:`DRAIN_BUDGET` before yielding, so a burst of 500 joins or answer
        batches never holds the UI thread in one long stretch."""
        assert self._post is not None, "start_server() first"
        with self._inbox_lock:
            self._inbox.append(fn)
            if self._drain_posted:
                return
            self._drain_posted = True
        self._post(self._drain)

    def _drain(self) -> None:
        end = time.perf_counter() + DRAIN_BUDGET
        while time.perf_counter() < end:
            with self._inbox_lock:
                if not self._inbox:
                    self._drain_posted = False
                    return
                fn = self._inbox.popleft()
            fn()
        with self._inbox_lock:
            if not self._inbox:
                self._drain_posted = False
                return
        assert self._post is not None
        self._post(self._drain)  # more to do: after the UI had its turn

    # ------------------------------------------------------------------ owner thread

    def _on_contact(self, host: str) -> None:
        self.confirmed_host = host
        self._changed()

    def _on_takeover(self, request: TakeoverRequest) -> None:
        self.takeovers.append(request)
        self._changed()

    def _on_joined(self, seat: SeatInfo, participant: Participant) -> None:
        self.seats[seat.id] = seat
        person = Participant(participant.name, participant.nip, participant.position,
                             participant.unit, participant.rank, extra=(PHONE_MARK,))
        hp = HallParticipant(seat.id, participant.name)
        if self.game.add_participant(hp):
            assert isinstance(self.source, PhoneSource)
            self.source.add(hp)
            self._start_attempt(seat.id, person)
        self._save_seats()
        self._changed()

    def _start_attempt(self, pid: str, person: Participant) -> None:
        """The attempt id is chosen here, so the resume file names it at once; the row is
        written by the writer thread before any answer of this seat (queue order)."""
        attempt_id = uuid.uuid4().hex
        self.attempts[pid] = attempt_id
        session_id = self.session_id or 0
        spec = self.game.spec
        attempts = self._writer_attempts

        def write(store: ResultsStore) -> None:
            store.start_attempt(session_id, person, spec, attempt_id=attempt_id)
            attempts[pid] = attempt_id

        self.writer.put(write)

    def _on_answers(self, batch: list[IncomingAnswer]) -> None:
        game = self.game
        refused: list[tuple[str, str, int, list[str], str]] = []
        accepted: list[tuple[IncomingAnswer, AnswerRecord]] = []
        index = game.index
        for a in batch:
            if a.q != index:
                refused.append((a.seat_id, a.key, a.q, [], "refused:other_question"))
                continue
            try:
                record = game.prepare(a.seat_id, a.letters, a.at)
            except HallRefused as exc:
                refused.append((a.seat_id, a.key, a.q, [], f"refused:{exc.reason}"))
                continue
            game.commit(a.seat_id, record)  # counted at once; acknowledged after commit
            accepted.append((a, record))
        server = self.server
        if refused and server is not None:
            server.acknowledge(refused)
        if accepted:
            attempts = self._writer_attempts

            failed: set[int] = set()  # positions in `accepted`, filled on the writer

            def write(store: ResultsStore) -> None:
                for n, (a, record) in enumerate(accepted):
                    attempt_id = attempts.get(a.seat_id)
                    try:
                        if attempt_id is None:
                            raise StoreError(f"Kursi {a.seat_id} belum punya pengerjaan.")
                        store.record_answer(attempt_id, record, current_index=index)
                    except StoreError as exc:
                        log.error("answer of %s not stored: %s", a.seat_id, exc)
                        failed.add(n)

            def done(ok: bool) -> None:
                if server is not None:
                    server.acknowledge([
                        (a.seat_id, a.key, a.q, sorted(letters[n]),
                         "ack" if ok and n not in failed else "error")
                        for n, (a, _rec) in enumerate(accepted)])

            letters = [[game.letter_for_key(k, index) for k in rec.choice]
                       for _a, rec in accepted]

            self.writer.put(write, done)
            self._changed()

    def _writer_failed(self, exc: StoreError) -> None:
        """Writer thread: a write failed; tell the owner (the UI shows it)."""
        if self._post is not None:
            self._to_owner(lambda: self._on_error(exc))
        else:
            log.error("%s", exc)

    def _on_error(self, exc: StoreError) -> None:
        if self.on_error is not None:
            self.on_error(exc)

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change()

    # ------------------------------------------------------------------ publishing

    def public_state(self) -> dict[str, Any]:
        """The question as every phone sees it. Before the reveal: text and options only
        (never the key, the explanation or anybody's answer)."""
        game = self.game
        if game.phase is Phase.FINISHED:
            return {"type": "finished", "n": game.total}
        aq = game.current
        q = aq.question
        by_key = {o.key: o for o in q.options}
        msg: dict[str, Any] = {
            "type": "question",
            "q": game.index,
            "n": game.total,
            "phase": _PHASE_CODE[game.phase],
            "text": q.text,
            "multi": q.type is QuestionType.MULTIPLE,
            "poll": q.type is QuestionType.POLL,
            "options": [{"l": letter, "t": by_key[key].text}
                        for letter, key in zip(game.letters(), aq.option_order, strict=True)],
            "remaining": round(game.remaining(), 1),
            "limit": game.time_limit(),
        }
        if game.phase is Phase.READY:  # announced only, as on the projector
            msg["text"] = ""
            msg["options"] = []
        if game.phase in (Phase.REVEALED, Phase.LEADERBOARD):
            msg["correct"] = sorted(game.correct_letters())
        return msg

    def personal_state(self) -> dict[str, dict[str, Any]]:
        """Each seat's own result (right or wrong, points, rank) at a reveal and a
        leaderboard. The finals come from :meth:`_finish_attempts`."""
        return _personal(self.game)

    def _publish(self) -> None:
        """The public state at once; the personal results are scored on another thread
        from a copy of the (closed) question's answers, then sent."""
        server = self.server
        if server is None:
            return
        server.publish(self.public_state())
        game = self.game
        if game.phase not in (Phase.REVEALED, Phase.LEADERBOARD):
            return
        copy = HallGame(game.spec, game.participants, self._clock, open_roster=True,
                        answers={p.id: game.answers(p.id) for p in game.participants},
                        state=game.snapshot())
        self._scorer.submit(lambda: server.publish_personal(_personal(copy)))

    # ------------------------------------------------------------------ HallSession

    def submit(self, participant_id: str, letters: Iterable[str],
               at: float | None = None) -> AnswerRecord:
        """Phone answers come through the server, never through ``submit``."""
        raise HallRefused(HallRefusal.UNKNOWN_PARTICIPANT, "Jawaban HP masuk lewat server HP.")

    def add_time(self, seconds: int = 10) -> list[HallEvent]:
        events = super().add_time(seconds)
        self._publish()
        return events

    def _persist(self, events: Sequence[HallEvent]) -> None:
        if not events:
            return
        finished = False
        empties: list[tuple[str, AnswerRecord, int]] = []
        for ev in events:
            if isinstance(ev, QuestionClosed):
                empties.extend((pid, rec, ev.index) for pid, rec in ev.unanswered)
            elif isinstance(ev, PhaseChanged) and ev.phase is Phase.READY:
                self._checkpoint_attempts()
            elif isinstance(ev, PhaseChanged) and ev.phase is Phase.FINISHED:
                finished = True
        if empties:
            attempts = self._writer_attempts

            def write(store: ResultsStore) -> None:
                for pid, rec, index in empties:
                    attempt_id = attempts.get(pid)
                    if attempt_id is not None:
                        store.record_answer(attempt_id, rec, current_index=index)

            self.writer.put(write)
        if finished:
            self._finish_attempts()
        self.save(finished=finished)
        if any(isinstance(ev, PhaseChanged | TimeUp) for ev in events):
            self._publish()

    def _checkpoint_attempts(self) -> None:
        game = self.game
        used = {aq.id: game.elapsed(i) for i, aq in enumerate(game.spec.questions)}
        total, index = game.total_elapsed(), game.index
        attempts = self._writer_attempts

        def write(store: ResultsStore) -> None:
            for attempt_id in list(attempts.values()):
                store.checkpoint(attempt_id, total, index, question_time_used=used)

        self.writer.put(write)

    def _finish_attempts(self) -> None:
        """Score everybody and finish the attempts on the writer thread: exact scoring of
        hundreds of attempts takes too long for the UI thread. The game is finished, so a
        copy of the answers is all it needs; the phones get their final nilai and rank
        once the results are committed."""
        game = self.game
        spec = game.spec
        answers = {p.id: game.answers(p.id) for p in game.participants}
        copy = HallGame(spec, game.participants, self._clock, open_roster=True,
                        answers=answers, state=game.snapshot())
        total = game.total_elapsed()
        session_id = self.session_id
        attempts = self._writer_attempts
        server = self.server
        public = {"type": "finished", "n": game.total}
        finals: dict[str, dict[str, Any]] = {}

        def write(store: ResultsStore) -> None:
            standings = copy.standings(previous=False)
            of = len(standings)
            results = {}
            for s in standings:
                pid = s.participant.id
                result = results[pid] = score_attempt(spec, answers[pid], total)
                finals[pid] = {
                    "type": "final", "rank": s.rank, "of": of, "points": round(s.points, 2),
                    "correct": s.correct, "nilai": result.nilai if result.graded else None,
                    "passed": result.passed if result.graded else None,
                }
            for pid, attempt_id in list(attempts.items()):
                if pid in results:
                    try:
                        store.finish_attempt(attempt_id, results[pid], total)
                    except StoreError as exc:  # already finished or abandoned: keep it
                        log.info("attempt of %s not finished: %s", pid, exc)
            if session_id is not None:
                store.close_session(session_id)

        def done(_ok: bool) -> None:
            if server is not None:
                server.publish(public, finals)

        self.writer.put(write, done)

    def save(self, *, finished: bool | None = None) -> None:
        """The resume file, written by the writer thread (atomic, newest wins)."""
        data = self.state_document(finished)
        spec_file = spec_path(self.state_path)
        if not getattr(self, "_spec_written", False):
            self._spec_written = True
            self.writer.put_file(spec_file, _json_bytes(attempt_spec_to_dict(self.game.spec)))
        self.writer.put_file(self.state_path, lambda: _json_bytes(data))
        self._last_save = self._clock()

    def _save_seats(self) -> None:
        """The seats file is built on the writer thread (newest wins), from a copy."""
        rows = [(s.id, s.nip, s.name, s.token_hash) for s in self.seats.values()]
        code = self.code

        def build() -> bytes:
            return _json_bytes({"format": PHONES_FORMAT, "code": code,
                                "seats": [{"id": i, "nip": n, "name": m, "token_hash": h}
                                          for i, n, m, h in rows]})

        self.writer.put_file(phones_path(self.state_path), build)

    def close(self) -> None:
        """Stop the phone server, write what is queued, release the store."""
        self._scorer.shutdown(wait=True)
        self.stop_server()
        self.writer.flush()
        self.writer.stop()
        self.source.detach()


def _personal(game: HallGame) -> dict[str, dict[str, Any]]:
    if game.phase not in (Phase.REVEALED, Phase.LEADERBOARD):
        return {}
    standings = game.standings(previous=False)
    of = len(standings)
    aq = game.current
    plan = game.plan
    out = {}
    for s in standings:
        rec = game.answer(s.participant.id)
        qs = score_question(aq, rec, plan)
        out[s.participant.id] = {
            "type": "result", "q": game.index,
            "yours": sorted(game.letter_for_key(k) for k in (rec.choice if rec else ())),
            "right": qs.correct, "points": round(qs.points, 2),
            "total": round(s.points, 2), "rank": s.rank, "of": of,
        }
    return out


def _json_bytes(data: Mapping[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
