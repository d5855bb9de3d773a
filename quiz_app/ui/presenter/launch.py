"""Starting presenter mode: from the main window (:func:`start_presenter`) or from
``quiz-app present`` (:func:`run_presenter`)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QObject, QTime, Signal
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QWidget

from ...core import paths
from ...core.banks import BankCache, load_runnable
from ...core.clock import Clock, monotonic_clock
from ...core.errors import QuizError
from ...core.hall import (
    AnswerSource,
    DiscussionSource,
    HallSession,
    Phase,
    SavedHall,
    TeamSource,
    check_hall_files,
)
from ...core.model import Bank, Plan
from ...lan.hall import PhoneHallSession
from .. import dialogs
from .audience import AudienceView
from .console import TrainerConsole
from .controller import PresenterController
from .phones import PhoneOptions, PhonesUi, attach_phones
from .placement import Mode, Placement, ScreenManager
from .sound import SoundPlayer

log = logging.getLogger(__name__)


class Presenter(QObject):
    """What :func:`start_presenter` returns: the controller and its two windows."""

    closed = Signal()

    def __init__(self, controller: PresenterController, audience: AudienceView,
                 console: TrainerConsole, screens: ScreenManager,
                 parent: QObject | None = None, *, data_dir: Path | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.audience = audience
        self.console = console
        self.screens = screens
        self.data_dir = data_dir
        self.results_window: QWidget | None = None
        console.results_requested.connect(self.open_results)
        self.phones: PhonesUi | None = None
        controller.audience_toggle_requested.connect(screens.toggle_audience)
        controller.audience_hide_requested.connect(screens.hide_audience_if_single)
        console.audience_button.clicked.connect(lambda _=False: screens.toggle_audience())
        console.swap_button.clicked.connect(lambda _=False: screens.toggle_swap())
        screens.placed.connect(self._placed)
        controller.changed.connect(self._check_fit)
        console.closing.connect(self.close)
        self._closed = False

    def _placed(self, placement: Placement) -> None:
        c = self.console
        c.swap_button.setEnabled(placement.mode is Mode.DUAL)
        screen = self.screens.audience_screen
        if placement.mode is Mode.DUAL and screen is not None:
            g = screen.geometry()
            c.set_screen_text(c.tr("Layar peserta: {0} ({1}×{2}). Konsol ini tidak tampil di "
                                   "proyektor.").format(screen.name(), g.width(), g.height()))
        else:
            c.set_screen_text(c.tr("Satu layar: F5 menampilkan/menyembunyikan layar peserta. "
                                   "Jika proyektor mencerminkan layar laptop, peserta melihat "
                                   "konsol ini (dengan kunci jawaban) saat layar peserta "
                                   "disembunyikan."))

    def open_results(self) -> QWidget | None:
        """The results window on this presentation's session (after the end)."""
        session_id = self.controller.session.session_id
        if self.data_dir is None or session_id is None:
            return None
        from ..results import open_results_window

        # with the main window as owner it is the main window's own results window;
        # from ``quiz-app present`` it stands alone and outlives the console
        self.results_window = open_results_window(self.console.parentWidget(), self.data_dir,
                                                  session_id)
        return self.results_window

    def _check_fit(self) -> None:
        q = self.audience.question
        self.console.set_fit_warning(q.below_minimum and q.text() != "")

    def close(self) -> None:
        """Stop the presentation windows (the resume file keeps an unfinished one)."""
        if self._closed:
            return
        self._closed = True
        self.controller.close()
        self.audience.allow_close = True
        self.audience.close()
        self.console.force_close()
        self.closed.emit()


def _tr(text: str) -> str:
    return QCoreApplication.translate("presenter", text)


def _categories(banks: Sequence[Bank]) -> dict[str, str]:
    return {c.id: c.title for b in banks for c in b.categories}


def local_time_text(stamp: str) -> str:
    """An ISO time as stored (UTC) in the laptop's local time, in Indonesian:
    ``4 Maret 2025 pukul 14.05``. An unreadable stamp is shown as it is."""
    try:
        local = datetime.fromisoformat(stamp).astimezone()
    except ValueError:
        return stamp
    moment = QDateTime(QDate(local.year, local.month, local.day),
                       QTime(local.hour, local.minute))
    return QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia).toString(
        moment, "d MMMM yyyy 'pukul' HH.mm")


def _offer_resume(parent: QWidget | None, saved: SavedHall) -> bool:
    if saved.kind == "phones":
        teams = _tr("{0} peserta HP").format(len(saved.participants))
    else:
        teams = (_tr("{0} tim").format(len(saved.participants))
                 if saved.participants else _tr("mode diskusi"))
    # "Ya" is the default: one Enter must not throw a hall's game away
    return dialogs.confirm(
        parent,
        _tr("Lanjutkan presentasi?"),
        _tr("Presentasi '{0}' ({1}) terhenti pada soal {2} dari {3} "
            "(terakhir disimpan {4}). Lanjutkan dari soal itu? Pilih Tidak untuk "
            "memulai dari awal; hasil yang lama tetap tersimpan sebagai dibatalkan.")
        .format(saved.title, teams, saved.question_number, len(saved.spec.questions),
                local_time_text(saved.updated_at)),
        default_yes=True,
    )


