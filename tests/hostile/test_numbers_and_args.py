"""Issue 12 item 6 (NaN and infinities are refused wherever a number is read) and item 13
(edge arguments give clear messages: huge session numbers, NUL bytes in paths)."""

from __future__ import annotations

import pytest

from tests.helpers.banks import VALID_BANK
from tests.hostile.conftest import PLAN, World

NOT_NUMBERS = (".nan", ".NaN", ".inf", "-.inf", ".Inf")


@pytest.mark.parametrize("value", NOT_NUMBERS)
@pytest.mark.parametrize("where", ["points", "defaults", "pass_mark"])
def test_nan_and_infinity_fail_validation(world: World, where: str, value: str) -> None:
    if where == "points":
        path = world.path("bank-nan.yaml")
        path.write_text(VALID_BANK.replace("    points: 3", f"    points: {value}"),
                        encoding="utf-8")
    elif where == "defaults":
        path = world.path("bank-nan.yaml")
        path.write_text(VALID_BANK.replace("  points: 2", f"  points: {value}"),
                        encoding="utf-8")
    else:
        path = world.path("rencana-nan.yaml")
        path.write_text(PLAN.replace("pass_mark: 60", f"pass_mark: {value}"), encoding="utf-8")
    out = world.cli("validate", str(path))
    out.assert_refused(path.name, says="TIDAK VALID")
    assert "'points'" in out.out or "'pass_mark'" in out.out, out.describe()


@pytest.mark.parametrize("value", NOT_NUMBERS)
def test_nan_pass_mark_never_reaches_the_store(world: World, value: str) -> None:
    path = world.path("rencana-nan.yaml")
    path.write_text(PLAN.replace("pass_mark: 60", f"pass_mark: {value}"), encoding="utf-8")
    out = world.cli("take", str(path), "--pin", "1234")
    out.assert_refused("rencana-nan.yaml")
    world.assert_store_unchanged()


SESSION_REFS = ("99999999999999999999", "9" * 400, "-1", "0", "1e5", "٣", "１")


@pytest.mark.parametrize("ref", SESSION_REFS)
@pytest.mark.parametrize("command", ["export", "export-package", "share-session", "merge"])
def test_session_reference_out_of_range(world: World, command: str, ref: str) -> None:
    if command == "merge":
        args = ("merge", "laptop2.kuis-hasil", "--into", ref)
    else:
        args = (command, "--session", ref, "--out", "keluar.csv")
    out = world.cli(*args)
    out.assert_refused(says="sesi")
    world.assert_store_unchanged()


@pytest.mark.parametrize("ref", ["99999999999999999999", "-5", "١٢"])
def test_take_pretest_reference_out_of_range(world: World, ref: str) -> None:
    out = world.cli("take", "rencana.yaml", "--pin", "1234", "--pretest", ref)
    out.assert_refused(says="pretest")


@pytest.mark.parametrize("field", ["image", "banks"])
def test_nul_in_a_path_inside_a_file(world: World, field: str) -> None:
    if field == "image":
        path = world.path("bank-nul.yaml")
        path.write_text(VALID_BANK.replace("    answer: B\n",
                                           '    answer: B\n    image: "gambar\\0.png"\n', 1),
                        encoding="utf-8")
    else:
        path = world.path("rencana-nul.yaml")
        path.write_text(PLAN.replace("- uji.yaml", '- "uji\\0.yaml"'), encoding="utf-8")
    out = world.cli("validate", str(path))
    out.assert_refused(path.name, says="NUL")


def test_long_names_in_a_plan_and_a_bank(world: World) -> None:
    plan = world.path("rencana-panjang.yaml")
    plan.write_text(PLAN.replace("- uji.yaml", "- " + "b" * 300 + ".yaml"), encoding="utf-8")
    world.cli("validate", str(plan)).assert_refused("rencana-panjang.yaml", says="panjang")
    bank = world.path("bank-panjang.yaml")
    bank.write_text(VALID_BANK.replace("    answer: B\n", "    answer: B\n    image: "
                                       + "g" * 300 + ".png\n", 1), encoding="utf-8")
    world.cli("validate", str(bank)).assert_refused("bank-panjang.yaml", says="panjang")
