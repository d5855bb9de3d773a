"""A crashed presentation resumes where it was; sounds are optional and off by default."""

from __future__ import annotations

import dataclasses
import os
import sqlite3
import subprocess
import sys
import time
import types
import wave
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from quiz_app.core.banks import assets_dir
from quiz_app.core.hall import Phase, find_resumable
from quiz_app.core.results import DB_FILENAME
from quiz_app.ui import dialogs
from quiz_app.ui.presenter import controller as controller_mod
from quiz_app.ui.presenter import launch
from quiz_app.ui.presenter.sound import SOUND_FILES, SoundPlayer
from tests.ui.presenter.conftest import type_keys

TEAMS = ["Meja 1", "Meja 2"]
REAL_CONFIRM = dialogs.confirm  # read at import, before any test patches the seam


def test_a_crashed_presentation_resumes_at_its_question(open_presenter, hall_files, clock, qtbot,
                                                        dialog_log, tmp_path):
    p = open_presenter(hall_files, TEAMS)
    c = p.controller
    type_keys(qtbot, p.console, " ")
    clock.advance(2)
    type_keys(qtbot, p.console, "1a")
    type_keys(qtbot, p.console, "\n>>")  # reveal, leaderboard, question 2
    type_keys(qtbot, p.console, " ")
    clock.advance(3)
    type_keys(qtbot, p.console, "2b")
    clock.advance(5)
    c.tick()  # the periodic save: 8 s used on question 2
    # the laptop crashes: no close, no finish; only the files on disk remain
    c.timer.stop()
    c.session.store.close()
    c.session.store = None

    assert len(find_resumable(tmp_path / "data", hall_files)) == 1
    dialog_log.confirms = [True]
    again = open_presenter(hall_files, ["Lain"])  # the saved teams win
    assert "terhenti pada soal 2 dari 5" in dialog_log.asked[-1]
    game = again.controller.game
    assert game.index == 1 and game.phase is Phase.PAUSED
    assert [t.name for t in game.participants] == TEAMS
    assert game.elapsed() == 8.0
    assert game.answer("tim-02").choice == {"B"}
    assert again.audience.stack.currentWidget() is again.audience.question_page
    assert again.audience.dial.seconds_shown() == 12
    assert "Jeda" in again.audience.visible_text()
    type_keys(qtbot, again.console, " ")
    clock.advance(1)
    type_keys(qtbot, again.console, "1a")
    assert game.answer("tim-01").time_taken == 9.0
    again.controller.end(ask=False)
    con = sqlite3.connect(tmp_path / "data" / DB_FILENAME)
    try:
        statuses = con.execute("SELECT status FROM attempts").fetchall()
    finally:
        con.close()
    assert statuses == [("finished",), ("finished",)]
    assert find_resumable(tmp_path / "data") == []


def test_declining_the_resume_starts_afresh(open_presenter, hall_files, qtbot, dialog_log,
                                            tmp_path):
    p = open_presenter(hall_files, TEAMS)
    type_keys(qtbot, p.console, " ")
    p.controller.timer.stop()
    dialog_log.confirms = [False]
    again = open_presenter(hall_files, ["Dinkes"])
    assert again.controller.game.index == 0 and again.controller.game.phase is Phase.READY
    assert [t.name for t in again.controller.game.participants] == ["Dinkes"]
    con = sqlite3.connect(tmp_path / "data" / DB_FILENAME)
    try:
        statuses = sorted(con.execute("SELECT status FROM attempts").fetchall())
    finally:
        con.close()
    assert statuses == [("abandoned",), ("abandoned",), ("in_progress",)]


def test_closing_the_console_asks_and_keeps_the_presentation_resumable(open_presenter,
                                                                       hall_files, dialog_log,
                                                                       tmp_path):
    p = open_presenter(hall_files, TEAMS)
    p.controller.start()
    dialog_log.confirms = [False]
    p.console.close()
    assert p.console.isVisible()
    dialog_log.confirms = [True]
    p.console.close()
    assert not p.console.isVisible() and not p.audience.isVisible()
    assert len(find_resumable(tmp_path / "data", hall_files)) == 1


