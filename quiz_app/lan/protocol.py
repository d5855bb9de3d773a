"""The phone protocol: every message between the laptop and a phone, in one place. No Qt.

Transport: one port serves the page (``GET /j/CODE``), a small JSON API
(``POST /api/join``) and one WebSocket per phone (``GET /ws``). Every message is a small
JSON object with a ``type``.

Phone → laptop (WebSocket, text frames, at most :data:`MAX_MESSAGE_BYTES`)::

    {"type": "hello",  "token": T}                        first message of a connection
    {"type": "answer", "token": T, "q": 3, "letters": ["B"], "key": K}
    {"type": "ping",   "token": T}

On the desk (self-paced tests, check-in, pledge; :mod:`quiz_app.lan.desk`) a phone also
sends actions::

    {"type": "act", "token": T, "do": "start"|"next"|"back"|"go"|"flag"|"finish"
                                      |"away"|"checkin"|"pledge",
     "q": 3, "on": true, "key": K, "fields": {"name", "position", "unit"}}

``q`` is the question the action is about (``go``: where to, ``flag``: which), ``on`` the
flag's new value, ``key`` makes a resend harmless (``away`` counts once per key), and
``fields`` are the check-in form.

``key`` is the phone's idempotency key for that answer: a resend with the same key is
acknowledged again, never stored twice. ``q`` is the question index the phone saw; an
answer for another question than the open one is refused.

Laptop → phone: ``welcome``, ``waiting`` (take-over awaiting the trainer), ``denied``,
``question`` (public: text and options, never the key), ``closed``, ``ack``,
``refused``, ``reveal`` and ``final`` (personal: own result, rank), ``replaced``
(another connection took this seat), ``removed``, ``error``.

Nothing before a reveal carries the answer key, the explanation or another participant's
answer: :func:`question_message` builds the public question from the display text only,
and a test records every message a phone receives and checks it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

__all__ = [
    "MAX_KEY_LEN",
    "MAX_LETTERS",
    "MAX_MESSAGE_BYTES",
    "MAX_NAME_LEN",
    "MAX_JOIN_BYTES",
    "ACTIONS",
    "ActMsg",
    "AnswerMsg",
    "ClientMessage",
    "HelloMsg",
    "JoinRequest",
    "PingMsg",
    "ProtocolError",
    "dumps",
    "parse_client_message",
    "parse_join",
]

MAX_MESSAGE_BYTES = 1024  # phone → laptop WebSocket frame
MAX_JOIN_BYTES = 1024  # POST /api/join body
MAX_KEY_LEN = 40
MAX_NAME_LEN = 80
MAX_TOKEN_LEN = 64
MAX_LETTERS = 8
_LETTER = re.compile(r"^[A-H]$")
_SAFE = re.compile(r"^[A-Za-z0-9_-]+$")
_CODE = re.compile(r"^[A-Z0-9]{4,8}$")


class ProtocolError(ValueError):
    """A message that does not follow the protocol. ``code`` is sent back to the phone."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(detail or code)
        self.code = code


@dataclass(frozen=True)
class HelloMsg:
    token: str


@dataclass(frozen=True)
class AnswerMsg:
    token: str
    q: int
    letters: frozenset[str]
    key: str


@dataclass(frozen=True)
class PingMsg:
    token: str


ACTIONS = frozenset({"start", "next", "back", "go", "flag", "finish", "away", "checkin",
                     "pledge"})
FIELDS = ("name", "position", "unit")
MAX_FIELD_LEN = 80


@dataclass(frozen=True)
class ActMsg:
    token: str
    do: str
    q: int | None = None
    on: bool | None = None
    key: str = ""
    fields: tuple[tuple[str, str], ...] = ()

    def field(self, name: str) -> str:
        return dict(self.fields).get(name, "")


ClientMessage = HelloMsg | AnswerMsg | PingMsg | ActMsg


@dataclass(frozen=True)
class JoinRequest:
    code: str
    nip: str
    name: str


