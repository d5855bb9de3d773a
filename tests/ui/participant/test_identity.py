"""Identity screen: live NIP validation, roster autofill, guest rules (keyboard only)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from quiz_app.core.people import load_roster
from quiz_app.core.quiz import IdentityProblem, check_identity

from .conftest import NIP, press, type_text

KEY = Qt.Key
ROSTER_NIP = "199203142019031004"


@pytest.fixture
def roster(tmp_path: Path):
    path = tmp_path / "peserta.csv"
    path.write_text(
        "NIP;Nama;Jabatan;Unit Kerja;Golongan\n"
        f"{ROSTER_NIP};Budi Ujicoba, S.Kom.;Pranata Komputer;Dinas Kominfo;III/a\n",
        encoding="utf-8")
    return load_roster(path)


def test_bad_nip_message_and_spaced_display(open_window, qtbot) -> None:
    window = open_window()
    screen = window.identity
    type_text(qtbot, window, "1985031")
    assert screen.nip_message.text() == "7 dari 18 angka"
    type_text(qtbot, window, "22010011002")
    assert screen.nip_shown.text() == "19850312 201001 1 002"
    assert screen.nip_message.text() == ""
    screen.nip.clear()
    type_text(qtbot, window, "198513122010011002")  # month 13
    assert "tidak valid" in screen.nip_message.text()
    assert screen.nip.property("problem") is True
    press(qtbot, window, KEY.Key_Tab)
    type_text(qtbot, window, "Budi")
    press(qtbot, window, KEY.Key_Return)
    assert window.screen_name == "identity"
    assert "tidak valid" in screen.message.text()
    assert screen.nip.hasFocus() or window.focusWidget() is screen.nip


def test_name_required(open_window, qtbot) -> None:
    window = open_window()
    type_text(qtbot, window, NIP)
    press(qtbot, window, KEY.Key_Return)
    assert window.screen_name == "identity"
    assert window.identity.message.text() == "Isi nama lengkap Anda."


def test_roster_autofills_name(open_window, qtbot, store, roster) -> None:
    window = open_window(roster=roster)
    type_text(qtbot, window, ROSTER_NIP)
    assert window.identity.name.text() == "Budi Ujicoba, S.Kom."
    assert window.identity.name.isReadOnly()
    assert "Dinas Kominfo" in window.identity.roster_note.text()
    press(qtbot, window, KEY.Key_Return)
    assert window.screen_name == "instructions"
    press(qtbot, window, KEY.Key_Return)
    rec = store.attempt(window.controller.attempt_id)
    assert rec.participant.unit == "Dinas Kominfo" and rec.participant.rank == "III/a"


def test_roster_refuses_unknown_nip_without_guests(open_window, qtbot, roster) -> None:
    window = open_window(roster=roster)
    type_text(qtbot, window, NIP)
    assert "tidak ada dalam daftar" in window.identity.nip_message.text()
    press(qtbot, window, KEY.Key_Tab)
    type_text(qtbot, window, "Orang Lain")
    press(qtbot, window, KEY.Key_Return)
    assert window.screen_name == "identity"
    assert "tidak ada dalam daftar" in window.identity.message.text()


def test_guest_refused_unless_allowed(open_window, qtbot) -> None:
    window = open_window()
    press(qtbot, window, KEY.Key_Tab)
    type_text(qtbot, window, "Tamu Undangan")
    press(qtbot, window, KEY.Key_Return)
    assert window.screen_name == "identity"
    assert "tidak menerima peserta tamu" in window.identity.message.text()


def test_guest_allowed(open_window, qtbot, store, roster) -> None:
    window = open_window(roster=roster, guests=True)
    press(qtbot, window, KEY.Key_Tab)
    type_text(qtbot, window, "Tamu Undangan")
    press(qtbot, window, KEY.Key_Return)
    assert window.screen_name == "instructions"
    assert "(tamu)" in window.instructions.who.text()
    press(qtbot, window, KEY.Key_Return)
    rec = store.attempt(window.controller.attempt_id)
    assert rec.participant.nip is None and rec.participant.name == "Tamu Undangan"


def test_check_identity_rules(roster) -> None:
    assert check_identity("", "X", roster=None, guests_allowed=False).problem \
        is IdentityProblem.GUEST_NOT_ALLOWED
    assert check_identity("", " ", roster=None, guests_allowed=True).problem \
        is IdentityProblem.NAME_MISSING
    bad = check_identity("123", "X", roster=None, guests_allowed=True)
    assert bad.problem is IdentityProblem.NIP_INVALID and "18" in bad.detail
    assert check_identity(NIP, "X", roster=roster, guests_allowed=False).problem \
        is IdentityProblem.NOT_IN_ROSTER
    guest = check_identity(NIP, " Ani  Sari ", roster=roster, guests_allowed=True)
    assert guest.ok and guest.participant.name == "Ani Sari" and guest.participant.nip == NIP
    listed = check_identity(ROSTER_NIP, "", roster=roster, guests_allowed=False)
    assert listed.ok and listed.participant.name == "Budi Ujicoba, S.Kom."
