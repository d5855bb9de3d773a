"""Read PDFs back with poppler (``pdftotext``, ``pdfinfo``, ``pdftoppm``).

``.ci/run`` installs poppler-utils when missing; in CI (``CI=true``) a missing tool fails
the test instead of skipping it, so the PDF assertions can never silently vanish.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"{tool} is missing in CI (poppler-utils / zbar-tools; see .ci/run)")
        pytest.skip(f"{tool} not installed (apt-get install poppler-utils)")
    return path


def pdftotext(pdf: Path, first: int | None = None, last: int | None = None,
              layout: bool = True) -> str:
    cmd = [need("pdftotext")]
    if layout:
        cmd.append("-layout")
    if first is not None:
        cmd += ["-f", str(first)]
    if last is not None:
        cmd += ["-l", str(last)]
    out = subprocess.run([*cmd, str(pdf), "-"], check=True, capture_output=True, timeout=60)
    return out.stdout.decode("utf-8")


def page_count(pdf: Path) -> int:
    out = subprocess.run([need("pdfinfo"), str(pdf)], check=True, capture_output=True,
                         timeout=60).stdout.decode()
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError(f"no page count in pdfinfo output:\n{out}")


def page_size_mm(pdf: Path) -> tuple[float, float]:
    out = subprocess.run([need("pdfinfo"), str(pdf)], check=True, capture_output=True,
                         timeout=60).stdout.decode()
    for line in out.splitlines():
        if line.startswith("Page size:"):
            parts = line.split()
            return float(parts[2]) * 25.4 / 72, float(parts[4]) * 25.4 / 72
    raise AssertionError(out)


def pages_as_png(pdf: Path, folder: Path, prefix: str, dpi: int = 50) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run([need("pdftoppm"), "-r", str(dpi), "-png", str(pdf), str(folder / prefix)],
                   check=True, timeout=120)
    return sorted(folder.glob(f"{prefix}-*.png"))


def ink_share(pdf: Path, page: int, dpi: int = 30) -> float:
    """Share of non-white pixels on one page (a blank page gives 0)."""
    out = subprocess.run([need("pdftoppm"), "-r", str(dpi), "-gray", "-f", str(page), "-l",
                          str(page), str(pdf)], check=True, capture_output=True,
                         timeout=60).stdout
    # binary PGM: "P5\n<w> <h>\n255\n" then the pixels
    header_end = 0
    fields = 0
    while fields < 4:
        while out[header_end:header_end + 1].isspace():
            header_end += 1
        while not out[header_end:header_end + 1].isspace():
            header_end += 1
        fields += 1
    pixels = out[header_end + 1:]
    return sum(1 for b in pixels if b < 200) / max(len(pixels), 1)
