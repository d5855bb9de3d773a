"""The main window opens at once and lists the bundled banks, validated in a worker."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from quiz_app.core.banks import bundled_bank_files, bundled_plan_files
from quiz_app.ui.banklist import BankListModel, inspect_file
from quiz_app.ui.main_window import MainWindow
from tests.helpers.banks import VALID_BANK, write


def test_main_window_lists_bundled_banks(qtbot, tmp_path: Path) -> None:
    window = MainWindow(tmp_path, None)
    qtbot.addWidget(window)
    window.show()
    assert window.model.rowCount() == 0  # shown before any bank is read
    with qtbot.waitSignal(window.banks_loaded, timeout=20000):
        window.load_bundled()
    files = bundled_bank_files() + bundled_plan_files()
    assert window.model.rowCount() == len(files) >= 1
    names = [window.model.index(r, 5).data() for r in range(window.model.rowCount())]
    assert "contoh.yaml" in names
    statuses = {window.model.index(r, 4).data() for r in range(window.model.rowCount())}
    assert statuses == {"OK"}
    assert "semuanya valid" in window.status.text()


def test_bank_list_model_shows_problems(qtmodeltester, tmp_path: Path) -> None:
    good = inspect_file(write(tmp_path, VALID_BANK, "baik.yaml"), None)
    bad = inspect_file(write(tmp_path, VALID_BANK.replace("answer: B", "answer: Z"),
                             "salah.yaml"), None)
    model = BankListModel()
    model.set_entries([good, bad])
    qtmodeltester.check(model)
    assert model.index(0, 2).data() == 4 and model.index(0, 4).data() == "OK"
    assert model.index(1, 4).data() == "1 masalah"
    tip = model.index(1, 4).data(Qt.ItemDataRole.ToolTipRole)
    assert "salah.yaml" in tip and "jawaban 'Z'" in tip


def test_bank_table_built_after_show_is_visible_and_fills_the_window(qtbot, tmp_path: Path
                                                                     ) -> None:
    window = MainWindow(tmp_path, None)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    with qtbot.waitSignal(window.banks_loaded, timeout=20000):
        window.load_bundled()  # builds the table on first use, after the window is shown
    table = window.table
    assert table.isVisible()
    assert table.height() > window.height() // 2  # it takes the free space, as before


def test_resume_check_without_unfinished_attempts_skips_participant_mode(
        qtbot, tmp_path: Path) -> None:
    """Issue 14: the start-up resume check is a count in a worker; participant mode (a big
    import on the UI thread) is not loaded when nothing is unfinished."""
    window = MainWindow(tmp_path, None)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.resume_checked, timeout=10000):
        window.check_resume()
    assert window._launcher is None


def test_resume_check_offers_unfinished_attempt(qtbot, tmp_path: Path, monkeypatch) -> None:
    from quiz_app.core.model import Participant
    from quiz_app.core.quiz import build_attempt
    from quiz_app.core.results import ResultsStore
    from quiz_app.ui import dialogs
    from tests.helpers.fakes import make_bank, make_plan

    plan = make_plan(order="bank")
    with ResultsStore.open_in(tmp_path) as store:
        sid = store.create_session("Sesi", plan).id
        store.start_attempt(sid, Participant(name="Ani"), build_attempt(plan, [make_bank(3)], "s"))
    offered: list[list[str]] = []
    monkeypatch.setattr(dialogs, "choose_item",
                        lambda _p, _t, _x, items, *a, **k: offered.append(items))
    window = MainWindow(tmp_path, None)
    qtbot.addWidget(window)
    window.check_resume()
    qtbot.waitUntil(lambda: window._launcher is not None and offered != [], timeout=10000)
    assert "Ani" in offered[0][0]
