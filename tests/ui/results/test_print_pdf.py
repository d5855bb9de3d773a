"""Results window: Cetak PDF (report, certificates, lists) rendered in a worker."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz_app.core.results import ResultsStore, Signer
from quiz_app.ui import dialogs
from quiz_app.ui.results import ResultsWindow
from tests.helpers.fakes import make_plan
from tests.helpers.pdf import page_count, pdftotext
from tests.helpers.results import ANI, BUDI, CITRA, fixed_spec, small_bank, take


@pytest.fixture
def window(qtbot, tmp_path: Path) -> ResultsWindow:
    bank = small_bank()
    folder = tmp_path / "data"
    with ResultsStore.open_in(folder) as store:
        plan = make_plan(order="bank", shuffle_options=False, banks=(bank.id,))
        sid = store.create_session("Tes Netralitas", plan, place="Aula BKPSDM",
                                   trainer="Sri", date="2025-03-04").id
        spec = fixed_spec(bank, plan)
        take(store, sid, ANI, spec, {"k1": "A", "k2": "C", "p1": "AC", "a1": "S"})  # 100
        take(store, sid, BUDI, spec, {"k1": "A", "k2": "C", "p1": "A"})  # 62,5
        take(store, sid, CITRA, spec, {"k1": "A"})  # 25
    w = ResultsWindow(folder)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.session_loaded, timeout=10000):
        w.reload(sid)
    return w


def test_report_from_the_print_menu(window: ResultsWindow, qtbot, tmp_path: Path,
                                    monkeypatch) -> None:
    target = tmp_path / "laporan.pdf"
    asked = []
    monkeypatch.setattr(dialogs, "ask_save_path",
                        lambda _p, _t, suggested, _f: asked.append(suggested) or target)
    progress: list[tuple[int, int]] = []
    window._relay.progress.connect(lambda d, t: progress.append((d, t)))
    assert window.print_button.isEnabled()
    actions = window.print_button.menu().actions()
    assert [a.text() for a in actions] == ["Laporan kegiatan…", "Sertifikat peserta…",
                                          "Daftar hadir…", "Daftar ikrar…"]
    with qtbot.waitSignal(window.operation_done, timeout=20000) as done:
        actions[0].trigger()
        assert window.busy and not window.print_button.isEnabled()
    assert done.args[0] == "print"
    assert asked[0].name == "laporan-2025-03-04-tes-netralitas.pdf"
    text = pdftotext(target)
    assert "Rata-rata nilai" in text and "62,5" in text and "Halaman 1 dari" in text
    assert progress and progress[-1] == (100, 100)
    assert "Laporan tersimpan" in window.status.text()
    assert window.print_button.isEnabled()


def test_certificates_ask_the_signer_and_remember_it(window: ResultsWindow, qtbot,
                                                     tmp_path: Path, monkeypatch) -> None:
    Signer("Lama", "", "Kepala").save(window.data_dir)
    target = tmp_path / "sertifikat.pdf"
    offered = []

    def ask_signer(_p, name, nip, title, show_nilai):
        offered.append((name, nip, title))
        return "Drs. Bambang", "197005051995031002", "Kepala BKPSDM", True

    monkeypatch.setattr(dialogs, "ask_signer", ask_signer)
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_a: target)
    window.print_button.menu().actions()[1].trigger()
    qtbot.waitUntil(lambda: target.exists() and not window.busy, timeout=20000)
    assert offered == [("Lama", "", "Kepala")]  # the remembered signer, read in a worker
    assert page_count(target) == 3
    text = pdftotext(target)
    assert "Drs. Bambang" in text and "NIP 19700505 199503 1 002" in text
    assert "dengan nilai 100 (lulus)" in text
    assert Signer.load(window.data_dir) == Signer("Drs. Bambang", "197005051995031002",
                                                  "Kepala BKPSDM")


def test_cancelled_signer_dialog_writes_nothing(window: ResultsWindow, qtbot, tmp_path: Path,
                                               monkeypatch) -> None:
    monkeypatch.setattr(dialogs, "ask_signer", lambda *_a: None)
    monkeypatch.setattr(dialogs, "ask_save_path",
                        lambda *_a: pytest.fail("no file dialog after cancelling"))
    with qtbot.waitSignal(window.operation_done, timeout=10000):
        window.print_certificates()
    assert not window.busy and not list(tmp_path.glob("*.pdf"))


def test_attendance_list_from_the_window(window: ResultsWindow, qtbot, tmp_path: Path,
                                         monkeypatch) -> None:
    target = tmp_path / "hadir.pdf"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_a: target)
    with qtbot.waitSignal(window.operation_done, timeout=20000):
        window.print_button.menu().actions()[2].trigger()
    text = pdftotext(target)
    assert "Daftar Hadir Peserta" in text and "Citra Dewi" in text
