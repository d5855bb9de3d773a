"""NIP (Nomor Induk Pegawai) of Indonesian civil servants: normalise, validate, format.

Two 18-digit layouts are accepted (digit 13, index 12, tells them apart):

* PNS (Perka BKN 22/2007): birth date ``YYYYMMDD`` + TMT CPNS ``YYYYMM`` + sex ``1``/``2``
  + serial ``001``-``999``. Digit 13 is ``0`` or ``1`` (first digit of the TMT month).
* PPPK: birth date ``YYYYMMDD`` + year appointed ``YYYY`` + ``2`` + contract number
  ``1``-``9`` + sex ``1``/``2`` + serial ``001``-``999``.

Sanity rules (there is no check digit, so these are the only guards):

* the birth date must exist in the calendar, lie in 1900 or later and not after ``today``;
* the TMT CPNS / appointment year must be at least birth year + 18 (minimum age to become
  CPNS or PPPK) and at most ``today.year + 1`` (an SK can be issued for next year's TMT);
* a PNS TMT month is 01-12; a PPPK contract digit is 1-9; the sex digit is 1 or 2;
  the serial is never 000.

Excel damage is recognised and explained: scientific notation (``1,98503E+17``), a
decimal tail (``...002.0``) and a number rounded to 15 significant digits (ends in
``000``). Messages are in Bahasa Indonesia and say how to fix the cell in Excel.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..errors import QuizError
from ..model import EmployeeType

NIP_LENGTH = 18
MIN_BIRTH_YEAR = 1900
MIN_AGE_AT_APPOINTMENT = 18

# Whitespace of any kind (NBSP from web pages, zero-width space, BOM) and dots.
_STRIP_RE = re.compile(r"[\s.\u200b\u200c\u200d\ufeff]+")
_APOSTROPHES = "'\u2018\u2019`"
_SCIENTIFIC_RE = re.compile(r"^[+-]?\d+(?:[.,]\d*)?[eE][+-]?\d+$")
_DECIMAL_TAIL_RE = re.compile(r"^(\d{18})([.,]0+)$")

_FIX_TEXT = (
    "Di Excel: format kolom NIP sebagai Teks (klik kanan > Format Cells > Text), "
    "lalu ketik ulang NIP lengkap 18 digit"
)
_FIX_CHECK = "Cocokkan dengan SK atau kartu ASN, lalu perbaiki sel NIP di Excel"


class NipError(QuizError):
    """A NIP is malformed or impossible; the message (Indonesian) says how to fix it."""


@dataclass(frozen=True)
class NipInfo:
    """What an 18-digit NIP encodes.

    ``appointment_year`` is the TMT CPNS year (PNS) or the year appointed (PPPK).
    ``tmt_month`` is set for PNS only, ``contract`` (digit 14) for PPPK only.
    ``sex`` is 1 for male, 2 for female.
    """

    nip: str
    employee_type: EmployeeType
    birth_date: date
    sex: int
    appointment_year: int
    tmt_month: int | None
    contract: int | None
    serial: int

    @property
    def formatted(self) -> str:
        return format_nip(self.nip)


def normalize_nip(raw: str) -> str:
    """Remove spaces (any kind), dots and a leading apostrophe. No validation."""
    text = raw.strip().lstrip(_APOSTROPHES)
    return _STRIP_RE.sub("", text)


def format_nip(nip: str) -> str:
    """Spaced display form.

    PNS ``19850312 201001 1 002`` (the official way of writing it);
    PPPK ``20001231 2024 2 1 1 001`` (birth date, year, PPPK marker, contract, sex, serial).
    A value that is not 18 digits is returned normalised but otherwise unchanged.
    """
    n = normalize_nip(nip)
    if len(n) != NIP_LENGTH or not n.isascii() or not n.isdigit():
        return n
    if n[12] == "2":
        return f"{n[:8]} {n[8:12]} {n[12]} {n[13]} {n[14]} {n[15:]}"
    return f"{n[:8]} {n[8:14]} {n[14]} {n[15:]}"


def _shown(raw: str) -> str:
    return raw.strip()


def _check_form(raw: str) -> str:
    """Checks of the written form; returns the 18 normalised digits or raises."""
    shown = _shown(raw)
    if not normalize_nip(raw):
        raise NipError("NIP kosong. Isi 18 digit NIP, atau kosongkan kolom NIP untuk peserta tamu.")
    compact = re.sub(r"\s+", "", shown).lstrip(_APOSTROPHES)
    if _SCIENTIFIC_RE.match(compact):
        raise NipError(
            f"NIP '{shown}' tertulis dalam notasi ilmiah: Excel menyimpannya sebagai angka "
            f"dan digit terakhirnya sudah hilang. {_FIX_TEXT}."
        )
    tail = _DECIMAL_TAIL_RE.match(compact)
    if tail:
        raise NipError(
            f"NIP '{shown}' tertulis sebagai angka desimal. Hapus '{tail.group(2)}' di "
            f"belakangnya; {_FIX_TEXT[0].lower()}{_FIX_TEXT[1:]}."
        )
    n = normalize_nip(raw)
    bad = sorted({c for c in n if not ("0" <= c <= "9")})
    if bad:
        chars = " ".join(repr(c) for c in bad)
        raise NipError(
            f"NIP '{shown}' berisi karakter selain angka ({chars}). NIP hanya terdiri dari "
            "18 angka (spasi dan titik boleh); hapus huruf atau tanda lain di sel tersebut."
        )
    if len(n) != NIP_LENGTH:
        raise NipError(
            f"NIP '{shown}' terdiri dari {len(n)} digit, seharusnya {NIP_LENGTH}. "
            f"{_FIX_CHECK}; format kolom NIP sebagai Teks agar angka tidak terpotong."
        )
    if n.endswith("000"):
        raise NipError(
            f"NIP '{shown}' berakhiran 000, padahal nomor urut tidak pernah 000: tampaknya "
            "Excel membulatkannya karena kolom NIP berformat angka (Excel hanya menyimpan "
            f"15 digit). {_FIX_TEXT} dari SK atau kartu ASN."
        )
    return n


def parse_nip(raw: str, today: date | None = None) -> NipInfo:
    """Validate ``raw`` (spaces, dots, a leading apostrophe allowed) and decode it.

    Raises NipError with an Indonesian message saying what is wrong and how to fix it.
    """
    today = today or date.today()
    n = _check_form(raw)
    problems: list[str] = []

    birth: date | None = None
    by, bm, bd = int(n[0:4]), int(n[4:6]), int(n[6:8])
    try:
        birth = date(by, bm, bd)
    except ValueError:
        problems.append(f"tanggal lahir (digit 1-8) '{n[:8]}' bukan tanggal yang ada")
    else:
        if by < MIN_BIRTH_YEAR:
            problems.append(f"tahun lahir {by} (digit 1-4) tidak masuk akal")
            birth = None
        elif birth > today:
            problems.append(f"tanggal lahir {birth:%d-%m-%Y} (digit 1-8) belum terjadi")
            birth = None

    year = int(n[8:12])
    marker = n[12]
    tmt_month: int | None = None
    contract: int | None = None
    if marker == "2":
        etype = EmployeeType.PPPK
        year_label = "tahun pengangkatan PPPK (digit 9-12)"
        contract = int(n[13])
        if contract == 0:
            problems.append("nomor kontrak PPPK (digit 14) harus 1-9, bukan 0")
    elif marker in "01":
        etype = EmployeeType.PNS
        year_label = "tahun TMT CPNS (digit 9-12)"
        tmt_month = int(n[12:14])
        if not 1 <= tmt_month <= 12:
            problems.append(f"bulan TMT CPNS (digit 13-14) '{n[12:14]}' harus 01-12")
    else:
        etype = EmployeeType.PNS
        year_label = "tahun TMT CPNS (digit 9-12)"
        problems.append(
            f"digit ke-13 '{marker}' harus 0 atau 1 (awal bulan TMT CPNS untuk PNS) "
            "atau 2 (penanda PPPK)"
        )

    if birth is not None and year < birth.year + MIN_AGE_AT_APPOINTMENT:
        problems.append(
            f"{year_label} {year} kurang dari {MIN_AGE_AT_APPOINTMENT} tahun setelah "
            f"tahun lahir {birth.year}"
        )
    if year > today.year + 1:
        problems.append(f"{year_label} {year} melewati tahun {today.year + 1}")

    sex = int(n[14])
    if sex not in (1, 2):
        problems.append(f"digit ke-15 (jenis kelamin) '{n[14]}' harus 1 (pria) atau 2 (wanita)")

    if problems or birth is None:
        raise NipError(f"NIP '{_shown(raw)}' tidak valid: {'; '.join(problems)}. {_FIX_CHECK}.")
    return NipInfo(
        nip=n,
        employee_type=etype,
        birth_date=birth,
        sex=sex,
        appointment_year=year,
        tmt_month=tmt_month,
        contract=contract,
        serial=int(n[15:]),
    )


def nip_problem(raw: str, today: date | None = None) -> str | None:
    """None when ``raw`` is a valid NIP, else the Indonesian message (for live UI checks)."""
    try:
        parse_nip(raw, today)
    except NipError as e:
        return e.message
    return None
