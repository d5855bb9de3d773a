"""Windows sized to the screen they open on: never larger than its available area.

Laptops in the field go down to 1024×600 (and 1366×768 with a task bar): a window asked to
be 1180×640 there would open with its buttons off-screen. :func:`fit_window` gives a window
its preferred size *bounded by* the screen's available geometry (less room for the title
bar and borders the window manager adds); the content of such windows scrolls where it
does not fit (see :func:`scrolling`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QLabel,
    QLayout,
    QScrollArea,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

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
              name: str = "", by_minimum: bool = False) -> QScrollArea:
    """``content`` in a frameless, see-through scroll area that gives it the whole width
    and height when there is room, and scroll bars (never a squashed layout) when not.

    By default the content is as tall as it would like to be at that width
    (``heightForWidth``). With ``by_minimum`` only its minimum height counts: for panes of
    tables, which always "want" more rows and would make the pane scroll on any screen;
    give the tables and wrapped labels of such a pane the minimum heights they need.
    """
    area = QScrollArea(parent)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    if by_minimum:
        holder = QWidget(area)
        layout = _NoHeightForWidth(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(content)
        content.setAutoFillBackground(False)
        content = holder
    area.setWidget(content)
    area.viewport().setAutoFillBackground(False)  # the window's background shows through
    content.setAutoFillBackground(False)
    if name:
        area.setObjectName(name)
    return area


class _NoHeightForWidth(QVBoxLayout):
    """Tells the scroll area it has no height-for-width, so the area sizes it by its
    minimum; the widget inside still lays out its wrapped labels by their width."""

    def hasHeightForWidth(self) -> bool:
        return False


class LayoutSpacing:
    """Scales the margins, spacing and fixed spacers of a widget's layouts by a factor,
    from the values the code set (remembered on first sight, so it can be re-applied to
    layouts created later and undone with factor 1)."""

    def __init__(self) -> None:
        self._layouts: dict[int, tuple[QLayout, tuple[int, int, int, int], int]] = {}
        self._spacers: dict[int, tuple[QSpacerItem, QSize, QSizePolicy]] = {}

    def apply(self, root: QWidget, factor: float) -> None:
        layouts = [root.layout(), *root.findChildren(QLayout)]
        for layout in layouts:
            if layout is None:
                continue
            key = id(layout)
            if key not in self._layouts or self._layouts[key][0] is not layout:
                m = layout.contentsMargins()
                self._layouts[key] = (layout, (m.left(), m.top(), m.right(), m.bottom()),
                                      layout.spacing())
            _, margins, spacing = self._layouts[key]
            layout.setContentsMargins(*(round(v * factor) for v in margins))
            if spacing >= 0:
                layout.setSpacing(round(spacing * factor))
            for i in range(layout.count()):
                spacer = layout.itemAt(i).spacerItem()
                if spacer is None:
                    continue
                policy = spacer.sizePolicy()
                skey = id(spacer)
                if skey not in self._spacers or self._spacers[skey][0] is not spacer:
                    if QSizePolicy.Policy.Expanding in (policy.horizontalPolicy(),
                                                        policy.verticalPolicy()):
                        continue  # a stretch, not a fixed gap
                    self._spacers[skey] = (spacer, spacer.sizeHint(), policy)
                _, size, policy = self._spacers[skey]
                spacer.changeSize(round(size.width() * factor), round(size.height() * factor),
                                  policy.horizontalPolicy(), policy.verticalPolicy())
            layout.invalidate()


class _WholeText(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QLabel):
            current = watched.minimumHeight()
            # QLabel.heightForWidth never reports less than the label's minimum height:
            # measure without it, or a height set at a narrow width (many lines) sticks.
            watched.setMinimumHeight(0)
            needed = watched.heightForWidth(watched.width()) if watched.text() else 0
            watched.setMinimumHeight(needed if needed > 0 else current)
        return False


def keep_text_whole(*labels: QLabel) -> None:
    """Word-wrapped labels whose minimum height follows their width (all their lines), so
    that a pane sized by its minimum (``scrolling(by_minimum=True)``) never cuts them."""
    for label in labels:
        if label.property("wholeText"):
            continue
        label.setProperty("wholeText", True)
        label.installEventFilter(_WholeText(label))


def keep_wrapped_text_whole(page: QScrollArea) -> None:
    """:func:`keep_text_whole` for every word-wrapped label scrolled by ``page`` itself
    (not those inside another scroll area of the page, which scroll on their own)."""
    for label in page.findChildren(QLabel):
        if not label.wordWrap():
            continue
        parent = label.parentWidget()
        while parent is not None and not isinstance(parent, QAbstractScrollArea):
            parent = parent.parentWidget()
        if parent is page:
            keep_text_whole(label)
