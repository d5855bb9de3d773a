"""UI languages: Bahasa Indonesia (the source language) and English.

Source strings are Indonesian literals in ``self.tr(...)`` / ``QCoreApplication.translate``.
The English catalogue is ``assets/translations/kuis_en.ts`` (made with ``pyside6-lupdate``
from ``quiz_app/ui``), compiled to ``kuis_en.qm`` with ``pyside6-lrelease``; both ship.
Workflow: ``docs/participant-mode.md`` (``python -m quiz_app.ui.i18n``); a test regenerates
the catalogue from the sources and fails on any string without an English translation.

Qt's own strings: Qt ships no Indonesian ``qtbase_id.qm`` (checked in PySide6 6.12 and
Debian's qt6-translations-l10n), so we ship one for the Qt strings the app shows: file
dialogs, standard buttons, text-box and scroll-bar context menus, message-box details
(``assets/translations/qtbase_id.ts``, compiled with the same command). Our dialogs also set
their button labels ("Ya", "Tidak", "Batal") themselves. If a later Qt ships its own
``qtbase_id.qm``, that one is loaded instead.

Choice of language: ``--lang`` > ``QUIZ_APP_LANG`` > setting ``ui/language`` > ``id`` (the setting
lives under the data dir when one is given: see ``ui/settings.py``).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from ..core.banks import assets_dir

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
CATALOGUE = "kuis"
QT_CATALOGUE_ID = "qtbase_id"  # ours: Indonesian for Qt's own strings


def translations_dir() -> Path:
    return assets_dir() / "translations"


def choose_language(explicit: str | None = None) -> str:
    for value in (explicit, os.environ.get("QUIZ_APP_LANG"),
                  QSettings().value("ui/language", "", str)):
        if value:
            code = str(value).strip().lower()[:2]
            if code in LANGUAGES:
                return code
    return DEFAULT_LANGUAGE


def save_language(language: str) -> None:
    QSettings().setValue("ui/language", language)


def install_translators(app: QApplication, language: str = DEFAULT_LANGUAGE) -> list[QTranslator]:
    """Install Qt's and our catalogues for ``language``; keep the returned list alive."""
    translators: list[QTranslator] = []
    locale = QLocale(QLocale.Language.Indonesian if language == "id" else
                     QLocale.Language.English,
                     QLocale.Country.Indonesia if language == "id" else
                     QLocale.Country.UnitedStates)
    QLocale.setDefault(locale)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", qt_dir) or (
            language == DEFAULT_LANGUAGE and qt.load(QT_CATALOGUE_ID, str(translations_dir()))):
        app.installTranslator(qt)
        translators.append(qt)
    if language != DEFAULT_LANGUAGE:
        ours = QTranslator(app)
        if ours.load(f"{CATALOGUE}_{language}", str(translations_dir())):
            app.installTranslator(ours)
            translators.append(ours)
    return translators


def remove_translators(app: QApplication, translators: list[QTranslator]) -> None:
    for tr in translators:
        app.removeTranslator(tr)


# --------------------------------------------------------------------------- catalogue tools


def _qt_tool(name: str) -> Path:
    import PySide6

    folder = Path(PySide6.__file__).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"{name} tidak ditemukan di {folder}; pasang PySide6 lengkap")


def ui_sources() -> list[Path]:
    """Every Python file under ``quiz_app/ui`` (what lupdate scans)."""
    root = Path(__file__).resolve().parent
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def lupdate(ts_file: Path, sources: list[Path] | None = None) -> str:
    """Merge the source strings into ``ts_file`` (new ones unfinished, vanished ones dropped)."""
    import subprocess

    files = [str(p) for p in (sources or ui_sources())]
    out = subprocess.run([str(_qt_tool("lupdate")), "-silent", "-no-obsolete", "-locations",
                          "none", "-source-language", "id_ID", "-target-language", "en_US",
                          *files, "-ts", str(ts_file)],
                         capture_output=True, text=True, check=True)
    return out.stdout + out.stderr


def lrelease(ts_file: Path, qm_file: Path) -> None:
    import subprocess

    subprocess.run([str(_qt_tool("lrelease")), "-silent", str(ts_file), "-qm", str(qm_file)],
                   capture_output=True, text=True, check=True)


def untranslated(ts_file: Path) -> list[tuple[str, str]]:
    """``(context, source)`` of every message without a finished translation."""
    import xml.etree.ElementTree as ET

    missing = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            tr = message.find("translation")
            if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or \
                    not (tr.text or "").strip():
                if tr is not None and tr.get("type") in ("vanished", "obsolete"):
                    continue
                missing.append((name, message.findtext("source", "")))
    return missing


def update_catalogues() -> int:
    """``python -m quiz_app.ui.i18n``: refresh ``kuis_en.ts`` from the sources, compile the
    ``.qm``, and list what still needs an English translation (edit the .ts, e.g. with
    ``pyside6-linguist``, then run this again)."""
    folder = translations_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES[1:]:
        ts = folder / f"{CATALOGUE}_{language}.ts"
        lupdate(ts)
        lrelease(ts, ts.with_suffix(".qm"))
        for context, source in untranslated(ts):
            print(f"{ts.name}: belum diterjemahkan: [{context}] {source}")
    qt_ts = folder / f"{QT_CATALOGUE_ID}.ts"  # edited by hand: Qt's strings, not lupdate's
    lrelease(qt_ts, qt_ts.with_suffix(".qm"))
    for context, source in untranslated(qt_ts):
        print(f"{qt_ts.name}: belum diterjemahkan: [{context}] {source}")
    return 0


if __name__ == "__main__":
    raise SystemExit(update_catalogues())
