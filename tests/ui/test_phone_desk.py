"""The "lewat HP" console: opened from the participant set-up, it runs the phone desk;
a (simulated) phone checks in, confirms the pledge and takes the test while the trainer's
table follows (hadir, ikrar, soal k dari n, selesai, times the page was left)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from quiz_app.core.model import Navigation, Order, Review, TestKind
from quiz_app.lan.desk import DeskMode
from quiz_app.ui import dialogs
from quiz_app.ui.participant.session import SessionSetup
from quiz_app.ui.phone_desk import DeskModel, DeskWindow, open_phone_desk
from quiz_app.ui.presenter.phones import Candidate
from tests.helpers.fakes import FakeClock, make_bank, make_plan
from tests.lan.phones import LOOSE, Phone, PhoneThread

NIP = "198503122010011002"


@pytest.fixture
def phones_thread():
    pt = PhoneThread()
    yield pt
    pt.close()


def setup_for(tmp_path: Path) -> SessionSetup:
    plan = make_plan(order=Order.BANK, shuffle_options=False, time_limit=600,
                     kind=TestKind.PRETEST, review=Review.ANSWERS,
                     navigation=Navigation.FREE, title="Pre-test")
    return SessionSetup(source=tmp_path / "bank.yaml", plan=plan,
                        banks=(make_bank(n_questions=3),), title="Pre-test Netralitas",
                        pin="", phones=True)


def open_desk(qtbot, tmp_path: Path) -> DeskWindow:
    opened: list[DeskWindow] = []
    open_phone_desk(None, tmp_path / "data", setup_for(tmp_path), FakeClock(),  # type: ignore[arg-type]
                    host="127.0.0.1", port=0, limits=LOOSE,
                    candidates=[Candidate("127.0.0.1", "lo", True, False)],
                    on_open=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    window = opened[0]
    qtbot.addWidget(window)
    return window


def cell(window: DeskWindow, column: str) -> str:
    model = window.model
    return model.index(0, DeskModel.COLUMNS.index(column)).data(Qt.ItemDataRole.DisplayRole)


def test_console_follows_a_phone_through_check_in_pledge_and_test(
        qtbot, tmp_path: Path, phones_thread: PhoneThread, monkeypatch, qtmodeltester) -> None:
    window = open_desk(qtbot, tmp_path)
    desk = window.desk
    url = window.join_url()
    assert url.startswith("http://127.0.0.1:") and window.qr.text == url
    phone = Phone(phones_thread.http, url.split("/j/")[0])

    def send(**msg) -> None:
        phones_thread.run(phone.send(msg)).result(5)

    assert phones_thread.run(phone.join(desk.code, NIP, "Ani Lestari")).result(5)[0] == 200
    phones_thread.run(phone.connect()).result(5)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=5000)
    assert cell(window, "Tes") == "belum mulai" and cell(window, "Hadir") == "–"

    window.checkin_button.click()
    assert desk.mode is DeskMode.CHECKIN
    send(type="act", do="checkin", fields={"name": "Ani Lestari", "position": "Analis",
                                           "unit": "BKPSDM"})
    qtbot.waitUntil(lambda: cell(window, "Hadir") != "–", timeout=5000)
    assert "hadir: 1" in window.counts.text()

    window.pledge_button.click()
    projector = window.show_projector()
    assert projector is not None
    qtbot.addWidget(projector)
    first = projector.line.text()
    qtbot.keyClick(projector, Qt.Key.Key_Right)
    assert projector.line.text() != first and "Baris 2" in projector.position.text()
    send(type="act", do="pledge", key="p1")
    qtbot.waitUntil(lambda: cell(window, "Ikrar") == "✓", timeout=5000)
    assert "1 dari 1 peserta" in projector.count.text()

    window.test_button.click()
    send(type="act", do="start")
    qtbot.waitUntil(lambda: cell(window, "Tes") == "soal 1 dari 3", timeout=5000)
    send(type="act", do="away", key="w1")
    qtbot.waitUntil(lambda: cell(window, "Keluar halaman") == "1", timeout=5000)
    send(type="act", do="next")
    qtbot.waitUntil(lambda: cell(window, "Tes") == "soal 2 dari 3", timeout=5000)
    qtmodeltester.check(window.model)

    monkeypatch.setattr(dialogs, "confirm", lambda *_a: True)
    window.end_button.click()
    qtbot.waitUntil(lambda: cell(window, "Tes") == "selesai" and cell(window, "Nilai") == "0,00",
                    timeout=5000)
    assert "1 selesai" in window.counts.text()
    phones_thread.run(phone.drop()).result(5)
    window.close()


def test_set_up_lewat_hp_opens_the_desk_not_a_participant_window(
        qtbot, tmp_path: Path, monkeypatch) -> None:
    from quiz_app.ui import phone_desk
    from quiz_app.ui.main_window import MainWindow

    calls: list[SessionSetup] = []
    monkeypatch.setattr(phone_desk, "open_phone_desk",
                        lambda _parent, _data, setup, _clock, **_kw: calls.append(setup))
    main = MainWindow(tmp_path / "data", None, FakeClock())
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.banks_loaded, timeout=20000):
        main.load_bundled()
    dialog = main.open_setup()
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.source_loaded, timeout=20000):
        dialog.list.setCurrentRow(0)
    dialog.phones.setChecked(True)
    assert not dialog.kiosk.isEnabled() and not dialog.pin.isEnabled()
    dialog.start_button.click()  # no PIN needed: nothing runs on a shared screen
    qtbot.waitUntil(lambda: bool(calls), timeout=5000)
    assert calls[0].phones and calls[0].plan is not None
    assert main._launcher is None  # no participant window was opened


def test_an_adapted_pledge_file_reaches_the_phones(qtbot, tmp_path: Path,
                                                   phones_thread: PhoneThread) -> None:
    from quiz_app.core.banks import load_pledge

    own = tmp_path / "ikrar_kabupaten.yaml"
    own.write_text("format: kuis-ikrar/1\ntitle: Ikrar Netralitas ASN Kabupaten Contoh\n"
                   "lines:\n  - Kami menjaga netralitas.\n", encoding="utf-8")
    window = open_desk(qtbot, tmp_path)
    desk = window.desk
    phone = Phone(phones_thread.http, window.join_url().split("/j/")[0])
    assert phones_thread.run(phone.join(desk.code, NIP, "Ani")).result(5)[0] == 200
    phones_thread.run(phone.connect()).result(5)
    qtbot.waitUntil(lambda: phone.last("welcome") is not None, timeout=5000)
    window.pledge_button.click()
    qtbot.waitUntil(lambda: (phone.last("desk") or {}).get("mode") == "pledge", timeout=5000)
    assert "(contoh)" in phone.last("desk")["pledge"]["title"]
    window.use_pledge(load_pledge(own))
    qtbot.waitUntil(lambda: phone.last("desk")["pledge"]["title"]
                    == "Ikrar Netralitas ASN Kabupaten Contoh", timeout=5000)
    assert phone.last("desk")["pledge"]["lines"] == ["Kami menjaga netralitas."]
    phones_thread.run(phone.drop()).result(5)
    window.close()


def test_a_phone_attempt_is_not_offered_for_resume_on_the_laptop(tmp_path: Path) -> None:
    from quiz_app.core.model import Participant
    from quiz_app.core.quiz import build_attempt
    from quiz_app.core.results import ResultsStore
    from quiz_app.lan import DESK_MARK
    from quiz_app.ui.participant.launcher import _unfinished

    bank = make_bank(3)
    plan = make_plan(banks=(bank.id,))
    with ResultsStore.open_in(tmp_path) as store:
        sid = store.create_session("Sesi", plan).id
        spec = build_attempt(plan, [bank], "s")
        laptop = store.start_attempt(sid, Participant(name="Budi"), spec)
        store.start_attempt(sid, Participant("Ani", NIP, extra=(DESK_MARK,)), spec)
    assert [u.record.id for u in _unfinished(tmp_path)] == [laptop]


def _crashed_desk(data: Path) -> str:
    """A desk whose laptop died: its resume file still says running."""
    from quiz_app.core.banks import bundled_bank_files, load_runnable
    from quiz_app.lan.desk import PhoneDesk

    src = next(p for p in bundled_bank_files() if p.name == "contoh.yaml")
    plan, banks = load_runnable(src)
    old = PhoneDesk.create(data, FakeClock(), plan, banks, source=src)
    old.start_server(lambda _fn: None, host="127.0.0.1", port=0, limits=LOOSE)
    old.stop_server()
    old.writer.flush()
    old.writer.stop()
    assert old.code is not None
    return old.code


@pytest.mark.parametrize("continue_it", [True, False])
def test_an_unclosed_desk_is_offered_when_phones_are_chosen_again(
        qtbot, tmp_path: Path, monkeypatch, continue_it: bool) -> None:
    from quiz_app.lan.desk_file import find_resumable_desks

    data = tmp_path / "data"
    code = _crashed_desk(data)
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm",
                        lambda _p, _t, text: asked.append(text) or continue_it)
    opened: list[DeskWindow] = []
    open_phone_desk(None, data, setup_for(tmp_path), FakeClock(),  # type: ignore[arg-type]
                    host="127.0.0.1", port=0, limits=LOOSE,
                    candidates=[Candidate("127.0.0.1", "lo", True, False)],
                    on_open=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    window = opened[0]
    qtbot.addWidget(window)
    assert "belum ditutup" in asked[0] and code in asked[0]
    if continue_it:
        assert window.desk.code == code  # phones keep their QR code and tokens
    else:
        assert window.desk.code != code
        assert all(s.code != code for s in find_resumable_desks(data))
    window.close()
    assert find_resumable_desks(data) == []
