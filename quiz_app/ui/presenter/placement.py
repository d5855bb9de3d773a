"""Which window goes on which screen.

:func:`plan_placement` is a pure function of the screen geometries (tested without Qt
screens); :class:`ScreenManager` is the thin Qt part that applies it, and applies it again
when a projector is plugged in or out while the presentation runs.

* Two or more screens: the console on the primary screen (the laptop), the audience view
  full screen on the first other screen (the projector). "Tukar layar" swaps them for
  set-ups where the projector was made the primary display.
* One screen (or a mirrored projector, which Qt sees as one screen): the audience view
  fills it; the console is behind it and F5 shows/hides the audience view, like the
  slideshow key of presentation software. The audience view is shown first so a mirrored
  projector never shows the console (and its answer key) by surprise.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QObject, QRect, QSize, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from ..screenfit import FRAME


class Mode(StrEnum):
    SINGLE = "single"
    DUAL = "dual"


@dataclass(frozen=True)
class ScreenGeom:
    name: str
    x: int
    y: int
    width: int
    height: int
    primary: bool = False


@dataclass(frozen=True)
class Placement:
    mode: Mode
    audience: int  # index into the screen list
    console: int


def plan_placement(screens: Sequence[ScreenGeom], *, swap: bool = False) -> Placement:
    """Where the audience view and the console go (indices into ``screens``)."""
    if not screens:
        return Placement(Mode.SINGLE, 0, 0)
    primary = next((i for i, s in enumerate(screens) if s.primary), 0)
    if len(screens) == 1:
        return Placement(Mode.SINGLE, primary, primary)
    other = next(i for i in range(len(screens)) if i != primary)
    if swap:
        return Placement(Mode.DUAL, primary, other)
    return Placement(Mode.DUAL, other, primary)


# Below this the console takes the whole available area (less its frame) rather than 90 %
COMFORTABLE = QSize(1180, 680)


def console_rect(screen: ScreenGeom, available: QRect | None = None) -> QRect:
    """The console's normal geometry: 90 % of the (available) screen, at least
    :data:`COMFORTABLE` when there is room, never more than the available area less the
    window frame (:data:`~quiz_app.ui.screenfit.FRAME`). The rectangle's size is the
    window's content; its top left is where the frame goes, so that frame and content
    are centred on the screen."""
    area = available or QRect(screen.x, screen.y, screen.width, screen.height)
    w = min(area.width() - FRAME.width(), max(int(area.width() * 0.9), COMFORTABLE.width()))
    h = min(area.height() - FRAME.height(),
            max(int(area.height() * 0.9), COMFORTABLE.height()))
    return QRect(area.x() + (area.width() - w - FRAME.width()) // 2,
                 area.y() + (area.height() - h - FRAME.height()) // 2, w, h)


def geom_of(screen: QScreen, primary: QScreen | None) -> ScreenGeom:
    g = screen.geometry()
    return ScreenGeom(screen.name(), g.x(), g.y(), g.width(), g.height(), screen is primary)


class ScreenManager(QObject):
    """Applies :func:`plan_placement` to the two windows, now and on screen changes."""

    placed = Signal(object)  # the Placement applied

    def __init__(self, audience: QWidget, console: QWidget,
                 screens: Callable[[], list[QScreen]] | None = None,
                 primary: Callable[[], QScreen | None] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.audience = audience
        self.console = console
        self._screens = screens or QGuiApplication.screens
        self._primary = primary or QGuiApplication.primaryScreen
        self.swap = False
        self.placement: Placement | None = None
        self.audience_screen: QScreen | None = None
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self.on_screens_changed)
            app.screenRemoved.connect(self.on_screens_changed)

    @property
    def mode(self) -> Mode:
        return self.placement.mode if self.placement else Mode.SINGLE

    def geometries(self) -> tuple[list[QScreen], list[ScreenGeom]]:
        screens = list(self._screens())
        primary = self._primary()
        return screens, [geom_of(s, primary) for s in screens]

    def apply(self) -> Placement:
        screens, geoms = self.geometries()
        placement = plan_placement(geoms, swap=self.swap)
        self.placement = placement
        if not screens:
            self.audience.showFullScreen()
            self.placed.emit(placement)
            return placement
        console_screen = screens[placement.console]
        audience_screen = screens[placement.audience]
        self.audience_screen = audience_screen
        rect = console_rect(geoms[placement.console], console_screen.availableGeometry())
        self.console.resize(rect.size())
        self.console.move(rect.topLeft())  # of the frame
        self.console.show()
        self._move_to(self.audience, audience_screen)
        self.audience.showFullScreen()
        self.audience.raise_()
        if placement.mode is Mode.SINGLE:
            self.audience.activateWindow()
        else:
            self.console.raise_()
            self.console.activateWindow()
        self.placed.emit(placement)
        return placement

    def _move_to(self, window: QWidget, screen: QScreen) -> None:
        if window.isFullScreen():
            window.showNormal()
        window.setGeometry(screen.geometry())
        handle = window.windowHandle()
        if handle is not None:
            handle.setScreen(screen)

    def on_screens_changed(self, _screen: QScreen | None = None) -> None:
        """A projector was plugged in or out: place the windows again."""
        self.apply()

    def toggle_swap(self) -> None:
        self.swap = not self.swap
        self.apply()

    def toggle_audience(self) -> None:
        """F5: show or hide the audience view (full screen on its screen)."""
        if self.audience.isVisible():
            self.audience.hide()
            self.console.raise_()
            self.console.activateWindow()
        else:
            if self.audience_screen is not None:
                self._move_to(self.audience, self.audience_screen)
            self.audience.showFullScreen()
            self.audience.raise_()
            if self.mode is Mode.SINGLE:
                self.audience.activateWindow()

    def hide_audience_if_single(self) -> None:
        """Esc on a single screen: back to the console (like leaving a slideshow)."""
        if self.mode is Mode.SINGLE and self.audience.isVisible():
            self.toggle_audience()
