"""The PyYAML side of :mod:`yamlsrc`: compose with libyaml, walk nodes, locate problems."""

from __future__ import annotations

import gc
import re
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .yamlsrc import MAX_DEPTH, LocList, LocMap, Pos, Source

try:  # libyaml's composer is several times faster; fall back to pure Python.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_T = "tag:yaml.org,2002:"
_STR, _NULL, _BOOL, _INT, _FLOAT = _T + "str", _T + "null", _T + "bool", _T + "int", _T + "float"
_TIMESTAMP, _MAP, _SEQ = _T + "timestamp", _T + "map", _T + "seq"

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
    context_mark = getattr(exc, "context_mark", None)
    if getattr(exc, "context", None) == "while scanning a quoted scalar" and \
            context_mark is not None:
        # libyaml reports an unclosed quote where the file ends; the trainer needs the line
        # where the quote opens.
        quote = src.text[context_mark.index:context_mark.index + 1] or '"'
        src.issue((context_mark.line + 1, context_mark.column + 1),
                  f"sintaks YAML tidak valid: tanda kutip {quote} dibuka di sini tetapi tidak "
                  "pernah ditutup; tambahkan tanda kutip penutup di akhir teksnya")
        return
    for english, indonesian in _PROBLEMS.items():
        if english in problem:
            src.issue(pos, f"sintaks YAML tidak valid: {indonesian}")
            return
    src.issue(pos, f"sintaks YAML tidak valid ({problem}); periksa baris ini dan sebelumnya")


_TAB_INDENT = re.compile(r"^[ \t]*\t", re.MULTILINE)


MAX_TAB_ISSUES = 20


def _check_tabs(src: Source) -> bool:
    """Report tab indentation, line by line in one linear pass (the first
    :data:`MAX_TAB_ISSUES` lines, then how many more)."""
    text = src.text
    line, counted_to, found = 1, 0, 0
    for match in _TAB_INDENT.finditer(text):
        line += text.count("\n", counted_to, match.start())
        counted_to = match.start()
        found += 1
        if found <= MAX_TAB_ISSUES:
            src.issue(
                (line, text.index("\t", match.start()) - match.start() + 1),
                "tab dipakai untuk indentasi; YAML hanya menerima spasi — ganti tab dengan "
                "spasi",
            )
    if found > MAX_TAB_ISSUES:
        src.issue(line, f"dan {found - MAX_TAB_ISSUES} baris lain juga memakai tab untuk "
                  "indentasi (baris terakhir ini); ganti semua tab dengan spasi")
    return found > 0


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


def parse(src: Source) -> Any:
    if src.issues:
        return None
    if _check_tabs(src):
        return None
    # Composing and walking allocate hundreds of thousands of objects that all stay alive;
    # the cyclic GC would rescan them again and again for nothing. Pause it meanwhile.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
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
    finally:
        if gc_was_enabled:
            gc.enable()
    if value is None:
        src.issue(1, "berkas kosong; isi dengan bank soal (lihat docs/bank-format.md)")
    return value


