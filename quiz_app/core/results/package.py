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
from pathlib import Path
from typing import Any

from ..errors import ExportError, QuizError
from ..model import TestKind
from ..userfile import SafeZip, loads_json, read_user_json
from . import checked
from .checked import Invalid
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
    answer_to_dict,
    attempt_result_to_dict,
    attempt_spec_to_dict,
    participant_to_dict,
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
MAX_DATA = 256 << 20  # data.json inflated: ~10,000 attempts of 50 questions
MAX_PACKAGE = 128 << 20  # the .kuis-hasil file itself
MAX_SESSION_FILE = 1 << 20

_HEX32 = re.compile(r"^[0-9a-f]{32}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")

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


def write_session_file(store: ResultsStore, session_id: int, out: Path, *,
                       force: bool = False) -> Path:
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
    with atomic_target(out, "session", force=force, protected=(store.path.parent,)) as tmp:
        tmp.write_bytes(json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8"))
    return out




def read_session_file(path: Path) -> SessionRecord:
    """Read and check a ``.kuis-sesi`` file. The returned record has id 0 (not stored).

    Its check is keyed with the key the file itself carries, so it only catches accidents
    (a byte changed on a USB stick): whoever holds the file can re-sign anything. Every
    field is therefore validated like a plan the trainer wrote: types, ranges, sizes, and
    no path from the other laptop (``plan.path`` is dropped)."""
    path = Path(path)
    name = path.name
    bad = f"Berkas sesi '{name}' rusak atau bukan berkas sesi Kuis ASN (.kuis-sesi)"
    d = read_user_json(path, max_bytes=MAX_SESSION_FILE, error=ExportError, display=name,
                       what="berkas sesi", max_depth=8)
    try:
        if not isinstance(d, dict) or d.get("format") != SESSION_FILE_FORMAT:
            raise Invalid("kolom 'format' bukan kuis-sesi/1")
        key = checked.text(d.get("key"), "key", max_len=64)
        if not _HEX64.match(key) or session_code(key) != d.get("code"):
            raise Invalid("kunci atau kode sesi tidak valid")
        plan = checked.checked_plan(d.get("plan"), need_banks=True)
        kind = checked.choice(d.get("kind"), TestKind, "kind")
        if kind is not plan.kind:
            raise Invalid("jenis tes tidak sama dengan jenis tes rencananya")
        session = SessionRecord(
            id=0, title=checked.text(d.get("title"), "title", required=True, visible=True),
            plan=plan, place=checked.text(d.get("place"), "place"),
            trainer=checked.text(d.get("trainer"), "trainer"),
            date=checked.iso_date(d.get("date"), "date"), kind=kind, key=key, code=str(d["code"]),
            created_at="", started_at=None, ended_at=None, pretest_session_id=None,
            status=SessionStatus.OPEN,
        )
    except Invalid as exc:
        raise ExportError(f"{bad}: {exc}.", name) from exc
    body = _session_body(session)
    body["plan"] = d["plan"]  # the check covers the plan as written, path and all
    expected = hmac.new(_subkey(key, b"sesi/1"), _dumps(body), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, str(d.get("check", ""))):
        raise ExportError(
            f"Berkas sesi '{name}' telah diubah setelah dibuat (pemeriksaan gagal). "
            "Minta berkas .kuis-sesi yang baru dari laptop pelatih.", name)
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


ATTEMPT_FIELDS = ("id", "participant", "seed", "spec", "status", "started_at", "finished_at",
                  "updated_at", "elapsed", "current_index", "question_time_used", "answers",
                  "result", "device")


def _attempt_from_dict(d: object, where: str) -> AttemptRecord:
    """One finished attempt of a package, every field checked (see :mod:`.checked`)."""
    if not isinstance(d, dict):
        raise Invalid(f"{where} harus berupa objek")
    missing = [k for k in ATTEMPT_FIELDS if k not in d]
    if missing:
        raise Invalid(f"{where}: kolom '{missing[0]}' tidak ada")
    attempt_id = checked.text(d["id"], f"{where}.id", max_len=32)
    if not _HEX32.match(attempt_id):
        raise Invalid(f"ID pengerjaan '{attempt_id}' tidak valid")
    if d["status"] != AttemptStatus.FINISHED:
        raise Invalid(f"pengerjaan {attempt_id} belum selesai")
    spec = checked.checked_spec(d["spec"], f"{where}.spec")
    used = d["question_time_used"]
    qids = {aq.id for aq in spec.questions}
    if not isinstance(used, dict) or not set(used) <= qids:
        raise Invalid(f"{where}.question_time_used tidak cocok dengan soalnya")
    return AttemptRecord(
        id=attempt_id,
        session_id=0,
        participant_id=0,
        participant=checked.checked_participant(d["participant"], f"{where}.participant"),
        seed=checked.text(d["seed"], f"{where}.seed"),
        spec=spec,
        status=AttemptStatus.FINISHED,
        started_at=str(checked.iso_time(d["started_at"], f"{where}.started_at")),
        finished_at=checked.iso_time(d["finished_at"], f"{where}.finished_at"),
        updated_at=str(checked.iso_time(d["updated_at"], f"{where}.updated_at")),
        elapsed=checked.seconds(d["elapsed"], f"{where}.elapsed"),
        current_index=checked.integer(d["current_index"], f"{where}.current_index", 0,
                                      len(spec.questions) - 1),
        question_time_used={k: checked.seconds(v, f"{where}.question_time_used")
                            for k, v in used.items()},
        answers=checked.checked_answers(d["answers"], spec, f"{where}.answers"),
        result=checked.checked_result(d["result"], spec, f"{where}.result"),
        device=checked.text(d["device"], f"{where}.device"),
        # packages written before attempts could be voided have neither key
        void_reason=checked.text(d.get("void_reason") or "", f"{where}.void_reason",
                                 max_len=2000),
        voided_at=checked.iso_time(d.get("voided_at"), f"{where}.voided_at", optional=True),
    )


@dataclass(frozen=True)
class PackageInfo:
    path: Path
    attempts: int
    unfinished: int  # attempts in progress or abandoned: not packaged


def write_package(store: ResultsStore, session_id: int, out: Path,
                  progress: Progress | None = None, *, force: bool = False) -> PackageInfo:
    """Write this laptop's finished attempts of ``session_id`` as a signed package."""
    session = store.session(session_id)
    records = store.attempts(session_id)
    finished = [r for r in records if r.status is AttemptStatus.FINISHED and r.result]
    items = []
    for i, rec in enumerate(finished, start=1):
        items.append(_attempt_to_dict(rec))
        if progress is not None and i % 200 == 0:
            progress(i, len(finished) + 1)
    from .presence import away_counts, presence_rows, presence_to_dict

    # attendance and pledge rows, and times a phone left the test page, travel in the
    # same signed data (issue 16)
    kept = {r.id for r in finished}
    away = {a: n for a, n in away_counts(store, session_id).items() if a in kept}
    data = _dumps({"attempts": items,
                   "presence": [presence_to_dict(r) for r in presence_rows(store, session_id)],
                   "away": away})
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
    with atomic_target(out, "package", force=force, protected=(store.path.parent,)) as tmp, \
            zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED,
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
    presence: tuple[Any, ...] = ()  # PresenceRecord rows (packages since issue 16)
    away: dict[str, int] = field(default_factory=dict)  # attempt id -> times page left

    @property
    def device(self) -> str:
        return str(self.manifest.get("device", ""))


def read_package(path: Path, session: SessionRecord) -> Package:
    """Open and verify a package for ``session`` (whose key signs it). Raises
    :class:`ExportError` naming the file when it is damaged, truncated, of another
    session, altered after it was signed, or holds anything that is not a valid result.

    Nothing large is inflated before the signature is checked: the manifest (at most
    1 MiB) is signed and declares the size and hash of ``data.json``, which is inflated
    only then, and never past its declared size."""
    path = Path(path)
    name = path.name
    bad = f"Paket hasil '{name}' rusak atau tidak lengkap (mungkin terpotong saat disalin)"
    with SafeZip(path, max_bytes=MAX_PACKAGE, max_member=MAX_DATA, max_total=MAX_DATA + (4 << 20),
                 max_members=16, error=ExportError, display=name, what="paket hasil",
                 describe=lambda reason: f"{bad}: {reason}.") as zf:
        manifest_raw = zf.read(MANIFEST, MAX_MANIFEST)
        signature = zf.read(SIGNATURE, 1024).decode("ascii", "replace").split()
        manifest = loads_json(manifest_raw, name, error=ExportError, what="manifest paket",
                              max_depth=4)
        try:
            if not isinstance(manifest, dict) or manifest.get("format") != PACKAGE_FORMAT:
                raise ExportError(f"'{name}' bukan paket hasil Kuis ASN ({PACKAGE_FORMAT}).",
                                  name)
            meta = manifest.get("session")
            meta = meta if isinstance(meta, dict) else {}
            their_check = checked.text(manifest.get("key_check"), "key_check", max_len=64)
            count = checked.integer(manifest.get("attempts"), "attempts", 0, 1_000_000)
            size = checked.integer(manifest.get("data_size"), "data_size", 0, MAX_DATA)
            digest = checked.text(manifest.get("data_sha256"), "data_sha256", max_len=64)
        except Invalid as exc:
            raise ExportError(f"{bad}: {exc}.", name) from exc
        if not hmac.compare_digest(their_check, key_check(session.key)):
            code, title = str(meta.get("code", "?"))[:12], str(meta.get("title", "?"))[:80]
            raise ExportError(
                f"Paket hasil '{name}' milik sesi lain (kode {code}, '{title}'), bukan sesi "
                f"{session.code} '{session.title}'. Pilih sesi yang benar.", name)
        if len(signature) != 2 or signature[0] != "HMAC-SHA256" or not hmac.compare_digest(
            signature[1], _sign(session.key, manifest_raw)
        ):
            raise ExportError(
                f"Tanda tangan paket hasil '{name}' tidak cocok: isi paket telah diubah setelah "
                "dibuat. Paket ditolak; minta paket baru langsung dari laptop asalnya.", name)
        altered = ExportError(
            f"Isi paket hasil '{name}' tidak cocok dengan tanda tangannya: data telah "
            "diubah. Paket ditolak.", name)
        if zf.declared_size(DATA) != size:
            raise altered
        data = zf.read(DATA, size)
    if len(data) != size or not hmac.compare_digest(hashlib.sha256(data).hexdigest(), digest):
        raise altered
    body = loads_json(data, name, error=ExportError, what="isi paket", max_depth=16)
    try:
        if not isinstance(body, dict):
            raise Invalid("isi paket harus berupa objek")
        attempts = tuple(_attempt_from_dict(a, f"pengerjaan ke-{i + 1}") for i, a in
                         enumerate(checked.items(body.get("attempts"), "attempts", 1_000_000)))
        if len({a.id for a in attempts}) != len(attempts):
            raise Invalid("satu pengerjaan muncul dua kali")
        rows = _presence_rows(body.get("presence", []))
        away = body.get("away", {})
        if not isinstance(away, dict):
            raise Invalid("'away' harus berupa objek")
        away = {checked.text(k, "away", max_len=32): checked.integer(v, "away", 0, 1_000_000)
                for k, v in away.items()}
    except Invalid as exc:
        raise ExportError(f"Isi paket hasil '{name}' tidak valid: {exc}.", name) from exc
    if len(attempts) != count:
        raise ExportError(f"{bad}: jumlah hasil tidak cocok dengan manifest.", name)
    return Package(path, manifest, attempts, rows, away)


def _presence_rows(raw: object) -> tuple[Any, ...]:
    """Attendance/pledge rows of a package (see :mod:`.presence`), each checked."""
    from .presence import presence_from_dict

    rows = []
    for i, entry in enumerate(checked.items(raw, "presence", 1_000_000)):
        if not isinstance(entry, dict):
            raise Invalid(f"presence[{i}] harus berupa objek")
        try:
            rows.append(presence_from_dict(entry))
        except (ValueError, KeyError, TypeError) as exc:  # its own shape checks
            raise Invalid(f"presence[{i}]: {exc}") from exc
    return tuple(rows)


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
            with store.batch():  # attempts and presence rows: one transaction
                result = import_attempts(store, session_id, package.attempts)
                from .presence import import_away, import_presence

                if package.presence:
                    import_presence(store, session_id, package.presence)
                if package.away:
                    import_away(store, package.away)
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
