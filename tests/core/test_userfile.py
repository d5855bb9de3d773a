"""The one guarded reader (and output check) every user file goes through."""

from __future__ import annotations

import io
import os
import time
import zipfile
from pathlib import Path

import pytest

from quiz_app.core.errors import QuizError
from quiz_app.core.userfile import (
    SafeZip,
    check_output,
    file_problem,
    loads_json,
    peek_user_file,
    read_user_bytes,
    read_user_json,
)


def test_regular_files_only_and_never_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipa.json"
    os.mkfifo(fifo)
    start = time.monotonic()
    for reader in (lambda: read_user_bytes(fifo, max_bytes=10),
                   lambda: read_user_json(fifo, max_bytes=10)):
        with pytest.raises(QuizError, match="bukan berkas biasa"):
            reader()
    assert peek_user_file(fifo, 10) is None
    assert "bukan berkas biasa" in (file_problem(fifo) or "")
    with pytest.raises(QuizError, match="bukan berkas biasa"):
        read_user_bytes(Path("/dev/zero"), max_bytes=10)
    with pytest.raises(QuizError, match="folder"):
        read_user_bytes(tmp_path, max_bytes=10)
    with pytest.raises(QuizError, match="tidak ditemukan"):
        read_user_bytes(tmp_path / "hilang", max_bytes=10)
    with pytest.raises(QuizError, match="NUL"):
        read_user_bytes(tmp_path / "a\0b", max_bytes=10)
    assert time.monotonic() - start < 2


def test_size_cap_and_located_utf8_error(tmp_path: Path) -> None:
    big = tmp_path / "besar.txt"
    big.write_bytes(b"x" * 101)
    with pytest.raises(QuizError, match="terlalu besar"):
        read_user_bytes(big, max_bytes=100)
    assert read_user_bytes(big, max_bytes=101) == b"x" * 101
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"a":\n "\xff"}')
    with pytest.raises(QuizError) as exc:
        read_user_json(bad, max_bytes=100)
    assert (exc.value.issues[0].line, exc.value.issues[0].column) == (2, 3)


@pytest.mark.parametrize(("text", "says"), [
    ("[" * 100 + "]" * 100, "bersarang"),
    ("[" * 100_000 + "]" * 100_000, "bersarang"),
    ('{"a": NaN}', "NaN"),
    ('{"a": -Infinity}', "Infinity"),
    ('{"a": 1e400}', "terlalu besar"),
    ('{"a": ' + "1" * 5000 + "}", "terlalu panjang"),
    ('{"a": 1,}', "tidak valid"),
])
def test_json_caps(text: str, says: str) -> None:
    with pytest.raises(QuizError, match=says):
        loads_json(text.encode(), "x.json", max_depth=64)


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_zip_caps_declared_and_actual(tmp_path: Path) -> None:
    ok = SafeZip(_zip({"a": b"1" * 1000}), max_bytes=10_000, max_member=1000, max_total=1000)
    assert ok.read("a") == b"1" * 1000
    with pytest.raises(QuizError, match="terlalu besar"):
        SafeZip(_zip({"a": b"1" * 1001}), max_bytes=10_000, max_member=1000, max_total=5000)
    with pytest.raises(QuizError, match="terlalu besar"):
        SafeZip(_zip({"a": b"1" * 600, "b": b"2" * 600}), max_bytes=10_000, max_member=1000,
                max_total=1000)
    # a header that lies about the size: inflating stops at the declared size
    data = bytearray(_zip({"a": b"1" * 5000}))
    i = data.find(b"PK\x01\x02")
    data[i + 24:i + 28] = (100).to_bytes(4, "little")
    lying = SafeZip(bytes(data), max_bytes=10_000, max_member=1000, max_total=1000)
    with pytest.raises(QuizError):
        lying.read("a")
    with pytest.raises(QuizError, match="bukan arsip zip"):
        SafeZip(b"bukan zip", max_bytes=100, max_member=10, max_total=10)


def test_output_check(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "aula").mkdir()
    store = data / "results.sqlite3"
    store.write_bytes(b"SQLite format 3\x00" + bytes(52) + (0x4B41534E).to_bytes(4, "big")
                      + bytes(100))
    for target in (store, data / "results.sqlite3-wal", data / "aula" / "x.csv"):
        with pytest.raises(QuizError):
            check_output(target, "csv", force=True, protected=(data,))
    copy = tmp_path / "salinan.csv"  # a results database anywhere, whatever its name
    copy.write_bytes(store.read_bytes())
    with pytest.raises(QuizError, match="basis data hasil"):
        check_output(copy, "csv", force=True)
    link = tmp_path / "tautan.csv"
    link.symlink_to(tmp_path / "tidak-ada.csv")
    with pytest.raises(QuizError, match="tautan"):
        check_output(link, "csv", force=True)
    yaml = tmp_path / "bank.yaml"
    yaml.write_text("format: kuis-bank/1\n", encoding="utf-8")
    with pytest.raises(QuizError, match="--force"):
        check_output(yaml, "csv")
    assert check_output(yaml, "csv", force=True) == yaml
    assert check_output(data / "hasil.csv", "csv", protected=(data,)) == data / "hasil.csv"
    with pytest.raises(QuizError, match="panjang"):
        check_output(tmp_path / ("x" * 300 + ".csv"), "csv")


def test_the_output_check_knows_the_store_as_the_store_names_itself() -> None:
    from quiz_app.core import userfile
    from quiz_app.core.results import APPLICATION_ID, DB_FILENAME

    assert (userfile.STORE_NAME, userfile.STORE_APPLICATION_ID) == (DB_FILENAME, APPLICATION_ID)
