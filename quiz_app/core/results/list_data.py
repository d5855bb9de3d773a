"""What goes on the printed attendance list (*daftar hadir*) and pledge list (*daftar
penandatangan ikrar*). Qt-free; ``quiz_app.report.lists`` only lays these values out.

The attendance list is built from the check-ins of the phone desk (``presence`` table)
when the session, or the pre-test it is linked to, has any; otherwise from the people who
took the test. The pledge list is built from the stored pledge confirmations, and carries
the text that was confirmed when a pledge file with the same fingerprint is found (the
bundled example, or a file a phone desk of this data folder used); otherwise from the
test takers with a generic sentence. Each list says which source it used.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from ..banks import Pledge, bundled_pledge_file, load_pledge
from ..errors import QuizError
from ..people import format_nip
from ..userfile import read_user_json
from .presence import PresenceKind, PresenceRecord
from .report_data import Attendee, attendees, format_date_id
from .session_results import SessionResults

__all__ = ["ListSource", "ListData", "attendance_list", "format_time_id", "pledge_files",
           "pledge_list", "pledge_of_note"]

log = logging.getLogger(__name__)

DESK_FOLDER = "meja-hp"  # quiz_app.lan.desk_file.desk_dir: the phone desks' resume files
MAX_DESK_FILE = 16 << 20
_NOTE = re.compile(r"^(?P<title>.*)\s\[(?P<digest>[0-9a-f]{12})\]$")


class ListSource(StrEnum):
    CHECKIN = "checkin"  # check-ins on the phone desk
    PLEDGE = "pledge"  # pledge confirmations on the phone desk
    ATTEMPTS = "attempts"  # the people who took the test (no check-in / confirmation)


@dataclass(frozen=True)
class ListData:
    source: ListSource
    people: tuple[Attendee, ...]  # ``at``: the check-in / confirmation time, local
    pledges: tuple[Pledge, ...] = ()  # the texts confirmed, found by their fingerprint
    missing: tuple[str, ...] = ()  # titles of confirmed texts whose file was not found

    @property
    def timed(self) -> bool:
        return self.source is not ListSource.ATTEMPTS


def format_time_id(iso: str, day: str = "") -> str:
    """A stored UTC time as the laptop's local time, the Indonesian way: ``08.15``; with
    the date in front (``5 Maret 2025, 08.15``) when it is not ``day`` (ISO date)."""
    try:
        local = datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return iso
    clock = local.strftime("%H.%M")
    if local.date().isoformat() == day:
        return clock
    return f"{format_date_id(local.date()).split(', ', 1)[1]}, {clock}"


def _first_per_person(rows: Iterable[PresenceRecord]) -> list[PresenceRecord]:
    """One row per NIP (the earliest, e.g. a check-in at the pre-test and again at the
    post-test); guests stay one row each. In the order people came."""
    by_key: dict[str, PresenceRecord] = {}
    for r in rows:
        key = r.nip or f"tamu:{r.id}"
        old = by_key.get(key)
        if old is None or r.at < old.at:
            by_key[key] = r
    return sorted(by_key.values(), key=lambda r: (r.at, r.id))


def _people(rows: Sequence[PresenceRecord], day: str) -> tuple[Attendee, ...]:
    return tuple(
        Attendee(i, r.name, format_nip(r.nip) if r.nip else "", r.position, r.unit,
                 False, format_time_id(r.at, day))
        for i, r in enumerate(rows, 1)
    )


def _presence(results: SessionResults, kind: PresenceKind) -> list[PresenceRecord]:
    return _first_per_person(r for r in results.presence
                             if isinstance(r, PresenceRecord) and r.kind is kind)


def attendance_list(results: SessionResults) -> ListData:
    """The check-ins of the session (and its linked pre-test), else the test takers."""
    rows = _presence(results, PresenceKind.ATTENDANCE)
    if rows:
        return ListData(ListSource.CHECKIN, _people(rows, results.session.date))
    return ListData(ListSource.ATTEMPTS, attendees(results))


def pledge_of_note(note: str) -> tuple[str, str]:
    """``(title, fingerprint)`` of a confirmation's note (``"Title [0123456789ab]"``, as the
    phone desk writes it); ``(note, "")`` for a note without a fingerprint."""
    m = _NOTE.match(note.strip())
    return (m["title"], m["digest"]) if m else (note.strip(), "")


def pledge_files(data_dir: Path) -> list[Path]:
    """Where a confirmed pledge text may be: the bundled example, then every pledge file a
    phone desk of this data folder used (from its resume files; damaged ones skipped)."""
    found = [bundled_pledge_file()]
    folder = Path(data_dir) / DESK_FOLDER
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            data = read_user_json(path, max_bytes=MAX_DESK_FILE, what="berkas meja HP")
        except QuizError as exc:
            log.warning("%s", exc)
            continue
        value = data.get("pledge") if isinstance(data, dict) else None
        if isinstance(value, str) and value and Path(value) not in found:
            found.append(Path(value))
    return found


def _load_pledges(paths: Iterable[Path]) -> dict[str, Pledge]:
    """Fingerprint -> pledge, for the files that still load (a moved or broken file is
    skipped: the list then prints the generic sentence)."""
    out: dict[str, Pledge] = {}
    for path in paths:
        try:
            pledge = load_pledge(path)
        except QuizError as exc:
            log.info("pledge file skipped: %s", exc)
            continue
        out.setdefault(pledge.digest, pledge)
    return out


def pledge_list(results: SessionResults, pledge_paths: Iterable[Path] = ()) -> ListData:
    """The pledge confirmations with their times and the text confirmed (found among
    ``pledge_paths`` by fingerprint); without confirmations, the test takers."""
    rows = _presence(results, PresenceKind.PLEDGE)
    if not rows:
        return ListData(ListSource.ATTEMPTS, attendees(results))
    known = _load_pledges(pledge_paths)
    pledges: list[Pledge] = []
    missing: list[str] = []
    for r in rows:
        title, digest = pledge_of_note(r.note)
        pledge = known.get(digest) if digest else None
        if pledge is not None:
            if pledge not in pledges:
                pledges.append(pledge)
        elif title and title not in missing:
            missing.append(title)
    return ListData(ListSource.PLEDGE, _people(rows, results.session.date), tuple(pledges),
                    tuple(missing))

