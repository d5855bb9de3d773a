"""Certificate codes: HMAC under the session key, checked against the store."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quiz_app.core.errors import ExportError
from quiz_app.core.results import (
    ResultsStore,
    Signer,
    load_results,
    normalise_code,
    session_certificates,
    verify_code,
)
from tests.helpers.fakes import make_plan
from tests.helpers.results import ANI, BUDI, DEDI, EKA, fixed_spec, small_bank, take


@pytest.fixture
def store(tmp_path: Path):
    bank = small_bank()
    plan = make_plan(order="bank", shuffle_options=False, banks=(bank.id,))
    with ResultsStore.open_in(tmp_path / "trainer") as st:
        sid = st.create_session("Sosialisasi", plan, place="Aula", date="2025-03-04").id
        spec = fixed_spec(bank, plan)
        take(st, sid, ANI, spec, {"k1": "A", "k2": "C"})
        take(st, sid, BUDI, spec, {"k1": "B"})
        take(st, sid, ANI, spec, {"k1": "A", "k2": "C", "p1": "AC", "a1": "S"})  # retake
        take(st, sid, EKA, spec, {"k1": "A"})  # guest without NIP
        take(st, sid, DEDI, spec, {}, finish=False)
        st.sid = sid
        yield st


def certs(store):
    return session_certificates(load_results(store, store.sid, categories=()))


def test_one_certificate_per_person_from_the_last_attempt(store) -> None:
    got = certs(store)
    assert [c.name for c in got] == ["Ani Lestari", "Budi Santoso", "Eka Putri"]
    ani = got[0]
    assert ani.nilai == 100 and ani.passed is True
    assert ani.code.startswith(store.session(store.sid).code + "-")
    assert len(ani.code) == len("ABCD-EFGH-JKMN-PQRS")


def test_verify_accepts_a_real_code(store) -> None:
    for cert in certs(store):
        found = verify_code(store, cert.code)
        assert found is not None
        assert found.attempt.id == cert.attempt_id
        assert found.attempt.participant.name == cert.name
        assert found.session.id == store.sid


def test_verify_accepts_the_code_as_people_type_it(store) -> None:
    code = certs(store)[0].code
    typed = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert verify_code(store, typed) is not None


def test_verify_refuses_a_changed_code(store) -> None:
    code = certs(store)[0].code
    for i, ch in enumerate(code):
        if ch == "-":
            continue
        changed = code[:i] + ("X" if ch != "X" else "Y") + code[i + 1:]
        assert verify_code(store, changed) is None, changed


def test_verify_refuses_in_another_store(store, tmp_path: Path) -> None:
    """Same title and people, but another session key: the code does not verify there."""
    code = certs(store)[0].code
    bank = small_bank()
    plan = make_plan(order="bank", shuffle_options=False, banks=(bank.id,))
    with ResultsStore.open_in(tmp_path / "other") as other:
        sid = other.create_session("Sosialisasi", plan).id
        take(other, sid, ANI, fixed_spec(bank, plan), {"k1": "A"})
        assert verify_code(other, code) is None


def test_malformed_codes_are_a_located_user_error() -> None:
    with pytest.raises(ExportError, match="ABCD-EFGH-JKMN-PQRS"):
        normalise_code("ABCD-EFGH")
    with pytest.raises(ExportError):
        normalise_code("ABCD-EFGH-JKMN-PQR!")
    assert normalise_code("abcd efgh jkmn pqrs") == "ABCD-EFGH-JKMN-PQRS"


def test_signer_is_remembered(tmp_path: Path) -> None:
    assert Signer.load(tmp_path) == Signer()
    s = Signer("Drs. Bambang", "197005051995031002", "Kepala BKPSDM")
    s.save(tmp_path)
    assert Signer.load(tmp_path) == s
    assert s.merged(None, None, "Sekretaris Daerah") == Signer(
        "Drs. Bambang", "197005051995031002", "Sekretaris Daerah")
    assert not list(tmp_path.glob("*.tmp"))


def test_signer_file_that_is_not_a_small_regular_file_is_ignored(tmp_path: Path) -> None:
    (tmp_path / Signer.FILENAME).mkdir()
    assert Signer.load(tmp_path) == Signer()
    other = tmp_path / "b"
    other.mkdir()
    (other / Signer.FILENAME).write_text('{"name": "' + "x" * 20_000 + '"}')
    assert Signer.load(other) == Signer()
    (other / Signer.FILENAME).write_text('["not", "an", "object"]')
    assert Signer.load(other) == Signer()
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "c"
        fifo.mkdir()
        os.mkfifo(fifo / Signer.FILENAME)
        assert Signer.load(fifo) == Signer()  # does not hang on a FIFO


def test_a_voided_attempt_gets_no_certificate_and_its_code_is_refused(store, capsys) -> None:
    from quiz_app.cli import main

    code = certs(store)[1].code  # Budi
    found = verify_code(store, code)
    store.void_attempt(found.attempt.id, "Menyontek")
    assert [c.name for c in certs(store)] == ["Ani Lestari", "Eka Putri"]
    assert verify_code(store, code).attempt.voided
    assert main(["--data-dir", str(store.path.parent), "verify", code]) == 1
    out = capsys.readouterr().out
    assert "TIDAK SAH" in out and "Menyontek" in out
