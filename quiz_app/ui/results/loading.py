"""Worker side of the results window: what it reads from the store, each in a worker
with its own short-lived connection. Nothing here touches a widget."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ...core.gcpause import drop_gradually, paused_gc
from ...core.model import Category
from ...core.results import (
    AttemptCounts,
    AttemptRecord,
    ItemAnalysis,
    ResultsStore,
    SessionOverview,
    SessionRecord,
    analyse,
    attempt_counts,
    load_overview,
    overview_gains,
    overview_scores,
)
from ...core.results.session_results import GainSummary, ScoreSummary, load_results
from .models import ParticipantRow, ParticipantsModel, RowLabels, SessionRow, participant_rows


@dataclass(frozen=True)
class LoadedSession:
    """What the window holds of a session: light rows and summaries (never the attempts'
    specs and answers; those stay in the worker that needed them)."""

    overview: SessionOverview
    rows: list[ParticipantRow]
    scores: ScoreSummary
    gains: GainSummary | None

    @property
    def session(self) -> SessionRecord:
        return self.overview.session


@dataclass(frozen=True)
class LoadedAnalysis:
    analysis: ItemAnalysis
    categories: tuple[Category, ...]


def load_session_list(data_dir: Path) -> list[SessionRow]:
    with ResultsStore.open_in(data_dir, check=False) as store:
        counts = attempt_counts(store)
        return [SessionRow(s, counts.get(s.id, AttemptCounts())) for s in store.sessions()]


def load_session(data_dir: Path, session_id: int,
                 labels: RowLabels | None = None) -> LoadedSession:
    """The participant list (store columns only: no spec, no answers), table-ready."""
    # The rows live as long as the session is shown: no collector pass walks them
    # (a full pass over 10,000 rows would hold the GIL while the UI waits for it).
    with paused_gc(freeze=True):
        with ResultsStore.open_in(data_dir, check=False) as store:
            ov = load_overview(store, session_id)
        rows = participant_rows(ov, labels or RowLabels())
        rows.sort(key=lambda r: r.keys[ParticipantsModel.NAME])  # the order first shown
    return LoadedSession(ov, rows, overview_scores(ov), overview_gains(ov))


def load_analysis(data_dir: Path, session_id: int,
                  bank_dirs: Sequence[Path] = ()) -> LoadedAnalysis:
    """Item analysis of a session: the full load happens here and is dropped here."""
    with paused_gc():  # re-enabled only once the attempts are gone again
        with ResultsStore.open_in(data_dir, check=False) as store:
            results = load_results(store, session_id, bank_dirs=bank_dirs)
        out = LoadedAnalysis(analyse(results.attempts, [c.id for c in results.categories]),
                             results.categories)
        doomed: list[object] = [*results.attempts, *results.voided, *results.unfinished]
        del results
        drop_gradually(doomed)
    return out


def load_attempt(data_dir: Path, attempt_id: str) -> AttemptRecord:
    with ResultsStore.open_in(data_dir, check=False) as store:
        return store.attempt(attempt_id)
