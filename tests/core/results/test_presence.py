"""Attendance (daftar hadir) and pledge (ikrar) rows: storage, migration, export, merge."""

from __future__ import annotations

import csv
import sqlite3
import zipfile
from pathlib import Path

import pytest

from quiz_app.core.errors import StoreError
from quiz_app.core.results import (
    DB_FILENAME,
    MIGRATIONS,
    SCHEMA_VERSION,
    PresenceKind,
    ResultsStore,
    away_counts,
    export_presence,
    export_session,
    import_session_file,
    merge_packages,
    note_away,
    presence_rows,
    record_presence,
    write_package,
    write_session_file,
)
from tests.helpers.fakes import make_plan
from tests.helpers.results import ANI, BUDI, CITRA, EKA, fixed_spec, small_bank, take

HADIR, IKRAR = PresenceKind.ATTENDANCE, PresenceKind.PLEDGE


@pytest.fixture
def store(tmp_path: Path):
    s = ResultsStore.open_in(tmp_path / "data")
    yield s
    s.close()


def test_check_in_once_per_nip_keeps_the_first_time(store: ResultsStore) -> None:
    sid = store.create_session("Sosialisasi", make_plan()).id
    first = record_presence(store, sid, HADIR, ANI, at="2026-12-01T01:00:00+00:00")
    again = record_presence(store, sid, HADIR, ANI.__class__(
        "Ani L.", ANI.nip, "Analis SDM Ahli Muda", "BKPSDM"), at="2026-12-01T02:00:00+00:00")
    assert again.id == first.id and again.at == first.at  # the first time stays
    assert (again.name, again.position) == ("Ani L.", "Analis SDM Ahli Muda")
    record_presence(store, sid, HADIR, EKA)  # guests: a row each
    record_presence(store, sid, HADIR, EKA)
    record_presence(store, sid, IKRAR, ANI, note="Ikrar Netralitas ASN (contoh)")
    rows = presence_rows(store, sid, HADIR)
    assert [r.name for r in rows] == ["Ani L.", EKA.name, EKA.name]
    assert [r.note for r in presence_rows(store, sid, IKRAR)] == ["Ikrar Netralitas ASN (contoh)"]
    with pytest.raises(StoreError, match="Nama wajib"):
        record_presence(store, sid, HADIR, ANI.__class__("  ", None))
    with pytest.raises(StoreError, match="terlalu panjang"):
        record_presence(store, sid, HADIR, ANI.__class__("x" * 200, None))
    with pytest.raises(StoreError, match="tidak ditemukan"):
        record_presence(store, 99, HADIR, ANI)


def test_presence_rows_join_a_batch_transaction(store: ResultsStore) -> None:
    sid = store.create_session("Sosialisasi", make_plan()).id
    with pytest.raises(RuntimeError), store.batch():
        record_presence(store, sid, HADIR, ANI)
        raise RuntimeError("crash before commit")
    assert presence_rows(store, sid) == []
    with store.batch():
        record_presence(store, sid, HADIR, ANI)
        record_presence(store, sid, HADIR, BUDI)
    assert len(presence_rows(store, sid)) == 2


def test_v2_database_gains_the_presence_table(tmp_path: Path) -> None:
    path = tmp_path / DB_FILENAME
    conn = sqlite3.connect(path)
    for step in MIGRATIONS[:2]:
        for stmt in step:
            conn.execute(stmt)
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    with ResultsStore(path) as s:
        assert s.schema_version == SCHEMA_VERSION
        sid = s.create_session("Lama", make_plan()).id
        record_presence(s, sid, HADIR, ANI)
        assert [r.nip for r in presence_rows(s, sid)] == [ANI.nip]


