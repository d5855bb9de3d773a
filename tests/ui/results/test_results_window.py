"""The results window: session list, participants, answers, analysis, export and merge."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QModelIndex, Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QWidget

from quiz_app.core.results import ResultsStore, write_package, write_session_file
from quiz_app.core.results import import_session_file as join
from quiz_app.ui import dialogs
from quiz_app.ui.results import ResultsWindow, open_results_window
from quiz_app.ui.results.models import (
    SORT_ROLE,
    AnswersModel,
    ItemStatsModel,
    ParticipantFilterProxy,
    ParticipantsModel,
    SessionFilterProxy,
    SessionListModel,
    SessionRow,
)
from quiz_app.ui.results.window import load_analysis, load_session, load_session_list
from tests.helpers.fakes import make_plan
from tests.helpers.results import ANI, BUDI, CITRA, DEDI, EKA, EVIL, fixed_spec, small_bank, take

ALL_RIGHT = {"k1": "A", "k2": "C", "p1": "AC", "a1": "S"}


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """Three sessions: a pre-test and its post-test in Aula BKPSDM, a test in Bappeda."""
    bank = small_bank()
    folder = tmp_path / "data"
    with ResultsStore.open_in(folder) as store:
        pre_plan = make_plan(order="bank", shuffle_options=False, banks=(bank.id,),
                             kind="pretest")
        post_plan = make_plan(order="bank", shuffle_options=False, banks=(bank.id,),
                              kind="posttest")
        pre = store.create_session("Pretest Netralitas", pre_plan, place="Aula BKPSDM",
                                   date="2025-03-04").id
        post = store.create_session("Posttest Netralitas", post_plan, place="Aula BKPSDM",
                                    date="2025-03-04", pretest_session_id=pre).id
        other = store.create_session("Tes BerAKHLAK", make_plan(order="bank"),
                                     place="Bappeda", date="2025-02-11").id
        spre, spost = fixed_spec(bank, pre_plan), fixed_spec(bank, post_plan)
        take(store, pre, ANI, spre, {"k1": "A"})  # 25
        take(store, pre, BUDI, spre, {"k1": "A", "k2": "C"})  # 50
        take(store, post, ANI, spost, ALL_RIGHT)  # 100
        take(store, post, BUDI, spost, {"k1": "A", "k2": "C", "p1": "A"})  # 62.5
        take(store, post, CITRA, spost, {"k1": "A", "k2": "C", "p1": "AC"})  # 75
        take(store, post, EVIL, spost, {"k1": "A"})  # 25
        take(store, post, DEDI, spost, {"k1": "B"}, finish=False)  # still working
        assert (pre, post, other) == (1, 2, 3)
    return folder


@pytest.fixture
def window(qtbot, data_dir: Path) -> ResultsWindow:
    w = ResultsWindow(data_dir)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.analysis_loaded, timeout=10000):  # list first, then analysis
        w.reload(2)
    return w


@pytest.fixture
def messages(monkeypatch) -> list[tuple[str, str, str]]:
    shown: list[tuple[str, str, str]] = []
    monkeypatch.setattr(dialogs, "show_message",
                        lambda _p, title, text, detail="": shown.append((title, text, detail)))
    return shown


def column(model, col: int) -> list:
    return [model.index(r, col).data() for r in range(model.rowCount())]


# --------------------------------------------------------------------------- models


def test_models_pass_qtmodeltester(qtmodeltester, data_dir: Path) -> None:
    rows = load_session_list(data_dir)
    sessions = SessionListModel()
    sessions.set_sessions(rows)
    qtmodeltester.check(sessions)
    proxy = SessionFilterProxy()
    proxy.setSourceModel(sessions)
    proxy.set_search("aula")
    qtmodeltester.check(proxy)

    loaded = load_session(data_dir, 2)
    participants = ParticipantsModel()
    participants.set_results(loaded.overview)
    qtmodeltester.check(participants)
    pproxy = ParticipantFilterProxy()
    pproxy.setSourceModel(participants)
    pproxy.sort(ParticipantsModel.NILAI, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(pproxy)

    answers = AnswersModel()
    with ResultsStore.open_in(data_dir) as store:
        first = store.attempts(2)[0]
    answers.set_attempt(first, {"karier": "Manajemen Karier"})
    qtmodeltester.check(answers)
    items = ItemStatsModel()
    items.set_analysis(load_analysis(data_dir, 2).analysis)
    qtmodeltester.check(items)
    # empty and reset states are valid too
    participants.set_results(None)
    answers.set_attempt(None)
    items.set_analysis(None)
    for model in (participants, answers, items):
        qtmodeltester.check(model)


def test_participants_model_columns(data_dir: Path) -> None:
    loaded = load_session(data_dir, 2)
    model = ParticipantsModel()
    model.set_results(loaded.overview)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[-2:] == ["Pre", "N-Gain"]  # a post-test with its pre-test
    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    ani = rows["Ani Lestari"]
    assert model.index(ani, ParticipantsModel.NIP).data() == "19850312 201001 2 002"
    assert model.index(ani, ParticipantsModel.PRE).data() == "25"
    assert model.index(ani, ParticipantsModel.GAIN).data() == "1"
    budi = rows["Budi Santoso"]
    assert model.index(budi, ParticipantsModel.NILAI).data() == "62,5"
    assert model.index(budi, ParticipantsModel.GAIN).data() == "0,25"  # (62.5-50)/50
    # benar / sebagian benar (p1) / salah / kosong
    assert model.index(budi, ParticipantsModel.COUNTS).data() == "2 / 1 / 0 / 1"
    dedi = rows["Dedi Kurniawan"]  # unfinished: shown with its status, not a score
    assert model.index(dedi, ParticipantsModel.NILAI).data() == "Belum selesai"
    plain = load_session(data_dir, 1)
    model.set_results(plain.overview)
    assert model.columnCount() == ParticipantsModel.PRE  # no pre/post columns


# --------------------------------------------------------------------------- window


def test_session_list_filters(window: ResultsWindow, qtbot) -> None:
    proxy = window.session_proxy
    assert proxy.rowCount() == 3
    titles = [proxy.index(r, SessionListModel.SESSION).data().split("\n")[0]
              for r in range(3)]
    assert titles[-1] == "Tes BerAKHLAK"  # newest first: the February session last
    qtbot.keyClicks(window.search, "aula")
    assert proxy.rowCount() == 2
    window.search.clear()
    qtbot.keyClicks(window.search, "2025-02")
    assert proxy.rowCount() == 1
    assert "Bappeda" in proxy.index(0, SessionListModel.SESSION).data()
    window.search.setText("posttest aula")
    assert proxy.rowCount() == 1
    code = window.loaded.session.code
    window.search.setText(code.lower())
    assert proxy.rowCount() == 1
    window.search.setText("tidak ada")
    assert proxy.rowCount() == 0


def test_window_shows_session_and_summary(window: ResultsWindow) -> None:
    assert window.title.text() == "Posttest Netralitas"
    assert "Kode " in window.details.text() and "Aula BKPSDM" in window.details.text()
    assert "4 selesai" in window.stats.text() and "1 belum selesai" in window.stats.text()
    assert "lulus 2 dari 4" in window.stats.text()  # 100 and 75 pass 70
    assert window.gain.isVisible() or not window.isVisible()
    assert "2 peserta cocok" in window.gain.text() and "2 meningkat" in window.gain.text()
    assert "N-Gain 0,63" in window.gain.text()  # (1 + 0.25) / 2 = 0.625 -> 0.63 half-up
    assert window.participant_model.rowCount() == 5
    assert window.shown.text() == "5 dari 5 ditampilkan"


def test_participants_sort_and_filter(window: ResultsWindow, qtbot) -> None:
    view, proxy = window.participant_view, window.participant_proxy
    view.sortByColumn(ParticipantsModel.NILAI, Qt.SortOrder.DescendingOrder)
    nilai = column(proxy, ParticipantsModel.NILAI)
    assert nilai == ["100", "75", "62,5", "25", "Belum selesai"]  # numbers, not strings
    view.sortByColumn(ParticipantsModel.NILAI, Qt.SortOrder.AscendingOrder)
    assert column(proxy, ParticipantsModel.NILAI)[1:] == ["25", "62,5", "75", "100"]
    view.sortByColumn(ParticipantsModel.NAME, Qt.SortOrder.AscendingOrder)
    assert column(proxy, 0)[:2] == ["=cmd|' /C calc'!A0", "Ani Lestari"]
    # clicking the header sorts too
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(ParticipantsModel.COUNTS) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.viewport().rect().center().__class__(x, 5))
    keys = [proxy.index(r, ParticipantsModel.COUNTS).data(SORT_ROLE)
            for r in range(proxy.rowCount())]
    assert keys == sorted(keys) or keys == sorted(keys, reverse=True)
    qtbot.keyClicks(window.filter, "budi")
    assert column(proxy, 0) == ["Budi Santoso"]
    window.filter.setText("19850312 201001")  # NIP typed with its spaces
    assert column(proxy, 0) == ["Ani Lestari"]
    window.filter.setText("dinas pendidikan")  # unit kerja
    assert column(proxy, 0) == ["Citra Dewi"]
    assert window.shown.text() == "1 dari 5 ditampilkan"


def test_participant_answers_shown_with_questions(window: ResultsWindow, qtbot) -> None:
    proxy = window.participant_proxy
    window.filter.setText("Budi")
    with qtbot.waitSignal(window.answers_loaded, timeout=10000):  # read in a worker
        window.participant_view.selectRow(0)
    model = window.answer_model
    assert model.rowCount() == 4
    assert "Budi Santoso" in window.answers_title.text() and "62,5" in window.answers_title.text()
    rows = {model.index(r, AnswersModel.QUESTION).data().split(" — ")[0]: r
            for r in range(4)}
    p1 = rows["p1"]
    assert model.index(p1, AnswersModel.ANSWER).data() == "A. Pilihan A soal p1"
    assert model.index(p1, AnswersModel.KEY).data() == "A. Pilihan A soal p1; C. Pilihan C soal p1"
    assert model.index(p1, AnswersModel.RESULT).data() == "Sebagian benar"
    assert model.index(rows["a1"], AnswersModel.RESULT).data() == "Tidak dijawab"
    assert model.index(rows["a1"], AnswersModel.KEY).data() == "Salah"
    tip = model.index(p1, AnswersModel.QUESTION).data(Qt.ItemDataRole.ToolTipRole)
    assert "Pertanyaan p1?" in tip
    assert proxy.rowCount() == 1


def test_item_analysis_tab(window: ResultsWindow) -> None:
    items = window.item_model
    # the bank file is not on disk here: categories fall back to id order
    ids = [q.split(" — ")[0] for q in column(items, ItemStatsModel.QUESTION)]
    assert ids == ["a1", "k1", "k2", "p1"]
    assert items.index(1, ItemStatsModel.FACILITY).data() == "1"  # everyone got k1
    assert "KR-20" in window.reliability.text()
    window.item_view.selectRow(3)
    html = window.item_detail.toPlainText()
    assert "p1" in html and "Pilihan C soal p1" in html and "kunci" in html


def test_export_csv_through_worker(window: ResultsWindow, qtbot, tmp_path: Path,
                                   monkeypatch) -> None:
    target = tmp_path / "keluar" / "hasil.csv"
    target.parent.mkdir()
    asked = []

    def ask(_parent, _title, suggested, _filter):
        asked.append(suggested)
        return target

    monkeypatch.setattr(dialogs, "ask_save_path", ask)
    progress: list[tuple[int, int]] = []
    window._relay.progress.connect(lambda d, t: progress.append((d, t)))
    with qtbot.waitSignal(window.operation_done, timeout=10000) as done:
        qtbot.mouseClick(window.csv_button, Qt.MouseButton.LeftButton)
        assert window.busy and not window.csv_button.isEnabled()
    assert done.args[0] == "export" and done.args[1][0].path == target
    assert asked[0].name == "hasil-2025-03-04-posttest-netralitas.csv"
    text = target.read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[0][:2] == ["NIP", "Nama"] and len(rows) == 5
    assert rows[0][-3:] == ["Nilai Pretest", "Nilai Posttest", "N-Gain"]
    assert progress and progress[-1][0] == progress[-1][1]
    assert "Tersimpan" in window.status.text() and "1 pengerjaan belum selesai" in \
        window.status.text()
    assert not window.busy and window.csv_button.isEnabled()
    assert not window.progress.isVisible()


def test_export_xlsx_and_detail_csv(window: ResultsWindow, qtbot, tmp_path: Path) -> None:
    xlsx = tmp_path / "hasil.xlsx"
    with qtbot.waitSignal(window.operation_done, timeout=10000):
        window.export_to(xlsx, "xlsx")
    assert openpyxl.load_workbook(xlsx).sheetnames == ["Ringkasan", "Detail", "Analisis Soal"]
    detail = tmp_path / "rinci.csv"
    window.dialect.setCurrentIndex(1)
    window.detail.setChecked(True)
    with qtbot.waitSignal(window.operation_done, timeout=10000):
        window.export_to(detail, "csv", window.dialect.currentData(), window.detail.isChecked())
    header = detail.read_bytes().decode("utf-8-sig").splitlines()[0]
    assert header == "NIP,Nama,Soal,Kategori,Jawaban,Kunci,Benar,Poin,Waktu (detik)"


def test_export_includes_attempts_finished_after_showing(window: ResultsWindow, qtbot,
                                                        tmp_path: Path, data_dir: Path) -> None:
    """The window was opened mid-session; the export must not be stale."""
    with ResultsStore.open_in(data_dir) as store:
        plan = store.session(2).plan
        take(store, 2, EKA, fixed_spec(small_bank(), plan), ALL_RIGHT)
    out = tmp_path / "baru.csv"
    with qtbot.waitSignal(window.session_loaded, timeout=10000):  # refreshed afterwards
        with qtbot.waitSignal(window.operation_done, timeout=10000):
            window.export_to(out, "csv")
    names = [r.split(";")[1] for r in out.read_bytes().decode("utf-8-sig").splitlines()[1:]]
    assert "Eka Putri" in names and len(names) == 5
    assert "Eka Putri" in column(window.participant_model, 0)
    assert "Tersimpan" in window.status.text()


def test_export_failure_is_shown_through_the_seam(window: ResultsWindow, qtbot, tmp_path: Path,
                                                  messages, monkeypatch) -> None:
    gone = tmp_path / "flashdisk" / "hasil.csv"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_: gone)
    with qtbot.waitSignal(window.operation_failed, timeout=10000) as failed:
        window.export_csv()
    assert failed.args[0] == "export" and "flashdisk" in failed.args[1]
    assert messages and messages[0][0] == "Ekspor gagal" and "flashdisk" in messages[0][1]
    assert window.csv_button.isEnabled()


def test_cancelled_dialog_does_nothing(window: ResultsWindow, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_: None)
    monkeypatch.setattr(dialogs, "ask_open_paths", lambda *_: [])
    with qtbot.assertNotEmitted(window.operation_done, wait=50):
        window.export_csv()
        window.export_xlsx()
        window.export_package()
        window.merge()
    assert not window.busy


def test_merge_packages_from_another_laptop(window: ResultsWindow, qtbot, tmp_path: Path,
                                            data_dir: Path, messages, monkeypatch) -> None:
    bank = small_bank()
    with ResultsStore.open_in(data_dir) as trainer:
        setup = write_session_file(trainer, 2, tmp_path / "sesi.kuis-sesi")
        plan = trainer.session(2).plan
    with ResultsStore.open_in(tmp_path / "laptop2") as other:
        joined, _ = join(other, setup)
        take(other, joined.id, EKA, fixed_spec(bank, plan), ALL_RIGHT)
        good = write_package(other, joined.id, tmp_path / "laptop2.kuis-hasil").path
    broken = tmp_path / "rusak.kuis-hasil"
    broken.write_bytes(good.read_bytes()[:40])
    monkeypatch.setattr(dialogs, "ask_open_paths", lambda *_: [good, broken])
    with qtbot.waitSignal(window.session_loaded, timeout=10000):
        with qtbot.waitSignal(window.operation_done, timeout=10000) as done:
            window.merge()
    report = done.args[1]
    assert report.imported == 1 and len(report.refused) == 1
    assert messages[0][0] == "Hasil penggabungan"
    assert "1 hasil diimpor" in messages[0][1] and "1 paket ditolak" in messages[0][1]
    assert "DITOLAK rusak.kuis-hasil" in messages[0][2]
    assert window.participant_model.rowCount() == 6
    assert "Eka Putri" in column(window.participant_model, 0)


def test_package_and_session_file_from_the_window(window: ResultsWindow, qtbot,
                                                  tmp_path: Path, data_dir: Path,
                                                  monkeypatch) -> None:
    package = tmp_path / "paket.kuis-hasil"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_: package)
    with qtbot.waitSignal(window.operation_done, timeout=10000) as done:
        window.export_package()
    assert done.args[0] == "package" and done.args[1].attempts == 4
    with ResultsStore.open_in(data_dir) as store:
        from quiz_app.core.results import read_package

        assert len(read_package(package, store.session(2)).attempts) == 4

    setup = tmp_path / "sesi.kuis-sesi"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_: setup)
    monkeypatch.setattr(dialogs, "confirm", lambda *_: True)
    with qtbot.waitSignal(window.operation_done, timeout=10000):
        window.share_session()
    assert setup.exists()

    # another laptop joins the session through the window
    laptop = ResultsWindow(tmp_path / "laptop2")
    qtbot.addWidget(laptop)
    with qtbot.waitSignal(laptop.sessions_loaded, timeout=10000):
        laptop.reload()
    assert laptop.session_model.rowCount() == 0 and laptop.title.text() == "Belum ada sesi"
    monkeypatch.setattr(dialogs, "ask_open_paths", lambda *_: [setup])
    with qtbot.waitSignal(laptop.session_loaded, timeout=10000):
        laptop.join_session()
    assert laptop.loaded is not None
    assert laptop.loaded.session.code == window.loaded.session.code
    assert "dibuat di laptop ini" in laptop.status.text()


def test_declined_share_writes_nothing(window: ResultsWindow, tmp_path: Path,
                                       monkeypatch) -> None:
    monkeypatch.setattr(dialogs, "confirm", lambda *_: False)
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_: pytest.fail("asked for a file"))
    window.share_session()
    assert not window.busy


def test_open_results_window_entry_point(qtbot, data_dir: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    w = open_results_window(parent, data_dir, session_id=1)
    assert isinstance(w, ResultsWindow) and w.isWindow() and w.parent() is parent
    qtbot.waitUntil(lambda: w.loaded is not None, timeout=10000)
    assert w.loaded.session.id == 1
    with qtbot.waitSignal(w.session_loaded, timeout=10000):
        again = open_results_window(parent, data_dir, session_id=3)
    assert again is w and w.loaded.session.id == 3
    w.close()  # closed and opened again from the menu: the same window, read afresh
    with qtbot.waitSignal(w.sessions_loaded, timeout=10000):
        third = open_results_window(parent, data_dir)
    assert third is w and w.isVisible()
    assert len(parent.findChildren(ResultsWindow)) == 1
    alone = open_results_window(None, data_dir)
    qtbot.addWidget(alone)
    qtbot.waitUntil(lambda: alone.loaded is not None, timeout=10000)
    # by default the top of the list: the latest training date (2025-03-04), and of the
    # two sessions that day the one created last (the post-test)
    assert alone.loaded.session.id == 2


def test_load_error_goes_through_the_seam(qtbot, tmp_path: Path, messages) -> None:
    bad = tmp_path / "rusak"
    bad.mkdir()
    (bad / "results.sqlite3").write_bytes(b"bukan basis data" * 100)
    w = ResultsWindow(bad)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.operation_failed, timeout=10000):
        w.reload()
    assert messages and "Hasil tidak dapat dibaca" == messages[0][0]


def test_stale_load_is_ignored(window: ResultsWindow, qtbot) -> None:
    """Choosing B while A still loads: A's late answer must not replace B."""
    with qtbot.waitSignal(window.session_loaded, timeout=10000) as last:
        window.load(1)
        window.load(3)
    qtbot.waitUntil(lambda: window.loaded.session.id == 3, timeout=10000)
    assert last.args[0] in (1, 3)
    qtbot.wait(0)
    assert window.loaded.session.id == 3


