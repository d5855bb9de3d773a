"""The audience view: what the projector shows to the hall.

Every size is a share of the screen height (``u`` = 1 % of it), so the layout is the same
at 1280×720 and 1920×1080, only sharper. The question text is the largest size that fits
its box, but never smaller than :data:`QUESTION_MIN` of the height (32 px at 720 p, 48 px
at 1080 p; see docs/presenter-mode.md). The correct answer, the explanation and the legal
reference are not even handed to the widgets before the trainer reveals them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QCloseEvent, QColor, QKeyEvent, QPainter
from PySide6.QtWidgets import QStackedWidget, QWidget

from ...core.hall import MAX_TEAM_NAME, BoardEntry, HallGame, Phase, board_entries
from ...core.model import QuestionType, Scoring
from . import palette
from .controller import PresenterController
from .fit import FitText, fit_pixel_size, projector_font, reflow, text_size
from .widgets import CountdownDial, OptionTile, RankingTable, Row

# Text size limits as shares of the screen height.
QUESTION_MIN = 0.0445  # the guarantee: 32 px at 720 p, 48 px at 1080 p
QUESTION_MAX = 0.085
OPTION_MIN = 0.033  # 23 px at 720 p, 35 px at 1080 p
OPTION_MAX = 0.055
EXPLANATION_MIN = 0.033
EXPLANATION_MAX = 0.05
REFERENCE_MIN = 0.029
REFERENCE_TARGET = 0.038
REVEAL_OPTION_MIN = 0.0275  # 19 px at 720 p, 29 px at 1080 p: a reminder, read before
RANKING_MIN = 0.033

# Tile heights (in % of the screen height) by number of tile rows.
TILE_HEIGHT = {1: 20.0, 2: 17.0, 3: 12.5, 4: 9.6}
REVEAL_TILE_HEIGHT = {1: 15.0, 2: 13.5, 3: 10.0, 4: 7.8}
TILE_FACTORS = (1.0, 1.2, 1.4)  # taller tiles for long options, in order of preference
REVEAL_TILE_FACTORS = (1.0, 1.25, 1.5, 1.8)

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter


def min_px(height: int, share: float) -> int:
    return max(8, math.floor(height * share + 1e-6))


def grid_shapes(n: int) -> list[tuple[int, int]]:
    """Candidate (columns, rows) of ``n`` answer tiles, the usual one first. The view
    takes the one at which the texts come out largest (long options get wide tiles)."""
    if n <= 0:
        return [(1, 1)]
    if n <= 3:
        return [(n, 1), (1, n)]
    if n == 4:
        return [(2, 2), (1, 4)]
    if n <= 6:
        return [(3, 2), (2, 3)]
    return [(4, 2), (2, 4)]


@dataclass(frozen=True)
class QuestionGeometry:
    dial: QRect
    question: QRect
    tiles: list[QRect]


@dataclass(frozen=True)
class RevealGeometry:
    question: QRect
    tiles: list[QRect]
    panel: QRect
    title: QRect
    explanation: QRect
    reference: QRect


Part = tuple[FitText, QRect, int, int, int]  # label, box, flags, minimum, maximum


def tile_rects(x0: int, y0: int, width: int, tile_h: int, gap: int, cols: int,
               n: int) -> list[QRect]:
    tile_w = (width - (cols - 1) * gap) // cols
    return [QRect(x0 + (i % cols) * (tile_w + gap), y0 + (i // cols) * (tile_h + gap), tile_w,
                  tile_h) for i in range(n)]


def says_several(text: str) -> bool:
    """Whether a question already tells that several answers are right."""
    folded = text.casefold()
    return any(p in folded for p in ("lebih dari satu", "semua yang benar", "pilih semua",
                                     "beberapa jawaban"))


def format_points(points: float, scoring: Scoring) -> str:
    """``3.175`` (speed points, dot for thousands) or ``2,5`` (accuracy, decimal comma)."""
    if scoring == Scoring.SPEED:
        return f"{round(points):,}".replace(",", ".")
    text = f"{points:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def format_nilai(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


def average_text(game: HallGame) -> str:
    """``Rata-rata nilai sesi: 66,67 (dari 2 soal yang ditayangkan)``; empty when nothing
    was scored. The count says what the mean is over when the presentation ended early."""
    avg = game.average_nilai()
    if avg is None:
        return ""
    if game.skipped_count:
        over = QCoreApplication.translate(
            "AudienceView", "(dari {0} soal yang ditayangkan; {1} soal dilewati)").format(
            game.played_count, game.skipped_count)
    else:
        over = QCoreApplication.translate(
            "AudienceView", "(dari {0} soal yang ditayangkan)").format(game.played_count)
    return QCoreApplication.translate(
        "AudienceView", "Rata-rata nilai sesi: {0} {1}").format(format_nilai(avg), over)


def board_name(entry: BoardEntry) -> str:
    """A team's name, or the teams tied where the board is cut, in no more room than one
    long team name (so the row fits like any other): all their names, else the first
    ones and how many more, else only how many."""
    names = [s.participant.name for s in entry.standings]
    joined = ", ".join(names)
    if len(joined) <= MAX_TEAM_NAME:
        return joined
    for k in range(len(names) - 1, 0, -1):
        text = QCoreApplication.translate(
            "AudienceView", "{0} dan {1} tim lain").format(", ".join(names[:k]), len(names) - k)
        if len(text) <= MAX_TEAM_NAME:
            return text
    return QCoreApplication.translate(
        "AudienceView", "{0} tim seperingkat").format(len(names))


class _Page(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)


class _RevealPage(_Page):
    """The reveal page paints the explanation panel behind its texts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel = QRect()

    def paintEvent(self, event) -> None:  # noqa: N802
        if self.panel.isEmpty():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(palette.PANEL))
        radius = self.panel.height() * 0.05
        painter.drawRoundedRect(self.panel, radius, radius)
        painter.end()


