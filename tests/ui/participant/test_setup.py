"""Trainer set-up from the main window: choose what to run, roster, PIN, start."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt

from quiz_app.core.quiz import TrainerSettings
from quiz_app.core.results import ResultsStore
from quiz_app.ui import dialogs
from quiz_app.ui.main_window import MainWindow
from quiz_app.ui.setup import SetupDialog
from tests.helpers.banks import VALID_BANK, write

from .conftest import PIN


def test_setup_from_main_window_starts_participant_mode(qtbot, tmp_path: Path, dialog_log,
                                                        clock) -> None:
    data = tmp_path / "data"
    main = MainWindow(data, None, clock)
    qtbot.addWidget(main)
    main.show()
    with qtbot.waitSignal(main.banks_loaded, timeout=20000):
        main.load_bundled()
    dialog = main.open_setup()
    qtbot.addWidget(dialog)
    titles = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    row = next(i for i, t in enumerate(titles) if t.startswith("Tes Nilai Dasar BerAKHLAK"))
    with qtbot.waitSignal(dialog.source_loaded, timeout=20000) as loaded:
        dialog.list.setCurrentRow(row)
    assert loaded.args == [True]
    assert dialog.title.text() == "Tes Nilai Dasar BerAKHLAK"
    assert "14 soal" in dialog.source_status.text()
    dialog.try_start()  # no PIN yet
    assert "PIN pelatih" in dialog.message.text()
    assert dialog.isVisible()
    dialog.title.setText("Sosialisasi BerAKHLAK Kecamatan")
    dialog.place.setText("Aula Kantor Bupati")
    dialog.trainer.setText("Ibu Rina")
    qtbot.keyClicks(dialog.pin, "12ab34")  # letters are refused by the field
    assert dialog.pin.text() == "1234"
    dialog.guests.setChecked(True)
    with qtbot.waitSignal(main.launcher.window_opened, timeout=5000) as opened:
        dialog.start_button.click()
    window = opened.args[0]
    qtbot.addWidget(window)
    assert window.screen_name == "identity"
    record = window.session.record
    assert record.title == "Sosialisasi BerAKHLAK Kecamatan"
    assert record.place == "Aula Kantor Bupati"
    assert record.plan.title == "Tes Nilai Dasar BerAKHLAK"
    settings = TrainerSettings.load(data, record.id)
    assert settings is not None and settings.guests and settings.pin.matches("1234")
    assert "1234" not in (data / "participant-sessions" / f"session-{record.id}.json").read_text()
    with ResultsStore.open_in(data) as store:
        assert store.session(record.id).trainer == "Ibu Rina"
    window.close()
    assert main.isVisible()


def test_setup_remembers_place_trainer_and_options_for_the_next_session(
        qtbot, tmp_path: Path, dialog_log) -> None:
    good = write(tmp_path, VALID_BANK, "baik.yaml")
    first = SetupDialog([], None)
    qtbot.addWidget(first)
    assert (first.place.text(), first.trainer.text()) == ("", "")
    with qtbot.waitSignal(first.source_loaded, timeout=5000):
        first.choose_source(good)
    first.place.setText("Aula Kantor Bupati")
    first.trainer.setText("Ibu Rina")
    first.guests.setChecked(True)
    first.kiosk.setChecked(True)
    first.pin.setText(PIN)
    first.try_start()
    assert first.result_setup is not None

    # the next session (the app may have been closed in between: the values are on disk)
    later = SetupDialog([], None)
    qtbot.addWidget(later)
    assert later.place.text() == "Aula Kantor Bupati"
    assert later.trainer.text() == "Ibu Rina"
    assert later.guests.isChecked() and later.kiosk.isChecked()
    assert later.pin.text() == ""  # never the PIN
    settings = (Path(os.environ["QUIZ_APP_DATA_DIR"]) / "settings").rglob("*.ini")
    assert any("Ibu Rina" in f.read_text(encoding="utf-8") for f in settings)

    # a cancelled set-up changes nothing
    later.place.setText("Tempat lain")
    later.reject()
    again = SetupDialog([], None)
    qtbot.addWidget(again)
    assert again.place.text() == "Aula Kantor Bupati"


def test_setup_reports_bad_file_and_roster(qtbot, tmp_path: Path, dialog_log,
                                           monkeypatch) -> None:
    dialog = SetupDialog([], None)
    qtbot.addWidget(dialog)
    bad = write(tmp_path, VALID_BANK.replace("answer: B", "answer: Z"), "salah.yaml")
    monkeypatch.setattr(dialogs, "open_file", lambda *_: bad)
    with qtbot.waitSignal(dialog.source_loaded, timeout=5000) as loaded:
        dialog.file_button.click()
    assert loaded.args == [False]
    title, text = dialog_log.messages[-1]
    assert title == "Berkas soal bermasalah" and "salah.yaml" in text
    assert "salah.yaml tidak dapat dipakai: 1 masalah." == dialog.source_status.text()

    roster = tmp_path / "peserta.csv"
    roster.write_text("NIP;Nama\n199203142019031004;Budi\n1,98503E+17;Rusak\n", encoding="utf-8")
    monkeypatch.setattr(dialogs, "open_file", lambda *_: roster)
    with qtbot.waitSignal(dialog.roster_loaded, timeout=5000):
        dialog.roster_button.click()
    assert dialog.roster_status.text() == "peserta.csv: 1 peserta; 1 baris ditolak, 0 peringatan"
    assert dialog_log.messages[-1][0] == "Daftar peserta"

    good = write(tmp_path, VALID_BANK, "baik.yaml")
    with qtbot.waitSignal(dialog.source_loaded, timeout=5000):
        dialog.choose_source(good)
    dialog.pin.setText(PIN)
    dialog.show()
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)  # Enter = Mulai (default button)
    assert dialog.result_setup is not None
    assert dialog.result_setup.roster is dialog.roster and dialog.result_setup.title == "Bank Uji"


def test_resume_check_with_nothing_to_resume(qtbot, tmp_path: Path, dialog_log) -> None:
    main = MainWindow(tmp_path / "data", None)
    qtbot.addWidget(main)
    # nothing unfinished: the main window's own count says so (participant mode stays
    # unloaded, issue 14)
    with qtbot.waitSignal(main.resume_checked, timeout=5000):
        main.check_resume()
    assert dialog_log.messages == []
