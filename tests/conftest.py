"""Shared test set-up: headless Qt, and no test ever touches the real user folders."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
BANKS = ROOT / "question_banks"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    base = tmp_path_factory.mktemp("userdirs")
    monkeypatch.setenv("QUIZ_APP_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("QUIZ_APP_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "xdg-cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "xdg-config"))
    if "PySide6.QtCore" in sys.modules:  # Qt tests: QSettings follow the data dir, as in the app
        from quiz_app.ui.settings import use_data_dir_settings

        use_data_dir_settings()


@pytest.fixture
def banks_dir() -> Path:
    return BANKS
