"""People: rosters of participants and NIP parsing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._surface import lazy_surface

if TYPE_CHECKING:
    from .nip import (
        MIN_AGE_AT_APPOINTMENT,
        MIN_BIRTH_YEAR,
        NIP_LENGTH,
        NipError,
        NipInfo,
        format_nip,
        nip_problem,
        normalize_nip,
        parse_nip,
    )
    from .roster import (
        CSV_SUFFIXES,
        EXPECTED_HEADERS,
        HEADER_ALIASES,
        HEADER_SEARCH_ROWS,
        XLSX_SUFFIXES,
        Roster,
        header_key,
        load_roster,
        roster_report,
    )
    from .rosterfile import (
        DELIMITERS,
        Cell,
        detect_delimiter,
    )

_SURFACE = {
    "CSV_SUFFIXES": "roster",
    "Cell": "rosterfile",
    "DELIMITERS": "rosterfile",
    "EXPECTED_HEADERS": "roster",
    "HEADER_ALIASES": "roster",
    "HEADER_SEARCH_ROWS": "roster",
    "MIN_AGE_AT_APPOINTMENT": "nip",
    "MIN_BIRTH_YEAR": "nip",
    "NIP_LENGTH": "nip",
    "NipError": "nip",
    "NipInfo": "nip",
    "Roster": "roster",
    "XLSX_SUFFIXES": "roster",
    "detect_delimiter": "rosterfile",
    "format_nip": "nip",
    "header_key": "roster",
    "load_roster": "roster",
    "nip_problem": "nip",
    "normalize_nip": "nip",
    "parse_nip": "nip",
    "roster_report": "roster",
}

__all__ = [
    "CSV_SUFFIXES",
    "Cell",
    "DELIMITERS",
    "EXPECTED_HEADERS",
    "HEADER_ALIASES",
    "HEADER_SEARCH_ROWS",
    "MIN_AGE_AT_APPOINTMENT",
    "MIN_BIRTH_YEAR",
    "NIP_LENGTH",
    "NipError",
    "NipInfo",
    "Roster",
    "XLSX_SUFFIXES",
    "detect_delimiter",
    "format_nip",
    "header_key",
    "load_roster",
    "nip_problem",
    "normalize_nip",
    "parse_nip",
    "roster_report",
]

__getattr__, __dir__ = lazy_surface(__name__, _SURFACE)
