"""Hypothesis fuzzing of the three formats that arrive from other machines — result
packages, rosters (CSV and XLSX) and session files — like the bank fuzzing in
tests/core/banks/test_bank_properties.py: whatever the bytes, the reader returns a value or
raises the format's own QuizError, and never anything else (no zlib.error, RecursionError,
TypeError...)."""

from __future__ import annotations

import hashlib
import hmac
import json
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz_app.core.errors import ExportError, RosterError
from quiz_app.core.people import load_roster
from quiz_app.core.results import ResultsStore, read_package, read_session_file
from quiz_app.core.results import package as pkg
from tests.hostile.conftest import World

FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    """Flips, cuts, insertions and deletions of a valid file."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["flip", "cut", "insert", "delete", "zero"]))
        if not data:
            break
        i = draw(st.integers(0, len(data) - 1))
        if op == "flip":
            data[i] ^= draw(st.integers(1, 255))
        elif op == "cut":
            del data[i:]
        elif op == "insert":
            data[i:i] = draw(st.binary(min_size=1, max_size=40))
        elif op == "delete":
            del data[i:i + draw(st.integers(1, 64))]
        else:
            data[i:i + 8] = bytes(min(8, len(data) - i))
    return bytes(data)


@pytest.fixture(scope="module")
def originals(world_template: Path) -> dict[str, Any]:
    with ResultsStore.open_in(world_template / "data") as store:
        session = store.session(1)
    return {
        "session": session,
        "package": (world_template / "laptop2.kuis-hasil").read_bytes(),
        "sesi": (world_template / "sesi.kuis-sesi").read_bytes(),
        "csv": (world_template / "peserta.csv").read_bytes(),
        "xlsx": (world_template / "peserta.xlsx").read_bytes(),
    }


@contextmanager
def _file(data: bytes, name: str) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="fuzz-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        yield path


# --------------------------------------------------------------------------- packages

@FUZZ
@given(data=st.data())
def test_package_bytes(originals: dict[str, Any], data: st.DataObject) -> None:
    raw = data.draw(mutated(originals["package"]))
    with _file(raw, "p.kuis-hasil") as path:
        try:
            read_package(path, originals["session"])
        except ExportError as exc:
            assert exc.issues and exc.issues[0].path == "p.kuis-hasil"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**20)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=4),
    max_leaves=12,
)


def _attempt_paths(d: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(d, dict):
        for k, v in d.items():
            out += _attempt_paths(v, (*prefix, k))
    elif isinstance(d, list):
        for i, v in enumerate(d[:3]):
            out += _attempt_paths(v, (*prefix, i))
    return out


@FUZZ
@given(data=st.data())
def test_signed_package_with_any_field_replaced(world: World, data: st.DataObject) -> None:
    """Even correctly signed (we hold the key), any field of data.json replaced by any
    JSON value is a valid result or an ExportError, nothing else."""
    with zipfile.ZipFile(world.path("laptop2.kuis-hasil")) as zf:
        body = json.loads(zf.read("data.json"))
        manifest = json.loads(zf.read("manifest.json"))
    where = data.draw(st.sampled_from(_attempt_paths(body)[1:]))
    target = body
    for step in where[:-1]:
        target = target[step]
    target[where[-1]] = data.draw(json_values)
    raw = json.dumps(body).encode()
    manifest.update(data_sha256=hashlib.sha256(raw).hexdigest(), data_size=len(raw))
    manifest_raw = json.dumps(manifest).encode()
    with ResultsStore.open_in(world.data) as store:
        session = store.session(1)
    path = world.path("f.kuis-hasil")
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("manifest.json", manifest_raw)
        zf.writestr("data.json", raw)
        zf.writestr("signature", f"HMAC-SHA256 {pkg._sign(session.key, manifest_raw)}\n")
    try:
        read_package(path, session)
    except ExportError:
        pass


# --------------------------------------------------------------------------- rosters

@FUZZ
@given(data=st.data())
def test_csv_roster_bytes(originals: dict[str, Any], data: st.DataObject) -> None:
    raw = data.draw(st.one_of(mutated(originals["csv"]), st.binary(max_size=400)))
    with _file(raw, "peserta.csv") as path:
        try:
            roster = load_roster(path)
        except RosterError:
            return
    assert all(p.name.strip() for p in roster.participants)


@FUZZ
@given(data=st.data())
def test_xlsx_roster_bytes(originals: dict[str, Any], data: st.DataObject) -> None:
    raw = data.draw(mutated(originals["xlsx"]))
    with _file(raw, "peserta.xlsx") as path:
        try:
            load_roster(path)
        except RosterError:
            pass


# --------------------------------------------------------------------------- session files

@FUZZ
@given(data=st.data())
def test_session_file_bytes(originals: dict[str, Any], data: st.DataObject) -> None:
    raw = data.draw(st.one_of(mutated(originals["sesi"]), st.binary(max_size=300)))
    with _file(raw, "s.kuis-sesi") as path:
        try:
            read_session_file(path)
        except ExportError:
            pass


@FUZZ
@given(data=st.data())
def test_resigned_session_file_with_any_field_replaced(originals: dict[str, Any],
                                                      data: st.DataObject) -> None:
    body = json.loads(originals["sesi"])
    where = data.draw(st.sampled_from([p for p in _attempt_paths(body)[1:]
                                       if p[0] not in ("key", "code", "check")]))
    target = body
    for step in where[:-1]:
        target = target[step]
    target[where[-1]] = data.draw(json_values)
    fields = {k: body.get(k) for k in ("format", "title", "place", "trainer", "date", "kind",
                                        "code", "key", "plan")}
    body["check"] = hmac.new(pkg._subkey(body["key"], b"sesi/1"), pkg._dumps(fields),
                             hashlib.sha256).hexdigest()
    with _file(json.dumps(body).encode(), "s.kuis-sesi") as path:
        try:
            session = read_session_file(path)
        except ExportError:
            return
    assert session.plan.path is None and session.title.strip()
