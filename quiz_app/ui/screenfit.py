"""Windows sized to the screen they open on: never larger than its available area.

Laptops in the field go down to 1024×600 (and 1366×768 with a task bar): a window asked to
be 1180×640 there would open with its buttons off-screen. :func:`fit_window` gives a window
its preferred size *bounded by* the screen's available geometry (less room for the title
bar and borders the window manager adds); the content of such windows scrolls where it
does not fit (see :func:`scrolling`).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

# What a window manager adds around a window: Windows 10 has a 31 px title bar and 8 px
# resize borders, GNOME and openbox less. Before the first show Qt cannot know it.
FRAME = QSize(16, 40)


def available_geometry(widget: QWidget, anchor: QWidget | None = None) -> QRect:
    """The available area (without task bars) of the screen ``widget`` opens on: that of
    ``anchor`` or of its parent window when it has one, else its own (the primary)."""
    for candidate in (anchor, widget.parentWidget(), widget):
        if candidate is not None:
            screen = candidate.window().screen()
            if screen is not None:
                return screen.availableGeometry()
    primary = QGuiApplication.primaryScreen()
    return primary.availableGeometry() if primary is not None else QRect(0, 0, 1024, 600)


def fitted_size(widget: QWidget, width: int, height: int,
                anchor: QWidget | None = None) -> QSize:
    area = available_geometry(widget, anchor)
    return QSize(max(1, min(width, area.width() - FRAME.width())),
                 max(1, min(height, area.height() - FRAME.height())))


def fit_window(widget: QWidget, width: int, height: int,
               anchor: QWidget | None = None) -> QSize:
    """Resize ``widget`` (a top-level window or dialog) to ``width``×``height`` or less, so
    that with its frame it fits the screen; a window without a parent is also centred.
    Dialogs with a parent are centred on it by Qt when shown (and kept on the screen)."""
    size = fitted_size(widget, width, height, anchor)
    widget.resize(size)
    if widget.parentWidget() is None and anchor is None:
        area = available_geometry(widget)
        widget.move(area.x() + max(0, (area.width() - size.width() - FRAME.width()) // 2),
                    area.y() + max(0, (area.height() - size.height() - FRAME.height()) // 2))
    return size


def scrolling(content: QWidget, parent: QWidget | None = None,
              name: str = "") -> QScrollArea:
    """``content`` in a frameless scroll area that gives it the whole width and height when
    there is room, and scroll bars (never a squashed layout) when there is not."""
    area = QScrollArea(parent)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(content)
    if name:
        area.setObjectName(name)
    return area
