"""Generate a large valid kuis-bank/1 file for benchmarks."""

from __future__ import annotations

from pathlib import Path


def write_bank(path: Path, n: int) -> None:
    cats = ["karier", "partai-politik", "kampanye", "pelayanan-publik"]
    lines = [
        "format: kuis-bank/1", "id: besar", "title: Bank Besar untuk Uji Kecepatan",
        "categories:",
    ]
    for c in cats:
        lines += [f"  - id: {c}", f"    title: Kategori {c}"]
    lines.append("questions:")
    for i in range(n):
        kind = i % 4
        lines += [f"  - id: q{i}", f"    category: {cats[i % len(cats)]}"]
        lines.append(
            f"    text: Seorang ASN bernama Pegawai {i} diminta memberi dukungan di media sosial "
            "kepada bakal calon kepala daerah. Bagaimana sikap yang tepat menurut aturan?"
        )
        if kind == 2:
            lines += ["    type: true_false", "    answer: false"]
        else:
            if kind == 1:
                lines.append("    type: multiple")
            lines += ["    options:", "      A: Menyukai unggahan calon", "      B: Tidak ikut "
                      "memberi dukungan", "      C: Membagikan unggahan tim sukses",
                      "      D: Menjaga netralitas dan melapor bila diminta"]
            lines.append("    answer: [B, D]" if kind == 1 else "    answer: B")
        lines += ["    explanation: ASN wajib menjaga netralitas dalam setiap tahapan pemilihan.",
                  "    reference: UU 20/2023 Pasal 24 ayat (1) huruf d", "    difficulty: medium",
                  "    tags: [netralitas, media-sosial]"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
