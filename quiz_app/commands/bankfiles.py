"""``quiz-app template``, ``quiz-app import`` and ``quiz-app export-bank``: questions in and
out of Excel, Kahoot, Quizizz, Moodle GIFT and Aiken without writing YAML by hand.

Heavy modules (openpyxl) are imported inside the command functions.
"""

from __future__ import annotations

import argparse
from pathlib import Path

EXIT_OK, EXIT_INVALID = 0, 1
FORMAT_CHOICES = ("auto", "template", "kahoot", "quizizz", "gift", "aiken")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "template",
        help="buat templat Excel (.xlsx) untuk menulis soal tanpa YAML",
        description="Templat berisi lembar Petunjuk, Soal (satu baris per soal, dengan "
        "daftar pilihan untuk jenis, jawaban, kategori), Kategori dan Bank, serta baris "
        "contoh. Setelah diisi: quiz-app import soal.xlsx --out bank.yaml",
    )
    p.add_argument("--out", required=True, metavar="BERKAS", help="berkas .xlsx tujuan")
    p.add_argument("--force", action="store_true", help="timpa berkas yang sudah ada")
    p.set_defaults(func=cmd_template)

    p = sub.add_parser(
        "import",
        help="impor soal dari templat Excel, Kahoot, Quizizz, Moodle GIFT atau Aiken",
        description="Mengubah berkas soal menjadi bank soal kuis-bank/1 yang valid. Setiap "
        "masalah ditunjukkan dengan letaknya (berkas:Lembar!B7 atau berkas:baris:kolom); "
        "soal yang bermasalah atau tidak dapat diwakili dilewati dan disebut di ringkasan. "
        "Kode keluar 1 bila ada soal yang dilewati karena kesalahan yang dapat diperbaiki.",
    )
    p.add_argument("file", metavar="BERKAS", help="berkas .xlsx, .gift atau .txt")
    p.add_argument("--out", required=True, metavar="BANK", help="bank soal .yaml tujuan")
    p.add_argument("--format", choices=FORMAT_CHOICES, default="auto",
                   help="format sumber (bawaan: dikenali dari nama dan isi berkas)")
    p.add_argument("--id", default="", metavar="ID", help="id bank (bawaan: dari nama berkas)")
    p.add_argument("--title", default="", metavar="JUDUL", help="judul bank")
    p.add_argument("--force", action="store_true", help="timpa bank yang sudah ada")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser(
        "export-bank",
        help="ekspor bank soal (.yaml) ke templat Excel untuk disunting lalu diimpor ulang",
    )
    p.add_argument("bank", metavar="BANK", help="bank soal .yaml")
    p.add_argument("--out", required=True, metavar="BERKAS", help="berkas .xlsx tujuan")
    p.add_argument("--force", action="store_true", help="timpa berkas yang sudah ada")
    p.set_defaults(func=cmd_export_bank)


def _exists(path: Path, force: bool) -> bool:
    if path.exists() and not force:
        print(f"{path}: sudah ada; pilih nama lain atau tambahkan --force untuk menimpanya")
        return True
    return False


def cmd_template(args: argparse.Namespace) -> int:
    from ..core.banks import write_template

    out = Path(args.out)
    if _exists(out, args.force):
        return EXIT_INVALID
    write_template(out)
    print(f"{out}: templat ditulis. Isi lembar Soal, lalu: quiz-app import {out.name} "
          "--out bank_saya.yaml")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from ..core.banks import import_questions, write_imported

    source, out = Path(args.file), Path(args.out)
    if _exists(out, args.force):
        return EXIT_INVALID
    if args.id:
        from ..core.banks import SLUG

        if not SLUG.match(args.id):
            print(f"--id '{args.id}' tidak sah; gunakan huruf kecil, angka dan '-'")
            return EXIT_INVALID
    result = import_questions(source, args.format, out=out, display=args.file,
                              bank_id=args.id, title=args.title)
    for issue in result.issues:
        print(issue.format())
    for line in result.summary():
        print(line)
    if result.fatal:
        print(f"{args.file}: tidak ada soal yang dapat diimpor — {out} tidak ditulis")
        return EXIT_INVALID
    problems = write_imported(result, out, source.name)
    if problems:  # an importer let through what the validator refuses: a bug, said plainly
        for issue in problems:
            print(issue.format())
        print(f"{out}: hasil impor tidak valid (kesalahan program); berkas tidak ditulis")
        return EXIT_INVALID
    bank = result.bank
    print(f"{out}: {len(bank.questions)} soal, {len(bank.categories)} kategori ditulis — "
          f"periksa isinya, lalu: quiz-app validate {out}")
    return EXIT_INVALID if any(s.fixable for s in result.skipped) else EXIT_OK


def cmd_export_bank(args: argparse.Namespace) -> int:
    from ..core.banks import load_bank, write_template

    out = Path(args.out)
    if _exists(out, args.force):
        return EXIT_INVALID
    bank = load_bank(Path(args.bank), display=args.bank)  # BankError: located, exit 1
    rows = write_template(out, bank)
    print(f"{out}: {rows} soal dari '{bank.title}' diekspor ke templat Excel. Setelah "
          f"disunting: quiz-app import {out.name} --out {Path(args.bank).name} --force")
    return EXIT_OK
