"""Crash test: a child that answers through the real engine + store, and the parent harness.

Child (``python tests/helpers/crash_child.py DATA_DIR SEED``): opens the store in
``DATA_DIR``, prints ``READY``, then forever: resumes the oldest unfinished attempt (as the
app does on start after a crash) or starts a new one, and drives it through
:class:`~quiz_app.core.quiz.engine.Attempt` with a fake clock, saving every answer with
``record_answer`` and checkpointing. Each store write is bracketed by two stdout lines,
each flushed at once::

    INTENT ANSWER <aid> <qid> <choice> <flagged> <time_taken> <elapsed> <current>
    COMMITTED <aid> <qid> <choice> <flagged> <time_taken> <elapsed> <current>

``COMMITTED`` is printed only after ``record_answer`` returned, so it is a promise: that
answer is on disk. (``CHECKPOINTED``, ``STARTED`` and ``FINISHED`` likewise.) ``INTENT``
lets the parent know the one write that may or may not have landed when the kill came.

Parent (:func:`run_crash_loop`): start the child, SIGKILL it after a random 0-300 ms, then
check a copy of the files (the real ones keep their hot WAL for the next child, like an app
restarting after a power cut): every promise is kept, ``PRAGMA integrity_check`` is ok,
and every unfinished attempt resumes: same spec as ``build_attempt`` gives for its seed,
same answers, remaining test time = limit - checkpointed elapsed.
Used by ``tests/core/results/test_crash.py`` and ``bench/crash.py``.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from quiz_app.core.errors import StoreError  # noqa: E402
from quiz_app.core.model import (  # noqa: E402
    Bank,
    DrawRule,
    Participant,
    Plan,
    QuestionType,
)
from quiz_app.core.quiz import (  # noqa: E402
    ActionRefused,
    AnswerRecord,
    Attempt,
    Event,
    QuestionTimedOut,
    build_attempt,
)
from quiz_app.core.results import (  # noqa: E402
    DB_FILENAME,
    AttemptRecord,
    AttemptStatus,
    ResultsStore,
)
from tests.helpers.fakes import FakeClock, make_bank, make_plan, make_question  # noqa: E402

TIME_LIMIT = 900  # whole-test limit of the crash plan, seconds
CHILD_MAX_SECONDS = 30.0  # a child nobody kills stops by itself
MAX_DELAY = 0.3  # the kill comes 0-300 ms after READY (or after spawn)

_TYPES = (QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.TRUE_FALSE, QuestionType.POLL)
_NIPS = tuple(f"19850{i}012010011{i:03d}" for i in range(1, 6))


def crash_bank() -> Bank:
    questions = [
        make_question(
            f"cr-{i + 1:02d}",
            type=_TYPES[i % len(_TYPES)] if i % 3 else QuestionType.SINGLE,
            category=("netral", "nilai")[i % 2],
            n_options=4 + i % 3,
            time_limit=60,
        )
        for i in range(20)
    ]
    return make_bank(id="crash", categories=("netral", "nilai"), questions=questions)


def crash_plan() -> Plan:
    return make_plan(
        title="Uji tahan crash",
        banks=("crash",),
        draw=(DrawRule(count=12),),
        time_limit=TIME_LIMIT,
    )


def fmt_choice(choice: frozenset[str]) -> str:
    return ",".join(sorted(choice)) or "-"


def parse_choice(text: str) -> frozenset[str]:
    return frozenset() if text == "-" else frozenset(text.split(","))


# ---------------------------------------------------------------------------- child


class Child:
    def __init__(self, data_dir: Path, seed: str) -> None:
        self.seed = seed
        self.rng = random.Random(seed)
        self.clock = FakeClock()
        self.bank = crash_bank()
        self.plan = crash_plan()
        self.store = ResultsStore.open_in(data_dir)
        self.started = 0

    @staticmethod
    def emit(*parts: object) -> None:
        sys.stdout.write(" ".join(str(p) for p in parts) + "\n")
        sys.stdout.flush()

    def session_id(self) -> int:
        latest = self.store.latest_session(open_only=True)
        if latest is not None and self.rng.random() < 0.05:
            self.store.close_session(latest.id)  # a new training day; old attempts stay
            latest = None
        if latest is None:
            latest = self.store.create_session("Uji crash", self.plan, place="Aula")
        return latest.id

    def participant(self) -> Participant:
        if self.rng.random() < 0.3:
            return Participant(name=f"Tamu {self.rng.randrange(1000)}")
        nip = self.rng.choice(_NIPS)
        return Participant(name=f"Peserta {nip[-3:]}", nip=nip, unit="BKPSDM")

    def run(self) -> None:
        self.emit("READY", os.getpid())
        session_id = self.session_id()
        deadline = time.monotonic() + CHILD_MAX_SECONDS
        while time.monotonic() < deadline:
            unfinished = self.store.unfinished_attempts()
            if unfinished:
                rec = unfinished[0]
                attempt = Attempt(
                    rec.spec,
                    self.clock,
                    answers=rec.answers,
                    elapsed=rec.elapsed,
                    current=rec.current_index,
                    question_time_used=rec.question_time_used,
                )
                aid = rec.id
                self.emit("RESUMED", aid)
            else:
                seed = f"{self.seed}-{self.started}"
                self.started += 1
                spec = build_attempt(self.plan, [self.bank], seed)
                self.emit("INTENT", "START", seed)
                aid = self.store.start_attempt(session_id, self.participant(), spec)
                self.emit("STARTED", aid, seed)
                attempt = Attempt(spec, self.clock)
            self.drive(aid, attempt)

    def save(self, aid: str, attempt: Attempt, rec: AnswerRecord) -> None:
        cp = attempt.checkpoint()
        fields = (
            aid,
            rec.question_id,
            fmt_choice(rec.choice),
            int(rec.flagged),
            repr(rec.time_taken),
            repr(cp.elapsed),
            cp.current,
        )
        self.emit("INTENT", "ANSWER", *fields)
        self.store.record_answer(
            aid,
            rec,
            elapsed=cp.elapsed,
            current_index=cp.current,
            question_time_used=cp.question_time_used,
        )
        self.emit("COMMITTED", *fields)

    def checkpoint(self, aid: str, attempt: Attempt) -> None:
        cp = attempt.checkpoint()
        fields = (aid, repr(cp.elapsed), cp.current)
        self.emit("INTENT", "CHECKPOINT", *fields)
        self.store.checkpoint(aid, cp.elapsed, cp.current, question_time_used=cp.question_time_used)
        self.emit("CHECKPOINTED", *fields)

    def finish(self, aid: str, attempt: Attempt) -> None:
        result = attempt.result()
        fields = (aid, repr(attempt.elapsed), repr(result.nilai))
        self.emit("INTENT", "FINISH", *fields)
        self.store.finish_attempt(aid, result, attempt.elapsed)
        self.emit("FINISHED", *fields)

    def handle(self, aid: str, attempt: Attempt, events: list[Event]) -> None:
        for ev in events:
            if isinstance(ev, QuestionTimedOut) and ev.record is not None:
                self.save(aid, attempt, ev.record)

    def random_choice(self, attempt: Attempt) -> frozenset[str]:
        q = attempt.current.question
        keys = list(q.option_keys)
        if self.rng.random() < 0.08:
            return frozenset()  # cleared
        if q.type is QuestionType.MULTIPLE:
            return frozenset(self.rng.sample(keys, self.rng.randint(1, len(keys))))
        return frozenset([self.rng.choice(keys)])

    def drive(self, aid: str, attempt: Attempt) -> None:
        """Play the attempt to its end; whatever ends it, the store is told once."""
        rng = self.rng
        self.handle(aid, attempt, attempt.start())
        while not attempt.is_finished:
            self.clock.advance(rng.uniform(0.05, 2.0))
            self.handle(aid, attempt, attempt.poll())
            if attempt.is_finished:
                break
            r = rng.random()
            try:
                if r < 0.55:
                    self.save(aid, attempt, attempt.answer(self.random_choice(attempt)))
                elif r < 0.62:
                    self.save(aid, attempt, attempt.flag())
                elif r < 0.72:
                    attempt.go_to(rng.randrange(len(attempt)))
                elif r < 0.82:
                    self.checkpoint(aid, attempt)
                elif r < 0.97 or attempt.unanswered_count > 1:
                    attempt.next()
                else:
                    self.handle(aid, attempt, attempt.finish())
            except ActionRefused:
                if not attempt.is_finished:
                    attempt.next()  # this question's time is up: move on
        self.handle(aid, attempt, attempt.poll())  # events of a refused action, if any
        self.finish(aid, attempt)


def child_main(argv: list[str]) -> int:
    data_dir, seed = Path(argv[0]), argv[1]
    try:
        Child(data_dir, seed).run()
    except StoreError as exc:
        print(f"StoreError: {exc}", file=sys.stderr)
        return 3
    return 0


# ---------------------------------------------------------------------------- parent


@dataclass
class Pending:
    """The last write the child announced but did not confirm: it may or may not be in."""

    op: str
    parts: list[str]


@dataclass
class Ledger:
    """What the child promised, across all its runs."""

    answers: dict[tuple[str, str], tuple[frozenset[str], bool, float]] = field(default_factory=dict)
    progress: dict[str, tuple[float, int]] = field(default_factory=dict)  # in progress
    finished: dict[str, float] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)
    committed_answers: int = 0
    checkpoints: int = 0
    resumes: int = 0

    def feed(self, lines: list[bytes]) -> Pending | None:
        pending: Pending | None = None
        for raw in lines:
            if not raw.endswith(b"\n"):
                break  # cut off by the kill: not a promise
            parts = raw.decode().split()
            if not parts:
                continue
            kind, args = parts[0], parts[1:]
            if kind == "INTENT":
                pending = Pending(args[0], args[1:])
                continue
            if kind == "COMMITTED":
                aid, qid, choice, flagged, taken, elapsed, current = args
                self.answers[(aid, qid)] = (parse_choice(choice), flagged == "1", float(taken))
                self.progress[aid] = (float(elapsed), int(current))
                self.committed_answers += 1
            elif kind == "CHECKPOINTED":
                aid, elapsed, current = args
                self.progress[aid] = (float(elapsed), int(current))
                self.checkpoints += 1
            elif kind == "STARTED":
                self.started.add(args[0])
                self.progress[args[0]] = (0.0, 0)
            elif kind == "FINISHED":
                self.finished[args[0]] = float(args[1])
                self.progress.pop(args[0], None)
            elif kind == "RESUMED":
                self.resumes += 1
                continue
            else:
                continue
            pending = None
        return pending


@dataclass
class CrashReport:
    kills: int = 0
    lost: int = 0
    integrity_failures: int = 0
    resume_failures: int = 0
    committed_answers: int = 0
    checkpoints: int = 0
    resumes: int = 0
    finished: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.lost == self.integrity_failures == self.resume_failures == 0

    def summary(self) -> str:
        return (
            f"kills={self.kills} lost={self.lost} integrity_failures={self.integrity_failures}"
            f" resume_failures={self.resume_failures}"
        )


def _run_and_kill(
    data_dir: Path, seed: str, rng: random.Random
) -> tuple[list[bytes], int | None, str]:
    """One child run, SIGKILLed after a random delay.

    Returns (stdout lines, exit code if it had already ended by itself else None, stderr).
    """
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), str(data_dir), seed],
            stdout=subprocess.PIPE,
            stderr=err,
            cwd=ROOT,
        )
        lines: list[bytes] = []
        ready = threading.Event()

        def read() -> None:
            assert proc.stdout is not None
            for line in proc.stdout:
                lines.append(line)
                if line.startswith(b"READY"):
                    ready.set()
            ready.set()  # EOF: the child is gone

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        if rng.random() < 0.15:  # sometimes strike during start-up / open / WAL recovery
            time.sleep(rng.uniform(0.0, MAX_DELAY))
        else:
            ready.wait(timeout=20.0)
            time.sleep(rng.uniform(0.0, MAX_DELAY))
        exited = proc.poll()  # None: still running, as it should be
        proc.kill()  # SIGKILL on POSIX, TerminateProcess on Windows
        proc.wait(timeout=20.0)
        reader.join(timeout=20.0)
        if proc.stdout is not None:
            proc.stdout.close()
        err.seek(0)
        stderr = err.read().decode(errors="replace")
    return lines, exited, stderr


def _snapshot(data_dir: Path, dest: Path) -> Path:
    """Copy the database files as the kill left them (hot WAL included)."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for suffix in ("", "-wal"):
        src = data_dir / (DB_FILENAME + suffix)
        if src.exists():
            shutil.copyfile(src, dest / src.name)
    return dest / DB_FILENAME


