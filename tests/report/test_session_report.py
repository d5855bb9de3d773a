"""The session report PDF read back with pdftotext: the numbers on the page are the store's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quiz_app.cli import main
from quiz_app.core.model import Participant
from quiz_app.core.people import format_nip
from quiz_app.core.results import (
    ResultsStore,
    build_report,
    format_decimal,
    gain_category,
    load_results,
    score_summary,
)
from quiz_app.report.pdf import ensure_app
from quiz_app.report.session_report import render_report
from tests.helpers.fakes import make_plan
from tests.helpers.pdf import ink_share, page_count, page_size_mm, pages_as_png, pdftotext
from tests.helpers.results import fixed_spec, small_bank, take


@pytest.fixture(scope="module")
def report_pdf(demo_dir: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report") / "laporan.pdf"
    assert main(["--data-dir", str(demo_dir), "report", "--session", "latest",
                 "--out", str(out)]) == 0
    return out


def norm(text: str) -> str:
    return re.sub(r"[ \t]+", " ", text)


def test_report_is_a4_with_numbered_pages(report_pdf: Path) -> None:
    pages = page_count(report_pdf)
    w, h = page_size_mm(report_pdf)
    assert (round(w), round(h)) == (210, 297)
    assert pages >= 3
    for page in range(1, pages + 1):
        text = pdftotext(report_pdf, page, page)
        assert f"Halaman {page} dari {pages}" in text
        assert "Sosialisasi Netralitas ASN Pemilu 2025" in text  # running header
        assert ink_share(report_pdf, page) > 0.005


def test_summary_numbers_match_the_store(report_pdf: Path, demo_dir: Path) -> None:
    with ResultsStore.open_in(demo_dir) as store:
        post = store.latest_session()
        results = load_results(store, post.id)
    sc = score_summary(results)
    text = norm(pdftotext(report_pdf, 1, 1))
    assert "Laporan Kegiatan" in text
    assert "Selasa, 4 Maret 2025" in text and "Aula Kantor Bupati Sleman" in text
    assert "Dra. Sri Wahyuni, M.Si." in text and post.code in text
    assert f"Rata-rata nilai {format_decimal(sc.mean_nilai)}" in text
    assert f"Nilai terendah – tertinggi {format_decimal(sc.lowest)} – " \
           f"{format_decimal(sc.highest)}" in text
    assert f"Lulus {sc.passed} dari {sc.graded} " in text


def test_pre_post_section_states_the_gain_and_its_category(report_pdf: Path,
                                                           demo_dir: Path) -> None:
    with ResultsStore.open_in(demo_dir) as store:
        data = build_report(load_results(store, store.latest_session().id))
    g = data.gain
    text = norm(pdftotext(report_pdf))
    assert (f"Rata-rata N-Gain {format_decimal(g.mean_gain)} (kategori "
            f"{gain_category(g.mean_gain)})") in text
    assert f"Nilainya naik {g.improved} dari {g.matched}" in text
    assert "Hasil per kategori" in text and "Analisis soal" in text
    first = data.missed[0]
    assert first.question_id in text and "Dasar hukum:" in text


def test_participants_table_rows_match_the_store(report_pdf: Path, demo_dir: Path) -> None:
    with ResultsStore.open_in(demo_dir) as store:
        attempts = load_results(store, store.latest_session().id).attempts
    text = norm(pdftotext(report_pdf))
    for rec in attempts:
        p, res = rec.participant, rec.result
        nip = format_nip(p.nip) if p.nip else "-"
        lulus = "Ya" if res.passed else "Tidak"
        row = re.compile(re.escape(nip) + r" " + re.escape(p.name) + r" .*"
                         + re.escape(format_decimal(res.nilai)) + " " + lulus)
        assert row.search(text), (p.name, nip)


def test_long_participants_table_repeats_its_header(tmp_path: Path, qapp) -> None:
    bank = small_bank()
    plan = make_plan(order="bank", shuffle_options=False, banks=(bank.id,))
    spec = fixed_spec(bank, plan)
    with ResultsStore.open_in(tmp_path) as store:
        sid = store.create_session("Kelas Besar", plan, place="GOR", date="2025-03-05").id
        for i in range(90):
            nip = f"19800101{2005 + i % 10}0{1 + i % 9}1{i + 1:03d}"
            take(store, sid, Participant(f"Peserta {i + 1:02d}", nip, unit="Dinas"), spec,
                 {"k1": "A", "k2": "C" if i % 3 else "B"}, seconds=1)
        data = build_report(load_results(store, sid, categories=bank.categories))
    ensure_app()
    out = render_report(data, tmp_path / "besar.pdf")
    assert out.pages == page_count(out.path)
    table_pages = [p for p in range(1, out.pages + 1)
                   if re.search(r"Peserta \d\d", pdftotext(out.path, p, p))]
    assert len(table_pages) >= 3
    for page in table_pages:
        lines = [ln for ln in pdftotext(out.path, page, page).splitlines() if ln.strip()]
        headers = [ln for ln in lines if re.match(r"\s*No\s+NIP\s+Nama\s+Unit kerja", ln)]
        assert len(headers) == 1, page
    text = norm(pdftotext(out.path))
    assert all(f"Peserta {i:02d}" in text for i in range(1, 91))


def test_every_page_renders_to_png(report_pdf: Path, tmp_path: Path) -> None:
    pngs = pages_as_png(report_pdf, tmp_path, "laporan")
    assert len(pngs) == page_count(report_pdf)
    assert all(p.stat().st_size > 5000 for p in pngs)


def test_unknown_session_is_a_message_not_a_traceback(tmp_path: Path, capsys) -> None:
    assert main(["--data-dir", str(tmp_path), "report", "--session", "latest",
                 "--out", str(tmp_path / "x.pdf")]) == 1
    assert "Belum ada sesi" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob(".*.tmp"))


def test_every_section_heading_is_printed(report_pdf: Path) -> None:
    """Headings after the embedded charts once went missing (relayout after inserting)."""
    text = norm(pdftotext(report_pdf))
    for heading in ("1. Ringkasan", "2. Sebaran nilai", "3. Pre-test dan post-test",
                    "4. Hasil per kategori", "5. Analisis soal",
                    "Soal yang paling banyak dijawab salah", "Tingkat kesukaran dan daya pembeda",
                    "p = proporsi menjawab benar", "6. Daftar peserta"):
        assert heading in text, heading


def test_hall_report_prints_the_final_ranking(tmp_path: Path, qapp) -> None:
    from quiz_app.core.results.report_data import TEAM_MARK

    bank = small_bank()
    plan = make_plan(order="bank", shuffle_options=False, banks=(bank.id,))
    spec = fixed_spec(bank, plan)
    with ResultsStore.open_in(tmp_path) as store:
        sid = store.create_session("Kuis Aula (aula)", plan, date="2025-03-04").id
        for team, answers in (("Tim Merah", {"k1": "A"}),
                              ("Tim Biru", {"k1": "A", "k2": "C", "p1": "AC", "a1": "S"}),
                              ("Tim Hijau", {})):
            take(store, sid, Participant(team, None, extra=(TEAM_MARK,)), spec, answers)
    out = tmp_path / "aula.pdf"
    assert main(["--data-dir", str(tmp_path), "report", "--session", str(sid),
                 "--out", str(out)]) == 0
    text = norm(pdftotext(out))
    assert "Peringkat akhir" in text
    assert re.search(r"1 Tim Biru 4 4 100\s+2 Tim Merah 1 1 25\s+3 Tim Hijau 0 0 0", text)
