"""Text on the projector is as large as fits, never below the stated minimum, never
clipped — measured with QFontMetrics, not with screenshots."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from quiz_app.core.banks import bundled_bank_files, load_bank
from quiz_app.core.hall import HallGame, HallSession, HallState, Phase, TeamSource
from quiz_app.core.model import Bank, Order, Question, QuestionType
from quiz_app.core.quiz import build_attempt
from quiz_app.ui.presenter.audience import (
    EXPLANATION_MIN,
    OPTION_MIN,
    QUESTION_MIN,
    RANKING_MIN,
    REFERENCE_MIN,
    AudienceView,
    min_px,
)
from quiz_app.ui.presenter.controller import PresenterController
from quiz_app.ui.presenter.fit import FitText, fit_pixel_size, projector_font, reflow
from quiz_app.ui.presenter.sound import SoundPlayer
from tests.helpers.fakes import FakeClock, make_plan

# The guarantee stated in docs/presenter-mode.md
GUARANTEE = {(1280, 720): 32, (1920, 1080): 48}


def bundled_questions() -> list[tuple[Bank, Question]]:
    out = []
    for path in bundled_bank_files():
        bank = load_bank(path)
        out.extend((bank, q) for q in bank.questions)
    return out


def shown_text(q: Question) -> str:
    text = reflow(q.text)
    if q.type is QuestionType.MULTIPLE:
        text += "\n(Jawaban benar bisa lebih dari satu.)"
    return text


def assert_fits(label: FitText, at_least: int) -> None:
    rect = label.contentsRect()
    needed = QFontMetrics(label.fit_font()).boundingRect(rect, label.flags(), label.text())
    assert needed.width() <= rect.width() and needed.height() <= rect.height(), (
        label.text()[:60], needed, rect)
    assert label.pixel_size() >= at_least, (label.text()[:60], label.pixel_size(), at_least)
    assert not label.below_minimum


def view_for(tmp_path: Path, questions: list[Question], size: tuple[int, int], qtbot,
             teams: int = 2, names: list[str] | None = None,
             leaderboard: bool = False, **plan_kw) -> tuple[AudienceView, PresenterController]:
    bank = Bank(id="uji", title="Uji", categories=(), questions=tuple(questions))
    plan = make_plan(order=Order.BANK, shuffle_options=False, **plan_kw)
    source = TeamSource(names or [f"Meja {i}" for i in range(1, teams + 1)])
    clock = FakeClock()
    # team mode (the reveal shows answer bars: less room), without a results store
    game = HallGame(build_attempt(plan, [bank], "uji"), source.participants(), clock,
                    state=HallState(show_leaderboard=leaderboard))
    session = HallSession(game, source, store=None, session_id=None, attempts={},
                          state_path=tmp_path / "aula" / "uji.json",
                          source_path=tmp_path / "x.yaml", title="Uji", clock=clock)
    controller = PresenterController(session, clock, sound=SoundPlayer(backend="none"))
    controller.timer.stop()
    view = AudienceView(controller)
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    QApplication.processEvents()
    return view, controller


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_longest_bundled_question_fits_at_the_guaranteed_size(tmp_path, qtbot, size):
    bank, longest = max(bundled_questions(), key=lambda bq: len(shown_text(bq[1])))
    assert len(longest.text) > 300  # a real scenario question, not a short one
    view, c = view_for(tmp_path, [longest], size, qtbot)
    c.start()
    QApplication.processEvents()
    assert view.question.text() == shown_text(longest)
    assert view.question.min_px == GUARANTEE[size] == min_px(size[1], QUESTION_MIN)
    assert_fits(view.question, GUARANTEE[size])
    c.close()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_every_bundled_question_fits_without_going_below_the_minimums(tmp_path, qtbot, size):
    """All bundled questions: question text, option tiles, and on reveal the explanation
    and the legal reference — each at or above its minimum, none clipped."""
    questions = [q for _b, q in bundled_questions()]
    view, c = view_for(tmp_path, questions, size, qtbot)
    h = size[1]
    smallest = {"question": 10_000, "option": 10_000, "explanation": 10_000}
    while c.game.phase is not Phase.FINISHED:
        c.start()
        QApplication.processEvents()
        assert_fits(view.question, min_px(h, QUESTION_MIN))
        smallest["question"] = min(smallest["question"], view.question.pixel_size())
        for tile in view.q_tiles:
            assert_fits(tile.label, min_px(h, OPTION_MIN))
            smallest["option"] = min(smallest["option"], tile.label.pixel_size())
        c.reveal()
        QApplication.processEvents()
        if view.explanation.text():
            assert_fits(view.explanation, min_px(h, EXPLANATION_MIN))
            smallest["explanation"] = min(smallest["explanation"], view.explanation.pixel_size())
        if view.reference.text():
            assert_fits(view.reference, min_px(h, REFERENCE_MIN))
        c.next()
    print(f"{size}: smallest sizes used {smallest}")  # reported in docs/presenter-mode.md
    c.close()


def test_fit_shrinks_before_wrapping_and_never_clips(qtbot):
    label = FitText(min_px=20, max_px=80)
    qtbot.addWidget(label)
    label.resize(600, 200)
    label.setText("Netral")
    big = label.pixel_size()
    assert big == 80
    label.setText("Netral " * 40)
    assert 20 <= label.pixel_size() < big
    assert_fits(label, 20)
    # far too long for the box: below the minimum rather than clipped, and it says so
    label.setText("Netralitas ASN " * 200)
    assert label.below_minimum and label.pixel_size() < 20
    rect = label.contentsRect()
    needed = QFontMetrics(label.fit_font()).boundingRect(rect, label.flags(), label.text())
    assert needed.height() <= rect.height()


def test_fit_pixel_size_is_the_largest_that_fits():
    font = projector_font()
    flags = int(Qt.AlignmentFlag.AlignLeft.value) | int(Qt.TextFlag.TextWordWrap.value)
    text = "Apakah ASN boleh menjadi anggota partai politik?"
    px, ok = fit_pixel_size(font, 500, 120, text, flags, 10, 200)
    assert ok
    fm_ok = QFontMetrics(projector_font(px)).boundingRect(QRect(0, 0, 490, 10**6), flags, text)
    assert fm_ok.height() <= 120
    bigger = QFontMetrics(projector_font(px + 1)).boundingRect(QRect(0, 0, 490, 10**6), flags,
                                                               text)
    assert bigger.height() > 120 or bigger.width() > 490


def test_reflow_joins_editor_line_breaks_and_keeps_paragraphs():
    assert reflow("Baris satu\nbaris dua.\n\nParagraf  dua\n") == \
        "Baris satu baris dua.\nParagraf dua"


def test_a_too_long_question_warns_the_trainer(open_presenter, tmp_path, qtbot):
    long_text = "Seorang ASN " + "menerima ajakan yang panjang sekali " * 40 + "adalah ..."
    bank = tmp_path / "panjang.yaml"
    bank.write_text(
        "format: kuis-bank/1\nid: panjang\ntitle: Panjang\ncategories:\n  - id: a\n"
        "    title: A\nquestions:\n  - id: p1\n    category: a\n"
        f"    text: {long_text}\n    options:\n      A: ya\n      B: tidak\n    answer: B\n",
        encoding="utf-8")
    p = open_presenter(bank, ["Meja 1"])
    p.audience.resize(1280, 720)
    p.controller.start()
    QApplication.processEvents()
    assert p.audience.question.below_minimum
    assert p.console.fit_warning.isVisibleTo(p.console)
    assert "terlalu panjang" in p.console.fit_warning.text()


# Real OPD names cut to the 60-character limit of a team name
LONG_NAMES = [
    "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Daerah",
    "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Kutai Kartanegara",
    "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk",
    "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten",
    "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah",
    "Dinas Tenaga Kerja, Koperasi dan Usaha Kecil Menengah Kabupaten",
    "Satuan Polisi Pamong Praja dan Pemadam Kebakaran Kabupaten",
    "Dinas Perumahan Rakyat, Kawasan Permukiman dan Pertanahan",
    "Badan Pengelolaan Keuangan, Pendapatan dan Aset Daerah",
    "Dinas Lingkungan Hidup, Kebersihan dan Pertamanan Kabupaten",
    "Inspektorat Daerah",
    "RSUD",
]


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_longest_team_names_fit_the_leaderboard(tmp_path, qtbot, size):
    names = [n[:60].rstrip(" ,") for n in LONG_NAMES]
    questions = [q for _b, q in bundled_questions()][:2]
    view, c = view_for(tmp_path, questions, size, qtbot, names=names, leaderboard=True,
                       scoring="speed", question_time_limit=30)
    c.start()
    for i in range(1, len(names) + 1):  # a second apart: twelve different places
        c.clock.advance(1)
        c.answer(i, c.game.correct_letters())
    c.reveal()
    c.next()
    QApplication.processEvents()
    assert c.game.phase is Phase.LEADERBOARD
    board = view.board
    assert len(board.rows) == 10
    assert not board.below_minimum
    assert board.pixel_size() >= min_px(size[1], RANKING_MIN)
    c.close()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_long_names_tied_at_the_cut_share_a_row_that_fits(tmp_path, qtbot, size):
    names = [n[:60].rstrip(" ,") for n in LONG_NAMES]
    questions = [q for _b, q in bundled_questions()][:2]
    view, c = view_for(tmp_path, questions, size, qtbot, names=names, leaderboard=True,
                       scoring="speed", question_time_limit=30)
    c.start()
    for i in range(1, 9):  # eight places, then four teams tied at 0 across the cut
        c.clock.advance(1)
        c.answer(i, c.game.correct_letters())
    c.reveal()
    c.next()
    QApplication.processEvents()
    board = view.board
    assert len(board.rows) == 9 and board.rows[-1].rank == 9
    assert board.rows[-1].name == "4 tim seperingkat"  # four long names: only counted
    assert not board.below_minimum
    assert board.pixel_size() >= min_px(size[1], RANKING_MIN)
    c.close()
