"""Benchmarks that later features add. Each appends to ``results`` and ``targets``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def run(results: dict[str, dict[str, float]], targets: dict[str, float], tmpdir: Path,
        env: dict[str, str], runs: int, want: Callable[[str], bool]) -> None:
    return None
