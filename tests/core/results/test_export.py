"""Export round trips: CSV in both dialects read back with ``csv``, XLSX with openpyxl."""

from __future__ import annotations

import csv
import io
import os
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from quiz_app.cli import main
from quiz_app.core.errors import ExportError, StoreError
from quiz_app.core.model import Plan
from quiz_app.core.people import normalize_nip
from quiz_app.core.results import (
    DETAIL_HEADERS,
    PREPOST_HEADERS,
    SUMMARY_HEADERS,
    Column,
    Dialect,
    Kind,
    ResultsStore,
    Table,
    export_session,
    format_number,
    gain_summary,
    load_results,
    neutralise,
    normalised_gain,
    pre_post,
    resolve_categories,
    resolve_session,
    summary_table,
    write_csv,
)
from tests.helpers.banks import VALID_BANK, write
from tests.helpers.fakes import make_plan
from tests.helpers.results import (
    ANI,
    BUDI,
    CITRA,
    EKA,
    EVIL,
    fixed_spec,
    small_bank,
    take,
)

CATEGORY_HEADERS = ["Nilai Manajemen Karier", "Nilai Partai Politik", "Nilai =Nilai BerAKHLAK"]
NAME_ATTACK = "=cmd|' /C calc'!A0"


@pytest.fixture
def store(tmp_path: Path):
    with ResultsStore.open_in(tmp_path / "data") as s:
        yield s


@pytest.fixture
def session(store: ResultsStore) -> int:
    """k1 (A), k2 (C), p1 multiple (A,C), a1 true/false (S = Salah) in bank order."""
    bank = small_bank()
    plan = make_plan(order="bank", shuffle_options=False, banks=(bank.id,), pass_mark=70)
    sid = store.create_session("Sosialisasi Netralitas", plan, place="Aula BKPSDM",
                               date="2025-03-04").id
    spec = fixed_spec(bank, plan)
    take(store, sid, ANI, spec, {"k1": "A", "k2": "C", "p1": "AC", "a1": "S"})  # 100
    take(store, sid, BUDI, spec, {"k1": "B", "k2": "C", "p1": "A"})  # 1 + 0.5 of 4 = 37.5
    take(store, sid, CITRA, spec, {"k1": "A", "k2": "C", "p1": "AC", "a1": "B"})  # 75, PPPK
    take(store, sid, EVIL, spec, {"k1": "A"})  # 25, the CSV-injection attempt
    take(store, sid, EKA, spec, {"k1": "A"}, finish=False)  # still in progress: not exported
    return sid


def export(store: ResultsStore, sid: int, out: Path, **kw) -> Path:
    kw.setdefault("categories", small_bank().categories)
    export_session(store, sid, out, **kw)
    return out


def read_csv(path: Path, delimiter: str) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM missing"
    text = raw.decode("utf-8-sig")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", ""), "lines must end in CRLF"
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def by_name(rows: list[list[str]]) -> dict[str, dict[str, str]]:
    header = rows[0]
    return {r[1]: dict(zip(header, r, strict=True)) for r in rows[1:]}


# --------------------------------------------------------------------------- CSV


