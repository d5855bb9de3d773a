"""Small helpers shared by the editor's windows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget


def fit_to_screen(widget: QWidget, parent: QWidget | None, width: int, height: int) -> None:
    """``width`` × ``height``, or 90% of the screen when that is smaller (1024×600)."""
    area = (parent or widget).screen().availableGeometry()
    widget.resize(min(width, int(area.width() * 0.9)), min(height, int(area.height() * 0.9)))


def bound(owner: QWidget, fn: Callable[..., None]) -> Callable[..., None]:
    """``fn``, dropped if ``owner`` was deleted meanwhile: a worker may finish after the
    trainer closed the window that asked for it."""
    import shiboken6

    def call(*args: Any) -> None:
        if shiboken6.isValid(owner):
            fn(*args)

    return call
