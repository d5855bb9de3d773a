"""Result packages and merge: two laptops, duplicates, tampered and truncated packages."""

from __future__ import annotations

import json
import os
import sqlite3
import zipfile
from pathlib import Path

import pytest

from quiz_app.cli import main
from quiz_app.core.errors import ExportError, StoreError
from quiz_app.core.results import (
    ResultsStore,
    import_session_file,
    merge_packages,
    read_package,
    read_session_file,
    store_import,
    write_package,
    write_session_file,
)
from tests.helpers.fakes import make_plan
from tests.helpers.results import ANI, BUDI, CITRA, DEDI, EKA, fixed_spec, small_bank, take

ALL_RIGHT = {"k1": "A", "k2": "C", "p1": "AC", "a1": "S"}


@pytest.fixture
def laptops(tmp_path: Path):
    """The trainer's laptop (session created there) and a second laptop that joined it
    through the .kuis-sesi set-up file. Returns (trainer, other, trainer_sid, other_sid)."""
    trainer = ResultsStore.open_in(tmp_path / "pelatih")
    other = ResultsStore.open_in(tmp_path / "laptop2")
    bank = small_bank()
    plan = make_plan(order="bank", shuffle_options=False, banks=(bank.id,))
    sid = trainer.create_session("Sosialisasi", plan, place="Aula", date="2025-03-04").id
    setup = write_session_file(trainer, sid, tmp_path / "sesi.kuis-sesi")
    joined, created = import_session_file(other, setup)
    assert created
    spec = fixed_spec(bank, plan)
    take(trainer, sid, ANI, spec, ALL_RIGHT)
    take(other, joined.id, BUDI, spec, {"k1": "A"})
    take(other, joined.id, CITRA, spec, ALL_RIGHT)
    take(other, joined.id, EKA, spec, {"k1": "B"})  # a guest, no NIP
    take(other, joined.id, DEDI, spec, {"k1": "A"}, finish=False)  # not finished
    yield trainer, other, sid, joined.id
    trainer.close()
    other.close()


def _ids(store: ResultsStore, sid: int) -> set[str]:
    return {a.id for a in store.attempts(sid)}


def test_session_file_creates_the_same_session(laptops, tmp_path: Path) -> None:
    trainer, other, sid, other_sid = laptops
    mine, theirs = trainer.session(sid), other.session(other_sid)
    assert (theirs.key, theirs.code, theirs.title, theirs.place, theirs.date) == (
        mine.key, mine.code, mine.title, mine.place, mine.date)
    assert theirs.plan == mine.plan and theirs.kind == mine.kind
    again, created = import_session_file(other, tmp_path / "sesi.kuis-sesi")
    assert not created and again.id == other_sid


def test_session_file_tampered_or_broken(laptops, tmp_path: Path) -> None:
    src = tmp_path / "sesi.kuis-sesi"
    data = json.loads(src.read_text(encoding="utf-8"))
    data["plan"]["pass_mark"] = 10
    bad = tmp_path / "ubah.kuis-sesi"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ExportError, match="telah diubah"):
        read_session_file(bad)
    cut = tmp_path / "potong.kuis-sesi"
    cut.write_bytes(src.read_bytes()[:100])
    with pytest.raises(ExportError, match="rusak"):
        read_session_file(cut)
    with pytest.raises(ExportError, match="tidak ditemukan"):
        read_session_file(tmp_path / "tidak-ada.kuis-sesi")


def test_package_round_trip_and_merge(laptops, tmp_path: Path) -> None:
    trainer, other, sid, other_sid = laptops
    info = write_package(other, other_sid, tmp_path / "laptop2.kuis-hasil")
    assert info.attempts == 3 and info.unfinished == 1
    with zipfile.ZipFile(info.path) as zf:
        assert sorted(zf.namelist()) == ["data.json", "manifest.json", "signature"]
        manifest = json.loads(zf.read("manifest.json"))
        assert manifest["format"] == "kuis-hasil/1" and manifest["attempts"] == 3
        assert trainer.session(sid).key not in zf.read("data.json").decode()
        assert trainer.session(sid).key not in json.dumps(manifest)

    report = merge_packages(trainer, sid, [info.path])
    assert report.ok and report.imported == 3 and report.duplicates == 0
    merged = {a.id: a for a in trainer.attempts(sid)}
    assert len(merged) == 4
    for original in other.attempts(other_sid):
        if original.id not in merged:
            assert original.participant.name == DEDI.name  # unfinished stays behind
            continue
        copy = merged[original.id]
        assert copy.participant == original.participant
        assert copy.answers == original.answers and copy.result == original.result
        assert copy.spec == original.spec and copy.device == original.device
        assert copy.finished_at == original.finished_at
    # merged results export like local ones
    from quiz_app.core.results import load_results

    assert {a.participant.name for a in load_results(trainer, sid).attempts} == {
        ANI.name, BUDI.name, CITRA.name, EKA.name}

    again = merge_packages(trainer, sid, [info.path])
    assert again.ok and again.imported == 0 and again.duplicates == 3
    dup_names = {d.name for d in again.packages[0].duplicates}
    assert dup_names == {BUDI.name, CITRA.name, EKA.name}
    assert "3 sudah ada, dilewati" in "\n".join(again.lines())
    assert len(trainer.attempts(sid)) == 4


