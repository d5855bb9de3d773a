"""The trainer console after a question closes: each team's letter stays, marked right or
wrong; stale prompts go; a letter for a team that does not exist says why; after the end
the console shows the final state and opens the results."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton

from quiz_app.core.hall import Phase
from tests.ui.presenter.conftest import type_keys

TEAMS = ["Dinkes", "Bappeda", "BKPSDM"]


def fill(button: QPushButton) -> QColor:
    """The background the trainer sees: a pixel inside the button, left of its letter."""
    image = button.grab().toImage()
    return image.pixelColor(4, image.height() // 2)


def test_letters_stay_visible_and_marked_after_time_up_and_reveal(open_presenter, hall_files,
                                                                  clock, qtbot):
    p = open_presenter(hall_files, TEAMS)
    console, c = p.console, p.controller
    console.resize(1366, 768)
    console.show()
    type_keys(qtbot, console, " ")
    clock.advance(2)
    type_keys(qtbot, console, "1a2b")  # Dinkes right, Bappeda wrong, BKPSDM silent
    clock.advance(20)
    c.tick()
    assert c.game.phase is Phase.TIME_UP
    for phase_name in ("time up", "reveal"):
        dinkes, bappeda, bkpsdm = console.team_rows
        plain = fill(bkpsdm.buttons["B"])  # a letter nobody chose
        right, wrong = fill(dinkes.buttons["A"]), fill(bappeda.buttons["B"])
        assert right != plain and wrong != plain and right != wrong, phase_name
        assert dinkes.buttons["A"].property("mark") == "right"
        assert bappeda.buttons["B"].property("mark") == "wrong"
        assert "✔" in dinkes.time_label.text() and "✘" in bappeda.time_label.text()
        assert bkpsdm.time_label.text() == ""
        c.reveal()


def test_stale_prompts_are_cleared_when_the_question_closes(open_presenter, hall_files, clock,
                                                            qtbot):
    p = open_presenter(hall_files, TEAMS)
    console, c = p.console, p.controller
    type_keys(qtbot, console, " ")
    type_keys(qtbot, console, "1a2a3a")
    c.tick()
    assert "Semua tim sudah menjawab" in console.status.text()
    type_keys(qtbot, console, "\n")
    assert "Semua tim sudah menjawab" not in console.status.text()
    type_keys(qtbot, console, ">>")
    clock.advance(1)
    type_keys(qtbot, console, " ")
    clock.advance(25)
    c.tick()
    assert console.status.text() == "Waktu habis."
    type_keys(qtbot, console, "\n>")
    assert console.status.text() == ""  # "Waktu habis." belonged to the last question


def test_a_letter_for_a_team_that_does_not_exist_says_why(open_presenter, hall_files, qtbot):
    p = open_presenter(hall_files, TEAMS)
    console = p.console
    type_keys(qtbot, console, " 9a")
    assert console.status.text() == (
        "Jawaban 9A tidak disimpan: tidak ada tim nomor 9 (tim bernomor 1–3).")
    assert p.controller.game.answered() == {}


def test_after_ending_the_console_shows_the_final_ranking_and_opens_the_results(
        open_presenter, hall_files, clock, qtbot, dialog_log):
    from quiz_app.ui.results import ResultsWindow

    p = open_presenter(hall_files, TEAMS)
    console, c = p.console, p.controller
    type_keys(qtbot, console, " ")
    clock.advance(2)
    type_keys(qtbot, console, "2a1b")
    type_keys(qtbot, console, "\n>>")
    c.end(ask=False)
    assert not console.current_box.isVisibleTo(console)
    assert not console.next_box.isVisibleTo(console)
    assert console.final_box.isVisibleTo(console)
    text = console.final_ranking.text()
    assert text.splitlines()[0].startswith("1. Bappeda")
    assert "(dari 1 soal yang ditayangkan)" in console.final_summary.text()
    assert console.results_button.isVisibleTo(console) and console.results_button.isEnabled()
    console.results_button.click()
    window = p.results_window
    assert isinstance(window, ResultsWindow)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.session_loaded, timeout=10_000) as got:
        pass
    assert got.args == [c.session.session_id]
