"""Render presenter mode with phones: the join card on the audience view and the trainer
console with its phones panel, to docs/screenshots/phones-<view>-<w>x<h>.png.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_phones.py

The bundled hall quiz (kuis_aula.yaml), a temporary data folder, the phone server on
loopback (the address shown is a sample hall address) and three simulated phones joined.
The phone screens themselves come from tests/lan/test_browser.py (UPDATE_SCREENSHOTS=1).
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from quiz_app.ui import dialogs  # noqa: E402
from quiz_app.ui.app import create_app  # noqa: E402
from quiz_app.ui.presenter import start_presenter  # noqa: E402
from quiz_app.ui.presenter.phones import Candidate, PhoneOptions  # noqa: E402
from quiz_app.ui.presenter.sound import SoundPlayer  # noqa: E402
from tests.helpers.fakes import FakeClock  # noqa: E402
from tests.lan.phones import LOOSE  # noqa: E402

OUT = Path(__file__).resolve().parent
SIZES = ((1024, 600), (1366, 768), (1920, 1080))
PLAN = ROOT / "question_banks" / "plans" / "kuis_aula.yaml"
NAMES = ("Ani Lestari", "Budi Santoso", "Citra Dewi")


def settle(app: QApplication, seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


async def join(port: int, code: str) -> None:
    import aiohttp

    async with aiohttp.ClientSession() as http:
        for i, name in enumerate(NAMES, start=1):
            body = json.dumps({"code": code, "nip": f"19850312201001{1 + i % 2}00{i}",
                               "name": name})
            async with http.post(f"http://127.0.0.1:{port}/api/join", data=body) as r:
                assert r.status == 200, await r.text()


def main() -> int:
    app = create_app([])
    dialogs.confirm = lambda *_a, **_k: False  # type: ignore[assignment]
    for w, h in SIZES:
        data = Path(tempfile.mkdtemp(prefix="kuis-phones-shot-"))
        options = PhoneOptions(host="127.0.0.1", port=0, limits=LOOSE, candidates=(
            Candidate("192.168.1.20", "Wi-Fi", True, False),))
        p = start_presenter(None, data, PLAN, None, False, clock=FakeClock(),
                            sound=SoundPlayer(backend="none"), phones=options)
        assert p is not None and p.phones is not None
        p.controller.timer.stop()
        session = p.controller.session
        asyncio.run(join(session.server.port, session.code))
        settle(app)
        for view, widget in (("join", p.audience), ("console", p.console)):
            widget.showNormal()
            widget.resize(w, h)
            settle(app)
            # the console's "text too long" note is about the audience view at this size
            # (it was laid out on the offscreen platform's default screen at start)
            p._check_fit()
            settle(app)
            widget.grab().save(str(OUT / f"phones-{view}-{w}x{h}.png"))
        p.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
