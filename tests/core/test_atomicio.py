"""Whole-file writes: the old content or the new, never half, and no temp files left."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quiz_app.core.atomicio import write_atomic


def test_replaces_the_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "state.json"
    write_atomic(target, b"lama")
    write_atomic(target, b"baru")
    assert target.read_bytes() == b"baru"
    assert sorted(p.name for p in target.parent.iterdir()) == ["state.json"]


def test_failed_rename_keeps_the_old_file_and_removes_the_temporary(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "state.json"
    write_atomic(target, b"lama")

    def refuse(_src: str, _dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        write_atomic(target, b"baru")
    assert target.read_bytes() == b"lama"
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]