def test_the_sound_files_are_short_wavs_made_by_the_generator(tmp_path):
    folder = assets_dir() / "sounds"
    for name in SOUND_FILES.values():
        with wave.open(str(folder / name)) as w:
            seconds = w.getnframes() / w.getframerate()
            assert w.getnchannels() == 1 and w.getsampwidth() == 2
            assert 0.02 < seconds < 1.0
    subprocess.run([sys.executable, "-c",
                    "import sys, runpy; g = runpy.run_path(sys.argv[1]); "
                    "g['main'](__import__('pathlib').Path(sys.argv[2]))",
                    str(folder / "generate.py"), str(tmp_path)], check=True)
    for name in SOUND_FILES.values():
        assert (tmp_path / name).read_bytes() == (folder / name).read_bytes()


def test_without_a_sound_backend_the_toggle_is_disabled_with_a_reason(open_presenter,
                                                                       hall_files):
    p = open_presenter(hall_files, TEAMS, sound=SoundPlayer(backend="none"))
    check = p.console.sound_check
    assert not check.isEnabled() and not check.isChecked()
    assert "kuis-asn[sound]" in check.toolTip()
    assert not p.controller.sound.play("time_up")


class RecordingPlayer(SoundPlayer):
    def __init__(self) -> None:
        super().__init__(backend="none")
        self.backend = "test"
        self.played: list[str] = []

    def play(self, name: str) -> bool:
        if not self.enabled:
            return False
        self.played.append(name)
        return True


def test_ticks_in_the_last_five_seconds_and_a_beep_at_time_up(open_presenter, hall_files, clock,
                                                              qtbot):
    player = RecordingPlayer()
    p = open_presenter(hall_files, TEAMS, sound=player)
    c = p.controller
    assert p.console.sound_check.isEnabled() and not player.enabled  # off by default
    qtbot.keyClick(p.console, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert player.enabled and p.console.sound_check.isChecked()
    c.start()
    for _ in range(44):  # 22 s in half-second ticks
        clock.advance(0.5)
        c.tick()
    assert player.played == ["tick"] * 5 + ["time_up"]


def test_sound_stays_silent_when_switched_off(open_presenter, hall_files, clock):
    player = RecordingPlayer()
    p = open_presenter(hall_files, TEAMS, sound=player)
    p.controller.start()
    clock.advance(21)
    p.controller.tick()
    assert player.played == []


def test_winsound_backend_plays_asynchronously(monkeypatch, tmp_path):
    calls = []
    fake = types.SimpleNamespace(SND_FILENAME=1, SND_ASYNC=2, SND_NODEFAULT=4,
                                 PlaySound=lambda path, flags: calls.append((path, flags)))
    monkeypatch.setitem(sys.modules, "winsound", fake)
    player = SoundPlayer(backend="winsound", folder=tmp_path)
    assert player.available
    assert not player.play("tick")  # off by default
    player.enabled = True
    assert player.play("time_up")
    assert calls == [(str(tmp_path / "waktu_habis.wav"), 7)]


def test_the_controller_module_never_sleeps():
    source = Path(controller_mod.__file__).read_text(encoding="utf-8")
    assert "sleep(" not in source



def test_one_enter_on_the_resume_question_resumes(open_presenter, hall_files, qtbot,
                                                  monkeypatch, tmp_path):
    """The real dialog: "Ya" is the default button, and the time is local, not UTC."""
    p = open_presenter(hall_files, TEAMS)
    type_keys(qtbot, p.console, " ")
    p.controller.timer.stop()
    p.controller.session.store.close()
    p.controller.session.store = None
    saved = find_resumable(tmp_path / "data", hall_files)[0]
    saved = dataclasses.replace(saved, updated_at="2025-03-04T07:05:00+00:00")
    seen: list[str] = []

    def press_enter() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        qtbot.keyClick(box, Qt.Key.Key_Return)

    old_tz = os.environ.get("TZ")
    os.environ["TZ"] = "WIB-7"  # UTC+7, Western Indonesia Time
    time.tzset()
    try:
        with monkeypatch.context() as m:
            m.setattr(dialogs, "confirm", REAL_CONFIRM)  # the real dialog, not the double
            QTimer.singleShot(0, press_enter)
            resumed = launch._offer_resume(None, saved)
    finally:
        if old_tz is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = old_tz
        time.tzset()
    assert resumed is True  # the default button is "Ya"
    assert "4 Maret 2025 pukul 14.05" in seen[0] and "UTC" not in seen[0]
