"""Fixtures for participant-mode UI tests: a real store in tmp_path, a FakeClock, keys."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from quiz_app.core.model import Bank, Plan
from quiz_app.core.results import ResultsStore
from quiz_app.ui import dialogs
from quiz_app.ui.participant.session import ParticipantSession, SessionSetup, create_session
from quiz_app.ui.participant.window import ParticipantWindow
from tests.helpers.fakes import FakeClock, make_bank, make_plan

PIN = "2468"
NIP = "198503122010011002"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ResultsStore]:
    s = ResultsStore.open_in(tmp_path / "data")
    yield s
    s.close()


class DialogLog:
    """Records every dialog the code under test opens; answers from queues."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, str]] = []
        self.pins: list[str | None] = []
        self.choices: list[str | None] = []
        self.confirms: list[bool] = []
        self.asked: list[str] = []

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(dialogs, "show_message",
                            lambda _p, title, text, detail="": self.messages.append((title, text)))
        monkeypatch.setattr(dialogs, "show_info",
                            lambda _p, title, text: self.messages.append((title, text)))
        monkeypatch.setattr(dialogs, "ask_pin", self._pin)
        monkeypatch.setattr(dialogs, "choose", self._choose)
        monkeypatch.setattr(dialogs, "confirm", self._confirm)

    def _pin(self, _parent: Any, _title: str, text: str) -> str | None:
        self.asked.append(text)
        return self.pins.pop(0) if self.pins else None

    def _choose(self, _parent: Any, title: str, _text: str, _choices: Any) -> str | None:
        self.asked.append(title)
        return self.choices.pop(0) if self.choices else None

    def _confirm(self, _parent: Any, title: str, _text: str) -> bool:
        self.asked.append(title)
        return self.confirms.pop(0) if self.confirms else False


@pytest.fixture
def dialog_log(monkeypatch: pytest.MonkeyPatch) -> DialogLog:
    log = DialogLog()
    log.install(monkeypatch)
    return log


def make_session(store: ResultsStore, tmp_path: Path, plan: Plan | None = None,
                 banks: list[Bank] | None = None, **setup: Any) -> ParticipantSession:
    banks = banks if banks is not None else [make_bank(5)]
    plan = plan if plan is not None else make_plan(order="bank", shuffle_options=False)
    fields: dict[str, Any] = {"source": tmp_path / "bank.yaml", "plan": plan,
                              "banks": tuple(banks), "title": "Sosialisasi Uji", "pin": PIN}
    fields.update(setup)
    return create_session(store, tmp_path / "data", SessionSetup(**fields))


@pytest.fixture
def open_window(qtbot: Any, clock: FakeClock, store: ResultsStore, tmp_path: Path,
                dialog_log: DialogLog) -> Callable[..., ParticipantWindow]:
    def factory(plan: Plan | None = None, banks: list[Bank] | None = None,
                **setup: Any) -> ParticipantWindow:
        session = make_session(store, tmp_path, plan, banks, **setup)
        window = ParticipantWindow(session, clock, tick_ms=5)
        qtbot.addWidget(window)
        window.start()
        qtbot.waitExposed(window)
        return window

    return factory


def focus_target(window: QWidget) -> QWidget:
    focused = QApplication.focusWidget()
    if focused is not None and (focused is window or window.isAncestorOf(focused)):
        return focused
    return window.focusWidget() or window


def press(qtbot: Any, window: QWidget, key: Qt.Key | str,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key where the keyboard focus is, as a user would."""
    qtbot.keyClick(focus_target(window), key, modifier)


def type_text(qtbot: Any, window: QWidget, text: str) -> None:
    qtbot.keyClicks(focus_target(window), text)
