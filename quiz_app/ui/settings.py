"""Where Qt keeps the app's settings, and the few values the app remembers.

When a data dir was given (``--data-dir`` or ``QUIZ_APP_DATA_DIR``), every ``QSettings``
(ours, and Qt's own ``QtProject`` file-dialog history) is an INI file under
``<data dir>/settings/`` instead of ``~/.config`` (or the Windows registry): tests and a
portable install keep all their state in one folder. Without one, the OS default applies.

The remembered values are a few short strings in a small INI file, read and written on
the GUI thread like any QSettings (no store or bank access happens here).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from ..core import paths

_configured: Path | None = None


def use_data_dir_settings() -> Path | None:
    """Point QSettings at ``<data dir>/settings`` when a data dir was given; return it.

    Call before the first ``QSettings`` is created (``create_app`` does). Calling it again
    after the data dir changed (tests do) moves the settings along.
    """
    global _configured
    folder = paths.settings_dir()
    if folder is None:
        return None
    if folder != _configured:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
        _configured = folder
    return folder


# --------------------------------------------------------------------------- the set-up form

SETUP_GROUP = "setup"
# What the participant set-up remembers between sessions (never the PIN or the roster).
SETUP_KEYS = ("place", "trainer", "guests", "kiosk")


def recall_setup() -> dict[str, str | bool]:
    """The set-up values saved by :func:`remember_setup` (missing ones left out)."""
    settings = QSettings()
    settings.beginGroup(SETUP_GROUP)
    out: dict[str, str | bool] = {}
    for key in SETUP_KEYS:
        if settings.contains(key):
            value = settings.value(key)
            if key in ("guests", "kiosk"):
                out[key] = str(value).lower() in ("true", "1")
            else:
                out[key] = str(value)
    settings.endGroup()
    return out


def remember_setup(values: dict[str, str | bool]) -> None:
    settings = QSettings()
    settings.beginGroup(SETUP_GROUP)
    for key in SETUP_KEYS:
        if key in values:
            settings.setValue(key, values[key])
    settings.endGroup()
