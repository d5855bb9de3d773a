"""One writer thread for the phone hall: one SQLite connection, group commit. No Qt.

Everything queued while the writer was busy shares its next transaction, so a burst of
500 phone answers costs a few fsyncs, not 500; each write's ``done(ok)`` runs after the
commit (that is when a phone is acknowledged).

The writer's commits never copy the write-ahead log back into the database file (see
:mod:`quiz_app.core.results.wal`): a second thread with its own connection does that every
:data:`CHECKPOINT_EVERY` seconds while there were writes, so no acknowledgement waits for it.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..core.atomicio import write_atomic
from ..core.errors import StoreError
from ..core.results import ResultsStore, checkpoint_wal, defer_checkpoints

log = logging.getLogger(__name__)

__all__ = ["StoreWriter"]

WriteFn = Callable[[ResultsStore], None]
DoneFn = Callable[[bool], None]
_STOP = object()
CHECKPOINT_EVERY = 1.0  # seconds between checkpoints of the log while there are writes


class StoreWriter:
    """One thread, one SQLite connection, group commit.

    ``put(fn, done)`` queues a write; the thread takes everything queued, runs it inside
    one :meth:`ResultsStore.batch` transaction and then calls each ``done(ok)`` (on the
    writer thread). ``put_file`` queues an atomic file write; only the newest content per
    path is written, after the transaction.
    """

    def __init__(self, data_dir: Path, on_error: Callable[[StoreError], None] | None = None,
                 max_batch: int = 5000, checkpoint_every: float = CHECKPOINT_EVERY) -> None:
        self._data_dir = Path(data_dir)
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._files: dict[Path, bytes | Callable[[], bytes]] = {}
        self._files_lock = threading.Lock()
        self.on_error = on_error
        self._max = max_batch
        self._thread = threading.Thread(target=self._run, name="lan-store", daemon=True)
        self._opened = threading.Event()
        self._open_error: StoreError | None = None
        self.commits = 0  # transactions committed (the bench reports answers per commit)
        self.written = 0  # writes that succeeded
        self._checkpoint_every = checkpoint_every
        self._checkpointer = threading.Thread(target=self._checkpoints, name="lan-wal",
                                              daemon=True)
        self._stopping = threading.Event()
        self._wrote = threading.Event()  # set by commits, cleared by each checkpoint

    def start(self) -> None:
        self._thread.start()
        self._opened.wait(30)
        if self._open_error is not None:
            raise self._open_error
        self._checkpointer.start()

    def put(self, fn: WriteFn, done: DoneFn | None = None) -> None:
        self._queue.put((fn, done))

    def put_file(self, path: Path, data: bytes | Callable[[], bytes]) -> None:
        """Write ``data`` (or what the callable returns, built on the writer thread)."""
        with self._files_lock:
            self._files[path] = data
        self._queue.put(None)  # wake the thread

    def flush(self, timeout: float = 30.0) -> bool:
        """Wait until everything queued so far is written (for close and tests)."""
        done = threading.Event()
        self._queue.put((lambda _s: None, lambda _ok: done.set()))
        return done.wait(timeout)

    def stop(self, timeout: float = 30.0) -> None:
        self._stopping.set()
        if self._checkpointer.is_alive():
            self._checkpointer.join(timeout)
        if self._thread.is_alive():
            self._queue.put(_STOP)
            self._thread.join(timeout)  # its connection, the last, folds the log back

    def _run(self) -> None:
        try:
            store = ResultsStore.open_in(self._data_dir, check=False)
        except StoreError as exc:
            self._open_error = exc
            self._opened.set()
            return
        try:
            defer_checkpoints(store)
        except StoreError as exc:
            store.close()
            self._open_error = exc
            self._opened.set()
            return
        self._opened.set()
        try:
            stopping = False
            while not stopping:
                items = [self._queue.get()]
                while len(items) < self._max:
                    try:
                        items.append(self._queue.get_nowait())
                    except queue.Empty:
                        break
                if _STOP in items:
                    stopping = True
                writes = [i for i in items if isinstance(i, tuple)]
                if writes:
                    self._commit(store, writes)
                self._write_files()
        finally:
            store.close()

    def _commit(self, store: ResultsStore, writes: list[tuple[WriteFn, DoneFn | None]]) -> None:
        outcome: list[tuple[DoneFn | None, bool]] = []
        try:
            with store.batch():
                for fn, done in writes:
                    try:
                        fn(store)
                        outcome.append((done, True))
                    except StoreError as exc:
                        log.error("phone answer not stored: %s", exc)
                        outcome.append((done, False))
                        self._report(exc)
            self.commits += 1
            self._wrote.set()
        except StoreError as exc:  # the commit itself failed: nothing of it is stored
            log.error("phone batch not stored: %s", exc)
            outcome = [(done, False) for _fn, done in writes]
            self._report(exc)
        for done, ok in outcome:
            self.written += ok
            if done is not None:
                done(ok)

    def _checkpoints(self) -> None:
        """The checkpointer thread: its own connection; the commits go on meanwhile. A
        failed checkpoint is tried again at the next turn (the log only grows meanwhile;
        the writer's own connection folds it back when it closes)."""
        store: ResultsStore | None = None
        try:
            while not self._stopping.wait(self._checkpoint_every):
                if not self._wrote.is_set():
                    continue
                self._wrote.clear()
                try:
                    if store is None:
                        store = ResultsStore.open_in(self._data_dir, check=False)
                    checkpoint_wal(store)
                except StoreError as exc:
                    log.warning("write-ahead log not checkpointed: %s", exc)
                    self._wrote.set()
        finally:
            if store is not None:
                store.close()

    def _write_files(self) -> None:
        with self._files_lock:
            files, self._files = self._files, {}
        for path, data in files.items():
            try:
                write_atomic(path, data() if callable(data) else data)
            except OSError as exc:
                self._report(StoreError(f"Berkas lanjutan presentasi tidak dapat ditulis: "
                                        f"{exc.strerror or exc}.", path))

    def _report(self, exc: StoreError) -> None:
        if self.on_error is not None:
            self.on_error(exc)