def start_presenter(
    parent: QWidget | None,
    data_dir: Path,
    source_path: Path,
    teams: list[str] | None,
    discussion: bool = False,
    *,
    clock: Clock = monotonic_clock,
    sound: SoundPlayer | None = None,
    screens: Callable[[], list[QScreen]] | None = None,
    cache: BankCache | None = None,
    loaded: tuple[Plan, list[Bank]] | None = None,
    phones: PhoneOptions | None = None,
) -> Presenter | None:
    """Open presenter mode for a plan or bank file and return it (None when the file or
    the team list cannot be used; the reason was shown with ``dialogs.show_message``).

    ``teams`` are team names (``["Meja 1", …]`` or read from a team file); None or
    ``discussion=True`` runs a discussion without answers. A presentation of the same
    file that did not finish is offered for resume first (it keeps its own teams).
    ``loaded`` is the file already validated (the main window loads it in a worker).
    ``phones`` runs the quiz with participants answering on their phones.
    """
    data_dir = Path(data_dir)
    source_path = Path(source_path)
    try:
        plan, banks = loaded or load_runnable(source_path,
                                              cache or BankCache(paths.cache_dir() / "banks"))
        session = _open_session(parent, data_dir, source_path, plan, banks, teams, discussion,
                                clock, phones is not None)
    except QuizError as exc:
        dialogs.show_message(parent, _tr("Mode presenter tidak dapat dibuka"), exc.message,
                             str(exc))
        return None
    controller = PresenterController(session, clock, sound=sound or SoundPlayer())
    categories = _categories(banks)
    audience = AudienceView(controller, categories)
    console = TrainerConsole(controller, categories, parent)
    manager = ScreenManager(audience, console, screens=screens)
    presenter = Presenter(controller, audience, console, manager, parent, data_dir=data_dir)
    controller.setParent(presenter)
    manager.setParent(presenter)
    if isinstance(session, PhoneHallSession):
        try:
            presenter.phones = attach_phones(session, controller, audience, console, data_dir,
                                             phones or PhoneOptions())
        except OSError as exc:
            presenter.close()
            dialogs.show_message(parent, _tr("Server HP tidak dapat dijalankan"),
                                 _tr("Laptop tidak dapat menerima sambungan HP: {0}")
                                 .format(exc.strerror or exc))
            return None
    manager.apply()
    presenter._check_fit()
    return presenter


def _open_session(parent: QWidget | None, data_dir: Path, source_path: Path, plan, banks,
                  teams: list[str] | None, discussion: bool, clock: Clock,
                  phones: bool = False) -> HallSession:
    check = check_hall_files(data_dir)
    report = check.report()
    if report:  # reported once: the damaged files are renamed aside
        dialogs.show_message(
            parent, _tr("Berkas lanjutan presentasi rusak"),
            _tr("Berkas lanjutan presentasi yang rusak disisihkan; presentasi itu tidak dapat "
                "dilanjutkan, tetapi jawaban yang sudah tersimpan tidak hilang."),
            "\n".join(report))
    wanted = Path(source_path).resolve()
    for saved in (s for s in check.resumable if Path(s.source) == wanted):
        if _offer_resume(parent, saved):
            if saved.kind == "phones":
                return PhoneHallSession.resume_phones(data_dir, saved, clock)
            source: AnswerSource = (TeamSource([p.name for p in saved.participants])
                                    if saved.participants else DiscussionSource())
            return HallSession.resume(data_dir, saved, source, clock)
        HallSession.abandon(data_dir, saved)
    if phones:
        return PhoneHallSession.create_phones(data_dir, source_path, plan, banks, clock)
    source = DiscussionSource() if discussion or not teams else TeamSource(teams)
    return HallSession.create(data_dir, source_path, plan, banks, source, clock)


def run_presenter(data_dir: Path, source_path: Path, teams: list[str] | None,
                  discussion: bool, phones: PhoneOptions | None = None) -> int:
    """``quiz-app present``: a QApplication with only the presenter windows."""
    from ..app import create_app, install_excepthook

    app = create_app()
    install_excepthook()
    presenter = start_presenter(None, data_dir, source_path, teams, discussion, phones=phones)
    if presenter is None:
        return 1
    app.setQuitOnLastWindowClosed(False)

    def console_closed() -> None:
        results = presenter.results_window
        if results is not None and results.isVisible():
            app.setQuitOnLastWindowClosed(True)  # quit when the results window closes
        else:
            app.quit()

    presenter.closed.connect(console_closed)
    code = app.exec()
    finished = presenter.controller.game.phase is Phase.FINISHED
    presenter.close()
    if not finished:
        print("Presentasi belum selesai; jalankan perintah yang sama untuk melanjutkannya.")
    return code
