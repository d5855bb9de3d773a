"""Signed result packages (``.kuis-hasil``), session set-up files (``.kuis-sesi``) and merge.

The trainer's laptop creates a session; its 256-bit random *session key* is the secret
every laptop of that session shares. The workflow and the threat model are written up
for trainers in ``docs/export-format.md`` ("Paket hasil dan penggabungan").

1. Trainer laptop: :func:`write_session_file` writes ``NAMA.kuis-sesi`` (JSON: title,
   place, date, plan snapshot, code, **the key**). Copied by USB stick to each laptop.
2. Other laptops: :func:`import_session_file` creates the same session (same key and
   plan) in their own results database; participants take the test there.
3. Each laptop: :func:`write_package` writes ``NAMA.kuis-hasil``, a zip of
   ``manifest.json`` (session, counts, the SHA-256 of ``data.json``), ``data.json``
   (finished attempts: participant, spec snapshot, answers, result) and ``signature``
   (HMAC-SHA256 of ``manifest.json`` under a key derived from the session key).
4. Trainer laptop: :func:`merge_packages` verifies each package against the target
   session's key and imports it in one SQLite transaction. Attempts already present
   (same uuid) are skipped and reported; a package that fails verification or breaks
   half-way imports nothing and is named in the report.

Why a file and not the short code: the code (``ABCD-EFGH``, 40 bits) is shown to the whole
hall, and 40 bits can be brute-forced offline; a key derived from it would let any
participant with a copy of a package recompute the signature. The set-up file carries the
full 256-bit key and never goes to participants.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import socket
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import Any

from ..errors import ExportError, QuizError
from ..model import TestKind
from ..quiz import AttemptSpec
from .export import atomic_target
from .records import (
    AttemptRecord,
    AttemptStatus,
    SessionRecord,
    SessionStatus,
    now_iso,
    session_code,
)
from .serialize import (
    answer_from_dict,
    answer_to_dict,
    attempt_result_from_dict,
    attempt_result_to_dict,
    attempt_spec_from_dict,
    attempt_spec_to_dict,
    participant_from_dict,
    participant_to_dict,
    plan_from_dict,
    plan_to_dict,
)
from .store import ResultsStore
from .store_import import create_session_with_key, import_attempts

__all__ = [
    "PACKAGE_FORMAT",
    "PACKAGE_SUFFIX",
    "SESSION_FILE_FORMAT",
    "SESSION_SUFFIX",
    "Duplicate",
    "MergeReport",
    "Package",
    "PackageReport",
    "import_session_file",
    "key_check",
    "merge_packages",
    "read_package",
    "read_session_file",
    "write_package",
    "write_session_file",
]

PACKAGE_FORMAT = "kuis-hasil/1"
SESSION_FILE_FORMAT = "kuis-sesi/1"
PACKAGE_SUFFIX = ".kuis-hasil"
SESSION_SUFFIX = ".kuis-sesi"
MANIFEST, DATA, SIGNATURE = "manifest.json", "data.json", "signature"
MAX_MANIFEST = 1 << 20  # 1 MiB
MAX_DATA = 2 << 30  # 2 GiB uncompressed: far above any real session, stops zip bombs
MAX_SESSION_FILE = 4 << 20

_HEX32 = re.compile(r"^[0-9a-f]{32}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_NIP = re.compile(r"^\d{18}$")

Progress = Callable[[int, int], None]


def _dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"),
                      sort_keys=True).encode("utf-8")


def _subkey(key: str, purpose: bytes) -> bytes:
    """A key for one purpose, derived from the session key (HMAC as a KDF)."""
    return hmac.new(bytes.fromhex(key), b"kuis-asn/" + purpose, hashlib.sha256).digest()


def key_check(key: str) -> str:
    """16 hex chars that identify a session key without revealing it (to tell "package of
    another session" from "package tampered with")."""
    return _subkey(key, b"key-check").hex()[:16]


def _sign(key: str, manifest: bytes) -> str:
    return hmac.new(_subkey(key, b"hasil/1"), manifest, hashlib.sha256).hexdigest()


def _hostname() -> str:
    try:
        return socket.gethostname()
    except OSError:
        return ""


# --------------------------------------------------------------------------- set-up file


def _session_body(session: SessionRecord) -> dict[str, Any]:
    return {
        "format": SESSION_FILE_FORMAT,
        "title": session.title,
        "place": session.place,
        "trainer": session.trainer,
        "date": session.date,
        "kind": str(session.kind),
        "code": session.code,
        "key": session.key,
        "plan": plan_to_dict(session.plan),
    }


def write_session_file(store: ResultsStore, session_id: int, out: Path) -> Path:
    """Write the set-up file other laptops import to join ``session_id``.

    It contains the session key: hand it only to the laptops of the session (by USB
    stick), never to participants, and delete it from the sticks afterwards.
    """
    session = store.session(session_id)
    body = _session_body(session)
    body["exported_at"] = now_iso()
    body["check"] = hmac.new(
        _subkey(session.key, b"sesi/1"), _dumps(_session_body(session)), hashlib.sha256
    ).hexdigest()
    out = Path(out)
    with atomic_target(out) as tmp:
        tmp.write_bytes(json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8"))
    return out


def read_session_file(path: Path) -> SessionRecord:
    """Read and check a ``.kuis-sesi`` file. The returned record has id 0 (not stored)."""
    path = Path(path)
    name = path.name
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_SESSION_FILE + 1)
    except OSError as exc:
        raise ExportError(f"Berkas sesi '{name}' tidak dapat dibaca: {exc.strerror or exc}.",
                          path) from exc
    bad = f"Berkas sesi '{name}' rusak atau bukan berkas sesi Kuis ASN (.kuis-sesi)."
    if len(raw) > MAX_SESSION_FILE:
        raise ExportError(bad, path)
    try:
        d = json.loads(raw.decode("utf-8-sig"))
        if not isinstance(d, dict) or d.get("format") != SESSION_FILE_FORMAT:
            raise ExportError(bad, path)
        key = str(d["key"])
        if not _HEX64.match(key) or session_code(key) != d["code"]:
            raise ExportError(bad, path)
        session = SessionRecord(
            id=0, title=str(d["title"]), plan=plan_from_dict(d["plan"]), place=str(d["place"]),
            trainer=str(d["trainer"]), date=Date.fromisoformat(d["date"]).isoformat(),
            kind=TestKind(d["kind"]), key=key, code=str(d["code"]), created_at="",
            started_at=None, ended_at=None, pretest_session_id=None,
            status=SessionStatus.OPEN,
        )
        expected = hmac.new(_subkey(key, b"sesi/1"), _dumps(_session_body(session)),
                            hashlib.sha256).hexdigest()
    except ExportError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ExportError(bad, path) from exc
    if not hmac.compare_digest(expected, str(d.get("check", ""))):
        raise ExportError(
            f"Berkas sesi '{name}' telah diubah setelah dibuat (pemeriksaan gagal). "
            "Minta berkas .kuis-sesi yang baru dari laptop pelatih.", path)
    return session


def import_session_file(store: ResultsStore, path: Path) -> tuple[SessionRecord, bool]:
    """Create the session of a set-up file on this laptop. ``(session, created)``; a
    session with the same key already here is returned with ``created`` False."""
    return create_session_with_key(store, read_session_file(path))


# --------------------------------------------------------------------------- packages


def _attempt_to_dict(rec: AttemptRecord) -> dict[str, Any]:
    assert rec.result is not None
    return {
        "id": rec.id,
        "participant": participant_to_dict(rec.participant),
        "seed": rec.seed,
        "spec": attempt_spec_to_dict(rec.spec),
        "status": str(rec.status),
        "started_at": rec.started_at,
        "finished_at": rec.finished_at,
        "updated_at": rec.updated_at,
        "elapsed": rec.elapsed,
        "current_index": rec.current_index,
        "question_time_used": rec.question_time_used,
        "answers": [answer_to_dict(a) for a in rec.answers.values()],
        "result": attempt_result_to_dict(rec.result),
        "device": rec.device,
        "void_reason": rec.void_reason,
        "voided_at": rec.voided_at,
    }


def _check_spec_answers(spec: AttemptSpec, rec: AttemptRecord) -> None:
    options = {aq.id: frozenset(aq.question.option_keys) for aq in spec.questions}
    for a in rec.answers.values():
        if a.question_id not in options or not a.choice <= options[a.question_id]:
            raise ValueError(f"jawaban soal {a.question_id} tidak cocok dengan soalnya")
        if not (a.time_taken >= 0):
            raise ValueError("waktu menjawab negatif")
    assert rec.result is not None
    if len(rec.result.per_question) != len(spec.questions):
        raise ValueError("jumlah skor soal tidak cocok dengan jumlah soal")


def _attempt_from_dict(d: dict[str, Any]) -> AttemptRecord:
    attempt_id = str(d["id"])
    if not _HEX32.match(attempt_id):
        raise ValueError(f"ID pengerjaan '{attempt_id}' tidak valid")
    if d["status"] != AttemptStatus.FINISHED:
        raise ValueError(f"pengerjaan {attempt_id} belum selesai")
    participant = participant_from_dict(d["participant"])
    if participant.nip is not None and not _NIP.match(participant.nip):
        raise ValueError(f"NIP '{participant.nip}' tidak valid")
    if not participant.name.strip():
        raise ValueError("nama peserta kosong")
    spec = attempt_spec_from_dict(d["spec"])
    answers = {a.question_id: a for a in (answer_from_dict(x) for x in d["answers"])}
    rec = AttemptRecord(
        id=attempt_id,
        session_id=0,
        participant_id=0,
        participant=participant,
        seed=str(d["seed"]),
        spec=spec,
        status=AttemptStatus.FINISHED,
        started_at=str(d["started_at"]),
        finished_at=str(d["finished_at"]),
        updated_at=str(d["updated_at"]),
        elapsed=float(d["elapsed"]),
        current_index=int(d["current_index"]),
        question_time_used={str(k): float(v) for k, v in d["question_time_used"].items()},
        answers=answers,
        result=attempt_result_from_dict(d["result"]),
        device=str(d["device"]),
        # packages written before attempts could be voided have neither key
        void_reason=str(d.get("void_reason") or ""),
        voided_at=None if d.get("voided_at") is None else str(d["voided_at"]),
    )
    _check_spec_answers(spec, rec)
    return rec


@dataclass(frozen=True)
class PackageInfo:
    path: Path
    attempts: int
    unfinished: int  # attempts in progress or abandoned: not packaged


def write_package(store: ResultsStore, session_id: int, out: Path,
                  progress: Progress | None = None) -> PackageInfo:
    """Write this laptop's finished attempts of ``session_id`` as a signed package."""
    session = store.session(session_id)
    records = store.attempts(session_id)
    finished = [r for r in records if r.status is AttemptStatus.FINISHED and r.result]
    items = []
    for i, rec in enumerate(finished, start=1):
        items.append(_attempt_to_dict(rec))
        if progress is not None and i % 200 == 0:
            progress(i, len(finished) + 1)
    data = _dumps({"attempts": items})
    manifest = _dumps({
        "format": PACKAGE_FORMAT,
        "created_at": now_iso(),
        "device": _hostname(),
        "session": {
            "code": session.code, "title": session.title, "place": session.place,
            "trainer": session.trainer, "date": session.date, "kind": str(session.kind),
        },
        "key_check": key_check(session.key),
        "attempts": len(items),
        "data_sha256": hashlib.sha256(data).hexdigest(),
        "data_size": len(data),
    })
    out = Path(out)
    with atomic_target(out) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED,
                                                   compresslevel=6) as zf:
        zf.writestr(MANIFEST, manifest)
        zf.writestr(DATA, data)
        zf.writestr(SIGNATURE, f"HMAC-SHA256 {_sign(session.key, manifest)}\n")
    if progress is not None:
        progress(len(finished) + 1, len(finished) + 1)
    return PackageInfo(out, len(items), len(records) - len(finished))


