"""Text that fills its box: the largest font size that fits, never clipped.

:func:`fit_pixel_size` binary-searches the pixel size with ``QFontMetrics.boundingRect``
over the available rectangle (word wrap on). A text is shrunk down to the widget's
guaranteed minimum; only if it still does not fit there (a bank with an unusually long
text) does it go below the minimum rather than be clipped, and :attr:`FitText.below_minimum`
tells the trainer's console to warn.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

FONT_FAMILIES = ["Noto Sans", "Segoe UI", "Helvetica Neue", "Arial", "Liberation Sans",
                 "DejaVu Sans"]
ABSOLUTE_MIN_PX = 6
SAFETY = 0.98  # fit into 98 % of the width: painting and measuring may round differently

_BLANK_LINES = re.compile(r"\n\s*\n")


def reflow(text: str) -> str:
    """Bank text for a big screen: the line breaks of a YAML block (written for an 80-column
    editor) become spaces, blank lines stay paragraph breaks."""
    paragraphs = _BLANK_LINES.split(text.strip())
    return "\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def projector_font(px: int = 16, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPixelSize(max(1, int(px)))
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def with_px(font: QFont, px: int) -> QFont:
    f = QFont(font)
    f.setPixelSize(max(1, int(px)))
    return f


def text_size(font: QFont, width: int, flags: int, text: str) -> QSize:
    """The size ``text`` needs when wrapped into ``width`` pixels."""
    rect = QFontMetrics(font).boundingRect(QRect(0, 0, max(1, width), 1_000_000), flags, text)
    return rect.size()


def fits(font: QFont, width: int, height: int, flags: int, text: str) -> bool:
    size = text_size(font, width, flags, text)
    return size.width() <= width and size.height() <= height


_CACHE: dict[tuple[str, int, int, str, int, int, int], tuple[int, bool]] = {}
_CACHE_SIZE = 4096


def fit_pixel_size(font: QFont, width: int, height: int, text: str, flags: int,
                   min_px: int, max_px: int) -> tuple[int, bool]:
    """Largest pixel size in ``[min_px, max_px]`` at which ``text`` fits ``width`` ×
    ``height``. Returns ``(size, True)``; if even ``min_px`` does not fit, the largest
    smaller size that fits and False (never a size that clips). Results are cached (the
    layout asks the same question for several candidate arrangements)."""
    key = (font.key(), width, height, text, flags, min_px, max_px)
    found = _CACHE.get(key)
    if found is None:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.clear()
        found = _CACHE[key] = _fit(font, width, height, text, flags, min_px, max_px)
    return found


def _fit(font: QFont, width: int, height: int, text: str, flags: int,
         min_px: int, max_px: int) -> tuple[int, bool]:
    max_px = max(max_px, min_px)
    if not text:
        return max_px, True
    width = int(width * SAFETY)

    def ok(px: int) -> bool:
        return fits(with_px(font, px), width, height, flags, text)

    def search(lo: int, hi: int) -> int | None:
        best = None
        while lo <= hi:
            mid = (lo + hi) // 2
            if ok(mid):
                best, lo = mid, mid + 1
            else:
                hi = mid - 1
        return best

    if ok(min_px):
        return search(min_px, max_px) or min_px, True
    smaller = search(ABSOLUTE_MIN_PX, min_px - 1)
    return (smaller if smaller is not None else ABSOLUTE_MIN_PX), False


class FitText(QWidget):
    """A plain-text label whose font grows or shrinks to fill its box.

    ``min_px``/``max_px`` bound the size; both are set by the owning view from the screen
    height. The text is painted with :meth:`fit_font` into :meth:`contentsRect` with
    :meth:`flags`, the same values tests measure with ``QFontMetrics.boundingRect``.
    """

    def __init__(self, parent: QWidget | None = None, *, bold: bool = False,
                 align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
                 | Qt.AlignmentFlag.AlignVCenter,
                 colour: str = "#FFFFFF", min_px: int = 12, max_px: int = 64) -> None:
        super().__init__(parent)
        self._text = ""
        self._align = align
        self._colour = QColor(colour)
        self._base = projector_font(bold=bold)
        self._min_px = min_px
        self._max_px = max_px
        self._font = with_px(self._base, max_px)
        self._below_minimum = False
        self._fitted_for: tuple[str, int, int, int, int] | None = None
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)

    # -- API ------------------------------------------------------------------

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 - Qt naming
        if text != self._text:
            self._text = text
            self.setAccessibleName(text)
            self._refit()

    def set_bounds(self, min_px: int, max_px: int) -> None:
        if (min_px, max_px) != (self._min_px, self._max_px):
            self._min_px, self._max_px = min_px, max(max_px, min_px)
            self._refit()

    def set_colour(self, colour: str) -> None:
        self._colour = QColor(colour)
        self.update()

    def set_alignment(self, align: Qt.AlignmentFlag) -> None:
        self._align = align
        self._fitted_for = None
        self._refit()

    @property
    def min_px(self) -> int:
        return self._min_px

    @property
    def below_minimum(self) -> bool:
        """True when the text only fits below the guaranteed minimum size."""
        return self._below_minimum

    def flags(self) -> int:
        return int(self._align.value) | int(Qt.TextFlag.TextWordWrap.value)

    def fit_font(self) -> QFont:
        return QFont(self._font)

    def pixel_size(self) -> int:
        return self._font.pixelSize()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(1, 1)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(100, 40)

    # -- Qt -------------------------------------------------------------------

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._refit()

    def paintEvent(self, event) -> None:  # noqa: N802
        if not self._text:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(self._font)
        painter.setPen(self._colour)
        painter.drawText(self.contentsRect(), self.flags(), self._text)
        painter.end()

    def _refit(self) -> None:
        rect = self.contentsRect()
        key = (self._text, rect.width(), rect.height(), self._min_px, self._max_px)
        if key == self._fitted_for:
            return
        self._fitted_for = key
        px, ok = fit_pixel_size(self._base, rect.width(), rect.height(), self._text,
                                self.flags(), self._min_px, self._max_px)
        self._font = with_px(self._base, px)
        self._below_minimum = not ok and bool(self._text)
        self.update()
