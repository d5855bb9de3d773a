"""Presenter mode with phones: set-up, the join card with its QR code, the console counts,
and an answer from a (simulated) phone reaching the game and the phone's acknowledgement."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz_app.core.hall import Phase
from quiz_app.lan.hall import PhoneHallSession
from quiz_app.ui.presenter.phones import Candidate, PhoneOptions, rank_candidates
from tests.lan.phones import LOOSE, Phone, PhoneThread

NIP = "198503122010011002"

LOOPBACK = PhoneOptions(host="127.0.0.1", port=0, limits=LOOSE,
                        candidates=(Candidate("127.0.0.1", "lo", True, False),))


@pytest.fixture
def phones_thread():
    pt = PhoneThread()
    yield pt
    pt.close()


def test_candidates_private_first_virtual_last():
    found = [("10.8.0.2", "vEthernet (WSL)", False), ("192.168.1.20", "Wi-Fi", False),
             ("169.254.3.4", "Ethernet", False), ("8.8.4.4", "Ethernet 2", False),
             ("fe80::1", "Wi-Fi", False), ("172.17.0.1", "docker0", False)]
    got = [c.address for c in rank_candidates(found)]
    assert got[0] == "192.168.1.20"
    assert got[1] == "8.8.4.4"  # real adapters before virtual ones
    assert set(got[2:]) == {"10.8.0.2", "172.17.0.1"}
    assert "169.254.3.4" not in got and "fe80::1" not in got


def test_phone_joins_by_the_projected_address_and_answers(qtbot, hall_files: Path,
                                                          open_presenter, clock,
                                                          phones_thread, tmp_path):
    p = open_presenter(hall_files, None, False, phones=LOOPBACK)
    session = p.controller.session
    assert isinstance(session, PhoneHallSession)
    ui = p.phones
    assert ui is not None
    # the audience shows the join card with a QR code of the join URL
    url = ui.panel.join_url()
    assert url.startswith("http://127.0.0.1:") and url.endswith(f"/j/{session.code}")
    assert ui.card.isVisibleTo(p.audience) and ui.card.qr.text == url
    base = url.split("/j/")[0]
    phone = Phone(phones_thread.http, base)
    fut = phones_thread.run(phone.join(session.code, NIP, "Ani"))
    qtbot.waitUntil(fut.done, timeout=5000)
    assert fut.result()[0] == 200
    phones_thread.run(phone.connect()).result(5)
    qtbot.waitUntil(lambda: len(session.game.participants) == 1
                    and phone.last("welcome") is not None, timeout=5000)
    qtbot.waitUntil(lambda: "Bergabung: 1" in ui.panel.counts.text(), timeout=5000)
    assert session.confirmed_host == base.removeprefix("http://")
    p.controller.start()
    assert not ui.card.isVisible()  # the question takes the screen
    qtbot.waitUntil(lambda: phone.last("question") is not None and phone.last("question")["phase"]
                    == "running", timeout=5000)
    clock.advance(2)
    phones_thread.run(phone.answer(0, ["A"], "k1")).result(5)
    qtbot.waitUntil(lambda: phone.last("ack") is not None, timeout=5000)
    assert session.game.answer(f"hp-{NIP}").time_taken == pytest.approx(2.0)
    qtbot.waitUntil(lambda: "menjawab soal ini: 1" in ui.panel.counts.text(), timeout=5000)
    assert "1 dari 1 peserta menjawab" in p.audience.q_status.text()
    p.controller.reveal()
    qtbot.waitUntil(lambda: phone.last("result") is not None, timeout=5000)
    assert phone.last("result")["right"] is True
    p.controller.end(ask=False)
    assert session.game.phase is Phase.FINISHED
    qtbot.waitUntil(lambda: phone.last("final") is not None, timeout=5000)
    phones_thread.run(phone.drop()).result(5)
