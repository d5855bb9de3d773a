"""Open the real windows on a real screen, sized by the app, and save them as
docs/screenshots/<window>-<screen w>x<screen h>.png.

Run it under an X server of the size to show, with a window manager, e.g.::

    xvfb-run -a -s "-screen 0 1024x600x24" sh -c \\
        "openbox & sleep 1; .venv/bin/python docs/screenshots/make_windows.py"

(1024x600, 1366x768 and 1920x1080 are the sizes in the docs; ``--out DIR`` writes
elsewhere). Each window is opened as the app opens it, so its size is the one a trainer
gets on that screen; the image is the window's content (no title bar). Demo data: 24
fictitious participants in a pre-test and a post-test of the bundled netralitas plans.
The full participant flow at 1366×768 and 1920×1080 comes from ``make_participant.py``;
the trainer console is saved as ``trainer-console-<w>x<h>.png`` (the presenter screenshots
at 1280×720 and 1920×1080 come from ``tests/ui/presenter/render_screenshots.py``).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from quiz_app.core.banks import load_runnable  # noqa: E402
from quiz_app.core.model import Participant  # noqa: E402
from quiz_app.core.quiz import build_attempt  # noqa: E402
from quiz_app.core.results import ResultsStore  # noqa: E402
from quiz_app.ui import dialogs  # noqa: E402
from quiz_app.ui.app import create_app  # noqa: E402
from quiz_app.ui.main_window import MainWindow  # noqa: E402
from quiz_app.ui.participant.session import SessionSetup, create_session  # noqa: E402
from quiz_app.ui.participant.window import ParticipantWindow  # noqa: E402
from quiz_app.ui.presenter import start_presenter  # noqa: E402
from quiz_app.ui.presenter.sound import SoundPlayer  # noqa: E402
from quiz_app.ui.results import open_results_window  # noqa: E402
from tests.helpers.fakes import FakeClock  # noqa: E402
from tests.helpers.results import demo_answers, demo_people, take  # noqa: E402

OUT = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else \
    Path(__file__).resolve().parent
PLANS = ROOT / "question_banks" / "plans"
OPD = ["Dinas Kesehatan", "Dinas Pendidikan", "Bappeda", "BKPSDM", "Dinas Sosial",
       "Inspektorat", "Dinas PUPR", "Satuan Polisi Pamong Praja", "Dinas Kominfo",
       "Kecamatan Kota", "RSUD", "Dinas Perhubungan"]


def settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def save(widget: QWidget, name: str, size: tuple[int, int]) -> None:
    settle()
    path = OUT / f"{name}-{size[0]}x{size[1]}.png"
    widget.grab().save(str(path), "PNG", 9)
    print(path, widget.size().toTuple())


def fill_store(data: Path) -> int:
    """A pre-test and its post-test, 24 demo participants; returns the post-test id."""
    store = ResultsStore.open_in(data)
    pre_plan, pre_banks = load_runnable(PLANS / "netralitas_pretest.yaml")
    post_plan, post_banks = load_runnable(PLANS / "netralitas_posttest.yaml")
    place, trainer = "Aula BKPSDM Kab. Kutai Kartanegara", "Rahmat Hidayat, S.H."
    pre = store.create_session("Pretest Netralitas ASN Pilkada 2024", pre_plan, place=place,
                               trainer=trainer, date="2025-03-04").id
    post = store.create_session("Posttest Netralitas ASN Pilkada 2024", post_plan,
                                place=place, trainer=trainer, date="2025-03-04",
                                pretest_session_id=pre).id
    people: list[Participant] = demo_people(24)
    for i, person in enumerate(people):
        seed = f"demo-{i}"
        spec = build_attempt(pre_plan, pre_banks, seed)
        take(store, pre, person, spec, demo_answers(spec, 0.35 + (i % 6) * 0.06, seed),
             seconds=14)
        spec = build_attempt(post_plan, post_banks, seed)
        take(store, post, person, spec, demo_answers(spec, 0.6 + (i % 5) * 0.09, seed),
             seconds=16, finish=i != 5)
    store.close()
    return post


def main() -> int:
    app = create_app()
    for name in ("show_message", "confirm", "choose", "ask_pin", "show_info"):
        setattr(dialogs, name, lambda *a, **k: None)
    screen = app.primaryScreen().size()
    size = (screen.width(), screen.height())
    data = Path(tempfile.mkdtemp(prefix="kuis-windows-"))
    post = fill_store(data)

    main_window = MainWindow(data, None)
    main_window.show()
    main_window.load_bundled()
    for _ in range(100):
        if main_window.entries:
            break
        settle(100)
    save(main_window, "main", size)

    setup = main_window.open_setup()
    setup.title.setText("Sosialisasi BerAKHLAK — Kecamatan Sukamaju")
    setup.place.setText("Aula Kantor Camat Sukamaju")
    setup.trainer.setText("Rina Wulandari, S.Sos.")
    setup.pin.setText("2468")
    setup.guests.setChecked(True)
    setup.list.setCurrentRow(4)
    settle(1500)
    save(setup, "participant-setup", size)
    setup.reject()

    plan, banks = load_runnable(PLANS / "berakhlak_tes.yaml")
    store = ResultsStore.open_in(data)
    session = create_session(store, data, SessionSetup(
        source=PLANS / "berakhlak_tes.yaml", plan=plan, banks=tuple(banks), pin="2468",
        title="Sosialisasi BerAKHLAK — Kecamatan Sukamaju", place="Aula Kantor Camat",
        guests=True))
    clock = FakeClock()
    window = ParticipantWindow(session, clock)
    window.start()
    window.identity.nip.setText("198809212014122003")
    window.identity.name.setText("Siti Contohwati, S.E.")
    save(window, "participant-identity", size)
    window.identity.submit()
    window.instructions.start.emit()
    clock.advance(6)
    window.controller.poll()
    save(window, "participant-question", size)
    window.end_session()
    store.close()

    results = open_results_window(main_window, data, post)
    for _ in range(100):
        if results.loaded is not None:
            break
        settle(100)
    results.participant_view.selectRow(1)
    save(results, "results-peserta", size)
    results.tabs.setCurrentIndex(1)
    results.item_view.selectRow(0)
    save(results, "results-analisis", size)

    # the trainer console of a hall quiz, placed as the app places it (one screen: the
    # audience view hidden with F5), twelve teams, eight of them answered
    clock = FakeClock()
    presenter = start_presenter(None, data, PLANS / "kuis_aula.yaml", OPD, clock=clock,
                                sound=SoundPlayer(backend="none"))
    assert presenter is not None
    ctrl = presenter.controller
    ctrl.timer.stop()
    presenter.audience.hide()
    ctrl.start()
    for number in range(1, 9):
        clock.advance(1.3)
        letters = ctrl.game.letters()  # A/B on a true/false question
        ctrl.toggle_letter(number, letters[number % len(letters)])
    clock.advance(4)
    ctrl.tick()
    save(presenter.console, "trainer-console", size)
    presenter.close()
    QApplication.closeAllWindows()
    return 0


if __name__ == "__main__":
    sys.exit(main())
