"""Desk actions in the phone protocol, and the desk page's own promises."""

from __future__ import annotations

import json

import pytest

from quiz_app.lan.protocol import ActMsg, ProtocolError, parse_client_message
from quiz_app.lan.server import _fresh, page_bytes


def act(**kw) -> str:
    return json.dumps({"type": "act", "token": "abc", **kw})


def test_actions_parse_with_their_fields() -> None:
    m = parse_client_message(act(do="flag", q=3, on=True, key="k1"))
    assert m == ActMsg("abc", "flag", 3, True, "k1", (("name", ""), ("position", ""),
                                                     ("unit", "")))
    c = parse_client_message(act(do="checkin", fields={"name": "  Ani   Lestari ",
                                                       "unit": "BKPSDM"}))
    assert isinstance(c, ActMsg) and c.field("name") == "Ani Lestari"
    assert c.field("unit") == "BKPSDM" and c.field("position") == ""


@pytest.mark.parametrize(("message", "code"), [
    (act(do="hack"), "bad_action"),
    (act(do="go", q=-1), "bad_question"),
    (act(do="go", q=True), "bad_question"),
    (act(do="flag", on="ya"), "bad_flag"),
    (act(do="away", key="bad key!"), "bad_key"),
    (act(do="checkin", fields={"role": "admin"}), "bad_fields"),
    (act(do="checkin", fields={"name": "x" * 81}), "bad_fields"),
    (act(do="checkin", fields=["Ani"]), "bad_fields"),
])
def test_bad_actions_are_refused_with_a_code(message: str, code: str) -> None:
    with pytest.raises(ProtocolError) as info:
        parse_client_message(message)
    assert info.value.code == code


def test_remaining_time_is_freshened_to_the_laptop_clock() -> None:
    msg = {"type": "me", "q_left": 30.0, "test_left": 100.0, "clock": 1000.0, "q": 2}
    out = _fresh(msg, 1012.5)
    assert out == {"type": "me", "q_left": 17.5, "test_left": 87.5, "q": 2}
    assert _fresh(msg, 2000.0)["q_left"] == 0.0  # never negative
    assert _fresh({"type": "me", "test_left": None, "clock": 5.0}, 9.0)["test_left"] is None


def test_desk_page_is_small_self_contained_and_builds_its_socket_from_the_host() -> None:
    page = page_bytes("desk.html").decode("utf-8")
    assert len(page.encode()) <= 100 * 1024
    assert "location.host" in page and "http://" not in page.replace("http://www.w3", "")
    assert "<script src" not in page and "<link" not in page
    assert "visibilitychange" in page  # leaving the page is reported
    assert ".innerHTML = q" not in page and "innerHTML = o" not in page
