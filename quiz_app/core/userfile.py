"""The one guarded path for every file a user hands the app.

Banks, plans, rosters, team files, result packages, session files and the presenter's
state files all come from USB sticks, e-mail and other programs. Every reader goes
through here, so each one refuses the same things the same way:

* anything but a regular file (a FIFO would block ``open()`` forever, ``/dev/zero`` would
  be read until memory runs out): ``stat`` first, open with ``O_NONBLOCK`` so that a file
  swapped for a FIFO after the check cannot block either, then ``fstat`` the open file;
* more than ``max_bytes`` (checked on the size *and* while reading: a file may grow);
* text that is not UTF-8, with the line and column of the first bad byte;
* JSON nested deeper than ``max_depth`` (Python's parser would recurse until
  ``RecursionError``), NaN/Infinity, and numbers too large for a float;
* zip archives (packages, XLSX) whose members are encrypted, use an unknown compression,
  or declare or inflate to more than their cap (zip bombs).

Every refusal is a :class:`~quiz_app.core.errors.QuizError` (of the class the caller
asks for) with one located :class:`Issue` in Bahasa Indonesia.

The writing side has one check too, :func:`check_output`, run before every export, package,
session file, PDF and bank file is written: it never lets a write replace the results
store, its WAL, the data folder's own files, a symlink, a FIFO or a device.
"""

from __future__ import annotations

import errno
import io
import json
import math
import os
import re
import stat
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

from .errors import Issue, QuizError

__all__ = [
    "JSON_MAX_DEPTH",
    "NOT_REGULAR",
    "OUTPUT_KINDS",
    "ZIP_ERRORS",
    "SafeZip",
    "check_output",
    "decode_utf8",
    "file_problem",
    "is_regular_file",
    "loads_json",
    "not_regular_reason",
    "path_problem",
    "peek_user_file",
    "read_user_bytes",
    "read_user_json",
]

JSON_MAX_DEPTH = 64
NOT_REGULAR = "bukan berkas biasa"
_CHUNK = 1 << 16

ErrorType = type[QuizError]

# What a damaged zip (or a member inflated from one) can raise from the standard library.
ZIP_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError,
    RuntimeError, OverflowError, ValueError, KeyError, IndexError, OSError,
)


def _raise(error: ErrorType, display: str, message: str, line: int = 0,
           column: int = 0) -> NoReturn:
    raise error(Issue(display, line, column, message))


def not_regular_reason(mode: int) -> str:
    """Why a file of this ``st_mode`` is refused (a folder, a FIFO, a device...)."""
    if stat.S_ISDIR(mode):
        return "ini folder, bukan berkas"
    if stat.S_ISFIFO(mode):
        kind = "pipa (FIFO)"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "perangkat"
    elif stat.S_ISSOCK(mode):
        kind = "soket"
    else:
        kind = "berkas khusus"
    return f"{NOT_REGULAR} ({kind}); pilih berkas biasa"


