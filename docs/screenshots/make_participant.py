"""Render every participant-mode screen to docs/screenshots/participant-<screen>-<w>x<h>.png.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_participant.py

Uses the bundled BerAKHLAK plan, a real results store in a temporary folder and a fake
clock (so the countdowns show fixed values).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtGui import QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from quiz_app.core.banks import load_runnable  # noqa: E402
from quiz_app.core.model import Bank, Category, Option, Question, QuestionType  # noqa: E402
from quiz_app.core.results import ResultsStore  # noqa: E402
from quiz_app.ui import dialogs  # noqa: E402
from quiz_app.ui.app import create_app  # noqa: E402
from quiz_app.ui.banklist import inspect_files  # noqa: E402
from quiz_app.ui.main_window import MainWindow  # noqa: E402
from quiz_app.ui.participant.session import SessionSetup, create_session  # noqa: E402
from quiz_app.ui.participant.window import ParticipantWindow  # noqa: E402
from quiz_app.ui.setup import SetupDialog  # noqa: E402
from tests.helpers.fakes import FakeClock, make_plan  # noqa: E402

OUT = Path(__file__).resolve().parent
SIZES = ((1366, 768), (1920, 1080))
PLAN = ROOT / "question_banks" / "plans" / "berakhlak_tes.yaml"

LONG = (
    "Menjelang pemilihan kepala daerah, Ibu Ratna, seorang analis kebijakan di Badan "
    "Perencanaan Pembangunan Daerah, diundang kerabatnya ke acara syukuran di rumah salah "
    "satu bakal calon bupati. Acara itu diadakan pada hari Minggu, di luar jam kerja, dan "
    "Ibu Ratna datang tanpa seragam atau atribut dinas. Di tengah acara, panitia meminta "
    "semua tamu berfoto bersama bakal calon sambil mengacungkan dua jari sesuai nomor urut "
    "yang diperkirakan, lalu foto itu akan diunggah ke akun media sosial tim pemenangan. "
    "Seorang rekan kantornya yang juga hadir berkata bahwa berfoto tidak apa-apa karena "
    "bukan hari kerja. Menurut ketentuan netralitas ASN, sikap yang paling tepat bagi "
    "Ibu Ratna adalah ..."
)
LONG_OPTIONS = (
    ("A", "Ikut berfoto, karena acara berlangsung di luar jam kerja dan tanpa atribut dinas"),
    ("B", "Menolak berfoto dan tidak menunjukkan keberpihakan, termasuk lewat gerakan jari"),
    ("C", "Ikut berfoto tetapi meminta panitia agar fotonya tidak diunggah ke media sosial"),
    ("D", "Ikut berfoto asalkan wajahnya tidak terlihat jelas di dalam foto"),
)


def save(widget: QWidget, name: str, size: tuple[int, int]) -> None:
    QApplication.processEvents()
    path = OUT / f"participant-{name}-{size[0]}x{size[1]}.png"
    widget.grab().save(str(path), "PNG", 9)
    print(path.relative_to(ROOT), f"{path.stat().st_size // 1024} KB")


def long_bank() -> Bank:
    q = Question(id="panjang", category="kampanye", type=QuestionType.SINGLE, text=LONG,
                 options=tuple(Option(k, t) for k, t in LONG_OPTIONS), answer=frozenset("B"),
                 shuffle=False)
    return Bank(id="panjang", title="Soal skenario panjang",
                categories=(Category("kampanye", "Kampanye"),), questions=(q,))


def true_false_bank(banks: list[Bank]) -> Bank:
    """The bundled BerAKHLAK bank's true/false scenarios, alone."""
    bank = next(b for b in banks if b.id == "berakhlak")
    questions = tuple(q for q in bank.questions if q.type is QuestionType.TRUE_FALSE)[1:3]
    return Bank(id="berakhlak-bs", title=bank.title, categories=bank.categories,
                questions=questions)


