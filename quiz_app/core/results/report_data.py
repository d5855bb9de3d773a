"""What goes on the printed session report (*laporan kegiatan*): numbers, charts' data,
the questions to re-teach, the participants table and the hall ranking. Qt-free; the PDF
renderer in ``quiz_app.report`` only lays these values out.

Numbers and dates are also formatted here, the Indonesian way (``76,82``, ``1.250``,
``Selasa, 4 Maret 2025``), so the CLI, the PDF and the tests agree on one spelling.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date as Date

from ..model import Question, QuestionType
from ..people import format_nip
from ..quiz import round_half_up
from .analysis import ItemAnalysis, ItemStats, Kr20Note, analyse
from .records import AttemptRecord
from .session_results import (
    GainSummary,
    PrePost,
    SessionResults,
    gain_summary,
    pre_post,
)

__all__ = [
    "Attendee",
    "CategoryResult",
    "GAIN_HIGH",
    "GAIN_MEDIUM",
    "HISTOGRAM_BINS",
    "MissedQuestion",
    "ParticipantRow",
    "RankRow",
    "ReportData",
    "ScoreStats",
    "attendees",
    "build_report",
    "format_date_id",
    "format_decimal",
    "format_int",
    "format_percent",
    "gain_category",
    "kr20_reading",
]

GAIN_MEDIUM = 0.3  # Hake (1998): g < 0.3 low, 0.3 <= g < 0.7 medium, g >= 0.7 high
GAIN_HIGH = 0.7
HISTOGRAM_BINS = 10  # 0-10, 10-20, ..., 90-100 (the last bin includes 100)
MISSED_MAX = 5  # questions listed under "what to re-teach"
MISSED_MIN_N = 5  # ... among those at least this many (or half the best-attested) had
TEAM_MARK = ("mode", "tim-aula")  # hall team participants (quiz_app.core.hall.game)

_DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
_MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
    "September", "Oktober", "November", "Desember",
)


# --------------------------------------------------------------------------- formats


def format_int(value: int) -> str:
    """``1250`` -> ``1.250`` (Indonesian thousands separator)."""
    return f"{value:,}".replace(",", ".")


def format_decimal(value: float | None, places: int = 2, *, dash: str = "-") -> str:
    """``76.815`` -> ``76,82``; whole numbers keep no decimals (``80``); None -> ``-``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return dash
    rounded = round_half_up(value, places)
    if rounded == int(rounded):
        return format_int(int(rounded))
    whole, _, frac = f"{abs(rounded):.{places}f}".partition(".")
    sign = "-" if rounded < 0 else ""
    return f"{sign}{format_int(int(whole))},{frac}"


def format_percent(part: int, whole: int) -> str:
    """``17`` of ``20`` -> ``85%``; ``2`` of ``3`` -> ``66,67%``."""
    if whole <= 0:
        return "-"
    return f"{format_decimal(100 * part / whole)}%"


def format_date_id(value: str | Date) -> str:
    """``2025-03-04`` -> ``Selasa, 4 Maret 2025``; an unreadable date is returned as is."""
    try:
        day = value if isinstance(value, Date) else Date.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return f"{_DAYS[day.weekday()]}, {day.day} {_MONTHS[day.month - 1]} {day.year}"


def gain_category(gain: float | None) -> str:
    """Hake's category of a normalised gain: ``rendah``, ``sedang`` or ``tinggi``."""
    if gain is None:
        return "-"
    if gain >= GAIN_HIGH:
        return "tinggi"
    if gain >= GAIN_MEDIUM:
        return "sedang"
    return "rendah"


_KR20_WHY = {
    Kr20Note.TOO_FEW_ATTEMPTS: "kurang dari 2 peserta menyelesaikan tes",
    Kr20Note.TOO_FEW_QUESTIONS: "tes berisi kurang dari 2 soal yang dinilai",
    Kr20Note.DIFFERENT_QUESTIONS: "soal diundi sehingga peserta mendapat soal yang berbeda",
    Kr20Note.NO_VARIANCE: "semua peserta mendapat skor yang sama",
}


def kr20_reading(value: float | None, note: Kr20Note | None = None) -> str:
    """One line a trainer can read out about the test's reliability."""
    if value is None:
        why = _KR20_WHY.get(note) if note is not None else None
        return f"KR-20 tidak dapat dihitung: {why}." if why else "KR-20 tidak dapat dihitung."
    if value >= 0.9:
        return "Reliabilitas sangat tinggi: soal-soal mengukur hal yang sama dengan konsisten."
    if value >= 0.7:
        return "Reliabilitas baik: hasil tes cukup dapat dipercaya untuk menilai kelompok."
    if value >= 0.5:
        return "Reliabilitas sedang: hasil perorangan perlu dibaca dengan hati-hati."
    return ("Reliabilitas rendah: nilai perorangan belum dapat diandalkan; "
            "tinjau soal yang ditandai.")


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class ScoreStats:
    participants: int  # distinct people with a finished attempt
    finished: int  # finished attempts
    unfinished: int
    voided: int  # finished attempts HR declared invalid: not in any figure
    graded: int
    passed: int
    pass_mark: float
    mean: float | None
    median: float | None
    lowest: float | None
    highest: float | None

    @property
    def pass_rate(self) -> float | None:
        return round_half_up(100 * self.passed / self.graded, 2) if self.graded else None


