"""Fixtures for presenter-mode UI tests: bank and plan files, a fake clock, the dialog seam."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from quiz_app.ui import dialogs
from quiz_app.ui.presenter import Presenter, start_presenter
from quiz_app.ui.presenter.sound import SoundPlayer
from tests.helpers.fakes import FakeClock

QUESTIONS = [
    # (id, text, options A-D, answer, explanation, reference)
    ("h1", "Apakah ASN boleh menjadi anggota partai politik?",
     ["Boleh", "Tidak boleh", "Boleh bila cuti", "Boleh bila izin atasan"], "A",
     "Keanggotaan partai politik berujung pemberhentian tidak dengan hormat.",
     "UU 20/2023 Pasal 52 ayat (3) huruf j jo. ayat (4)"),
    ("h2", "ASN wajib menjaga ...", ["netralitas", "popularitas", "elektabilitas", "koalisi"],
     "A", "Menjaga netralitas adalah kewajiban ASN.", "UU 20/2023 Pasal 24 ayat (1) huruf d"),
    ("h3", "Memberi tanda suka pada unggahan kampanye calon termasuk ...",
     ["pelanggaran netralitas", "hak pribadi", "kewajiban", "tugas kedinasan"], "A",
     "Menyukai unggahan kampanye termasuk bentuk dukungan.", "SKB 5 lembaga 2022, Lampiran II"),
    ("h4", "Hukuman bagi PNS yang ikut kampanye dengan fasilitas negara adalah ...",
     ["hukuman disiplin berat", "teguran lisan", "tidak ada", "pujian"], "A",
     "Kampanye dengan fasilitas negara diancam hukuman disiplin berat.",
     "PP 94/2021 Pasal 5 huruf n angka 4 jo. Pasal 14 huruf i"),
    ("h5", "Sikap ASN di media sosial pada masa kampanye sebaiknya ...",
     ["netral", "berpihak", "ikut membagikan", "menjadi admin akun calon"], "A",
     "ASN menjaga netralitas juga di media sosial.", "SKB 5 lembaga 2022"),
]


def bank_yaml() -> str:
    lines = ["format: kuis-bank/1", "id: uji-aula", "title: Bank Uji Aula", "categories:",
             "  - id: netral", "    title: Netralitas", "questions:"]
    for qid, text, options, answer, explanation, reference in QUESTIONS:
        lines += [f"  - id: {qid}", "    category: netral", f"    text: {text}", "    options:"]
        lines += [f"      {k}: {o}" for k, o in zip("ABCD", options, strict=True)]
        lines += [f"    answer: {answer}", f"    explanation: {explanation}",
                  f"    reference: {reference}"]
    return "\n".join(lines) + "\n"


PLAN_YAML = """\
format: kuis-plan/1
title: Kuis Aula Uji
banks:
  - uji-aula
order: bank
shuffle_options: false
question_time_limit: 20
scoring: speed
"""


@pytest.fixture
def hall_files(tmp_path: Path) -> Path:
    """A plan (speed scoring, 20 s, bank order, no option shuffle) over five questions."""
    (tmp_path / "bank.yaml").write_text(bank_yaml(), encoding="utf-8")
    plan = tmp_path / "aula.yaml"
    plan.write_text(textwrap.dedent(PLAN_YAML), encoding="utf-8")
    return plan


class Dialogs:
    def __init__(self) -> None:
        self.messages: list[tuple[str, str]] = []
        self.confirms: list[bool] = []
        self.asked: list[str] = []

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(dialogs, "show_message",
                            lambda _p, title, text, detail="": self.messages.append((title, text)))
        monkeypatch.setattr(dialogs, "confirm", self._confirm)

    def _confirm(self, _parent: Any, title: str, text: str, **_kw: Any) -> bool:
        self.asked.append(f"{title}: {text}")
        return self.confirms.pop(0) if self.confirms else True


@pytest.fixture
def dialog_log(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    log = Dialogs()
    log.install(monkeypatch)
    return log


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def open_presenter(qtbot, tmp_path: Path, clock: FakeClock, dialog_log: Dialogs
                   ) -> Iterator[Callable[..., Presenter]]:
    """Start presenter mode like the main window would, with a fake clock and no sound."""
    opened: list[Presenter] = []

    def _open(source: Path, teams: list[str] | None = None, discussion: bool = False,
              **kw: Any) -> Presenter:
        kw.setdefault("sound", SoundPlayer(backend="none"))
        p = start_presenter(None, tmp_path / "data", source, teams, discussion, clock=clock,
                            **kw)
        assert p is not None, dialog_log.messages
        qtbot.addWidget(p.audience)
        qtbot.addWidget(p.console)
        p.controller.timer.stop()  # tests tick by hand: no real time passes
        opened.append(p)
        return p

    yield _open
    for p in opened:
        p.close()


def type_keys(qtbot, widget, keys: str) -> None:
    """Type on a window: digits and letters as text, ' ' = Space, '+' = +10 s,
    '\\n' = Enter (reveal), '>' = PageDown (next step)."""
    special = {" ": Qt.Key.Key_Space, "+": Qt.Key.Key_Plus, "\n": Qt.Key.Key_Return,
               ">": Qt.Key.Key_PageDown}
    for ch in keys:
        if ch in special:
            qtbot.keyClick(widget, special[ch])
        else:
            qtbot.keyClicks(widget, ch)
