"""Files opened with the app (double click after the installer registered .kuis-hasil and
.kuis-sesi, or `quiz-app FILE`): a results package merges into its own session, a session
file joins its session, and a package of a session this laptop lacks says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz_app.core.errors import ExportError
from quiz_app.core.results import (
    ResultsStore,
    import_session_file,
    package_session,
    write_package,
    write_session_file,
)
from quiz_app.ui import dialogs
from quiz_app.ui.main_window import MainWindow
from tests.helpers.fakes import make_plan
from tests.helpers.results import ANI, EKA, fixed_spec, small_bank, take


@pytest.fixture
def laptops(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A trainer laptop with two sessions; laptop 2 joined the second and has a result."""
    bank = small_bank()
    trainer, other = tmp_path / "trainer", tmp_path / "laptop2"
    with ResultsStore.open_in(trainer) as store:
        plan = make_plan(order="bank", shuffle_options=False, banks=(bank.id,))
        store.create_session("Pretest", plan, place="Aula")
        second = store.create_session("Posttest", plan, place="Aula").id
        take(store, second, ANI, fixed_spec(bank, plan), {"k1": "A"})
        sesi = write_session_file(store, second, tmp_path / "sesi.kuis-sesi")
    with ResultsStore.open_in(other) as store:
        joined, _ = import_session_file(store, sesi)
        take(store, joined.id, EKA, fixed_spec(bank, plan), {"k1": "A"})
        package = write_package(store, joined.id, tmp_path / "laptop2.kuis-hasil").path
    return trainer, sesi, package


def test_a_package_knows_its_session_on_this_laptop(laptops, tmp_path: Path) -> None:
    trainer, _sesi, package = laptops
    with ResultsStore.open_in(trainer) as store:
        assert package_session(store, package).title == "Posttest"
    with ResultsStore.open_in(tmp_path / "empty") as store, \
            pytest.raises(ExportError, match="tidak ada di laptop ini"):
        package_session(store, package)


def test_opening_a_package_merges_it_into_its_session(laptops, qtbot, monkeypatch) -> None:
    trainer, _sesi, package = laptops
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_message",
                        lambda _p, title, text, detail="": shown.append(text))
    main = MainWindow(trainer, None)
    qtbot.addWidget(main)
    results = main.open_document(package)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "1 hasil diimpor" in shown[0]
    with ResultsStore.open_in(trainer) as store:
        names = {a.participant.name for a in store.attempts(2)}
    assert names == {ANI.name, EKA.name}
    qtbot.waitUntil(lambda: not results.busy, timeout=10000)


def test_opening_a_session_file_joins_the_session(laptops, qtbot, tmp_path: Path) -> None:
    _trainer, sesi, _package = laptops
    laptop3 = tmp_path / "laptop3"
    main = MainWindow(laptop3, None)
    qtbot.addWidget(main)
    results = main.open_document(sesi)
    qtbot.waitUntil(lambda: not results.busy and results.loaded is not None, timeout=10000)
    with ResultsStore.open_in(laptop3) as store:
        assert [s.title for s in store.sessions()] == ["Posttest"]


def test_the_command_line_hands_an_opened_file_to_the_window(monkeypatch, tmp_path) -> None:
    import sys

    import quiz_app.__main__ as entry
    import quiz_app.ui.app as app_module

    opened: list[Path | None] = []
    monkeypatch.setattr(app_module, "run_app",
                        lambda data_dir, open_file=None: opened.append(open_file) or 0)
    monkeypatch.setattr(sys, "argv", ["quiz-app", str(tmp_path / "Hasil Laptop 2.KUIS-HASIL")])
    with pytest.raises(SystemExit) as done:
        entry.main()
    assert done.value.code == 0
    assert opened == [tmp_path / "Hasil Laptop 2.KUIS-HASIL"]


def test_a_missing_file_is_named_in_the_message(qtbot, tmp_path: Path, monkeypatch) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_message",
                        lambda _p, title, text, detail="": shown.append((title, text)))
    main = MainWindow(tmp_path / "data", None)
    qtbot.addWidget(main)
    for name in ("hilang.kuis-hasil", "hilang.kuis-sesi"):
        results = main.open_document(tmp_path / name)
        qtbot.waitUntil(lambda r=results: not r.busy, timeout=10000)
    assert [text.split(":")[0] for _title, text in shown] == ["hilang.kuis-hasil",
                                                              "hilang.kuis-sesi"]
    assert all("tidak ditemukan" in text for _title, text in shown)
