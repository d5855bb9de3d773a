"""Painted pieces of the audience view: answer tiles, the countdown dial, ranking rows."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from . import palette
from .fit import FitText, fit_pixel_size, projector_font, with_px
from .palette import Shape, TileStyle


def shape_path(shape: Shape, rect: QRectF) -> QPainterPath:
    """The outline of a tile's shape, centred in ``rect``."""
    path = QPainterPath()
    cx, cy = rect.center().x(), rect.center().y()
    r = min(rect.width(), rect.height()) / 2

    def polygon(n: int, radius: float, start: float = -90.0, dy: float = 0.0) -> None:
        pts = [
            QPointF(cx + radius * math.cos(math.radians(start + i * 360 / n)),
                    cy + dy + radius * math.sin(math.radians(start + i * 360 / n)))
            for i in range(n)
        ]
        path.addPolygon(QPolygonF([*pts, pts[0]]))

    match shape:
        case Shape.TRIANGLE:
            polygon(3, r * 1.08, dy=r * 0.16)
        case Shape.DIAMOND:
            polygon(4, r)
        case Shape.CIRCLE:
            path.addEllipse(QPointF(cx, cy), r * 0.92, r * 0.92)
        case Shape.SQUARE:
            side = r * 1.6
            path.addRect(QRectF(cx - side / 2, cy - side / 2, side, side))
        case Shape.PENTAGON:
            polygon(5, r, dy=r * 0.05)
        case Shape.HEXAGON:
            polygon(6, r * 0.95, start=0.0)
        case Shape.STAR:
            pts = []
            for i in range(10):
                radius = r if i % 2 == 0 else r * 0.5
                ang = math.radians(-90 + i * 36)
                pts.append(QPointF(cx + radius * math.cos(ang), cy + r * 0.06
                                   + radius * math.sin(ang)))
            path.addPolygon(QPolygonF([*pts, pts[0]]))
        case Shape.CROSS:
            a, b = r * 0.9, r * 0.34
            path.addRect(QRectF(cx - b, cy - a, 2 * b, 2 * a))
            path.addRect(QRectF(cx - a, cy - b, 2 * a, 2 * b))
            path = path.simplified()
    return path


def letter_centre(shape: Shape, rect: QRectF) -> QPointF:
    """Where the letter sits inside the shape (lower in a triangle)."""
    c = rect.center()
    r = min(rect.width(), rect.height()) / 2
    if shape is Shape.TRIANGLE:
        return QPointF(c.x(), c.y() + r * 0.28)
    return c


def paint_badge(painter: QPainter, style: TileStyle, rect: QRectF, fill: str,
                letter_colour: str) -> None:
    """A white shape with the tile's letter inside it."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#1A1A1A"), max(1.5, rect.width() * 0.03)))
    painter.setBrush(QColor(fill))
    painter.drawPath(shape_path(style.shape, rect))
    small = style.shape in (Shape.TRIANGLE, Shape.STAR, Shape.CROSS)
    px = int(rect.height() * (0.34 if small else 0.46))
    painter.setFont(projector_font(px, bold=True))
    painter.setPen(QColor(letter_colour))
    centre = letter_centre(style.shape, rect)
    box = QRectF(centre.x() - rect.width() / 2, centre.y() - px, rect.width(), 2 * px)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter.value), style.letter)
    painter.restore()


def paint_check(painter: QPainter, rect: QRectF, colour: str, mark: str) -> None:
    """A round badge with a tick: the correct option (not told by colour alone)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(rect)
    pen = QPen(QColor(mark), rect.width() * 0.14)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    w, h, x, y = rect.width(), rect.height(), rect.x(), rect.y()
    path = QPainterPath(QPointF(x + w * 0.27, y + h * 0.52))
    path.lineTo(QPointF(x + w * 0.44, y + h * 0.69))
    path.lineTo(QPointF(x + w * 0.74, y + h * 0.34))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.restore()


