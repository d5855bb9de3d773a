"""A whole team game keyed on the trainer console, as in a hall."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt

from quiz_app.core.hall import Phase
from quiz_app.core.results import DB_FILENAME
from tests.ui.presenter.conftest import type_keys

TEAMS = ["Dinkes", "Bappeda", "BKPSDM"]


def rows(data: Path) -> list[tuple]:
    con = sqlite3.connect(data / DB_FILENAME)
    try:
        return con.execute(
            "SELECT p.name, p.nip, w.question_id, w.choice_json, w.time_taken, w.revision"
            " FROM answers w JOIN attempts a ON a.attempt_key = w.attempt_key"
            " JOIN participants p ON p.id = a.participant_id ORDER BY p.name, w.question_id"
        ).fetchall()
    finally:
        con.close()


def test_five_question_team_game_keyed_on_the_console(open_presenter, hall_files, clock, qtbot,
                                                      tmp_path):
    p = open_presenter(hall_files, TEAMS)
    console, audience, c = p.console, p.audience, p.controller
    game = c.game

    def keys(text: str, wait: float = 0.0) -> None:
        clock.advance(wait)
        type_keys(qtbot, console, text)

    # Q1: Dinkes right at 2 s, Bappeda wrong at 4 s, BKPSDM right at 10 s
    assert audience.stack.currentWidget() is audience.ready_page
    keys(" ")
    assert game.phase is Phase.RUNNING
    keys("1a", 2)
    keys("2b", 2)
    keys("3a", 6)
    assert console.team_rows[0].buttons["A"].isChecked()
    assert console.team_rows[1].buttons["B"].isChecked()
    keys("\n")
    assert game.phase is Phase.REVEALED
    keys(">")
    assert audience.stack.currentWidget() is audience.board_page
    assert audience.board.visible_text() == ["1. Dinkes 950", "2. BKPSDM 750", "3. Bappeda 0"]
    keys(">")

    # Q2: Bappeda right at 2 s, Dinkes at 4 s; a correction by letter only (no number)
    keys(" ")
    keys("2c", 1)
    keys("a", 1)  # same team again: replaces C
    keys("1a", 2)
    keys("\n", 3)
    keys(">")
    board = audience.board.rows
    assert [(r.name, r.change) for r in board] == [("Dinkes", 0), ("Bappeda", 1), ("BKPSDM", -1)]
    keys(">")

    # Q3: pause freezes the time of the answers keyed afterwards
    keys(" ")
    keys("3a", 2)
    keys(" ", 3)  # pause at 5 s
    assert game.phase is Phase.PAUSED
    clock.advance(30)
    c.tick()
    assert audience.dial.seconds_shown() == 15
    keys(" ")  # resume
    keys("1a", 3)
    keys("2d", 1)
    keys("\n")
    keys(">>")

    # Q4: +10 s on the console key, an answer in the extra time
    keys(" ")
    keys("+", 15)
    keys("2a", 10)  # 25 s: only accepted thanks to the +10 s
    assert game.answer("tim-02").time_taken == 25.0
    keys("\n")
    keys(">>")

    # Q5: time runs out; a late key is refused and said so on the console
    keys(" ")
    keys("1a", 19)
    clock.advance(1.5)
    c.tick()
    assert game.phase is Phase.TIME_UP
    assert "Waktu habis!" in audience.visible_text()
    keys("2a")
    assert "tidak diterima" in console.status.text()
    keys("\n")
    keys(">")
    assert game.phase is Phase.FINISHED
    assert audience.stack.currentWidget() is audience.final_page
    assert audience.final_board.visible_text() == [
        "1. Dinkes 3.175", "2. BKPSDM 1.700", "3. Bappeda 1.450"]
    # nilai: Dinkes 4/5 right = 80, Bappeda and BKPSDM 2/5 = 40 → mean 53,33
    assert "Rata-rata nilai sesi: 53,33" in audience.visible_text()

    q = ["h1", "h2", "h3", "h4", "h5"]
    assert rows(tmp_path / "data") == [
        ("BKPSDM", None, q[0], '["A"]', 10.0, 1),
        ("BKPSDM", None, q[1], "[]", 7.0, 1),
        ("BKPSDM", None, q[2], '["A"]', 2.0, 1),
        ("BKPSDM", None, q[3], "[]", 25.0, 1),
        ("BKPSDM", None, q[4], "[]", 20.0, 1),
        ("Bappeda", None, q[0], '["B"]', 4.0, 1),
        ("Bappeda", None, q[1], '["A"]', 2.0, 2),  # the correction replaced C
        ("Bappeda", None, q[2], '["D"]', 9.0, 1),
        ("Bappeda", None, q[3], '["A"]', 25.0, 1),
        ("Bappeda", None, q[4], "[]", 20.0, 1),
        ("Dinkes", None, q[0], '["A"]', 2.0, 1),
        ("Dinkes", None, q[1], '["A"]', 4.0, 1),
        ("Dinkes", None, q[2], '["A"]', 8.0, 1),
        ("Dinkes", None, q[3], "[]", 25.0, 1),
        ("Dinkes", None, q[4], '["A"]', 19.0, 1),
    ]


def test_grid_buttons_key_answers_too(open_presenter, hall_files, clock, qtbot):
    p = open_presenter(hall_files, TEAMS)
    console, c = p.console, p.controller
    assert not console.team_rows[0].buttons["A"].isEnabled()  # not started yet
    c.start()
    clock.advance(3)
    qtbot.mouseClick(console.team_rows[2].buttons["C"], Qt.MouseButton.LeftButton)
    rec = c.game.answer("tim-03")
    assert rec.choice == {"C"} and rec.time_taken == 3.0
    assert console.team_rows[2].buttons["C"].isChecked()
    assert "BKPSDM: C" in console.status.text()


def test_delete_withdraws_a_team_answer_and_escape_clears_the_number(open_presenter, hall_files,
                                                                      qtbot):
    p = open_presenter(hall_files, TEAMS)
    console, c = p.console, p.controller
    c.start()
    type_keys(qtbot, console, "2b")
    assert c.game.answer("tim-02").choice == {"B"}
    type_keys(qtbot, console, "2")
    assert "Bappeda" in console.entry_label.text()
    qtbot.keyClick(console, Qt.Key.Key_Delete)
    assert c.game.answer("tim-02").choice == frozenset()
    assert c.game.answered() == {}
    type_keys(qtbot, console, "3")
    qtbot.keyClick(console, Qt.Key.Key_Escape)
    assert c.entry.pending == ""


def test_keys_typed_on_the_audience_view_reach_the_console(open_presenter, hall_files, qtbot):
    """On a single screen the audience view has the focus; typing still works."""
    p = open_presenter(hall_files, TEAMS)
    type_keys(qtbot, p.audience, " 1b")
    assert p.controller.game.answer("tim-01").choice == {"B"}
    assert p.console.team_rows[0].buttons["B"].isChecked()


def test_ending_asks_first(open_presenter, hall_files, qtbot, dialog_log):
    p = open_presenter(hall_files, TEAMS)
    dialog_log.confirms = [False]
    qtbot.keyClick(p.console, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert p.controller.game.phase is Phase.READY
    dialog_log.confirms = [True]
    with qtbot.waitSignal(p.controller.finished, timeout=1000):
        qtbot.keyClick(p.console, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert p.audience.stack.currentWidget() is p.audience.final_page


def test_a_discussion_shows_times_and_reveals(open_presenter, hall_files, clock, qtbot):
    p = open_presenter(hall_files, None, discussion=True)
    console, audience, c = p.console, p.audience, p.controller
    assert not console.team_box.isVisibleTo(console) and console.discussion_label.isVisibleTo(
        console)
    type_keys(qtbot, console, " ")
    type_keys(qtbot, console, "1a")
    assert "tidak mengumpulkan" not in console.status.text()  # letters simply do nothing
    clock.advance(5)
    type_keys(qtbot, console, "\n")
    assert "Jawaban benar: A" in audience.visible_text()
    type_keys(qtbot, console, ">")
    assert c.game.phase is Phase.READY and c.game.index == 1  # no leaderboard
    c.end(ask=False)
    assert "1 soal telah dibahas" in audience.visible_text()
