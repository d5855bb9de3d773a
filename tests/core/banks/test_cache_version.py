"""The bank cache records which app version wrote each entry."""

from __future__ import annotations

import json
from pathlib import Path

from quiz_app._version import __version__
from quiz_app.core.banks import BankCache, bundled_banks_dir, load_bank


def test_cache_entries_name_the_version_that_wrote_them(tmp_path: Path) -> None:
    cache = BankCache(tmp_path / "cache")
    bank = load_bank(bundled_banks_dir() / "contoh.yaml", cache=cache)
    entries = list((tmp_path / "cache").glob("*.json"))
    assert len(entries) == 1
    assert json.loads(entries[0].read_text(encoding="utf-8"))["written_by"] == __version__
    again = load_bank(bundled_banks_dir() / "contoh.yaml", cache=cache)  # read back from it
    assert again == bank
