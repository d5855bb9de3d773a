"""Translations: the English catalogue covers every UI string, fresh from the sources."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from quiz_app.ui import i18n
from quiz_app.ui.participant.entry_screens import InstructionsScreen

TS = i18n.translations_dir() / "kuis_en.ts"
QM = i18n.translations_dir() / "kuis_en.qm"


@pytest.fixture(scope="module")
def fresh_ts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed catalogue merged with the strings lupdate finds in quiz_app/ui now."""
    ts = tmp_path_factory.mktemp("i18n") / "kuis_en.ts"
    shutil.copy(TS, ts)
    i18n.lupdate(ts)
    return ts


def test_every_ui_string_has_an_english_translation(fresh_ts: Path) -> None:
    missing = i18n.untranslated(fresh_ts)
    assert missing == [], (
        "UI strings without an English translation: run `python -m quiz_app.ui.i18n`, "
        f"translate them in {TS} (e.g. pyside6-linguist) and run it again: {missing}")


def test_compiled_catalogue_is_up_to_date(tmp_path: Path) -> None:
    qm = tmp_path / "kuis_en.qm"
    i18n.lrelease(TS, qm)
    assert qm.read_bytes() == QM.read_bytes(), "run `python -m quiz_app.ui.i18n`"


def test_a_new_untranslated_string_is_caught(tmp_path: Path) -> None:
    extra = tmp_path / "baru.py"
    extra.write_text("class Baru:\n    def f(self):\n        return self.tr('Kalimat baru')\n",
                     encoding="utf-8")
    ts = tmp_path / "kuis_en.ts"
    shutil.copy(TS, ts)
    i18n.lupdate(ts, [*i18n.ui_sources(), extra])
    assert i18n.untranslated(ts) == [("Baru", "Kalimat baru")]


def test_english_ui(qtbot, monkeypatch) -> None:
    app = QApplication.instance()
    translator = QTranslator()
    assert translator.load(str(QM))
    app.installTranslator(translator)
    try:
        screen = InstructionsScreen()
        qtbot.addWidget(screen)
        assert screen.title.text() == "Instructions"
        assert screen.start_button.text() == "Start the test  (Enter)"
    finally:
        app.removeTranslator(translator)
    monkeypatch.setenv("QUIZ_APP_LANG", "en")
    assert i18n.choose_language() == "en"
    assert i18n.choose_language("id") == "id"
    monkeypatch.setenv("QUIZ_APP_LANG", "xx")
    assert i18n.choose_language() == "id"
