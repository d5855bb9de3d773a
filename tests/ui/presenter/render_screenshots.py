"""Render the presenter screenshots for docs/presenter-mode.md.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.presenter.render_screenshots

Writes ``docs/screenshots/presenter-<screen>-<w>x<h>.png`` for the audience view
(question, reveal, leaderboard, final ranking) and the trainer console, at 1920×1080 and
1280×720, from the bundled netralitas bank with twelve OPD teams and a fake clock.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from quiz_app.core.banks import load_runnable  # noqa: E402
from quiz_app.core.hall import (
    HallSession,  # noqa: E402
    TeamSource,  # noqa: E402
)
from quiz_app.core.model import Order  # noqa: E402
from quiz_app.ui.app import create_app  # noqa: E402
from quiz_app.ui.presenter.audience import AudienceView  # noqa: E402
from quiz_app.ui.presenter.console import TrainerConsole  # noqa: E402
from quiz_app.ui.presenter.controller import PresenterController  # noqa: E402
from quiz_app.ui.presenter.sound import SoundPlayer  # noqa: E402
from tests.helpers.fakes import FakeClock  # noqa: E402

ROOT = Path(__file__).resolve().parents[3]
OUT = ROOT / "docs" / "screenshots"
SIZES = ((1920, 1080), (1280, 720))
OPD = ["Dinas Kesehatan", "Dinas Pendidikan", "Bappeda", "BKPSDM", "Dinas Sosial",
       "Inspektorat", "Dinas PUPR", "Satuan Polisi Pamong Praja", "Dinas Kominfo",
       "Kecamatan Kota", "RSUD", "Dinas Perhubungan"]
SHOWN = "kar-04"  # a scenario question with an explanation and a legal reference
QUESTIONS = 8


def build(data_dir: Path) -> tuple[PresenterController, dict[str, str], FakeClock]:
    plan, banks = load_runnable(ROOT / "question_banks" / "plans" / "kuis_aula.yaml")
    plan = replace(plan, draw=(), order=Order.BANK, seed="tangkapan-layar")
    banks = [replace(banks[0], questions=banks[0].questions[:QUESTIONS])]
    clock = FakeClock()
    session = HallSession.create(data_dir, ROOT / "question_banks" / "plans" / "kuis_aula.yaml",
                                 plan, banks, TeamSource(OPD), clock, seed="tangkapan-layar")
    controller = PresenterController(session, clock, sound=SoundPlayer(backend="none"))
    categories = {c.id: c.title for b in banks for c in b.categories}
    return controller, categories, clock


def play_until(controller: PresenterController, clock: FakeClock, target: str | None) -> None:
    """Play questions (varied answers, so ranks change) until ``target`` is current."""
    game = controller.game
    n = game.index
    while game.current.id != target and game.phase.value != "finished":
        controller.start()
        right = sorted(game.correct_letters())[0]
        wrong = [x for x in game.letters() if x != right][0]
        for i in range(1, len(controller.teams.participants()) + 1):
            clock.advance(0.7 + (i * 7 + n * 3) % 5)
            good = (i + n) % 3 != 0
            controller.answer(i, {right if good else wrong})
        controller.reveal()
        controller.next()
        if game.phase.value == "leaderboard":
            controller.next()
        n += 1
        if game.is_last and game.is_closed():
            break


def grab(widget: QWidget, name: str, w: int, h: int) -> Path:
    widget.resize(w, h)
    widget.show()
    for _ in range(3):
        QApplication.processEvents()
    path = OUT / f"presenter-{name}-{w}x{h}.png"
    widget.grab().save(str(path))
    # 256-colour PNG keeps each file well under 400 KB; the UI has flat colours
    subprocess.run(["convert", str(path), "-colors", "256", "PNG8:" + str(path)], check=False)
    return path


def main() -> int:
    create_app()
    OUT.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for w, h in SIZES:
        with tempfile.TemporaryDirectory() as tmp:
            controller, categories, clock = build(Path(tmp))
            audience = AudienceView(controller, categories)
            console = TrainerConsole(controller, categories)
            console.set_screen_text("Layar peserta: HDMI-1 (1920×1080). Konsol ini tidak "
                                    "tampil di proyektor.")
            play_until(controller, clock, SHOWN)
            game = controller.game
            controller.start()
            right = sorted(game.correct_letters())[0]
            for i in range(1, 9):
                clock.advance(1.3)
                letter = right if i % 3 else game.letters()[(i % 2) + (0 if right != "A" else 1)]
                controller.answer(i, {letter})
            clock.advance(4)
            controller.tick()
            written.append(grab(audience, "question", w, h))
            written.append(grab(console, "console", w, h))
            controller.reveal()
            written.append(grab(audience, "reveal", w, h))
            controller.next()
            written.append(grab(audience, "leaderboard", w, h))
            controller.next()
            play_until(controller, clock, None)
            written.append(grab(audience, "final", w, h))
            controller.close()
            audience.close()
            console.close()
    for p in written:
        print(f"{p.relative_to(ROOT)}  {p.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
