"""``quiz-app take`` in-process: offers unfinished tests first, then opens participant mode."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from quiz_app import cli
from quiz_app.core.banks import load_runnable
from quiz_app.core.model import Participant
from quiz_app.core.quiz import build_attempt
from quiz_app.core.results import ResultsStore, SessionStatus
from quiz_app.ui import dialogs
from quiz_app.ui.participant.window import ParticipantWindow
from tests.helpers.banks import VALID_BANK, write
from tests.ui.participant.conftest import DialogLog


def test_take_offers_resume_then_starts_session(qtbot, tmp_path: Path, monkeypatch) -> None:
    bank = write(tmp_path, VALID_BANK, "uji.yaml")
    data = tmp_path / "data"
    plan, banks = load_runnable(bank)
    with ResultsStore.open_in(data) as store:
        old = store.create_session("Sesi lama", plan)
        store.start_attempt(old.id, Participant(name="Andi"), build_attempt(plan, banks, "s"))
    log = DialogLog()
    log.install(monkeypatch)
    offered: list[list[str]] = []
    monkeypatch.setattr(dialogs, "choose_item",
                        lambda _p, _t, _x, items, _a: offered.append(items))  # "Nanti saja"
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    app = QApplication.instance()
    monkeypatch.setattr(app, "setQuitOnLastWindowClosed", lambda _on: None)
    seen: list[ParticipantWindow] = []

    def drive() -> None:
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, ParticipantWindow) and w.isVisible()]
        if not windows:
            return
        timer.stop()
        window = windows[0]
        seen.append(window)
        window.end_session()  # trainer ends the session: the window closes, take returns

    timer = QTimer()
    timer.timeout.connect(drive)
    timer.start(10)
    code = cli.main(["--data-dir", str(data), "take", str(bank), "--pin", "1234",
                     "--title", "Tes Aula", "--place", "Aula", "--trainer", "Rina"])
    assert code == 0
    assert offered and offered[0][0].startswith("Andi — Sesi lama")
    [window] = seen
    record = window.session.record
    assert (record.title, record.place, record.trainer) == ("Tes Aula", "Aula", "Rina")
    with ResultsStore.open_in(data) as store:
        assert store.session(record.id).status is SessionStatus.CLOSED
        assert [a.participant.name for a in store.unfinished_attempts()] == ["Andi"]
