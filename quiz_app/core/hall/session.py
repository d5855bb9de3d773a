"""The hall session: a :class:`~.game.HallGame` bound to the results store and a small
resume file, so a crashed presentation continues at the question it was on. Qt-free."""

from __future__ import annotations

import json
import logging
import math
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..atomicio import write_atomic
from ..clock import Clock
from ..errors import StoreError
from ..model import Bank, Participant, Plan, Scoring
from ..quiz import AnswerRecord, AttemptSpec, build_attempt
from ..results import (
    AttemptStatus,
    Invalid,
    ResultsStore,
    attempt_spec_to_dict,
    checked_spec,
)
from ..userfile import read_user_json
from .answer_source import AnswerSource, HallParticipant
from .game import (
    EXTRA_SECONDS,
    HALL_STATE_FORMAT,
    SAVE_EVERY,
    TEAM_MARK,
    HallEvent,
    HallGame,
    HallState,
    Phase,
    PhaseChanged,
    QuestionClosed,
)

log = logging.getLogger(__name__)

__all__ = ["HallSession", "SavedHall", "hall_dir", "spec_path"]




def hall_dir(data_dir: Path) -> Path:
    """Where resume files live: ``<data dir>/aula``."""
    return Path(data_dir) / "aula"


def _now_iso() -> str:
    return datetime.now(UTC).isoformat()


def _write_json_atomic(path: Path, data: Mapping[str, Any]) -> None:
    """A crash leaves the old file or the new one, never half of one."""
    write_atomic(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())


def spec_path(state_path: Path) -> Path:
    """The shared spec is written once next to the small, often rewritten state file."""
    return state_path.with_name(f"{state_path.stem}.spec.json")


@dataclass(frozen=True)
class SavedHall:
    """A resume file as read back: ``<data dir>/aula/<hall id>.json`` (the state) and
    ``<hall id>.spec.json`` (the shared spec, written once)."""

    path: Path
    hall_id: str
    status: str  # running | finished | abandoned
    source: str  # the plan or bank file that was presented
    title: str
    kind: str  # AnswerSource.kind
    participants: tuple[HallParticipant, ...]
    session_id: int | None
    attempts: dict[str, str]  # participant id -> attempt id
    spec: AttemptSpec
    state: HallState
    updated_at: str

    @classmethod
    def read(cls, path: Path) -> SavedHall:
        """Read a resume file and its spec through the guarded reader, every field checked
        (types, ranges, NaN, consistency with the spec); StoreError naming the file when
        anything is wrong."""
        what = "berkas lanjutan presentasi"
        d = read_user_json(path, max_bytes=MAX_STATE_FILE, max_depth=6, error=StoreError,
                           what=what)
        spec_file = spec_path(path)
        raw_spec = read_user_json(spec_file, max_bytes=MAX_SPEC_FILE, max_depth=12,
                                  error=StoreError, what="berkas soal presentasi")
        try:
            if not isinstance(d, dict) or d.get("format") != HALL_STATE_FORMAT:
                raise Invalid("bukan berkas lanjutan presentasi Kuis ASN")
            spec = checked_spec(raw_spec, spec_file.name, local=True)
            participants = tuple(_participant(p, i) for i, p in enumerate(
                _list(d.get("participants"), "participants", MAX_TEAMS)))
            return cls(
                path=path,
                hall_id=_text(d.get("hall_id"), "hall_id"),
                status=_one_of(d.get("status"), "status", ("running", "finished", "abandoned")),
                source=_text(d.get("source"), "source", 4096),
                title=_text(d.get("title"), "title"),
                kind=_text(d.get("kind"), "kind"),
                participants=participants,
                session_id=_session_id(d.get("session_id")),
                attempts=_attempt_map(d.get("attempts")),
                spec=spec,
                state=_state(d.get("state"), spec),
                updated_at=_text(d.get("updated_at"), "updated_at"),
            )
        except Invalid as exc:
            raise StoreError(f"Berkas lanjutan presentasi rusak: {exc}.", path) from exc

    @property
    def question_number(self) -> int:
        return self.state.index + 1


MAX_STATE_FILE = 1 << 20
MAX_SPEC_FILE = 64 << 20
MAX_TEAMS = 2_000


