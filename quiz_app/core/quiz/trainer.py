"""Trainer-side rules of participant mode (no Qt): the PIN, its lock-out, and the
session settings kept beside the results database so a crashed kiosk comes back as it was.

* A PIN is 4-8 ASCII digits. Only a salted PBKDF2 hash is stored.
* :class:`PinLock`: after ``max_failures`` (3) wrong PINs in a row the trainer menu is locked
  for ``lock_seconds`` (30) read from an injected clock; a right PIN resets the count.
* :class:`TrainerSettings` are written as JSON (temp file + ``os.replace``) to
  ``<data dir>/participant-sessions/session-<id>.json``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from dataclasses import asdict, dataclass
from enum import StrEnum
from pathlib import Path

from ..atomicio import write_atomic
from ..clock import Clock
from ..errors import QuizError, StoreError
from ..userfile import read_user_json

__all__ = [
    "PIN_MAX",
    "PIN_MIN",
    "PinCheck",
    "PinHash",
    "PinLock",
    "TrainerSettings",
    "settings_path",
    "valid_pin",
]

PIN_MIN, PIN_MAX = 4, 8
_ITERATIONS = 20_000
SETTINGS_DIR = "participant-sessions"


def valid_pin(pin: str) -> bool:
    return PIN_MIN <= len(pin) <= PIN_MAX and pin.isascii() and pin.isdigit()


@dataclass(frozen=True)
class PinHash:
    salt: str  # hex
    digest: str  # hex

    @classmethod
    def make(cls, pin: str) -> PinHash:
        if not valid_pin(pin):
            raise ValueError("PIN harus 4-8 angka")
        salt = secrets.token_hex(16)
        return cls(salt, cls._digest(pin, salt))

    @staticmethod
    def _digest(pin: str, salt: str) -> str:
        return hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), _ITERATIONS).hex()

    def matches(self, pin: str) -> bool:
        return hmac.compare_digest(self._digest(pin, self.salt), self.digest)


class PinCheck(StrEnum):
    OK = "ok"
    WRONG = "wrong"
    LOCKED = "locked"


class PinLock:
    """Counts wrong PINs; locks for ``lock_seconds`` after ``max_failures`` in a row.

    ``pin`` None means no PIN was set (e.g. an attempt resumed without its settings):
    every check then passes.
    """

    def __init__(self, pin: PinHash | None, clock: Clock, *, max_failures: int = 3,
                 lock_seconds: float = 30.0) -> None:
        self.pin = pin
        self._clock = clock
        self.max_failures = max_failures
        self.lock_seconds = lock_seconds
        self._failures = 0
        self._locked_until: float | None = None

    @property
    def required(self) -> bool:
        return self.pin is not None

    def locked_for(self) -> float:
        """Seconds until the lock ends (0 when not locked)."""
        if self._locked_until is None:
            return 0.0
        left = self._locked_until - self._clock()
        if left <= 0:
            self._locked_until = None
            return 0.0
        return left

    @property
    def tries_left(self) -> int:
        return self.max_failures - self._failures

    def check(self, pin: str) -> PinCheck:
        if self.locked_for() > 0:
            return PinCheck.LOCKED
        if self.pin is None or self.pin.matches(pin):
            self._failures = 0
            return PinCheck.OK
        self._failures += 1
        if self._failures >= self.max_failures:
            self._failures = 0
            self._locked_until = self._clock() + self.lock_seconds
            return PinCheck.LOCKED
        return PinCheck.WRONG


@dataclass(frozen=True)
class TrainerSettings:
    """What the trainer chose for a session that the results database does not keep."""

    session_id: int
    source: str  # the bank or plan file run
    roster: str = ""  # roster file, "" for none
    guests: bool = False
    kiosk: bool = False
    pin_salt: str = ""
    pin_digest: str = ""

    @property
    def pin(self) -> PinHash | None:
        return PinHash(self.pin_salt, self.pin_digest) if self.pin_digest else None

    def save(self, data_dir: Path) -> Path:
        path = settings_path(data_dir, self.session_id)
        try:
            write_atomic(path, json.dumps(asdict(self), ensure_ascii=False, indent=1).encode())
        except OSError as exc:
            raise StoreError(
                f"Pengaturan sesi tidak dapat disimpan: {exc.strerror or exc}.", path
            ) from exc
        return path

    @classmethod
    def load(cls, data_dir: Path, session_id: int) -> TrainerSettings | None:
        """The saved settings, or None when missing or unreadable."""
        path = settings_path(data_dir, session_id)
        if not path.exists():
            return None
        try:
            data = read_user_json(path, max_bytes=64 * 1024, max_depth=4)
            if not isinstance(data, dict):
                return None
            settings = cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})
        except (QuizError, TypeError):
            return None
        types = {"session_id": int, "source": str, "roster": str, "guests": bool,
                 "kiosk": bool, "pin_salt": str, "pin_digest": str}
        if any(not isinstance(getattr(settings, k), t) for k, t in types.items()):
            return None
        return settings


def settings_path(data_dir: Path, session_id: int) -> Path:
    return Path(data_dir) / SETTINGS_DIR / f"session-{session_id}.json"
