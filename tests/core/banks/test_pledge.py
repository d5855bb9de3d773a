"""Pledge files (kuis-ikrar/1): the bundled example and the guarded reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz_app.core.banks import bundled_bank_files, bundled_pledge_file, load_pledge
from quiz_app.core.errors import BankError


def test_bundled_pledge_is_labelled_as_an_example_and_not_a_bank() -> None:
    pledge = load_pledge(bundled_pledge_file())
    assert "contoh" in pledge.title.lower()
    assert "bukan teks resmi" in pledge.label
    assert 3 <= len(pledge.lines) <= 10
    text = " ".join(pledge.all_lines).lower()
    assert "netralitas" in text and "hak pilih" in text  # voting stays allowed
    assert "resmi" not in " ".join(pledge.lines).lower()
    # kept next to the banks, but never listed as a bank
    assert bundled_pledge_file() not in bundled_bank_files()


def test_pledge_errors_are_located_and_collected(tmp_path: Path) -> None:
    bad = tmp_path / "ikrar.yaml"
    bad.write_text("format: kuis-ikrar/1\ntitel: x\nlines:\n  - ''\n  - 3\n", encoding="utf-8")
    with pytest.raises(BankError) as info:
        load_pledge(bad)
    text = str(info.value)
    assert "ikrar.yaml:2" in text and "'titel' tidak dikenal" in text
    assert "'title' wajib diisi" in text
    assert "kalimat ke-1" in text and "kalimat ke-2" in text


def test_pledge_reader_refuses_a_folder_and_a_big_file(tmp_path: Path) -> None:
    with pytest.raises(BankError, match="folder"):
        load_pledge(tmp_path)
    big = tmp_path / "besar.yaml"
    big.write_text("format: kuis-ikrar/1\ntitle: x\nlines: [" + "'a'," * 30000 + "]\n",
                   encoding="utf-8")
    with pytest.raises(BankError, match="terlalu besar"):
        load_pledge(big)
