"""Vector charts for the session report, drawn with QPainter into a given rectangle."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen

from ..core.results.report_data import CategoryResult, format_decimal, format_int
from ..core.results.session_results import PrePost
from .pdf import font, mm

BLUE = QColor("#1f5fa8")
ORANGE = QColor("#e07b1a")
GREEN = QColor("#2e8b57")
GRID = QColor("#d5d9e0")
AXIS = QColor("#4a4f57")
TEXT = QColor("#1d2125")
PASS = QColor("#c0392b")

_CENTER = Qt.AlignmentFlag.AlignCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def _pen(color: QColor, width_mm: float = 0.25, style: Qt.PenStyle = Qt.PenStyle.SolidLine,
         ) -> QPen:
    pen = QPen(color)
    pen.setWidthF(mm(width_mm))
    pen.setStyle(style)
    return pen


def _text(p: QPainter, rect: QRectF, text: str, align: Qt.AlignmentFlag, size: float = 7.5,
          bold: bool = False, color: QColor = TEXT) -> None:
    p.setFont(font(size, bold=bold))
    p.setPen(color)
    p.drawText(rect, int(align), text)


def _pass_line_x(plot: QRectF, pass_mark: float) -> float:
    return plot.left() + plot.width() * pass_mark / 100


def histogram(p: QPainter, rect: QRectF, counts: Sequence[int], pass_mark: float) -> None:
    """Columns of how many participants scored in each band of 10 points."""
    plot = QRectF(rect.left() + mm(12), rect.top() + mm(6), rect.width() - mm(16),
                  rect.height() - mm(16))
    top = max(max(counts, default=0), 1)
    step = max(1, -(-top // 5))
    top = step * -(-top // step)
    p.setPen(_pen(GRID, 0.15))
    for v in range(0, top + 1, step):
        y = plot.bottom() - plot.height() * v / top
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        _text(p, QRectF(rect.left(), y - mm(2), mm(10), mm(4)), format_int(v), _RIGHT, 7)
    n = len(counts)
    width = plot.width() / n
    for i, c in enumerate(counts):
        x = plot.left() + i * width
        h = plot.height() * c / top
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(BLUE))
        p.drawRect(QRectF(x + width * 0.12, plot.bottom() - h, width * 0.76, h))
        if c:
            _text(p, QRectF(x, plot.bottom() - h - mm(4.5), width, mm(4)), format_int(c),
                  _CENTER, 7.5, bold=True)
        lo, hi = i * 100 // n, (i + 1) * 100 // n
        _text(p, QRectF(x, plot.bottom() + mm(1), width, mm(4)), f"{lo}–{hi}", _CENTER, 6.5)
    p.setPen(_pen(AXIS, 0.3))
    p.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
    x = _pass_line_x(plot, pass_mark)
    p.setPen(_pen(PASS, 0.35, Qt.PenStyle.DashLine))
    p.drawLine(QPointF(x, plot.top() - mm(2)), QPointF(x, plot.bottom()))
    _text(p, QRectF(x + mm(1), plot.top() - mm(6), mm(40), mm(4)),
          f"batas lulus {format_decimal(pass_mark)}", _LEFT, 6.5, color=PASS)
    _text(p, QRectF(plot.left(), rect.bottom() - mm(5), plot.width(), mm(4)),
          "Nilai", _CENTER, 7)


def category_bars(p: QPainter, rect: QRectF, cats: Sequence[CategoryResult],
                  pass_mark: float) -> None:
    """One horizontal bar per category: its mean nilai on a 0-100 scale."""
    label_w = mm(58)
    plot = QRectF(rect.left() + label_w, rect.top() + mm(2), rect.width() - label_w - mm(14),
                  rect.height() - mm(9))
    row = plot.height() / max(len(cats), 1)
    p.setPen(_pen(GRID, 0.15))
    for v in range(0, 101, 20):
        x = plot.left() + plot.width() * v / 100
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        _text(p, QRectF(x - mm(5), plot.bottom() + mm(1), mm(10), mm(4)), str(v), _CENTER, 6.5)
    for i, c in enumerate(cats):
        y = plot.top() + i * row
        _text(p, QRectF(rect.left(), y, label_w - mm(2), row), c.title,
              _RIGHT | Qt.TextFlag.TextWordWrap, 7)
        if c.mean is None:
            continue
        w = plot.width() * c.mean / 100
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(BLUE if c.mean >= pass_mark else ORANGE))
        p.drawRect(QRectF(plot.left(), y + row * 0.18, w, row * 0.64))
        _text(p, QRectF(plot.left() + w + mm(1), y, mm(14), row), format_decimal(c.mean),
              _LEFT, 7, bold=True)
    x = _pass_line_x(plot, pass_mark)
    p.setPen(_pen(PASS, 0.35, Qt.PenStyle.DashLine))
    p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))


def paired_rows(p: QPainter, rect: QRectF, pairs: Sequence[PrePost]) -> None:
    """Per participant a line from the pre-test dot to the post-test dot (0-100)."""
    label_w = mm(48)
    legend_h = mm(6)
    plot = QRectF(rect.left() + label_w, rect.top() + legend_h, rect.width() - label_w - mm(4),
                  rect.height() - legend_h - mm(6))
    row = plot.height() / max(len(pairs), 1)
    _legend(p, QPointF(plot.left(), rect.top() + mm(2)))
    p.setPen(_pen(GRID, 0.15))
    for v in range(0, 101, 10):
        x = plot.left() + plot.width() * v / 100
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        _text(p, QRectF(x - mm(5), plot.bottom() + mm(1), mm(10), mm(4)), str(v), _CENTER, 6.5)
    r = min(mm(1.3), row * 0.35)
    for i, pp in enumerate(pairs):
        y = plot.top() + (i + 0.5) * row
        _text(p, QRectF(rect.left(), y - row / 2, label_w - mm(2), row), pp.name, _RIGHT,
              min(7.0, max(5.0, row / mm(1) * 2.2)))
        xpost = plot.left() + plot.width() * pp.post / 100
        if pp.pre is not None:
            xpre = plot.left() + plot.width() * pp.pre / 100
            p.setPen(_pen(GREEN if pp.post >= pp.pre else PASS, 0.4))
            p.drawLine(QPointF(xpre, y), QPointF(xpost, y))
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QBrush(ORANGE))
            p.drawEllipse(QPointF(xpre, y), r, r)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(BLUE))
        p.drawEllipse(QPointF(xpost, y), r, r)


def paired_scatter(p: QPainter, rect: QRectF, pairs: Sequence[PrePost]) -> None:
    """Many participants: post-test (y) against pre-test (x); above the diagonal improved."""
    side = min(rect.width() - mm(20), rect.height() - mm(14))
    plot = QRectF(rect.left() + (rect.width() - side) / 2, rect.top() + mm(3), side, side)
    p.setPen(_pen(GRID, 0.15))
    for v in range(0, 101, 20):
        x = plot.left() + side * v / 100
        y = plot.bottom() - side * v / 100
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        _text(p, QRectF(x - mm(5), plot.bottom() + mm(1), mm(10), mm(4)), str(v), _CENTER, 6.5)
        _text(p, QRectF(plot.left() - mm(11), y - mm(2), mm(10), mm(4)), str(v), _RIGHT, 6.5)
    p.setPen(_pen(AXIS, 0.3, Qt.PenStyle.DashLine))
    p.drawLine(plot.bottomLeft(), plot.topRight())
    p.setPen(Qt.PenStyle.NoPen)
    color = QColor(BLUE)
    color.setAlphaF(0.55)
    p.setBrush(QBrush(color))
    for pp in pairs:
        if pp.pre is None:
            continue
        c = QPointF(plot.left() + side * pp.pre / 100, plot.bottom() - side * pp.post / 100)
        p.drawEllipse(c, mm(0.9), mm(0.9))
    _text(p, QRectF(plot.left(), plot.bottom() + mm(5), side, mm(4)), "Nilai pre-test",
          _CENTER, 7)
    p.save()
    p.translate(plot.left() - mm(16), plot.center().y())
    p.rotate(-90)
    _text(p, QRectF(-side / 2, -mm(2), side, mm(4)), "Nilai post-test", _CENTER, 7)
    p.restore()


def _legend(p: QPainter, at: QPointF) -> None:
    x = at.x()
    for color, label in ((ORANGE, "pre-test"), (BLUE, "post-test")):
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(color))
        p.drawEllipse(QPointF(x + mm(1.3), at.y() + mm(1.3)), mm(1.2), mm(1.2))
        _text(p, QRectF(x + mm(3.5), at.y() - mm(0.7), mm(25), mm(4)), label, _LEFT, 7)
        x += mm(24)
