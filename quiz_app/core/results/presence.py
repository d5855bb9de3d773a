"""Attendance (daftar hadir) and the signed pledge (ikrar) of a session, in the results
store. No Qt.

One row per person and kind in a session (``presence`` table, migration v3): a second
check-in of the same NIP keeps the first time and updates the name, jabatan and unit
kerja; a second pledge confirmation keeps the first. Guests (no NIP) get one row each.
Rows carry a uuid, so merging packages from several laptops skips the rows a laptop
already has, and a NIP present on both laptops keeps the earlier time.

The time is the laptop's (``now_iso()``, UTC); a phone never supplies it.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from ..errors import StoreError
from ..model import Participant
from .records import _hostname, now_iso
from .store import ResultsStore

__all__ = [
    "PresenceKind",
    "away_counts",
    "import_away",
    "note_away",
    "PresenceRecord",
    "import_presence",
    "presence_rows",
    "presence_from_dict",
    "presence_to_dict",
    "record_presence",
]

MAX_FIELD = 120  # characters of a name, jabatan or unit kerja typed on a phone


class PresenceKind(StrEnum):
    ATTENDANCE = "attendance"  # daftar hadir
    PLEDGE = "pledge"  # ikrar confirmed ("Saya menyatakan ikrar ini")


@dataclass(frozen=True)
class PresenceRecord:
    id: str
    session_id: int
    kind: PresenceKind
    nip: str | None
    name: str
    position: str
    unit: str
    at: str  # ISO 8601 UTC, the laptop's time
    device: str = ""
    note: str = ""  # pledge: the title of the text confirmed

    @property
    def participant(self) -> Participant:
        return Participant(name=self.name, nip=self.nip, position=self.position,
                           unit=self.unit)


_COLUMNS = "id, session_id, kind, nip, name, position, unit, at, device, note"


def _clean(text: str, what: str) -> str:
    text = " ".join(str(text).split())
    if len(text) > MAX_FIELD:
        raise StoreError(f"{what} terlalu panjang (lebih dari {MAX_FIELD} karakter).")
    return text


def _row(r: Sequence[Any]) -> PresenceRecord:
    return PresenceRecord(str(r[0]), int(r[1]), PresenceKind(r[2]), r[3] or None, str(r[4]),
                          str(r[5]), str(r[6]), str(r[7]), str(r[8]), str(r[9]))


def record_presence(store: ResultsStore, session_id: int, kind: PresenceKind | str,
                    person: Participant, *, note: str = "", at: str | None = None,
                    record_id: str | None = None) -> PresenceRecord:
    """Check a person in (or record their pledge) and return the stored row.

    Idempotent per NIP: the first time stays, the name/jabatan/unit are updated. Works
    inside :meth:`ResultsStore.batch` (the phone writer's group commit)."""
    kind = PresenceKind(kind)
    name = _clean(person.name, "Nama")
    if not name:
        raise StoreError("Nama wajib diisi untuk daftar hadir.")
    position = _clean(person.position, "Jabatan")
    unit = _clean(person.unit, "Unit kerja")
    note = _clean(note, "Catatan")
    nip = person.nip or None
    stamp = at or now_iso()
    with store._write() as conn:
        if conn.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone() is None:
            raise StoreError(f"Sesi {session_id} tidak ditemukan.", store.path)
        row = None
        if nip is not None:
            row = conn.execute(f"SELECT {_COLUMNS} FROM presence WHERE session_id = ? AND"
                               " kind = ? AND nip = ?", (session_id, str(kind), nip)).fetchone()
        if row is not None:
            conn.execute("UPDATE presence SET name = ?, position = ?, unit = ? WHERE id = ?",
                         (name, position, unit, row[0]))
            rid = str(row[0])
        else:
            rid = record_id or uuid.uuid4().hex
            conn.execute(f"INSERT INTO presence ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (rid, session_id, str(kind), nip, name, position, unit, stamp,
                          _hostname(), note))
        found = conn.execute(f"SELECT {_COLUMNS} FROM presence WHERE id = ?", (rid,)).fetchone()
    return _row(found)


def presence_rows(store: ResultsStore, session_id: int,
             kind: PresenceKind | str | None = None) -> list[PresenceRecord]:
    """The rows of a session (one kind or both), in the order people came."""
    sql = f"SELECT {_COLUMNS} FROM presence WHERE session_id = ?"
    params: list[Any] = [session_id]
    if kind is not None:
        sql += " AND kind = ?"
        params.append(str(PresenceKind(kind)))
    try:
        rows = store._connection().execute(sql + " ORDER BY at, id", params).fetchall()
    except sqlite3.Error as exc:
        raise StoreError(f"Gagal membaca daftar hadir: {exc}.", store.path) from exc
    return [_row(r) for r in rows]