def _os_message(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "berkas tidak ditemukan; periksa nama dan foldernya"
    if isinstance(exc, PermissionError):
        return "berkas tidak dapat dibaca: tidak ada izin"
    if exc.errno == errno.ENAMETOOLONG:
        return "nama berkas terlalu panjang"
    if exc.errno == errno.ELOOP:
        return "tautan simbolik berputar (menunjuk dirinya sendiri)"
    return f"berkas tidak dapat dibaca ({exc.strerror or exc})"


MAX_NAME_BYTES = 255  # one file or folder name, on every file system the app meets
MAX_PATH_BYTES = 4096


def path_problem(text: str) -> str | None:
    """Why a path written inside a user's file (``image:``, ``banks:``) or typed as an
    argument cannot name a file, in Indonesian; None when it can."""
    if "\x00" in text:
        return "jalur berisi karakter NUL"
    encoded = text.encode("utf-8", "surrogateescape")
    if len(encoded) > MAX_PATH_BYTES:
        return f"jalur terlalu panjang (lebih dari {MAX_PATH_BYTES} byte)"
    longest = max((len(part.encode("utf-8", "surrogateescape"))
                   for part in re.split(r"[\\/]", text)), default=0)
    if longest > MAX_NAME_BYTES:
        return f"nama berkas atau folder terlalu panjang (lebih dari {MAX_NAME_BYTES} byte)"
    return None


def _stat(path: Path, display: str, error: ErrorType) -> os.stat_result:
    try:
        return os.stat(path)
    except ValueError:  # a NUL byte in the name
        _raise(error, display, "nama berkas berisi karakter NUL; tulis nama berkas yang benar")
    except OSError as exc:
        _raise(error, display, _os_message(exc))


def file_problem(path: Path | str) -> str | None:
    """Why ``path`` cannot be read as a user file (missing, a folder, a FIFO, a device),
    in Indonesian; None for a regular file. Only ``stat``: never opens, never blocks."""
    try:
        st = os.stat(path)
    except ValueError:
        return "nama berkas berisi karakter NUL"
    except OSError as exc:
        return _os_message(exc)
    return None if stat.S_ISREG(st.st_mode) else not_regular_reason(st.st_mode)


def is_regular_file(path: Path) -> bool:
    """True for a regular file (after symlinks). Never blocks, never raises: for scans."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _size_text(n: int) -> str:
    if n >= 1 << 20:
        return f"{n / (1 << 20):.1f} MiB"
    return f"{n / 1024:.0f} KiB" if n >= 1024 else f"{n} byte"


def _too_big(display: str, error: ErrorType, max_bytes: int, what: str) -> NoReturn:
    _raise(error, display, f"{what} terlalu besar; batasnya {_size_text(max_bytes)}")


def read_user_bytes(path: Path | str, *, max_bytes: int, error: ErrorType = QuizError,
                    display: str | None = None, what: str = "berkas") -> bytes:
    """The bytes of a regular file of at most ``max_bytes``, or ``error`` saying why not."""
    path = Path(path)
    display = str(path) if display is None else display
    st = _stat(path, display, error)
    if not stat.S_ISREG(st.st_mode):
        _raise(error, display, not_regular_reason(st.st_mode))
    if st.st_size > max_bytes:
        _too_big(display, error, max_bytes, f"{what} ({_size_text(st.st_size)})")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) \
        | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        _raise(error, display, _os_message(exc))
    try:
        st = os.fstat(fd)  # the file may have been swapped since the stat above
        if not stat.S_ISREG(st.st_mode):
            _raise(error, display, not_regular_reason(st.st_mode))
        parts: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(_CHUNK, max_bytes + 1 - total))
            if not chunk:
                break
            parts.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                _too_big(display, error, max_bytes, what)
    except OSError as exc:
        _raise(error, display, _os_message(exc))
    finally:
        os.close(fd)
    return b"".join(parts)


def peek_user_file(path: Path, n: int) -> bytes | None:
    """The first ``n`` bytes of a regular file, or None (not regular, unreadable). For
    cheap sniffing while scanning folders: never blocks on a FIFO."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            return None
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0))
    except (OSError, ValueError):
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        return os.read(fd, n)
    except OSError:
        return None
    finally:
        os.close(fd)


def position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based (line, column) of a byte offset."""
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, column


def decode_utf8(data: bytes, display: str, *, error: ErrorType = QuizError,
                hint: str = "simpan ulang dengan pengodean UTF-8",
                what: str = "berkas bukan UTF-8") -> str:
    """UTF-8 text (a BOM is dropped), or a located ``error`` at the first bad byte."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        _raise(error, display, f"berkas tersimpan sebagai UTF-16; {hint}", 1, 1)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = position(data, exc.start)
        _raise(error, display, f"{what} (byte 0x{data[exc.start]:02x}); {hint}",
               line, col)


# --------------------------------------------------------------------------- JSON