def _text(value: object, where: str, max_len: int = 300) -> str:
    if not isinstance(value, str) or len(value) > max_len:
        raise Invalid(f"'{where}' bukan teks yang sah")
    return value


def _one_of(value: object, where: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise Invalid(f"'{where}' bukan nilai yang dikenal")
    return str(value)


def _list(value: object, where: str, max_items: int) -> list[Any]:
    if not isinstance(value, list) or len(value) > max_items:
        raise Invalid(f"'{where}' bukan daftar yang sah")
    return value


def _int(value: object, where: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise Invalid(f"'{where}' bukan bilangan {low}–{high}")
    return value


def _seconds(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) \
            or not math.isfinite(value) or not 0 <= value <= 10_000_000:
        raise Invalid(f"'{where}' bukan jumlah detik yang sah")
    return float(value)


def _participant(value: object, i: int) -> HallParticipant:
    if not isinstance(value, dict):
        raise Invalid(f"'participants[{i}]' bukan objek")
    return HallParticipant(_text(value.get("id"), f"participants[{i}].id", 100),
                           _text(value.get("name"), f"participants[{i}].name"))


def _session_id(value: object) -> int | None:
    return None if value is None else _int(value, "session_id", 1, (1 << 63) - 1)


def _attempt_map(value: object) -> dict[str, str]:
    if not isinstance(value, dict) or len(value) > MAX_TEAMS * 10:
        raise Invalid("'attempts' bukan objek yang sah")
    return {_text(k, "attempts", 100): _text(v, "attempts", 32) for k, v in value.items()}


def _state(value: object, spec: AttemptSpec) -> HallState:
    """The saved game state, its known fields checked against the spec first; then built by
    :meth:`HallState.from_dict`, so fields added there later are read the same way."""
    if not isinstance(value, dict):
        raise Invalid("'state' bukan objek")
    n = len(spec.questions)
    qids = {aq.id for aq in spec.questions}
    used, extra = value.get("used"), value.get("extra")
    if not isinstance(used, dict) or not isinstance(extra, dict) \
            or not set(used) <= qids or not set(extra) <= qids:
        raise Invalid("'state' tidak cocok dengan soalnya")
    if not isinstance(value.get("show_leaderboard"), bool):
        raise Invalid("'state.show_leaderboard' bukan true/false")
    _int(value.get("index"), "state.index", 0, n - 1)
    _one_of(value.get("phase"), "state.phase", tuple(p.value for p in Phase))
    for k, v in used.items():
        _seconds(v, f"state.used.{k}")
    for k, v in extra.items():
        _int(v, f"state.extra.{k}", 0, 24 * 3600)
    for key in ("closed", "skipped"):
        for i in _list(value.get(key, []), f"state.{key}", n):
            _int(i, f"state.{key}", 0, n - 1)
    try:
        return HallState.from_dict(value)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise Invalid(f"'state' tidak valid ({exc})") from exc


class HallSession:
    """A :class:`HallGame` whose every answer goes to the results store and whose state
    goes to a resume file. It is the :class:`AnswerSink` the source is attached to.

    In the store, the presentation is one session; each participant (team) is a
    ``Participant`` with ``nip=None`` and ``name`` = team name, with one attempt over the
    one shared spec, so exports and analyses treat hall and self-paced results alike.
    A discussion (no participants) writes nothing to the store, only the resume file.
    """

    def __init__(
        self,
        game: HallGame,
        source: AnswerSource,
        *,
        store: ResultsStore | None,
        session_id: int | None,
        attempts: Mapping[str, str],
        state_path: Path,
        source_path: Path,
        title: str,
        clock: Clock,
    ) -> None:
        self.game = game
        self.source = source
        self.store = store
        self.session_id = session_id
        self.attempts = dict(attempts)
        self.state_path = state_path
        self.source_path = source_path
        self.title = title
        self._clock = clock
        self._last_save = clock()
        source.attach(self)

    # ------------------------------------------------------------------ creating

    @classmethod
    def create(
        cls,
        data_dir: Path,
        source_path: Path,
        plan: Plan,
        banks: Sequence[Bank],
        source: AnswerSource,
        clock: Clock,
        *,
        seed: str | None = None,
        show_leaderboard: bool = True,
    ) -> HallSession:
        """Build the one spec for everybody, open a store session with one attempt per
        participant, and write the first resume file."""
        hall_id = uuid.uuid4().hex
        spec = build_attempt(plan, banks, seed or f"aula-{hall_id[:12]}")
        participants = source.participants() if source.collects_answers else ()
        game = HallGame(spec, participants, clock, collect_answers=source.collects_answers,
                        state=HallState(show_leaderboard=show_leaderboard))
        store = None
        session_id = None
        attempts: dict[str, str] = {}
        if participants:
            store = ResultsStore.open_in(data_dir)
            try:
                session = store.create_session(f"{plan.title} (aula)", plan)
                session_id = session.id
                for p in participants:
                    attempts[p.id] = store.start_attempt(
                        session.id, Participant(name=p.name, nip=None, extra=(TEAM_MARK,)), spec
                    )
            except BaseException:
                store.close()
                raise
        session = cls(game, source, store=store, session_id=session_id, attempts=attempts,
                      state_path=hall_dir(data_dir) / f"{hall_id}.json",
                      source_path=Path(source_path).resolve(), title=plan.title, clock=clock)
        session.save()
        return session

    @classmethod
    def resume(cls, data_dir: Path, saved: SavedHall, source: AnswerSource,
               clock: Clock) -> HallSession:
        """Continue a presentation from its resume file and the answers in the store.
        ``source`` must list the same participants (same ids) as the saved one."""
        got = tuple(source.participants()) if source.collects_answers else ()
        if got != saved.participants:
            raise StoreError("Daftar tim berbeda dengan presentasi yang akan dilanjutkan.",
                             saved.path)
        store = None
        answers: dict[str, dict[str, AnswerRecord]] = {}
        if saved.participants:
            store = ResultsStore.open_in(data_dir)
            try:
                by_attempt = {a.id: a for a in store.attempts(saved.session_id or 0)}
                for pid, attempt_id in saved.attempts.items():
                    rec = by_attempt.get(attempt_id)
                    if rec is None:
                        raise StoreError(f"Pengerjaan tim {pid} tidak ada di basis data hasil.",
                                         saved.path)
                    answers[pid] = dict(rec.answers)
            except BaseException:
                store.close()
                raise
        game = HallGame(saved.spec, saved.participants, clock,
                        collect_answers=bool(saved.participants), answers=answers,
                        state=saved.state)
        session = cls(game, source, store=store, session_id=saved.session_id,
                      attempts=saved.attempts, state_path=saved.path,
                      source_path=Path(saved.source), title=saved.title, clock=clock)
        session.save()
        return session

    @staticmethod
    def abandon(data_dir: Path, saved: SavedHall) -> None:
        """The trainer chose not to continue: mark the attempts abandoned (so they are not
        offered for resume as self-paced attempts), close the session, retire the file."""
        if saved.participants and saved.session_id is not None:
            with ResultsStore.open_in(data_dir) as store:
                if any(s.id == saved.session_id for s in store.sessions()):
                    for rec in store.attempts(saved.session_id):
                        if rec.id in saved.attempts.values() and \
                                rec.status is AttemptStatus.IN_PROGRESS:
                            store.abandon_attempt(rec.id)
                    store.close_session(saved.session_id)
        data = read_user_json(saved.path, max_bytes=MAX_STATE_FILE, max_depth=6,
                              error=StoreError, what="berkas lanjutan presentasi")
        if not isinstance(data, dict):
            raise StoreError("Berkas lanjutan presentasi rusak.", saved.path)
        data["status"] = "abandoned"
        data["updated_at"] = _now_iso()
        _write_json_atomic(saved.path, data)

    # ------------------------------------------------------------------ AnswerSink

    @property
    def accepting(self) -> bool:
        return self.game.accepting

    def submit(self, participant_id: str, letters: Iterable[str],
               at: float | None = None) -> AnswerRecord:
        """Check, store (committed before returning), then keep the answer."""
        # A deadline noticed while checking stays pending in the game: the next poll()
        # (the UI tick) reports and persists it.
        record = self.game.prepare(participant_id, letters, at)
        if self.store is not None:
            self.store.record_answer(self.attempts[participant_id], record,
                                     current_index=self.game.index)
        self.game.commit(participant_id, record)
        return record

    # ------------------------------------------------------------------ actions

    def poll(self) -> list[HallEvent]:
        events = self.game.poll()
        self._persist(events)
        if (not events and self.game.phase is Phase.RUNNING
                and self._clock() - self._last_save >= SAVE_EVERY):
            self.save()
        return events

    def start(self) -> list[HallEvent]:
        return self._do(self.game.start())

    def pause(self) -> list[HallEvent]:
        return self._do(self.game.pause())

    def resume_question(self) -> list[HallEvent]:
        return self._do(self.game.resume())

    def toggle_pause(self) -> list[HallEvent]:
        return self._do(self.game.toggle_pause())

    def add_time(self, seconds: int = EXTRA_SECONDS) -> list[HallEvent]:
        events = self.game.add_time(seconds)
        self._do(events)
        self.save()
        return events

    def reveal(self) -> list[HallEvent]:
        return self._do(self.game.reveal())

    def next(self) -> list[HallEvent]:
        return self._do(self.game.next())

    def skip(self) -> list[HallEvent]:
        return self._do(self.game.skip())

    def end(self) -> list[HallEvent]:
        return self._do(self.game.end())

    def advance(self) -> list[HallEvent]:
        return self._do(self.game.advance())

    def set_show_leaderboard(self, on: bool) -> None:
        self.game.show_leaderboard = on
        self.save()

    def close(self) -> None:
        """Release the store (the resume file stays: a presentation closed before its end
        can be continued later)."""
        self.source.detach()
        if self.store is not None:
            self.store.close()
            self.store = None

    # ------------------------------------------------------------------ internals

    def _do(self, events: list[HallEvent]) -> list[HallEvent]:
        self._persist(events)
        return events

    def _persist(self, events: Sequence[HallEvent]) -> None:
        if not events:
            return
        finished = False
        for ev in events:
            if isinstance(ev, QuestionClosed) and self.store is not None:
                for pid, rec in ev.unanswered:
                    self.store.record_answer(self.attempts[pid], rec, current_index=ev.index)
            elif isinstance(ev, PhaseChanged) and ev.phase is Phase.READY:
                self._checkpoint_attempts()
            elif isinstance(ev, PhaseChanged) and ev.phase is Phase.FINISHED:
                finished = True
        if finished:
            self._finish_attempts()
        self.save(finished=finished)

    def _checkpoint_attempts(self) -> None:
        if self.store is None:
            return
        game = self.game
        used = {aq.id: game.elapsed(i) for i, aq in enumerate(game.spec.questions)}
        for attempt_id in self.attempts.values():
            self.store.checkpoint(attempt_id, game.total_elapsed(), game.index,
                                  question_time_used=used)

    def _finish_attempts(self) -> None:
        if self.store is None or self.session_id is None:
            return
        status = {a.id: a.status for a in self.store.attempts(self.session_id)}
        for pid, attempt_id in self.attempts.items():
            if status.get(attempt_id) is AttemptStatus.IN_PROGRESS:
                self.store.finish_attempt(attempt_id, self.game.result(pid),
                                          self.game.total_elapsed())
        self.store.close_session(self.session_id)

    def save(self, *, finished: bool | None = None) -> None:
        """Write the resume file atomically (temp file, fsync, ``os.replace``)."""
        data = self.state_document(finished)
        try:
            spec_file = spec_path(self.state_path)
            if not spec_file.exists():
                _write_json_atomic(spec_file, attempt_spec_to_dict(self.game.spec))
            _write_json_atomic(self.state_path, data)
        except OSError as exc:
            raise StoreError(f"Berkas lanjutan presentasi tidak dapat ditulis: "
                             f"{exc.strerror or exc}.", self.state_path) from exc

    def state_document(self, finished: bool | None = None) -> dict[str, Any]:
        """What the resume file holds (``kuis-aula/1``), as of now."""
        done = self.game.phase is Phase.FINISHED if finished is None else finished
        return {
            "format": HALL_STATE_FORMAT,
            "hall_id": self.state_path.stem,
            "status": "finished" if done else "running",
            "source": str(self.source_path),
            "title": self.title,
            "kind": self.source.kind,
            "participants": [{"id": p.id, "name": p.name} for p in self.game.participants],
            "session_id": self.session_id,
            "attempts": self.attempts,
            "state": self.game.snapshot().to_dict(),
            "updated_at": _now_iso(),
        }
        self._last_save = self._clock()

    @property
    def speed_scoring(self) -> bool:
        return self.game.plan.scoring == Scoring.SPEED
