"""Whole-file writes that a crash or power cut can never leave half-done."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it over ``path``.

    Readers see the old file or the new one, never a mix. ``durable`` flushes the data to
    disk before the rename (skip it only for files that can be rebuilt, like the cache).
    On failure the temporary file is removed and the OSError propagates.
    The file is private to the user (0600, ``mkstemp``'s mode): this is the app's own state
    (trainer settings hold the PIN hash). Files the user exports go through
    ``core.results.export.atomic_target``, which gives them the usual umask mode.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
