"""A post-test session is linked to its pre-test at set-up (dialog or ``quiz-app take
--pretest``), so the export shows Nilai Pretest, Nilai Posttest and N-Gain per participant."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from quiz_app import cli
from quiz_app.core.banks import load_runnable
from quiz_app.core.model import TestKind
from quiz_app.core.results import (
    DB_FILENAME,
    PREPOST_HEADERS,
    ResultsStore,
    SessionRecord,
    export_session,
)
from quiz_app.ui.main_window import MainWindow
from quiz_app.ui.participant.window import ParticipantWindow
from quiz_app.ui.setup import SetupDialog
from tests.helpers.banks import VALID_BANK, write
from tests.helpers.results import ANI, BUDI, fixed_spec, take

from .conftest import PIN

PLAN = "format: kuis-plan/1\ntitle: {title}\nbanks: [uji]\norder: bank\nkind: {kind}\n"


def plan_file(folder: Path, kind: str) -> Path:
    """A plan of ``kind`` over the small test bank (written beside it)."""
    write(folder, VALID_BANK, "uji.yaml")
    return write(folder, PLAN.format(title=f"Uji {kind}", kind=kind), f"{kind}.yaml")


def add_session(data: Path, kind: str, title: str, place: str = "Aula") -> SessionRecord:
    plan, _ = load_runnable(plan_file(data.parent, kind))
    with ResultsStore.open_in(data) as store:
        return store.create_session(title, plan, place=place, date="2025-03-04")


def watch(dialog: SetupDialog) -> SetupDialog:
    """Remember ``pretests_loaded`` (it may come while a test waits for something else)."""
    seen: list[bool] = []
    dialog.pretests_seen = seen  # type: ignore[attr-defined]
    dialog.pretests_loaded.connect(seen.append)
    return dialog


def open_dialog(qtbot, data: Path | None) -> SetupDialog:
    dialog = SetupDialog([], None, data_dir=data)
    qtbot.addWidget(dialog)
    return watch(dialog)


def wait_pretests(qtbot, dialog: SetupDialog) -> bool:
    seen = dialog.pretests_seen  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    [ok] = seen
    return ok


def choices(dialog: SetupDialog) -> list[tuple[str, int | None]]:
    combo = dialog.pretest
    return [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]


def choose(qtbot, dialog: SetupDialog, path: Path) -> None:
    with qtbot.waitSignal(dialog.source_loaded, timeout=20000) as loaded:
        dialog.choose_source(path)
    assert loaded.args == [True]


# --------------------------------------------------------------------------- set-up dialog


def test_posttest_plan_preselects_newest_pretest_and_links_it(qtbot, tmp_path: Path,
                                                              dialog_log, clock) -> None:
    data = tmp_path / "data"
    old = add_session(data, "pretest", "Pretest Lama", place="")
    add_session(data, "test", "Tes Biasa")
    new = add_session(data, "pretest", "Pretest Netralitas", place="Aula Bupati")
    main = MainWindow(data, None, clock)
    qtbot.addWidget(main)
    dialog = watch(main.open_setup())
    qtbot.addWidget(dialog)
    assert wait_pretests(qtbot, dialog)
    assert dialog.pretest.accessibleName() == "Pretest terkait"
    assert choices(dialog) == [  # pre-tests only, newest first
        ("(tidak ada)", None),
        (f"Pretest Netralitas — 2025-03-04 — Aula Bupati ({new.code})", new.id),
        (f"Pretest Lama — 2025-03-04 ({old.code})", old.id),
    ]
    assert dialog.pretest.currentData() is None  # no plan chosen yet
    assert dialog.pretest_status.text() == "2 sesi pretest tersedia; tidak ada yang ditautkan."
    choose(qtbot, dialog, plan_file(tmp_path, "posttest"))
    assert dialog.pretest.currentData() == new.id
    assert dialog.pretest_status.text() == (  # in full: the combo itself is narrow
        f"Ditautkan ke: Pretest Netralitas — 2025-03-04 — Aula Bupati ({new.code})")
    dialog.pin.setText(PIN)
    with qtbot.waitSignal(main.launcher.window_opened, timeout=5000) as opened:
        dialog.start_button.click()
    window = opened.args[0]  # closed below; the launcher deletes it (not for qtbot)
    assert window.session.record.pretest_session_id == new.id
    with ResultsStore.open_in(data) as store:
        assert store.session(window.session.record.id).pretest_session_id == new.id
    window.close()


def test_other_plans_default_to_no_link_and_a_hand_choice_is_kept(qtbot, tmp_path: Path,
                                                                 dialog_log) -> None:
    data = tmp_path / "data"
    pre = add_session(data, "pretest", "Pretest Netralitas")
    dialog = open_dialog(qtbot, data)
    choose(qtbot, dialog, plan_file(tmp_path, "test"))  # the plan may load first
    assert wait_pretests(qtbot, dialog)
    assert dialog.pretest.count() == 2
    assert dialog.pretest.currentData() is None
    choose(qtbot, dialog, plan_file(tmp_path, "posttest"))
    assert dialog.pretest.currentData() == pre.id  # follows the plan ...
    choose(qtbot, dialog, plan_file(tmp_path, "pretest"))
    assert dialog.pretest.currentData() is None
    dialog.pretest.setCurrentIndex(1)
    dialog.pretest.activated.emit(1)  # ... until the trainer picks by hand
    choose(qtbot, dialog, plan_file(tmp_path, "survey"))
    assert dialog.pretest.currentData() == pre.id
    dialog.pretest.setCurrentIndex(0)
    dialog.pretest.activated.emit(0)
    choose(qtbot, dialog, plan_file(tmp_path, "posttest"))
    assert dialog.pretest.currentData() is None
    dialog.pin.setText(PIN)
    dialog.try_start()
    assert dialog.result_setup is not None and dialog.result_setup.pretest_session_id is None


def test_posttest_without_pretests_links_nothing(qtbot, tmp_path: Path, dialog_log) -> None:
    data = tmp_path / "data"
    add_session(data, "test", "Tes Biasa")
    dialog = open_dialog(qtbot, data)
    assert wait_pretests(qtbot, dialog)
    choose(qtbot, dialog, plan_file(tmp_path, "posttest"))
    assert choices(dialog) == [("(tidak ada)", None)]
    assert dialog.pretest_status.text() == "Belum ada sesi pretest di basis data hasil."
    dialog.pin.setText(PIN)
    dialog.try_start()
    assert dialog.result_setup is not None and dialog.result_setup.pretest_session_id is None


def test_unreadable_store_shows_only_none_and_a_status(qtbot, tmp_path: Path,
                                                       dialog_log) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / DB_FILENAME).write_bytes(b"ini bukan basis data" * 100)
    dialog = open_dialog(qtbot, data)
    assert not wait_pretests(qtbot, dialog)
    assert choices(dialog) == [("(tidak ada)", None)]
    status = dialog.pretest_status.text()
    assert status.startswith("Daftar sesi pretest tidak dapat dibaca: ")
    assert "bukan basis data SQLite" in status and "Traceback" not in status
    assert dialog_log.messages == []  # a status line, no dialog
    choose(qtbot, dialog, plan_file(tmp_path, "posttest"))
    dialog.pin.setText(PIN)
    dialog.try_start()
    assert dialog.result_setup is not None and dialog.result_setup.pretest_session_id is None


# --------------------------------------------------------------------------- quiz-app take


def drive_take(monkeypatch, args: list[str], on_setup=None) -> tuple[int, list]:
    """Run ``quiz-app take`` in-process; end the participant window as soon as it shows."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    app = QApplication.instance()
    monkeypatch.setattr(app, "setQuitOnLastWindowClosed", lambda _on: None)
    seen: list[ParticipantWindow] = []

    def drive() -> None:
        for w in QApplication.topLevelWidgets():
            if on_setup and isinstance(w, SetupDialog) and w.isVisible():
                on_setup(w)
            if isinstance(w, ParticipantWindow) and w.isVisible() and w not in seen:
                seen.append(w)
                w.end_session()

    timer = QTimer()
    timer.timeout.connect(drive)
    timer.start(10)
    try:
        code = cli.main(args)
    finally:
        timer.stop()
    return code, seen