def test_worker_result_after_parent_destroyed(qtbot, data_dir: Path) -> None:
    """The trainer closes the main window while the list still loads: no crash."""
    parent = QWidget()
    w = open_results_window(parent, data_dir)
    parent.deleteLater()
    qtbot.waitUntil(lambda: not _valid(w), timeout=5000)
    pool = QThreadPool.globalInstance()
    qtbot.waitUntil(lambda: pool.activeThreadCount() == 0, timeout=10000)
    QApplication.processEvents()  # deliver the worker's result to the dead window


def _valid(obj) -> bool:
    from shiboken6 import isValid

    return isValid(obj)


def test_session_row_tooltip(data_dir: Path) -> None:
    rows = load_session_list(data_dir)
    model = SessionListModel()
    model.set_sessions(rows)
    assert isinstance(rows[0], SessionRow)
    r = model.row_of(2)
    tip = model.index(r, SessionListModel.SESSION).data(Qt.ItemDataRole.ToolTipRole)
    assert "4 selesai, 1 sedang mengerjakan" in tip
    assert model.index(r, SessionListModel.FINISHED).data() == 4
    assert model.row_of(99) == -1
    assert model.index(0, 0, QModelIndex()).isValid()


# --------------------------------------------------------------------------- voiding


def test_hr_voids_an_attempt_from_the_window(window: ResultsWindow, qtbot, monkeypatch,
                                            data_dir: Path) -> None:
    """Issue 11.10: a reason is asked, kept in the store and shown; N-Gain leaves it out."""
    assert "2 peserta cocok" in window.gain.text()
    assert not window.void_button.isEnabled()  # nobody chosen yet
    window.filter.setText("Budi")
    window.participant_view.selectRow(0)
    assert window.void_button.isEnabled()
    monkeypatch.setattr(dialogs, "ask_text", lambda *_a: None)  # cancelled: nothing done
    window.void_button.click()
    assert not window.busy
    monkeypatch.setattr(dialogs, "ask_text", lambda *_a: "Dibantu rekan di sebelahnya")
    with qtbot.waitSignal(window.session_loaded, timeout=10000):
        with qtbot.waitSignal(window.operation_done, timeout=10000) as done:
            window.void_button.click()
    assert done.args[0] == "void"
    model = window.participant_model
    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    budi = rows["Budi Santoso"]
    assert model.index(budi, ParticipantsModel.PASSED).data() == "Tidak sah"
    assert model.index(budi, ParticipantsModel.NOTE).data() == \
        "Tidak sah: Dibantu rekan di sebelahnya"
    assert model.index(budi, ParticipantsModel.GAIN).data() == ""  # never compared
    assert "3 selesai" in window.stats.text() and "1 dinyatakan tidak sah" in window.stats.text()
    assert "1 peserta cocok" in window.gain.text()
    assert "tidak sah" in window.status.text()
    with ResultsStore.open_in(data_dir) as store:
        [rec] = [a for a in store.attempts(2) if a.participant.nip == BUDI.nip]
        assert rec.void_reason == "Dibantu rekan di sebelahnya"
    window.filter.setText("Budi")
    window.participant_view.selectRow(0)
    assert not window.void_button.isEnabled()  # already voided
    assert "tidak sah" in window.answers_title.text()
