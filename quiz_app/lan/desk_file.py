"""The phone desk's resume file, and continuing a desk after the laptop crashed. No Qt.

``<data dir>/meja-hp/<desk id>.json`` (``kuis-meja-hp/1``), written atomically by the
desk's writer thread (newest wins) whenever a phone joins, checks in, confirms the pledge
or starts a test, and when the trainer changes mode: the join code, the sessions, the
seats with their *hashed* device tokens, and each seat's attempt id. Answers live in the
results store as always; on resume each running attempt continues from its stored
answers and last checkpoint (the same :func:`~quiz_app.core.results.resume_attempt` as
laptop mode), so phones reconnect with their tokens to the same question.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.banks import Pledge
from ..core.clock import Clock
from ..core.errors import StoreError
from ..core.model import Bank, Participant, Plan
from ..core.people import Roster
from ..core.quiz import Attempt
from ..core.results import AttemptStatus, ResultsStore, away_counts, now_iso, resume_attempt
from . import DESK_MARK
from .desk_screens import DeskMode, DeskSeat, DeskTest
from .server import SeatInfo
from .writer import StoreWriter

if TYPE_CHECKING:
    from .desk import PhoneDesk

log = logging.getLogger(__name__)

__all__ = ["DESK_FORMAT", "SavedDesk", "desk_state", "discard_desk", "find_resumable_desks",
           "new_state_path", "resume_desk"]

DESK_FORMAT = "kuis-meja-hp/1"
MAX_STATE_BYTES = 16 << 20


def desk_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "meja-hp"


def new_state_path(data_dir: Path) -> Path:
    return desk_dir(data_dir) / f"{uuid.uuid4().hex}.json"


def desk_state(desk: PhoneDesk, closed: bool = False) -> Callable[[], bytes]:
    """A copy of what a resume needs, taken now (owner thread); serialised later."""
    seats = [{
        "id": s.info.id, "nip": s.info.nip, "name": s.info.name,
        "token_hash": s.info.token_hash, "position": s.person.position,
        "unit": s.person.unit, "rank": s.person.rank, "checked_in": s.checked_in,
        "pledged": s.pledged, "attempt_id": s.attempt_id,
    } for s in desk.seats.values()]
    data = {
        "format": DESK_FORMAT, "status": "closed" if closed else "running",
        "code": desk.code, "home_session": desk.session_id,
        "test": {"session_id": desk.test.session_id, "title": desk.test.title,
                 "source": desk.test.source},
        "mode": str(desk.mode),
        "pledge": str(desk.pledge.path) if desk.pledge and desk.pledge.path else "",
        "roster": desk.roster_path, "guests": desk.guests, "seats": seats,
        "updated_at": now_iso(),
    }
    return lambda: json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


@dataclass(frozen=True)
class SavedDesk:
    path: Path
    status: str
    code: str
    home_session: int
    test_session: int
    title: str
    source: str  # the current test's plan or bank file
    mode: DeskMode
    pledge: str
    roster: str
    guests: bool
    seats: tuple[dict[str, Any], ...]
    updated_at: str

    @classmethod
    def read(cls, path: Path) -> SavedDesk:
        """Read a resume file (the app's own, in the data folder): regular file, size
        capped, UTF-8 JSON; anything else is a located :class:`StoreError`."""
        try:
            if not path.is_file():
                raise ValueError("bukan berkas biasa")
            raw = path.read_bytes()[:MAX_STATE_BYTES + 1]
            if len(raw) > MAX_STATE_BYTES:
                raise ValueError("terlalu besar")
            d = json.loads(raw.decode("utf-8"))
            if d.get("format") != DESK_FORMAT:
                raise ValueError(f"format {d.get('format')!r}")
            seats = tuple(dict(s) for s in d["seats"])
            for s in seats:
                if not all(isinstance(s.get(k), str) for k in ("id", "name", "token_hash")):
                    raise ValueError("kursi tidak lengkap")
            return cls(path, str(d["status"]), str(d["code"]), int(d["home_session"]),
                       int(d["test"]["session_id"]), str(d["test"]["title"]),
                       str(d["test"]["source"]), DeskMode(d["mode"]), str(d["pledge"]),
                       str(d["roster"]), bool(d["guests"]), seats, str(d["updated_at"]))
        except (OSError, ValueError, KeyError, TypeError, RecursionError) as exc:
            raise StoreError(f"Berkas lanjutan meja HP rusak atau tidak terbaca: {exc}.",
                             path) from exc


def find_resumable_desks(data_dir: Path) -> list[SavedDesk]:
    """Desks that were not closed (newest first); damaged files are skipped (logged)."""
    folder = desk_dir(data_dir)
    found = []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            saved = SavedDesk.read(path)
        except StoreError as exc:
            log.warning("%s", exc)
            continue
        if saved.status == "running":
            found.append(saved)
    found.sort(key=lambda s: s.updated_at, reverse=True)
    return found


def discard_desk(saved: SavedDesk) -> None:
    """The trainer chose not to continue: the desk is marked closed (its answers, check-ins
    and pledges stay in the results store)."""
    from ..core.atomicio import write_atomic

    try:
        data = json.loads(saved.path.read_text(encoding="utf-8"))
        data["status"] = "closed"
        write_atomic(saved.path, json.dumps(data, ensure_ascii=False).encode())
    except (OSError, ValueError) as exc:
        raise StoreError(f"Berkas lanjutan meja HP tidak dapat ditutup: {exc}.",
                         saved.path) from exc


def resume_desk(data_dir: Path, saved: SavedDesk, clock: Clock, plan: Plan,
                banks: Sequence[Bank], *, pledge: Pledge | None = None,
                roster: Roster | None = None) -> PhoneDesk:
    """The desk as it was: same code, seats (phones reconnect with their tokens),
    check-ins, pledges and attempts. ``plan``/``banks`` are the current test's (loaded
    from ``saved.source``); running attempts go on when the server starts."""
    from .desk import PhoneDesk

    with ResultsStore.open_in(data_dir) as store:
        records = {r.id: r for r in store.attempts(saved.test_session)}
        away = away_counts(store, saved.test_session)
    writer = StoreWriter(data_dir)
    writer.start()
    desk = PhoneDesk(data_dir, clock, saved.home_session,
                     DeskTest(saved.test_session, plan, tuple(banks), saved.title,
                              source=saved.source),
                     writer=writer, pledge=pledge, roster=roster, guests=saved.guests)
    desk.code = saved.code
    desk.state_path = saved.path
    desk.roster_path = saved.roster
    desk.mode = saved.mode
    for s in saved.seats:
        nip = s.get("nip") or None
        info = SeatInfo(str(s["id"]), nip, str(s["name"]), str(s["token_hash"]))
        person = Participant(info.name, nip, str(s.get("position") or ""),
                             str(s.get("unit") or ""), str(s.get("rank") or ""),
                             extra=(DESK_MARK,))
        seat = DeskSeat(info, person, s.get("checked_in") or None, s.get("pledged") or None)
        rec = records.get(str(s.get("attempt_id") or ""))
        if rec is not None and rec.status is AttemptStatus.IN_PROGRESS:
            seat.attempt = resume_attempt(rec, clock)  # started with the server
            seat.attempt_id = rec.id
        elif rec is not None and rec.status is AttemptStatus.FINISHED and rec.result:
            done = Attempt(rec.spec, clock, answers=rec.answers)
            done.start()
            done.finish()
            seat.attempt, seat.attempt_id = done, rec.id
            seat.result, seat.stored_result = rec.result, True
        if seat.attempt_id is not None:
            seat.away = away.get(seat.attempt_id, 0)
        desk.seats[info.id] = seat
    return desk