@dataclass(frozen=True)
class CategoryResult:
    id: str
    title: str
    mean: float | None  # mean category nilai over the attempts that had the category
    n: int


@dataclass(frozen=True)
class MissedQuestion:
    """A question many got wrong: what to re-teach."""

    question_id: str
    category: str
    text: str
    answer_text: str  # the correct option(s), as printed
    common_wrong: str  # the most chosen wrong option, "" if none
    facility: float
    n: int
    explanation: str
    reference: str


@dataclass(frozen=True)
class ParticipantRow:
    number: int
    nip: str  # spaced, "" for guests
    name: str
    unit: str
    nilai: float | None  # None when not graded
    passed: bool | None
    pre: float | None = None


@dataclass(frozen=True)
class RankRow:
    rank: int  # equal points share a rank (1, 2, 2, 4)
    name: str
    points: float
    correct: int
    nilai: float | None


@dataclass(frozen=True)
class ReportData:
    title: str
    place: str
    trainer: str
    date: str  # ISO
    code: str
    kind: str
    plan_title: str
    stats: ScoreStats
    histogram: tuple[int, ...]  # HISTOGRAM_BINS counts of nilai
    categories: tuple[CategoryResult, ...]
    pairs: tuple[PrePost, ...]  # empty without a linked pre-test
    gain: GainSummary | None
    pretest_title: str
    analysis: ItemAnalysis
    missed: tuple[MissedQuestion, ...]
    participants: tuple[ParticipantRow, ...]
    ranking: tuple[RankRow, ...]  # hall sessions only

    @property
    def has_pretest(self) -> bool:
        return self.gain is not None

    @property
    def date_text(self) -> str:
        return format_date_id(self.date)