def main() -> int:
    app = create_app(language=os.environ.get("QUIZ_APP_LANG", "id"))
    for name in ("show_message", "confirm", "choose", "ask_pin"):
        setattr(dialogs, name, lambda *a, **k: None)
    tmp = Path(tempfile.mkdtemp(prefix="kuis-shots-"))
    store = ResultsStore.open_in(tmp)
    plan, banks = load_runnable(PLAN)
    for size in SIZES:
        # --- set-up, over the main window
        main_window = MainWindow(tmp, None)
        main_window.resize(*size)
        files = sorted((ROOT / "question_banks").glob("*.yaml")) + sorted(
            (ROOT / "question_banks" / "plans").glob("*.yaml"))
        main_window._show_entries(inspect_files(files, None))
        dialog = SetupDialog(main_window.entries, None, main_window)
        for row in range(dialog.list.count()):
            if dialog.list.item(row).text().startswith("Tes Nilai Dasar BerAKHLAK"):
                dialog.list.blockSignals(True)
                dialog.list.setCurrentRow(row)
                dialog.list.blockSignals(False)
        dialog._source_done(dialog._source_token, type("L", (), {
            "path": PLAN, "plan": plan, "banks": tuple(banks)})())
        dialog.title.setText("Sosialisasi BerAKHLAK — Kecamatan Sukamaju")
        dialog.place.setText("Aula Kantor Camat Sukamaju")
        dialog.trainer.setText("Rina Wulandari, S.Sos.")
        dialog.pin.setText("2468")
        dialog.guests.setChecked(True)
        dialog.kiosk.setChecked(True)
        dialog.roster_status.setText("contoh_peserta.csv: 12 peserta; 1 baris ditolak, "
                                     "0 peringatan")
        dialog.resize(min(1180, size[0] - 40), min(640, size[1] - 40))
        QApplication.processEvents()
        back = main_window.grab()
        painter = QPainter(back)
        painter.setOpacity(0.35)
        painter.fillRect(back.rect(), Qt.GlobalColor.black)
        painter.setOpacity(1.0)
        front = dialog.grab()
        painter.drawPixmap(QPoint((size[0] - front.width()) // 2,
                                  (size[1] - front.height()) // 2), front)
        painter.end()
        path = OUT / f"participant-setup-{size[0]}x{size[1]}.png"
        back.save(str(path), "PNG", 9)
        print(path.relative_to(ROOT), f"{path.stat().st_size // 1024} KB")

        # --- participant screens with the BerAKHLAK plan
        clock = FakeClock()
        session = create_session(store, tmp, SessionSetup(
            source=PLAN, plan=plan, banks=tuple(banks), pin="2468",
            title="Sosialisasi BerAKHLAK — Kecamatan Sukamaju", place="Aula Kantor Camat",
            date=None, trainer="Rina Wulandari", guests=True))
        window = ParticipantWindow(session, clock)
        window.resize(*size)
        window.show()
        window.begin_identity()
        window.identity.nip.setText("198809212014122003")
        window.identity.name.setText("Siti Contohwati, S.E.")
        save(window, "identity", size)
        window.identity.nip.setText("19880921201412200")
        window.identity.name.setText("")
        window.identity.submit()
        save(window, "identity-error", size)
        window.identity.nip.setText("198809212014122003")
        window.identity.name.setText("Siti Contohwati, S.E.")
        window.identity.submit()
        save(window, "instructions", size)
        window.instructions.start.emit()
        ctrl = window.controller
        attempt = ctrl.attempt
        clock.advance(6)
        ctrl.poll()
        save(window, "question", size)
        ctrl.choose(attempt.current.option_order[1])
        window.question.render()
        save(window, "question-answered", size)
        # answer the rest: right answers except two, one flagged, one skipped
        for i in range(1, len(attempt)):
            clock.advance(9)
            if ctrl.advance():
                break
            aq = attempt.current
            keys = sorted(aq.question.answer)
            if i in (3, 8):
                keys = [k for k in aq.question.option_keys if k not in keys][:1]
            if i == 11:
                ctrl.toggle_flag()
            if i != 12:
                for key in keys:
                    ctrl.choose(key)
        # the plan times the whole test (900 s, no per-question limit): its warning
        # state is the last minute of the test
        left = attempt.test_remaining()
        assert left is not None
        clock.advance(left - 45)
        ctrl.poll()
        window.question.render()
        save(window, "question-warning", size)
        window.question._advance()
        save(window, "finish", size)
        window.finish.submit.emit()
        save(window, "result", size)
        window.result.review.emit()
        save(window, "review", size)
        window.close()

        # --- a long scenario question
        clock = FakeClock()
        long_session = create_session(store, tmp, SessionSetup(
            source=PLAN, plan=make_plan(order="bank", time_limit=1200), banks=(long_bank(),),
            pin="2468", title="Netralitas ASN — skenario"))
        long_window = ParticipantWindow(long_session, clock)
        long_window.resize(*size)
        long_window.show()
        long_window.identity.nip.setText("198809212014122003")
        long_window.identity.name.setText("Siti Contohwati, S.E.")
        long_window.identity.submit()
        long_window.instructions.start.emit()
        clock.advance(4)
        long_window.controller.poll()
        save(long_window, "question-long", size)
        print("   long text font:", long_window.question.text.pixel_size, "px, scrolls:",
              long_window.question.text.scrolls)
        long_window.close()

        # --- a true/false question (A = Benar, B = Salah) with its own 30 s countdown,
        # 8 s left: the question's warning state
        clock = FakeClock()
        tf_session = create_session(store, tmp, SessionSetup(
            source=PLAN, plan=make_plan(order="bank", question_time_limit=30,
                                        navigation="forward"),
            banks=(true_false_bank(banks),), pin="2468", title="Tes BerAKHLAK — Benar/Salah"))
        tf_window = ParticipantWindow(tf_session, clock)
        tf_window.resize(*size)
        tf_window.show()
        tf_window.identity.nip.setText("198809212014122003")
        tf_window.identity.name.setText("Siti Contohwati, S.E.")
        tf_window.identity.submit()
        tf_window.instructions.start.emit()
        clock.advance(22)
        tf_window.controller.poll()
        tf_window.question.render()
        save(tf_window, "question-truefalse", size)
        tf_window.close()
        main_window.close()
    store.close()
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
