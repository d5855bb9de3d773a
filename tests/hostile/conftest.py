"""A small, realistic "world" for the hostile probes, built once and copied per test.

``world.folder`` holds a bank (``uji.yaml``), a plan (``rencana.yaml``), the trainer's data
folder (``data``: session 1 with three finished attempts and one in progress), a second
laptop's data folder (``laptop2``) that joined session 1 through ``sesi.kuis-sesi`` and
finished two attempts there, the package it wrote (``laptop2.kuis-hasil``), and two valid
rosters (``peserta.csv``, ``peserta.xlsx``).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.helpers.banks import VALID_BANK
from tests.hostile.harness import Outcome, run_cli, store_rows

PLAN = """\
format: kuis-plan/1
title: Tes Netralitas Uji
banks:
  - uji.yaml
order: bank
shuffle_options: false
pass_mark: 60
"""

ROSTER_ROWS = (
    ("NIP", "Nama", "Jabatan", "Unit Kerja", "Golongan"),
    ("199203142019031004", "Budi Ujicoba", "Pranata Komputer", "Diskominfo", "III/a"),
    ("198809212014122003", "Siti Contohwati", "Analis Keuangan", "BPKAD", "III/c"),
    ("197901052005011012", "Agus Percobaan", "Pengadministrasi", "Kecamatan", "II/d"),
)


@dataclass
class World:
    folder: Path
    rows_before: dict[str, list[tuple[object, ...]]] = field(default_factory=dict)

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def db(self) -> Path:
        return self.data / "results.sqlite3"

    def path(self, name: str) -> Path:
        return self.folder / name

    def rows(self) -> dict[str, list[tuple[object, ...]]]:
        return store_rows(self.data)

    def cli(self, *args: str, timeout: float | None = None) -> Outcome:
        if timeout is None:
            return run_cli(self.data, *args, cwd=self.folder)
        return run_cli(self.data, *args, cwd=self.folder, timeout=timeout)

    def assert_store_unchanged(self) -> None:
        assert self.rows() == self.rows_before, "the results store changed"


def _build(folder: Path) -> None:
    import xlsxwriter

    from quiz_app.core.banks import load_runnable
    from quiz_app.core.model import Participant
    from quiz_app.core.quiz import build_attempt
    from quiz_app.core.results import (
        ResultsStore,
        import_session_file,
        write_package,
        write_session_file,
    )
    from tests.helpers.results import take

    (folder / "uji.yaml").write_text(VALID_BANK, encoding="utf-8")
    (folder / "rencana.yaml").write_text(PLAN, encoding="utf-8")
    plan, banks = load_runnable(folder / "rencana.yaml")
    spec = build_attempt(plan, banks, "dunia")
    with ResultsStore.open_in(folder / "data") as store:
        sid = store.create_session("Sosialisasi Netralitas", plan, place="Aula",
                                   trainer="Rina", date="2025-03-04").id
        take(store, sid, Participant("Ani Lestari", "198503122010012002"), spec,
             {"q1": "B", "q2": "AB", "q3": "B", "q4": "A"})
        take(store, sid, Participant("Budi Santoso", "199001012015031001"), spec, {"q1": "A"})
        take(store, sid, Participant("Tamu Undangan"), spec, {"q1": "B"})
        take(store, sid, Participant("Dedi Kurniawan", "198807072012121003"), spec, {"q1": "B"},
             finish=False)
        write_session_file(store, sid, folder / "sesi.kuis-sesi")
    with ResultsStore.open_in(folder / "laptop2") as other:
        joined, _ = import_session_file(other, folder / "sesi.kuis-sesi")
        take(other, joined.id, Participant("Citra Dewi", "200012312024211001"), spec,
             {"q1": "B", "q2": "AB", "q3": "B"})
        take(other, joined.id, Participant("Eka Putri", "198512122010012001"), spec,
             {"q1": "A", "q2": "A"})
        write_package(other, joined.id, folder / "laptop2.kuis-hasil")
    (folder / "peserta.csv").write_text(
        "\ufeff" + "\r\n".join(";".join(r) for r in ROSTER_ROWS) + "\r\n", encoding="utf-8")
    book = xlsxwriter.Workbook(str(folder / "peserta.xlsx"))
    sheet = book.add_worksheet("Peserta")
    for r, row in enumerate(ROSTER_ROWS):
        for c, value in enumerate(row):
            sheet.write_string(r, c, value)
    book.close()


@pytest.fixture(scope="session")
def world_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile-world")
    _build(folder)
    return folder


@pytest.fixture
def world(world_template: Path, tmp_path: Path) -> World:
    folder = tmp_path / "w"
    shutil.copytree(world_template, folder, symlinks=True)
    w = World(folder)
    w.rows_before = w.rows()
    return w
