"""Issue 12 item 3, the window half: merging damaged packages from the results window names
each refused package, still merges the good one, and the window never stays on
"Menggabungkan…" with its buttons disabled (not even when a bug crashes the worker)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from quiz_app.ui import dialogs
from quiz_app.ui.results import ResultsWindow
from quiz_app.ui.results import operations as results_operations
from tests.hostile.conftest import World
from tests.hostile.harness import flips

GOOD = "laptop2.kuis-hasil"


@pytest.fixture
def window(qtbot, world: World) -> ResultsWindow:
    w = ResultsWindow(world.data)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.session_loaded, timeout=10000):
        w.reload(1)
    return w


@pytest.fixture
def messages(monkeypatch) -> list[tuple[str, str, str]]:
    shown: list[tuple[str, str, str]] = []
    monkeypatch.setattr(dialogs, "show_message",
                        lambda _p, title, text, detail="": shown.append((title, text, detail)))
    return shown


def _idle(window: ResultsWindow) -> bool:
    buttons = (window.csv_button, window.xlsx_button, window.package_button,
               window.merge_button, window.share_button, window.join_button)
    return not window.busy and all(b.isEnabled() for b in buttons)


def _damaged(world: World) -> list[Path]:
    good = world.path(GOOD).read_bytes()
    out = []
    for i, (_offset, data) in enumerate(flips(good, 12, 4242, start=30)):
        path = world.path(f"balik-{i}.kuis-hasil")
        path.write_bytes(data)
        out.append(path)
    deep = world.path("dalam.kuis-hasil")
    with zipfile.ZipFile(deep, "w") as zf:
        zf.writestr("manifest.json", b"[" * 50_000 + b"]" * 50_000)
        zf.writestr("data.json", b"{}")
        zf.writestr("signature", b"x")
    out.append(deep)
    return out


def test_damaged_packages_are_named_and_the_good_one_merges(window, qtbot, world: World,
                                                            messages) -> None:
    bad = _damaged(world)
    with qtbot.waitSignal(window.session_loaded, timeout=20000):
        with qtbot.waitSignal(window.operation_done, timeout=20000) as done:
            window.merge_files([*bad, world.path(GOOD)])
    report = done.args[1]
    refused = {p.path.name for p in report.refused}
    assert "dalam.kuis-hasil" in refused
    assert report.imported == 2  # the good package, whatever happened before it
    assert all(f"DITOLAK {name}" in messages[0][2] for name in refused)
    assert _idle(window)


def test_a_crashing_merge_does_not_leave_the_window_busy(window, qtbot, world: World,
                                                         monkeypatch) -> None:
    def broken(*_args, **_kwargs):
        raise RuntimeError("bug in merge")

    monkeypatch.setattr(results_operations, "merge_packages", broken)
    with qtbot.captureExceptions() as exceptions:
        with qtbot.waitSignal(window.operation_failed, timeout=10000):
            window.merge_files([world.path(GOOD)])
    assert [type(e[1]) for e in exceptions] == [RuntimeError]  # still loud
    assert _idle(window)
