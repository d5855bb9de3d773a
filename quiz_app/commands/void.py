"""``quiz-app void``: HR declares a participant's finished attempt invalid ("tidak sah").

The attempt stays in the results store with its answers and the reason; exports show it
with the reason, and scores, N-Gain and item analysis leave it out.
"""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "void",
        help="nyatakan tes seorang peserta tidak sah (dengan alasan)",
        description="Nyatakan tes yang sudah selesai tidak sah, misalnya tes ulang tanpa izin "
        "atau peserta dibantu. Tes tetap tersimpan beserta alasannya dan tampil di ekspor, "
        "tetapi tidak dihitung pada nilai rata-rata, N-Gain, dan analisis soal. Contoh: "
        "quiz-app void --session 12 --nip 198503122010011002 --reason \"Tes ulang tanpa izin\"",
    )
    p.add_argument("--session", required=True, metavar="SESI",
                   help="nomor sesi, 'latest', atau kode sesi ABCD-EFGH")
    p.add_argument("--nip", required=True, metavar="NIP", help="NIP peserta (boleh berspasi)")
    p.add_argument("--reason", required=True, metavar="ALASAN", help="alasan (wajib)")
    p.add_argument("--attempt", metavar="ID",
                   help="ID pengerjaan, bila NIP ini punya lebih dari satu tes selesai")
    p.set_defaults(func=cmd_void)


def cmd_void(args: argparse.Namespace) -> int:
    from ..core import paths
    from ..core.people import format_nip
    from ..core.results import ResultsStore, attempt_to_void, resolve_session

    with ResultsStore.open_in(paths.data_dir()) as store:
        session = resolve_session(store, args.session)
        rec = attempt_to_void(store, session.id, args.nip, args.attempt)
        done = store.void_attempt(rec.id, args.reason)
    nip = format_nip(done.participant.nip) if done.participant.nip else ""
    nilai = done.result.nilai if done.result is not None else "-"
    print(f"Tes {done.participant.name} ({nip}, nilai {nilai}, pengerjaan {done.id}) di sesi "
          f"{session.id} '{session.title}' dinyatakan tidak sah: {done.void_reason}")
    return 0
