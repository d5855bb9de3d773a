"""A results database the way real sessions make one, for the results benches.

``build_store(folder, n)``: one session of a 50-question draw from a 200-question bank
(the ``gen_bank`` questions, long realistic texts), ``n`` finished attempts, each with its
own seed (its own draw, question order and option order), its own participant, answers
and raw clock times, scored by the engine's scoring and written through the store
(``import_attempts``, one transaction per 1,000 attempts, as a merge does).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

QUESTIONS = 50


def build_store(folder: Path, n: int, *, seed: int = 7) -> int:
    """Fill ``folder/results.sqlite3`` with one session of ``n`` attempts; its id."""
    from gen_bank import write_bank

    from quiz_app.core.banks import load_bank
    from quiz_app.core.model import DrawRule, Participant, Plan
    from quiz_app.core.quiz import AnswerRecord, build_attempt, score_attempt
    from quiz_app.core.results import (
        AttemptRecord,
        AttemptStatus,
        ResultsStore,
        import_attempts,
    )

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "bench-bank.yaml"
    write_bank(path, 200)
    bank = load_bank(path)
    plan = Plan(title="Bench hasil", banks=(bank.id,),
                draw=(DrawRule(QUESTIONS, bank=bank.id),))
    rng = random.Random(seed)
    with ResultsStore.open_in(folder) as store:
        sid = store.create_session("Bench hasil se-kabupaten", plan, place="Aula",
                                   date="2025-03-04").id
        batch: list[AttemptRecord] = []
        for i in range(n):
            spec = build_attempt(plan, [bank], f"peserta-{i}")
            skill = (0.4, 0.6, 0.8, 0.95)[i % 4]
            answers = {}
            for aq in spec.questions:
                q = aq.question
                if rng.random() < 0.03:
                    continue  # not answered
                choice = (q.answer if rng.random() < skill
                          else frozenset([rng.choice(q.option_keys)]))
                answers[aq.id] = AnswerRecord(aq.id, choice, rng.uniform(1.5, 29.5))
            result = score_attempt(spec, answers, 900.0 + i % 300)
            birth = f"19{70 + i % 30:02d}{1 + i % 12:02d}{1 + i % 28:02d}"
            nip = f"{birth}{2000 + i % 20}{1 + i % 12:02d}{1 + i % 2}{i % 999 + 1:03d}"
            person = Participant(f"Peserta Nomor {i}", nip, "Analis SDM Aparatur",
                                 f"Unit {i % 40}", "III/a")
            minute = f"{i // 600 % 24:02d}:{i // 10 % 60:02d}:{i % 60:02d}"
            batch.append(AttemptRecord(
                f"{i:032x}", sid, 0, person, spec.seed, spec, AttemptStatus.FINISHED,
                f"2025-03-04T{minute}+00:00", "2025-03-05T01:20:00+00:00",
                "2025-03-05T01:20:00+00:00", result.duration, QUESTIONS - 1, {}, answers,
                result, "bench"))
            if len(batch) == 1000:
                import_attempts(store, sid, batch)
                batch.clear()
        if batch:
            import_attempts(store, sid, batch)
    return sid


if __name__ == "__main__":
    import time

    out = Path(sys.argv[1])
    t = time.perf_counter()
    sid = build_store(out, int(sys.argv[2]))
    size = (out / "results.sqlite3").stat().st_size
    print(f"session {sid}: {time.perf_counter() - t:.1f} s, {size / 2**20:.1f} MiB")