def verify(
    db: Path, ledger: Ledger, pending: Pending | None, report: CrashReport, bank: Bank, plan: Plan
) -> None:
    """Check one post-crash database against the ledger; fold the pending write in if it
    landed. Adds to ``report``."""
    if not db.exists():
        if ledger.started:
            report.lost += len(ledger.started)
            report.problems.append("the database file is gone")
        return
    try:
        store = ResultsStore(db)
    except StoreError as exc:
        report.integrity_failures += 1
        report.problems.append(f"cannot open after crash: {exc}")
        return
    try:
        _verify_open(store, ledger, pending, report, bank, plan)
    finally:
        store.close()


def _verify_open(
    store: ResultsStore,
    ledger: Ledger,
    pending: Pending | None,
    report: CrashReport,
    bank: Bank,
    plan: Plan,
) -> None:
    conn = store._connection()
    integrity = store.integrity_check()
    fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    if integrity != ["ok"] or fk:
        report.integrity_failures += 1
        report.problems.append(f"integrity_check={integrity[:3]} foreign_key_check={fk[:3]}")

    records = {rec.id: rec for s in store.sessions() for rec in store.attempts(s.id)}
    for aid in ledger.started | set(ledger.progress) | set(ledger.finished):
        if aid not in records:
            report.lost += 1
            report.problems.append(f"attempt {aid} reported started but missing")
    p_op, p = (pending.op, pending.parts) if pending else ("", [])

    for (aid, qid), want in list(ledger.answers.items()):
        rec = records.get(aid)
        if rec is None:
            continue
        got_rec = rec.answers.get(qid)
        got = None if got_rec is None else (got_rec.choice, got_rec.flagged, got_rec.time_taken)
        if got == want:
            continue
        if p_op == "ANSWER" and p[0] == aid and p[1] == qid:
            maybe = (parse_choice(p[2]), p[3] == "1", float(p[4]))
            if got == maybe:
                continue  # the announced write landed; folded in below
        report.lost += 1
        report.problems.append(f"answer {aid}/{qid}: promised {want}, stored {got}")

    if p_op == "ANSWER":  # fold in the write that landed without its COMMITTED line
        aid, qid = p[0], p[1]
        rec = records.get(aid)
        got_rec = rec.answers.get(qid) if rec else None
        maybe = (parse_choice(p[2]), p[3] == "1", float(p[4]))
        if got_rec and (got_rec.choice, got_rec.flagged, got_rec.time_taken) == maybe:
            ledger.answers[(aid, qid)] = maybe
            if rec is not None and (rec.elapsed, rec.current_index) == (float(p[5]), int(p[6])):
                ledger.progress[aid] = (float(p[5]), int(p[6]))

    for aid, want_elapsed in ledger.finished.items():
        rec = records.get(aid)
        if rec is not None and (
            rec.status is not AttemptStatus.FINISHED or rec.elapsed != want_elapsed
        ):
            report.lost += 1
            report.problems.append(f"attempt {aid}: promised finished, stored {rec.status}")

    for aid, want in list(ledger.progress.items()):
        rec = records.get(aid)
        if rec is None:
            continue
        if rec.status is AttemptStatus.FINISHED and p_op == "FINISH" and p[0] == aid:
            ledger.progress.pop(aid)
            ledger.finished[aid] = rec.elapsed
            continue
        got = (rec.elapsed, rec.current_index)
        if rec.status is AttemptStatus.IN_PROGRESS and got == want:
            continue
        if p_op == "CHECKPOINT" and p[0] == aid and got == (float(p[1]), int(p[2])):
            ledger.progress[aid] = got
            continue
        if p_op == "ANSWER" and p[0] == aid and got == (float(p[5]), int(p[6])):
            continue  # folded in above
        report.lost += 1
        report.problems.append(f"attempt {aid}: promised {want}, stored {rec.status} {got}")

    if p_op == "START":  # the attempt may exist without its STARTED line: adopt it
        for rec in store.unfinished_attempts():
            if rec.seed == p[0]:
                ledger.started.add(rec.id)
                ledger.progress[rec.id] = (rec.elapsed, rec.current_index)

    for rec in store.unfinished_attempts():
        why = _resume_problem(rec, bank, plan)
        if why:
            report.resume_failures += 1
            report.problems.append(f"resume {rec.id}: {why}")


