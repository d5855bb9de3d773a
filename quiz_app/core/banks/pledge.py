"""Pledge texts (ikrar): a small ``kuis-ikrar/1`` YAML file kept next to the banks.

Read through the same guarded reader as banks (:func:`read_source`, :func:`parse_yaml`:
size cap, UTF-8, depth cap, located errors). The bundled
``question_banks/ikrar/ikrar_netralitas.yaml`` is an *example to adapt*, labelled as such:
the app never presents it as an official text.

Format (``docs/pledge-format.md``)::

    format: kuis-ikrar/1
    title: Ikrar Netralitas ASN (contoh)
    label: Contoh untuk disesuaikan — bukan teks resmi     # optional
    opening: "Kami, Aparatur Sipil Negara, dengan ini menyatakan:"   # optional
    lines: [ ... ]                                          # 1 to 20 lines
    closing: ...                                            # optional
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import BankError
from .resources import bundled_banks_dir
from .yamlsrc import LocList, LocMap, parse_yaml, read_source

__all__ = ["PLEDGE_FORMAT", "Pledge", "bundled_pledge_file", "load_pledge"]

PLEDGE_FORMAT = "kuis-ikrar/1"
PLEDGE_KEYS = ("format", "title", "label", "opening", "lines", "closing")
MAX_LINES = 20
MAX_LINE = 400
MAX_PLEDGE_BYTES = 64 * 1024


@dataclass(frozen=True)
class Pledge:
    title: str
    lines: tuple[str, ...]
    opening: str = ""
    closing: str = ""
    label: str = ""  # e.g. "Contoh untuk disesuaikan — bukan teks resmi"
    path: Path | None = None

    @property
    def digest(self) -> str:
        """Short fingerprint of the exact text confirmed (stored with each confirmation)."""
        text = "\n".join((self.title, self.opening, *self.lines, self.closing))
        return hashlib.sha256(text.encode()).hexdigest()[:12]

    @property
    def all_lines(self) -> tuple[str, ...]:
        """What is read aloud, in order."""
        return tuple(x for x in (self.opening, *self.lines, self.closing) if x)


def bundled_pledge_file() -> Path:
    return bundled_banks_dir() / "ikrar" / "ikrar_netralitas.yaml"


def load_pledge(path: Path | str, display: str | None = None) -> Pledge:
    """Load and validate a pledge file; raises :class:`BankError` with every problem."""
    path = Path(path)
    src = read_source(path, display)
    if not src.issues and len(src.data) > MAX_PLEDGE_BYTES:
        src.issue(0, f"berkas ikrar terlalu besar; batasnya {MAX_PLEDGE_BYTES // 1024} KiB")
    data = None if src.issues else parse_yaml(src)
    if data is not None and not isinstance(data, LocMap):
        src.issue(1, "berkas ikrar harus berisi pasangan kunci: nilai (format, title, lines)")
        data = None
    texts: dict[str, str] = {}
    lines: list[str] = []
    if isinstance(data, LocMap):
        for key in data:
            if key not in PLEDGE_KEYS:
                src.issue(data.kpos(key), f"kunci '{key}' tidak dikenal; yang dikenal: "
                          + ", ".join(PLEDGE_KEYS))
        if data.get("format") != PLEDGE_FORMAT:
            src.issue(data.pos("format") if "format" in data else 1,
                      f"format harus '{PLEDGE_FORMAT}'")
        for key in ("title", "label", "opening", "closing"):
            value = data.get(key, "")
            if not isinstance(value, str) or len(value) > MAX_LINE:
                src.issue(data.pos(key), f"'{key}' harus teks paling panjang {MAX_LINE} huruf")
                continue
            texts[key] = " ".join(value.split())
        if not texts.get("title"):
            src.issue(data.pos("title") if "title" in data else 1, "'title' wajib diisi")
        raw = data.get("lines")
        if not isinstance(raw, LocList) or not 1 <= len(raw) <= MAX_LINES:
            src.issue(data.pos("lines") if "lines" in data else 1,
                      f"'lines' harus daftar berisi 1 sampai {MAX_LINES} kalimat")
        else:
            for i, item in enumerate(raw):
                if not isinstance(item, str) or not item.strip() or len(item) > MAX_LINE:
                    src.issue(raw.pos(i), f"kalimat ke-{i + 1} harus teks (1 sampai "
                              f"{MAX_LINE} huruf)")
                else:
                    lines.append(" ".join(item.split()))
    if src.issues:
        raise BankError(src.issues)
    return Pledge(texts["title"], tuple(lines), texts.get("opening", ""),
                  texts.get("closing", ""), texts.get("label", ""), path)
