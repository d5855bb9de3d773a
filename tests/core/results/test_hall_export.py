"""Hall teams in the export: points, rank and mode columns; a team is a team (not a guest,
not failed); skipped and never-shown questions are marked and not scored."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl

from quiz_app.core.hall import HallSession, TeamSource
from quiz_app.core.model import Order, Scoring
from quiz_app.core.quiz import build_attempt
from quiz_app.core.results import (
    SUMMARY_HEADERS,
    SUMMARY_TAIL_HEADERS,
    ResultsStore,
    analysis_table,
    export_session,
    load_results,
)
from tests.helpers.fakes import FakeClock, make_bank, make_plan
from tests.helpers.results import ANI, take


def read(path: Path) -> list[dict[str, str]]:
    text = path.read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def hall_session(tmp_path: Path) -> tuple[Path, int]:
    """Four teams, eight questions: Q1 played, Q2 skipped after Meja 2 keyed the right
    card, Q3 played, then the trainer ends the presentation (Q4-Q8 never shown)."""
    clock = FakeClock()
    plan = make_plan(order=Order.BANK, shuffle_options=False, question_time_limit=20,
                     scoring=Scoring.SPEED, pass_mark=70)
    source = TeamSource(["Dinkes", "Bappeda", "BKPSDM", "Diskominfo"])
    data = tmp_path / "data"
    session = HallSession.create(data, tmp_path / "aula.yaml", plan, [make_bank(8)], source,
                                 clock)
    session.start()  # Q1: Dinkes 2 s (950), BKPSDM 4 s (900), Bappeda wrong, Diskominfo silent
    clock.advance(2)
    source.key(1, "A")
    clock.advance(2)
    source.key(3, "A")
    source.key(2, "B")
    session.reveal()
    session.next()
    session.next()
    session.start()  # Q2: Bappeda keys the right card, then the trainer skips
    clock.advance(1)
    source.key(2, "A")
    session.skip()
    session.start()  # Q3: Bappeda 2 s (950), BKPSDM 4 s (900)
    clock.advance(2)
    source.key(2, "A")
    clock.advance(2)
    source.key(3, "A")
    session.reveal()
    session.next()
    session.end()
    sid = session.session_id
    session.close()
    assert sid is not None
    return data, sid


def test_hall_teams_export_with_points_rank_and_mode(tmp_path: Path) -> None:
    data, sid = hall_session(tmp_path)
    out = tmp_path / "aula.csv"
    with ResultsStore.open_in(data) as store:
        export_session(store, sid, out)
    rows = read(out)
    assert list(rows[0])[: len(SUMMARY_HEADERS)] == list(SUMMARY_HEADERS)
    assert list(rows[0])[-3:] == list(SUMMARY_TAIL_HEADERS) == ["Mode", "Poin", "Peringkat"]
    teams = {r["Nama"]: r for r in rows}
    assert {n: (r["Poin"], r["Peringkat"]) for n, r in teams.items()} == {
        "BKPSDM": ("1800", "1"), "Dinkes": ("950", "2"), "Bappeda": ("950", "2"),
        "Diskominfo": ("0", "4")}  # a tie shares its rank, as on the projected board
    for r in rows:
        assert r["Mode"] == "tim-aula"
        assert r["Jenis Pegawai"] == "Tim"  # not "Tamu"
        assert r["Lulus"] == "-"  # a team does not pass or fail
        assert r["Jumlah Soal"] == "2"  # the two played questions, not eight
    dinkes = teams["Dinkes"]
    assert (dinkes["Benar"], dinkes["Salah"], dinkes["Tidak Dijawab"], dinkes["Nilai"]) == (
        "1", "0", "1", "50")
    assert teams["Diskominfo"]["Nilai"] == "0"


def test_skipped_and_unshown_questions_are_marked_in_the_detail(tmp_path: Path) -> None:
    data, sid = hall_session(tmp_path)
    out = tmp_path / "detail.csv"
    with ResultsStore.open_in(data) as store:
        export_session(store, sid, out, detail=True)
    bappeda = [r for r in read(out) if r["Nama"] == "Bappeda"]
    marks = [(r["Soal"], r["Jawaban"], r["Benar"], r["Poin"]) for r in bappeda]
    assert marks[:4] == [
        ("bank-001", "B", "Tidak", "0"),
        ("bank-002", "A", "dilewati", "0"),  # keyed right before the skip: no points
        ("bank-003", "A", "Ya", "950"),
        ("bank-004", "", "tidak ditayangkan", "0"),
    ]
    assert len(bappeda) == 8


def test_item_analysis_leaves_out_skipped_and_unshown_questions(tmp_path: Path) -> None:
    data, sid = hall_session(tmp_path)
    with ResultsStore.open_in(data) as store:
        results = load_results(store, sid)
    rows = list(analysis_table(results).rows)
    assert [r[0] for r in rows] == ["bank-001", "bank-003"]
    assert [r[3] for r in rows] == [4, 4]  # every team got both


def test_a_self_paced_export_keeps_its_layout(tmp_path: Path) -> None:
    bank = make_bank(2)
    plan = make_plan(order="bank", shuffle_options=False)
    out = tmp_path / "r.xlsx"
    with ResultsStore.open_in(tmp_path / "data") as store:
        sid = store.create_session("Mandiri", plan).id
        take(store, sid, ANI, build_attempt(plan, [bank], "s"), {"bank-001": "A"})
        export_session(store, sid, out, fmt="xlsx")
    ws = openpyxl.load_workbook(out)["Ringkasan"]
    header = [c.value for c in ws[1]]
    assert header == [*SUMMARY_HEADERS, "Nilai umum"]  # no team columns
    row = {h: c.value for h, c in zip(header, next(ws.iter_rows(min_row=2)), strict=True)}
    assert row["Jenis Pegawai"] == "PNS" and row["Lulus"] == "Tidak"  # 50 < 70
    assert row["Jumlah Soal"] == 2
