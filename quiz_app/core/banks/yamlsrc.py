"""Safe, located YAML loading for files that trainers write by hand.

PyYAML's own constructor silently keeps the last of two duplicate keys, follows aliases
(alias bombs), builds Python objects for ``!!python`` tags and reports errors in English
with a traceback. Here we only *compose* the document (libyaml when available) and walk
the node tree ourselves, so that every value keeps its line and column and every problem
becomes an :class:`Issue` with a message in Bahasa Indonesia.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Issue, QuizError
from ..userfile import decode_utf8, read_user_bytes

MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_DEPTH = 40

Pos = tuple[int, int]


class LocMap(dict[str, Any]):
    """A YAML mapping that remembers where it, its keys and its values stand (1-based)."""

    line: int
    col: int

    def __init__(self, line: int, col: int) -> None:
        super().__init__()
        self.line, self.col = line, col
        self.key_pos: dict[str, Pos] = {}
        self.val_pos: dict[str, Pos] = {}
        self.raw: dict[str, str] = {}  # the source text of scalar values

    def pos(self, key: str) -> Pos:
        """Where the value of ``key`` stands, or the mapping itself if the key is absent."""
        return self.val_pos.get(key, (self.line, self.col))

    def kpos(self, key: str) -> Pos:
        return self.key_pos.get(key, (self.line, self.col))


class LocList(list[Any]):
    """A YAML sequence that remembers where it and its items stand (1-based)."""

    line: int
    col: int

    def __init__(self, line: int, col: int) -> None:
        super().__init__()
        self.line, self.col = line, col
        self.item_pos: list[Pos] = []
        self.raw: list[str | None] = []

    def pos(self, index: int) -> Pos:
        return self.item_pos[index]


@dataclass
class Source:
    """A file read for validation: its display path, its text, and problems so far."""

    path: Path
    display: str
    text: str = ""
    data: bytes = b""
    issues: list[Issue] = field(default_factory=list)

    def issue(self, pos: Pos | int, message: str, question_id: str | None = None) -> None:
        line, col = (pos, 0) if isinstance(pos, int) else pos
        self.issues.append(Issue(self.display, line, col, message, question_id))


def read_source(path: Path, display: str | None = None) -> Source:
    """Read a UTF-8 text file through the guarded reader; problems land in ``Source.issues``
    (a folder, a FIFO or a device, too big, UTF-16, binary, not UTF-8: each located)."""
    src = Source(path, display if display is not None else str(path))
    try:
        data = read_user_bytes(path, max_bytes=MAX_FILE_BYTES, error=QuizError,
                               display=src.display, what="berkas YAML")
    except QuizError as exc:
        src.issues.extend(exc.issues)
        return src
    src.data = data
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        src.issue(1, "berkas tersimpan sebagai UTF-16; simpan ulang dengan pengodean UTF-8")
        return src
    if b"\x00" in data:
        src.issue(0, "ini berkas biner, bukan teks YAML; pilih berkas .yaml bank soal")
        return src
    try:
        text = decode_utf8(data, src.display, error=QuizError,
                           hint="simpan ulang dengan pengodean UTF-8 (di Notepad: Simpan "
                           "Sebagai → Encoding: UTF-8)")
    except QuizError as exc:
        src.issues.extend(exc.issues)
        return src
    src.text = text.replace("\r\n", "\n")
    return src


def parse_yaml(src: Source) -> Any:
    """Compose ``src.text`` and convert it to LocMap/LocList/scalars, or None on failure.

    PyYAML is imported here, not at module level: a cached bank never needs it.
    """
    from ._yamlwalk import parse

    return parse(src)
