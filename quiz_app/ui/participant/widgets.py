"""Small widgets of the participant screens: big option buttons and self-fitting text."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea, QSizePolicy, QWidget

from .. import style

PAD_X, PAD_Y, BADGE_GAP = 16, 12, 16


class OptionButton(QAbstractButton):
    """A large, checkable answer button: a letter badge and wrapped text.

    It never takes keyboard focus (letters and digits choose; the question screen keeps
    the focus) but works with the mouse or touch.
    """

    def __init__(self, letter: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.letter = letter
        self.setText(text)
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.pixel_size = 20
        self.setAccessibleName(f"{letter}: {text}")

    def set_pixel_size(self, px: int) -> None:
        self.pixel_size = px
        self.updateGeometry()
        self.update()

    def _font(self, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(self.pixel_size)
        font.setBold(bold)
        return font

    def _badge(self) -> int:
        return round(self.pixel_size * 2.0)

    def _text_width(self, width: int) -> int:
        return max(40, width - 2 * PAD_X - self._badge() - BADGE_GAP)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        fm = QFontMetrics(self._font())
        rect = fm.boundingRect(QRect(0, 0, self._text_width(width), 100000),
                               int(Qt.TextFlag.TextWordWrap), self.text())
        return max(rect.height(), self._badge()) + 2 * PAD_Y

    def sizeHint(self) -> QSize:
        width = max(300, self.width())
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self._badge() + 2 * PAD_Y)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            # the height wanted (sizeHint, heightForWidth) depends on the width: let the
            # layout ask again rather than keep a height from a narrower first layout
            self.updateGeometry()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
        checked = self.isChecked()
        if checked:
            fill, ink, border = QColor(style.SELECTED_BG), QColor("#ffffff"), QColor(style.PRIMARY)
        elif self.isDown() or self.underMouse():
            fill, ink, border = QColor("#e0e7ff"), QColor(style.INK), QColor(style.PRIMARY)
        else:
            fill, ink, border = QColor(style.SURFACE), QColor(style.INK), QColor(style.BORDER)
        if not self.isEnabled():
            ink = QColor("#4b5563")
        painter.setPen(QPen(border, 3 if checked else 2))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 10, 10)
        badge = self._badge()
        top = (self.height() - badge) / 2 if self.height() < badge * 2.5 else PAD_Y
        badge_rect = QRectF(PAD_X, top, badge, badge)
        painter.setPen(QPen(QColor("#ffffff") if checked else QColor(style.PRIMARY), 2))
        painter.setBrush(QColor(style.PRIMARY) if not checked else QColor("#1e3a8a"))
        painter.drawRoundedRect(badge_rect, 8, 8)
        painter.setPen(QColor("#ffffff"))
        painter.setFont(self._font(bold=True))
        painter.drawText(badge_rect, int(Qt.AlignmentFlag.AlignCenter), self.letter)
        painter.setPen(ink)
        painter.setFont(self._font(bold=checked))
        text_rect = QRect(PAD_X + badge + BADGE_GAP, PAD_Y, self._text_width(self.width()),
                          self.height() - 2 * PAD_Y)
        painter.drawText(text_rect, int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignVCenter
                                        | Qt.AlignmentFlag.AlignLeft), self.text())
        if checked:
            painter.setFont(self._font(bold=True))
            painter.drawText(QRect(0, 0, self.width() - PAD_X, self.height()),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             "✓")
        painter.end()


class FittedText(QScrollArea):
    """Word-wrapped text that takes the largest font size (between ``max_px`` and
    ``min_px``) at which it fits its area; below ``min_px`` it scrolls instead."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setObjectName("QuestionText")
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setWidget(self.label)
        self.max_px, self.min_px = 30, 19
        self.pixel_size = self.max_px
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(60)

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.fit()

    def set_range(self, max_px: int, min_px: int) -> None:
        self.max_px, self.min_px = max_px, min_px
        self.fit()

    def needed_height(self, px: int, width: int) -> int:
        font = QFont(self.label.font())
        font.setPixelSize(px)
        font.setWeight(QFont.Weight.DemiBold)  # as the stylesheet draws it
        fm = QFontMetrics(font)
        return fm.boundingRect(QRect(0, 0, max(50, width), 1000000),
                               int(Qt.TextFlag.TextWordWrap), self.label.text()).height()

    def fit(self) -> None:
        width = self.width() - 6
        height = self.height() - 4
        chosen = None
        for px in range(self.max_px, self.min_px - 1, -1):
            if self.needed_height(px, width) <= height:
                chosen = px
                break
        # scroll only as a last resort: when even the smallest readable size does not fit
        policy = (Qt.ScrollBarPolicy.ScrollBarAlwaysOff if chosen is not None
                  else Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(policy)
        self.pixel_size = chosen if chosen is not None else self.min_px
        self.label.setStyleSheet(f"font-size: {self.pixel_size}px; font-weight: 600;")

    @property
    def scrolls(self) -> bool:
        return self.needed_height(self.pixel_size, self.width() - 6) > self.height() - 4

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def sizeHint(self) -> QSize:
        return QSize(600, 120)
