"""The trainer's PIN, asked through the dialogs seam and counted by a
:class:`~quiz_app.core.quiz.PinLock` (three wrong in a row lock it for 30 s): one sequence
for the kiosk's trainer menu and for cancelling an unfinished test from the launcher."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from ...core.quiz import PinCheck, PinLock
from .. import dialogs


@dataclass(frozen=True)
class PinTexts:
    """What the dialogs say, translated by the caller (each in its own context).
    ``locked``, ``locked_now`` take the seconds left, ``wrong`` the tries left."""

    title: str  # of the PIN dialog
    prompt: str
    locked_title: str
    locked: str  # asked while the lock is on
    locked_now: str  # this wrong PIN turned the lock on
    wrong_title: str
    wrong: str


def check_pin(parent: QWidget | None, lock: PinLock, texts: PinTexts) -> bool:
    """True when no PIN is needed or the trainer typed it right; a refusal, a cancel or a
    lock-out is told (or, for a cancel, not) and gives False."""
    if not lock.required:
        return True
    left = lock.locked_for()
    if left > 0:
        dialogs.show_message(parent, texts.locked_title, texts.locked.format(math.ceil(left)))
        return False
    pin = dialogs.ask_pin(parent, texts.title, texts.prompt)
    if pin is None:
        return False
    outcome = lock.check(pin)
    if outcome is PinCheck.OK:
        return True
    if outcome is PinCheck.LOCKED:
        dialogs.show_message(parent, texts.locked_title,
                             texts.locked_now.format(math.ceil(lock.locked_for())))
    else:
        dialogs.show_message(parent, texts.wrong_title, texts.wrong.format(lock.tries_left))
    return False
