"""``quiz-app take PLAN_OR_BANK``: start participant mode directly.

The bank/plan and the roster are loaded and checked *before* any window opens: a bad file
gives a message and exit code 1, never a traceback. With ``--pin`` the session starts at
once; without it the trainer set-up opens filled in, to type the PIN there. Unfinished
tests (after a crash or power cut) are offered for resume first. ``--pretest SESI`` links
the new session (a post-test) to a pre-test session, checked here too, so the export shows
Nilai Pretest and N-Gain.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..core.results import SessionRecord

EXIT_OK, EXIT_INVALID = 0, 1
_CODE_RE = re.compile(r"^[0-9A-Za-z]{4}-?[0-9A-Za-z]{4}$")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "take", help="mulai mode peserta (tes mandiri) langsung dari bank soal atau rencana",
        description="Mulai mode peserta langsung. Contoh: quiz-app take "
        "question_banks/plans/berakhlak_tes.yaml --pin 2468 --kiosk --roster peserta.xlsx")
    p.add_argument("source", metavar="RENCANA_ATAU_BANK", help="berkas .yaml bank soal atau "
                   "rencana sesi")
    p.add_argument("--roster", metavar="BERKAS", help="daftar peserta .csv atau .xlsx")
    p.add_argument("--kiosk", action="store_true", help="layar penuh; keluar hanya dengan PIN")
    p.add_argument("--pin", help="PIN pelatih, 4-8 angka (tanpa ini layar persiapan dibuka)")
    p.add_argument("--title", default="", help="judul sesi (bawaan: judul rencana/bank)")
    p.add_argument("--place", default="", help="tempat sesi")
    p.add_argument("--trainer", default="", help="nama pelatih")
    p.add_argument("--date", help="tanggal sesi TTTT-BB-HH (bawaan: hari ini)")
    p.add_argument("--guests", action="store_true", help="izinkan peserta tamu")
    p.add_argument("--pretest", metavar="SESI",
                   help="sesi pretest yang dibandingkan dengan sesi ini (post-test) pada ekspor: "
                   "nomor sesi atau kode sesi ABCD-EFGH (lihat 'quiz-app sessions')")
    p.add_argument("--session", metavar="SESI",
                   help="jalankan sesi yang sudah ada, mis. sesi pelatih yang diikuti laptop ini "
                   "dengan 'quiz-app join-session': nomor sesi atau kode ABCD-EFGH. Hasilnya "
                   "dapat digabung ke laptop pelatih dengan export-package dan merge")
    p.add_argument("--lang", choices=("id", "en"), help="bahasa tampilan (bawaan: id)")
    p.set_defaults(func=cmd_take)


def _fail(message: str) -> int:
    print(f"quiz-app take: {message}", file=sys.stderr)
    return EXIT_INVALID


def find_session(data_dir: Path, ref: str, label: str = "sesi") -> SessionRecord | str:
    """The session ``ref`` names (its number or code ``ABCD-EFGH``, any case, dash
    optional) in the results store of ``data_dir``, or a message saying why not.

    A missing results store is not created: nothing is written for a refused start.
    """
    from ..core.errors import StoreError
    from ..core.results import DB_FILENAME, ResultsStore

    text = ref.strip()
    code = ""
    if _CODE_RE.match(text):
        plain = text.upper().replace("-", "")
        code = f"{plain[:4]}-{plain[4:]}"
    number = text.isascii() and text.isdigit()
    if not number and not code:
        return (f"{label} '{ref}' tidak dikenal: tulis nomor sesi atau kode sesi seperti "
                "ABCD-EFGH (lihat 'quiz-app sessions').")
    db = data_dir / DB_FILENAME
    if not db.is_file():
        return f"{label} '{ref}' tidak ditemukan: belum ada basis data hasil di {data_dir}."
    try:
        with ResultsStore(db) as store:
            found = None
            if number:
                found = next((s for s in store.sessions() if s.id == int(text)), None)
            if found is None and code:
                found = next((s for s in store.sessions(code) if s.code == code), None)
    except StoreError as exc:
        return f"basis data hasil tidak dapat dibaca: {exc.message}"
    if found is None:
        return (f"{label} '{ref}' tidak ditemukan di basis data hasil; lihat nomor dan "
                "kode sesi dengan 'quiz-app sessions'.")
    return found


def find_pretest(data_dir: Path, ref: str) -> SessionRecord | str:
    """The pre-test session ``ref`` names, or a message saying why not."""
    from ..core.model import TestKind

    found = find_session(data_dir, ref, "sesi pretest")
    if isinstance(found, str):
        return found
    if found.kind is not TestKind.PRETEST:
        return (f"sesi {found.id} ({found.code}) \"{found.title}\" berjenis {found.kind}, "
                "bukan pretest; pilih sesi yang dibuat dengan rencana berjenis pretest.")
    return found


def cmd_take(args: argparse.Namespace) -> int:
    from ..core import paths
    from ..core.banks import BankCache, load_runnable
    from ..core.errors import QuizError
    from ..core.model import TestKind
    from ..core.people import load_roster, roster_report
    from ..core.quiz import build_attempt, valid_pin
    from ..core.userfile import file_problem

    source = Path(args.source)
    problem = file_problem(source)
    if problem is not None:
        return _fail(f"'{args.source}': {problem}.")
    if args.pin is not None and not valid_pin(args.pin):
        return _fail("PIN pelatih harus 4-8 angka.")
    session_date: date | None = None
    if args.date:
        try:
            session_date = date.fromisoformat(args.date)
        except ValueError:
            return _fail(f"tanggal '{args.date}' tidak valid; gunakan format TTTT-BB-HH.")
    data_dir = paths.data_dir(args.data_dir)
    if args.session and args.pretest:
        return _fail("--session dan --pretest tidak dapat dipakai bersama: sesi yang sudah ada "
                     "memakai tautan pretest-nya sendiri.")
    existing = find_session(data_dir, args.session) if args.session else None
    if isinstance(existing, str):
        return _fail(existing)
    if existing is not None and existing.status != "open":
        return _fail(f"sesi {existing.id} ({existing.code}) '{existing.title}' sudah ditutup.")
    pretest_id: int | None = None
    if args.pretest:
        pretest = find_pretest(data_dir, args.pretest)
        if isinstance(pretest, str):
            return _fail(pretest)
        pretest_id = pretest.id
    cache = BankCache(paths.cache_dir() / "banks")
    try:
        plan, banks = load_runnable(source, cache=cache, display=args.source)
    except QuizError as exc:
        print(exc, file=sys.stderr)
        return _fail(f"{source.name} tidak dapat dipakai ({len(exc.issues)} masalah).")
    if existing is not None:
        try:
            build_attempt(existing.plan, banks, "periksa")
        except QuizError as exc:
            return _fail(f"sesi {existing.code} '{existing.title}' tidak dapat dijalankan "
                         f"dengan {source.name}: {exc.message} Pilih rencana atau bank soal "
                         "yang sama dengan di laptop pelatih.")
    roster = None
    roster_path = Path(args.roster) if args.roster else None
    if roster_path is not None:
        problem = file_problem(roster_path)
        if problem is not None:
            return _fail(f"daftar peserta '{args.roster}': {problem}.")
        try:
            roster = load_roster(roster_path)
        except QuizError as exc:
            print(exc, file=sys.stderr)
            return _fail(f"daftar peserta {roster_path.name} tidak dapat dibaca.")
        if not roster.ok or roster.warnings:
            for line in roster_report(roster):
                print(line, file=sys.stderr)
    if pretest_id is not None and plan.kind is not TestKind.POSTTEST:
        print(f"quiz-app take: catatan: {source.name} berjenis {plan.kind}, bukan posttest; "
              "sesi tetap ditautkan ke pretest.", file=sys.stderr)
    if args.pin is None and args.kiosk:
        print("quiz-app take: mode kios memerlukan PIN; isi PIN di layar persiapan.",
              file=sys.stderr)

    from ..ui.participant.session import SessionSetup

    setup = None
    if args.pin is not None:
        setup = SessionSetup(
            source=source.resolve(), plan=plan, banks=tuple(banks),
            title=args.title.strip() or plan.title, pin=args.pin, place=args.place,
            date=session_date, trainer=args.trainer, roster=roster,
            roster_path=roster_path.resolve() if roster_path else None,
            guests=args.guests, kiosk=args.kiosk, pretest_session_id=pretest_id,
            session_id=existing.id if existing is not None else None)
    return _run(args, data_dir, cache, setup, source, roster_path, pretest_id,
                existing.id if existing is not None else None)


def _run(args: argparse.Namespace, data_dir: Path, cache: object, setup: object,
         source: Path, roster_path: Path | None, pretest_id: int | None,
         session_id: int | None = None) -> int:
    from PySide6.QtCore import QEventLoop

    from ..ui.app import create_app, install_excepthook
    from ..ui.participant.launcher import Launcher
    from ..ui.setup import SetupDialog

    app = create_app(language=args.lang)
    app.setQuitOnLastWindowClosed(False)  # between a resumed test and the new session
    install_excepthook()
    launcher = Launcher(data_dir, cache)  # type: ignore[arg-type]
    state = {"started": False}
    # Our own loop, ended by loop.quit(): app.quit() would also mark every later event
    # loop of the process as finished, which matters when this runs inside a test.
    loop = QEventLoop()

    def maybe_quit() -> None:
        if state["started"] and not launcher.windows:
            loop.quit()

    def start_new() -> None:
        if state["started"] or launcher.windows:
            return  # a resumed test is running; the new session starts when it closes
        state["started"] = True
        if setup is not None:
            if launcher.start_session(setup) is None:  # type: ignore[arg-type]
                loop.quit()
            return
        dialog = SetupDialog([], cache, data_dir=data_dir)  # type: ignore[arg-type]
        dialog.prefill(source=source.resolve(), roster=roster_path.resolve() if roster_path
                       else None, title=args.title, place=args.place, trainer=args.trainer,
                       guests=args.guests, kiosk=args.kiosk, pretest_session_id=pretest_id,
                       session_id=session_id)
        launcher.dialog_parent = dialog
        if dialog.exec() and dialog.result_setup is not None:
            if launcher.start_session(dialog.result_setup) is None:
                loop.quit()
        else:
            loop.quit()

    def closed() -> None:
        if not state["started"]:
            start_new()
        else:
            maybe_quit()

    launcher.window_closed.connect(closed)
    launcher.resume_checked.connect(start_new)
    launcher.offer_resume()
    loop.exec()
    launcher.close()
    return EXIT_OK
