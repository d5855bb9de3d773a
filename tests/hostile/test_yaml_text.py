"""Issue 12 item 10 (the tab check is linear) and the size/encoding guards of the YAML
readers, through ``quiz-app validate``."""

from __future__ import annotations

import pytest

from tests.helpers.banks import VALID_BANK
from tests.hostile.conftest import World


@pytest.mark.parametrize("lines", [400_000])
def test_many_tab_indented_lines_validate_in_linear_time(world: World, lines: int) -> None:
    path = world.path("tab.yaml")
    path.write_text(VALID_BANK + "\tx: 1\n" * lines, encoding="utf-8")
    out = world.cli("validate", str(path), timeout=20)
    out.assert_refused("tab.yaml", says="tab")
    assert out.seconds < 5, out.describe()
    assert len(out.out.splitlines()) < 100, "hundreds of thousands of identical lines"
    assert f"tab.yaml:{VALID_BANK.count(chr(10)) + 1}:1:" in out.out, out.describe()


BAD_TEXT = {
    "utf16": VALID_BANK.encode("utf-16"),
    "latin1": VALID_BANK.replace("Netralitas", "Netralités").encode("latin-1"),
    "binary": bytes(range(256)) * 100,
    "nul": VALID_BANK.encode() + b"\x00",
    "empty": b"",
    "huge": b"# " + b"x" * (33 << 20),
    "bom-only": b"\xef\xbb\xbf",
    "control": VALID_BANK.replace("Bank Uji", "Bank\x07Uji").encode(),
}


@pytest.mark.parametrize("case", sorted(BAD_TEXT))
def test_bad_text_is_a_located_refusal(world: World, case: str) -> None:
    path = world.path(f"{case}.yaml")
    path.write_bytes(BAD_TEXT[case])
    out = world.cli("validate", str(path))
    out.assert_refused(path.name, says="TIDAK VALID")


@pytest.mark.parametrize("case", ["alias-bomb", "deep", "long-line"])
def test_yaml_bombs(world: World, case: str) -> None:
    if case == "alias-bomb":
        text = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
            for i in range(20))
    elif case == "deep":
        text = "a: " + "[" * 10_000 + "]" * 10_000 + "\n"
    else:
        text = VALID_BANK.replace("Bank Uji", "B" * (8 << 20))
    path = world.path(f"{case}.yaml")
    path.write_text(text, encoding="utf-8")
    out = world.cli("validate", str(path), timeout=20)
    if case == "long-line":  # long, but a valid bank
        out.assert_clean()
    else:
        out.assert_refused(path.name)
    assert out.seconds < 10, out.describe()
