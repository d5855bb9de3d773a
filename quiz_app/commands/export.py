"""``quiz-app export`` (CSV, XLSX or a signed result package) and ``quiz-app export-package``.

Heavy modules are imported inside the command functions: every ``quiz-app`` call imports
this module.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

FORMATS = ("csv", "xlsx", "package")
FORCE_HELP = ("timpa berkas --out yang sudah ada walau bukan berkas jenis ini (basis data "
              "hasil dan folder data tetap tidak pernah ditimpa)")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export",
        help="ekspor hasil satu sesi ke CSV/XLSX (atau paket hasil .kuis-hasil)",
        description="Ekspor hasil satu sesi. CSV berisi ringkasan (satu baris per peserta) "
        "atau, dengan --detail, satu baris per jawaban. XLSX berisi lembar Ringkasan, "
        "Detail dan Analisis Soal. Format kolom: docs/export-format.md.",
    )
    p.add_argument("--session", required=True, metavar="SESI",
                   help="nomor sesi, 'latest' (sesi terakhir), atau kode sesi ABCD-EFGH")
    p.add_argument("--format", choices=FORMATS, default=None,
                   help="csv, xlsx atau package (bawaan: menurut akhiran --out, selain itu csv)")
    p.add_argument("--out", required=True, metavar="BERKAS", help="berkas tujuan")
    p.add_argument("--dialect", choices=("id", "intl"), default="id",
                   help="CSV: 'id' = pemisah ';' dan koma desimal (Excel Indonesia, bawaan); "
                   "'intl' = pemisah ',' dan titik desimal")
    p.add_argument("--detail", action="store_true",
                   help="CSV: satu baris per jawaban, bukan per peserta")
    p.add_argument("--pretest", metavar="SESI",
                   help="sesi pre-test untuk Nilai Pretest dan N-Gain (bawaan: yang tertaut "
                   "pada sesi)")
    p.add_argument("--bank-dir", action="append", default=[], metavar="FOLDER",
                   help="folder tambahan tempat mencari bank soal (untuk judul kategori)")
    p.add_argument("--force", action="store_true", help=FORCE_HELP)
    p.add_argument("--list", choices=("hadir", "ikrar"), default=None, dest="presence",
                   help="ekspor daftar hadir ('hadir') atau daftar ikrar ('ikrar') sesi ini, "
                   "bukan hasil tes")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("export-package",
                       help="tulis paket hasil bertanda tangan (.kuis-hasil) untuk digabung")
    p.add_argument("--session", required=True, metavar="SESI",
                   help="nomor sesi, 'latest', atau kode sesi")
    p.add_argument("--out", required=True, metavar="BERKAS", help="berkas .kuis-hasil")
    p.add_argument("--force", action="store_true", help=FORCE_HELP)
    p.set_defaults(func=cmd_export_package)


def _format_of(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    suffix = Path(args.out).suffix.lower()
    return {".xlsx": "xlsx", ".kuis-hasil": "package"}.get(suffix, "csv")


def cmd_export(args: argparse.Namespace) -> int:
    fmt = _format_of(args)
    if fmt == "package":
        return cmd_export_package(args)
    if args.presence:
        return _export_presence(args, fmt)
    from ..core import paths
    from ..core.results import ResultsStore, export_session, resolve_session

    with ResultsStore.open_in(paths.data_dir()) as store:
        session = resolve_session(store, args.session)
        pretest = resolve_session(store, args.pretest).id if args.pretest else None
        report = export_session(
            store, session.id, Path(args.out), fmt=fmt, dialect=args.dialect,
            detail=args.detail, pretest_session_id=pretest, force=args.force,
            bank_dirs=[Path(d) for d in args.bank_dir],
        )
    what = "jawaban" if args.detail and fmt == "csv" else "baris"
    print(f"{report.path}: {report.rows} {what} dari sesi {session.id} '{session.title}' "
          f"({session.code}) diekspor.")
    if report.detail_file is not None:
        print(f"Rincian per jawaban terlalu banyak untuk XLSX; disimpan sebagai "
              f"{report.detail_file}.")
    if report.unfinished:
        print(f"{report.unfinished} pengerjaan belum selesai atau dibatalkan, tidak diekspor.",
              file=sys.stderr)
    return 0


def cmd_export_package(args: argparse.Namespace) -> int:
    from ..core import paths
    from ..core.results import ResultsStore, resolve_session, write_package

    with ResultsStore.open_in(paths.data_dir()) as store:
        session = resolve_session(store, args.session)
        info = write_package(store, session.id, Path(args.out), force=args.force)
    print(f"{info.path}: paket hasil sesi {session.code} '{session.title}' dengan "
          f"{info.attempts} hasil.")
    if info.unfinished:
        print(f"{info.unfinished} pengerjaan belum selesai, tidak dimasukkan.", file=sys.stderr)
    return 0


def _export_presence(args: argparse.Namespace, fmt: str) -> int:
    from ..core import paths
    from ..core.results import ResultsStore, export_presence, resolve_session

    kind = {"hadir": "attendance", "ikrar": "pledge"}[args.presence]
    with ResultsStore.open_in(paths.data_dir()) as store:
        session = resolve_session(store, args.session)
        report = export_presence(store, session.id, Path(args.out), kind=kind, fmt=fmt,
                                 dialect=args.dialect, force=args.force)
    print(f"{report.path}: {report.rows} baris daftar {args.presence} dari sesi {session.id} "
          f"'{session.title}' ({session.code}) diekspor.")
    return 0
