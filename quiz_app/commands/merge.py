"""``quiz-app merge``: import signed result packages from other laptops into a session."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "merge",
        help="gabungkan paket hasil (.kuis-hasil) dari laptop lain ke satu sesi",
        description="Periksa tanda tangan setiap paket dan impor hasilnya. Hasil yang sudah "
        "ada dilewati; paket yang rusak atau diubah ditolak tanpa mengimpor apa pun.",
    )
    p.add_argument("files", nargs="+", metavar="BERKAS", help="paket .kuis-hasil")
    p.add_argument("--into", required=True, metavar="SESI",
                   help="sesi tujuan: nomor, 'latest', atau kode sesi ABCD-EFGH")
    p.set_defaults(func=cmd_merge)


def cmd_merge(args: argparse.Namespace) -> int:
    from ..core import paths
    from ..core.results import ResultsStore, merge_packages, resolve_session

    with ResultsStore.open_in(paths.data_dir()) as store:
        session = resolve_session(store, args.into)
        report = merge_packages(store, session.id, [Path(f) for f in args.files])
    print(f"Sesi {session.id} '{session.title}' ({session.code}):")
    for line in report.lines():
        print(f"  {line}")
    return 0 if report.ok else 1
