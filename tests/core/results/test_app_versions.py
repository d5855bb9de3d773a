"""The results store records which app version wrote it (issue 19: versioning)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from quiz_app._version import __version__
from quiz_app.core.results import DB_FILENAME, ResultsStore
from tests.helpers.fakes import make_plan


def test_the_first_write_records_the_app_version(tmp_path: Path) -> None:
    with ResultsStore.open_in(tmp_path) as store:
        assert store.app_versions() == []  # opening alone writes nothing
        store.create_session("Sosialisasi", make_plan())
        store.create_session("Sosialisasi 2", make_plan())
        [(version, first, last)] = store.app_versions()
    assert version == __version__ and first <= last


def test_each_version_that_wrote_keeps_its_first_and_last_write(tmp_path: Path) -> None:
    with ResultsStore.open_in(tmp_path) as store:
        store.create_session("Pretest", make_plan())
    db = sqlite3.connect(tmp_path / DB_FILENAME)
    db.execute("UPDATE app_versions SET version = '0.1.0', first_at = '2025-01-01T00:00:00+00:00'")
    db.commit()
    db.close()
    with ResultsStore.open_in(tmp_path) as store:
        store.create_session("Posttest", make_plan())
        versions = store.app_versions()
    assert [v for v, _f, _l in versions] == ["0.1.0", __version__]