def json_depth(value: Any) -> int:
    """How deep lists and dicts nest in a parsed JSON value (iterative: no recursion)."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        elif not isinstance(item, list):
            continue
        depth += 1
        deepest = max(deepest, depth)
        stack.extend((child, depth) for child in item if isinstance(child, dict | list))
    return deepest


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"angka {text} terlalu besar")
    return value


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > 40:
        raise ValueError(f"angka {text[:12]}… terlalu panjang")
    return int(text)


def _no_constant(name: str) -> NoReturn:
    raise ValueError(f"nilai {name} tidak diizinkan; tulis angka biasa")


def loads_json(data: bytes | str, display: str, *, error: ErrorType = QuizError,
               max_depth: int = JSON_MAX_DEPTH, what: str = "berkas JSON") -> Any:
    """Parse JSON with a depth cap; NaN, Infinity and overflowing numbers are refused."""
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line, col = position(data, exc.start)
            _raise(error, display, f"{what} bukan teks UTF-8", line, col)
    else:
        text = data
    deep = f"{what} bersarang lebih dari {max_depth} tingkat; berkas rusak atau bukan " \
        "buatan Kuis ASN"
    try:
        # The C parser checks Python's recursion limit, so very deep input stops with
        # RecursionError instead of overflowing the stack; the cap is applied after.
        value = json.loads(text, parse_constant=_no_constant, parse_float=_finite_float,
                           parse_int=_bounded_int)
    except json.JSONDecodeError as exc:
        _raise(error, display, f"{what} rusak: JSON tidak valid ({exc.msg})", exc.lineno,
               exc.colno)
    except RecursionError:
        _raise(error, display, deep)
    except ValueError as exc:  # NaN, 1e999, integers of thousands of digits
        _raise(error, display, f"{what} rusak: {exc}")
    if json_depth(value) > max_depth:
        _raise(error, display, deep)
    return value


def read_user_json(path: Path | str, *, max_bytes: int, error: ErrorType = QuizError,
                   display: str | None = None, max_depth: int = JSON_MAX_DEPTH,
                   what: str = "berkas JSON") -> Any:
    path = Path(path)
    display = str(path) if display is None else display
    data = read_user_bytes(path, max_bytes=max_bytes, error=error, display=display, what=what)
    return loads_json(data, display, error=error, max_depth=max_depth, what=what)


# --------------------------------------------------------------------------- zip

_ZIP_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})


class SafeZip:
    """A zip archive read from a regular file with caps on what it may inflate to.

    The file is read whole (at most ``max_bytes``) into memory first, so nothing more is
    read from the disk (or from a FIFO swapped in later); ``source`` may also be bytes
    already read. On opening, every member must be unencrypted, stored or deflated, and
    declare at most ``max_member`` bytes, all of them together at most ``max_total``;
    :meth:`read` also counts what actually inflates. ``describe`` turns a reason into the
    message of the ``error`` raised (default: "<what> rusak atau tidak aman: <reason>").
    """

    def __init__(self, source: Path | str | bytes, *, max_bytes: int, max_member: int,
                 max_total: int, max_members: int = 10_000, error: ErrorType = QuizError,
                 display: str | None = None, what: str = "arsip",
                 describe: Callable[[str], str] | None = None) -> None:
        if isinstance(source, bytes):
            self.display = "" if display is None else display
            data = source
            if len(data) > max_bytes:
                _too_big(self.display, error, max_bytes, what)
        else:
            self.display = str(source) if display is None else display
            data = read_user_bytes(source, max_bytes=max_bytes, error=error,
                                   display=self.display, what=what)
        self.error = error
        self.describe = describe or (lambda reason: f"{what} rusak atau tidak aman: {reason}")
        self.max_member = max_member
        self.buffer = io.BytesIO(data)
        try:
            self.zip = zipfile.ZipFile(self.buffer)
            infos = self.zip.infolist()
        except ZIP_ERRORS as exc:
            self._bad(f"bukan arsip zip yang utuh ({_zip_reason(exc)})")
        if len(infos) > max_members:
            self._bad(f"berisi {len(infos)} bagian; batasnya {max_members}")
        total = 0
        for info in infos:
            if info.flag_bits & 0x1:
                self._bad(f"bagian '{info.filename}' dienkripsi (dilindungi kata sandi)")
            if info.compress_type not in _ZIP_METHODS:
                self._bad(f"bagian '{info.filename}' memakai metode kompresi yang tidak "
                          f"didukung ({info.compress_type})")
            if info.file_size > max_member:
                self._bad(f"bagian '{info.filename}' terlalu besar setelah dibuka "
                          f"({_size_text(info.file_size)}; batasnya {_size_text(max_member)})")
            total += info.file_size
        if total > max_total:
            self._bad(f"isinya terlalu besar setelah dibuka ({_size_text(total)}; batasnya "
                      f"{_size_text(max_total)})")

    def _bad(self, reason: str) -> NoReturn:
        _raise(self.error, self.display, self.describe(reason))

    def names(self) -> list[str]:
        return self.zip.namelist()

    def declared_size(self, name: str) -> int:
        """The inflated size the archive declares for ``name`` (checked against the cap
        on opening); refused when the member is missing."""
        try:
            return self.zip.getinfo(name).file_size
        except KeyError:
            self._bad(f"bagian '{name}' tidak ada")

    def read(self, name: str, limit: int | None = None) -> bytes:
        """Inflate one member, counting: never more than ``limit`` (default: the member
        cap) bytes, whatever its header says."""
        limit = self.max_member if limit is None else min(limit, self.max_member)
        try:
            info = self.zip.getinfo(name)
        except KeyError:
            self._bad(f"bagian '{name}' tidak ada")
        if info.file_size > limit:
            self._bad(f"bagian '{name}' terlalu besar ({_size_text(info.file_size)})")
        parts: list[bytes] = []
        total = 0
        try:
            with self.zip.open(info) as fh:
                while chunk := fh.read(min(_CHUNK, limit + 1 - total)):
                    parts.append(chunk)
                    total += len(chunk)
                    if total > limit:
                        self._bad(f"bagian '{name}' lebih besar daripada yang tertulis")
        except ZIP_ERRORS as exc:
            self._bad(f"bagian '{name}' tidak dapat dibuka ({_zip_reason(exc)})")
        return b"".join(parts)

    def close(self) -> None:
        self.zip.close()

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _zip_reason(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    if "CRC" in text:
        return "isi tidak cocok dengan ceknya (CRC); berkas rusak saat disalin"
    if isinstance(exc, zlib.error | EOFError):
        return "data terkompresi rusak atau terpotong"
    if isinstance(exc, NotImplementedError):
        return "metode kompresi tidak didukung"
    if isinstance(exc, RuntimeError):
        return "dienkripsi atau rusak"
    return "struktur zip rusak"



# --------------------------------------------------------------------------- writing

SQLITE_MAGIC = b"SQLite format 3\x00"
STORE_APPLICATION_ID = 0x4B41534E  # "KASN": the results store's PRAGMA application_id
STORE_NAME = "results.sqlite3"  # the results store's file name in a data folder
_STORE_COMPANIONS = ("-wal", "-shm", "-journal")
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")

OUTPUT_KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    # kind: (what it is called, the suffixes a file of that kind carries)
    "csv": ("CSV", (".csv", ".txt", ".tsv", "")),
    "xlsx": ("XLSX", (".xlsx", ".xlsm")),
    "package": ("paket hasil (.kuis-hasil)", (".kuis-hasil",)),
    "session": ("berkas sesi (.kuis-sesi)", (".kuis-sesi",)),
    "pdf": ("PDF", (".pdf",)),
    "yaml": ("bank soal YAML", (".yaml", ".yml")),
}


def _is_store(path: Path) -> bool:
    """Does ``path`` hold a Kuis ASN results database (by its header), whatever its name?"""
    head = peek_user_file(path, 100) or b""
    return head.startswith(SQLITE_MAGIC) and len(head) >= 72 and \
        int.from_bytes(head[68:72], "big") == STORE_APPLICATION_ID


def _looks_like(kind: str, name: str, head: bytes) -> bool:
    suffixes = OUTPUT_KINDS[kind][1]
    if Path(name).suffix.lower() not in suffixes:
        return False
    if kind in ("csv", "yaml"):
        return b"\x00" not in head and not head.startswith((SQLITE_MAGIC, *_ZIP_MAGIC))
    if kind in ("xlsx", "package"):
        return head.startswith(_ZIP_MAGIC)
    if kind == "pdf":
        return head.startswith(b"%PDF")
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") and b"kuis-sesi" in head


def check_output(target: Path | str, kind: str, *, force: bool = False,
                 protected: tuple[Path, ...] = (), error: ErrorType = QuizError) -> Path:
    """Refuse an output path that would destroy something, before anything is written.

    Never (whatever ``force``): a name that cannot exist (NUL, too long), a symlink (a
    file is never replaced through one), a folder, a FIFO or a device, a Kuis ASN results
    database or its ``-wal``/``-shm``/``-journal`` anywhere, and anything inside a
    sub-folder of a ``protected`` data folder (its resume and settings files). Without
    ``force``: an existing, non-empty file that is not of ``kind`` (by its suffix and its
    first bytes) — a bank, a picture or a database is not overwritten by a CSV.
    Returns the target as a Path."""
    target = Path(target)
    name = target.name or str(target)
    problem = path_problem(str(target))
    if problem is not None:
        _raise(error, name[:80], f"{problem}; pilih nama yang lebih pendek")
    try:
        st = os.lstat(target)
    except (FileNotFoundError, NotADirectoryError):
        st = None  # nothing to protect; writing there fails with the writer's own message
    except OSError as exc:
        _raise(error, name, _os_message(exc))
    if st is not None and stat.S_ISLNK(st.st_mode):
        _raise(error, name, "ini tautan simbolik (symlink); berkas tidak pernah ditimpa lewat "
               "tautan. Pilih nama berkas lain")
    if st is not None and stat.S_ISDIR(st.st_mode):
        _raise(error, name, "ini sebuah folder; pilih nama berkas")
    if st is not None and not stat.S_ISREG(st.st_mode):
        _raise(error, name, not_regular_reason(st.st_mode))
    store_hint = ("ini basis data hasil Kuis ASN (atau berkas pendampingnya); menimpanya "
                  "menghapus semua hasil. Pilih nama dan folder lain")
    try:
        real = target.parent.resolve() / target.name
    except (OSError, RuntimeError):
        real = target
    for folder in protected:
        try:
            base = Path(folder).resolve()
        except (OSError, RuntimeError):
            continue
        if real.parent == base and real.name.startswith(STORE_NAME):
            _raise(error, name, store_hint)
        if real.parent != base and real.is_relative_to(base):
            _raise(error, name, "ini berkas di dalam folder data aplikasi (hasil tes, berkas "
                   "lanjutan); pilih folder lain untuk berkas ekspor")
    companion = next((s for s in _STORE_COMPANIONS if target.name.endswith(s)), None)
    if (st is not None and _is_store(target)) or (
            companion and _is_store(target.with_name(target.name[: -len(companion)]))):
        _raise(error, name, store_hint)
    if st is not None and st.st_size > 0 and not force:
        head = peek_user_file(target, 4096) or b""
        if not _looks_like(kind, target.name, head):
            label = OUTPUT_KINDS[kind][0]
            _raise(error, name, f"berkas ini sudah ada dan bukan berkas {label}; pilih nama "
                   "lain, atau tambahkan --force untuk menimpanya")
    return target
