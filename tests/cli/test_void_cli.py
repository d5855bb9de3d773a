"""`quiz-app void`: HR declares a participant's attempt invalid, with a reason (issue 11.10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz_app.cli import main
from quiz_app.core.people import format_nip
from quiz_app.core.results import ResultsStore
from tests.helpers.fakes import make_plan
from tests.helpers.results import ANI, BUDI, fixed_spec, small_bank, take


@pytest.fixture
def data(tmp_path: Path) -> tuple[Path, int, list[str]]:
    bank = small_bank()
    plan = make_plan(order="bank", shuffle_options=False, banks=(bank.id,))
    with ResultsStore.open_in(tmp_path / "data") as store:
        sid = store.create_session("Posttest", plan, date="2025-03-04").id
        spec = fixed_spec(bank, plan)
        ids = [take(store, sid, ANI, spec, {"k1": "A"}),
               take(store, sid, ANI, spec, {"k1": "A", "k2": "C"}),
               take(store, sid, BUDI, spec, {"k1": "A"})]
    return tmp_path / "data", sid, ids


def run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), "void", *args])


def test_void_by_nip(data, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir, sid, ids = data
    nip = format_nip(BUDI.nip)  # typed with its spaces, as printed on the export
    assert run(data_dir, "--session", str(sid), "--nip", nip, "--reason", "Dibantu rekan") == 0
    assert "tidak sah" in capsys.readouterr().out
    with ResultsStore.open_in(data_dir) as store:
        rec = store.attempt(ids[2])
        assert rec.voided and rec.void_reason == "Dibantu rekan"
        assert not store.attempt(ids[0]).voided
    # once voided, there is no valid attempt of that NIP left to void
    assert run(data_dir, "--session", str(sid), "--nip", BUDI.nip, "--reason", "x") == 1
    assert "tidak ada tes selesai yang sah" in capsys.readouterr().err


def test_two_valid_attempts_need_the_attempt_id(data, capsys) -> None:
    data_dir, sid, ids = data
    assert run(data_dir, "--session", str(sid), "--nip", ANI.nip, "--reason", "ulang") == 1
    err = capsys.readouterr().err
    assert ids[0] in err and ids[1] in err and "--attempt" in err
    assert run(data_dir, "--session", str(sid), "--nip", ANI.nip, "--attempt", ids[1],
               "--reason", "Tes ulang tanpa izin") == 0
    with ResultsStore.open_in(data_dir) as store:
        assert store.attempt(ids[1]).voided and not store.attempt(ids[0]).voided
    assert run(data_dir, "--session", str(sid), "--nip", BUDI.nip, "--attempt", ids[0],
               "--reason", "x") == 1  # an attempt of someone else
