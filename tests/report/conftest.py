"""A realistic pre-test/post-test pair, filled once for the PDF tests of this folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz_app.core.results import ResultsStore
from tests.helpers.report_demo import demo_sessions


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory, qapp) -> Path:
    """(``qapp`` first: the CLI would otherwise make a bare QGuiApplication in-process.)"""
    folder = tmp_path_factory.mktemp("demo")
    with ResultsStore.open_in(folder) as store:
        demo_sessions(store, 12)
    return folder


@pytest.fixture(autouse=True)
def _data_dir_env(monkeypatch, demo_dir: Path) -> None:
    monkeypatch.setenv("QUIZ_APP_DATA_DIR", str(demo_dir))
