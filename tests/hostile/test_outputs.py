"""Issue 12 item 1 (and the ``--out`` half of item 13): an export never replaces the results
store, its WAL/SHM, the data folder's own files, a file of another type (unless
``--force``), or anything through a symlink."""

from __future__ import annotations

import os
import stat

import pytest

from tests.hostile.conftest import World

STORE_FILES = ("results.sqlite3", "results.sqlite3-wal", "results.sqlite3-shm")
WRITERS = {
    "csv": ("export", "--session", "1", "--format", "csv"),
    "xlsx": ("export", "--session", "1", "--format", "xlsx"),
    "package": ("export", "--session", "1", "--format", "package"),
    "export-package": ("export-package", "--session", "1"),
    "share-session": ("share-session", "--session", "1"),
}


@pytest.mark.parametrize("target", STORE_FILES)
@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_never_writes_onto_the_store(world: World, writer: str, target: str) -> None:
    out_path = world.data / target
    out = world.cli(*WRITERS[writer], "--out", str(out_path), "--force")
    out.assert_refused(target, says="basis data hasil")
    world.assert_store_unchanged()  # every row, and PRAGMA quick_check ok
    assert world.cli("sessions").code == 0  # the data folder still opens


@pytest.mark.parametrize("writer", ["csv", "share-session"])
def test_never_writes_into_the_data_folder_internals(world: World, writer: str) -> None:
    (world.data / "aula").mkdir()
    inside = world.data / "aula" / "hasil.csv"
    out = world.cli(*WRITERS[writer], "--out", str(inside))
    out.assert_refused("hasil.csv", says="folder data")
    assert not inside.exists()


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_relative_path_to_the_store_is_refused(world: World, writer: str) -> None:
    out = world.cli(*WRITERS[writer], "--out", "data/../data/results.sqlite3")
    out.assert_refused("results.sqlite3")
    world.assert_store_unchanged()


@pytest.mark.parametrize("writer", ["csv", "xlsx", "export-package"])
def test_symlink_to_the_store_is_refused(world: World, writer: str) -> None:
    link = world.path("laporan.out")
    link.symlink_to(world.db)
    out = world.cli(*WRITERS[writer], "--out", str(link), "--force")
    out.assert_refused("laporan.out")
    assert link.is_symlink() and link.resolve() == world.db.resolve()
    world.assert_store_unchanged()


@pytest.mark.parametrize("writer", ["csv", "xlsx", "share-session"])
def test_symlink_is_never_followed_or_replaced(world: World, writer: str) -> None:
    precious = world.path("penting.txt")
    precious.write_text("catatan penting\n", encoding="utf-8")
    link = world.path("hasil.out")
    link.symlink_to(precious)
    out = world.cli(*WRITERS[writer], "--out", str(link), "--force")
    out.assert_refused("hasil.out", says="tautan")
    assert link.is_symlink() and precious.read_text(encoding="utf-8") == "catatan penting\n"


