"""``quiz-app report`` (session report PDF), ``certificates``, ``verify`` and ``lists``.

Qt (for the PDF) is imported inside the command functions, offscreen when there is no
display: every ``quiz-app`` call imports this module.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

_SESSION_HELP = "nomor sesi, 'latest' (sesi terakhir), atau kode sesi ABCD-EFGH"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report",
        help="laporan kegiatan satu sesi sebagai PDF (ringkasan, grafik, analisis soal)",
        description="Laporan kegiatan A4: ringkasan nilai, sebaran nilai, pre-test/post-test "
        "dan N-Gain (bila tertaut), hasil per kategori, soal yang paling banyak salah beserta "
        "penjelasan dan dasar hukumnya, analisis soal, dan daftar peserta.",
    )
    p.add_argument("--session", required=True, metavar="SESI", help=_SESSION_HELP)
    p.add_argument("--out", required=True, metavar="BERKAS", help="berkas .pdf tujuan")
    p.add_argument("--pretest", metavar="SESI",
                   help="sesi pre-test (bawaan: yang tertaut pada sesi)")
    p.add_argument("--bank-dir", action="append", default=[], metavar="FOLDER",
                   help="folder tambahan tempat mencari bank soal (untuk judul kategori)")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser(
        "certificates",
        help="sertifikat peserta (PDF per peserta, atau satu PDF gabungan)",
        description="Sertifikat A4 mendatar dengan kode verifikasi dan QR. Penanda tangan "
        "yang diisi diingat untuk berikutnya.",
    )
    p.add_argument("--session", required=True, metavar="SESI", help=_SESSION_HELP)
    p.add_argument("--out", required=True, metavar="FOLDER|BERKAS",
                   help="folder tujuan (satu PDF per peserta) atau berkas .pdf dengan "
                   "--gabung")
    p.add_argument("--gabung", "--combined", dest="combined", action="store_true",
                   help="satu PDF berisi semua sertifikat")
    p.add_argument("--nilai", dest="show_nilai", action="store_true",
                   help="cantumkan nilai pada sertifikat")
    p.add_argument("--hanya-lulus", dest="passed_only", action="store_true",
                   help="hanya peserta yang lulus")
    p.add_argument("--penyelenggara", default="", metavar="TEKS",
                   help="nama instansi di atas judul, mis. 'Pemerintah Kabupaten Sleman'")
    p.add_argument("--ttd-nama", metavar="NAMA", help="nama pejabat penanda tangan")
    p.add_argument("--ttd-nip", metavar="NIP", help="NIP pejabat penanda tangan")
    p.add_argument("--ttd-jabatan", metavar="JABATAN",
                   help="jabatan penanda tangan, mis. 'Kepala BKPSDM'")
    p.set_defaults(func=cmd_certificates)

    p = sub.add_parser("verify", help="periksa kode verifikasi sertifikat")
    p.add_argument("code", metavar="KODE", help="kode pada sertifikat, ABCD-EFGH-JKMN-PQRS")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("lists", help="daftar hadir (dengan kolom tanda tangan) atau daftar "
                       "ikrar sebagai PDF")
    p.add_argument("--session", required=True, metavar="SESI", help=_SESSION_HELP)
    p.add_argument("--out", required=True, metavar="BERKAS", help="berkas .pdf tujuan")
    p.add_argument("--jenis", choices=("hadir", "ikrar"), default="hadir",
                   help="hadir (bawaan) atau ikrar")
    p.add_argument("--baris-kosong", dest="blank_rows", type=int, default=0, metavar="N",
                   help="tambahkan N baris kosong untuk peserta yang belum tercatat")
    p.set_defaults(func=cmd_lists)


def cmd_report(args: argparse.Namespace) -> int:
    from ..core import paths
    from ..report.jobs import make_report
    from ..report.pdf import ensure_app

    ensure_app()
    r = make_report(paths.data_dir(), args.session, Path(args.out), pretest=args.pretest,
                    bank_dirs=[Path(d) for d in args.bank_dir])
    print(f"{r.path}: laporan {r.pages} halaman ({r.seconds:.1f} detik).")
    return 0


def cmd_certificates(args: argparse.Namespace) -> int:
    from ..core import paths
    from ..core.results import Signer
    from ..report.jobs import make_certificates
    from ..report.pdf import ensure_app

    data_dir = paths.data_dir()
    remembered = Signer.load(data_dir)
    signer = remembered.merged(args.ttd_nama, args.ttd_nip, args.ttd_jabatan)
    if signer != remembered:
        signer.save(data_dir)
    if not signer.name:
        print("Catatan: nama penanda tangan kosong (isi dengan --ttd-nama, --ttd-nip, "
              "--ttd-jabatan; akan diingat).", file=sys.stderr)
    ensure_app()
    r = make_certificates(data_dir, args.session, Path(args.out), signer,
                          combined=args.combined, show_nilai=args.show_nilai,
                          passed_only=args.passed_only, organiser=args.penyelenggara)
    where = r.paths[0] if args.combined else Path(args.out)
    print(f"{where}: {r.count} sertifikat ({r.seconds:.1f} detik).")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from ..core import paths
    from ..core.people import format_nip
    from ..core.results import ResultsStore, format_date_id, format_decimal, verify_code

    with ResultsStore.open_in(paths.data_dir()) as store:
        found = verify_code(store, args.code)
    if found is None:
        print(f"Kode {args.code.strip()} TIDAK DIKENAL: tidak ada sertifikat dengan kode ini "
              "di basis data hasil laptop ini (kode salah ketik, diubah, atau sesinya tidak "
              "ada di sini).")
        return 1
    s, a = found.session, found.attempt
    nip = f", NIP {format_nip(a.participant.nip)}" if a.participant.nip else ""
    if a.voided:
        print(f"TIDAK SAH: tes {a.participant.name}{nip} pada sesi {s.code} '{s.title}' "
              f"dinyatakan tidak sah: {a.void_reason}")
        return 1
    print(f"SAH: {a.participant.name}{nip}")
    print(f"Sesi {s.code} '{s.title}', {s.place + ', ' if s.place else ''}"
          f"{format_date_id(s.date)}")
    if a.result is not None and a.result.graded:
        lulus = "lulus" if a.result.passed else "tidak lulus"
        print(f"Nilai {format_decimal(a.result.nilai)} ({lulus})")
    return 0


def cmd_lists(args: argparse.Namespace) -> int:
    from ..core import paths
    from ..report.jobs import make_list
    from ..report.lists import ListKind
    from ..report.pdf import ensure_app

    ensure_app()
    r = make_list(paths.data_dir(), args.session, Path(args.out), ListKind(args.jenis),
                  blank_rows=max(0, args.blank_rows))
    print(f"{r.path}: {r.rows} baris, {r.pages} halaman.")
    return 0
