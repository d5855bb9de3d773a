"""Where user data and the cache live. No Qt here: the CLI needs it too.

Data dir: ``--data-dir`` > ``QUIZ_APP_DATA_DIR`` > the OS app-data folder.
Cache dir: ``QUIZ_APP_CACHE_DIR`` > the OS cache folder (``XDG_CACHE_HOME`` on Linux).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "kuis-asn"


def default_data_dir() -> Path:
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
        return base / "KuisASN"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "KuisASN"
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_DIR_NAME


def data_dir(explicit: str | Path | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("QUIZ_APP_DATA_DIR")
    return Path(env).expanduser() if env else default_data_dir()


def cache_dir() -> Path:
    env = os.environ.get("QUIZ_APP_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "KuisASN" / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "KuisASN"
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / APP_DIR_NAME