def test_summary_csv_id_dialect(store: ResultsStore, session: int, tmp_path: Path) -> None:
    out = export(store, session, tmp_path / "ringkasan.csv")
    rows = read_csv(out, ";")
    assert rows[0] == [*SUMMARY_HEADERS, *CATEGORY_HEADERS]
    assert len(rows) == 1 + 4  # Eka has not finished
    people = by_name(rows)
    ani, budi, citra = people["Ani Lestari"], people["Budi Santoso"], people["Citra Dewi"]
    # NIP: all 18 digits, as the official spaced form Excel cannot turn into a number
    assert ani["NIP"] == "19850312 201001 2 002"
    assert normalize_nip(ani["NIP"]) == ANI.nip
    assert normalize_nip(citra["NIP"]) == CITRA.nip and citra["Jenis Pegawai"] == "PPPK"
    assert ani["Jenis Pegawai"] == "PNS"
    assert ani["Nilai"] == "100" and ani["Lulus"] == "Ya"
    assert budi["Nilai"] == "37,5" and budi["Lulus"] == "Tidak"  # decimal comma
    assert (budi["Benar"], budi["Sebagian Benar"], budi["Salah"], budi["Tidak Dijawab"]) == (
        "1", "1", "1", "1")
    assert budi["Jumlah Soal"] == "4" and budi["Durasi (detik)"] == "20"
    assert budi["Nilai Manajemen Karier"] == "50" and budi["Nilai Partai Politik"] == "50"
    assert budi["Nilai =Nilai BerAKHLAK"] == "0"
    assert ani["Tanggal"] == "2025-03-04" and ani["Jenis Tes"] == "test"
    assert ani["Sesi"] == "Sosialisasi Netralitas" and ani["Tempat"] == "Aula BKPSDM"
    assert (ani["Jabatan"], ani["Unit Kerja"], ani["Golongan"]) == ("Analis SDM", "BKPSDM", "III/c")


def test_summary_csv_neutralises_text_cells(store: ResultsStore, session: int,
                                            tmp_path: Path) -> None:
    rows = read_csv(export(store, session, tmp_path / "r.csv"), ";")
    evil = next(r for r in rows if "cmd" in r[1])
    assert evil[1] == "'" + NAME_ATTACK
    assert evil[2:5] == ["'+Jabatan", "'@Unit", "'-1"]
    assert normalize_nip(evil[0]) == EVIL.nip  # the NIP itself is untouched
    for row in rows:
        for cell in row:
            assert not cell or cell[0] not in "=+@\t\r" or cell.startswith("'")


def test_summary_csv_intl_dialect(store: ResultsStore, session: int, tmp_path: Path) -> None:
    out = export(store, session, tmp_path / "r.csv", dialect="intl")
    rows = read_csv(out, ",")
    assert rows[0] == [*SUMMARY_HEADERS, *CATEGORY_HEADERS]
    people = by_name(rows)
    assert people["Budi Santoso"]["Nilai"] == "37.5"
    assert people["Citra Dewi"]["Nilai"] == "75"
    assert people["'" + NAME_ATTACK]["Nilai"] == "25"


