"""Issue 12 items 3 and 9: damaged, crafted and oversized result packages are refused by
name with a reason, the rest of the batch still merges, and nothing is inflated before the
signature is checked."""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.hostile.conftest import World
from tests.hostile.harness import flips

GOOD = "laptop2.kuis-hasil"
GOOD_ROWS = 2  # finished attempts in the good package


def _attempts(world: World) -> int:
    return len(world.rows()["attempts"])


def _key(world: World) -> str:
    conn = sqlite3.connect(world.db)
    try:
        return str(conn.execute("SELECT session_key FROM sessions WHERE id = 1").fetchone()[0])
    finally:
        conn.close()


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _zip(path: Path, members: dict[str, bytes], *, method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def signed(world: World, name: str, edit: Callable[[dict[str, Any], dict[str, Any]], None],
           *, raw_data: bytes | None = None) -> Path:
    """A package signed with the real session key whose manifest/data ``edit`` changed:
    the signature is valid, the content is not."""
    from quiz_app.core.results import package as pkg

    members = _members(world.path(GOOD))
    manifest = json.loads(members["manifest.json"])
    data = json.loads(members["data.json"])
    edit(manifest, data)
    body = raw_data if raw_data is not None else json.dumps(data).encode()
    manifest["data_sha256"] = hashlib.sha256(body).hexdigest()
    manifest["data_size"] = len(body)
    manifest_raw = json.dumps(manifest).encode()
    signature = f"HMAC-SHA256 {pkg._sign(_key(world), manifest_raw)}\n".encode()
    return _zip(world.path(name), {"manifest.json": manifest_raw, "data.json": body,
                                   "signature": signature})


def merge(world: World, *names: str):
    return world.cli("merge", *names, "--into", "1")


def assert_refused_and_rest_merged(world: World, bad: str) -> None:
    """Merge ``bad`` then the good package: bad refused by name, good imported."""
    out = merge(world, bad, GOOD)
    out.assert_refused(bad, says="DITOLAK")
    assert f"{GOOD}: {GOOD_ROWS} hasil diimpor" in out.out, out.describe()
    assert _attempts(world) == len(world.rows_before["attempts"]) + GOOD_ROWS


# --------------------------------------------------------------------------- byte flips

_GOOD_BYTES: dict[str, bytes] = {}


def _flipped(world: World, seed: int, count: int) -> list[tuple[int, bytes]]:
    data = world.path(GOOD).read_bytes()
    return flips(data, count, seed)


@pytest.mark.parametrize("seed", range(60))
def test_single_byte_flip(world: World, seed: int) -> None:
    [(offset, data)] = _flipped(world, seed, 1)
    bad = world.path(f"rusak-{offset}.kuis-hasil")
    bad.write_bytes(data)
    out = merge(world, bad.name, GOOD)
    out.assert_clean()
    if out.code == 0:  # the flip hit a byte nothing reads (e.g. a zip comment): all fine
        assert f"{bad.name}: {GOOD_ROWS} hasil diimpor" in out.out, out.describe()
        return
    out.assert_refused(bad.name, says="DITOLAK")
    assert f"{GOOD}: {GOOD_ROWS} hasil diimpor" in out.out, out.describe()


@pytest.mark.parametrize("cut", [0, 1, 10, 30, 100, 500, -200, -22, -1])
def test_truncated(world: World, cut: int) -> None:
    data = world.path(GOOD).read_bytes()
    bad = world.path(f"potong{cut}.kuis-hasil")
    bad.write_bytes(data[:cut] if cut >= 0 else data[:cut])
    assert_refused_and_rest_merged(world, bad.name)


# --------------------------------------------------------------------------- crafted zips

def _crafted(world: World, case: str) -> Path:
    members = _members(world.path(GOOD))
    path = world.path(f"buatan-{case}.kuis-hasil")
    manifest = json.loads(members["manifest.json"])
    if case == "manifest-list":
        members["manifest.json"] = b"[1, 2, 3]"
    elif case == "manifest-deep":
        members["manifest.json"] = b"[" * 50_000 + b"]" * 50_000
    elif case == "manifest-nan":
        members["manifest.json"] = b'{"format": "kuis-hasil/1", "attempts": NaN}'
    elif case == "session-string":
        manifest["session"] = "ABCD"
        members["manifest.json"] = json.dumps(manifest).encode()
    elif case == "key-check-number":
        manifest["key_check"] = 12345
        members["manifest.json"] = json.dumps(manifest).encode()
    elif case == "key-check-list":
        manifest["key_check"] = ["a"]
        members["manifest.json"] = json.dumps(manifest).encode()
    elif case == "signature-binary":
        members["signature"] = b"\xff\xfe\x00\x01"
    elif case == "signature-empty":
        members["signature"] = b""
    elif case == "no-data":
        del members["data.json"]
    elif case == "no-manifest":
        del members["manifest.json"]
    elif case == "manifest-utf16":
        members["manifest.json"] = members["manifest.json"].decode().encode("utf-16")
    elif case == "other-session":
        manifest["key_check"] = "0" * 16
        members["manifest.json"] = json.dumps(manifest).encode()
    elif case == "lzma":
        return _zip(path, members, method=zipfile.ZIP_LZMA)
    elif case == "bzip2":
        return _zip(path, members, method=zipfile.ZIP_BZIP2)
    elif case == "not-zip":
        path.write_bytes(b"bukan zip sama sekali\n" * 10)
        return path
    elif case == "empty-file":
        path.write_bytes(b"")
        return path
    elif case == "many-members":
        for i in range(20_000):
            members[f"x{i}"] = b""
    elif case == "encrypted-flag":
        _zip(path, members)
        data = bytearray(path.read_bytes())
        i = 0
        while (i := data.find(b"PK\x03\x04", i)) != -1:  # set "encrypted" in local headers
            data[i + 6] |= 1
            i += 4
        i = 0
        while (i := data.find(b"PK\x01\x02", i)) != -1:  # and in the central directory
            data[i + 8] |= 1
            i += 4
        path.write_bytes(bytes(data))
        return path
    else:
        raise AssertionError(case)
    return _zip(path, members)


CRAFTED = ("manifest-list", "manifest-deep", "manifest-nan", "session-string",
           "key-check-number", "key-check-list", "signature-binary", "signature-empty",
           "no-data", "no-manifest", "manifest-utf16", "other-session", "lzma", "bzip2",
           "not-zip", "empty-file", "many-members", "encrypted-flag")


@pytest.mark.parametrize("case", CRAFTED)
def test_crafted_package(world: World, case: str) -> None:
    bad = _crafted(world, case)
    assert_refused_and_rest_merged(world, bad.name)


# ------------------------------------------------- signed, but the content is not valid

def _result(data: dict[str, Any]) -> dict[str, Any]:
    return data["attempts"][0]["result"]


SIGNED_EDITS: dict[str, Callable[[dict[str, Any], dict[str, Any]], None]] = {
    "nilai-abc": lambda m, d: _result(d).update(nilai="abc"),
    "nilai-999": lambda m, d: _result(d).update(nilai=999),
    "nilai-negative": lambda m, d: _result(d).update(nilai=-5),
    "nilai-null": lambda m, d: _result(d).update(nilai=None),
    "passed-string": lambda m, d: _result(d).update(passed="ya"),
    "correct-negative": lambda m, d: _result(d).update(correct=-1),
    "duration-huge-string": lambda m, d: _result(d).update(duration="9" * 100),
    "per-question-garbage": lambda m, d: _result(d).update(per_question=[1, 2, 3]),
    "category-nilai-abc": lambda m, d: _result(d).update(nilai_per_category={"x": "abc"}),
    "elapsed-negative": lambda m, d: d["attempts"][0].update(elapsed=-3),
    "elapsed-string": lambda m, d: d["attempts"][0].update(elapsed="lama"),
    "index-huge": lambda m, d: d["attempts"][0].update(current_index=10**30),
    "status-in-progress": lambda m, d: d["attempts"][0].update(status="in_progress"),
    "id-not-hex": lambda m, d: d["attempts"][0].update(id="../../etc/passwd"),
    "name-empty": lambda m, d: d["attempts"][0]["participant"].update(name="   "),
    "name-invisible": lambda m, d: d["attempts"][0]["participant"].update(name="\u200b\u200b"),
    "name-huge": lambda m, d: d["attempts"][0]["participant"].update(name="A" * 100_000),
    "nip-bad": lambda m, d: d["attempts"][0]["participant"].update(nip="12345"),
    "participant-list": lambda m, d: d["attempts"][0].update(participant=[1]),
    "answers-not-list": lambda m, d: d["attempts"][0].update(answers="A"),
    "answer-unknown-question": lambda m, d: d["attempts"][0]["answers"].append(
        {"question_id": "zz", "choice": ["A"], "time_taken": 1.0, "flagged": False}),
    "answer-choice-string": lambda m, d: d["attempts"][0]["answers"][0].update(choice="A"),
    "answer-time-negative": lambda m, d: d["attempts"][0]["answers"][0].update(time_taken=-1),
    "spec-points-string": lambda m, d: d["attempts"][0]["spec"]["questions"][0]["question"]
    .update(points="dua"),
    "spec-pass-mark-999": lambda m, d: d["attempts"][0]["spec"]["plan"].update(pass_mark=999),
    "spec-options-garbage": lambda m, d: d["attempts"][0]["spec"]["questions"][0]["question"]
    .update(options=[["A"]]),
    "spec-type-unknown": lambda m, d: d["attempts"][0]["spec"]["questions"][0]["question"]
    .update(type="essay"),
    "spec-no-questions": lambda m, d: d["attempts"][0]["spec"].update(questions=[]),
    "attempts-dict": lambda m, d: d.update(attempts={"a": 1}),
    "attempts-count-wrong": lambda m, d: m.update(attempts=99),
    "attempt-list-of-strings": lambda m, d: d.update(attempts=["x"]),
    "extra-huge": lambda m, d: d["attempts"][0]["participant"].update(
        extra=[["k", "v"]] * 10_000),
}


@pytest.mark.parametrize("case", sorted(SIGNED_EDITS))
def test_signed_package_with_invalid_content(world: World, case: str) -> None:
    bad = signed(world, f"ttd-{case}.kuis-hasil", SIGNED_EDITS[case])
    assert_refused_and_rest_merged(world, bad.name)


def test_paths_from_the_other_laptop_are_not_kept(world: World) -> None:
    def edit(m: dict[str, Any], d: dict[str, Any]) -> None:
        for a in d["attempts"]:
            a["spec"]["plan"]["path"] = "/etc/rencana.yaml"
            a["spec"]["questions"][0]["question"]["image"] = "/dev/zero"

    pkg = signed(world, "jalur.kuis-hasil", edit)
    out = merge(world, pkg.name)
    assert out.code == 0, out.describe()
    imported = {a["id"] for a in json.loads(_members(pkg)["data.json"])["attempts"]}
    # read back through the store: questions live once per session since issue 14
    from quiz_app.core.results import ResultsStore

    with ResultsStore.open_in(world.data, check=False) as store:
        specs = [store.attempt(aid).spec for aid in imported
                 if any(r[0] == aid for r in world.rows()["attempts"])]
    assert len(specs) == GOOD_ROWS
    assert all(s.plan.path is None for s in specs)
    assert all(aq.question.image is None for s in specs for aq in s.questions)


@pytest.mark.parametrize("case", ["deep", "nan", "not-json", "huge-int"])
def test_signed_package_with_unparsable_data(world: World, case: str) -> None:
    raw = {"deep": b"[" * 100_000 + b"]" * 100_000,
           "nan": b'{"attempts": [NaN]}',
           "not-json": b"\xff\xfe garbage",
           "huge-int": b'{"attempts": [' + b"9" * 10_000 + b"]}"}[case]
    bad = signed(world, f"ttd-{case}.kuis-hasil", lambda m, d: None, raw_data=raw)
    assert_refused_and_rest_merged(world, bad.name)


# --------------------------------------------------------------------------- zip bombs

def _bomb(world: World, name: str, size: int, *, signed_ok: bool, lie: bool = False) -> Path:
    """A package whose data.json inflates to ``size`` bytes of zeros-ish JSON padding."""
    members = _members(world.path(GOOD))
    path = world.path(name)
    payload_head = b'{"attempts": [], "pad": "'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("manifest.json", members["manifest.json"])
        zf.writestr("signature", members["signature"])
        with zf.open("data.json", "w", force_zip64=True) as fh:
            fh.write(payload_head)
            chunk = b"0" * (1 << 20)
            left = size - len(payload_head) - 2
            while left > 0:
                fh.write(chunk[: min(left, len(chunk))])
                left -= len(chunk)
            fh.write(b'"}')
    data = buf.getvalue()
    if lie:  # declare a tiny size in the headers; the deflate stream still holds it all
        data = _declare_small(data)
    path.write_bytes(data)
    return path


def _declare_small(data: bytes) -> bytes:
    b = bytearray(data)
    i = 0
    while (i := b.find(b"PK\x01\x02", i)) != -1:
        name_len = int.from_bytes(b[i + 28:i + 30], "little")
        if bytes(b[i + 46:i + 46 + name_len]) == b"data.json":
            b[i + 24:i + 28] = (100).to_bytes(4, "little")
        i += 4
    return bytes(b)


@pytest.mark.slow
@pytest.mark.parametrize("lie", [False, True])
def test_zip_bomb_is_not_inflated(world: World, lie: bool) -> None:
    bomb = _bomb(world, f"bom-{lie}.kuis-hasil", 1 << 30, signed_ok=True, lie=lie)
    assert bomb.stat().st_size < 3 << 20
    out = world.cli("merge", bomb.name, GOOD, "--into", "1", timeout=10)
    out.assert_refused(bomb.name, says="DITOLAK")
    assert out.seconds < 5, out.describe()
    assert f"{GOOD}: {GOOD_ROWS} hasil diimpor" in out.out, out.describe()


def test_bad_packages_in_a_batch_do_not_stop_the_good_ones(world: World) -> None:
    flipped = world.path("balik.kuis-hasil")
    flipped.write_bytes(_flipped(world, 7, 1)[0][1][:200])
    deep = _crafted(world, "manifest-deep")
    wrong = signed(world, "nilai.kuis-hasil", SIGNED_EDITS["nilai-abc"])
    out = merge(world, flipped.name, deep.name, wrong.name, GOOD)
    out.assert_refused(flipped.name, deep.name, wrong.name)
    assert out.out.count("DITOLAK") == 3, out.describe()
    assert _attempts(world) == len(world.rows_before["attempts"]) + GOOD_ROWS


def test_fields_of_other_versions_are_ignored_or_defaulted(world: World) -> None:
    """A newer laptop's extra fields are ignored; an older one's missing 'partial' is
    derived, as the store does: both packages merge."""
    def edit(m: dict[str, Any], d: dict[str, Any]) -> None:
        for a in d["attempts"]:
            a["kolom_masa_depan"] = {"x": 1}
            a["result"]["kolom_lain"] = 3
            a["result"].pop("partial", None)

    pkg = signed(world, "versi-lain.kuis-hasil", edit)
    out = merge(world, pkg.name)
    assert out.code == 0 and f"{GOOD_ROWS} hasil diimpor" in out.out, out.describe()