class AudienceView(QWidget):
    """The projected window. Keys typed here go to the controller (the trainer may type
    team answers while the audience view has the focus on a single screen)."""

    def __init__(self, controller: PresenterController, categories: dict[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.categories = categories or {}
        self.setWindowTitle(self.tr("Kuis ASN — layar peserta"))
        self.setObjectName("AudienceView")
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.allow_close = False
        self.stack = QStackedWidget(self)

        # ready: "Soal 3 dari 15 — bersiap"
        self.ready_page = _Page()
        self.ready_title = FitText(self.ready_page, align=CENTRE, colour=palette.MUTED)
        self.ready_number = FitText(self.ready_page, bold=True, align=CENTRE)
        self.ready_category = FitText(self.ready_page, align=CENTRE, colour=palette.MUTED)
        self.ready_hint = FitText(self.ready_page, align=CENTRE, colour=palette.ALERT)

        # question (running, paused, time up) and reveal share the header widgets' style
        self.question_page = _Page()
        self.q_number = FitText(self.question_page, bold=True, align=LEFT)
        self.q_status = FitText(self.question_page, bold=True, align=RIGHT)
        self.question = FitText(self.question_page, align=LEFT)
        self.dial = CountdownDial(self.question_page)
        self.dial.paused_text = self.tr("JEDA")
        self.dial.time_up_text = self.tr("Waktu\nhabis!")
        self.q_tiles: list[OptionTile] = []

        self.reveal_page = _RevealPage()
        self.r_number = FitText(self.reveal_page, bold=True, align=LEFT)
        self.r_status = FitText(self.reveal_page, bold=True, align=RIGHT)
        self.r_question = FitText(self.reveal_page, align=LEFT, colour=palette.MUTED)
        self.r_tiles: list[OptionTile] = []
        self.explanation_title = FitText(self.reveal_page, bold=True, align=LEFT,
                                         colour=palette.ALERT)
        self.explanation = FitText(self.reveal_page, align=LEFT)
        self.reference = FitText(self.reveal_page, align=LEFT, colour=palette.MUTED)

        self.board_page = _Page()
        self.board_title = FitText(self.board_page, bold=True, align=LEFT)
        self.board_subtitle = FitText(self.board_page, align=RIGHT, colour=palette.MUTED)
        self.board = RankingTable(self.board_page)

        self.final_page = _Page()
        self.final_title = FitText(self.final_page, bold=True, align=LEFT)
        self.final_subtitle = FitText(self.final_page, align=RIGHT, colour=palette.MUTED)
        self.final_board = RankingTable(self.final_page)
        self.final_average = FitText(self.final_page, bold=True, align=CENTRE,
                                     colour=palette.ALERT)
        self.final_message = FitText(self.final_page, bold=True, align=CENTRE)

        for page in (self.ready_page, self.question_page, self.reveal_page, self.board_page,
                     self.final_page):
            self.stack.addWidget(page)
        self._tiles_index: int | None = None
        self._q_shapes: dict[tuple[object, ...], tuple[tuple[int, int], float]] = {}
        self._r_shapes: dict[tuple[object, ...], tuple[tuple[int, int], bool, float]] = {}
        self.q_shape: tuple[int, int] = (2, 2)
        controller.changed.connect(self.refresh)
        controller.ticked.connect(self.on_tick)
        self.refresh()

    # ------------------------------------------------------------------ Qt

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(palette.BACKGROUND))
        painter.end()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.stack.setGeometry(self.rect())
        self._layout()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if not self.controller.handle_key(event.key(), event.text(), event.modifiers()):
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Alt+F4 on the projected window only hides it (F5 brings it back); the console
        ends the presentation."""
        if self.allow_close:
            event.accept()
        else:
            event.ignore()
            self.hide()

    # ------------------------------------------------------------------ state

    def page_for(self, phase: Phase) -> QWidget:
        return {
            Phase.READY: self.ready_page,
            Phase.RUNNING: self.question_page,
            Phase.PAUSED: self.question_page,
            Phase.TIME_UP: self.question_page,
            Phase.REVEALED: self.reveal_page,
            Phase.LEADERBOARD: self.board_page,
            Phase.FINISHED: self.final_page,
        }[phase]

    def refresh(self) -> None:
        game = self.controller.game
        phase = game.phase
        aq = game.current
        q = aq.question
        number = self.tr("Soal {0} dari {1}").format(game.index + 1, game.total)
        category = self.categories.get(q.category, q.category)

        self.ready_title.setText(game.plan.title)
        self.ready_number.setText(number)
        self.ready_category.setText(category)
        if self.controller.team_mode:
            last = game.letters()[-1]
            self.ready_hint.setText(self.tr("Bersiap — siapkan kartu A–{0}").format(last))
        else:
            self.ready_hint.setText(self.tr("Bersiap…"))

        if self._tiles_index != game.index:
            self._build_tiles()
        text = reflow(q.text)
        if q.type is QuestionType.MULTIPLE and not says_several(text):
            text += "\n" + self.tr("(Jawaban benar bisa lebih dari satu.)")
        self.q_number.setText(f"{number} · {category}")
        self.question.setText(text)
        self.r_number.setText(f"{number} · {category}")
        self.r_question.setText(reflow(q.text))

        if phase is Phase.REVEALED:
            self._show_reveal()
        else:
            # nothing of the answer is on any widget before the reveal
            self.explanation.setText("")
            self.reference.setText("")
            self.explanation_title.setText("")
            for t in self.r_tiles:
                t.clear_reveal()

        if phase is Phase.LEADERBOARD:
            self.board_title.setText(self.tr("Peringkat sementara"))
            self.board_subtitle.setText(self.tr("setelah soal {0} dari {1}").format(
                game.index + 1, game.total))
            self.board.set_rows(self._rows())
        if phase is Phase.FINISHED:
            self._show_final()
        self.stack.setCurrentWidget(self.page_for(phase))
        self.on_tick()
        self._layout()

    def on_tick(self) -> None:
        game = self.controller.game
        phase = game.phase
        if phase not in (Phase.RUNNING, Phase.PAUSED, Phase.TIME_UP, Phase.REVEALED):
            return
        self.dial.set_state(game.remaining(), game.time_limit(),
                            paused=phase is Phase.PAUSED, time_up=phase is Phase.TIME_UP)
        status = self._status_text()
        self.q_status.setText(status)
        self.q_status.set_colour(palette.ALERT if phase in (Phase.TIME_UP, Phase.PAUSED)
                                 else palette.TEXT)
        if phase is Phase.REVEALED:
            self.r_status.setText(self._answered_text())

    def _answered_text(self) -> str:
        game = self.controller.game
        if not self.controller.team_mode:
            if game.collects_answers and game.participants:  # phones
                return self.tr("{0} dari {1} peserta menjawab").format(
                    len(game.answered()), len(game.participants))
            return ""
        return self.tr("{0} dari {1} tim menjawab").format(len(game.answered()),
                                                           len(game.participants))

    def _status_text(self) -> str:
        phase = self.controller.game.phase
        if phase is Phase.TIME_UP:
            return self.tr("Waktu habis!")
        if phase is Phase.PAUSED:
            return self.tr("Jeda")
        return self._answered_text()

    def _build_tiles(self) -> None:
        game = self.controller.game
        aq = game.current
        for t in self.q_tiles + self.r_tiles:
            t.hide()
            t.setParent(None)
            t.deleteLater()
        self.q_tiles, self.r_tiles = [], []
        for i, key in enumerate(aq.option_order):
            style = palette.tile(i)
            text = reflow(aq.question.option(key).text)
            self.q_tiles.append(OptionTile(style, text, self.question_page))
            self.r_tiles.append(OptionTile(style, text, self.reveal_page))
        for t in self.q_tiles + self.r_tiles:
            t.show()
        self._tiles_index = game.index

    def _show_reveal(self) -> None:
        game = self.controller.game
        q = game.current.question
        tally = game.tally()
        right = game.correct_letters() if q.scored else frozenset()
        total = len(game.participants)
        for tile in self.r_tiles:
            letter = tile.style_.letter
            correct = None if not q.scored else letter in right
            tile.set_reveal(correct, tally.get(letter, 0), total,
                            show_bar=self.controller.team_mode)
        if right:
            letters = ", ".join(sorted(right))
            self.explanation_title.setText(self.tr("Jawaban benar: {0}").format(letters))
        else:
            self.explanation_title.setText(self.tr("Jajak pendapat — tidak ada jawaban benar"))
        self.explanation.setText(reflow(q.explanation) if q.explanation else "")
        self.reference.setText(self.tr("Dasar hukum: {0}").format(reflow(q.reference))
                               if q.reference else "")

    def _rows(self) -> list[Row]:
        game = self.controller.game
        scoring = game.plan.scoring
        rows = []
        for entry in board_entries(game.standings(), RankingTable.MAX_ROWS):
            first = entry.standings[0]
            change = None if entry.grouped or first.previous_rank is None else first.change
            rows.append(Row(entry.rank, board_name(entry),
                            format_points(entry.points, scoring), change))
        return rows

    def _show_final(self) -> None:
        game = self.controller.game
        if self.controller.team_mode:
            self.final_title.setText(self.tr("Peringkat akhir"))
            n = len(game.participants)
            if n > RankingTable.MAX_ROWS:
                self.final_subtitle.setText(self.tr("{0} · {1} tim, 10 teratas").format(
                    game.plan.title, n))
            else:
                self.final_subtitle.setText(self.tr("{0} · {1} tim").format(game.plan.title, n))
            self.final_board.set_rows(self._rows())
            self.final_average.setText(average_text(game))
            self.final_message.setText("")
        else:
            closed = sum(1 for i in range(game.total) if game.is_closed(i))
            self.final_title.setText(self.tr("Sesi selesai"))
            self.final_subtitle.setText(game.plan.title)
            self.final_board.set_rows([])
            self.final_average.setText("")
            self.final_message.setText(self.tr("{0} soal telah dibahas. Terima kasih!").format(
                closed))

    # ------------------------------------------------------------------ layout

    def _layout(self) -> None:
        w, h = self.width(), self.height()
        if w < 50 or h < 50:
            return
        u = h / 100
        mx = int(max(3 * u, w * 0.025))
        my = int(3 * u)
        inner_w = w - 2 * mx

        # ready
        self.ready_title.setGeometry(QRect(mx, int(14 * u), inner_w, int(9 * u)))
        self.ready_title.set_bounds(min_px(h, 0.04), int(6 * u))
        self.ready_number.setGeometry(QRect(mx, int(27 * u), inner_w, int(22 * u)))
        self.ready_number.set_bounds(min_px(h, 0.08), int(16 * u))
        self.ready_category.setGeometry(QRect(mx, int(52 * u), inner_w, int(10 * u)))
        self.ready_category.set_bounds(min_px(h, 0.04), int(6 * u))
        self.ready_hint.setGeometry(QRect(mx, int(70 * u), inner_w, int(9 * u)))
        self.ready_hint.set_bounds(min_px(h, 0.04), int(5.5 * u))

        # question and reveal pages
        header_h = int(7 * u)
        for number, status in ((self.q_number, self.q_status), (self.r_number, self.r_status)):
            number.setGeometry(QRect(mx, my, int(inner_w * 0.66), header_h))
            number.set_bounds(min_px(h, 0.03), int(4.6 * u))
            status.setGeometry(QRect(mx + int(inner_w * 0.66), my, int(inner_w * 0.34),
                                     header_h))
            status.set_bounds(min_px(h, 0.03), int(4.6 * u))
        self._layout_question(w, h)
        self._layout_reveal(w, h)

        # leaderboard and final ranking
        for title, subtitle in ((self.board_title, self.board_subtitle),
                                (self.final_title, self.final_subtitle)):
            title.setGeometry(QRect(mx, my, int(inner_w * 0.5), int(9 * u)))
            title.set_bounds(min_px(h, 0.045), int(7 * u))
            subtitle.setGeometry(QRect(mx + int(inner_w * 0.5), my, int(inner_w * 0.5),
                                       int(9 * u)))
            subtitle.set_bounds(min_px(h, 0.03), int(4 * u))
        self.board.setGeometry(QRect(mx, my + int(11 * u), inner_w, h - 2 * my - int(11 * u)))
        self.board.set_bounds(min_px(h, RANKING_MIN), int(5.5 * u))
        avg_h = int(10 * u)
        self.final_board.setGeometry(QRect(mx, my + int(11 * u), inner_w,
                                           h - 2 * my - int(11 * u) - avg_h - int(1.6 * u)))
        self.final_board.set_bounds(min_px(h, RANKING_MIN), int(5.5 * u))
        self.final_average.setGeometry(QRect(mx, h - my - avg_h, inner_w, avg_h))
        self.final_average.set_bounds(min_px(h, 0.045), int(7 * u))
        self.final_message.setGeometry(QRect(mx, int(30 * u), inner_w, int(30 * u)))
        self.final_message.set_bounds(min_px(h, 0.05), int(9 * u))

    def _frame(self, w: int, h: int) -> tuple[float, int, int, int, int]:
        """(u, horizontal margin, vertical margin, inner width, top of the body)."""
        u = h / 100
        mx = int(max(3 * u, w * 0.025))
        my = int(3 * u)
        return u, mx, my, w - 2 * mx, my + int(7 * u) + int(1.6 * u)

    def _question_geometry(self, w: int, h: int, shape: tuple[int, int],
                           factor: float = 1.0) -> QuestionGeometry:
        u, mx, my, inner_w, top = self._frame(w, h)
        cols, rows = shape
        gap = int(1.6 * u)
        tile_h = int(TILE_HEIGHT[rows] * factor * u)
        tiles_top = h - my - rows * tile_h - (rows - 1) * gap
        dial = int(24 * u)
        return QuestionGeometry(
            dial=QRect(w - mx - dial, top, dial, dial),
            question=QRect(mx, top, inner_w - dial - int(2.5 * u), tiles_top - gap - top),
            tiles=tile_rects(mx, tiles_top, inner_w, tile_h, gap, cols, len(self.q_tiles)),
        )

    def _reveal_geometry(self, w: int, h: int, shape: tuple[int, int], with_question: bool,
                         factor: float = 1.0) -> RevealGeometry:
        u, mx, my, inner_w, top = self._frame(w, h)
        cols, rows = shape
        gap = int(1.6 * u)
        tgap = int(1.2 * u)
        rq_h = int(12 * u) if with_question else 0
        tile_h = int(REVEAL_TILE_HEIGHT[rows] * factor * u)
        tiles_top = top + (rq_h + gap if with_question else 0)
        pad = int(1.4 * u)
        title_h = int(5.4 * u)
        if not self.explanation.text() and not self.reference.text():
            # nothing to explain (a poll): the tiles take the room, the panel its title
            room = h - my - (2 * pad + title_h) - gap - tiles_top - (rows - 1) * tgap
            tile_h = max(tile_h, room // rows)
        panel_top = tiles_top + rows * tile_h + (rows - 1) * tgap + gap
        panel = QRect(mx - int(1.2 * u), panel_top, inner_w + int(2.4 * u), h - my - panel_top)
        body_w = inner_w - 2 * pad
        body_top = panel_top + pad + title_h
        body_bottom = panel.bottom() - pad
        ref_text = self.reference.text()
        ref_h = 0
        if ref_text:
            need = text_size(projector_font(int(REFERENCE_TARGET * h)), int(body_w * 0.98),
                             self.reference.flags(), ref_text).height()
            ref_h = min(int(need * 1.08) + 2, int((body_bottom - body_top) * 0.45))
        return RevealGeometry(
            question=QRect(mx, top, inner_w, rq_h),
            tiles=tile_rects(mx, tiles_top, inner_w, tile_h, tgap, cols, len(self.r_tiles)),
            panel=panel,
            title=QRect(mx + pad, panel_top + pad, body_w, title_h),
            explanation=QRect(mx + pad, body_top, body_w, max(1, body_bottom - ref_h - body_top)),
            reference=QRect(mx + pad, body_bottom - ref_h, body_w, max(1, ref_h)),
        )

    @staticmethod
    def _score(parts: list[Part]) -> float:
        """How well texts fit their boxes: the worst of (size reached / minimum size)."""
        worst = float("inf")
        for label, box, flags, lo, hi in parts:
            text = label.text()
            if not text:
                continue
            px, _ok = fit_pixel_size(projector_font(), box.width(), box.height(), text, flags,
                                     lo, hi)
            worst = min(worst, px / lo)
        return worst

    @staticmethod
    def _common_size(parts: list[Part]) -> int:
        """The largest size at which every one of ``parts`` fits (options of one question
        share one size, so no option looks more important than another)."""
        sizes = [fit_pixel_size(projector_font(), box.width(), box.height(), label.text(),
                                flags, lo, hi)[0]
                 for label, box, flags, lo, hi in parts if label.text()]
        return min(sizes) if sizes else 0

    def _tile_parts(self, tiles: list[OptionTile], rects: list[QRect], lo: int, hi: int,
                    reveal: bool) -> list[Part]:
        parts: list[Part] = []
        for tile, r in zip(tiles, rects, strict=True):
            box = OptionTile.label_rect(r.width(), r.height(), bar=reveal and
                                        self.controller.team_mode, check=reveal)
            parts.append((tile.label, box, tile.label.flags(), lo, hi))
        return parts

    def _layout_question(self, w: int, h: int) -> None:
        q_lo, q_hi = min_px(h, QUESTION_MIN), int(QUESTION_MAX * h)
        o_lo, o_hi = min_px(h, OPTION_MIN), int(OPTION_MAX * h)
        key = ("q", self._tiles_index, w, h)
        choice = self._q_shapes.get(key)
        if choice is None:
            # the first layout (in order of preference) where every text reaches its
            # minimum; else the one where the worst text comes closest
            best: tuple[float, tuple[tuple[int, int], float]] | None = None
            for factor in TILE_FACTORS:
                for cand in grid_shapes(len(self.q_tiles)):
                    g = self._question_geometry(w, h, cand, factor)
                    score = self._score(
                        [(self.question, g.question, self.question.flags(), q_lo, q_hi)]
                        + self._tile_parts(self.q_tiles, g.tiles, o_lo, o_hi, False))
                    if best is None or score > best[0]:
                        best = (score, (cand, factor))
                    if score >= 1:
                        break
                if best is not None and best[0] >= 1:
                    break
            choice = best[1] if best else ((1, 1), 1.0)
            self._q_shapes[key] = choice
        shape, factor = choice
        g = self._question_geometry(w, h, shape, factor)
        self.q_shape = shape
        self.dial.setGeometry(g.dial)
        self.question.setGeometry(g.question)
        self.question.set_bounds(q_lo, q_hi)
        top = self._common_size(self._tile_parts(self.q_tiles, g.tiles, o_lo, o_hi, False))
        for tile, r in zip(self.q_tiles, g.tiles, strict=True):
            tile.setGeometry(r)
            tile.set_bounds(o_lo, max(o_lo, top))  # one size for all options

    def _layout_reveal(self, w: int, h: int) -> None:
        u = h / 100
        rq = (min_px(h, 0.028), int(4.2 * u))
        ro = (min_px(h, REVEAL_OPTION_MIN), int(4.4 * u))
        ex = (min_px(h, EXPLANATION_MIN), int(EXPLANATION_MAX * h))
        rf = (min_px(h, REFERENCE_MIN), int(REFERENCE_TARGET * h))
        key = ("r", self._tiles_index, w, h, self.reference.text(), self.explanation.text())
        choice = self._r_shapes.get(key)
        if choice is None:
            best: tuple[float, tuple[tuple[int, int], bool, float]] | None = None
            shapes = [self.q_shape] + [s for s in grid_shapes(len(self.r_tiles))
                                       if s != self.q_shape]
            # the most balanced layout (largest worst text). The tiles keep the question
            # page's arrangement, and the question stays on screen, unless some text would
            # otherwise fall below its minimum.
            passes = [(True, shapes[:1]), (True, shapes), (False, shapes)]
            for with_q, pass_shapes in passes:
                for factor in REVEAL_TILE_FACTORS:
                    for cand in pass_shapes:
                        g = self._reveal_geometry(w, h, cand, with_q, factor)
                        parts: list[Part] = [
                            (self.explanation, g.explanation, self.explanation.flags(), *ex),
                            (self.reference, g.reference, self.reference.flags(), *rf),
                        ]
                        if with_q:
                            parts.append((self.r_question, g.question, self.r_question.flags(),
                                          *rq))
                        parts += self._tile_parts(self.r_tiles, g.tiles, *ro, True)
                        score = self._score(parts)
                        if best is None or score > best[0] + 0.05:
                            best = (score, (cand, with_q, factor))
                if best is not None and best[0] >= 1:
                    break
            choice = best[1] if best else ((1, 1), True, 1.0)
            self._r_shapes[key] = choice
        shape, with_q, factor = choice
        g = self._reveal_geometry(w, h, shape, with_q, factor)
        self.r_question.setVisible(with_q)
        self.r_question.setGeometry(g.question)
        self.r_question.set_bounds(*rq)
        top = self._common_size(self._tile_parts(self.r_tiles, g.tiles, *ro, True))
        for tile, r in zip(self.r_tiles, g.tiles, strict=True):
            tile.setGeometry(r)
            tile.set_bounds(ro[0], max(ro[0], top))
        self.reveal_page.panel = g.panel
        self.explanation_title.setGeometry(g.title)
        self.explanation_title.set_bounds(min_px(h, 0.03), int(4.2 * u))
        self.explanation.setGeometry(g.explanation)
        self.explanation.set_bounds(*ex)
        self.reference.setGeometry(g.reference)
        self.reference.set_bounds(*rf)
        self.reveal_page.update()

    # ------------------------------------------------------------------ for tests

    def visible_text(self) -> str:
        """Every text the hall can read right now (the current page's visible texts)."""
        page = self.stack.currentWidget()
        parts: list[str] = []
        for child in page.findChildren(FitText):
            if child.isVisibleTo(self) and child.text():
                parts.append(child.text())
        for table in page.findChildren(RankingTable):
            parts.extend(table.visible_text())
        return "\n".join(parts)

    def fit_texts(self) -> list[FitText]:
        return [c for c in self.stack.currentWidget().findChildren(FitText) if c.text()]
