"""Issue 12 item 2: the documented multi-laptop flow, end to end with two data folders.

Trainer laptop: ``take`` (a session with one participant) → ``share-session``.
Laptop 2: ``join-session`` → ``take --session CODE`` (two participants take the test in
the joined session) → ``export-package``. Trainer laptop: ``merge`` → ``export``: all
three participants, in one session. The CLI steps run as subprocesses; the two ``take``
runs drive the real participant window in this process.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from quiz_app import cli
from quiz_app.core.results import AttemptStatus, ResultsStore
from quiz_app.ui.participant.window import ParticipantWindow
from tests.helpers.banks import VALID_BANK
from tests.hostile.harness import run_cli
from tests.ui.participant.conftest import DialogLog, press, type_text

PLAN = """\
format: kuis-plan/1
title: Pretest Netralitas Uji
banks: [uji]
order: bank
shuffle_options: false
"""
PEOPLE = {
    "pelatih": [("198503122010012002", "Ani Lestari")],
    "laptop2": [("199001012015031001", "Budi Santoso"), ("200012312024211001", "Citra Dewi")],
}


def take_in_window(qtbot, monkeypatch, data: Path, args: list[str],
                   people: list[tuple[str, str]]) -> list[ParticipantWindow]:
    """``quiz-app take ARGS`` in this process: each person identifies, answers A to every
    question and finishes; then the trainer ends the session."""
    DialogLog().install(monkeypatch)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    app = QApplication.instance()
    monkeypatch.setattr(app, "setQuitOnLastWindowClosed", lambda _on: None)
    seen: list[ParticipantWindow] = []

    def run_people(window: ParticipantWindow) -> None:
        for nip, name in people:
            assert window.screen_name == "identity"
            type_text(qtbot, window, nip)
            press(qtbot, window, Qt.Key.Key_Tab)
            type_text(qtbot, window, name)
            press(qtbot, window, Qt.Key.Key_Return)
            press(qtbot, window, Qt.Key.Key_Return)  # instructions → first question
            while window.screen_name == "question":
                press(qtbot, window, Qt.Key.Key_A)
                press(qtbot, window, Qt.Key.Key_Return)
            assert window.screen_name == "finish"
            press(qtbot, window, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda w=window: w.screen_name == "result", timeout=5000)
            window.next_participant()

    def drive() -> None:
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, ParticipantWindow) and w.isVisible()]
        if not windows:
            return
        timer.stop()
        seen.append(windows[0])
        try:
            run_people(windows[0])
        finally:  # whatever happened, the take command returns
            windows[0].end_session()

    timer = QTimer()
    timer.timeout.connect(drive)
    timer.start(10)
    assert cli.main(["--data-dir", str(data), "take", *args]) == 0
    return seen


def csv_names(path: Path) -> list[str]:
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")),
                               delimiter=";"))
    return sorted(r["Nama"] for r in rows)


def test_share_join_take_package_merge(qtbot, monkeypatch, tmp_path: Path) -> None:
    folder = tmp_path / "flashdisk"
    folder.mkdir()
    (folder / "uji.yaml").write_text(VALID_BANK, encoding="utf-8")
    plan = folder / "pretest.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    trainer, laptop2 = tmp_path / "pelatih", tmp_path / "laptop2"

    [window] = take_in_window(qtbot, monkeypatch, trainer,
                              [str(plan), "--pin", "1234", "--title", "Sosialisasi"],
                              PEOPLE["pelatih"])
    code = window.session.record.code
    sid = window.session.record.id

    setup_file = folder / "sesi.kuis-sesi"
    out = run_cli(trainer, "share-session", "--session", str(sid), "--out", str(setup_file))
    assert out.code == 0, out.describe()
    out = run_cli(laptop2, "join-session", str(setup_file))
    assert out.code == 0 and code in out.out, out.describe()

    [joined] = take_in_window(qtbot, monkeypatch, laptop2,
                              [str(plan), "--pin", "4321", "--session", code],
                              PEOPLE["laptop2"])
    assert joined.session.record.code == code  # the joined session, not a new one
    with ResultsStore.open_in(laptop2) as store:
        assert len(store.sessions()) == 1
        [session] = store.sessions()
        assert [a.status for a in store.attempts(session.id)] == [AttemptStatus.FINISHED] * 2

    package = folder / "laptop2.kuis-hasil"
    out = run_cli(laptop2, "export-package", "--session", code, "--out", str(package))
    assert out.code == 0 and "2 hasil" in out.out, out.describe()
    out = run_cli(trainer, "merge", str(package), "--into", code)
    assert out.code == 0 and "2 hasil diimpor" in out.out, out.describe()
    out = run_cli(trainer, "merge", str(package), "--into", code)  # again: duplicates only
    assert out.code == 0 and "0 hasil diimpor" in out.out and "2 sudah ada" in out.out

    report = tmp_path / "hasil.csv"
    out = run_cli(trainer, "export", "--session", code, "--out", str(report))
    assert out.code == 0, out.describe()
    assert csv_names(report) == sorted(n for group in PEOPLE.values() for _nip, n in group)


@pytest.mark.parametrize("case", ["unknown", "closed", "other-banks"])
def test_take_session_refuses_clearly(tmp_path: Path, case: str) -> None:
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "uji.yaml").write_text(VALID_BANK, encoding="utf-8")
    plan = folder / "pretest.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    data = tmp_path / "data"
    from quiz_app.core.banks import load_runnable
    from tests.helpers.fakes import make_plan

    loaded, _banks = load_runnable(plan)
    with ResultsStore.open_in(data) as store:
        session = store.create_session("Sesi", loaded if case != "other-banks"
                                       else make_plan(banks=("bank-lain",)))
        if case == "closed":
            store.close_session(session.id)
    ref = "ZZZZ-ZZZZ" if case == "unknown" else session.code
    out = run_cli(data, "take", str(plan), "--pin", "1234", "--session", ref)
    expected: dict[str, Callable[[str], bool]] = {
        "unknown": lambda t: "tidak ditemukan" in t,
        "closed": lambda t: "sudah ditutup" in t,
        "other-banks": lambda t: "bank-lain" in t and "laptop pelatih" in t,
    }
    out.assert_refused()
    assert expected[case](out.err), out.describe()


def test_setup_dialog_runs_the_joined_session(qtbot, monkeypatch, tmp_path: Path) -> None:
    """The GUI set-up lists the open sessions; choosing the joined one runs it (no new
    session), with its own title and plan, once the chosen file supplies its banks."""
    from quiz_app.core.banks import load_runnable
    from quiz_app.core.results import import_session_file, write_session_file
    from quiz_app.ui.participant.launcher import Launcher
    from quiz_app.ui.setup import SetupDialog

    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "uji.yaml").write_text(VALID_BANK, encoding="utf-8")
    plan_file = folder / "pretest.yaml"
    plan_file.write_text(PLAN, encoding="utf-8")
    plan, _banks = load_runnable(plan_file)
    with ResultsStore.open_in(tmp_path / "pelatih") as trainer:
        sid = trainer.create_session("Sosialisasi Pelatih", plan, place="Aula").id
        write_session_file(trainer, sid, folder / "sesi.kuis-sesi")
    data = tmp_path / "laptop2"
    with ResultsStore.open_in(data) as store:
        joined, _ = import_session_file(store, folder / "sesi.kuis-sesi")
    DialogLog().install(monkeypatch)
    dialog = SetupDialog([], None, data_dir=data)
    qtbot.addWidget(dialog)
    qtbot.waitSignal(dialog.sessions_loaded, timeout=10000).wait()
    dialog.choose_session(joined.id)
    assert dialog.title.text() == "Sosialisasi Pelatih" and not dialog.title.isEnabled()
    with qtbot.waitSignal(dialog.source_loaded, timeout=20000):
        dialog.choose_source(folder / "uji.yaml")  # the bank alone, as the session needs
    dialog.pin.setText("1234")
    dialog.try_start()
    assert dialog.result_setup is not None, dialog.message.text()
    assert dialog.result_setup.session_id == joined.id
    launcher = Launcher(data, None)
    window = launcher.start_session(dialog.result_setup)
    assert window is not None
    qtbot.addWidget(window)
    assert window.session.record.id == joined.id and window.session.plan == joined.plan
    with ResultsStore.open_in(data) as store:
        assert [s.id for s in store.sessions()] == [joined.id]
    window.end_session()
    launcher.close()
