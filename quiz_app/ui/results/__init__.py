"""Results in the app: session history, participants, answers, item analysis, export, merge.

The one entry point the main window and the kiosk trainer menu call::

    open_results_window(parent, data_dir, session_id=None)
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from .window import ResultsWindow

__all__ = ["ResultsWindow", "open_results_window"]


def open_results_window(parent: QWidget | None, data_dir: Path,
                        session_id: int | None = None) -> QWidget:
    """Show the results window (a separate top-level window owned by ``parent``).

    Opening it again for the same parent and data folder brings the existing window
    to the front (and selects ``session_id`` if given) instead of opening a second one;
    a window the user had closed is shown again with its list read afresh.
    The sessions are read in a worker; the window appears at once.
    """
    data_dir = Path(data_dir)
    window: ResultsWindow | None = None
    if parent is not None:
        for child in parent.findChildren(ResultsWindow):
            if child.data_dir == data_dir:
                window = child
                break
    if window is None:
        window = ResultsWindow(data_dir, parent)
        window.reload(session_id)
    elif window.isHidden():
        window.reload(session_id)  # closed earlier: results may have changed since
    elif session_id is not None:
        window.select_session(session_id)
    window.show()
    window.raise_()
    window.activateWindow()
    return window
