"""Crash bench: SIGKILL a child answering through the real engine + store, N times.

    .venv/bin/python bench/crash.py [--kills 200] [--data-dir DIR] [--seed S]

Each kill lands 0-300 ms after the child is ready (sometimes during its start-up). After
each kill a copy of the database is checked: every answer, checkpoint and finish the child
reported as committed is there, ``PRAGMA integrity_check`` is ok, and every unfinished
attempt resumes in the engine with remaining time = limit - checkpointed elapsed.
The protocol and the checks live in ``tests/helpers/crash_child.py``.

The last line is exactly ``kills=N lost=M integrity_failures=K resume_failures=R``; the
exit code is 0 iff M = K = R = 0. The data dir defaults to a fresh temporary folder
(removed afterwards); an explicit ``--data-dir`` is kept for inspection.
"""

from __future__ import annotations

import argparse
import secrets
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.helpers.crash_child import CrashReport, run_crash_loop  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=200, help="number of SIGKILLs (200)")
    ap.add_argument("--data-dir", type=Path, help="data folder (default: a temporary one)")
    ap.add_argument("--seed", type=int, help="random seed (default: random, printed)")
    args = ap.parse_args(argv)
    if args.kills < 1:
        ap.error("--kills must be at least 1")
    seed = args.seed if args.seed is not None else secrets.randbits(32)
    print(f"seed={seed} (rerun with --seed {seed})", flush=True)

    started = time.monotonic()

    def progress(done: int, report: CrashReport) -> None:
        if done % 20 == 0 or done == args.kills:
            print(
                f"  {done}/{args.kills} kills, {time.monotonic() - started:.1f} s: "
                f"{report.summary()}",
                flush=True,
            )

    if args.data_dir is not None:
        data_dir = args.data_dir
        print(f"data dir: {data_dir}", flush=True)
        report = run_crash_loop(data_dir, args.kills, seed, progress=progress)
    else:
        with tempfile.TemporaryDirectory(prefix="kuis-crash-") as tmp:
            report = run_crash_loop(Path(tmp) / "data", args.kills, seed, progress=progress)

    for problem in report.problems[:50]:
        print(f"PROBLEM: {problem}")
    print(
        f"committed answers={report.committed_answers} checkpoints={report.checkpoints}"
        f" resumes={report.resumes} finished attempts={report.finished}"
        f" time={time.monotonic() - started:.1f}s seed={seed}"
    )
    print(report.summary(), flush=True)
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
