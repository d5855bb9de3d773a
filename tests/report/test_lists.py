"""Attendance and pledge lists: everybody who took part, a signature column, the header on
every page."""

from __future__ import annotations

import re
from pathlib import Path

from quiz_app.cli import main
from quiz_app.core.results import ResultsStore, load_results
from quiz_app.core.results.report_data import attendees
from tests.helpers.pdf import page_count, pdftotext


def test_attendance_list_names_everybody_with_a_signature_column(demo_dir: Path,
                                                                  tmp_path: Path) -> None:
    out = tmp_path / "hadir.pdf"
    assert main(["--data-dir", str(demo_dir), "lists", "--session", "latest",
                 "--out", str(out), "--baris-kosong", "40"]) == 0
    with ResultsStore.open_in(demo_dir) as store:
        people = attendees(load_results(store, store.latest_session().id, categories=()))
    pages = page_count(out)
    assert pages >= 2  # 12 people + 40 blank rows
    text = re.sub(r"[ \t]+", " ", pdftotext(out))
    assert "Daftar Hadir Peserta" in text and "Selasa, 4 Maret 2025" in text
    for a in people:
        assert a.name in text
        assert (a.nip or "tamu (tanpa NIP)") in text
    assert "52. ......" in text
    for page in range(1, pages + 1):
        page_text = pdftotext(out, page, page)
        assert re.search(r"No\s+Nama / NIP\s+Jabatan / Unit kerja\s+Tanda tangan", page_text)
        assert f"Halaman {page} dari {pages}" in page_text


def test_pledge_list(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "ikrar.pdf"
    assert main(["--data-dir", str(demo_dir), "lists", "--session", "latest",
                 "--out", str(out), "--jenis", "ikrar"]) == 0
    text = pdftotext(out)
    assert "Daftar Penandatangan Ikrar Netralitas ASN" in text
    assert "Tanda tangan" in text