def test_attendance_csv_and_xlsx(store: ResultsStore, tmp_path: Path) -> None:
    sid = store.create_session("Sosialisasi", make_plan(), date="2026-12-01").id
    record_presence(store, sid, HADIR, ANI)
    record_presence(store, sid, HADIR, EKA)
    out = export_presence(store, sid, tmp_path / "hadir.csv")
    with open(out.path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert rows[0] == ["No", "NIP", "Nama", "Jabatan", "Unit Kerja", "Jenis Pegawai", "Sesi",
                       "Tanggal", "Waktu Hadir"]
    assert rows[1][:6] == ["1", "19850312 201001 2 002", ANI.name, ANI.position, ANI.unit,
                           "PNS"]
    assert rows[1][7] == "2026-12-01" and len(rows[1][8]) == 8  # HH:MM:SS local
    assert rows[2][1:3] == ["", EKA.name] and out.rows == 2
    x = export_presence(store, sid, tmp_path / "ikrar.xlsx", kind="pledge", fmt="xlsx")
    assert x.rows == 0
    with zipfile.ZipFile(x.path) as zf:
        assert "Ikrar" in zf.read("xl/workbook.xml").decode()


def test_post_test_export_has_attendance_pledge_and_gain(store: ResultsStore,
                                                        tmp_path: Path) -> None:
    bank = small_bank()
    pre_plan = make_plan(order="bank", shuffle_options=False, banks=(bank.id,), kind="pretest")
    post_plan = make_plan(order="bank", shuffle_options=False, banks=(bank.id,),
                          kind="posttest")
    pre = store.create_session("Netralitas", pre_plan).id
    record_presence(store, pre, HADIR, ANI)
    record_presence(store, pre, HADIR, BUDI)
    record_presence(store, pre, IKRAR, ANI, note="Ikrar")
    take(store, pre, ANI, fixed_spec(bank, pre_plan), {"k1": "A"})
    post = store.create_session("Netralitas", post_plan, pretest_session_id=pre).id
    take(store, post, ANI, fixed_spec(bank, post_plan),
         {"k1": "A", "k2": "C", "p1": "AC", "a1": "S"})
    take(store, post, BUDI, fixed_spec(bank, post_plan), {"k1": "A"})
    out = export_session(store, post, tmp_path / "semua.csv")
    with open(out.path, encoding="utf-8-sig", newline="") as fh:
        table = list(csv.DictReader(fh, delimiter=";"))
    ani = next(r for r in table if r["Nama"] == ANI.name)
    budi = next(r for r in table if r["Nama"] == BUDI.name)
    assert ani["N-Gain"] != "" and ani["Ikrar"] == "Ya" and ":" in ani["Hadir"]
    assert budi["Ikrar"] == "Tidak" and ":" in budi["Hadir"]
    book = export_session(store, post, tmp_path / "semua.xlsx", fmt="xlsx")
    with zipfile.ZipFile(book.path) as zf:
        names = zf.read("xl/workbook.xml").decode()
    assert "Daftar Hadir" in names and "Ikrar" in names and "Ringkasan" in names


def test_presence_merges_across_laptops(tmp_path: Path) -> None:
    trainer = ResultsStore.open_in(tmp_path / "pelatih")
    other = ResultsStore.open_in(tmp_path / "laptop2")
    try:
        bank = small_bank()
        plan = make_plan(order="bank", shuffle_options=False, banks=(bank.id,))
        sid = trainer.create_session("Sosialisasi", plan, date="2026-12-01").id
        joined, _ = import_session_file(other, write_session_file(trainer, sid,
                                                                  tmp_path / "s.kuis-sesi"))
        record_presence(trainer, sid, HADIR, ANI, at="2026-12-01T02:00:00+00:00")
        # Ani checked in on the other laptop too, earlier; Citra only there
        record_presence(other, joined.id, HADIR, ANI, at="2026-12-01T01:30:00+00:00")
        record_presence(other, joined.id, HADIR, CITRA)
        record_presence(other, joined.id, IKRAR, CITRA, note="Ikrar")
        citra = take(other, joined.id, CITRA, fixed_spec(bank, plan), {"k1": "A"})
        note_away(other, citra, 2)  # left the test page twice on her phone
        pkg = write_package(other, joined.id, tmp_path / "l2.kuis-hasil").path
        report = merge_packages(trainer, sid, [pkg])
        assert report.ok and report.imported == 1
        rows = presence_rows(trainer, sid, HADIR)
        assert [(r.name, r.at[:16]) for r in rows] == [
            (ANI.name, "2026-12-01T01:30"), (CITRA.name, rows[1].at[:16])]
        assert [r.name for r in presence_rows(trainer, sid, IKRAR)] == [CITRA.name]
        assert away_counts(trainer, sid) == {citra: 2}
        out = export_session(trainer, sid, tmp_path / "gabung.csv")
        with open(out.path, encoding="utf-8-sig", newline="") as fh:
            merged = list(csv.DictReader(fh, delimiter=";"))
        assert [(r["Nama"], r["Keluar Halaman"]) for r in merged] == [(CITRA.name, "2")]
        again = merge_packages(trainer, sid, [pkg])  # merging twice adds nothing
        assert again.ok and len(presence_rows(trainer, sid)) == 3
    finally:
        trainer.close()
        other.close()


def test_cli_exports_the_attendance_list(tmp_path: Path, capsys) -> None:
    from quiz_app.cli import main

    data = tmp_path / "data"
    with ResultsStore.open_in(data) as s:
        sid = s.create_session("Sosialisasi", make_plan(), date="2026-12-01").id
        record_presence(s, sid, HADIR, ANI)
        record_presence(s, sid, IKRAR, ANI, note="Ikrar")
    out = tmp_path / "hadir.csv"
    assert main(["--data-dir", str(data), "export", "--session", "latest", "--list", "hadir",
                 "--out", str(out)]) == 0
    assert "1 baris daftar hadir" in capsys.readouterr().out
    rows = out.read_text(encoding="utf-8-sig").splitlines()
    assert rows[0].startswith("No;NIP;Nama") and ANI.name in rows[1]
    book = tmp_path / "ikrar.xlsx"
    assert main(["--data-dir", str(data), "export", "--session", str(sid), "--list", "ikrar",
                 "--out", str(book)]) == 0
    with zipfile.ZipFile(book) as zf:
        assert "Ikrar" in zf.read("xl/workbook.xml").decode()
