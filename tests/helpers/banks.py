"""Write small YAML banks for tests."""

from __future__ import annotations

import textwrap
from pathlib import Path

VALID_BANK = """\
format: kuis-bank/1
id: uji
title: Bank Uji
categories:
  - id: netral
    title: Netralitas
  - id: nilai
    title: BerAKHLAK
defaults:
  points: 2
  time_limit: 45
questions:
  - id: q1
    category: netral
    text: Apakah ASN boleh menjadi anggota partai politik?
    options:
      A: Boleh
      B: Tidak boleh
    answer: B
    explanation: Anggota partai politik diberhentikan tidak dengan hormat.
    reference: UU 20/2023 Pasal 52 ayat (3) huruf j jo. ayat (4)
  - id: q2
    category: nilai
    type: multiple
    text: |
      Pilih nilai dasar ASN.
      Lebih dari satu jawaban benar.
    options:
      A: Akuntabel
      B: Kompeten
      C: Konsumtif
    answer: [A, B]
    time_limit: 60
    points: 3
  - id: q3
    category: netral
    type: true_false
    text: ASN tetap memiliki hak pilih.
    answer: true
  - id: q4
    category: nilai
    type: poll
    text: Seberapa bermanfaat sesi ini?
    options:
      A: Sangat bermanfaat
      B: Cukup
"""


def write(tmp_path: Path, text: str, name: str = "bank.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path
