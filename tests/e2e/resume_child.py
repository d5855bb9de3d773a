"""Child process for the resume test: starts an attempt through the real store and engine
(as participant mode does), answers some questions, prints ``READY {json}`` and waits to be
SIGKILLed.  ``python tests/e2e/resume_child.py DATA_DIR PLAN_FILE``"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from quiz_app.core.banks import load_runnable  # noqa: E402
from quiz_app.core.model import Participant  # noqa: E402
from quiz_app.core.quiz import Attempt, build_attempt  # noqa: E402
from quiz_app.core.results import ResultsStore  # noqa: E402
from quiz_app.ui.participant.session import SessionSetup, create_session  # noqa: E402
from tests.helpers.fakes import FakeClock  # noqa: E402

PIN = "2468"


def main() -> None:
    data_dir, plan_path = Path(sys.argv[1]), Path(sys.argv[2])
    plan, banks = load_runnable(plan_path)
    store = ResultsStore.open_in(data_dir)
    session = create_session(store, data_dir, SessionSetup(
        source=plan_path, plan=plan, banks=tuple(banks), title="Sesi Listrik Padam", pin=PIN))
    spec = build_attempt(plan, banks, "benih-uji")
    participant = Participant(name="Siti Contohwati", nip="198809212014122003")
    attempt_id = store.start_attempt(session.record.id, participant, spec)
    clock = FakeClock()
    attempt = Attempt(spec, clock)
    attempt.start()
    answered: dict[str, list[str]] = {}
    for n in range(2):  # answer two questions: the first right, the second wrong
        aq = attempt.current
        clock.advance(7)
        right = sorted(aq.question.answer)
        wrong = [k for k in aq.question.option_keys if k not in aq.question.answer][:1]
        choice = right if n == 0 else wrong
        record = attempt.answer(choice if len(choice) != 1 else choice[0])
        cp = attempt.checkpoint()
        store.record_answer(attempt_id, record, elapsed=cp.elapsed, current_index=cp.current,
                            question_time_used=cp.question_time_used)
        answered[aq.id] = sorted(record.choice)
        attempt.next()
    attempt.flag()
    store.record_answer(attempt_id, attempt.record(), elapsed=attempt.elapsed,
                        current_index=attempt.current_index)
    clock.advance(9)
    cp = attempt.checkpoint()
    store.checkpoint(attempt_id, cp.elapsed, cp.current, question_time_used=cp.question_time_used)
    print("READY " + json.dumps({
        "attempt_id": attempt_id, "answers": answered, "elapsed": cp.elapsed,
        "current": cp.current, "flagged": attempt.current.id,
        "used": cp.question_time_used}), flush=True)
    time.sleep(120)  # waiting for SIGKILL


if __name__ == "__main__":
    main()
