"""A trainer starts a hall quiz from the main window: pick a bank, the teams, start."""

from __future__ import annotations

from pathlib import Path

from quiz_app.ui import dialogs
from quiz_app.ui.main_window import MainWindow
from quiz_app.ui.presenter.setup_dialog import PresenterSetupDialog
from tests.helpers.fakes import FakeClock


def _window(qtbot, tmp_path: Path) -> MainWindow:
    window = MainWindow(tmp_path / "data", None, FakeClock())
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.banks_loaded, timeout=20000):
        window.load_bundled()
    return window


def _select(window: MainWindow, file_name: str) -> None:
    for row in range(window.model.rowCount()):
        if window.model.entry(row).path.name == file_name:
            window.table.selectRow(row)
            return
    raise AssertionError(file_name)


def test_hall_quiz_with_ten_tables_from_the_selected_plan(qtbot, tmp_path: Path) -> None:
    window = _window(qtbot, tmp_path)
    _select(window, "kuis_aula.yaml")
    dialog = window.open_presenter_setup()
    assert dialog.source.currentData().endswith("kuis_aula.yaml")  # the selected row
    dialog.team_count.setValue(3)
    with qtbot.waitSignal(window.presenter_started, timeout=10_000):
        dialog.start_button.click()  # the file is validated in a worker first
    presenter = window.presenter
    assert presenter is not None
    try:
        assert presenter.console.isVisible()
        names = [p.name for p in presenter.controller.game.participants]
        assert names == ["Meja 1", "Meja 2", "Meja 3"]
        assert presenter.controller.game.total == 15  # the plan's draw
    finally:
        presenter.close()
    assert window.presenter is None


def test_team_names_from_a_file_and_bad_files_explained(qtbot, tmp_path: Path,
                                                        monkeypatch) -> None:
    good = tmp_path / "opd.txt"
    good.write_text("Dinas Pendidikan\nDinas Kesehatan\nBKPSDM\n", encoding="utf-8")
    messages: list[str] = []
    monkeypatch.setattr(dialogs, "show_message",
                        lambda _p, title, text, detail="": messages.append(title))
    dialog = PresenterSetupDialog([], None)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(dialogs, "open_file", lambda *_a: tmp_path / "hilang.txt")
    dialog.team_file_button.click()
    assert messages == ["Daftar tim tidak dapat dipakai"]
    monkeypatch.setattr(dialogs, "open_file", lambda *_a: good)
    dialog.team_file_button.click()
    assert "3 tim dari opd.txt" in dialog.team_file_label.text()
    assert not dialog.team_count.isEnabled()
    dialog.start_button.click()  # no bank chosen yet
    assert messages[-1] == "Belum ada soal" and dialog.result_setup is None


def test_discussion_mode_collects_no_answers(qtbot, tmp_path: Path) -> None:
    window = _window(qtbot, tmp_path)
    _select(window, "contoh.yaml")
    dialog = window.open_presenter_setup()
    dialog.discussion_radio.setChecked(True)
    assert not dialog.team_count.isEnabled()
    with qtbot.waitSignal(window.presenter_started, timeout=10_000):
        dialog.start_button.click()
    assert dialog.result_setup is not None and dialog.result_setup.teams is None
    presenter = window.presenter
    assert presenter is not None
    try:
        assert presenter.controller.game.participants == ()
        assert not presenter.controller.game.collects_answers
    finally:
        presenter.close()


def test_a_broken_file_is_explained_and_opens_nothing(qtbot, tmp_path: Path,
                                                     monkeypatch) -> None:
    from quiz_app.ui.presenter.setup_dialog import PresenterSetup

    bad = tmp_path / "rusak.yaml"
    bad.write_text("format: kuis-bank/1\nid: rusak\ntitle: Rusak\n", encoding="utf-8")
    messages: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_message",
                        lambda _p, title, text, detail="": messages.append((title, detail)))
    window = MainWindow(tmp_path / "data", None, FakeClock())
    qtbot.addWidget(window)
    window.start_presenter(PresenterSetup(bad, ["Meja 1"], False))
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    title, detail = messages[0]
    assert title == "Mode presenter tidak dapat dibuka"
    assert "rusak.yaml" in detail and "categories" in detail
    assert window.presenter is None


def test_the_hall_dialog_defaults_to_the_hall_plan(qtbot, tmp_path: Path) -> None:
    window = _window(qtbot, tmp_path)
    assert not window.table.selectionModel().selectedRows()
    dialog = window.open_presenter_setup()
    assert dialog.source.currentData().endswith("kuis_aula.yaml")
    dialog.reject()


def test_team_file_errors_name_their_lines(qtbot, tmp_path: Path, monkeypatch) -> None:
    bad = tmp_path / "opd.txt"
    bad.write_text("Dinkes\nBappeda\ndinkes\n", encoding="utf-8")
    messages: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_message",
                        lambda _p, title, text, detail="": messages.append((title, text)))
    monkeypatch.setattr(dialogs, "open_file", lambda *_a: bad)
    dialog = PresenterSetupDialog([], None)
    qtbot.addWidget(dialog)
    dialog.team_file_button.click()
    title, text = messages[-1]
    assert title == "Daftar tim tidak dapat dipakai"
    assert text.startswith("Baris 3: nama tim 'dinkes' sudah ada di baris 1")
