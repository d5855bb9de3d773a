"""Issue 12 item 5: presenter resume files (``aula/*.json``). A damaged one is set aside
(renamed, reported once), the team attempts it stranded are finished from the answers the
store holds and can be exported, and it never stops ``present`` for any plan."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from quiz_app.core.hall import (
    HallSession,
    TeamSource,
    check_hall_files,
    find_resumable,
    spec_path,
)
from quiz_app.core.results import AttemptStatus, ResultsStore
from tests.helpers.fakes import FakeClock, make_bank, make_plan
from tests.hostile.conftest import World
from tests.hostile.harness import run_cli

TEAMS = ("Meja 1", "Meja 2", "Meja 3")


def presentation(data: Path, source: Path, *, finish_first: bool = True) -> HallSession:
    """A team presentation that crashed on its second question: question 1 answered by two
    teams and closed, question 2 answered by one team while it ran."""
    clock = FakeClock()
    teams = TeamSource(list(TEAMS))
    plan = make_plan(order="bank", shuffle_options=False, question_time_limit=20)
    session = HallSession.create(data, source, plan, [make_bank(4)], teams, clock)
    session.start()
    clock.advance(2)
    teams.key(1, "A")
    teams.key(2, "B")
    if finish_first:
        session.reveal()
        session.next()
        session.next()
        session.start()
        clock.advance(3)
        teams.key(3, "A")
    session.save()
    session.store.close()  # the crash: nothing closed, nothing finished
    return session


def _write(path: Path, data: bytes) -> None:
    path.write_bytes(data)


def _edit(path: Path, change: Callable[[dict], None]) -> None:
    d = json.loads(path.read_text(encoding="utf-8"))
    change(d)
    path.write_text(json.dumps(d), encoding="utf-8")


def _nan(path: Path, value: str) -> None:
    text = path.read_text(encoding="utf-8")
    d = json.loads(text)
    qid = next(iter(d["state"]["used"]))
    d["state"]["used"][qid] = "@@"
    path.write_text(json.dumps(d).replace('"@@"', value), encoding="utf-8")


def _fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def _folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


DAMAGE: dict[str, Callable[[Path], None]] = {
    "truncated": lambda p: _write(p, p.read_bytes()[: len(p.read_bytes()) // 2]),
    "empty": lambda p: _write(p, b""),
    "garbage": lambda p: _write(p, bytes(range(256)) * 3),
    "deep": lambda p: _write(p, b"[" * 200_000 + b"]" * 200_000),
    "wrong-shape-list": lambda p: _write(p, b"[1, 2, 3]"),
    "wrong-shape-string": lambda p: _write(p, b'"kuis-aula/1"'),
    "participants-dict": lambda p: _edit(p, lambda d: d.update(participants={"a": 1})),
    "state-null": lambda p: _edit(p, lambda d: d.update(state=None)),
    "index-huge": lambda p: _edit(p, lambda d: d["state"].update(index=10**9)),
    "index-string": lambda p: _edit(p, lambda d: d["state"].update(index="2")),
    "phase-unknown": lambda p: _edit(p, lambda d: d["state"].update(phase="dansa")),
    "used-nan": lambda p: _nan(p, "NaN"),
    "used-infinity": lambda p: _nan(p, "Infinity"),
    "used-negative": lambda p: _nan(p, "-5"),
    "session-missing": lambda p: _edit(p, lambda d: d.update(session_id=999)),
    "session-huge": lambda p: _edit(p, lambda d: d.update(session_id=10**30)),
    "attempt-missing": lambda p: _edit(p, lambda d: d["attempts"].update(
        {k: "0" * 32 for k in d["attempts"]})),
    "spec-missing": lambda p: spec_path(p).unlink(),
    "spec-garbage": lambda p: _write(spec_path(p), b"{\"seed\": 1"),
    "spec-deep": lambda p: _write(spec_path(p), b"[" * 100_000 + b"]" * 100_000),
    "fifo": _fifo,
    "folder": _folder,
}


def _state_file(data: Path) -> Path:
    [path] = [p for p in (data / "aula").iterdir() if p.name.count(".") == 1]
    return path


def _team_attempts(data: Path) -> list:
    with ResultsStore.open_in(data) as store:
        [session] = [s for s in store.sessions() if s.title.endswith("(aula)")]
        return store.attempts(session.id)


@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_damaged_state_is_set_aside_and_its_attempts_closed(world: World, case: str) -> None:
    data = world.data
    presentation(data, world.path("rencana.yaml"))
    state = _state_file(data)
    DAMAGE[case](state)

    check = check_hall_files(data)  # never raises, never hangs
    assert [s.path for s in check.set_aside] == [state]
    assert check.resumable == ()
    assert not state.exists() and not state.is_symlink()
    assert check.set_aside[0].moved_to is not None and check.set_aside[0].moved_to.exists()
    assert check.closed == len(TEAMS) and check.report()

    attempts = _team_attempts(data)
    assert [a.status for a in attempts] == [AttemptStatus.FINISHED] * len(TEAMS)
    answered = {a.participant.name: {q: r.choice for q, r in a.answers.items() if r.choice}
                for a in attempts}
    assert answered["Meja 1"] and answered["Meja 2"]  # the stored answers survived
    assert check_hall_files(data).report() == []  # reported once

    out = run_cli(data, "export", "--session", "latest", "--out", str(world.path("aula.csv")))
    assert out.code == 0, out.describe()
    exported = world.path("aula.csv").read_text(encoding="utf-8-sig")
    assert all(team in exported for team in TEAMS)


def test_a_damaged_file_does_not_hide_a_healthy_presentation(world: World) -> None:
    data = world.data
    presentation(data, world.path("rencana.yaml"))
    bad = _state_file(data)
    bad.rename(bad.with_name("rusak-" + bad.name.replace("-", "")))
    renamed = next((data / "aula").glob("rusak-*.json"))
    DAMAGE["deep"](renamed)
    healthy = presentation(data, world.path("uji.yaml"))
    found = find_resumable(data, world.path("uji.yaml"))
    assert [s.hall_id for s in found] == [healthy.state_path.stem]
    with ResultsStore.open_in(data) as store:  # the healthy teams are still in progress
        assert all(a.status is AttemptStatus.IN_PROGRESS
                   for a in store.attempts(healthy.session_id or 0))


def test_companion_files_are_not_taken_for_state_files(world: World) -> None:
    data = world.data
    session = presentation(data, world.path("rencana.yaml"))
    phones = session.state_path.with_name(f"{session.state_path.stem}.phones.json")
    phones.write_text("{}", encoding="utf-8")
    check = check_hall_files(data)
    assert check.set_aside == () and len(check.resumable) == 1 and phones.exists()


@pytest.mark.parametrize("case", ["deep", "wrong-shape-list", "fifo", "session-missing",
                                  "used-nan"])
def test_present_opens_whatever_the_damaged_file(world: World, qtbot, monkeypatch,
                                                 case: str) -> None:
    from quiz_app.ui import dialogs
    from quiz_app.ui.presenter.launch import start_presenter

    data = world.data
    presentation(data, world.path("uji.yaml"))
    DAMAGE[case](_state_file(data))
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_message",
                        lambda _p, title, text, detail="": shown.append((title, detail)))
    monkeypatch.setattr(dialogs, "confirm", lambda *_a: pytest.fail("nothing to resume"))
    presenter = start_presenter(None, data, world.path("rencana.yaml"), list(TEAMS),
                                screens=lambda: [])
    assert presenter is not None
    try:
        assert [t for t, _d in shown] == ["Berkas lanjutan presentasi rusak"]
    finally:
        presenter.close()
