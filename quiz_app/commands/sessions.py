"""``quiz-app sessions`` (list), ``share-session`` and ``join-session`` (set-up files)."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sessions", help="daftar sesi di basis data hasil (nomor, kode, judul)")
    p.add_argument("--search", default="", metavar="TEKS",
                   help="saring menurut judul, tempat, pelatih, tanggal (TTTT-BB-HH) atau kode")
    p.set_defaults(func=cmd_sessions)

    p = sub.add_parser(
        "share-session",
        help="tulis berkas sesi (.kuis-sesi) agar laptop lain ikut sesi yang sama",
        description="Berkas .kuis-sesi berisi kunci rahasia sesi: salin hanya ke laptop sesi "
        "ini, jangan berikan kepada peserta, dan hapus dari flashdisk setelah dipakai.",
    )
    p.add_argument("--session", required=True, metavar="SESI",
                   help="nomor sesi, 'latest', atau kode sesi")
    p.add_argument("--out", required=True, metavar="BERKAS", help="berkas .kuis-sesi")
    p.add_argument("--force", action="store_true",
                   help="timpa berkas --out yang sudah ada walau bukan berkas sesi")
    p.set_defaults(func=cmd_share)

    p = sub.add_parser("join-session",
                       help="buat di laptop ini sesi dari berkas .kuis-sesi laptop pelatih")
    p.add_argument("file", metavar="BERKAS", help="berkas .kuis-sesi")
    p.set_defaults(func=cmd_join)


def cmd_sessions(args: argparse.Namespace) -> int:
    from ..core import paths
    from ..core.results import AttemptCounts, ResultsStore, attempt_counts

    with ResultsStore.open_in(paths.data_dir()) as store:
        sessions = store.sessions(args.search)
        counts = attempt_counts(store)
    if not sessions:
        print("Tidak ada sesi." if not args.search else "Tidak ada sesi yang cocok.")
        return 0
    print(f"{'No':>4}  {'Kode':<9}  {'Tanggal':<10}  {'Jenis':<8}  {'Selesai':>7}  Judul — Tempat")
    for s in sessions:
        c = counts.get(s.id, AttemptCounts())
        place = f" — {s.place}" if s.place else ""
        print(f"{s.id:>4}  {s.code:<9}  {s.date:<10}  {s.kind!s:<8}  {c.finished:>7}  "
              f"{s.title}{place}")
    return 0


def cmd_share(args: argparse.Namespace) -> int:
    from ..core import paths
    from ..core.results import ResultsStore, resolve_session, write_session_file

    with ResultsStore.open_in(paths.data_dir()) as store:
        session = resolve_session(store, args.session)
        out = write_session_file(store, session.id, Path(args.out), force=args.force)
    print(f"{out}: berkas sesi {session.code} '{session.title}'. Berkas ini berisi kunci "
          "rahasia sesi; jangan berikan kepada peserta.")
    return 0


def cmd_join(args: argparse.Namespace) -> int:
    from ..core import paths
    from ..core.results import ResultsStore, import_session_file

    with ResultsStore.open_in(paths.data_dir()) as store:
        session, created = import_session_file(store, Path(args.file))
    state = "dibuat" if created else "sudah ada"
    print(f"Sesi {session.id} '{session.title}' ({session.code}) {state} di laptop ini.")
    return 0