def _load(raw: str | bytes, cap: int) -> dict[str, Any]:
    size = len(raw.encode() if isinstance(raw, str) else raw)
    if size > cap:
        raise ProtocolError("too_big", f"{size} bytes > {cap}")
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        raise ProtocolError("bad_json", str(exc)) from exc
    if not isinstance(data, dict):
        raise ProtocolError("bad_message", "not an object")
    return data


def _token(data: dict[str, Any]) -> str:
    token = data.get("token")
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_LEN \
            or not _SAFE.match(token):
        raise ProtocolError("bad_token")
    return token


def parse_client_message(raw: str | bytes) -> ClientMessage:
    """Validate one phone → laptop WebSocket message. Raises :class:`ProtocolError`."""
    data = _load(raw, MAX_MESSAGE_BYTES)
    kind = data.get("type")
    if kind == "hello":
        return HelloMsg(_token(data))
    if kind == "ping":
        return PingMsg(_token(data))
    if kind == "answer":
        token = _token(data)
        q = data.get("q")
        if not isinstance(q, int) or isinstance(q, bool) or not 0 <= q < 10_000:
            raise ProtocolError("bad_question")
        letters = data.get("letters")
        if not isinstance(letters, list) or len(letters) > MAX_LETTERS or not all(
                isinstance(x, str) and _LETTER.match(x) for x in letters):
            raise ProtocolError("bad_letters")
        key = data.get("key")
        if not isinstance(key, str) or not key or len(key) > MAX_KEY_LEN \
                or not _SAFE.match(key):
            raise ProtocolError("bad_key")
        return AnswerMsg(token, q, frozenset(letters), key)
    if kind == "act":
        return _act(data)
    raise ProtocolError("unknown_type", str(kind)[:20])


def _act(data: dict[str, Any]) -> ActMsg:
    token = _token(data)
    do = data.get("do")
    if do not in ACTIONS:
        raise ProtocolError("bad_action")
    q = data.get("q")
    if q is not None and (not isinstance(q, int) or isinstance(q, bool)
                          or not 0 <= q < 10_000):
        raise ProtocolError("bad_question")
    on = data.get("on")
    if on is not None and not isinstance(on, bool):
        raise ProtocolError("bad_flag")
    key = data.get("key", "")
    if not isinstance(key, str) or len(key) > MAX_KEY_LEN or (key and not _SAFE.match(key)):
        raise ProtocolError("bad_key")
    raw = data.get("fields", {})
    if not isinstance(raw, dict) or any(k not in FIELDS for k in raw):
        raise ProtocolError("bad_fields")
    fields: list[tuple[str, str]] = []
    for name in FIELDS:
        value = raw.get(name, "")
        if not isinstance(value, str) or len(value) > MAX_FIELD_LEN:
            raise ProtocolError("bad_fields")
        fields.append((name, " ".join(value.split())))
    return ActMsg(token, str(do), q, on, key, tuple(fields))


def parse_join(raw: str | bytes) -> JoinRequest:
    """Validate a ``POST /api/join`` body: ``{"code", "nip", "name"}`` (name optional)."""
    data = _load(raw, MAX_JOIN_BYTES)
    code = data.get("code")
    nip = data.get("nip", "")
    name = data.get("name", "")
    if not isinstance(code, str) or not _CODE.match(code.upper()):
        raise ProtocolError("bad_code")
    if not isinstance(nip, str) or len(nip) > 40:
        raise ProtocolError("bad_nip")
    if not isinstance(name, str) or len(name) > MAX_NAME_LEN:
        raise ProtocolError("bad_name")
    return JoinRequest(code.upper(), nip, " ".join(name.split()))


def dumps(message: dict[str, Any]) -> str:
    """Laptop → phone: compact JSON (non-ASCII kept, the page is UTF-8)."""
    return json.dumps(message, ensure_ascii=False, separators=(",", ":"))