OTHER_TYPES = {
    "bank.yaml": ("uji.yaml", None),
    "gambar.png": ("gambar.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4),
    "dokumen.xlsx-as-csv": ("data.csv", b"PK\x03\x04" + bytes(300)),
    "sqlite": ("salinan.csv", b"SQLite format 3\x00" + bytes(400)),
    "rencana": ("rencana.yaml", None),
}


@pytest.mark.parametrize("case", sorted(OTHER_TYPES))
@pytest.mark.parametrize("writer", ["csv", "xlsx", "export-package", "share-session"])
def test_file_of_another_type_needs_force(world: World, writer: str, case: str) -> None:
    name, content = OTHER_TYPES[case]
    target = world.path(name)
    if content is not None:
        target.write_bytes(content)
    before = target.read_bytes()
    out = world.cli(*WRITERS[writer], "--out", str(target))
    out.assert_refused(name, says="--force")
    assert target.read_bytes() == before
    forced = world.cli(*WRITERS[writer], "--out", str(target), "--force")
    forced.assert_clean()
    assert forced.code == 0, forced.describe()
    assert target.read_bytes() != before


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_same_type_and_new_files_are_written(world: World, writer: str) -> None:
    suffix = {"csv": ".csv", "xlsx": ".xlsx", "share-session": ".kuis-sesi"}.get(
        writer, ".kuis-hasil")
    target = world.path(f"keluaran{suffix}")
    first = world.cli(*WRITERS[writer], "--out", str(target))
    assert first.code == 0, first.describe()
    again = world.cli(*WRITERS[writer], "--out", str(target))  # overwrite its own kind
    assert again.code == 0, again.describe()
    empty = world.path(f"kosong{suffix}")
    empty.write_bytes(b"")  # e.g. created by a file dialog
    assert world.cli(*WRITERS[writer], "--out", str(empty)).code == 0
    world.assert_store_unchanged()


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_name_too_long(world: World, writer: str) -> None:
    target = world.path("h" * 300 + ".csv")
    out = world.cli(*WRITERS[writer], "--out", str(target))
    out.assert_refused(says="terlalu panjang")


@pytest.mark.parametrize("writer", ["csv", "share-session"])
def test_out_is_a_folder_or_in_a_missing_folder(world: World, writer: str) -> None:
    out = world.cli(*WRITERS[writer], "--out", str(world.folder))
    out.assert_refused(says="folder")
    out = world.cli(*WRITERS[writer], "--out", str(world.path("tidak-ada/x.csv")))
    out.assert_refused("tidak-ada")


def test_output_onto_a_fifo_or_device_is_refused(world: World) -> None:
    fifo = world.path("pipa.csv")
    os.mkfifo(fifo)
    world.cli(*WRITERS["csv"], "--out", str(fifo), "--force").assert_refused(
        "pipa.csv", says="bukan berkas biasa")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    device = world.path("nol.csv")
    try:  # a private /dev/null twin: never point a probe at the real /dev
        os.mknod(device, stat.S_IFCHR | 0o600, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("creating a device node needs root")
    world.cli(*WRITERS["csv"], "--out", str(device), "--force").assert_refused(
        "nol.csv", says="bukan berkas biasa")
    assert stat.S_ISCHR(device.lstat().st_mode)


PDF_WRITERS = {
    "report": ("report", "--session", "1"),
    "lists": ("lists", "--session", "1"),
    "certificates": ("certificates", "--session", "1", "--gabung", "--ttd-nama", "Rina",
                     "--ttd-nip", "198503122010012002", "--ttd-jabatan", "Kepala BKPSDM"),
}


@pytest.mark.parametrize("target", ["results.sqlite3", "results.sqlite3-wal"])
@pytest.mark.parametrize("writer", sorted(PDF_WRITERS))
def test_pdf_writers_never_write_onto_the_store(world: World, writer: str, target: str) -> None:
    out = world.cli(*PDF_WRITERS[writer], "--out", str(world.data / target), timeout=60)
    out.assert_refused(target, says="basis data hasil")
    world.assert_store_unchanged()


def test_pdf_writer_never_replaces_through_a_symlink(world: World) -> None:
    precious = world.path("penting.txt")
    precious.write_text("catatan\n", encoding="utf-8")
    link = world.path("laporan.pdf")
    link.symlink_to(precious)
    out = world.cli(*PDF_WRITERS["report"], "--out", str(link), timeout=60)
    out.assert_refused("laporan.pdf", says="tautan")
    assert precious.read_text(encoding="utf-8") == "catatan\n"


@pytest.mark.parametrize("target", ["results.sqlite3", "results.sqlite3-wal"])
@pytest.mark.parametrize("command", ["import", "template", "export-bank"])
def test_bank_file_writers_never_write_onto_the_store(world: World, command: str,
                                                      target: str) -> None:
    gift = world.path("soal.gift")
    gift.write_text("::q1:: ASN boleh ikut kampanye? {=Tidak ~Ya}\n", encoding="utf-8")
    args = {"import": ("import", str(gift)), "template": ("template",),
            "export-bank": ("export-bank", "uji.yaml")}[command]
    out = world.cli(*args, "--out", str(world.data / target), "--force", timeout=60)
    out.assert_refused(target, says="basis data hasil")
    world.assert_store_unchanged()
