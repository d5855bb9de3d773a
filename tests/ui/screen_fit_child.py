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
CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)
READABLE_INPUT_PX = 24  # a one-line box shorter than this cuts its text
FOCUS_SLACK = 3

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
    print(json.dumps(report))
    QApplication.closeAllWindows()
    return 0


if __name__ == "__main__":
    sys.exit(main())