@dataclass(frozen=True)
class Package:
    path: Path
    manifest: dict[str, Any]
    attempts: tuple[AttemptRecord, ...]

    @property
    def device(self) -> str:
        return str(self.manifest.get("device", ""))


def _read_member(zf: zipfile.ZipFile, name: str, limit: int, bad: str, path: Path) -> bytes:
    try:
        info = zf.getinfo(name)
    except KeyError as exc:
        raise ExportError(f"{bad} (bagian '{name}' tidak ada).", path) from exc
    if info.file_size > limit:
        raise ExportError(f"{bad} (bagian '{name}' terlalu besar).", path)
    with zf.open(info) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise ExportError(f"{bad} (bagian '{name}' terlalu besar).", path)
    return data


def read_package(path: Path, session: SessionRecord) -> Package:
    """Open and verify a package for ``session`` (whose key signs it). Raises
    :class:`ExportError` naming the file when it is damaged, truncated, of another
    session, or altered after it was signed."""
    path = Path(path)
    name = path.name
    bad = f"Paket hasil '{name}' rusak atau tidak lengkap (mungkin terpotong saat disalin)"
    try:
        with zipfile.ZipFile(path) as zf:
            manifest_raw = _read_member(zf, MANIFEST, MAX_MANIFEST, bad, path)
            signature = _read_member(zf, SIGNATURE, 1024, bad, path).decode("ascii").split()
            data = _read_member(zf, DATA, MAX_DATA, bad, path)
    except FileNotFoundError as exc:
        raise ExportError(f"Paket hasil '{name}' tidak ditemukan.", path) from exc
    except OSError as exc:
        raise ExportError(f"Paket hasil '{name}' tidak dapat dibaca: {exc.strerror or exc}.",
                          path) from exc
    except (zipfile.BadZipFile, EOFError, UnicodeDecodeError, zipfile.LargeZipFile) as exc:
        raise ExportError(f"{bad}.", path) from exc
    try:
        manifest = json.loads(manifest_raw)
        if not isinstance(manifest, dict) or manifest.get("format") != PACKAGE_FORMAT:
            raise ExportError(f"'{name}' bukan paket hasil Kuis ASN ({PACKAGE_FORMAT}).", path)
        meta = manifest["session"]
        their_check = str(manifest["key_check"])
    except ExportError:
        raise
    except (ValueError, KeyError, TypeError) as exc:
        raise ExportError(f"{bad}.", path) from exc
    if not hmac.compare_digest(their_check, key_check(session.key)):
        raise ExportError(
            f"Paket hasil '{name}' milik sesi lain (kode {meta.get('code', '?')}, "
            f"'{meta.get('title', '?')}'), bukan sesi {session.code} '{session.title}'. "
            "Pilih sesi yang benar.", path)
    if len(signature) != 2 or signature[0] != "HMAC-SHA256" or not hmac.compare_digest(
        signature[1], _sign(session.key, manifest_raw)
    ):
        raise ExportError(
            f"Tanda tangan paket hasil '{name}' tidak cocok: isi paket telah diubah setelah "
            "dibuat. Paket ditolak; minta paket baru langsung dari laptop asalnya.", path)
    if hashlib.sha256(data).hexdigest() != manifest.get("data_sha256"):
        raise ExportError(
            f"Isi paket hasil '{name}' tidak cocok dengan tanda tangannya: data telah "
            "diubah. Paket ditolak.", path)
    try:
        body = json.loads(data)
        attempts = tuple(_attempt_from_dict(a) for a in body["attempts"])
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ExportError(f"Isi paket hasil '{name}' tidak valid: {exc}.", path) from exc
    if len(attempts) != manifest.get("attempts"):
        raise ExportError(f"{bad}.", path)
    return Package(path, manifest, attempts)


