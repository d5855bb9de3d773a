"""The phone page (self-contained, small, same tiles as the projector) and the protocol."""

from __future__ import annotations

import json
import re

import pytest

from quiz_app.lan.protocol import (
    MAX_MESSAGE_BYTES,
    AnswerMsg,
    HelloMsg,
    ProtocolError,
    parse_client_message,
    parse_join,
)
from quiz_app.lan.server import page_bytes
from quiz_app.ui.presenter.palette import TILES


def test_page_is_self_contained_and_small():
    page = page_bytes()
    assert len(page) <= 100 * 1024
    text = page.decode("utf-8")
    # no CDN, no outside fonts, no framework download: nothing is fetched from elsewhere
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", text)
    assert "@import" not in text and "url(" not in text
    assert "fonts.googleapis" not in text and "cdn" not in text.lower()
    # the WebSocket address comes from location.host, never a fixed address
    assert "location.host" in text
    assert not re.search(r"\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b", text)
    assert '<html lang="id">' in text


def test_page_tiles_match_the_projector():
    text = page_bytes().decode()
    for tile in TILES:
        m = re.search(rf'{tile.letter}:\["(#[0-9A-Fa-f]{{6}})","(#[0-9a-f]{{3}})","(\w+)"\]',
                      text)
        assert m, tile.letter
        colour, fg, shape = m.groups()
        assert colour.upper() == tile.colour
        assert shape == str(tile.shape)
        assert (fg == "#fff") == (tile.text_colour == "#FFFFFF")


def test_answer_message_parsed():
    m = parse_client_message(json.dumps({"type": "answer", "token": "t0k", "q": 2,
                                         "letters": ["B", "C"], "key": "abc-1"}))
    assert m == AnswerMsg("t0k", 2, frozenset({"B", "C"}), "abc-1")
    assert parse_client_message('{"type":"hello","token":"x_y"}') == HelloMsg("x_y")


@pytest.mark.parametrize("raw, code", [
    ("not json", "bad_json"),
    ("[1,2]", "bad_message"),
    ('{"type":"answer","token":"t","q":0,"letters":["Z"],"key":"k"}', "bad_letters"),
    ('{"type":"answer","token":"t","q":true,"letters":["A"],"key":"k"}', "bad_question"),
    ('{"type":"answer","token":"t","q":-1,"letters":["A"],"key":"k"}', "bad_question"),
    ('{"type":"answer","token":"t","q":0,"letters":["A"],"key":"a b"}', "bad_key"),
    ('{"type":"answer","token":"t","q":0,"letters":"A","key":"k"}', "bad_letters"),
    ('{"type":"hello","token":"../x"}', "bad_token"),
    ('{"type":"hello"}', "bad_token"),
    ('{"type":"admin","token":"t"}', "unknown_type"),
    ("[" * 5000, "too_big"),
])
def test_bad_messages_refused_with_a_code(raw, code):
    with pytest.raises(ProtocolError) as info:
        parse_client_message(raw)
    assert info.value.code == code


def test_message_size_cap():
    big = json.dumps({"type": "hello", "token": "t", "pad": "x" * MAX_MESSAGE_BYTES})
    with pytest.raises(ProtocolError, match="bytes"):
        parse_client_message(big)


def test_join_request():
    req = parse_join('{"code":"ab12cd","nip":"1985 0312","name":"  Ani   L "}')
    assert (req.code, req.nip, req.name) == ("AB12CD", "1985 0312", "Ani L")
    for bad in ('{"code":"a"}', '{"code":"ABCDEF","nip":5}', '{"code":"ABCDEF","name":"' +
                "x" * 200 + '"}'):
        with pytest.raises(ProtocolError):
            parse_join(bad)
