"""argparse speaking Bahasa Indonesia: usage, help headings and its own error messages.

argparse builds its texts with ``argparse._`` / ``argparse.ngettext`` (gettext), partly when
the parser is built ("options", "show this help message and exit") and partly when it
parses ("the following arguments are required"). :class:`IndonesianArgumentParser` swaps
those two names for an Indonesian lookup only while one of its own methods runs, so other
argparse users in the process (pytest, for one) keep their English. Texts not listed here
(from a newer Python) stay as argparse wrote them.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

MESSAGES = {
    "usage: ": "pemakaian: ",
    "positional arguments": "argumen",
    "options": "opsi",
    "optional arguments": "opsi",
    "subcommands": "perintah",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan versi program lalu keluar",
    "%(prog)s: error: %(message)s\n": "%(prog)s: kesalahan: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "one of the arguments %s is required": "salah satu argumen %s wajib diisi",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "not allowed with argument %s": "tidak boleh dipakai bersama argumen %s",
    "ignored explicit argument %r": "argumen %r diabaikan",
    "expected one argument": "perlu satu nilai",
    "expected at most one argument": "paling banyak satu nilai",
    "expected at least one argument": "perlu paling sedikit satu nilai",
    "ambiguous option: %(option)s could match %(matches)s":
        "opsi %(option)s tidak jelas: bisa berarti %(matches)s",
    "unexpected option string: %s": "opsi tidak terduga: %s",
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak valid: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "pilihan tidak valid: %(value)r (pilih salah satu: %(choices)s)",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "perintah %(parser_name)r tidak dikenal (pilihan: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "'%(filename)s' tidak dapat dibuka: %(error)s",
}
PLURAL_MESSAGES = {
    "expected %s argument": "perlu %s nilai",
}


def _gettext(message: str) -> str:
    return MESSAGES.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    if singular in PLURAL_MESSAGES:
        return PLURAL_MESSAGES[singular]
    return singular if n == 1 else plural


@contextmanager
def _indonesian() -> Iterator[None]:
    module: Any = argparse
    saved = module._, module.ngettext
    module._, module.ngettext = _gettext, _ngettext
    try:
        yield
    finally:
        module._, module.ngettext = saved


class IndonesianArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose own texts are Indonesian (subparsers inherit the class)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with _indonesian():
            super().__init__(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:
        with _indonesian():
            return super().add_subparsers(**kwargs)

    def parse_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                   namespace: Any = None) -> Any:
        with _indonesian():
            return super().parse_args(args, namespace)

    def parse_known_args(self, args: Sequence[str] | None = None,
                         namespace: Any = None) -> tuple[Any, list[str]]:
        with _indonesian():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with _indonesian():
            return super().format_usage()

    def format_help(self) -> str:
        with _indonesian():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        with _indonesian():
            super().error(message)
