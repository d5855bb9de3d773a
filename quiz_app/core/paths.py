"""Where user data and the cache live. No Qt here: the CLI needs it too.

Data dir: ``--data-dir`` > ``QUIZ_APP_DATA_DIR`` > the OS app-data folder.
Cache dir: ``QUIZ_APP_CACHE_DIR`` > ``cache/`` in a data dir that was given > the OS cache
folder (``XDG_CACHE_HOME`` on Linux).
Settings (language, set-up form, file-dialog history): ``settings/`` in a data dir that was
given, else the OS settings store (``~/.config`` on Linux).

A data dir given with ``--data-dir`` (the CLI puts it into ``QUIZ_APP_DATA_DIR``) or
``QUIZ_APP_DATA_DIR`` holds *all* the app's state: tests and a portable install on a USB
stick need one folder.
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


def given_data_dir() -> Path | None:
    """The data dir given by ``--data-dir`` or ``QUIZ_APP_DATA_DIR``; None for the default."""
    env = os.environ.get("QUIZ_APP_DATA_DIR")
    return Path(env).expanduser() if env else None


def settings_dir() -> Path | None:
    """Where the settings go when a data dir was given; None: the OS settings store."""
    given = given_data_dir()
    return given / "settings" if given is not None else None


def cache_dir() -> Path:
    env = os.environ.get("QUIZ_APP_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    given = given_data_dir()
    if given is not None:
        return given / "cache"
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "KuisASN" / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "KuisASN"
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / APP_DIR_NAME
