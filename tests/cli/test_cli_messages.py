"""argparse's own texts (usage, help headings, errors) are in Bahasa Indonesia."""

from __future__ import annotations

import argparse
import gettext

import pytest

from quiz_app.cli import main

ENGLISH = ("usage:", "error:", "options:", "show this help", "required", "unrecognized",
           "invalid choice", "expected one argument")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exited:
        main(list(argv))
    out = capsys.readouterr()
    return int(exited.value.code or 0), out.out + out.err


@pytest.mark.parametrize(("argv", "expected"), [
    (["validate"], "quiz-app validate: kesalahan: argumen berikut wajib diisi: BERKAS"),
    (["--tidak-ada"], "quiz-app: kesalahan: argumen tidak dikenal: --tidak-ada"),
    (["validate", "a.yaml", "--tidak-ada"], "argumen tidak dikenal: --tidak-ada"),
    (["export", "--session", "1", "--out", "x", "--format", "pdf"],
     "argumen --format: pilihan tidak valid: 'pdf'"),
    (["export", "--session"], "argumen --session: perlu satu nilai"),
    (["perintah-salah"], "pilihan tidak valid: 'perintah-salah'"),
])
def test_usage_errors_are_indonesian(capsys, argv: list[str], expected: str) -> None:
    code, text = run(capsys, *argv)
    assert code == 2
    assert "pemakaian: quiz-app" in text and expected in text
    assert not [e for e in ENGLISH if e in text], text


def test_help_is_indonesian(capsys) -> None:
    code, text = run(capsys, "--help")
    assert code == 0
    assert text.startswith("pemakaian: quiz-app")
    assert "\nopsi:\n" in text and "tampilkan bantuan ini lalu keluar" in text
    assert not [e for e in ENGLISH if e in text], text
    code, text = run(capsys, "export", "-h")
    assert "tampilkan bantuan ini lalu keluar" in text and "options:" not in text


def test_other_argparse_users_keep_their_english(capsys) -> None:
    run(capsys, "validate")
    assert argparse._ is gettext.gettext  # type: ignore[attr-defined]
    plain = argparse.ArgumentParser(prog="lain")
    assert "options:" in plain.format_help() and "usage: lain" in plain.format_usage()