def test_own_package_merged_back_is_all_duplicates(laptops, tmp_path: Path) -> None:
    trainer, _, sid, _ = laptops
    own = write_package(trainer, sid, tmp_path / "sendiri.kuis-hasil")
    report = merge_packages(trainer, sid, [own.path])
    assert report.imported == 0 and report.duplicates == 1


def _rewrite(src: Path, dst: Path, change) -> Path:
    with zipfile.ZipFile(src) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    change(parts)
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, b in parts.items():
            zf.writestr(n, b)
    return dst


def test_tampered_and_truncated_packages_import_nothing(laptops, tmp_path: Path) -> None:
    trainer, other, sid, other_sid = laptops
    good = write_package(other, other_sid, tmp_path / "asli.kuis-hasil").path

    def raise_score(parts):  # a participant gives himself 100
        data = json.loads(parts["data.json"])
        for a in data["attempts"]:
            a["result"]["nilai"] = 100.0
        parts["data.json"] = json.dumps(data).encode()

    def raise_score_and_digest(parts):  # ... and fixes the digest in the manifest too
        raise_score(parts)
        import hashlib

        manifest = json.loads(parts["manifest.json"])
        manifest["data_sha256"] = hashlib.sha256(parts["data.json"]).hexdigest()
        parts["manifest.json"] = json.dumps(manifest).encode()

    def drop_signature(parts):
        del parts["signature"]

    data_only = _rewrite(good, tmp_path / "ubah-data.kuis-hasil", raise_score)
    both = _rewrite(good, tmp_path / "ubah-semua.kuis-hasil", raise_score_and_digest)
    unsigned = _rewrite(good, tmp_path / "tanpa-ttd.kuis-hasil", drop_signature)
    truncated = tmp_path / "terpotong.kuis-hasil"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    empty = tmp_path / "kosong.kuis-hasil"
    empty.write_bytes(b"")
    not_zip = tmp_path / "teks.kuis-hasil"
    not_zip.write_text("halo", encoding="utf-8")

    before = _ids(trainer, sid)
    bad = [data_only, both, unsigned, truncated, empty, not_zip, tmp_path / "hilang.kuis-hasil"]
    report = merge_packages(trainer, sid, bad)
    assert _ids(trainer, sid) == before
    assert not report.ok and len(report.refused) == len(bad) and report.imported == 0
    errors = {p.path.name: p.error or "" for p in report.packages}
    assert "tidak cocok" in errors["ubah-data.kuis-hasil"]
    assert "Tanda tangan" in errors["ubah-semua.kuis-hasil"]
    assert "signature" in errors["tanpa-ttd.kuis-hasil"]
    assert "terpotong" in errors["terpotong.kuis-hasil"]
    assert "rusak" in errors["kosong.kuis-hasil"] and "rusak" in errors["teks.kuis-hasil"]
    assert "tidak ditemukan" in errors["hilang.kuis-hasil"]
    text = "\n".join(report.lines())
    for path in bad:
        assert f"DITOLAK {path.name}" in text  # every refused package is named
    # a good package in the same run is still merged
    assert merge_packages(trainer, sid, [truncated, good]).imported == 3


def test_package_of_another_session_is_refused(laptops, tmp_path: Path) -> None:
    trainer, other, sid, other_sid = laptops
    lain = trainer.create_session("Sesi lain", make_plan()).id
    package = write_package(other, other_sid, tmp_path / "p.kuis-hasil").path
    with pytest.raises(ExportError, match="milik sesi lain"):
        read_package(package, trainer.session(lain))
    assert read_package(package, trainer.session(sid)).device


