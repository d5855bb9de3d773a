"""A session's participant list straight from the store's columns: no spec, no answers,
no JSON beyond one small field per attempt. What the results window shows first."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..errors import ExportError, StoreError
from ..model import Participant
from ..quiz import round_half_up
from .compact import legacy_partial
from .records import AttemptStatus, SessionRecord
from .session_results import GainSummary, ScoreSummary, normalised_gain
from .store import ResultsStore

__all__ = ["AttemptSummary", "SessionOverview", "load_overview", "overview_gains",
           "overview_scores"]


@dataclass(frozen=True, slots=True)
class AttemptSummary:
    """One attempt as a list shows it (unfinished ones have no score: ``nilai`` None)."""

    id: str
    participant: Participant
    status: AttemptStatus
    started_at: str
    finished_at: str | None
    elapsed: float
    device: str
    nilai: float | None = None
    passed: bool | None = None
    graded: bool = False  # something was scored (not a survey)
    correct: int = 0
    wrong: int = 0
    unanswered: int = 0
    duration: float | None = None
    partial: int = 0  # "sebagian benar"
    void_reason: str = ""  # why HR declared it invalid ("tidak sah"); "" when valid
    voided_at: str | None = None

    @property
    def done(self) -> bool:
        """Finished with a result (valid or voided)."""
        return self.status is AttemptStatus.FINISHED and self.nilai is not None

    @property
    def voided(self) -> bool:
        return self.voided_at is not None

    @property
    def finished(self) -> bool:
        """Finished, with a result, and not declared invalid: the ones scores count."""
        return self.done and not self.voided


@dataclass(frozen=True)
class SessionOverview:
    session: SessionRecord
    attempts: tuple[AttemptSummary, ...]  # valid, voided, then unfinished; start order
    pretest: SessionRecord | None = None
    pretest_nilai: dict[str, float] = field(default_factory=dict)  # NIP -> latest nilai

    @property
    def has_pretest(self) -> bool:
        return self.pretest is not None


_SUMMARY_QUERY = """
    SELECT a.id, a.status, a.started_at, a.finished_at, a.elapsed, a.device, a.nilai,
           a.passed, json_extract(a.result_json, '$.max_points'), a.correct, a.wrong,
           a.unanswered, a.duration, p.nip, p.name, p.position, p.unit, p.rank, p.extra_json,
           json_extract(a.result_json, '$.partial'), a.void_reason, a.voided_at,
           CASE WHEN a.result_json IS NOT NULL
                AND json_extract(a.result_json, '$.partial') IS NULL THEN a.result_json END
    FROM attempts a JOIN participants p ON p.id = a.participant_id
    WHERE a.session_id = ? ORDER BY a.started_at, a.id
"""


def _summaries(store: ResultsStore, session_id: int) -> list[AttemptSummary]:
    try:
        rows = store._connection().execute(_SUMMARY_QUERY, (session_id,)).fetchall()
    except sqlite3.Error as exc:
        raise StoreError(f"Gagal membaca basis data hasil: {exc}.", store.path) from exc
    out = []
    try:
        for (aid, status, started, finished, elapsed, device, nilai, passed, max_points,
             correct, wrong, unanswered, duration, nip, name, position, unit, rank,
             extra, partial, void_reason, voided_at, legacy) in rows:
            person = Participant(name=name, nip=nip, position=position, unit=unit, rank=rank,
                                 extra=tuple((k, v) for k, v in json.loads(extra)))
            state = AttemptStatus(status)
            if state is AttemptStatus.FINISHED and nilai is not None:
                wrong = int(wrong or 0)
                if legacy is not None:  # stored before "sebagian benar" was counted
                    partial = legacy_partial(json.loads(legacy))
                    wrong -= partial
                out.append(AttemptSummary(
                    aid, person, state, started, finished, float(elapsed), device,
                    float(nilai), bool(passed), bool(max_points and max_points > 0),
                    int(correct or 0), wrong, int(unanswered or 0),
                    None if duration is None else float(duration), int(partial or 0),
                    void_reason or "", voided_at))
            else:
                out.append(AttemptSummary(aid, person, state, started, finished,
                                          float(elapsed), device))
    except (ValueError, TypeError) as exc:
        raise StoreError(f"Data pengerjaan rusak: {exc}.", store.path) from exc
    return out


def _latest_nilai(attempts: Sequence[AttemptSummary]) -> dict[str, float]:
    """NIP -> nilai of its last finished, graded attempt (as ``load_results`` does)."""
    latest: dict[str, AttemptSummary] = {}
    for a in attempts:
        nip = a.participant.nip
        if not nip or not a.finished or not a.graded:
            continue
        old = latest.get(nip)
        if old is None or (a.finished_at or "") >= (old.finished_at or ""):
            latest[nip] = a
    return {nip: a.nilai for nip, a in latest.items() if a.nilai is not None}


def load_overview(store: ResultsStore, session_id: int) -> SessionOverview:
    """The session, its attempts as summaries, and its linked pre-test's nilai by NIP."""
    session = store.session(session_id)
    found = _summaries(store, session_id)
    attempts = tuple([a for a in found if a.finished] + [a for a in found if a.voided]
                     + [a for a in found if not a.done])
    pretest = None
    pre_nilai: dict[str, float] = {}
    pre_id = session.pretest_session_id
    if pre_id is not None:
        if pre_id == session_id:
            raise ExportError(
                f"Sesi {session_id} tidak dapat menjadi pre-test bagi dirinya sendiri.")
        pretest = store.session(pre_id)
        pre_nilai = _latest_nilai(_summaries(store, pre_id))
    return SessionOverview(session, attempts, pretest, pre_nilai)


def overview_scores(ov: SessionOverview) -> ScoreSummary:
    """The same counts as ``score_summary`` of the full results."""
    finished = [a for a in ov.attempts if a.finished]
    values = [a.nilai for a in finished if a.graded and a.nilai is not None]
    return ScoreSummary(
        finished=len(finished),
        unfinished=sum(1 for a in ov.attempts if not a.done),
        graded=len(values),
        passed=sum(1 for a in finished if a.graded and a.passed),
        mean_nilai=round_half_up(sum(values) / len(values), 2) if values else None,
        lowest=min(values) if values else None,
        highest=max(values) if values else None,
        voided=sum(1 for a in ov.attempts if a.voided),
    )


def overview_gains(ov: SessionOverview) -> GainSummary | None:
    """The same as ``gain_summary(pre_post(results))``; None without a pre-test."""
    if not ov.has_pretest:
        return None
    post = _latest_nilai(ov.attempts)
    both = [(ov.pretest_nilai[nip], v) for nip, v in post.items() if nip in ov.pretest_nilai]
    gains = [g for g in (normalised_gain(pre, v) for pre, v in both) if g is not None]

    def mean(values: Sequence[float]) -> float | None:
        return round_half_up(sum(values) / len(values), 2) if values else None

    return GainSummary(
        matched=len(both),
        improved=sum(1 for pre, v in both if v > pre),
        mean_gain=mean(gains),
        mean_pre=mean([pre for pre, _ in both]),
        mean_post=mean([v for _, v in both]),
    )
