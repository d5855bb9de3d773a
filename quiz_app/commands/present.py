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
        "diangkat setiap tim. Dengan --phones peserta menjawab lewat HP. Tanpa "
        "--teams/--teams-file/--phones: mode diskusi.",
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
    who.add_argument("--phones", action="store_true",
                     help="peserta menjawab lewat HP di Wi-Fi aula (pindai kode QR di layar); "
                     "hasil tersimpan per NIP")
    p.add_argument("--roster", metavar="BERKAS",
                   help="dengan --phones: daftar peserta (CSV/XLSX); NIP dicocokkan ke daftar")
    p.add_argument("--guests", action="store_true",
                   help="dengan --phones: tamu tanpa NIP boleh ikut dengan nama")
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
    if (args.roster or args.guests) and not args.phones:
        print("--roster dan --guests hanya berlaku bersama --phones.")
        return EXIT_INVALID
    try:
        teams = resolve_teams(args)
        roster = None
        if args.roster:
            from ..core.people import load_roster

            roster = load_roster(Path(args.roster))
        plan, banks = load_runnable(source, bank_cache(), display=args.source)
    except QuizError as exc:
        print(exc)
        print(f"{source.name}: mode presenter tidak dapat dibuka.")
        return EXIT_INVALID
    if teams is None and not args.discussion and not args.phones:
        print("Tanpa --teams, --teams-file atau --phones: mode diskusi (jawaban tidak "
              "dikumpulkan).")
    from ..ui.presenter.launch import run_presenter

    phones = None
    if args.phones:
        from ..ui.presenter.phones import PhoneOptions

        phones = PhoneOptions(roster=roster, guests=args.guests)
    return run_presenter(paths.data_dir(args.data_dir), source, teams,
                         discussion=teams is None and not args.phones, phones=phones)