def test_failure_half_way_rolls_back_the_package(laptops, tmp_path: Path, monkeypatch) -> None:
    trainer, other, sid, other_sid = laptops
    package = write_package(other, other_sid, tmp_path / "p.kuis-hasil").path
    real = store_import._insert
    calls = []

    def flaky(store, conn, session_id, rec, refs):
        calls.append(rec.id)
        if len(calls) == 2:
            raise sqlite3.OperationalError("disk I/O error")
        real(store, conn, session_id, rec, refs)

    monkeypatch.setattr(store_import, "_insert", flaky)
    before = _ids(trainer, sid)
    participants = trainer._connection().execute("SELECT count(*) FROM participants").fetchone()
    report = merge_packages(trainer, sid, [package])
    assert len(calls) == 2 and not report.ok
    assert "Gagal menyimpan" in (report.packages[0].error or "")
    assert _ids(trainer, sid) == before  # the first attempt was rolled back too
    assert trainer._connection().execute(
        "SELECT count(*) FROM participants").fetchone() == participants
    monkeypatch.setattr(store_import, "_insert", real)
    assert merge_packages(trainer, sid, [package]).imported == 3


def test_import_attempts_refuses_unfinished(laptops) -> None:
    trainer, other, sid, other_sid = laptops
    unfinished = [a for a in other.attempts(other_sid) if a.result is None]
    with pytest.raises(StoreError, match="belum selesai"):
        store_import.import_attempts(trainer, sid, unfinished)


def test_cli_share_join_package_merge(tmp_path: Path, capsys) -> None:
    pelatih, laptop = str(tmp_path / "pelatih"), str(tmp_path / "laptop2")
    bank = small_bank()
    plan = make_plan(order="bank", shuffle_options=False, banks=(bank.id,))
    with ResultsStore.open_in(Path(pelatih)) as s:
        sid = s.create_session("Sosialisasi", plan, date="2025-03-04").id
        code = s.session(sid).code
    setup = tmp_path / "sesi.kuis-sesi"
    assert main(["--data-dir", pelatih, "share-session", "--session", code,
                 "--out", str(setup)]) == 0
    assert main(["--data-dir", laptop, "join-session", str(setup)]) == 0
    assert "dibuat" in capsys.readouterr().out
    with ResultsStore.open_in(Path(laptop)) as s:
        take(s, s.latest_session().id, BUDI, fixed_spec(bank, plan), ALL_RIGHT)
    pkg = tmp_path / "laptop2.kuis-hasil"
    assert main(["--data-dir", laptop, "export", "--session", "latest", "--out", str(pkg)]) == 0
    pkg2 = tmp_path / "ulang.kuis-hasil"
    assert main(["--data-dir", laptop, "export-package", "--session", "1",
                 "--out", str(pkg2)]) == 0
    capsys.readouterr()
    assert main(["--data-dir", pelatih, "merge", str(pkg), str(pkg2), "--into", str(sid)]) == 0
    out = capsys.readouterr().out
    assert "1 hasil diimpor" in out and "1 sudah ada, dilewati: Budi Santoso" in out
    broken = tmp_path / "rusak.kuis-hasil"
    broken.write_bytes(pkg.read_bytes()[:50])
    assert main(["--data-dir", pelatih, "merge", str(broken), "--into", code]) == 1
    assert "DITOLAK rusak.kuis-hasil" in capsys.readouterr().out


def test_a_voided_attempt_stays_voided_when_merged(laptops, tmp_path: Path) -> None:
    trainer, other, sid, other_sid = laptops
    citra = next(a for a in other.attempts(other_sid) if a.participant.name == "Citra Dewi")
    other.void_attempt(citra.id, "Peserta dibantu")
    info = write_package(other, other_sid, tmp_path / "laptop2.kuis-hasil")
    merge_packages(trainer, sid, [info.path])
    merged = trainer.attempt(citra.id)
    assert merged.voided and merged.void_reason == "Peserta dibantu"
    assert merged.voided_at == other.attempt(citra.id).voided_at
    assert not trainer.attempt(next(iter(_ids(trainer, sid) - {citra.id}))).voided


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_package_and_session_file_get_the_umask_mode(laptops, tmp_path: Path) -> None:
    trainer, _other, sid, _ = laptops
    old = os.umask(0o022)
    try:
        package = tmp_path / "laptop1.kuis-hasil"
        write_package(trainer, sid, package)
        session_file = write_session_file(trainer, sid, tmp_path / "lagi.kuis-sesi")
    finally:
        os.umask(old)
    assert package.stat().st_mode & 0o777 == 0o644
    assert session_file.stat().st_mode & 0o777 == 0o644
