"""What the hall sees: nothing of the answer before the reveal, then the explanation,
the legal basis and a bar per option; tiles told apart by colour, shape and letter."""

from __future__ import annotations

from quiz_app.core.hall import Phase
from quiz_app.ui.presenter import palette
from tests.ui.presenter.conftest import QUESTIONS, type_keys

TEAMS = ["Meja 1", "Meja 2", "Meja 3", "Meja 4"]


def test_reveal_shows_the_explanation_and_never_before(open_presenter, hall_files, clock, qtbot):
    p = open_presenter(hall_files, TEAMS)
    audience, c = p.audience, p.controller
    audience.resize(1280, 720)
    _qid, text, _opts, _answer, explanation, reference = QUESTIONS[0]

    def secret_shown() -> bool:
        shown = audience.visible_text()
        return explanation in shown or reference in shown or "Jawaban benar" in shown

    # before the start, while running, paused and after time-up: no explanation anywhere
    assert not secret_shown()
    c.start()
    assert text in audience.visible_text() and not secret_shown()
    assert audience.explanation.text() == "" and audience.reference.text() == ""
    type_keys(qtbot, p.console, "1a2a3b")
    assert not any(t.dimmed for t in audience.q_tiles)
    c.toggle_pause()
    assert not secret_shown()
    c.toggle_pause()
    clock.advance(21)
    c.tick()
    assert c.game.phase is Phase.TIME_UP
    assert not secret_shown()
    assert not audience.explanation.isVisibleTo(audience)  # on a page not shown

    c.reveal()
    assert audience.stack.currentWidget() is audience.reveal_page
    assert audience.explanation.isVisibleTo(audience)
    shown = audience.visible_text()
    assert explanation in shown
    assert f"Dasar hukum: {reference}" in shown
    assert "Jawaban benar: A" in shown
    tiles = {t.style_.letter: t for t in audience.r_tiles}
    assert {k: t.count for k, t in tiles.items()} == {"A": 2, "B": 1, "C": 0, "D": 0}
    assert not tiles["A"].dimmed and all(tiles[k].dimmed for k in "BCD")

    # the next question starts clean again
    c.next()
    c.next()
    assert audience.explanation.text() == "" and audience.reference.text() == ""
    assert not secret_shown()


def test_time_up_is_announced_on_the_audience_view(open_presenter, hall_files, clock):
    p = open_presenter(hall_files, TEAMS)
    c = p.controller
    c.start()
    clock.advance(19.2)
    c.tick()
    assert p.audience.dial.seconds_shown() == 1
    assert "Waktu habis!" not in p.audience.visible_text()
    clock.advance(1)
    c.tick()
    assert p.audience.dial.time_up
    assert "Waktu habis!" in p.audience.visible_text()


def test_pause_freezes_the_countdown_on_screen(open_presenter, hall_files, clock):
    p = open_presenter(hall_files, TEAMS)
    c = p.controller
    c.start()
    clock.advance(4.5)
    c.tick()
    assert p.audience.dial.seconds_shown() == 16
    c.toggle_pause()
    for _ in range(5):
        clock.advance(10)
        c.tick()
        assert p.audience.dial.seconds_shown() == 16
    assert "Jeda" in p.audience.visible_text()
    assert p.console.timer_label.text() == "00:16"
    c.add_time()
    c.tick()
    assert p.audience.dial.seconds_shown() == 26 and p.console.timer_label.text() == "00:26"


def test_tiles_differ_in_colour_shape_and_letter(open_presenter, hall_files):
    p = open_presenter(hall_files, TEAMS)
    p.controller.start()
    tiles = p.audience.q_tiles
    assert [t.style_.letter for t in tiles] == ["A", "B", "C", "D"]
    assert len({t.style_.colour for t in tiles}) == 4
    assert len({t.style_.shape for t in tiles}) == 4
    assert all(t.label.text() for t in tiles)


def test_leaderboard_between_questions_can_be_switched_off(open_presenter, hall_files, qtbot):
    p = open_presenter(hall_files, TEAMS)
    c = p.controller
    c.start()
    type_keys(qtbot, p.console, "2a")
    c.reveal()
    c.next()
    assert p.audience.stack.currentWidget() is p.audience.board_page
    assert p.audience.board.rows[0].name == "Meja 2"
    assert "Peringkat sementara" in p.audience.visible_text()
    c.next()
    p.console.leaderboard_check.setChecked(False)
    assert not c.game.show_leaderboard
    c.start()
    c.reveal()
    c.next()
    assert c.game.phase is Phase.READY and c.game.index == 2


def test_palette_survives_colour_blindness():
    colours = [t.colour for t in palette.TILES]
    assert len(set(colours)) == len(colours) == 8
    assert len({t.shape for t in palette.TILES}) == 8
    assert [t.letter for t in palette.TILES] == list("ABCDEFGH")
    # the four tiles of most questions stay clearly apart for every common deficiency;
    # all eight stay apart too (ΔE76 > 10), and shape + letter carry the meaning anyway
    for deficiency in ("deuteranopia", "protanopia", "tritanopia"):
        assert palette.min_distance(colours[:4], deficiency) > 15, deficiency
        assert palette.min_distance(colours, deficiency) > 10, deficiency
    # text on every tile, bright or dimmed, meets WCAG AA (4.5:1)
    for t in palette.TILES:
        assert palette.contrast_ratio(t.colour, t.text_colour) >= 4.5, t.letter
        dim = palette.mix(t.colour, palette.DIM_TARGET, palette.DIM_AMOUNT)
        assert palette.contrast_ratio(dim, palette.MUTED) >= 4.5, t.letter


def test_simulated_deuteranopia_confuses_red_and_green_as_expected():
    """The simulation itself: pure red and green collapse, as they should."""
    assert palette.delta_e("#FF0000", "#00A000") > 60
    assert palette.min_distance(["#FF0000", "#00A000"], "deuteranopia") < 25