class OptionTile(QWidget):
    """One answer option: colour + shape + letter + text; on reveal a bar of answers."""

    def __init__(self, style: TileStyle, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.style_ = style
        self.label = FitText(self, colour=style.text_colour)
        self.label.setText(text)
        self._revealed = False
        self._correct: bool | None = None  # None: a poll, nothing is right or wrong
        self._count = 0
        self._total = 0
        self._show_bar = True
        self.setAccessibleName(f"{style.letter}: {text}")

    def set_bounds(self, min_px: int, max_px: int) -> None:
        self.label.set_bounds(min_px, max_px)

    def set_reveal(self, correct: bool | None, count: int, total: int,
                   show_bar: bool = True) -> None:
        self._revealed = True
        self._correct = correct
        self._count = count
        self._total = total
        self._show_bar = show_bar
        self.label.set_colour(palette.MUTED if correct is False else self.style_.text_colour)
        self._layout()
        self.update()

    def clear_reveal(self) -> None:
        self._revealed = False
        self._correct = None
        self.label.set_colour(self.style_.text_colour)
        self._layout()
        self.update()

    @property
    def dimmed(self) -> bool:
        return self._revealed and self._correct is False

    @property
    def count(self) -> int:
        return self._count

    @staticmethod
    def metrics(w: int, h: int, bar: bool) -> tuple[int, int, int]:
        """(padding, badge size, bar height) of a ``w`` × ``h`` tile."""
        pad = max(6, int(h * 0.09))
        badge = int(min(h - 2 * pad, w * 0.2, h * 0.78))
        bar_h = max(10, int(h * 0.15)) if bar else 0
        return pad, badge, bar_h

    @staticmethod
    def label_rect(w: int, h: int, *, bar: bool = False, check: bool = False) -> QRect:
        """Where the option text goes in a ``w`` × ``h`` tile (``check``: room for the
        tick of the correct answer)."""
        pad, badge, bar_h = OptionTile.metrics(w, h, bar)
        x = pad + badge + pad
        right = 2 * pad + (int(h * 0.28) if check else 0)
        gap = int(pad * 0.6) if bar_h else 0
        bottom = int(pad * 1.4) if bar_h else pad
        return QRect(x, pad, max(1, w - x - right), max(1, h - pad - bottom - bar_h - gap))

    def _metrics(self) -> tuple[int, int, int]:
        return self.metrics(self.width(), self.height(), self._revealed and self._show_bar)

    def _layout(self) -> None:
        self.label.setGeometry(self.label_rect(
            self.width(), self.height(), bar=self._revealed and self._show_bar,
            check=bool(self._revealed and self._correct)))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._layout()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(2, 2, -2, -2)
        radius = min(r.height() * 0.12, 18.0)
        colour = self.style_.colour
        if self.dimmed:
            colour = palette.mix(colour, palette.DIM_TARGET, palette.DIM_AMOUNT)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawRoundedRect(r, radius, radius)
        if self._revealed and self._correct:
            border = max(4.0, self.height() * 0.05)
            painter.setPen(QPen(QColor(palette.TEXT), border))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(r.adjusted(border / 2, border / 2, -border / 2, -border / 2),
                                    radius, radius)
        pad, badge, bar = self._metrics()
        badge_rect = QRectF(pad, (self.height() - badge) / 2, badge, badge)
        if self._revealed and self._show_bar:
            badge_rect.moveTop(pad)
        fill = palette.MUTED if self.dimmed else palette.TEXT
        paint_badge(painter, self.style_, badge_rect, fill,
                    palette.mix(self.style_.colour, "#000000", 0.35))
        if self._revealed and self._correct:
            size = self.height() * 0.24
            paint_check(painter, QRectF(self.width() - pad - size, pad, size, size),
                        palette.TEXT, "#111111")
        if bar:
            self._paint_bar(painter, pad, badge, bar)
        painter.end()

    def _paint_bar(self, painter: QPainter, pad: int, badge: int, bar: int) -> None:
        x = pad + badge + pad
        y = self.height() - int(pad * 1.4) - bar
        count_px = max(int(bar * 1.15), min(self.label.pixel_size(), int(self.height() * 0.3)))
        count_w = int(count_px * 2.2)
        track = QRectF(x, y, max(1, self.width() - x - 2 * pad - count_w), bar)
        ink = palette.MUTED if self.dimmed else self.style_.text_colour
        if self._correct:
            ink = palette.TEXT
        background = self.style_.colour
        if self.dimmed:
            background = palette.mix(background, palette.DIM_TARGET, palette.DIM_AMOUNT)
        painter.setPen(Qt.PenStyle.NoPen)
        # the empty part of the bar: a darker groove, so 0 never looks like a full bar
        painter.setBrush(QColor(palette.mix(background, "#000000", 0.35)))
        painter.drawRoundedRect(track, bar / 3, bar / 3)
        share = self._count / self._total if self._total else 0.0
        if share > 0:
            painter.setBrush(QColor(ink))
            painter.drawRoundedRect(QRectF(track.x(), track.y(),
                                           max(bar * 0.6, track.width() * share), bar),
                                    bar / 3, bar / 3)
        painter.setFont(projector_font(count_px, bold=True))
        painter.setPen(QColor(ink))
        painter.drawText(QRectF(track.right(), y + bar / 2 - count_px, count_w, count_px * 2),
                         int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value),
                         str(self._count))