@dataclass(frozen=True)
class Duplicate:
    attempt_id: str
    name: str
    nip: str | None


@dataclass(frozen=True)
class PackageReport:
    path: Path
    imported: int = 0
    duplicates: tuple[Duplicate, ...] = ()
    error: str | None = None  # refused: nothing of this package was imported
    device: str = ""

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class MergeReport:
    session: SessionRecord
    packages: tuple[PackageReport, ...] = field(default_factory=tuple)

    @property
    def imported(self) -> int:
        return sum(p.imported for p in self.packages)

    @property
    def duplicates(self) -> int:
        return sum(len(p.duplicates) for p in self.packages)

    @property
    def refused(self) -> tuple[PackageReport, ...]:
        return tuple(p for p in self.packages if not p.ok)

    @property
    def ok(self) -> bool:
        return not self.refused

    def lines(self) -> list[str]:
        """The report in Indonesian, one line per package (CLI and UI)."""
        out = []
        for p in self.packages:
            if p.error is not None:
                out.append(f"DITOLAK {p.path.name}: {p.error}")
                continue
            line = f"{p.path.name}: {p.imported} hasil diimpor"
            if p.device:
                line += f" (dari {p.device})"
            if p.duplicates:
                names = ", ".join(d.name for d in p.duplicates[:5])
                more = f" dan {len(p.duplicates) - 5} lainnya" if len(p.duplicates) > 5 else ""
                line += f"; {len(p.duplicates)} sudah ada, dilewati: {names}{more}"
            out.append(line)
        out.append(
            f"Jumlah: {self.imported} diimpor, {self.duplicates} duplikat dilewati, "
            f"{len(self.refused)} paket ditolak."
        )
        return out


def merge_packages(store: ResultsStore, session_id: int, paths: Sequence[Path],
                   progress: Progress | None = None) -> MergeReport:
    """Verify and import each package into ``session_id``, one transaction per package.

    A refused package (damaged, other session, signature wrong, invalid content, or a
    database error while importing) is reported with its reason and imports nothing;
    the other packages are still merged.
    """
    session = store.session(session_id)
    reports: list[PackageReport] = []
    total = len(paths)
    for i, raw in enumerate(paths):
        path = Path(raw)
        try:
            package = read_package(path, session)
            result = import_attempts(store, session_id, package.attempts)
        except QuizError as exc:
            reports.append(PackageReport(path, error=exc.message))
        else:
            dups = tuple(
                Duplicate(d.id, d.participant.name, d.participant.nip) for d in result.duplicates
            )
            reports.append(PackageReport(path, len(result.imported), dups, None, package.device))
        if progress is not None:
            progress(i + 1, total)
    return MergeReport(session, tuple(reports))
