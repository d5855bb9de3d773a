"""Child for tests/hostile/test_wal.py: a store that answers commands on stdin.

    python tests/hostile/wal_child.py DATA_DIR
    < answer q1 A      > ACK q1          (committed: the promise the UI shows as "tersimpan")
    < answer q2 B      > REFUSED <message>  (StoreError: not acknowledged)

It never closes the store: the parent SIGKILLs it, like a power cut.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from quiz_app.core.errors import StoreError  # noqa: E402
from quiz_app.core.model import Participant  # noqa: E402
from quiz_app.core.quiz import AnswerRecord, build_attempt  # noqa: E402
from quiz_app.core.results import ResultsStore  # noqa: E402
from tests.helpers.fakes import make_bank, make_plan  # noqa: E402


def main() -> None:
    store = ResultsStore.open_in(Path(sys.argv[1]))
    plan = make_plan(order="bank", shuffle_options=False)
    spec = build_attempt(plan, [make_bank(10)], "wal")
    sid = store.create_session("Uji WAL", plan).id
    attempt = store.start_attempt(sid, Participant("Ani", "198503122010012002"), spec)
    store._connection().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()  # a clean start
    print("READY", attempt, " ".join(aq.id for aq in spec.questions), flush=True)
    for line in sys.stdin:
        _cmd, qid, key = line.split()
        try:
            store.record_answer(attempt, AnswerRecord(qid, frozenset(key), 1.0))
        except StoreError as exc:
            print("REFUSED", exc.message.replace("\n", " "), flush=True)
        else:
            print("ACK", qid, flush=True)


if __name__ == "__main__":
    main()
