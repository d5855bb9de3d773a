"""Issue 12 item 7: FIFOs never hang and devices never eat memory, wherever a file is read
(bank, plan, a plan's ``banks:`` entry, a scanned folder, package, ``.kuis-sesi``, team
file, roster, ``take`` source). Each is refused as "bukan berkas biasa"."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.hostile.conftest import World

DEVICES = ("/dev/zero", "/dev/urandom")


def _special(world: World, kind: str, name: str) -> Path:
    """A FIFO named ``name`` in the world, or a symlink of that name to a device."""
    path = world.path(name)
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to(kind)
    return path


KINDS = ("fifo", *DEVICES)


def _commands(world: World, special: Path) -> dict[str, tuple[str, ...]]:
    return {
        "validate": ("validate", str(special)),
        "merge": ("merge", str(special), "--into", "1"),
        "join-session": ("join-session", str(special)),
        "teams-file": ("present", "rencana.yaml", "--teams-file", str(special)),
        "roster": ("roster", str(special)),
        "take-roster": ("take", "rencana.yaml", "--pin", "1234", "--roster", str(special)),
        "take-source": ("take", str(special), "--pin", "1234"),
        "present-source": ("present", str(special), "--teams", "3"),
    }


NAMES = {
    "validate": "pipa.yaml", "merge": "pipa.kuis-hasil", "join-session": "pipa.kuis-sesi",
    "teams-file": "tim.txt", "roster": "peserta-pipa.csv", "take-roster": "peserta-pipa.xlsx",
    "take-source": "pipa.yaml", "present-source": "pipa.yaml",
}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("command", sorted(NAMES))
def test_special_file_is_refused(world: World, command: str, kind: str) -> None:
    special = _special(world, kind, NAMES[command])
    out = world.cli(*_commands(world, special)[command])
    out.assert_refused(special.name, says="bukan berkas biasa")
    world.assert_store_unchanged()


@pytest.mark.parametrize("kind", KINDS)
def test_special_file_as_a_plan_bank_entry(world: World, kind: str) -> None:
    special = _special(world, kind, "bank-pipa.yaml")
    plan = world.path("rencana-pipa.yaml")
    plan.write_text(world.path("rencana.yaml").read_text(encoding="utf-8").replace(
        "uji.yaml", special.name), encoding="utf-8")
    out = world.cli("validate", str(plan))
    out.assert_refused("bank-pipa.yaml", says="bukan berkas biasa")


@pytest.mark.parametrize("kind", KINDS)
def test_special_yaml_sitting_in_a_scanned_folder_is_skipped(world: World, kind: str) -> None:
    """A plan names its bank by id: the folder is scanned, and a FIFO there is not read."""
    _special(world, kind, "aaa-pipa.yaml")
    _special(world, kind, "zzz-pipa.yml")
    plan = world.path("rencana-id.yaml")
    plan.write_text(world.path("rencana.yaml").read_text(encoding="utf-8").replace(
        "uji.yaml", "uji"), encoding="utf-8")
    out = world.cli("validate", str(plan))
    out.assert_clean()
    assert out.code == 0, out.describe()


@pytest.mark.parametrize("kind", KINDS)
def test_special_file_in_the_session_plan_folder_during_export(world: World, kind: str) -> None:
    """Export looks up category titles by bank id next to the plan: a FIFO there is skipped."""
    _special(world, kind, "aaa.yaml")
    out = world.cli("export", "--session", "1", "--out", "hasil.csv")
    out.assert_clean()
    assert out.code == 0, out.describe()


def test_folder_given_as_a_file(world: World) -> None:
    folder = world.path("folder.yaml")
    folder.mkdir()
    world.cli("validate", str(folder)).assert_refused("folder.yaml", says="folder")
    world.cli("roster", str(folder)).assert_refused("folder.yaml", says="folder")
    world.cli("merge", str(folder), "--into", "1").assert_refused("folder.yaml", says="folder")
    world.cli("join-session", str(folder)).assert_refused("folder.yaml", says="folder")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", ["soal.gift", "soal.xlsx", "soal.txt"])
def test_special_file_given_to_the_importer(world: World, kind: str, name: str) -> None:
    special = _special(world, kind, name)
    out = world.cli("import", str(special), "--out", "bank-impor.yaml")
    out.assert_refused(special.name, says="bukan berkas biasa")
    assert not world.path("bank-impor.yaml").exists()
