"""Run by test_screen_fit.py on an offscreen screen of a given size (``configfile``): open
every window as the app does, and print, per window and screen, what does not fit.

    QT_QPA_PLATFORM=offscreen:configfile=screens.json python -m tests.ui.screen_fit_child DATA
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QPoint, QRect, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QTextEdit,
    QWidget,
)

from quiz_app.core.banks import load_runnable
from quiz_app.core.model import Bank, Category, Option, Question, QuestionType
from quiz_app.core.results import ResultsStore
from quiz_app.ui import dialogs
from quiz_app.ui.app import create_app
from quiz_app.ui.main_window import MainWindow
from quiz_app.ui.participant.session import SessionSetup, create_session
from quiz_app.ui.participant.window import ParticipantWindow
from quiz_app.ui.results import open_results_window
from quiz_app.ui.screenfit import FRAME
from tests.helpers.fakes import FakeClock, make_plan

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "question_banks" / "plans" / "berakhlak_tes.yaml"
HALL_PLAN = ROOT / "question_banks" / "plans" / "kuis_aula.yaml"
OPD = ["Dinas Kesehatan", "Dinas Pendidikan", "Bappeda", "BKPSDM", "Dinas Sosial",
       "Inspektorat", "Dinas PUPR", "Satuan Polisi Pamong Praja", "Dinas Kominfo",
       "Kecamatan Kota", "RSUD", "Dinas Perhubungan"]
CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)
READABLE_INPUT_PX = 24  # a one-line box shorter than this cuts its text
FOCUS_SLACK = 3
LIST_ROWS = 3  # a scrolling list of controls shows at least this many rows

LONG = ("Menjelang pemilihan kepala daerah, seorang analis kebijakan diundang kerabatnya ke "
        "acara syukuran di rumah salah satu bakal calon bupati pada hari Minggu, di luar jam "
        "kerja. Panitia meminta semua tamu berfoto bersama bakal calon sambil mengacungkan "
        "dua jari, lalu foto itu akan diunggah ke akun media sosial tim pemenangan. Menurut "
        "ketentuan netralitas ASN, sikap yang paling tepat adalah ...")


def settle(ms: int = 50) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def problems(window: QWidget) -> list[str]:
    """Everything a user of this window would find clipped, squashed or overlapping."""
    out = []
    area = window.screen().availableGeometry()
    frame = window.frameGeometry()
    if not area.contains(frame):
        out.append(f"window {frame.getRect()} does not fit the screen {area.getRect()}")
    # the offscreen platform draws no title bar: leave the room a real one takes
    if window.width() + FRAME.width() > area.width() or \
            window.height() + FRAME.height() > area.height():
        out.append(f"window {window.size().toTuple()} leaves no room for a title bar on "
                   f"the screen {area.size().toTuple()}")
    inside = window.rect()
    controls = [c for c in window.findChildren(QWidget)
                if isinstance(c, CONTROLS) and c.isVisibleTo(window) and c.window() is window]
    # a list whose rows are controls (the console's team grid) scrolls by design, like
    # a table: it must show a few whole rows, the others may be scrolled out of sight
    lists = [a for a in window.findChildren(QAbstractScrollArea)
             if a.property("scrollingList") and a.isVisibleTo(window)]
    for a in lists:
        rows = [c for c in controls if a.isAncestorOf(c)]
        row_h = max((c.height() for c in rows), default=0)
        if rows and a.viewport().height() < LIST_ROWS * row_h:
            out.append(f"list {a.objectName()!r} shows {a.viewport().height()} px, less than "
                       f"{LIST_ROWS} rows of {row_h} px")
    controls = [c for c in controls if not any(a.isAncestorOf(c) for a in lists)]
    for c in controls:
        name = f"{type(c).__name__}({c.accessibleName() or c.objectName()!r})"
        where = rect_in(c, window)
        if not inside.contains(where):
            out.append(f"{name} at {where.getRect()} is outside the window {inside.getRect()}")
        parent = c.parentWidget()
        while parent is not None and parent is not window:  # scrolled out of sight
            if isinstance(parent, QAbstractScrollArea) and not isinstance(c, QAbstractSpinBox):
                view = parent.viewport()
                if view.isAncestorOf(c) and not rect_in(view, window).contains(where):
                    out.append(f"{name} needs scrolling into view at {where.getRect()}")
            parent = parent.parentWidget()
        # Qt does not lay out again when a stylesheet's wider :focus border grows the
        # hint of the box that has the focus: a few pixels are that, not squashing
        wanted = min(c.minimumSizeHint().height(), c.sizeHint().height()) - FOCUS_SLACK
        if c.height() < wanted:
            out.append(f"{name} squashed to {c.height()} px (needs {wanted})")
        if isinstance(c, QLineEdit) and c.height() < READABLE_INPUT_PX and \
                not isinstance(c.parentWidget(), QAbstractSpinBox | QComboBox):
            out.append(f"{name} only {c.height()} px high")
    shown = controls + [w for w in window.findChildren(QWidget)
                        if isinstance(w, QAbstractItemView | QTextEdit)
                        or (isinstance(w, QLabel) and w.text())]
    shown = [w for w in dict.fromkeys(shown) if w.isVisibleTo(window) and w.window() is window]
    for w in shown:
        if w.minimumHeight() and w.height() < w.minimumHeight():
            out.append(f"{type(w).__name__} {w.accessibleName()!r} squashed to {w.height()} "
                       f"px (needs {w.minimumHeight()})")
    for i, a in enumerate(shown):
        for b in shown[i + 1:]:
            if a.parentWidget() is b.parentWidget() and \
                    rect_in(a, window).intersects(rect_in(b, window)):
                out.append(f"{type(a).__name__} {a.accessibleName() or a.objectName()!r} "
                           f"overlaps {type(b).__name__} "
                           f"{b.accessibleName() or b.objectName()!r}")
    return out


def long_bank() -> Bank:
    options = tuple(Option(k, f"Pilihan {k}: jawaban yang cukup panjang untuk satu baris penuh "
                              "di layar laptop kecil") for k in "ABCD")
    q = Question(id="panjang", category="k", type=QuestionType.SINGLE, text=LONG,
                 options=options, answer=frozenset("B"), shuffle=False)
    return Bank(id="panjang", title="Panjang", categories=(Category("k", "Kampanye"),),
                questions=(q,))


def presenter_consoles(data: Path) -> dict[str, list[str]]:
    """The trainer console as ``start_presenter`` places it (one screen), with twelve
    teams and with phones, in each phase: ready, running with keyed answers, revealed,
    finished with the final ranking."""
    from quiz_app.lan.hall import TakeoverRequest
    from quiz_app.ui.presenter import start_presenter
    from quiz_app.ui.presenter.phones import Candidate, PhoneOptions
    from quiz_app.ui.presenter.sound import SoundPlayer

    report: dict[str, list[str]] = {}
    for name, teams, phones in (
            ("presenter-console", OPD, None),
            ("presenter-console-phones", None, PhoneOptions(
                host="127.0.0.1", port=0,
                candidates=(Candidate("192.168.100.123", "Wi-Fi Aula BKPSDM", True, False),)))):
        clock = FakeClock()
        presenter = start_presenter(None, data / name, HALL_PLAN, teams, clock=clock,
                                    sound=SoundPlayer(backend="none"), phones=phones)
        assert presenter is not None
        ctrl, console = presenter.controller, presenter.console
        ctrl.timer.stop()
        presenter.audience.hide()  # F5: the trainer looks at the console
        if presenter.phones is not None:  # the tallest panel: a take-over waits
            session = presenter.phones.panel.session
            session.takeovers.append(TakeoverRequest("t1", "s1", "Siti Contohwati, S.E."))
            presenter.phones.panel.refresh()
        settle()
        report[f"{name}/ready"] = problems(console)
        ctrl.start()
        if teams:
            for number in range(1, 9):
                clock.advance(1.3)
                letters = ctrl.game.letters()  # A/B on a true/false question
                ctrl.toggle_letter(number, letters[number % len(letters)])
        clock.advance(4)
        ctrl.tick()
        settle()
        report[f"{name}/running"] = problems(console)
        ctrl.reveal()
        settle()
        report[f"{name}/revealed"] = problems(console)
        ctrl.end(ask=False)
        settle()
        report[f"{name}/finished"] = problems(console) + (
            [] if console.final_box.isVisible() else ["no final ranking shown"])
        presenter.close()
    return report


def main() -> int:
    data = Path(sys.argv[1])
    app = create_app()  # noqa: F841 (kept alive until the end)
    for name in ("show_message", "confirm", "choose", "ask_pin", "show_info"):
        setattr(dialogs, name, lambda *a, **k: None)
    report: dict[str, list[str]] = {}

    main_window = MainWindow(data, None)
    main_window.show()
    main_window.load_bundled()
    for _ in range(400):
        if main_window.entries:
            break
        settle()
    settle()
    report["main"] = problems(main_window)

    setup = main_window.open_setup()
    settle()
    report["setup"] = problems(setup)
    setup.reject()
    hall = main_window.open_presenter_setup()
    settle()
    report["presenter-setup"] = problems(hall)
    hall.reject()
    issues = "\n".join(f"bank_saya.yaml:{n}:5: [soal q{n}] kolom 'explanaton' tidak dikenal — "
                       "maksud Anda 'explanation'?" for n in range(1, 80))
    message = dialogs.message_dialog(main_window, "Berkas soal bermasalah",
                                     "bank_saya.yaml tidak dapat dipakai.", issues)
    message.show()
    settle()
    report["message"] = problems(message)
    message.reject()

    store = ResultsStore.open_in(data)
    plan, banks = load_runnable(PLAN)
    from quiz_app.lan.desk import PhoneDesk  # the "lewat HP" console (issue 16)
    from quiz_app.ui.phone_desk import DeskWindow

    desk = PhoneDesk.create(data, FakeClock(), plan, banks,
                            title="Sosialisasi Netralitas ASN dan Nilai Dasar BerAKHLAK")
    desk_window = DeskWindow(desk, data, candidates=[])
    desk.start_server(desk_window.bridge.post, host="127.0.0.1", port=0)
    desk_window.refresh()
    desk_window.show()
    settle()
    report["phone-desk"] = problems(desk_window)
    desk_window.close()
    for name, bank_list, the_plan in (("participant", banks, plan),
                                      ("participant-long", [long_bank()],
                                       make_plan(order="bank", time_limit=600))):
        session = create_session(store, data, SessionSetup(
            source=PLAN, plan=the_plan, banks=tuple(bank_list), pin="2468",
            title="Sosialisasi Netralitas ASN dan Nilai Dasar BerAKHLAK", place="Aula BKPSDM",
            guests=True))
        window = ParticipantWindow(session, FakeClock())
        window.start()  # not kiosk: a normal window
        settle()
        report[f"{name}/identity"] = problems(window)
        window.identity.nip.setText("19880921201412200")  # the error state: messages shown
        window.identity.submit()
        settle()
        report[f"{name}/identity-error"] = problems(window)
        window.identity.nip.setText("198809212014122003")
        window.identity.name.setText("Siti Contohwati, S.E.")
        window.identity.submit()
        settle()
        report[f"{name}/instructions"] = problems(window)
        window.instructions.start.emit()
        settle()
        ctrl = window.controller
        found: list[str] = []
        for _ in range(len(ctrl.attempt)):  # every question: texts and options differ
            aq = ctrl.attempt.current
            ctrl.choose(aq.option_order[0])
            window.question.render()
            settle()
            found += [f"{aq.question.id}: {p}" for p in problems(window)]
            if ctrl.attempt.is_last:
                break
            ctrl.advance()
        report[f"{name}/question"] = found
        report[f"{name}/question-count"] = [] if ctrl.attempt.current_index == \
            len(ctrl.attempt) - 1 else [f"stopped at {ctrl.attempt.current_index}"]
        window.end_session()
    store.close()

    results = open_results_window(main_window, data)
    for _ in range(100):
        if results.loaded is not None:
            break
        settle()
    settle()
    report["results"] = problems(results)
    results.tabs.setCurrentIndex(1)
    settle()
    report["results/analysis"] = problems(results)
    report.update(presenter_consoles(data))
    print(json.dumps(report))
    QApplication.closeAllWindows()
    return 0


if __name__ == "__main__":
    sys.exit(main())