@pytest.mark.parametrize("spelling", ["code", "lower-no-dash", "id"])
def test_take_pretest_links_the_session(qtbot, tmp_path: Path, monkeypatch, dialog_log,
                                        capsys, spelling: str) -> None:
    data = tmp_path / "data"
    pre = add_session(data, "pretest", "Pretest Netralitas")
    ref = {"code": pre.code, "lower-no-dash": pre.code.lower().replace("-", ""),
           "id": str(pre.id)}[spelling]
    code, seen = drive_take(monkeypatch, [
        "--data-dir", str(data), "take", str(plan_file(tmp_path, "posttest")), "--pin", PIN,
        "--pretest", ref])
    assert code == 0
    assert capsys.readouterr().err == ""
    [window] = seen
    with ResultsStore.open_in(data) as store:
        assert store.session(window.session.record.id).pretest_session_id == pre.id


def test_take_pretest_on_a_plain_test_links_with_a_note(qtbot, tmp_path: Path, monkeypatch,
                                                        dialog_log, capsys) -> None:
    data = tmp_path / "data"
    pre = add_session(data, "pretest", "Pretest Netralitas")
    code, [window] = drive_take(monkeypatch, [
        "--data-dir", str(data), "take", str(plan_file(tmp_path, "test")), "--pin", PIN,
        "--pretest", pre.code])
    assert code == 0
    assert window.session.record.pretest_session_id == pre.id
    assert "test.yaml berjenis test, bukan posttest" in capsys.readouterr().err


