"""Certificates: landscape A4 with name, spaced NIP, session, date; the printed code and
its QR verify against the store with ``quiz-app verify``."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from quiz_app.cli import main
from quiz_app.core.people import format_nip
from quiz_app.core.results import ResultsStore, Signer, load_results, session_certificates
from tests.helpers.pdf import need, page_count, page_size_mm, pdftotext

CODE_RE = re.compile(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")


def zbar(image: Path) -> list[str]:
    out = subprocess.run([need("zbarimg"), "-q", "--raw", str(image)], capture_output=True,
                         timeout=60)
    return out.stdout.decode().split("\n") if out.returncode == 0 else []


@pytest.fixture(scope="module")
def combined(demo_dir: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sert") / "sertifikat.pdf"
    assert main(["--data-dir", str(demo_dir), "certificates", "--session", "latest",
                 "--out", str(out), "--gabung", "--nilai",
                 "--ttd-nama", "Drs. Bambang Sutrisno, M.M.",
                 "--ttd-nip", "197005051995031002",
                 "--ttd-jabatan", "Kepala BKPSDM Kabupaten Sleman"]) == 0
    return out


def store_certs(demo_dir: Path):
    with ResultsStore.open_in(demo_dir) as store:
        return session_certificates(load_results(store, store.latest_session().id,
                                                 categories=()))


def test_one_landscape_page_per_participant(combined: Path, demo_dir: Path) -> None:
    certs = store_certs(demo_dir)
    assert page_count(combined) == len(certs) == 12
    w, h = page_size_mm(combined)
    assert (round(w), round(h)) == (297, 210)
    for page, cert in enumerate(certs, 1):
        text = re.sub(r"\s+", " ", pdftotext(combined, page, page))
        assert cert.name in text and cert.code in text
        if cert.nip:
            assert f"NIP {format_nip(cert.nip)}" in text
        assert "Selasa, 4 Maret 2025" in text
        assert "Sosialisasi Netralitas ASN Pemilu 2025" in text
        assert "Drs. Bambang Sutrisno, M.M." in text and "NIP 19700505 199503 1 002" in text
        assert "dengan nilai" in text


def test_signer_was_remembered(combined: Path, demo_dir: Path) -> None:
    assert Signer.load(demo_dir) == Signer("Drs. Bambang Sutrisno, M.M.", "197005051995031002",
                                           "Kepala BKPSDM Kabupaten Sleman")


def test_printed_code_verifies_and_a_changed_one_does_not(combined: Path, capsys) -> None:
    code = CODE_RE.search(pdftotext(combined, 1, 1)).group(0)
    assert main(["verify", code]) == 0
    out = capsys.readouterr().out
    assert out.startswith("SAH: ") and "Sosialisasi Netralitas ASN Pemilu 2025" in out
    last = code[-1]
    changed = code[:-1] + ("2" if last != "2" else "3")
    assert main(["verify", changed]) == 1
    assert "TIDAK DIKENAL" in capsys.readouterr().out


def test_qr_on_the_page_carries_the_code(combined: Path, tmp_path: Path) -> None:
    subprocess.run([need("pdftoppm"), "-r", "150", "-png", "-f", "1", "-l", "1", str(combined),
                    str(tmp_path / "c")], check=True, timeout=60)
    page = next(tmp_path.glob("c-*.png"))
    code = CODE_RE.search(pdftotext(combined, 1, 1)).group(0)
    assert f"KUIS-ASN SERTIFIKAT {code}" in zbar(page)


def test_per_participant_files(demo_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "per-peserta"
    assert main(["--data-dir", str(demo_dir), "certificates", "--session", "latest",
                 "--out", str(folder)]) == 0
    files = sorted(folder.glob("*.pdf"))
    assert len(files) == 12 and all(page_count(f) == 1 for f in files)
    assert not list(folder.glob(".*.tmp"))
