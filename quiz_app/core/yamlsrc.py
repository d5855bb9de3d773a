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

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import Issue

try:  # libyaml's composer is several times faster; fall back to pure Python.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_DEPTH = 40

_T = "tag:yaml.org,2002:"
_STR, _NULL, _BOOL, _INT, _FLOAT = _T + "str", _T + "null", _T + "bool", _T + "int", _T + "float"
_TIMESTAMP, _MAP, _SEQ = _T + "timestamp", _T + "map", _T + "seq"

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
    """Read a UTF-8 text file defensively; problems land in ``Source.issues``."""
    src = Source(path, display if display is not None else str(path))
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        src.issue(0, "berkas tidak ditemukan; periksa nama dan foldernya")
        return src
    except OSError as exc:
        src.issue(0, f"berkas tidak dapat dibaca ({exc.strerror})")
        return src
    if path.is_dir():
        src.issue(0, "ini sebuah folder, bukan berkas YAML")
        return src
    if size > MAX_FILE_BYTES:
        src.issue(0, f"berkas terlalu besar ({size / 1024 / 1024:.1f} MiB); batasnya 32 MiB")
        return src
    try:
        data = path.read_bytes()
    except OSError as exc:
        src.issue(0, f"berkas tidak dapat dibaca ({exc.strerror})")
        return src
    src.data = data
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        src.issue(1, "berkas tersimpan sebagai UTF-16; simpan ulang dengan pengodean UTF-8")
        return src
    if b"\x00" in data:
        src.issue(0, "ini berkas biner, bukan teks YAML; pilih berkas .yaml bank soal")
        return src
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        src.issue(
            (line, col),
            f"berkas bukan UTF-8 (byte 0x{data[exc.start]:02x}); simpan ulang dengan "
            "pengodean UTF-8 (di Notepad: Simpan Sebagai → Encoding: UTF-8)",
        )
        return src
    src.text = text.replace("\r\n", "\n")
    return src


_PROBLEMS = {
    "mapping values are not allowed": (
        "titik dua (:) di tempat yang tidak diharapkan; teks yang berisi ': ' "
        "perlu diapit tanda kutip, atau gunakan blok '|'"
    ),
    "could not find expected ':'": (
        "baris ini tidak berbentuk 'kunci: nilai'; periksa titik dua dan indentasi"
    ),
    "did not find expected key": "indentasi tidak sejajar dengan baris sebelumnya",
    "did not find expected '-' indicator": "butir daftar harus diawali '- ' sejajar",
    "found unexpected end of stream": "tanda kutip atau kurung tidak ditutup",
    "found character that cannot start any token": "karakter ini tidak boleh mengawali nilai",
    "expected a single document in the stream": (
        "berkas berisi lebih dari satu dokumen ('---'); satu berkas untuk satu bank"
    ),
}


def _syntax_issue(src: Source, exc: yaml.YAMLError) -> None:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    pos: Pos = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
    if isinstance(exc, yaml.reader.ReaderError):
        before = src.text[: exc.position]
        pos = (before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1)
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        src.issue(pos, f"karakter kontrol U+{char:04X} tidak boleh ada; hapus karakter itu")
        return
    for english, indonesian in _PROBLEMS.items():
        if english in problem:
            src.issue(pos, f"sintaks YAML tidak valid: {indonesian}")
            return
    src.issue(pos, f"sintaks YAML tidak valid ({problem}); periksa baris ini dan sebelumnya")


def _check_tabs(src: Source) -> bool:
    found = False
    for n, line in enumerate(src.text.split("\n"), start=1):
        stripped = line.lstrip(" \t")
        indent = line[: len(line) - len(stripped)]
        if "\t" in indent:
            src.issue(
                (n, indent.index("\t") + 1),
                "tab dipakai untuk indentasi; YAML hanya menerima spasi — ganti tab dengan spasi",
            )
            found = True
    return found


def parse_yaml(src: Source) -> Any:
    """Compose ``src.text`` and convert it to LocMap/LocList/scalars, or None on failure."""
    if src.issues:
        return None
    if _check_tabs(src):
        return None
    try:
        node = yaml.compose(src.text, Loader=_Loader)
    except yaml.YAMLError as exc:
        _syntax_issue(src, exc)
        return None
    except RecursionError:
        src.issue(0, f"struktur YAML bersarang terlalu dalam (lebih dari {MAX_DEPTH} tingkat)")
        return None
    value = None
    if node is not None:
        walker = _Walker(src)
        value = walker.walk(node, 0)
        if walker.fatal:
            # Tags and aliases make the structure untrustworthy: report them alone.
            return None
    if value is None:
        src.issue(1, "berkas kosong; isi dengan bank soal (lihat docs/bank-format.md)")
    return value


class _Walker:
    def __init__(self, src: Source) -> None:
        self.src = src
        self.seen: set[int] = set()
        self.fatal = False
        self.scalars = SafeConstructor()

    def _scalar(self, node: ScalarNode) -> Any:
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag == _NULL:
            return None
        try:
            if tag == _BOOL:
                return self.scalars.construct_yaml_bool(node)
            if tag == _INT:
                return self.scalars.construct_yaml_int(node)
            if tag == _FLOAT:
                return self.scalars.construct_yaml_float(node)
        except (ValueError, ConstructorError):
            return node.value
        if tag == _TIMESTAMP:
            return node.value
        self._bad_tag(node)
        return node.value

    def _bad_tag(self, node: Node) -> None:
        self.fatal = True
        tag = node.tag.replace(_T, "!!")
        self.src.issue(
            _pos(node),
            f"tag YAML '{tag}' tidak diizinkan; hapus tag itu (bank soal hanya berisi teks, "
            "angka, daftar dan pemetaan)",
        )

    def walk(self, node: Node, depth: int) -> Any:
        if id(node) in self.seen:
            self.fatal = True
            self.src.issue(
                _pos(node),
                "alias YAML (&anker / *alias) tidak didukung; tulis nilainya secara lengkap",
            )
            return None
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            self.src.issue(_pos(node), f"struktur bersarang lebih dari {MAX_DEPTH} tingkat")
            return None
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        if isinstance(node, SequenceNode):
            if node.tag != _SEQ:
                self._bad_tag(node)
            seq = LocList(*_pos(node))
            for item in node.value:
                seq.append(self.walk(item, depth + 1))
                seq.item_pos.append(_pos(item))
                seq.raw.append(item.value if isinstance(item, ScalarNode) else None)
            return seq
        assert isinstance(node, MappingNode)
        if node.tag != _MAP:
            self._bad_tag(node)
        mapping = LocMap(*_pos(node))
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.src.issue(_pos(key_node), "kunci harus berupa teks biasa")
                continue
            if key_node.tag == _T + "merge":
                self.src.issue(_pos(key_node), "kunci gabungan '<<' tidak didukung")
                continue
            key = str(key_node.value)
            if key in mapping.key_pos:
                first = mapping.key_pos[key][0]
                self.src.issue(
                    _pos(key_node),
                    f"kunci '{key}' ditulis dua kali (pertama di baris {first}); hapus salah satu",
                )
                continue
            mapping.key_pos[key] = _pos(key_node)
            mapping.val_pos[key] = _pos(value_node)
            mapping[key] = self.walk(value_node, depth + 1)
            if isinstance(value_node, ScalarNode):
                mapping.raw[key] = value_node.value
        return mapping


def _pos(node: Node) -> Pos:
    return (node.start_mark.line + 1, node.start_mark.column + 1)
