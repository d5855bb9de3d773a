"""Certificate data and verification codes. Qt-free.

A certificate carries a short code ``ABCD-EFGH-JKMN-PQRS``: the first half is the
session's public code, the second half 40 bits of ``HMAC-SHA256(session key, attempt id,
NIP, name)`` in Crockford base32. Only a laptop holding the session key (the trainer's
store, or one that merged the session) can make or check a code; changing a character,
or the name or NIP on the record, makes it fail. ``quiz-app verify CODE`` runs
:func:`verify_code`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import stat
from dataclasses import asdict, dataclass
from pathlib import Path

from ..atomicio import write_atomic
from ..errors import ExportError, StoreError
from .records import CROCKFORD, AttemptRecord, AttemptStatus, SessionRecord
from .session_results import SessionResults
from .store import ResultsStore

__all__ = [
    "Certificate",
    "Signer",
    "Verification",
    "certificate_code",
    "session_certificates",
    "normalise_code",
    "verify_code",
]

_DOMAIN = b"kuis-asn/sertifikat/v1"
_DECODE = {c: i for i, c in enumerate(CROCKFORD)} | {"O": 0, "I": 1, "L": 1}


@dataclass(frozen=True)
class Certificate:
    attempt_id: str
    name: str
    nip: str  # as stored (18 digits) or "" for guests
    position: str
    unit: str
    nilai: float | None  # None when the attempt was not graded
    passed: bool | None
    code: str  # ABCD-EFGH-JKMN-PQRS


@dataclass(frozen=True)
class Signer:
    """The official who signs the certificates (remembered in the data folder)."""

    name: str = ""
    nip: str = ""
    title: str = ""  # e.g. "Kepala BKPSDM Kabupaten Sleman"

    FILENAME = "penandatangan-sertifikat.json"
    MAX_BYTES = 16_384

    @classmethod
    def load(cls, data_dir: Path) -> Signer:
        """The remembered signer; an empty one when none was saved or the file is not a
        small regular JSON file (it is ours, rewritten on the next save)."""
        path = Path(data_dir) / cls.FILENAME
        try:
            st = os.stat(path)
            if not stat.S_ISREG(st.st_mode) or st.st_size > cls.MAX_BYTES:
                return cls()
            with open(path, "rb") as fh:
                data = json.loads(fh.read(cls.MAX_BYTES).decode("utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(data, dict):
            return cls()
        return cls(**{k: str(data[k]) for k in ("name", "nip", "title")
                      if isinstance(data.get(k), str)})

    def save(self, data_dir: Path) -> Path:
        path = Path(data_dir) / self.FILENAME
        text = json.dumps(asdict(self), ensure_ascii=False, indent=1)
        try:
            write_atomic(path, text.encode("utf-8"))
        except OSError as exc:
            raise StoreError(f"Penanda tangan sertifikat tidak dapat disimpan: "
                             f"{exc.strerror or exc}.", path) from exc
        return path

    def merged(self, name: str | None, nip: str | None, title: str | None) -> Signer:
        """This signer with the given fields replaced (None keeps the old value)."""
        return Signer(self.name if name is None else name.strip(),
                      self.nip if nip is None else nip.strip(),
                      self.title if title is None else title.strip())


@dataclass(frozen=True)
class Verification:
    session: SessionRecord
    attempt: AttemptRecord


def _mac(key_hex: str, attempt: AttemptRecord) -> str:
    msg = b"\n".join([
        _DOMAIN,
        attempt.id.encode(),
        (attempt.participant.nip or "").encode(),
        attempt.participant.name.encode("utf-8"),
    ])
    digest = hmac.new(bytes.fromhex(key_hex), msg, hashlib.sha256).digest()
    n = int.from_bytes(digest[:5], "big")
    chars = "".join(CROCKFORD[(n >> (35 - 5 * i)) & 31] for i in range(8))
    return f"{chars[:4]}-{chars[4:]}"


def certificate_code(session: SessionRecord, attempt: AttemptRecord) -> str:
    """The verification code printed on ``attempt``'s certificate."""
    return f"{session.code}-{_mac(session.key, attempt)}"


def session_certificates(results: SessionResults) -> list[Certificate]:
    """One certificate per person (their last finished attempt), sorted by name. Hall
    teams are not people and get none."""
    from .report_data import TEAM_MARK

    latest: dict[str, AttemptRecord] = {}
    for rec in results.attempts:
        if TEAM_MARK in rec.participant.extra:
            continue
        who = rec.participant.nip or f"tamu:{rec.participant.name.casefold()}"
        old = latest.get(who)
        if old is None or (rec.finished_at or "") >= (old.finished_at or ""):
            latest[who] = rec
    out = []
    for rec in latest.values():
        res = rec.result
        graded = res is not None and res.graded
        out.append(Certificate(
            attempt_id=rec.id,
            name=rec.participant.name,
            nip=rec.participant.nip or "",
            position=rec.participant.position,
            unit=rec.participant.unit,
            nilai=res.nilai if res is not None and graded else None,
            passed=res.passed if res is not None and graded else None,
            code=certificate_code(results.session, rec),
        ))
    return sorted(out, key=lambda c: (c.name.casefold(), c.nip))


def normalise_code(text: str) -> str:
    """``abcd efgh-jkmn pqrs`` -> ``ABCD-EFGH-JKMN-PQRS`` (O read as 0, I/L as 1)."""
    raw = "".join(ch for ch in text.upper() if ch.isalnum())
    if len(raw) != 16 or any(ch not in _DECODE for ch in raw):
        raise ExportError(
            f"Kode verifikasi '{text.strip()}' tidak berbentuk ABCD-EFGH-JKMN-PQRS "
            "(16 huruf/angka)."
        )
    raw = "".join(CROCKFORD[_DECODE[ch]] for ch in raw)
    return "-".join(raw[i:i + 4] for i in range(0, 16, 4))


def verify_code(store: ResultsStore, text: str) -> Verification | None:
    """The session and attempt a certificate code belongs to, or None when no finished
    attempt in this store has that code (a forged or mistyped code, or a session this
    laptop does not hold). An attempt HR voided later is returned too: the caller says
    the certificate is no longer valid (``attempt.voided``)."""
    code = normalise_code(text)
    session_code, mac = code[:9], code[10:]
    for session in store.sessions(session_code):
        if session.code != session_code:
            continue
        for rec in store.attempts(session.id):
            if rec.status is not AttemptStatus.FINISHED:
                continue
            if hmac.compare_digest(_mac(session.key, rec), mac):
                return Verification(session, rec)
    return None
