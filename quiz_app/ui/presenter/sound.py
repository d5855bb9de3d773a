"""Optional sounds: a soft beep at time-up and a subtle tick in the last five seconds.

Off by default. Qt's sound needs QtMultimedia, which ships in PySide6-Addons (about
59 MB to download, 160 MB installed), not in PySide6-Essentials. So the player degrades:

1. QtMultimedia (``QSoundEffect``) when installed (``pip install "kuis-asn[sound]"``);
2. otherwise on Windows the standard library's ``winsound`` (asynchronous WAV playback);
3. otherwise no sound: the console's sound toggle is disabled with a tooltip saying why.
"""

from __future__ import annotations

import importlib
import logging
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from ...core.banks import assets_dir

log = logging.getLogger(__name__)

SOUND_FILES = {"time_up": "waktu_habis.wav", "tick": "detik.wav"}


def sounds_dir() -> Path:
    return assets_dir() / "sounds"


def _import(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


class SoundPlayer:
    """Plays the two presenter sounds if any backend is available.

    ``backend`` may be forced (``"qt"``, ``"winsound"``, ``"none"``) for tests.
    """

    def __init__(self, backend: str | None = None, folder: Path | None = None) -> None:
        self.folder = folder or sounds_dir()
        self.enabled = False
        self.backend = "none"
        self.reason = ""
        self._effects: dict[str, Any] = {}
        self._winsound: ModuleType | None = None
        choice = backend or self._detect()
        if choice == "qt":
            self._init_qt()
        elif choice == "winsound":
            self._init_winsound()
        else:
            self.reason = ("Suara tidak tersedia: pasang paket tambahan dengan "
                           "pip install \"kuis-asn[sound]\" (PySide6-Addons, QtMultimedia).")

    @staticmethod
    def _detect() -> str:
        if _import("PySide6.QtMultimedia") is not None:
            return "qt"
        if sys.platform == "win32" and _import("winsound") is not None:
            return "winsound"
        return "none"

    @property
    def available(self) -> bool:
        return self.backend != "none"

    def path(self, name: str) -> Path:
        return self.folder / SOUND_FILES[name]

    def _init_qt(self) -> None:
        multimedia = _import("PySide6.QtMultimedia")
        if multimedia is None:
            self.reason = "QtMultimedia tidak dapat dimuat."
            return
        from PySide6.QtCore import QUrl

        for name in SOUND_FILES:
            effect = multimedia.QSoundEffect()
            effect.setSource(QUrl.fromLocalFile(str(self.path(name))))
            effect.setVolume(0.5 if name == "time_up" else 0.25)
            self._effects[name] = effect
        self.backend = "qt"

    def _init_winsound(self) -> None:
        self._winsound = _import("winsound")
        if self._winsound is None:
            self.reason = "winsound tidak tersedia."
            return
        self.backend = "winsound"

    def play(self, name: str) -> bool:
        """Play a sound if enabled and available. Returns whether it was started."""
        if not self.enabled or not self.available:
            return False
        if self.backend == "qt":
            self._effects[name].play()
            return True
        ws = self._winsound
        assert ws is not None
        try:
            ws.PlaySound(str(self.path(name)),
                         ws.SND_FILENAME | ws.SND_ASYNC | ws.SND_NODEFAULT)
        except RuntimeError as exc:  # the sound device is busy or missing
            log.warning("suara tidak dapat diputar: %s", exc)
            return False
        return True
