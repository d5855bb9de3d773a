"""``quiz-app``: no arguments opens the GUI; subcommands are thin shells over the core."""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import commands
from .argparse_id import IndonesianArgumentParser
from .core import paths
from .core.errors import QuizError

if TYPE_CHECKING:
    from .core.banks import BankCache

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2

Command = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = IndonesianArgumentParser(
        prog="quiz-app",
        description="Kuis ASN — kuis luring untuk sosialisasi netralitas ASN dan BerAKHLAK. "
        "Tanpa perintah: membuka aplikasi.",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="folder untuk semua data aplikasi (hasil tes, pengaturan, cache); bawaan: "
        "$QUIZ_APP_DATA_DIR atau folder aplikasi OS",
    )
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH")

    p = sub.add_parser("validate", help="periksa bank soal dan rencana sesi (.yaml)")
    p.add_argument("paths", nargs="+", metavar="BERKAS", help="berkas .yaml (bank atau rencana)")
    p.add_argument("--no-cache", action="store_true", help="jangan pakai cache bank")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("roster", help="periksa daftar peserta (CSV/XLSX)")
    p.add_argument("file", metavar="BERKAS", help="daftar peserta .csv atau .xlsx")
    p.set_defaults(func=cmd_roster)

    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        importlib.import_module(f"{commands.__name__}.{info.name}").register(sub)
    return parser


def bank_cache() -> BankCache:
    from .core.banks import BankCache

    return BankCache(paths.cache_dir() / "banks")


def cmd_validate(args: argparse.Namespace) -> int:
    from .core.banks import is_plan_file, letter_warnings, load_runnable
    from .core.errors import BankError

    cache = None if args.no_cache else bank_cache()
    status = EXIT_OK
    for raw in args.paths:
        path = Path(raw)
        name = path.name
        try:
            plan, banks = load_runnable(path, cache=cache, display=raw)
        except BankError as exc:
            for issue in exc.issues:
                print(issue.format())
            print(f"{name}: {len(exc.issues)} masalah — TIDAK VALID")
            status = EXIT_INVALID
            continue
        is_plan = is_plan_file(path)
        # Warnings never make a file invalid (exit 0); they only apply if options get shuffled.
        warnings = [
            w for b in banks for w in letter_warnings(b, None if is_plan else raw)
        ] if plan.shuffle_options else []
        for warning in warnings:
            print(warning.format())
        note = f" ({len(warnings)} peringatan)" if warnings else ""
        if is_plan:
            total = sum(r.count for r in plan.draw) or sum(len(b.questions) for b in banks)
            print(f"{name}: rencana '{plan.title}', {total} soal dari {len(banks)} bank — OK{note}")
        else:
            bank = banks[0]
            print(f"{name}: {len(bank.questions)} soal, {len(bank.categories)} kategori — "
                  f"OK{note}")
    return status


def cmd_roster(args: argparse.Namespace) -> int:
    from .core.people import load_roster, roster_report

    try:
        roster = load_roster(Path(args.file))
    except QuizError as exc:
        print(exc)
        return EXIT_INVALID
    for line in roster_report(roster):
        print(line)
    return EXIT_OK if roster.ok else EXIT_INVALID


def run_gui(args: argparse.Namespace) -> int:
    from .ui.app import run_app

    return run_app(data_dir=paths.data_dir(args.data_dir))


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.data_dir:
        os.environ["QUIZ_APP_DATA_DIR"] = str(Path(args.data_dir).expanduser())
    func: Command | None = getattr(args, "func", None)
    if func is None:
        return run_gui(args)
    try:
        return func(args)
    except KeyboardInterrupt:
        return 130
    except QuizError as exc:  # user-caused: a message, never a traceback
        print(exc, file=sys.stderr)
        return EXIT_INVALID
