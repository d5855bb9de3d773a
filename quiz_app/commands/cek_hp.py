"""``quiz-app cek-hp``: before a session, check that phones reach this laptop over the
hall's Wi-Fi (firewall, client isolation, the right network). It serves the real phone
page; a phone that opens the address and joins with a name is counted and named here."""

from __future__ import annotations

import argparse
import socket
import threading

EXIT_OK, EXIT_FAILED = 0, 1


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "cek-hp",
        help="uji sebelum sesi: dapatkah HP peserta membuka halaman dari laptop ini",
        description="Menjalankan server HP tanpa sesi. Minta beberapa peserta membuka alamat "
        "yang tertulis dan bergabung dengan nama; setiap HP yang tersambung dicatat di sini. "
        "Bila tidak ada yang tersambung, lihat docs/hall-wifi.md (firewall, isolasi klien).",
    )
    p.add_argument("--port", type=int, default=0, metavar="PORT",
                   help="port (bawaan: port bebas mana saja)")
    p.add_argument("--host", default="0.0.0.0", metavar="ALAMAT",
                   help="alamat yang didengarkan (bawaan: semua jaringan laptop)")
    p.add_argument("--detik", type=float, default=0.0, metavar="N",
                   help="berhenti sendiri setelah N detik (bawaan: sampai Ctrl+C)")
    p.set_defaults(func=cmd_cek_hp)


def laptop_addresses(host: str) -> list[str]:
    """The IPv4 addresses phones could use: ``host`` itself when one is named, else the
    addresses of this machine's name (the GUI picks among network interfaces instead)."""
    if host not in ("0.0.0.0", ""):
        return [host]
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        infos = []
    found = sorted({str(info[4][0]) for info in infos} - {"127.0.0.1", "127.0.1.1"})
    return found or ["127.0.0.1"]


class _Check:
    """Hooks of the check server: report what reaches it, keep nothing."""

    def __init__(self) -> None:
        self.joined = 0
        self._lock = threading.Lock()

    def seat_joined(self, seat: object, participant: object) -> None:
        with self._lock:
            self.joined += 1
        print(f"HP tersambung: {getattr(participant, 'name', '?')}", flush=True)

    def answers(self, batch: object) -> None:
        return None  # no quiz runs: nothing to store

    def takeover_requested(self, request_id: str, seat_id: str, name: str) -> None:
        return None

    def first_contact(self, host: str) -> None:
        print(f"Permintaan pertama diterima lewat alamat {host}", flush=True)


def cmd_cek_hp(args: argparse.Namespace) -> int:
    from ..core.clock import monotonic_clock
    from ..lan.server import JoinPolicy, LanServer

    if not 0 <= args.port <= 65535:
        print(f"Port {args.port} tidak valid: tulis angka 1–65535, atau 0 untuk port bebas.")
        return EXIT_FAILED
    hooks = _Check()
    server = LanServer(hooks, monotonic_clock, policy=JoinPolicy(guests_allowed=True))
    try:
        port = server.start(args.host, args.port)
    except OSError as exc:
        print(f"Server HP tidak dapat dijalankan di {args.host}:{args.port}: "
              f"{exc.strerror or exc}.")
        return EXIT_FAILED
    print("Server HP siap. Buka salah satu alamat ini di HP peserta:", flush=True)
    for address in laptop_addresses(args.host):
        print(f"  http://{address}:{port}/j/{server.code}", flush=True)
    print("Tekan Ctrl+C untuk berhenti.", flush=True)
    try:
        threading.Event().wait(args.detik if args.detik > 0 else None)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    print(f"Selesai: {hooks.joined} HP tersambung.", flush=True)
    return EXIT_OK