def test_detail_csv_uses_bank_lettering(store: ResultsStore, tmp_path: Path) -> None:
    """Options are shuffled on screen; Jawaban/Kunci use the bank's own letters."""
    bank = small_bank()
    plan = make_plan(order="bank", shuffle_options=True, banks=(bank.id,), seed="acak")
    sid = store.create_session("Acak", plan, date="2025-03-05").id
    spec = fixed_spec(bank, plan, seed="peserta-7")
    k1 = spec.questions[0]
    assert k1.option_order != ("A", "B", "C", "D")  # really shuffled for this seed
    take(store, sid, BUDI, spec, {"k1": "B", "k2": "C", "p1": "CA", "a1": "B"})
    out = export(store, sid, tmp_path / "detail.csv", detail=True, dialect="id")
    rows = read_csv(out, ";")
    assert rows[0] == list(DETAIL_HEADERS)
    detail = {r[2]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    assert set(detail) == {"k1", "k2", "p1", "a1"}
    assert detail["k1"]["Jawaban"] == "B" and detail["k1"]["Kunci"] == "A"
    assert detail["k1"]["Benar"] == "Tidak" and detail["k1"]["Poin"] == "0"
    assert detail["p1"]["Jawaban"] == "A,C" and detail["p1"]["Kunci"] == "A,C"
    assert detail["p1"]["Benar"] == "Ya"
    assert detail["a1"]["Jawaban"] == "Benar" and detail["a1"]["Kunci"] == "Salah"
    assert detail["k2"]["Kategori"] == "Manajemen Karier"
    assert detail["k2"]["Waktu (detik)"] == "5"
    assert normalize_nip(detail["k2"]["NIP"]) == BUDI.nip


def test_detail_csv_partial_points_and_unanswered(store: ResultsStore, session: int,
                                                  tmp_path: Path) -> None:
    rows = read_csv(export(store, session, tmp_path / "d.csv", detail=True, dialect="intl"),
                    ",")
    budi = {r[2]: r for r in rows[1:] if r[1] == "Budi Santoso"}
    assert budi["p1"][4:8] == ["A", "A,C", "Sebagian benar", "0.5"]  # partial credit
    assert budi["a1"][4:8] == ["", "Salah", "Tidak", "0"]  # unanswered
    assert len(rows) == 1 + 4 * 4


@pytest.mark.parametrize("dialect", ["id", "intl"])
def test_streamed_detail_equals_record_path(store: ResultsStore, tmp_path: Path,
                                            dialect: str) -> None:
    """Issue 14: the detail CSV is streamed from the store's columns; row for row it must
    be what the record path (load_results + detail_table) writes: shuffled options,
    partial credit, unanswered, true/false, polls, several question orders, an unfinished
    attempt and a voided one left out, people whose text needs neutralising."""
    from quiz_app.core.quiz import build_attempt
    from quiz_app.core.results import detail_table, write_csv
    from tests.helpers.results import DEDI, demo_answers, demo_people

    bank = small_bank()
    plan = make_plan(order="shuffled", shuffle_options=True, banks=(bank.id,), seed="aduk")
    sid = store.create_session("Campur", plan, date="2025-03-06").id
    people = [ANI, BUDI, CITRA, EVIL, EKA, *demo_people(12)]
    for i, person in enumerate(people):
        spec = build_attempt(plan, [bank], f"seed-{i}")
        take(store, sid, person, spec, demo_answers(spec, 0.3 + (i % 5) / 7, f"a{i}"),
             seconds=1.25 + i / 3)
    take(store, sid, BUDI, build_attempt(plan, [bank], "partial"),  # p1 half right
         {"k1": "A", "k2": "C", "p1": "A", "a1": "S"})
    take(store, sid, DEDI, build_attempt(plan, [bank], "open"), {"k1": "A"}, finish=False)
    voided = take(store, sid, ANI, build_attempt(plan, [bank], "again"), {"k1": "A"})
    store.void_attempt(voided, "Mengerjakan dua kali")  # left out of the detail
    streamed = export(store, sid, tmp_path / "stream.csv", detail=True, dialect=dialect)
    reference = tmp_path / "records.csv"
    write_csv(reference, detail_table(load_results(store, sid, categories=bank.categories),
                                      dialect), dialect)
    assert streamed.read_bytes() == reference.read_bytes()
    rows = read_csv(streamed, ";" if dialect == "id" else ",")
    assert len(rows) == 1 + (len(people) + 1) * 4
    assert {r[6] for r in rows[1:]} == {"Ya", "Tidak", "Sebagian benar"}
    from quiz_app.core.results.stream import stream_detail_table

    assert stream_detail_table(store, sid, dialect).count == len(rows) - 1  # the fast path


def test_ungraded_survey_shows_dash(store: ResultsStore, tmp_path: Path) -> None:
    bank = write(tmp_path, VALID_BANK.replace("type: multiple", "type: poll")
                 .replace("answer: [A, B]", "").replace("type: true_false", "type: poll")
                 .replace("answer: true", "options: {A: Ya, B: Tidak}")
                 .replace("    answer: B\n", "    type: poll\n"))
    from quiz_app.core.banks import load_bank

    b = load_bank(bank)
    plan = make_plan(banks=(b.id,), kind="survey", order="bank")
    sid = store.create_session("Evaluasi", plan).id
    take(store, sid, ANI, fixed_spec(b, plan), {"q1": "A", "q2": "B", "q3": "A", "q4": "A"})
    rows = read_csv(export(store, sid, tmp_path / "s.csv", categories=b.categories), ";")
    ani = by_name(rows)["Ani Lestari"]
    assert ani["Nilai"] == "-" and ani["Lulus"] == "-" and ani["Jenis Tes"] == "survey"


# --------------------------------------------------------------------------- XLSX


def test_xlsx_round_trip(store: ResultsStore, session: int, tmp_path: Path) -> None:
    out = export(store, session, tmp_path / "hasil.xlsx", fmt="xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Ringkasan", "Detail", "Analisis Soal"]
    ws = wb["Ringkasan"]
    header = [c.value for c in ws[1]]
    assert header == [*SUMMARY_HEADERS, *CATEGORY_HEADERS]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")
    assert ws.column_dimensions["A"].width >= 19  # NIP fits
    assert ws.column_dimensions["B"].width > 8
    rows = {r[1].value: r for r in ws.iter_rows(min_row=2)}
    assert len(rows) == 4
    nip = rows["Ani Lestari"][0]
    assert nip.data_type == "s" and nip.value == ANI.nip and nip.number_format == "@"
    budi = rows["Budi Santoso"]
    col = {h: i for i, h in enumerate(header)}
    assert budi[col["Nilai"]].data_type == "n" and budi[col["Nilai"]].value == 37.5
    assert budi[col["Benar"]].value == 1 and budi[col["Jumlah Soal"]].value == 4
    assert isinstance(budi[col["Tanggal"]].value, datetime)
    assert budi[col["Tanggal"]].value.date().isoformat() == "2025-03-04"
    assert budi[col["Nilai Partai Politik"]].value == 50
    evil = rows[NAME_ATTACK]  # kept as the person typed it, but a string, never a formula
    assert evil[1].data_type == "s" and evil[1].value == NAME_ATTACK
    assert evil[4].data_type == "s" and evil[4].value == "-1"

    detail = wb["Detail"]
    assert [c.value for c in detail[1]] == list(DETAIL_HEADERS)
    assert detail.max_row == 1 + 16 and detail.freeze_panes == "A2"
    first = [c.value for c in detail[2]]
    assert first[0] == ANI.nip and detail["A2"].data_type == "s"

    analysis = wb["Analisis Soal"]
    assert analysis["A1"].value == "Soal" and analysis.freeze_panes == "A2"
    ids = [analysis.cell(r, 1).value for r in range(2, 6)]
    assert ids == ["k1", "k2", "p1", "a1"]  # category order of the bank
    assert analysis["C1"].value == "Jenis Soal"  # in Indonesian, not the YAML codes
    assert [analysis.cell(r, 3).value for r in range(2, 6)] == [
        "Pilihan tunggal", "Pilihan tunggal", "Pilihan ganda kompleks", "Benar-salah"]
    labels = [analysis.cell(r, 1).value for r in range(1, analysis.max_row + 1)]
    assert "Reliabilitas KR-20" in labels


def test_big_xlsx_puts_the_detail_in_a_csv_beside_it(store: ResultsStore, session: int,
                                                     tmp_path: Path) -> None:
    """Issue 14: above the limit the workbook keeps summary and analysis, its Detail sheet
    names the CSV that holds the answers, and that CSV is the detail export itself."""
    from quiz_app.core.results import detail_csv_path, write_results

    results = load_results(store, session, categories=small_bank().categories)
    out = tmp_path / "hasil.xlsx"
    report = write_results(results, out, fmt="xlsx", xlsx_detail_limit=10)
    side = detail_csv_path(out)
    assert report.detail_file == side == tmp_path / "hasil-rincian.csv"
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Ringkasan", "Detail", "Analisis Soal"]
    note = wb["Detail"]["A2"].value
    assert "hasil-rincian.csv" in note and "16 baris" in note
    assert wb["Ringkasan"].max_row == 5
    reference = export(store, session, tmp_path / "rinci.csv", detail=True, dialect="id")
    assert side.read_bytes() == reference.read_bytes()
    small = write_results(results, tmp_path / "kecil.xlsx", fmt="xlsx")  # under the limit
    assert small.detail_file is None
    assert openpyxl.load_workbook(tmp_path / "kecil.xlsx")["Detail"].max_row == 17


def test_xlsx_pre_post_gain_is_number(store: ResultsStore, tmp_path: Path) -> None:
    pre_sid, post_sid = _pre_post_sessions(store)
    out = tmp_path / "pp.xlsx"
    export_session(store, post_sid, out, fmt="xlsx")
    ws = openpyxl.load_workbook(out)["Ringkasan"]
    header = [c.value for c in ws[1]]
    assert header[-3:] == list(PREPOST_HEADERS)
    rows = {r[1].value: [c.value for c in r] for r in ws.iter_rows(min_row=2)}
    assert rows["Budi Santoso"][-3:] == [50, 25, -0.5]  # a negative number stays a number


# --------------------------------------------------------------------------- pre/post


def _pre_post_sessions(store: ResultsStore) -> tuple[int, int]:
    bank = small_bank()
    pre_plan = make_plan(order="bank", shuffle_options=False, banks=(bank.id,), kind="pretest")
    post_plan = make_plan(order="bank", shuffle_options=False, banks=(bank.id,),
                          kind="posttest")
    pre = store.create_session("Pretest", pre_plan, date="2025-03-04").id
    post = store.create_session("Posttest", post_plan, date="2025-03-04",
                                pretest_session_id=pre).id
    spre, spost = fixed_spec(bank, pre_plan), fixed_spec(bank, post_plan)
    all_right = {"k1": "A", "k2": "C", "p1": "AC", "a1": "S"}
    take(store, pre, ANI, spre, {"k1": "A"})  # 25
    take(store, pre, BUDI, spre, {"k1": "A", "k2": "C"})  # 50
    take(store, pre, CITRA, spre, all_right)  # 100
    take(store, post, ANI, spost, all_right)  # 100: gain (100-25)/75 = 1
    take(store, post, BUDI, spost, {"k1": "A"})  # 25: gain (25-50)/50 = -0.5
    take(store, post, CITRA, spost, {"k1": "A", "k2": "C", "p1": "AC"})  # 75, pre 100: none
    take(store, post, EKA, spost, all_right)  # guest: no NIP, no match
    take(store, post, EVIL, spost, {"k1": "A"})  # no pre-test: no gain
    return pre, post


def test_normalised_gain() -> None:
    assert normalised_gain(25, 100) == 1.0
    assert normalised_gain(50, 25) == -0.5
    assert normalised_gain(40, 70) == 0.5
    assert normalised_gain(100, 75) is None
    assert normalised_gain(None, 75) is None and normalised_gain(60, None) is None
    assert normalised_gain(30, 53.3) == 0.33  # 23.3 / 70 = 0.3328...


def test_post_test_export_adds_pre_post_columns(store: ResultsStore, tmp_path: Path) -> None:
    _, post = _pre_post_sessions(store)
    rows = read_csv(export(store, post, tmp_path / "pp.csv"), ";")
    assert rows[0][-3:] == ["Nilai Pretest", "Nilai Posttest", "N-Gain"]
    people = by_name(rows)
    pick = [*PREPOST_HEADERS]

    def gains(name: str) -> list[str]:
        return [people[name][h] for h in pick]

    assert gains("Ani Lestari") == ["25", "100", "1"]
    assert gains("Budi Santoso") == ["50", "25", "-0,5"]  # negative number, not neutralised
    assert gains("Citra Dewi") == ["100", "75", ""]  # pre = 100: gain undefined
    assert gains("Eka Putri") == ["", "100", ""]  # guest
    assert gains("'" + NAME_ATTACK) == ["", "25", ""]


def test_pre_post_summary_and_override(store: ResultsStore, tmp_path: Path) -> None:
    pre, post = _pre_post_sessions(store)
    results = load_results(store, post)
    assert results.pretest is not None and results.pretest.id == pre
    pairs = pre_post(results)
    assert [p.name for p in pairs][:3] == ["=cmd|' /C calc'!A0", "Ani Lestari", "Budi Santoso"]
    summary = gain_summary(pairs)
    assert summary.matched == 3 and summary.improved == 1
    assert summary.mean_gain == 0.25  # (1 + -0.5) / 2; Citra's is undefined
    # --pretest overrides the link; a session that is not linked gets the columns too
    plain = store.create_session("Lain", make_plan(), date="2025-03-04").id
    table = summary_table(load_results(store, plain, pretest_session_id=pre))
    assert table.headers[-3:] == PREPOST_HEADERS
    assert "N-Gain" not in summary_table(load_results(store, pre)).headers
    with pytest.raises(ExportError):
        load_results(store, pre, pretest_session_id=pre)


# --------------------------------------------------------------------------- writing


def test_atomic_write_to_vanished_folder(tmp_path: Path) -> None:
    gone = tmp_path / "flashdisk"
    table = Table("x", (Column("Nama", Kind.TEXT),), [["Ani"]], 1)
    with pytest.raises(ExportError) as info:
        write_csv(gone / "hasil.csv", table)
    assert "flashdisk" in info.value.message and "tidak ditemukan" in info.value.message
    assert not gone.exists()


def test_failure_mid_write_leaves_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "hasil.csv"
    target.write_text("lama", encoding="utf-8")

    def rows():
        yield ["Ani"]
        raise OSError(5, "Input/output error")  # the stick goes away half-way

    table = Table("x", (Column("Nama", Kind.TEXT),), rows(), 2)
    with pytest.raises(ExportError) as info:
        write_csv(target, table)
    assert "gagal ditulis" in info.value.message
    assert target.read_text(encoding="utf-8") == "lama"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hasil.csv"]


def test_folder_removed_after_temp_created(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    real_replace = os.replace

    def pulled(src, dst):
        for p in folder.iterdir():
            p.unlink()
        folder.rmdir()
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", pulled)
    with pytest.raises(ExportError) as info:
        write_csv(folder / "hasil.csv", Table("x", (Column("N", Kind.TEXT),), [["a"]], 1))
    assert "flashdisk" in info.value.message
    assert not folder.exists()


def test_export_refuses_a_folder_as_target(tmp_path: Path) -> None:
    with pytest.raises(ExportError):
        write_csv(tmp_path, Table("x", (Column("N", Kind.TEXT),), [], 0))


def test_xlsx_refuses_more_rows_than_excel_holds(store: ResultsStore, session: int,
                                                  tmp_path: Path, monkeypatch) -> None:
    from quiz_app.core.results import export as export_mod

    monkeypatch.setattr(export_mod, "XLSX_MAX_ROWS", 10)  # the detail sheet has 16 rows
    target = tmp_path / "besar.xlsx"
    with pytest.raises(ExportError, match="batas Excel"):
        export(store, session, target, fmt="xlsx")
    assert not target.exists() and list(tmp_path.glob("*.tmp")) == []


def test_neutralise_and_numbers() -> None:
    for bad in ("=1+2", "+62812", "-3", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(bad) == "'" + bad
    assert neutralise("Ani") == "Ani" and neutralise("") == ""
    assert format_number(85.5) == "85,5" and format_number(85.5, ".") == "85.5"
    assert format_number(100.0) == "100" and format_number(-0.5) == "-0,5"
    assert format_number(1234.56) == "1234,56"  # never a thousands separator
    assert format_number(0.333333) == "0,33" and format_number(-0.001) == "0"


def test_dialect_values() -> None:
    assert {d.value for d in Dialect} == {"id", "intl"}


# --------------------------------------------------------------------------- sessions


def test_categories_from_bank_files(store: ResultsStore, tmp_path: Path) -> None:
    banks = tmp_path / "banks"
    banks.mkdir()
    path = write(banks, VALID_BANK)
    from quiz_app.core.banks import load_bank

    bank = load_bank(path)
    plan = Plan(title="Uji", banks=("uji",))
    sid = store.create_session("Kategori", plan).id
    take(store, sid, ANI, fixed_spec(bank, make_plan(order="bank", banks=("uji",))),
         {"q1": "B"})
    session = store.session(sid)
    cats = resolve_categories(session, store.attempts(sid), [banks])
    assert [(c.id, c.title) for c in cats] == [("netral", "Netralitas"), ("nilai", "BerAKHLAK")]
    # without the bank: ids as titles, sorted, still stable
    cats = resolve_categories(session, store.attempts(sid), [])
    assert [(c.id, c.title) for c in cats] == [("netral", "netral"), ("nilai", "nilai")]


def test_resolve_session(store: ResultsStore, session: int) -> None:
    s = store.session(session)
    assert resolve_session(store, str(session)).id == session
    assert resolve_session(store, "latest").id == session
    assert resolve_session(store, s.code.lower()).id == session
    assert resolve_session(store, s.code.replace("-", "")).id == session
    with pytest.raises(ExportError):
        resolve_session(store, "ZZZZ-ZZZZ")
    with pytest.raises(ExportError):
        resolve_session(store, "kemarin")
    with pytest.raises(StoreError):
        resolve_session(store, "999")


def test_latest_on_empty_store(tmp_path: Path) -> None:
    with ResultsStore.open_in(tmp_path) as empty, pytest.raises(ExportError):
        resolve_session(empty, "latest")


# --------------------------------------------------------------------------- CLI


def test_cli_export_csv_xlsx_and_sessions(store: ResultsStore, session: int, tmp_path: Path,
                                          capsys) -> None:
    data = str(store.path.parent)
    out = tmp_path / "cli.csv"
    assert main(["--data-dir", data, "export", "--session", "latest", "--out", str(out)]) == 0
    printed = capsys.readouterr()
    assert "4 baris" in printed.out and "1 pengerjaan belum selesai" in printed.err
    assert read_csv(out, ";")[0][:3] == ["NIP", "Nama", "Jabatan"]
    xlsx = tmp_path / "cli.xlsx"
    assert main(["--data-dir", data, "export", "--session", str(session), "--out", str(xlsx),
                 "--dialect", "intl"]) == 0
    assert openpyxl.load_workbook(xlsx).sheetnames[0] == "Ringkasan"
    assert main(["--data-dir", data, "sessions", "--search", "aula"]) == 0
    listing = capsys.readouterr().out
    assert "Sosialisasi Netralitas" in listing and store.session(session).code in listing
    bad = tmp_path / "hilang" / "x.csv"
    assert main(["--data-dir", data, "export", "--session", "latest", "--out", str(bad)]) == 1
    assert "tidak ditemukan" in capsys.readouterr().err


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_is_readable_like_any_saved_file(store: ResultsStore, session: int,
                                                tmp_path: Path, fmt: str, umask_022) -> None:
    # HR opens the file from another account or a shared folder: not 0600 (mkstemp's mode).
    out = export(store, session, tmp_path / f"hasil.{fmt}", fmt=fmt)
    assert out.stat().st_mode & 0o777 == 0o644
    os.umask(0o077)  # a user who keeps files private keeps this one private too
    out = export(store, session, tmp_path / f"pribadi.{fmt}", fmt=fmt)
    assert out.stat().st_mode & 0o777 == 0o600


def test_streamed_detail_of_a_hall_session(tmp_path: Path) -> None:
    """Issue 14: hall questions that did not count (skipped, never shown) are named in the
    streamed detail exactly as in the record path."""
    from quiz_app.core.results import detail_table
    from tests.core.results.test_hall_export import hall_session

    data, sid = hall_session(tmp_path)
    streamed, reference = tmp_path / "stream.csv", tmp_path / "records.csv"
    with ResultsStore.open_in(data) as store:
        export_session(store, sid, streamed, detail=True)
        write_csv(reference, detail_table(load_results(store, sid), "id"), "id")
    assert streamed.read_bytes() == reference.read_bytes()
    text = streamed.read_bytes().decode("utf-8-sig")
    assert "dilewati" in text and "tidak ditayangkan" in text