def histogram(values: Sequence[float], bins: int = HISTOGRAM_BINS) -> tuple[int, ...]:
    """Counts of *nilai* (0..100) in ``bins`` equal bins; 100 falls in the last bin."""
    counts = [0] * bins
    width = 100 / bins
    for v in values:
        i = min(bins - 1, max(0, int(v // width)))
        counts[i] += 1
    return tuple(counts)


def _stats(results: SessionResults) -> ScoreStats:
    graded = [r.result for r in results.attempts if r.result is not None and r.result.graded]
    values = [g.nilai for g in graded]
    people = {r.participant.nip or f"tamu:{r.participant.name}" for r in results.attempts}

    def rounded(v: float | None) -> float | None:
        return None if v is None else round_half_up(v, 2)

    return ScoreStats(
        participants=len(people),
        finished=len(results.attempts),
        unfinished=len(results.unfinished),
        voided=len(results.voided),
        graded=len(graded),
        passed=sum(1 for g in graded if g.passed),
        pass_mark=results.session.plan.pass_mark,
        mean=rounded(math.fsum(values) / len(values)) if values else None,
        median=rounded(statistics.median(values)) if values else None,
        lowest=min(values) if values else None,
        highest=max(values) if values else None,
    )


def _categories(results: SessionResults) -> tuple[CategoryResult, ...]:
    out = []
    for cat in results.categories:
        vals = [
            r.result.nilai_per_category[cat.id]
            for r in results.attempts
            if r.result is not None and r.result.graded and cat.id in r.result.nilai_per_category
        ]
        mean = round_half_up(math.fsum(vals) / len(vals), 2) if vals else None
        out.append(CategoryResult(cat.id, cat.title, mean, len(vals)))
    return tuple(out)


def _option_text(q: Question, key: str) -> str:
    if q.type is QuestionType.TRUE_FALSE:
        return {"B": "Benar", "S": "Salah"}.get(key, key)
    for o in q.options:
        if o.key == key:
            return f"{key}. {o.text}"
    return key


def _missed(analysis: ItemAnalysis, questions: dict[str, Question],
            titles: dict[str, str]) -> tuple[MissedQuestion, ...]:
    scored = [i for i in analysis.items if i.facility is not None and i.facility < 1.0]
    # with draws some questions reach only one or two people: prefer the well-attested ones
    most = max((i.n for i in scored), default=0)
    scored = [i for i in scored if i.n >= min(MISSED_MIN_N, (most + 1) // 2)]
    scored.sort(key=lambda i: (i.facility, -i.n, i.question_id))
    out = []
    for item in scored[:MISSED_MAX]:
        q = questions[item.question_id]
        wrong = [o for o in item.options if not o.correct and o.count > 0]
        wrong.sort(key=lambda o: -o.count)
        common = f"{_option_text(q, wrong[0].key)} ({wrong[0].count}×)" if wrong else ""
        out.append(MissedQuestion(
            question_id=item.question_id,
            category=titles.get(item.category, item.category),
            text=q.text,
            answer_text="; ".join(_option_text(q, k) for k in sorted(q.answer)),
            common_wrong=common,
            facility=item.facility if item.facility is not None else 0.0,
            n=item.n,
            explanation=q.explanation,
            reference=q.reference,
        ))
    return tuple(out)


def is_hall_session(results: SessionResults) -> bool:
    return any(TEAM_MARK in r.participant.extra for r in results.attempts)


def _ranking(attempts: Sequence[AttemptRecord]) -> tuple[RankRow, ...]:
    scored = [r for r in attempts if r.result is not None]
    scored.sort(key=lambda r: (-(r.result.raw_points if r.result else 0.0),
                               r.participant.name.casefold()))
    out: list[RankRow] = []
    for i, rec in enumerate(scored):
        assert rec.result is not None
        points = rec.result.raw_points
        rank = out[-1].rank if out and out[-1].points == points else i + 1
        out.append(RankRow(rank, rec.participant.name, points, rec.result.correct,
                           rec.result.nilai if rec.result.graded else None))
    return tuple(out)


def _participants(results: SessionResults, pairs: Sequence[PrePost]) -> tuple[ParticipantRow, ...]:
    pre_of = {p.nip: p.pre for p in pairs}
    rows = []
    recs = sorted(results.attempts, key=lambda r: (r.participant.name.casefold(),
                                                   r.participant.nip or "", r.started_at))
    for i, rec in enumerate(recs, 1):
        res = rec.result
        graded = res is not None and res.graded
        nip = rec.participant.nip or ""
        rows.append(ParticipantRow(
            number=i,
            nip=format_nip(nip) if nip else "",
            name=rec.participant.name,
            unit=rec.participant.unit,
            nilai=res.nilai if res is not None and graded else None,
            passed=res.passed if res is not None and graded else None,
            pre=pre_of.get(nip) if nip else None,
        ))
    return tuple(rows)


Progress = Callable[[int, int], None]


def build_report(results: SessionResults, *, pretest_title: str = "",
                 progress: Progress | None = None) -> ReportData:
    """Everything the session report shows, from one session's results."""
    session = results.session
    order = [c.id for c in results.categories]
    titles = {c.id: c.title for c in results.categories}
    if progress:
        progress(0, 3)
    analysis = analyse(results.attempts, order)
    if progress:
        progress(1, 3)
    questions: dict[str, Question] = {}
    for rec in results.attempts:
        for aq in rec.spec.questions:
            questions.setdefault(aq.question.id, aq.question)
    pairs = tuple(pre_post(results))
    gain = gain_summary(pairs) if results.has_pretest else None
    graded = [r.result.nilai for r in results.attempts if r.result is not None
              and r.result.graded]
    hall = is_hall_session(results)
    data = ReportData(
        title=session.title,
        place=session.place,
        trainer=session.trainer,
        date=session.date,
        code=session.code,
        kind=str(session.kind),
        plan_title=session.plan.title,
        stats=_stats(results),
        histogram=histogram(graded),
        categories=_categories(results),
        pairs=pairs,
        gain=gain,
        pretest_title=pretest_title or (results.pretest.title if results.pretest else ""),
        analysis=analysis,
        missed=_missed(analysis, questions, titles),
        participants=_participants(results, pairs),
        ranking=_ranking(results.attempts) if hall else (),
    )
    if progress:
        progress(2, 3)
    return data


def item_category_title(item: ItemStats, data: ReportData) -> str:
    for c in data.categories:
        if c.id == item.category:
            return c.title
    return item.category


@dataclass(frozen=True)
class Attendee:
    number: int
    name: str
    nip: str  # spaced, "" for guests
    position: str
    unit: str
    finished: bool
    at: str = ""  # printed lists: local check-in / pledge time ("08.15"), if known


def attendees(results: SessionResults) -> tuple[Attendee, ...]:
    """Everybody who started an attempt in the session (finished, voided by HR, or not
    finished), once, by name.

    Hall teams are not people and are left out."""
    seen: dict[str, tuple[AttemptRecord, bool]] = {}
    for rec in (*results.attempts, *results.voided, *results.unfinished):
        if TEAM_MARK in rec.participant.extra:
            continue
        key = rec.participant.nip or f"tamu:{rec.participant.name.casefold()}"
        done = rec in results.attempts
        old = seen.get(key)
        seen[key] = (rec, done or (old is not None and old[1]))
    ordered = sorted(seen.values(), key=lambda v: (v[0].participant.name.casefold(),
                                                   v[0].participant.nip or ""))
    return tuple(
        Attendee(i, rec.participant.name,
                 format_nip(rec.participant.nip) if rec.participant.nip else "",
                 rec.participant.position, rec.participant.unit, done)
        for i, (rec, done) in enumerate(ordered, 1)
    )
