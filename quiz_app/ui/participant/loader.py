"""Load a bank or plan without stalling the UI: validation runs in a child process.

A worker *thread* alone is not enough for a 10,000-question bank: parsing and the JSON
bank cache are long C calls that hold the GIL for 50-100 ms, and the garbage collector's
full passes over the new objects pause every thread. So the child process does
:func:`~quiz_app.core.banks.plan.load_runnable` (and fills the cache), then sends the result in
small pickled chunks (250 questions, ~3 ms to unpickle each) to the calling worker thread,
which rebuilds the banks with the cyclic GC paused and then moves them to the collector's
permanent generation (``gc.freeze``). Call it from ``run_in_worker``.
No Qt here: the child imports only the core.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Iterator
from dataclasses import replace
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from ...core.banks import BankCache, load_runnable
from ...core.errors import QuizError
from ...core.model import Bank, Plan, Question

CHUNK = 250


def _messages(path: str, cache_dir: str | None) -> Iterator[tuple[str, Any]]:
    cache = BankCache(Path(cache_dir)) if cache_dir else None
    try:
        plan, banks = load_runnable(Path(path), cache=cache)
    except QuizError as exc:
        yield ("error", (type(exc).__name__, exc.issues))
        return
    yield ("plan", plan)
    for bank in banks:
        yield ("bank", replace(bank, questions=(), _by_id={}))
        for i in range(0, len(bank.questions), CHUNK):
            yield ("questions", bank.questions[i:i + CHUNK])
    yield ("done", None)


def _child(conn: Connection, path: str, cache_dir: str | None) -> None:
    try:
        for message in _messages(path, cache_dir):
            conn.send(message)
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which re-raises
        conn.send(("crash", repr(exc)))
    finally:
        conn.close()


def _rebuild(messages: Iterator[tuple[str, Any]]) -> tuple[Plan, tuple[Bank, ...]]:
    plan: Plan | None = None
    banks: list[Bank] = []
    current: Bank | None = None
    questions: list[Question] = []

    def close_bank() -> None:
        if current is not None:
            banks.append(replace(current, questions=tuple(questions), _by_id={}))

    for kind, payload in messages:
        if kind == "error":
            name, issues = payload
            from ...core import errors

            raise getattr(errors, name, QuizError)(issues)
        if kind == "crash":
            raise RuntimeError(f"pemuat bank soal gagal: {payload}")
        if kind == "plan":
            plan = payload
        elif kind == "bank":
            close_bank()
            current, questions = payload, []
        elif kind == "questions":
            questions.extend(payload)
        elif kind == "done":
            close_bank()
            break
    if plan is None:
        raise RuntimeError("pemuat bank soal berhenti tanpa hasil")
    return plan, tuple(banks)


def _receive(conn: Connection) -> Iterator[tuple[str, Any]]:
    while True:
        try:
            yield conn.recv()
        except EOFError:
            return


def load_isolated(path: Path, cache: BankCache | None) -> tuple[Plan, tuple[Bank, ...]]:
    """``load_runnable`` in a child process; same result and errors. Blocks: call it in a
    worker thread. Falls back to loading in this thread if no process can be started."""
    ctx = multiprocessing.get_context("spawn")
    receiver, sender = ctx.Pipe(duplex=False)
    cache_dir = str(cache.folder) if cache is not None else None
    process = ctx.Process(target=_child, args=(sender, str(path), cache_dir), daemon=True)
    try:
        process.start()
    except OSError:
        receiver.close()
        sender.close()
        plan, banks = load_runnable(path, cache=cache)
        return plan, tuple(banks)
    sender.close()
    was_enabled = gc.isenabled()
    gc.disable()  # no full GC pass over the new objects while the UI thread wants the GIL
    try:
        result = _rebuild(_receive(receiver))
        # The banks live as long as the session: keep the collector from ever walking
        # them (a full pass over a 10,000-question bank holds the GIL for ~70 ms).
        gc.freeze()
        return result
    finally:
        if was_enabled:
            gc.enable()
        receiver.close()
        process.join(timeout=5)
        if process.is_alive():
            process.kill()
            process.join()
