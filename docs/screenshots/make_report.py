"""Render the printed outputs of a demo session to docs/screenshots/ (pdftoppm, 60 dpi):
the session report's pages (first, charts, item analysis, participants), a certificate,
the attendance list (from phone check-ins at the pre-test), the pledge list (from the
confirmations of the bundled example pledge), and the ranking page of a hall session.
Times print in WIB (TZ=Asia/Jakarta).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_report.py

Needs poppler-utils (pdftoppm). The PDFs themselves are left in a temporary folder.
"""

from __future__ import annotations

import dataclasses
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from quiz_app.cli import main as cli  # noqa: E402
from quiz_app.core.banks import (  # noqa: E402
    bundled_banks_dir,
    bundled_pledge_file,
    load_pledge,
    load_runnable,
)
from quiz_app.core.model import Navigation, Participant  # noqa: E402
from quiz_app.core.quiz import build_attempt  # noqa: E402
from quiz_app.core.results import PresenceKind, ResultsStore, record_presence  # noqa: E402
from quiz_app.core.results.report_data import TEAM_MARK  # noqa: E402
from tests.helpers.report_demo import PLACE, demo_sessions  # noqa: E402
from tests.helpers.results import demo_answers, demo_people, take  # noqa: E402

OUT = Path(__file__).resolve().parent
DPI = 60


def png(pdf: Path, page: int, name: str) -> None:
    stem = OUT / name
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", "-singlefile", "-f", str(page),
                    "-l", str(page), str(pdf), str(stem)], check=True)
    print(f"{stem}.png")


def hall_session(store: ResultsStore) -> int:
    plan, banks = load_runnable(bundled_banks_dir() / "plans" / "kuis_aula.yaml")
    plan = dataclasses.replace(plan, navigation=Navigation.FREE)  # take() jumps between
    sid = store.create_session(f"{plan.title} (aula)", plan, place=PLACE,
                               trainer="Dra. Sri Wahyuni, M.Si.", date="2025-03-04").id
    spec = build_attempt(plan, banks, "aula-demo")
    rng = random.Random(3)
    for team in ("Tim Merah", "Tim Biru", "Tim Hijau", "Tim Kuning", "Tim Ungu"):
        answers = demo_answers(spec, rng.uniform(0.4, 0.9), team)
        take(store, sid, Participant(team, None, extra=(TEAM_MARK,)), spec, answers,
             seconds=rng.uniform(4, 15))
    return sid


def presence(store: ResultsStore, pre: int, post: int, n: int) -> None:
    """Check-ins on phones before the pre-test (two people never check in), and the pledge
    confirmed after the post-test; laptop times in UTC, 07.40 WIB onwards."""
    pledge = load_pledge(bundled_pledge_file())
    rng = random.Random(5)
    people = demo_people(n)
    at = datetime(2025, 3, 4, 0, 40, tzinfo=UTC)
    for person in people[:-2]:
        at += timedelta(seconds=rng.randint(15, 100))
        record_presence(store, pre, PresenceKind.ATTENDANCE, person, at=at.isoformat())
    at = datetime(2025, 3, 4, 4, 10, tzinfo=UTC)
    for person in people[:-1]:
        at += timedelta(seconds=rng.randint(5, 25))
        record_presence(store, post, PresenceKind.PLEDGE, person,
                        note=f"{pledge.title} [{pledge.digest}]", at=at.isoformat())


def main() -> int:
    os.environ["TZ"] = "Asia/Jakarta"
    time.tzset()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        with ResultsStore.open_in(data) as store:
            pre, post = demo_sessions(store, 24)
            assert pre is not None
            presence(store, pre, post, 24)
            hall = hall_session(store)
        base = ["--data-dir", str(data)]
        report = Path(tmp) / "laporan.pdf"
        cli([*base, "report", "--session", str(post), "--out", str(report)])
        cert = Path(tmp) / "sertifikat.pdf"
        cli([*base, "certificates", "--session", str(post), "--out", str(cert), "--gabung",
             "--nilai", "--penyelenggara", "Pemerintah Kabupaten Sleman",
             "--ttd-nama", "Drs. Bambang Sutrisno, M.M.", "--ttd-nip", "197005051995031002",
             "--ttd-jabatan", "Kepala BKPSDM Kabupaten Sleman"])
        hadir = Path(tmp) / "hadir.pdf"
        cli([*base, "lists", "--session", str(post), "--out", str(hadir)])
        ikrar = Path(tmp) / "ikrar.pdf"
        cli([*base, "lists", "--session", str(post), "--out", str(ikrar), "--jenis", "ikrar"])
        aula = Path(tmp) / "aula.pdf"
        cli([*base, "report", "--session", str(hall), "--out", str(aula)])
        pages = int(next(line.split()[1] for line in subprocess.run(
            ["pdfinfo", str(report)], capture_output=True, text=True, check=True
        ).stdout.splitlines() if line.startswith("Pages:")))
        for page, name in ((1, "report-1-summary"), (2, "report-2-charts"),
                           (3, "report-3-items"), (pages, "report-4-participants")):
            png(report, page, name)
        png(cert, 1, "report-certificate")
        png(hadir, 1, "report-attendance")
        png(ikrar, 1, "report-pledge")
        ranking_page = next(
            i for i, text in enumerate(subprocess.run(
                ["pdftotext", str(aula), "-"], capture_output=True, text=True, check=True
            ).stdout.split("\f"), 1) if "Peringkat akhir" in text)
        png(aula, ranking_page, "report-hall-ranking")
    return 0


if __name__ == "__main__":
    sys.exit(main())