def _resume_problem(rec: AttemptRecord, bank: Bank, plan: Plan) -> str:
    """Rebuild the engine from the stored attempt as the app does after a crash."""
    if rec.spec != build_attempt(plan, [bank], rec.seed):
        return "stored spec differs from build_attempt(plan, bank, seed)"
    attempt = Attempt(
        rec.spec,
        FakeClock(),
        answers=rec.answers,
        elapsed=rec.elapsed,
        current=rec.current_index,
        question_time_used=rec.question_time_used,
    )
    limit = rec.spec.plan.time_limit
    if attempt.test_remaining() != max(0.0, limit - rec.elapsed):
        return f"remaining {attempt.test_remaining()} != {limit} - {rec.elapsed}"
    attempt.start()
    if attempt.answers != rec.answers:
        return "answers differ after resume"
    if not attempt.is_finished and attempt.test_remaining() != limit - rec.elapsed:
        return f"remaining after start {attempt.test_remaining()} != {limit} - {rec.elapsed}"
    return ""


def run_crash_loop(
    data_dir: Path,
    kills: int,
    seed: int,
    *,
    progress: Callable[[int, CrashReport], None] | None = None,
) -> CrashReport:
    """Kill a child ``kills`` times on the same data dir and verify after each kill."""
    rng = random.Random(seed)
    data_dir.mkdir(parents=True, exist_ok=True)
    report = CrashReport()
    ledger = Ledger()
    bank, plan = crash_bank(), crash_plan()
    with tempfile.TemporaryDirectory(prefix="kuis-crash-check-") as scratch:
        for n in range(kills):
            lines, rc, stderr = _run_and_kill(data_dir, f"{seed}.{n}", rng)
            report.kills += 1
            if rc is not None:  # it ended by itself: it failed to open, resume or save
                report.resume_failures += 1
                tail = stderr.strip().splitlines()[-3:]
                report.problems.append(f"kill {n}: child exited with {rc}: {tail}")
            pending = ledger.feed(lines)
            verify(_snapshot(data_dir, Path(scratch) / "copy"), ledger, pending, report, bank, plan)
            if progress is not None:
                progress(n + 1, report)
    report.committed_answers = ledger.committed_answers
    report.checkpoints = ledger.checkpoints
    report.resumes = ledger.resumes
    report.finished = len(ledger.finished)
    return report


if __name__ == "__main__":
    sys.exit(child_main(sys.argv[1:]))
