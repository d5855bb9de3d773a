"""Issue 12 item 12: a ``.kuis-sesi`` file is validated like a plan (types, ranges, sizes,
no paths from outside), however well it is re-signed with the key it carries."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.hostile.conftest import World
from tests.hostile.harness import flips


def resign(body: dict[str, Any]) -> dict[str, Any]:
    """What anyone holding the file can do: fix its check with the key inside it."""
    from quiz_app.core.results import package as pkg

    fields = {k: body.get(k) for k in ("format", "title", "place", "trainer", "date", "kind",
                                        "code", "key", "plan")}
    digest = hmac.new(pkg._subkey(str(body["key"]), b"sesi/1"), pkg._dumps(fields),
                      hashlib.sha256).hexdigest()
    return {**body, "check": digest}


def _plan(d: dict[str, Any]) -> dict[str, Any]:
    return d["plan"]


EDITS: dict[str, Callable[[dict[str, Any]], None]] = {
    "pass-mark-abc": lambda d: _plan(d).update(pass_mark="abc"),
    "pass-mark-999": lambda d: _plan(d).update(pass_mark=999),
    "pass-mark-negative": lambda d: _plan(d).update(pass_mark=-1),
    "pass-mark-bool": lambda d: _plan(d).update(pass_mark=True),
    "time-limit-negative": lambda d: _plan(d).update(time_limit=-5),
    "time-limit-string": lambda d: _plan(d).update(time_limit="lama"),
    "time-limit-huge": lambda d: _plan(d).update(time_limit=10**12),
    "question-time-zero": lambda d: _plan(d).update(question_time_limit=0),
    "title-3mib": lambda d: d.update(title="J" * (3 << 20)),
    "title-empty": lambda d: d.update(title="  "),
    "title-number": lambda d: d.update(title=12),
    "plan-title-huge": lambda d: _plan(d).update(title="J" * 100_000),
    "place-list": lambda d: d.update(place=["Aula"]),
    "trainer-control": lambda d: d.update(trainer="Rina\x00\x07"),
    "date-garbage": lambda d: d.update(date="kemarin"),
    "date-number": lambda d: d.update(date=20250304),
    "kind-unknown": lambda d: d.update(kind="ujian"),
    "plan-kind-mismatch": lambda d: _plan(d).update(kind="pretest"),
    "plan-banks-path": lambda d: _plan(d).update(banks=["/etc/passwd"]),
    "plan-banks-not-list": lambda d: _plan(d).update(banks="uji"),
    "plan-banks-empty": lambda d: _plan(d).update(banks=[]),
    "plan-draw-garbage": lambda d: _plan(d).update(draw=[{"count": "x"}]),
    "plan-draw-negative": lambda d: _plan(d).update(draw=[{"count": -3, "category": None,
                                                            "bank": "uji"}]),
    "plan-order-unknown": lambda d: _plan(d).update(order="acak-acakan"),
    "plan-scoring-list": lambda d: _plan(d).update(scoring=["speed"]),
    "plan-shuffle-string": lambda d: _plan(d).update(shuffle_options="ya"),
    "plan-seed-dict": lambda d: _plan(d).update(seed={"a": 1}),
    "plan-missing": lambda d: d.pop("plan"),
    "plan-list": lambda d: d.update(plan=[1, 2]),
    "description-huge": lambda d: _plan(d).update(description="x" * (2 << 20)),
}


@pytest.mark.parametrize("case", sorted(EDITS))
def test_resigned_session_file_with_invalid_content(world: World, case: str) -> None:
    body = json.loads(world.path("sesi.kuis-sesi").read_text(encoding="utf-8"))
    EDITS[case](body)
    path = world.path(f"sesi-{case}.kuis-sesi")
    path.write_text(json.dumps(resign(body)), encoding="utf-8")
    out = world.cli("join-session", str(path))
    out.assert_refused(path.name)
    world.assert_store_unchanged()


RAW = {
    "deep": b'{"plan": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "nan": b'{"format": "kuis-sesi/1", "plan": {"pass_mark": NaN}}',
    "list": b"[]",
    "string": b'"kuis-sesi/1"',
    "empty": b"",
    "binary": bytes(range(256)) * 4,
    "utf16": '{"format": "kuis-sesi/1"}'.encode("utf-16"),
    "huge": b'{"title": "' + b"x" * (5 << 20) + b'"}',
}


@pytest.mark.parametrize("case", sorted(RAW))
def test_session_file_that_is_not_one(world: World, case: str) -> None:
    path = world.path(f"mentah-{case}.kuis-sesi")
    path.write_bytes(RAW[case])
    out = world.cli("join-session", str(path))
    out.assert_refused(path.name)
    world.assert_store_unchanged()


@pytest.mark.parametrize("seed", range(12))
def test_session_file_byte_flip(world: World, seed: int) -> None:
    data = world.path("sesi.kuis-sesi").read_bytes()
    [(offset, flipped)] = flips(data, 1, 500 + seed)
    path = world.path(f"flip-{offset}.kuis-sesi")
    path.write_bytes(flipped)
    out = world.cli("join-session", str(path))
    out.assert_clean()
    if out.code != 0:
        out.assert_refused(path.name)


def test_joined_session_never_points_export_at_a_foreign_folder(world: World,
                                                                tmp_path: Path) -> None:
    """A re-signed plan.path must not make export scan another folder for banks."""
    outside = tmp_path / "luar"
    outside.mkdir()
    (outside / "x.yaml").write_text("id: uji\n", encoding="utf-8")
    body = json.loads(world.path("sesi.kuis-sesi").read_text(encoding="utf-8"))
    body["plan"]["path"] = str(outside / "rencana.yaml")
    path = world.path("sesi-jalur.kuis-sesi")
    path.write_text(json.dumps(resign(body)), encoding="utf-8")
    laptop = world.path("laptop3")
    from tests.hostile.harness import run_cli

    out = run_cli(laptop, "join-session", str(path))
    out.assert_clean()
    if out.code == 0:
        from quiz_app.core.results import ResultsStore

        with ResultsStore.open_in(laptop) as store:
            [session] = store.sessions()
            assert session.plan.path is None or outside not in Path(session.plan.path).parents