def presence_to_dict(rec: PresenceRecord) -> dict[str, Any]:
    return {"id": rec.id, "kind": str(rec.kind), "nip": rec.nip, "name": rec.name,
            "position": rec.position, "unit": rec.unit, "at": rec.at, "device": rec.device,
            "note": rec.note}


def presence_from_dict(d: dict[str, Any], session_id: int = 0) -> PresenceRecord:
    """From a package; raises ValueError/KeyError/TypeError on a malformed entry."""
    rid = str(d["id"])
    if not (len(rid) == 32 and all(c in "0123456789abcdef" for c in rid)):
        raise ValueError(f"id kehadiran tidak valid: {rid[:40]!r}")
    nip = d.get("nip")
    if nip is not None and not (isinstance(nip, str) and len(nip) == 18 and nip.isdigit()):
        raise ValueError(f"NIP kehadiran tidak valid: {str(nip)[:40]!r}")
    fields = [str(d[k]) for k in ("name", "position", "unit", "at", "device", "note")]
    if any(len(f) > 200 for f in fields):
        raise ValueError("isian kehadiran terlalu panjang")
    return PresenceRecord(rid, session_id, PresenceKind(d["kind"]), nip, *fields)


def import_presence(store: ResultsStore, session_id: int,
                    rows: Iterable[PresenceRecord]) -> int:
    """Merge rows from another laptop into ``session_id``. A row already here (same id) is
    skipped; the same NIP and kind keeps the earlier time. Returns the rows added. Call it
    inside :meth:`ResultsStore.batch` to share the caller's transaction."""
    added = 0
    with store._write() as conn:
        for rec in rows:
            if conn.execute("SELECT 1 FROM presence WHERE id = ?", (rec.id,)).fetchone():
                continue
            if rec.nip is not None:
                old = conn.execute("SELECT id, at FROM presence WHERE session_id = ? AND"
                                   " kind = ? AND nip = ?",
                                   (session_id, str(rec.kind), rec.nip)).fetchone()
                if old is not None:
                    if rec.at < str(old[1]):
                        conn.execute("UPDATE presence SET at = ?, device = ? WHERE id = ?",
                                     (rec.at, rec.device, old[0]))
                    continue
            conn.execute(f"INSERT INTO presence ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (rec.id, session_id, str(rec.kind), rec.nip, rec.name, rec.position,
                          rec.unit, rec.at, rec.device, rec.note))
            added += 1
    return added


# --------------------------------------------------------------------------- leaving the page


def note_away(store: ResultsStore, attempt_id: str, count: int) -> None:
    """Store how often the participant left the test page during ``attempt_id`` (a phone's
    visibilitychange). Shown to the trainer and exported; never changes the score."""
    if count < 0:
        raise StoreError("Jumlah keluar halaman tidak boleh negatif.")
    with store._write() as conn:
        if conn.execute("SELECT 1 FROM attempts WHERE id = ?", (attempt_id,)).fetchone() is None:
            raise StoreError(f"Pengerjaan {attempt_id} tidak ditemukan.", store.path)
        conn.execute("INSERT INTO attempt_away (attempt_id, count) VALUES (?, ?)"
                     " ON CONFLICT (attempt_id) DO UPDATE SET count = max(count, excluded.count)",
                     (attempt_id, count))


def away_counts(store: ResultsStore, session_id: int) -> dict[str, int]:
    """Attempt id -> times its page was left, for the attempts of a session that have one."""
    try:
        rows = store._connection().execute(
            "SELECT w.attempt_id, w.count FROM attempt_away w JOIN attempts a"
            " ON a.id = w.attempt_id WHERE a.session_id = ?", (session_id,)).fetchall()
    except sqlite3.Error as exc:
        raise StoreError(f"Gagal membaca basis data hasil: {exc}.", store.path) from exc
    return {str(a): int(n) for a, n in rows}


def import_away(store: ResultsStore, counts: dict[str, int]) -> None:
    """Merge counts from a package (attempts already imported); the larger count wins."""
    with store._write() as conn:
        for attempt_id, n in counts.items():
            if conn.execute("SELECT 1 FROM attempts WHERE id = ?", (attempt_id,)).fetchone():
                conn.execute("INSERT INTO attempt_away (attempt_id, count) VALUES (?, ?)"
                             " ON CONFLICT (attempt_id) DO UPDATE SET"
                             " count = max(count, excluded.count)", (attempt_id, int(n)))
