"""Fill a real ResultsStore through the engine, the way the quiz UI does.

    store = ResultsStore.open_in(tmp_path)
    sid = store.create_session("Sosialisasi", plan, place="Aula").id
    take(store, sid, ANI, spec, {"q1": "A", "q2": "B"})   # finished attempt, 5 s a question

``answers`` maps question id → option key(s) ("AC" = keys A and C, "" / missing = skip).
Every answer goes through ``Attempt.answer`` and ``ResultsStore.record_answer``; the
attempt is finished with ``Attempt.finish`` and ``ResultsStore.finish_attempt``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from quiz_app.core.model import Bank, Category, Participant, Plan, Question
from quiz_app.core.quiz import Attempt, AttemptSpec, build_attempt
from quiz_app.core.results import ResultsStore
from tests.helpers.fakes import FakeClock, make_plan, make_question

ANI = Participant("Ani Lestari", "198503122010012002", "Analis SDM", "BKPSDM", "III/c")
BUDI = Participant("Budi Santoso", "199001012015031001", "Pranata Komputer", "Diskominfo",
                   "III/a")
CITRA = Participant("Citra Dewi", "200012312024211001", "Guru", "Dinas Pendidikan", "IX")
DEDI = Participant("Dedi Kurniawan", "198807072012121003", "Camat", "Kecamatan Kota", "IV/a")
EKA = Participant("Eka Putri", None, "Wartawan", "Media Lokal")  # guest, no NIP
EVIL = Participant("=cmd|' /C calc'!A0", "197912252005011001", "+Jabatan", "@Unit", "-1")
PEOPLE = (ANI, BUDI, CITRA, DEDI, EKA)


def keys_of(value: str | Sequence[str]) -> list[str]:
    return list(value) if isinstance(value, str) else list(value)


def take(
    store: ResultsStore,
    session_id: int,
    participant: Participant,
    spec: AttemptSpec,
    answers: Mapping[str, str | Sequence[str]],
    *,
    seconds: float = 5.0,
    finish: bool = True,
    clock: FakeClock | None = None,
) -> str:
    """Run one attempt through the engine and the store; return its id."""
    clock = clock or FakeClock()
    attempt_id = store.start_attempt(session_id, participant, spec)
    attempt = Attempt(spec, clock)
    attempt.start()
    for i, aq in enumerate(spec.questions):
        if attempt.current.id != aq.id:
            attempt.go_to(i)
        clock.advance(seconds)
        keys = keys_of(answers.get(aq.id, ""))
        if keys:
            rec = attempt.answer(keys if len(keys) > 1 else keys[0])
        else:
            rec = attempt.skip() if not attempt.is_last else None
            if rec is None:
                continue
        store.record_answer(attempt_id, rec, elapsed=attempt.elapsed,
                            current_index=attempt.current_index)
    if finish:
        attempt.finish()
        store.finish_attempt(attempt_id, attempt.result(), attempt.elapsed)
    return attempt_id


def bank_of(questions: Sequence[Question], categories: Sequence[tuple[str, str]],
            bank_id: str = "uji") -> Bank:
    return Bank(id=bank_id, title=f"Bank {bank_id}",
                categories=tuple(Category(c, t) for c, t in categories),
                questions=tuple(questions))


def fixed_spec(bank: Bank, plan: Plan | None = None, seed: str = "s") -> AttemptSpec:
    """Questions in bank order, options in bank order (easy to reason about)."""
    plan = plan or make_plan(order="bank", shuffle_options=False, banks=(bank.id,))
    return build_attempt(plan, [bank], seed)


def small_bank() -> Bank:
    """Three categories in a deliberate order (not alphabetical), mixed question types."""
    return bank_of(
        [
            make_question("k1", category="karier", answer="A"),
            make_question("k2", category="karier", answer="C"),
            make_question("p1", category="partai", type="multiple", answer="AC"),
            make_question("a1", category="akhlak", type="true_false", answer="S"),
        ],
        [("karier", "Manajemen Karier"), ("partai", "Partai Politik"),
         ("akhlak", "=Nilai BerAKHLAK")],
    )


# --------------------------------------------------------------------------- demo data

NAMES = (
    "Ani Lestari", "Budi Santoso", "Citra Dewi", "Dedi Kurniawan", "Endang Sulastri",
    "Fajar Nugroho", "Gita Permata", "Hendra Wijaya", "Indah Sari", "Joko Susilo",
    "Kartika Rahayu", "Lukman Hakim", "Maya Anggraini", "Nanda Pratama", "Oktavia Putri",
    "Purnomo Adi", "Qori Handayani", "Rudi Hartono", "Siti Aminah", "Teguh Prasetyo",
    "Umi Kalsum", "Vina Melati", "Wahyu Setiawan", "Yuliana Sari",
)
UNITS = ("BKPSDM", "Dinas Pendidikan", "Dinas Kesehatan", "Diskominfo", "Kecamatan Kota",
         "Bappeda", "Satpol PP", "RSUD")
POSITIONS = ("Analis SDM Aparatur", "Guru Ahli Pertama", "Perawat Terampil",
             "Pranata Komputer", "Camat", "Perencana Ahli Muda", "Polisi Pamong Praja",
             "Dokter Ahli Madya")


def demo_people(n: int = 24) -> list[Participant]:
    """Realistic participants: PNS and PPPK NIPs (valid layouts), one guest."""
    people = []
    for i in range(n):
        name = NAMES[i % len(NAMES)]
        birth = f"{1970 + i % 28:04d}{1 + i % 12:02d}{1 + i % 27:02d}"
        if i % 5 == 3:  # PPPK: year appointed, 2, contract digit, sex, serial
            nip = f"{birth}{2022 + i % 3}2{1 + i % 9}{1 + i % 2}{i + 1:03d}"
            rank = ("IX", "X", "VII")[i % 3]
        else:  # PNS: TMT year and month, sex, serial
            nip = f"{birth}{1995 + i % 25:04d}{1 + i % 12:02d}{1 + i % 2}{i + 1:03d}"
            rank = ("III/a", "III/b", "III/c", "III/d", "IV/a")[i % 5]
        if i == n - 1:
            people.append(Participant(name, None, "Wartawan", "Media Lokal"))
            continue
        people.append(Participant(name, nip, POSITIONS[i % len(POSITIONS)],
                                  UNITS[i % len(UNITS)], rank))
    return people


def demo_answers(spec: AttemptSpec, skill: float, seed: str) -> dict[str, str]:
    """Answers of somebody who knows a share ``skill`` of the material."""
    import random

    from quiz_app.core.model import QuestionType

    rng = random.Random(seed)
    out: dict[str, str] = {}
    for aq in spec.questions:
        q = aq.question
        if rng.random() < 0.04:
            continue  # left blank
        if q.type is QuestionType.POLL:
            out[q.id] = rng.choice(q.option_keys)
        elif rng.random() < skill:
            out[q.id] = "".join(sorted(q.answer))
        else:
            wrong = [k for k in q.option_keys if k not in q.answer] or list(q.option_keys)
            out[q.id] = rng.choice(wrong)
    return out
