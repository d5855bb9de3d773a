"""``quiz-app present``: presenter mode for a hall (projector + trainer console)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core import paths
from ..core.errors import QuizError

EXIT_OK, EXIT_INVALID = 0, 1


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "present",
        help="mode presenter untuk aula: kuis di proyektor dengan konsol pelatih",
        description="Menampilkan kuis di layar proyektor (layar peserta) dengan konsol "
        "pelatih di laptop. Jawaban tim dimasukkan pelatih dari kartu A/B/C/D yang "
        "diangkat setiap tim. Tanpa --teams/--teams-file: mode diskusi.",
    )
    p.add_argument("source", metavar="RENCANA_ATAU_BANK",
                   help="rencana sesi atau bank soal (.yaml)")
    who = p.add_mutually_exclusive_group()
    who.add_argument("--teams", type=int, metavar="N",
                     help="jumlah tim: Meja 1 … Meja N (1–99)")
    who.add_argument("--teams-file", metavar="BERKAS",
                     help="berkas teks UTF-8 berisi nama tim (mis. OPD), satu per baris")
    who.add_argument("--discussion", action="store_true",
                     help="mode diskusi: tampilkan, beri waktu, buka jawaban, bahas; "
                     "jawaban tidak dikumpulkan")
    p.set_defaults(func=cmd_present)


def resolve_teams(args: argparse.Namespace) -> list[str] | None:
    """Team names from ``--teams``/``--teams-file``; None for a discussion."""
    from ..core.hall import default_team_names, load_team_file

    if args.teams is not None:
        return default_team_names(args.teams)
    if args.teams_file:
        return load_team_file(Path(args.teams_file))
    return None


def cmd_present(args: argparse.Namespace) -> int:
    """Check everything that can be wrong with the files first (no Qt, no traceback),
    then open the presenter windows."""
    from ..cli import bank_cache
    from ..core.banks import load_runnable

    source = Path(args.source)
    try:
        teams = resolve_teams(args)
        plan, banks = load_runnable(source, bank_cache(), display=args.source)
    except QuizError as exc:
        print(exc)
        print(f"{source.name}: mode presenter tidak dapat dibuka.")
        return EXIT_INVALID
    if teams is None and not args.discussion:
        print("Tanpa --teams atau --teams-file: mode diskusi (jawaban tidak dikumpulkan).")
    from ..ui.presenter.launch import run_presenter

    return run_presenter(paths.data_dir(args.data_dir), source, teams,
                         discussion=teams is None)
