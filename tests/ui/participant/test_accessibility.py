"""Every button, text field and progress bar of every screen has an accessible name."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QProgressBar, QWidget

from quiz_app.core.model import QuestionType
from quiz_app.ui.main_window import MainWindow
from quiz_app.ui.setup import SetupDialog
from tests.helpers.fakes import make_bank, make_plan, make_question

from .conftest import press
from .test_flow import identify

CONTROLS = (QAbstractButton, QLineEdit, QProgressBar)


def unnamed(root: QWidget) -> list[str]:
    out = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, CONTROLS) and not widget.accessibleName().strip():
            out.append(f"{type(widget).__name__}({widget.objectName()!r}, "
                       f"{getattr(widget, 'text', lambda: '')()!r})")
    return out


def test_every_participant_screen_names_its_controls(open_window, qtbot) -> None:
    bank = make_bank(questions=[
        make_question("s", category="akuntabel"),
        make_question("m", type=QuestionType.MULTIPLE, category="loyal"),
        make_question("t", type=QuestionType.TRUE_FALSE, category="loyal"),
    ])
    window = open_window(plan=make_plan(order="bank", time_limit=300), banks=[bank])
    seen = {}
    window.screen_changed.connect(lambda name: seen.setdefault(name, unnamed(window.stack
                                                                              .currentWidget())))
    identify(qtbot, window)
    for key in (Qt.Key.Key_A, Qt.Key.Key_B, Qt.Key.Key_B):
        assert unnamed(window.question) == []
        press(qtbot, window, key)
        press(qtbot, window, Qt.Key.Key_Return)
    assert window.screen_name == "finish"
    with qtbot.waitSignal(window.attempt_finished, timeout=2000):
        press(qtbot, window, Qt.Key.Key_Return)
    assert len(window.result.bar_widgets) == 6
    window.result.review_button.click()
    assert set(seen) == {"instructions", "question", "finish", "result", "review"}
    for screen in (window.identity, window.instructions, window.question, window.finish,
                   window.result, window.review):
        assert unnamed(screen) == [], type(screen).__name__
    assert seen == {name: [] for name in seen}


def test_setup_and_main_window_name_their_controls(qtbot, tmp_path: Path) -> None:
    main = MainWindow(tmp_path, None)
    qtbot.addWidget(main)
    assert unnamed(main) == []
    dialog = SetupDialog([], None, main)
    qtbot.addWidget(dialog)
    assert unnamed(dialog) == []
