"""Presenter resume files that cannot be used are set aside, and the hall attempts they
stranded are closed, so one damaged file never blocks the next presentation and no
answer already stored is lost.

A resume file (``aula/<id>.json`` with ``<id>.spec.json`` and, for phones,
``<id>.phones.json``) is set aside — renamed ``….rusak``, so it is reported once — when it
cannot be read or checked (truncated, empty, garbage, deep JSON, NaN, a FIFO, a missing
spec), or when it names a session or attempts the results store does not have.

Hall attempts (teams, phones) still in progress that no usable resume file refers to are
then *finished* from the answers the store holds (unplayed questions count as not
answered) and their session closed: they show up in the results window and in exports
like any other result.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import StoreError
from ..quiz import score_attempt
from ..results import DB_FILENAME, AttemptRecord, AttemptStatus, ResultsStore
from .session import SavedHall, hall_dir

log = logging.getLogger(__name__)

__all__ = ["SET_ASIDE_SUFFIX", "HallCheck", "SetAside", "check_hall_files", "find_resumable",
           "is_hall_attempt"]

SET_ASIDE_SUFFIX = ".rusak"
HALL_MODES = frozenset({"tim-aula", "hp-aula"})  # Participant.extra ("mode", …) of hall seats


def is_hall_attempt(rec: AttemptRecord) -> bool:
    """A team's or a phone's attempt of a presentation (not a self-paced test)."""
    return any(k == "mode" and v in HALL_MODES for k, v in rec.participant.extra)


@dataclass(frozen=True)
class SetAside:
    path: Path
    moved_to: Path | None  # None: it could not even be renamed (read-only folder)
    reason: str


@dataclass(frozen=True)
class HallCheck:
    resumable: tuple[SavedHall, ...] = ()  # running presentations, newest first
    set_aside: tuple[SetAside, ...] = ()
    closed: int = 0  # stranded hall attempts finished from their stored answers

    def report(self) -> list[str]:
        """What was done, in Indonesian, one line per file (empty when nothing was)."""
        lines = [f"{s.path.name}: {s.reason} Disisihkan sebagai "
                 f"{s.moved_to.name if s.moved_to else '(tidak dapat diganti nama)'}."
                 for s in self.set_aside]
        if self.closed:
            lines.append(f"{self.closed} hasil tim/HP dari presentasi itu ditutup dengan "
                         "jawaban yang sudah tersimpan; hasilnya dapat dilihat dan diekspor "
                         "di Hasil Tes.")
        return lines


def _state_files(folder: Path) -> list[Path]:
    """``<id>.json``, not the companions ``<id>.spec.json`` / ``<id>.phones.json``."""
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    return [folder / n for n in names if n.endswith(".json") and "." not in n[:-5]]


def _companions(path: Path) -> list[Path]:
    stem = path.name[:-5]
    return [p for p in path.parent.iterdir() if p.name.startswith(f"{stem}.")
            and p.name.endswith(".json") and p != path]


def _set_aside(path: Path, reason: str) -> SetAside:
    moved: Path | None = None
    for p in [path, *_companions(path)]:
        target = p.with_name(p.name + SET_ASIDE_SUFFIX)
        n = 2
        while target.exists() or target.is_symlink():
            target = p.with_name(f"{p.name}{SET_ASIDE_SUFFIX}-{n}")
            n += 1
        try:
            os.replace(p, target)
        except OSError as exc:
            log.warning("berkas lanjutan presentasi %s tidak dapat disisihkan: %s", p, exc)
            continue
        if p == path:
            moved = target
    log.warning("berkas lanjutan presentasi disisihkan: %s (%s)", path, reason)
    return SetAside(path, moved, reason)


def _store_problem(store: ResultsStore | None, saved: SavedHall) -> str | None:
    """Why a running presentation cannot continue against this store, or None."""
    if saved.session_id is None:
        return None if not saved.attempts else "daftar pengerjaan tanpa nomor sesi."
    if store is None:
        return "basis data hasil tidak ada."
    try:
        have = {a.id for a in store.attempts(saved.session_id)}
    except StoreError:
        return f"sesi {saved.session_id} tidak ada di basis data hasil."
    missing = [pid for pid, aid in saved.attempts.items() if aid not in have]
    if missing:
        return f"pengerjaan {len(missing)} peserta tidak ada di basis data hasil."
    return None


def _close_stranded(store: ResultsStore, referenced: Iterable[str]) -> int:
    keep = set(referenced)
    sessions: set[int] = set()
    closed = 0
    for rec in store.unfinished_attempts():
        if not is_hall_attempt(rec) or rec.id in keep:
            continue
        store.finish_attempt(rec.id, score_attempt(rec.spec, rec.answers, rec.elapsed),
                             rec.elapsed)
        sessions.add(rec.session_id)
        closed += 1
    for sid in sessions:
        if not any(a.status is AttemptStatus.IN_PROGRESS for a in store.attempts(sid)):
            store.close_session(sid)
    return closed


def check_hall_files(data_dir: Path) -> HallCheck:
    """Read every resume file once: set aside those that cannot be used, close the hall
    attempts nothing refers to any more, and return the presentations that can resume."""
    data_dir = Path(data_dir)
    folder = hall_dir(data_dir)
    states = _state_files(folder) if folder.is_dir() else []
    store = ResultsStore.open_in(data_dir) if (data_dir / DB_FILENAME).exists() else None
    usable: list[SavedHall] = []
    set_aside: list[SetAside] = []
    try:
        for path in states:
            try:
                saved = SavedHall.read(path)
                problem = _store_problem(store, saved) if saved.status == "running" else None
            except StoreError as exc:
                set_aside.append(_set_aside(path, exc.message))
                continue
            if problem is not None:
                set_aside.append(_set_aside(path, f"Berkas lanjutan presentasi: {problem}"))
                continue
            usable.append(saved)
        running = [s for s in usable if s.status == "running"]
        closed = 0
        if store is not None:
            closed = _close_stranded(store, (a for s in running for a in s.attempts.values()))
    finally:
        if store is not None:
            store.close()
    running.sort(key=lambda s: s.updated_at, reverse=True)
    return HallCheck(tuple(running), tuple(set_aside), closed)


def find_resumable(data_dir: Path, source: Path | None = None) -> list[SavedHall]:
    """Presentations that did not finish (newest first), optionally only of ``source``.
    Damaged resume files are set aside (see :func:`check_hall_files`)."""
    found = check_hall_files(data_dir).resumable
    if source is None:
        return list(found)
    wanted = Path(source).resolve()
    return [s for s in found if Path(s.source) == wanted]
