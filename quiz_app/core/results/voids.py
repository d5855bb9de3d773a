"""Attempts HR declares invalid ("tidak sah"), with a reason (issue 11.10).

A voided attempt keeps its status ``finished``, its answers and its result; the reason and
the time are stored beside it (schema v3). Results reading it (:mod:`.session_results`)
show it with the reason and leave it out of scores, N-Gain and item analysis.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import StoreError
from .records import VOID_REASON_MAX, AttemptRecord, now_iso

if TYPE_CHECKING:
    from .store import ResultsStore

__all__ = ["has_valid_attempt", "void_attempt"]


def void_attempt(store: ResultsStore, attempt_id: str, reason: str) -> AttemptRecord:
    """Declare a finished attempt invalid, once, with a reason (required, one line)."""
    reason = " ".join(reason.split())
    if not reason:
        raise StoreError("Alasan pembatalan wajib diisi.", store.path)
    if len(reason) > VOID_REASON_MAX:
        raise StoreError(
            f"Alasan pembatalan terlalu panjang ({len(reason)} karakter; paling banyak "
            f"{VOID_REASON_MAX}).", store.path)
    now = now_iso()
    with store._write() as conn:
        cur = conn.execute(
            "UPDATE attempts SET void_reason = ?, voided_at = ?, updated_at = ?"
            " WHERE id = ? AND status = 'finished' AND voided_at IS NULL",
            (reason, now, now, attempt_id),
        )
        if cur.rowcount != 1:
            row = conn.execute(
                "SELECT status, voided_at FROM attempts WHERE id = ?", (attempt_id,)
            ).fetchone()
            if row is None:
                raise StoreError(f"Pengerjaan {attempt_id} tidak ditemukan.", store.path)
            if row[1] is not None:
                raise StoreError(
                    f"Pengerjaan {attempt_id} sudah dinyatakan tidak sah.", store.path)
            raise StoreError(
                f"Pengerjaan {attempt_id} belum selesai; hanya tes yang sudah selesai "
                "dapat dinyatakan tidak sah.", store.path)
    return store.attempt(attempt_id)


def has_valid_attempt(store: ResultsStore, session_id: int, nip: str) -> bool:
    """Whether ``nip`` already finished a (not voided) attempt in ``session_id``."""
    row = store._read_one(
        "SELECT 1 FROM attempts a JOIN participants p ON p.id = a.participant_id"
        " WHERE a.session_id = ? AND p.nip = ? AND a.status = 'finished'"
        " AND a.voided_at IS NULL LIMIT 1",
        (session_id, nip),
    )
    return row is not None
