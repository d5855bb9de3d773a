"""HR voids an attempt (issue 11.10): the reason is kept in the store, shown in the export,
and N-Gain uses the valid attempt, never a voided one."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

import pytest

from quiz_app.core.errors import StoreError
from quiz_app.core.results import (
    DB_FILENAME,
    MIGRATIONS,
    SCHEMA_VERSION,
    ResultsStore,
    analyse,
    export_session,
    load_results,
    pre_post,
    score_summary,
)
from tests.helpers.fakes import make_plan
from tests.helpers.results import ANI, BUDI, fixed_spec, small_bank, take

ALL_RIGHT = {"k1": "A", "k2": "C", "p1": "AC", "a1": "S"}


@pytest.fixture
def store(tmp_path: Path):
    with ResultsStore.open_in(tmp_path / "data") as s:
        yield s


def sessions(store: ResultsStore) -> tuple[int, int, object]:
    bank = small_bank()
    pre_plan = make_plan(order="bank", shuffle_options=False, banks=(bank.id,), kind="pretest")
    post_plan = make_plan(order="bank", shuffle_options=False, banks=(bank.id,),
                          kind="posttest")
    pre = store.create_session("Pretest", pre_plan, date="2025-03-04").id
    post = store.create_session("Posttest", post_plan, date="2025-03-04",
                                pretest_session_id=pre).id
    return pre, post, (fixed_spec(bank, pre_plan), fixed_spec(bank, post_plan))


def test_void_keeps_reason_and_time_and_refuses_nonsense(store: ResultsStore,
                                                         tmp_path: Path) -> None:
    pre, _, (spre, _) = sessions(store)
    aid = take(store, pre, ANI, spre, {"k1": "A"})
    with pytest.raises(StoreError, match="Alasan"):
        store.void_attempt(aid, "   ")
    store.void_attempt(aid, "  Peserta dibantu rekan di sebelahnya.  ")
    rec = store.attempt(aid)
    assert rec.voided and rec.void_reason == "Peserta dibantu rekan di sebelahnya."
    assert rec.voided_at is not None and rec.voided_at.endswith("+00:00")
    with pytest.raises(StoreError, match="sudah dinyatakan tidak sah"):
        store.void_attempt(aid, "lagi")
    running = take(store, pre, BUDI, spre, {"k1": "A"}, finish=False)
    with pytest.raises(StoreError, match="belum selesai"):
        store.void_attempt(running, "alasan")
    with pytest.raises(StoreError, match="tidak ditemukan"):
        store.void_attempt("f" * 32, "alasan")
    store.close()
    with ResultsStore.open_in(tmp_path / "data") as again:  # kept in the file
        assert again.attempt(aid).void_reason == "Peserta dibantu rekan di sebelahnya."


def test_a_finished_valid_attempt_of_a_nip_is_known(store: ResultsStore) -> None:
    pre, post, (spre, _) = sessions(store)
    assert not store.has_valid_attempt(pre, ANI.nip)
    take(store, pre, ANI, spre, {"k1": "A"}, finish=False)
    assert not store.has_valid_attempt(pre, ANI.nip)  # not finished yet
    aid = take(store, pre, ANI, spre, {"k1": "A"})
    assert store.has_valid_attempt(pre, ANI.nip)
    assert not store.has_valid_attempt(post, ANI.nip)  # another session
    store.void_attempt(aid, "uji coba")
    assert not store.has_valid_attempt(pre, ANI.nip)  # voided: may take it again


def test_n_gain_uses_the_valid_attempt_never_a_voided_one(store: ResultsStore) -> None:
    pre, post, (spre, spost) = sessions(store)
    take(store, pre, ANI, spre, {"k1": "A", "k2": "C"})  # 50
    bad_pre = take(store, pre, ANI, spre, ALL_RIGHT)  # 100, a retake HR voids
    first = take(store, post, ANI, spost, {"k1": "A", "k2": "C", "p1": "AC"})  # 75
    retake = take(store, post, ANI, spost, {"k1": "A"})  # 25, the later retake
    store.void_attempt(retake, "Tes ulang tanpa izin pelatih")
    store.void_attempt(bad_pre, "Kunci jawaban terlihat")
    results = load_results(store, post)
    assert [r.id for r in results.attempts] == [first]
    assert [r.id for r in results.voided] == [retake]
    [pair] = pre_post(results)
    assert (pair.pre, pair.post, pair.gain) == (50.0, 75.0, 0.5)
    summary = score_summary(results)
    assert (summary.finished, summary.voided, summary.mean_nilai) == (1, 1, 75.0)
    assert analyse(results.attempts, ["karier"]).n_attempts == 1


def read(path: Path) -> list[dict[str, str]]:
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))


def test_export_shows_the_voided_attempt_with_its_reason(store: ResultsStore,
                                                         tmp_path: Path) -> None:
    pre, post, (spre, spost) = sessions(store)
    take(store, pre, ANI, spre, {"k1": "A", "k2": "C"})  # 50
    take(store, post, ANI, spost, {"k1": "A", "k2": "C", "p1": "AC"})  # 75
    retake = take(store, post, ANI, spost, {"k1": "A"})  # 25
    store.void_attempt(retake, "Tes ulang tanpa izin")
    rows = read(export_session(store, post, tmp_path / "r.csv").path)
    assert [(r["Nilai"], r["Lulus"], r["Keterangan"]) for r in rows] == [
        ("75", "Ya", ""),
        ("25", "Tidak sah", "Tidak sah: Tes ulang tanpa izin"),
    ]
    assert [(r["Nilai Posttest"], r["N-Gain"]) for r in rows] == [("75", "0,5"), ("", "")]
    detail = read(export_session(store, post, tmp_path / "d.csv", detail=True).path)
    assert len(detail) == 4  # the voided attempt's answers are not in the detail


def test_migration_to_v3_adds_the_void_columns(tmp_path: Path) -> None:
    path = tmp_path / DB_FILENAME
    conn = sqlite3.connect(path)
    for step in MIGRATIONS[:2]:
        for statement in step:
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    with ResultsStore(path) as s:
        assert s.schema_version == SCHEMA_VERSION >= 3
        columns = {r[1] for r in s._connection().execute("PRAGMA table_info(attempts)")}
        assert {"void_reason", "voided_at"} <= columns