class CountdownDial(QWidget):
    """The big countdown: a ring that empties and the whole seconds left. No animation
    beyond the ring; the number changes once a second."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.remaining = 0.0
        self.limit = 1
        self.paused = False
        self.time_up = False
        self.paused_text = "JEDA"
        self.time_up_text = "Waktu\nhabis!"

    def set_state(self, remaining: float, limit: int, *, paused: bool, time_up: bool) -> None:
        self.remaining, self.limit, self.paused, self.time_up = remaining, limit, paused, time_up
        self.update()  # the ring moves smoothly; the number changes once a second

    def seconds_shown(self) -> int:
        return max(0, math.ceil(self.remaining - 1e-9))

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height())
        ring = max(6.0, side * 0.08)
        rect = QRectF((self.width() - side) / 2 + ring / 2, (self.height() - side) / 2 + ring / 2,
                      side - ring, side - ring)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(palette.ALERT if self.time_up else palette.PANEL))
        painter.drawEllipse(rect)
        painter.setPen(QPen(QColor("#33465F"), ring))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(rect)
        if not self.time_up:
            share = max(0.0, min(1.0, self.remaining / self.limit)) if self.limit else 0.0
            urgent = self.remaining <= 5.0
            pen = QPen(QColor(palette.ALERT if urgent else palette.TEXT), ring)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            painter.drawArc(rect, 90 * 16, int(-share * 360 * 16))
        inner = rect.adjusted(ring * 1.4, ring * 1.4, -ring * 1.4, -ring * 1.4)
        if self.time_up:
            text, colour, bold_px = self.time_up_text, "#000000", int(inner.height() * 0.34)
        else:
            text, colour, bold_px = str(self.seconds_shown()), palette.TEXT, int(
                inner.height() * (0.5 if self.paused else 0.62))
        flags = int(Qt.AlignmentFlag.AlignCenter.value)
        box = inner.toRect()
        if self.paused:
            box = QRect(box.x(), box.y(), box.width(), int(box.height() * 0.72))
        px, _ = fit_pixel_size(projector_font(bold=True), box.width(), box.height(), text,
                               flags, 6, bold_px)
        painter.setFont(projector_font(px, bold=True))
        painter.setPen(QColor(colour))
        painter.drawText(box, flags, text)
        if self.paused:
            small = QRect(box.x(), box.bottom() - int(inner.height() * 0.05), box.width(),
                          int(inner.height() * 0.3))
            px, _ = fit_pixel_size(projector_font(bold=True), small.width(), small.height(),
                                   self.paused_text, flags, 6, int(inner.height() * 0.2))
            painter.setFont(projector_font(px, bold=True))
            painter.setPen(QColor(palette.ALERT))
            painter.drawText(small, flags, self.paused_text)
        painter.end()


@dataclass(frozen=True)
class Row:
    rank: int
    name: str
    points: str
    change: int | None  # None: no previous ranking; positive: places gained
    highlight: bool = False


class RankingTable(QWidget):
    """The leaderboard rows: rank, a ▲/▼ change, the team name (up to two lines) and
    points. One font size for all rows, the largest at which every name fits."""

    MAX_ROWS = 10

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []
        self.min_px = 12
        self.max_px = 48
        self._px = 12
        self.below_minimum = False

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.rows = list(rows)[: self.MAX_ROWS]
        self._refit()
        self.update()

    def set_bounds(self, min_px: int, max_px: int) -> None:
        self.min_px, self.max_px = min_px, max_px
        self._refit()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._refit()

    def pixel_size(self) -> int:
        return self._px

    def visible_text(self) -> list[str]:
        return [f"{r.rank}. {r.name} {r.points}" for r in self.rows]

    def _geometry(self) -> tuple[float, list[float]]:
        n = max(len(self.rows), 5)
        row_h = self.height() / n
        w = self.width()
        # rank | change | name | points
        cols = [w * 0.055, w * 0.07, w * 0.735, w * 0.14]
        return row_h, cols

    def _refit(self) -> None:
        if not self.rows or self.height() <= 0:
            return
        row_h, cols = self._geometry()
        flags = int((Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value) | int(
            Qt.TextFlag.TextWordWrap.value)
        cap = min(self.max_px, int(row_h * 0.5))
        px = cap
        ok_all = True
        for r in self.rows:
            size, ok = fit_pixel_size(projector_font(bold=True), int(cols[2] * 0.96),
                                      int(row_h * 0.9), r.name, flags, min(self.min_px, cap), cap)
            px = min(px, size)
            ok_all = ok_all and ok
            size, ok = fit_pixel_size(projector_font(bold=True), int(cols[3] * 0.9),
                                      int(row_h * 0.9), r.points, flags, min(self.min_px, cap),
                                      cap)
            px = min(px, size)
            ok_all = ok_all and ok
        self._px = px
        self.below_minimum = not ok_all

    def paintEvent(self, event) -> None:  # noqa: N802
        if not self.rows:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        row_h, cols = self._geometry()
        font = projector_font(self._px, bold=True)
        left = int((Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value)
        right = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
        centre = int(Qt.AlignmentFlag.AlignCenter.value)
        wrap = int(Qt.TextFlag.TextWordWrap.value)
        for i, r in enumerate(self.rows):
            y = i * row_h
            band = QRectF(0, y + row_h * 0.06, self.width(), row_h * 0.88)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#22385A" if r.highlight else palette.PANEL))
            painter.drawRoundedRect(band, row_h * 0.14, row_h * 0.14)
            x = 0.0
            painter.setFont(font)
            painter.setPen(QColor(palette.TEXT))
            painter.drawText(QRectF(x, y, cols[0], row_h), centre, str(r.rank))
            x += cols[0]
            self._paint_change(painter, QRectF(x, y, cols[1], row_h), r.change)
            x += cols[1]
            painter.setFont(font)
            painter.setPen(QColor(palette.TEXT))
            painter.drawText(QRectF(x, y, cols[2] * 0.98, row_h), left | wrap, r.name)
            x += cols[2]
            painter.drawText(QRectF(x, y, cols[3] - row_h * 0.25, row_h), right, r.points)
        painter.end()

    def _paint_change(self, painter: QPainter, cell: QRectF, change: int | None) -> None:
        if change is None:
            return
        size = cell.height() * 0.26
        cx = cell.x() + size * 0.9
        cy = cell.center().y()
        font = with_px(projector_font(bold=True), max(6, int(self._px * 0.8)))
        painter.setFont(font)
        if change == 0:
            painter.setPen(QColor(palette.MUTED))
            painter.drawText(QRectF(cx - size, cell.y(), size * 2, cell.height()),
                             int(Qt.AlignmentFlag.AlignCenter.value), "=")
            return
        up = change > 0
        colour = QColor("#56B4E9" if up else "#E69F00")  # Okabe–Ito sky blue / orange
        tri = QPolygonF([
            QPointF(cx - size / 2, cy + (size / 2 if up else -size / 2)),
            QPointF(cx + size / 2, cy + (size / 2 if up else -size / 2)),
            QPointF(cx, cy + (-size / 2 if up else size / 2)),
        ])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(tri)
        painter.setPen(colour)
        painter.drawText(QRectF(cx + size * 0.7, cell.y(), cell.width() - size * 1.6,
                                cell.height()),
                         int((Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value),
                         str(abs(change)))
