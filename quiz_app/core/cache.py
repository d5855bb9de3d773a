"""A plain-data (JSON, never pickle) cache of validated banks, keyed by file bytes."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path

from .model import BANK_FORMAT, Bank
from .serialize import bank_from_dict, bank_to_dict

log = logging.getLogger(__name__)

# Bump when the loader's output for the same bytes could change.
LOADER_VERSION = "1"


class BankCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _file(self, path: Path, data: bytes) -> Path:
        h = hashlib.sha256()
        h.update(f"{BANK_FORMAT}\0{LOADER_VERSION}\0{path.resolve()}\0".encode())
        h.update(data)
        return self.folder / f"{h.hexdigest()}.json"

    def get(self, path: Path, data: bytes) -> Bank | None:
        file = self._file(path, data)
        try:
            with file.open("rb") as fh:
                return bank_from_dict(json.load(fh))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            # A damaged cache entry is never fatal: validate the file again.
            log.warning("cache bank rusak, diabaikan: %s (%s)", file, exc)
            return None

    def put(self, path: Path, data: bytes, bank: Bank) -> None:
        file = self._file(path, data)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(bank_to_dict(bank), fh, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, file)
        except OSError as exc:
            # The cache only saves time; a read-only or full disk must not stop a session.
            log.warning("cache bank tidak dapat ditulis: %s (%s)", file, exc)
