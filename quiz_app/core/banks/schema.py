"""Small typed field readers over :class:`LocMap` that record located issues.

Each reader returns the value (or a default) and, when the value is wrong, adds one
:class:`Issue` that says what to write instead. Used by the bank and plan loaders.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable
from typing import Any

from .yamlsrc import LocList, LocMap, Source

SLUG = re.compile(r"[a-z0-9][a-z0-9-]*\Z")

TYPE_NAMES = {
    bool: "true/false",
    int: "bilangan bulat",
    float: "angka",
    str: "teks",
    LocMap: "pemetaan (kunci: nilai)",
    LocList: "daftar (butir diawali '- ')",
    type(None): "kosong",
}


def describe(value: Any) -> str:
    return TYPE_NAMES.get(type(value), type(value).__name__)


class Fields:
    """Reads the fields of one mapping, for one bank/plan/question."""

    def __init__(self, src: Source, mapping: LocMap, what: str, qid: str | None = None) -> None:
        self.src = src
        self.m = mapping
        self.what = what  # e.g. "soal", "kategori", "bank"
        self.qid = qid

    def issue(self, key: str | None, message: str) -> None:
        pos = self.m.pos(key) if key else (self.m.line, self.m.col)
        self.src.issue(pos, message, self.qid)

    def unknown_keys(self, allowed: Iterable[str]) -> None:
        allowed = list(allowed)
        for key in self.m:
            if key in allowed:
                continue
            guess = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            if guess:
                hint = f" — maksud Anda '{guess[0]}'?"
            else:
                hint = "; kolom yang boleh: " + ", ".join(allowed)
            self.src.issue(self.m.kpos(key), f"kolom '{key}' tidak dikenal{hint}", self.qid)

    def has(self, key: str) -> bool:
        return key in self.m and self.m[key] is not None

    def missing(self, key: str) -> None:
        self.issue(None, f"kolom wajib '{key}' tidak ada di {self.what} ini; tambahkan '{key}: …'")

    def text(self, key: str, required: bool = False, default: str = "") -> str:
        """A text field. Numbers and YAML booleans keep their source text (``No`` stays "No")."""
        if key not in self.m or self.m[key] is None:
            if required:
                if key in self.m:
                    self.issue(key, f"kolom '{key}' kosong; isi dengan teks")
                else:
                    self.missing(key)
            return default
        value = self.m[key]
        if isinstance(value, LocMap | LocList):
            self.issue(key, f"kolom '{key}' harus berupa teks, bukan {describe(value)}")
            return default
        text = value if isinstance(value, str) else self.m.raw.get(key, str(value))
        if required and not text.strip():
            self.issue(key, f"kolom '{key}' kosong; isi dengan teks")
        return text.strip()

    def slug(self, key: str, required: bool = True) -> str:
        value = self.text(key, required=required)
        if value and not SLUG.match(value):
            self.issue(
                key,
                f"'{value}' bukan pengenal yang sah; gunakan huruf kecil, angka dan tanda '-' "
                f"(contoh: '{_slugify(value)}')",
            )
        return value

    def boolean(self, key: str, default: bool) -> bool:
        if not self.has(key):
            return default
        value = self.m[key]
        if isinstance(value, bool):
            return value
        shown = self.m.raw.get(key, value)
        self.issue(key, f"kolom '{key}' harus true atau false, bukan '{shown}'")
        return default

    def integer(self, key: str, low: int, high: int, default: int | None = None) -> int | None:
        if not self.has(key):
            return default
        value = self.m[key]
        if isinstance(value, bool) or not isinstance(value, int):
            shown = self.m.raw.get(key, describe(value))
            self.issue(key, f"kolom '{key}' harus bilangan bulat {low}–{high}, bukan '{shown}'")
            return default
        if not low <= value <= high:
            self.issue(key, f"kolom '{key}' = {value} di luar batas; gunakan {low}–{high}")
            return default
        return value

    def number(self, key: str, low: float, high: float, default: float,
               low_open: bool = False) -> float:
        if not self.has(key):
            return default
        value = self.m[key]
        if isinstance(value, bool) or not isinstance(value, int | float):
            shown = self.m.raw.get(key, describe(value))
            self.issue(key, f"kolom '{key}' harus berupa angka, bukan '{shown}'")
            return default
        if not math.isfinite(value):
            shown = self.m.raw.get(key, str(value))
            self.issue(key, f"kolom '{key}' harus berupa angka biasa, bukan '{shown}' (NaN atau "
                       "tak hingga)")
            return default
        too_low = value <= low if low_open else value < low
        if too_low or value > high:
            bound = f"lebih dari {low:g}" if low_open else f"{low:g}–{high:g}"
            self.issue(key, f"kolom '{key}' = {value:g} tidak sah; gunakan angka {bound}")
            return default
        return float(value)

    def choice(self, key: str, choices: Iterable[str], default: str) -> str:
        choices = list(choices)
        if not self.has(key):
            return default
        value = self.text(key)
        if value in choices:
            return value
        guess = difflib.get_close_matches(value, choices, n=1, cutoff=0.5)
        hint = f" — maksud Anda '{guess[0]}'?" if guess else ""
        options = ", ".join(choices)
        self.issue(key, f"'{value}' bukan nilai '{key}' yang sah{hint}; pilih: {options}")
        return default

    def mapping(self, key: str, required: bool = False) -> LocMap | None:
        if not self.has(key):
            if required:
                self.missing(key)
            return None
        value = self.m[key]
        if not isinstance(value, LocMap):
            self.issue(
                key, f"kolom '{key}' harus berupa pemetaan (kunci: nilai), bukan {describe(value)}"
            )
            return None
        return value

    def sequence(self, key: str, required: bool = False) -> LocList | None:
        if not self.has(key):
            if required:
                self.missing(key)
            return None
        value = self.m[key]
        if not isinstance(value, LocList):
            self.issue(key, f"kolom '{key}' harus berupa daftar (butir diawali '- '), bukan "
                       f"{describe(value)}")
            return None
        return value


def _slugify(value: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
    return slug or "soal-1"
