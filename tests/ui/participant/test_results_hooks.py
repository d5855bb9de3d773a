"""The trainer reaches results and export: from the main window, and from the kiosk's
trainer menu (behind the PIN) with the running session already selected."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from quiz_app.ui.main_window import MainWindow
from quiz_app.ui.participant.launcher import Launcher
from quiz_app.ui.results.window import ResultsWindow
from tests.helpers.fakes import make_bank, make_plan

from .conftest import PIN, press

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_trainer_menu_opens_results_for_this_session(qtbot, tmp_path: Path, clock,
                                                     dialog_log) -> None:
    from quiz_app.ui.participant.session import SessionSetup

    launcher = Launcher(tmp_path / "data", None, clock)
    setup = SessionSetup(source=tmp_path / "bank.yaml", plan=make_plan(), banks=(make_bank(3),),
                         title="Sosialisasi Netralitas", pin=PIN, kiosk=True)
    window = launcher.start_session(setup)
    assert window is not None
    qtbot.addWidget(window)
    dialog_log.pins = [PIN, PIN]
    dialog_log.choices = ["results", "export"]
    press(qtbot, window, Qt.Key.Key_T, CTRL_SHIFT)
    results = window.findChildren(ResultsWindow)
    assert len(results) == 1
    with qtbot.waitSignal(results[0].session_loaded, timeout=10_000) as loaded:
        pass
    assert loaded.args == [window.session.record.id]
    press(qtbot, window, Qt.Key.Key_T, CTRL_SHIFT)  # "Ekspor": the same window, not a second
    assert len(window.findChildren(ResultsWindow)) == 1
    results[0].close()
    launcher.close()


def test_main_window_results_button(qtbot, tmp_path: Path) -> None:
    window = MainWindow(tmp_path / "data", None)
    qtbot.addWidget(window)
    window.results_button.click()
    results = window.findChildren(ResultsWindow)
    assert len(results) == 1 and results[0].isVisible()
    window.results_button.click()  # again: brought to the front, not opened twice
    assert len(window.findChildren(ResultsWindow)) == 1
    results[0].close()


def test_results_from_the_kiosk_come_to_the_front_and_the_kiosk_returns_after(
        qtbot, tmp_path: Path, clock, dialog_log) -> None:
    """Issue 11.11: the kiosk stays on top of everything, so the results window it opened
    was hidden behind it. It now comes on top (the participant's clock standing still
    meanwhile), and the kiosk takes the keyboard back when it closes."""
    from quiz_app.ui.participant.session import SessionSetup

    on_top = Qt.WindowType.WindowStaysOnTopHint
    launcher = Launcher(tmp_path / "data", None, clock)
    setup = SessionSetup(source=tmp_path / "bank.yaml", plan=make_plan(), banks=(make_bank(3),),
                         title="Sosialisasi Netralitas", pin=PIN, kiosk=True)
    window = launcher.start_session(setup)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    assert window.windowFlags() & on_top
    dialog_log.pins = [PIN]
    dialog_log.choices = ["results"]
    press(qtbot, window, Qt.Key.Key_T, CTRL_SHIFT)
    [results] = window.findChildren(ResultsWindow)
    qtbot.waitExposed(results)
    assert results.windowFlags() & on_top  # above the kiosk, not hidden behind it
    assert results.isVisible() and window.test_clock.is_paused
    qtbot.waitUntil(lambda: results.isActiveWindow())
    results.close()
    qtbot.waitUntil(lambda: not window.test_clock.is_paused)
    assert window.isFullScreen() and window.windowFlags() & on_top
    qtbot.waitUntil(lambda: window.isActiveWindow())
    launcher.close()


def test_ending_the_session_with_the_results_window_open(qtbot, tmp_path: Path, clock,
                                                        dialog_log) -> None:
    from quiz_app.ui.participant.session import SessionSetup

    launcher = Launcher(tmp_path / "data", None, clock)
    window = launcher.start_session(SessionSetup(
        source=tmp_path / "bank.yaml", plan=make_plan(), banks=(make_bank(3),),
        title="Sosialisasi", pin=PIN, kiosk=True))
    assert window is not None  # the launcher owns it (and deletes it once closed)
    dialog_log.pins = [PIN]
    dialog_log.choices = ["results"]
    press(qtbot, window, Qt.Key.Key_T, CTRL_SHIFT)
    [results] = window.findChildren(ResultsWindow)
    qtbot.waitExposed(results)
    with qtbot.waitSignal(window.session_closed, timeout=2000):
        window.end_session()
    qtbot.wait(50)  # the deferred "take the screen back" runs (or is dropped) cleanly
    assert launcher.windows == []
    launcher.close()
