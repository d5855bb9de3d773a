"""One session's results read from the store: finished attempts, categories, the linked
pre-test, N-Gain and score summaries."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any

from ..errors import ExportError, QuizError, StoreError
from ..model import Category
from ..quiz import round_half_up
from .records import AttemptRecord, AttemptStatus, SessionRecord
from .store import ResultsStore

__all__ = [
    "PrePost",
    "SessionResults",
    "attempt_to_void",
    "gain_summary",
    "load_results",
    "normalised_gain",
    "pre_post",
    "resolve_categories",
    "resolve_session",
    "score_summary",
]



# --------------------------------------------------------------------------- loading

_CODE_RE = re.compile(r"^[0-9A-Za-z]{4}-?[0-9A-Za-z]{4}$")


MAX_SESSION_NUMBER = (1 << 63) - 1


def resolve_session(store: ResultsStore, ref: str | int) -> SessionRecord:
    """A session by id (``12``), ``latest``, or its code (``ABCD-EFGH``)."""
    text = str(ref).strip()
    if text.lower() in ("latest", "terakhir"):
        latest = store.latest_session()
        if latest is None:
            raise ExportError("Belum ada sesi di basis data hasil ini.")
        return latest
    if text.isascii() and text.isdigit():
        number = int(text)
        if number > MAX_SESSION_NUMBER:  # SQLite integers stop at 2**63 - 1
            raise ExportError(f"Sesi {text[:24]}{'…' if len(text) > 24 else ''} tidak "
                              "ditemukan; lihat nomor sesi dengan 'quiz-app sessions'.")
        return store.session(number)
    if _CODE_RE.match(text):
        code = text.upper().replace("-", "")
        code = f"{code[:4]}-{code[4:]}"
        for s in store.sessions(code):
            if s.code == code:
                return s
        raise ExportError(f"Sesi dengan kode {code} tidak ditemukan.")
    raise ExportError(
        f"Sesi '{text}' tidak dikenal: tulis nomor sesi (lihat 'quiz-app sessions'), "
        "'latest', atau kode sesi seperti ABCD-EFGH."
    )



@dataclass(frozen=True)
class SessionResults:
    """One session, ready to export or show."""

    session: SessionRecord
    attempts: tuple[AttemptRecord, ...]  # finished and valid, in the order they started
    unfinished: tuple[AttemptRecord, ...]  # in progress or abandoned: not exported
    categories: tuple[Category, ...]  # bank order; only categories the attempts used
    pretest: SessionRecord | None = None
    pretest_nilai: dict[str, float] = field(default_factory=dict)  # NIP -> latest nilai
    # finished, but declared invalid by HR: shown with the reason, never scored or compared
    voided: tuple[AttemptRecord, ...] = ()
    # attendance and pledge rows of this session and of its pre-test (PresenceRecord)
    presence: tuple[Any, ...] = ()
    away: dict[str, int] = field(default_factory=dict)  # attempt id -> times page left

    @property
    def has_pretest(self) -> bool:
        return self.pretest is not None

    @property
    def listed(self) -> tuple[AttemptRecord, ...]:
        """Finished attempts, valid and voided, in the order they started (the summary)."""
        return tuple(sorted((*self.attempts, *self.voided), key=lambda r: (r.started_at, r.id)))


def _bank_dirs(session: SessionRecord, extra: Sequence[Path]) -> list[Path]:
    dirs = [Path(d) for d in extra]
    if session.plan.path is not None:
        plan_dir = Path(session.plan.path).parent
        dirs += [plan_dir, plan_dir.parent]
    return [d for d in dirs if d.is_dir()]


def resolve_categories(
    session: SessionRecord,
    attempts: Iterable[AttemptRecord],
    bank_dirs: Sequence[Path] = (),
) -> tuple[Category, ...]:
    """The categories the attempts used, in bank order, with their titles.

    Titles come from the plan's banks (found by id in ``bank_dirs``, next to the plan
    file, then among the bundled banks). A category no bank describes keeps its id as
    title and goes last, sorted by id; so the column order is stable either way.
    """
    # The decoder shares AttemptQuestion objects between attempts: look at each distinct
    # one once (by identity; hashing a frozen dataclass would rehash every field).
    distinct = {id(aq): aq for aq in chain.from_iterable(rec.spec.questions for rec in attempts)}
    used = {aq.question.category for aq in distinct.values()}
    return categories_titled(session, used, bank_dirs)


def categories_titled(session: SessionRecord, used: set[str],
                      bank_dirs: Sequence[Path] = ()) -> tuple[Category, ...]:
    """The categories ``used`` (ids), in bank order with their titles (see
    :func:`resolve_categories`)."""
    from ..banks import find_bank_by_id, load_bank

    known: list[Category] = []
    seen: set[str] = set()
    dirs = _bank_dirs(session, bank_dirs)
    for bank_id in session.plan.banks:
        path = find_bank_by_id(bank_id, dirs)
        if path is None:
            continue
        try:
            bank = load_bank(path)
        except QuizError:
            continue  # a bank that no longer validates: fall back to category ids
        for cat in bank.categories:
            if cat.id in used and cat.id not in seen:
                known.append(cat)
                seen.add(cat.id)
    rest = [Category(c, c) for c in sorted(used - seen)]
    return tuple(known + rest)


def _latest_by_nip(attempts: Iterable[AttemptRecord]) -> dict[str, AttemptRecord]:
    latest: dict[str, AttemptRecord] = {}
    for rec in attempts:
        nip = rec.participant.nip
        if not nip or rec.result is None or not rec.result.graded:
            continue
        old = latest.get(nip)
        if old is None or (rec.finished_at or "") >= (old.finished_at or ""):
            latest[nip] = rec
    return latest


def load_results(
    store: ResultsStore,
    session_id: int,
    *,
    pretest_session_id: int | None = None,
    bank_dirs: Sequence[Path] = (),
    categories: Sequence[Category] | None = None,
) -> SessionResults:
    """Read a session for export or display.

    ``pretest_session_id`` overrides the session's own link to its pre-test. The pre-test
    *nilai* of a NIP is that of its last finished attempt there that HR did not void;
    voided attempts of the session itself are in ``voided``, apart from ``attempts``.
    """
    session = store.session(session_id)
    finished_list: list[AttemptRecord] = []
    voided_list: list[AttemptRecord] = []
    unfinished_list: list[AttemptRecord] = []
    for r in store.attempts(session_id):  # one pass (was a pairwise dataclass compare)
        if r.status is AttemptStatus.FINISHED and r.result:
            (voided_list if r.voided else finished_list).append(r)
        else:
            unfinished_list.append(r)
    finished, voided = tuple(finished_list), tuple(voided_list)
    unfinished = tuple(unfinished_list)
    cats = (
        tuple(categories)
        if categories is not None
        else resolve_categories(session, finished, bank_dirs)
    )
    pre_id = pretest_session_id if pretest_session_id is not None else session.pretest_session_id
    pretest = None
    pre_nilai: dict[str, float] = {}
    if pre_id is not None:
        if pre_id == session_id:
            raise ExportError(
                f"Sesi {session_id} tidak dapat menjadi pre-test bagi dirinya sendiri."
            )
        pretest = store.session(pre_id)
        latest: dict[str, tuple[str, float]] = {}  # NIP -> (finished_at, nilai), the last
        for nip, finished_at, nilai in finished_scores(store, pre_id):
            old = latest.get(nip)
            if old is None or finished_at >= old[0]:
                latest[nip] = (finished_at, nilai)
        pre_nilai = {nip: nilai for nip, (_at, nilai) in latest.items()}
    from .presence import away_counts, presence_rows

    rows = presence_rows(store, session_id)
    if pretest is not None:
        rows = presence_rows(store, pretest.id) + rows
    return SessionResults(session, finished, unfinished, cats, pretest, pre_nilai, voided,
                          presence=tuple(rows), away=away_counts(store, session_id))


def finished_scores(store: ResultsStore, session_id: int) -> list[tuple[str, str, float]]:
    """``(nip, finished_at, nilai)`` of a session's finished, valid (not voided), graded
    attempts by people with a NIP, read without decoding their questions: the pre-test
    side of N-Gain needs only the *nilai* (decoding 500 attempts cost about a second)."""
    store.session(session_id)  # raises if missing
    with store._snapshot() as conn:
        rows = conn.execute(
            "SELECT p.nip, COALESCE(a.finished_at, ''), a.nilai FROM attempts a"
            " JOIN participants p ON p.id = a.participant_id"
            " WHERE a.session_id = ? AND a.status = 'finished' AND a.nilai IS NOT NULL"
            " AND a.voided_at IS NULL AND p.nip IS NOT NULL AND p.nip != ''"
            " AND json_extract(a.result_json, '$.max_points') > 0"
            " ORDER BY a.started_at, a.id",
            (session_id,),
        ).fetchall()
    return [(str(nip), str(fin), float(nilai)) for nip, fin, nilai in rows]


# --------------------------------------------------------------------------- voiding


def attempt_to_void(store: ResultsStore, session_id: int, nip: str,
                    attempt_id: str | None = None) -> AttemptRecord:
    """The finished valid attempt of ``nip`` in a session that HR means to void.

    With ``attempt_id``, that attempt (it must be this NIP's, in this session). Without
    it, the NIP's only valid finished attempt; several are refused with their ids listed,
    so the right one is chosen on purpose.
    """
    from ..people import format_nip, normalize_nip

    digits = normalize_nip(nip)
    valid = [r for r in store.attempts(session_id)
             if r.participant.nip == digits and r.status is AttemptStatus.FINISHED
             and r.result is not None and not r.voided]
    if attempt_id is not None:
        for rec in valid:
            if rec.id == attempt_id:
                return rec
        raise StoreError(f"Pengerjaan {attempt_id} bukan tes selesai yang sah milik NIP "
                         f"{format_nip(digits) if len(digits) == 18 else nip} di sesi "
                         f"{session_id}.")
    if not valid:
        raise StoreError(f"NIP {nip} tidak ada tes selesai yang sah di sesi {session_id}.")
    if len(valid) > 1:
        lines = "\n".join(
            f"  {r.id}  selesai {r.finished_at}  nilai {r.result.nilai if r.result else '-'}"
            for r in valid)
        raise StoreError(f"NIP {nip} punya {len(valid)} tes selesai di sesi {session_id}; "
                         f"pilih satu dengan --attempt:\n{lines}")
    return valid[0]


# --------------------------------------------------------------------------- pre/post


def normalised_gain(pre: float | None, post: float | None) -> float | None:
    """Hake's normalised gain ``(post - pre) / (100 - pre)``, 2 decimals (half-up).

    None when either score is missing or the pre-test was already 100.
    """
    if pre is None or post is None or pre >= 100:
        return None
    return round_half_up((post - pre) / (100 - pre), 2)


@dataclass(frozen=True)
class PrePost:
    nip: str
    name: str
    pre: float | None
    post: float
    gain: float | None


def pre_post(results: SessionResults) -> list[PrePost]:
    """One entry per NIP of the post-test (its last finished valid attempt), matched by
    NIP. A voided attempt is never used, on either side."""
    if not results.has_pretest:
        return []
    out = []
    for nip, rec in _latest_by_nip(results.attempts).items():
        assert rec.result is not None
        pre = results.pretest_nilai.get(nip)
        post = rec.result.nilai
        out.append(PrePost(nip, rec.participant.name, pre, post, normalised_gain(pre, post)))
    return sorted(out, key=lambda p: (p.name.casefold(), p.nip))


@dataclass(frozen=True)
class GainSummary:
    matched: int  # participants with both scores
    improved: int  # post > pre
    mean_gain: float | None  # mean N-gain of those where it is defined
    mean_pre: float | None
    mean_post: float | None


def gain_summary(pairs: Sequence[PrePost]) -> GainSummary:
    both = [p for p in pairs if p.pre is not None]
    gains = [p.gain for p in both if p.gain is not None]
    pres = [p.pre for p in both if p.pre is not None]

    def mean(values: Sequence[float]) -> float | None:
        return round_half_up(sum(values) / len(values), 2) if values else None

    return GainSummary(
        matched=len(both),
        improved=sum(1 for p in both if p.pre is not None and p.post > p.pre),
        mean_gain=mean(gains),
        mean_pre=mean(pres),
        mean_post=mean([p.post for p in both]),
    )


@dataclass(frozen=True)
class ScoreSummary:
    finished: int  # valid finished attempts
    unfinished: int
    graded: int  # finished attempts with something scored (not surveys)
    passed: int
    mean_nilai: float | None
    lowest: float | None
    highest: float | None
    voided: int = 0  # finished attempts HR declared invalid (not in the figures above)


def score_summary(results: SessionResults) -> ScoreSummary:
    """Counts and mean *nilai* of a session, for the results window."""
    graded = [r.result for r in results.attempts if r.result is not None and r.result.graded]
    values = [g.nilai for g in graded]
    return ScoreSummary(
        finished=len(results.attempts),
        unfinished=len(results.unfinished),
        graded=len(graded),
        passed=sum(1 for g in graded if g.passed),
        mean_nilai=round_half_up(sum(values) / len(values), 2) if values else None,
        lowest=min(values) if values else None,
        highest=max(values) if values else None,
        voided=len(results.voided),
    )
