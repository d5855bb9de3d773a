"""The numbered question strip: one small button per question showing whether it is
answered, marked "ragu-ragu", out of time, and which one is shown. A click asks to jump
there (the engine decides whether the plan allows it).

Two shapes: one scrolling row (question screen, keeps the shown question in view) and a
wrapping grid (finish confirmation). Cells never take the keyboard focus: the screens
keep it, so Enter and the answer keys always reach them.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QPushButton, QScrollArea, QWidget

from ...core.quiz import Attempt
from .base import _repolish

FLAG_MARK = "⚑"
_CELL_W, _CELL_H, _GAP = 54, 36, 6


class QuestionStrip(QScrollArea):
    jump = Signal(int)  # 0-based question index the participant clicked

    def __init__(self, parent: QWidget | None = None, *, wrap: bool = False,
                 max_rows: int = 4) -> None:
        super().__init__(parent)
        self.setObjectName("QuestionStrip")
        self.wrap = wrap
        self.max_rows = max_rows
        self.scale = 1.0
        self.cells: list[QPushButton] = []
        self._columns = 0
        self._current = -1  # the shown question's cell, kept in view (row shape)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded if wrap
                                        else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(self.tr("Daftar nomor soal"))
        self._inner = QWidget(self)
        self._grid = QGridLayout(self._inner)
        self._grid.setContentsMargins(2, 2, 2, 2)
        self._grid.setSpacing(_GAP)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setWidget(self._inner)

    # -- size

    def _cell_size(self) -> tuple[int, int]:
        return round(_CELL_W * self.scale), round(_CELL_H * self.scale)

    def set_scale(self, scale: float) -> None:
        self.scale = scale
        w, h = self._cell_size()
        for cell in self.cells:
            cell.setFixedSize(w, h)
        self._columns = 0
        self._place()

    def _columns_for(self, width: int) -> int:
        if not self.wrap:
            return max(1, len(self.cells))
        w, _ = self._cell_size()
        return max(1, (width - 4 + _GAP) // (w + _GAP))

    def _place(self) -> None:
        """Put the cells in rows that fit the width; size the strip to its rows."""
        columns = self._columns_for(self.viewport().width())
        if columns != self._columns:
            self._columns = columns
            for i, cell in enumerate(self.cells):
                self._grid.addWidget(cell, i // columns, i % columns)
        _, h = self._cell_size()
        rows = max(1, math.ceil(len(self.cells) / columns)) if self.wrap else 1
        shown = min(rows, self.max_rows)
        self.setFixedHeight(shown * h + (shown - 1) * _GAP + 4 + 2 * self.frameWidth())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()
        self._keep_current_in_view()  # e.g. the test clock's label next to it got wider

    def _keep_current_in_view(self) -> None:
        if not self.wrap and 0 <= self._current < len(self.cells):
            self.ensureWidgetVisible(self.cells[self._current], round(60 * self.scale), 0)

    # -- state

    def _make_cells(self, n: int) -> None:
        if len(self.cells) == n:
            return
        for cell in self.cells:
            self._grid.removeWidget(cell)
            cell.deleteLater()
        self.cells = []
        w, h = self._cell_size()
        for i in range(n):
            cell = QPushButton(str(i + 1), self._inner)
            cell.setObjectName("StripCell")
            cell.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            cell.setCursor(Qt.CursorShape.PointingHandCursor)
            cell.setFixedSize(w, h)
            cell.clicked.connect(lambda _=False, index=i: self.jump.emit(index))
            self.cells.append(cell)
        self._columns = 0
        self._place()

    def show_attempt(self, attempt: Attempt) -> None:
        """Draw every question's state; the shown question is marked "current"."""
        self._make_cells(len(attempt))
        answers = attempt.answers
        running = attempt.is_started and not attempt.is_finished
        for i, (aq, cell) in enumerate(zip(attempt.questions, self.cells, strict=True)):
            rec = answers.get(aq.id)
            answered = bool(rec and rec.choice)
            flagged = bool(rec and rec.flagged)
            closed = running and not attempt.question_open(i)
            current = i == attempt.current_index
            cell.setText(f"{i + 1} {FLAG_MARK}" if flagged else str(i + 1))
            state = self.tr("sudah dijawab") if answered else self.tr("belum dijawab")
            if flagged:
                state += self.tr(", ragu-ragu")
            if closed:
                state += self.tr(", waktu habis")
            cell.setAccessibleName(self.tr("Soal {0}: {1}").format(i + 1, state))
            cell.setAccessibleDescription(self.tr("sedang tampil") if current else "")
            cell.setToolTip(cell.accessibleName())
            for prop, value in (("answered", answered), ("flagged", flagged),
                                ("closed", closed), ("current", current)):
                _repolish(cell, prop, value)
        self._current = attempt.current_index
        self._keep_current_in_view()
