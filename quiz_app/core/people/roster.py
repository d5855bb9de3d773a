"""Participant roster import from CSV or XLSX.

Row-level problems (bad NIP, repeated NIP, NIP without a name) reject the row and are
reported as located Issues; rows without a NIP are kept as guests with a warning. Only a
file that cannot be read at all raises RosterError. See docs/roster-format.md.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from ..errors import Issue, RosterError
from ..model import Participant
from ..userfile import file_problem
from .nip import NipError, normalize_nip, parse_nip
from .rosterfile import Cell, csv_rows, xlsx_sheets

CSV_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
HEADER_SEARCH_ROWS = 10  # title rows above the header ("DAFTAR PESERTA ...") are skipped

# Normalised header (casefolded, only letters and digits) -> Participant field.
HEADER_ALIASES: dict[str, str] = {
    **dict.fromkeys(("nip", "nipbaru", "nomorindukpegawai"), "nip"),
    **dict.fromkeys(("nama", "namalengkap", "namapegawai", "namapeserta"), "name"),
    **dict.fromkeys(("jabatan", "namajabatan"), "position"),
    **dict.fromkeys(
        (
            "unitkerja",
            "opd",
            "unitorganisasi",
            "instansi",
            "satuankerja",
            "satker",
            "perangkatdaerah",
        ),
        "unit",
    ),
    **dict.fromkeys(
        ("golongan", "gol", "pangkatgolongan", "pangkatgol", "golonganruang", "golruang"),
        "rank",
    ),
}
EXPECTED_HEADERS = "NIP, Nama (wajib), Jabatan, Unit Kerja/OPD, Golongan"



@dataclass(frozen=True)
class Roster:
    path: Path
    participants: tuple[Participant, ...]
    issues: tuple[Issue, ...]

    @property
    def rejected(self) -> int:
        """Number of rows rejected (each has exactly one non-warning issue)."""
        return sum(1 for i in self.issues if not i.warning)

    @property
    def warnings(self) -> int:
        return sum(1 for i in self.issues if i.warning)

    @property
    def ok(self) -> bool:
        return self.rejected == 0

    def find(self, nip: str) -> Participant | None:
        key = normalize_nip(nip)
        if not key:
            return None
        for p in self.participants:
            if p.nip == key:
                return p
        return None


def header_key(header: str) -> str:
    """``'Pangkat / Golongan'`` -> ``'pangkatgolongan'``; case, spacing and punctuation ignored."""
    return re.sub(r"[\W_]+", "", header.casefold())


def _clean(text: str) -> str:
    return " ".join(text.split())


def _cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return _clean(str(value))


# --- interpreting rows --------------------------------------------------------------------


def _checked_name(text: str) -> tuple[str, str]:
    """The name without invisible format characters (zero-width space, soft hyphen, BOM),
    and why it is refused: control characters (a NUL from a damaged file), or nothing a
    reader could see."""
    if any(unicodedata.category(c) == "Cc" for c in text):
        return "", ("Nama berisi karakter kontrol (misalnya NUL) dari berkas yang rusak; "
                    "ketik ulang nama pada baris ini.")
    name = _clean("".join(c for c in text if unicodedata.category(c) != "Cf"))
    if text and not any(unicodedata.category(c)[0] in "LN" for c in name):
        return "", ("Nama hanya berisi karakter yang tidak terlihat atau tanda baca; ketik "
                    "ulang nama pada baris ini.")
    return name, ""


def _blank(cells: Sequence[Cell]) -> bool:
    return all(_cell_text(c) == "" for c in cells)


def _find_header(
    rows: Sequence[tuple[int, list[Cell]]],
) -> tuple[int, dict[str, int], list[str]] | None:
    """(index in rows, field -> column, header texts) of the first row with a Nama column."""
    seen = 0
    for idx, (_line, cells) in enumerate(rows):
        if _blank(cells):
            continue
        seen += 1
        headers = [_cell_text(c) for c in cells]
        fields: dict[str, int] = {}
        for col, h in enumerate(headers):
            field = HEADER_ALIASES.get(header_key(h))
            if field and field not in fields:  # a repeated column goes to ``extra``
                fields[field] = col
        if "name" in fields:
            return idx, fields, headers
        if seen >= HEADER_SEARCH_ROWS:
            break
    return None


def _found_headers(rows: Sequence[tuple[int, list[Cell]]]) -> str:
    for _line, cells in rows:
        if not _blank(cells):
            names = [t for t in (_cell_text(c) for c in cells) if t]
            return ", ".join(f"'{n}'" for n in names)
    return ""


def _no_name_error(path: Path, rows: Sequence[tuple[int, list[Cell]]]) -> RosterError:
    found = _found_headers(rows)
    return RosterError(
        f"Kolom Nama tidak ditemukan. Judul kolom yang ada: {found or '(tidak ada)'}. "
        f"Judul kolom yang dikenali: {EXPECTED_HEADERS}. Baris judul (baris "
        "pertama tabel) harus memuat kolom 'Nama', misalnya: NIP; Nama; Jabatan.",
        path,
    )


def _numeric_nip(value: int | float) -> str:
    shown = format(value, ".15G") if isinstance(value, float) else str(value)
    return (
        f"NIP tersimpan sebagai angka di Excel (terbaca {shown}); format kolom NIP sebagai "
        "Teks (klik kanan > Format Cells > Text) lalu ketik ulang NIP lengkap 18 digit. "
        "Excel hanya menyimpan 15 digit angka, jadi digit terakhir NIP sudah berubah."
    )


def _build(
    path: Path,
    rows: Sequence[tuple[int, list[Cell]]],
    header_at: int,
    fields: dict[str, int],
    headers: list[str],
    today: date | None,
    is_csv: bool,
    read_issues: Sequence[Issue] = (),
) -> Roster:
    where = str(path)
    used = set(fields.values())
    extra_cols = [(c, h) for c, h in enumerate(headers) if c not in used and h]
    participants: list[Participant] = []
    issues: list[Issue] = list(read_issues)
    first_line: dict[str, tuple[int, str]] = {}

    def error(line: int, message: str) -> None:
        issues.append(Issue(where, line, 0, message))

    def warn(line: int, message: str) -> None:
        issues.append(Issue(where, line, 0, message, warning=True))

    def get(cells: list[Cell], field: str) -> Cell:
        col = fields.get(field)
        return cells[col] if col is not None and col < len(cells) else None

    data_rows = 0
    for line, cells in rows[header_at + 1 :]:
        if _blank(cells):
            continue
        data_rows += 1
        overflow = [_cell_text(c) for c in cells[len(headers) :]]
        if is_csv and any(overflow):
            error(
                line,
                f"Baris berisi lebih banyak kolom ({len(cells)}) daripada judul kolom "
                f"({len(headers)}); mungkin ada tanda pemisah di dalam isi sel. Apit isi sel "
                'dengan tanda kutip ("...") atau simpan ulang berkas dari Excel.',
            )
            continue
        name, name_problem = _checked_name(_cell_text(get(cells, "name")))
        if name_problem:
            error(line, name_problem)
            continue
        raw_nip = get(cells, "nip")
        numeric: int | float | None = None
        if isinstance(raw_nip, int | float) and not isinstance(raw_nip, bool):
            numeric = raw_nip  # an XLSX number cell: never exact for 18 digits
        nip_text = "" if numeric is not None else _cell_text(raw_nip)
        has_nip = numeric is not None or bool(normalize_nip(nip_text))

        if not has_nip:
            if not name:
                warn(line, "Baris tanpa Nama dan NIP dilewati.")
                continue
            warn(line, f"'{name}' tanpa NIP: dicatat sebagai peserta tamu.")
            nip: str | None = None
        elif not name:
            error(line, "NIP terisi tetapi Nama kosong. Isi kolom Nama pada baris ini.")
            continue
        elif numeric is not None:
            error(line, _numeric_nip(numeric))
            continue
        else:
            try:
                nip = parse_nip(nip_text, today).nip
            except NipError as e:
                error(line, e.message)
                continue
            if nip in first_line:
                at, who = first_line[nip]
                error(
                    line,
                    f"NIP sama dengan baris {at} ({who}); baris ini ditolak. Hapus baris "
                    "ganda atau perbaiki NIP yang salah ketik.",
                )
                continue
            first_line[nip] = (line, name)

        extra = tuple((h, _cell_text(cells[c]) if c < len(cells) else "") for c, h in extra_cols)
        unnamed = [
            c for c in range(len(cells))
            if c not in used and (c >= len(headers) or not headers[c]) and _cell_text(cells[c])
        ]
        if unnamed:  # rare: openpyxl (slow to import) only then
            from openpyxl.utils.cell import get_column_letter

            extra += tuple((f"Kolom {get_column_letter(c + 1)}", _cell_text(cells[c]))
                           for c in unnamed)
        participants.append(
            Participant(
                name=name,
                nip=nip,
                position=_cell_text(get(cells, "position")),
                unit=_cell_text(get(cells, "unit")),
                rank=_cell_text(get(cells, "rank")),
                extra=extra,
            )
        )

    if data_rows == 0:
        raise RosterError(
            "Tidak ada baris peserta di bawah judul kolom. Isi satu peserta per baris.", path
        )
    return Roster(path, tuple(participants), tuple(sorted(issues, key=lambda i: i.line)))


def load_roster(path: Path, today: date | None = None) -> Roster:
    """Read a participant list (CSV or XLSX).

    Raises RosterError when the file cannot be read at all: missing, not CSV/XLSX,
    empty, or without a recognisable Nama column. Row problems are in ``Roster.issues``.
    """
    path = Path(path)
    suffix = path.suffix.casefold()
    problem = file_problem(path)
    if problem is not None:
        raise RosterError(f"{problem[0].upper()}{problem[1:]}. Pilih berkas CSV atau XLSX.",
                          path)
    if suffix == ".xls":
        raise RosterError(
            "Format .xls (Excel 97-2003) tidak didukung. Di Excel simpan ulang sebagai "
            "'Excel Workbook (*.xlsx)' atau 'CSV'.",
            path,
        )
    read_issues: list[Issue] = []
    if suffix in XLSX_SUFFIXES:
        sheets = xlsx_sheets(path)
    elif suffix in CSV_SUFFIXES:
        rows, read_issues = csv_rows(path)
        sheets = [("", rows)]
    else:
        raise RosterError(
            f"Jenis berkas '{path.suffix or '(tanpa akhiran)'}' tidak dikenali. Gunakan "
            "berkas CSV (.csv) atau Excel (.xlsx).",
            path,
        )

    if all(_blank(cells) for _t, rows in sheets for _l, cells in rows):
        raise RosterError("Berkas kosong. Isi judul kolom (NIP, Nama, ...) dan data peserta.", path)
    for _title, rows in sheets:  # XLSX: the first sheet that has a Nama column
        found = _find_header(rows)
        if found:
            return _build(path, rows, *found, today, suffix in CSV_SUFFIXES, read_issues)
    first = next(rows for _t, rows in sheets if not all(_blank(c) for _l, c in rows))
    raise _no_name_error(path, first)


def roster_report(roster: Roster) -> list[str]:
    """One ``FILE:LINE: message`` line per problem, then an Indonesian summary line."""
    lines = [i.format() for i in sorted(roster.issues, key=lambda i: (i.line, i.warning))]
    lines.append(
        f"{roster.path}: {len(roster.participants)} peserta, {roster.rejected} baris ditolak, "
        f"{roster.warnings} peringatan"
    )
    return lines