def test_take_pretest_without_pin_prefills_the_setup(qtbot, tmp_path: Path, monkeypatch,
                                                     dialog_log, capsys) -> None:
    data = tmp_path / "data"
    pre = add_session(data, "pretest", "Pretest Netralitas")
    add_session(data, "pretest", "Pretest Lain")  # newer: the automatic choice would differ

    chosen: list[int | None] = []

    def fill(dialog: SetupDialog) -> None:
        if dialog.loaded is not None and dialog.pretest.count() == 3:
            chosen.append(dialog.pretest.currentData())
            dialog.pin.setText(PIN)
            dialog.try_start()

    code, seen = drive_take(monkeypatch, [
        "--data-dir", str(data), "take", str(plan_file(tmp_path, "posttest")),
        "--pretest", pre.code], on_setup=fill)
    assert code == 0
    assert chosen == [pre.id]
    [window] = seen
    assert window.session.record.pretest_session_id == pre.id
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("case", ["not-pretest", "unknown-code", "unknown-id", "no-store",
                                  "garbage"])
def test_take_refuses_a_wrong_pretest(qtbot, tmp_path: Path, monkeypatch, dialog_log, capsys,
                                      case: str) -> None:
    data = tmp_path / "data"
    ref = {"unknown-code": "ZZZZ-ZZZZ", "unknown-id": "999", "no-store": "1",
           "garbage": "pretest kemarin"}.get(case, "")
    if case != "no-store":
        other = add_session(data, "posttest", "Posttest Lama")
        ref = ref or other.code
    opened: list[object] = []
    monkeypatch.setattr(SetupDialog, "exec", lambda self: opened.append(self) or 0)
    code = cli.main(["--data-dir", str(data), "take", str(plan_file(tmp_path, "posttest")),
                     "--pin", PIN, "--pretest", ref])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("quiz-app take: ") and "Traceback" not in err
    expected = {"not-pretest": "berjenis posttest, bukan pretest",
                "unknown-code": "tidak ditemukan di basis data hasil",
                "unknown-id": "tidak ditemukan di basis data hasil",
                "no-store": "belum ada basis data hasil",
                "garbage": "tulis nomor sesi atau kode sesi"}[case]
    assert expected in err
    assert opened == []
    assert not any(isinstance(w, ParticipantWindow) and w.isVisible()
                   for w in QApplication.topLevelWidgets())
    if case == "no-store":
        assert not data.exists()  # nothing written for a refused start
    else:
        with ResultsStore.open_in(data) as store:
            assert [s.title for s in store.sessions()] == ["Posttest Lama"]


# --------------------------------------------------------------------------- end to end


def test_posttest_export_shows_the_linked_pretest(qtbot, tmp_path: Path, dialog_log,
                                                  clock) -> None:
    """Pre-test, then a post-test linked at set-up: the summary export pairs the scores."""
    data = tmp_path / "data"
    pre_plan, [bank] = load_runnable(plan_file(tmp_path, "pretest"))
    with ResultsStore.open_in(data) as store:
        pre = store.create_session("Pretest Netralitas", pre_plan, place="Aula")
        take(store, pre.id, ANI, fixed_spec(bank, pre_plan), {"q1": "B"})  # 2 of 7 points
        take(store, pre.id, BUDI, fixed_spec(bank, pre_plan), {"q1": "A"})
    main = MainWindow(data, None, clock)
    qtbot.addWidget(main)
    dialog = watch(main.open_setup())
    qtbot.addWidget(dialog)
    choose(qtbot, dialog, plan_file(tmp_path, "posttest"))
    assert wait_pretests(qtbot, dialog)
    assert dialog.pretest.currentData() == pre.id
    dialog.title.setText("Posttest Netralitas")
    dialog.pin.setText(PIN)
    with qtbot.waitSignal(main.launcher.window_opened, timeout=5000) as opened:
        dialog.start_button.click()
    window = opened.args[0]  # closed below; the launcher deletes it (not for qtbot)
    post = window.session.record
    window.close()
    assert post.kind is TestKind.POSTTEST
    out = tmp_path / "posttest.csv"
    with ResultsStore.open_in(data) as store:
        spec = fixed_spec(bank, post.plan)
        take(store, post.id, ANI, spec, {"q1": "B", "q2": "AB", "q3": "B"})  # all 7 points
        export_session(store, post.id, out)
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    header, [ani] = rows[0], rows[1:]
    assert header[-3:] == list(PREPOST_HEADERS)
    record = dict(zip(header, ani, strict=True))
    assert record["Nama"] == ANI.name

    def number(column: str) -> float:
        return float(record[column].replace(",", "."))  # Indonesian CSV: decimal comma

    assert number("Nilai Pretest") == pytest.approx(100 * 2 / 7, abs=0.01)
    assert number("Nilai Posttest") == number("Nilai") == 100
    assert number("N-Gain") == 1
