"""Skipping voids a question (and asks first when answers would be thrown away); ending
early scores over the questions shown and says so; the first leaderboard has no arrows;
teams tied at the cut of the board are never hidden."""

from __future__ import annotations

from PySide6.QtCore import Qt

from quiz_app.core.hall import Phase
from tests.ui.presenter.conftest import type_keys

TEAMS = ["Dinkes", "Bappeda", "BKPSDM"]


def ctrl(qtbot, widget, key: Qt.Key) -> None:
    qtbot.keyClick(widget, key, Qt.KeyboardModifier.ControlModifier)


def test_skipping_a_question_with_answers_asks_and_then_scores_nobody(open_presenter,
                                                                      hall_files, clock,
                                                                      qtbot, dialog_log):
    p = open_presenter(hall_files, TEAMS)
    console, c = p.console, p.controller
    type_keys(qtbot, console, " ")
    clock.advance(2)
    type_keys(qtbot, console, "1a")  # right: 950 points if the question counted
    dialog_log.confirms = [False]
    ctrl(qtbot, console, Qt.Key.Key_L)
    assert "1 tim sudah menjawab" in dialog_log.asked[-1]
    assert c.game.index == 0 and c.game.phase is Phase.RUNNING  # "Tidak": nothing happened
    dialog_log.confirms = [True]
    ctrl(qtbot, console, Qt.Key.Key_L)
    assert c.game.index == 1 and c.game.phase is Phase.READY
    assert "Soal 1 dilewati" in console.status.text()
    c.end(ask=False)
    assert all(s.points == 0 for s in c.game.standings())
    assert "Rata-rata nilai sesi" not in p.audience.visible_text()  # nothing was scored


def test_skipping_without_answers_does_not_ask(open_presenter, hall_files, qtbot, dialog_log):
    p = open_presenter(hall_files, TEAMS)
    ctrl(qtbot, p.console, Qt.Key.Key_L)  # before the start: nothing to lose
    assert dialog_log.asked == []
    assert p.controller.game.index == 1 and p.controller.game.is_skipped(0)


def test_ending_early_says_over_how_many_questions_the_average_is(open_presenter, hall_files,
                                                                    clock, qtbot):
    p = open_presenter(hall_files, TEAMS)
    console, audience, c = p.console, p.audience, p.controller
    for letters in ("1a2a3a", "1a2b3b"):  # two questions played, then the trainer ends
        type_keys(qtbot, console, " ")
        clock.advance(2)
        type_keys(qtbot, console, letters)
        type_keys(qtbot, console, "\n>>")
    c.end(ask=False)
    # Dinkes 2/2, Bappeda and BKPSDM 1/2: (100 + 50 + 50) / 3 over the 2 questions shown,
    # not (40 + 20 + 20) / 3 over all five
    shown = audience.visible_text()
    assert "Rata-rata nilai sesi: 66,67 (dari 2 soal yang ditayangkan)" in shown


def test_the_first_leaderboard_shows_no_rank_changes(open_presenter, hall_files, clock, qtbot):
    p = open_presenter(hall_files, TEAMS)
    console, audience = p.console, p.audience
    type_keys(qtbot, console, " ")
    clock.advance(2)
    type_keys(qtbot, console, "3a")
    type_keys(qtbot, console, "\n>")
    assert audience.stack.currentWidget() is audience.board_page
    assert [(r.name, r.change) for r in audience.board.rows] == [
        ("BKPSDM", None), ("Dinkes", None), ("Bappeda", None)]


def test_teams_tied_at_tenth_place_are_not_hidden(open_presenter, hall_files, clock, qtbot):
    teams = [f"Meja {i}" for i in range(1, 13)]
    p = open_presenter(hall_files, teams)
    console, audience = p.console, p.audience
    type_keys(qtbot, console, " ")
    for i in range(1, 10):  # nine teams right, one second apart; three teams silent
        clock.advance(1)
        type_keys(qtbot, console, f"{i}a")
    type_keys(qtbot, console, "\n>")
    rows = audience.board.rows
    assert len(rows) == 10
    assert rows[-1].rank == 10 and rows[-1].name == "Meja 10, Meja 11, Meja 12"
    assert rows[-1].change is None


def test_a_tied_row_names_as_many_teams_as_fit_one_long_name():
    from quiz_app.core.hall import BoardEntry, HallParticipant, Standing
    from quiz_app.ui.presenter.audience import board_name

    def entry(*names: str) -> BoardEntry:
        return BoardEntry(10, tuple(Standing(10, HallParticipant(f"t{i}", n), 0, 0)
                                    for i, n in enumerate(names)))

    assert board_name(entry("Dinkes")) == "Dinkes"
    assert board_name(entry("Dinkes", "Bappeda", "BKPSDM")) == "Dinkes, Bappeda, BKPSDM"
    many = entry("Dinas Kesehatan", "Dinas Pendidikan", "Dinas Sosial", "Bappeda",
                 "Inspektorat Daerah")
    assert board_name(many) == "Dinas Kesehatan, Dinas Pendidikan dan 3 tim lain"
    assert board_name(entry("Badan Pengelolaan Keuangan, Pendapatan dan Aset Daerah",
                            "Inspektorat")) == "2 tim seperingkat"
