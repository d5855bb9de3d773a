"""The phone server: aiohttp in its own thread with its own asyncio loop. No Qt.

One port serves the phone page (``GET /`` and ``GET /j/CODE``), the join API
(``POST /api/join``), one WebSocket per phone (``GET /ws``) and, for the desk, question
images by unguessable token (``GET /img/TOKEN``, :mod:`quiz_app.lan.images`; a phone
never names a file). Every other path, and every unknown token, is a 404; there is no
trainer or admin endpoint: every control stays in the desktop app, which calls the
thread-safe methods of :class:`LanServer` (they hop onto the server loop with
``call_soon_threadsafe``).

The server keeps the seats (who joined, their hashed device token, the connection of
each) and what each phone must see again after a reconnect (the current public question
state and its own last personal message). It does not judge answers: it stamps each
with the laptop's clock on receipt, collects those that arrive together and hands the
batch to :class:`LanHooks.answers` (on the server thread; the hall side posts it to the
thread that owns the game). The hall calls :meth:`LanServer.acknowledge` once an answer
is committed to the store (or refused), and only then does the phone see "diterima".

Threading: ``asyncio.new_event_loop()`` in the server thread. On Windows that is the
Proactor loop; no event-loop policy is ever set (the selector loop caps at 512 sockets).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import secrets
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from typing import Any, Protocol

from aiohttp import WSMsgType, web

from ..core.model import Participant
from ..core.people import Roster, normalize_nip
from ..core.quiz import IdentityProblem, check_identity
from . import quietgc
from .images import IMAGE_HEADERS, ImageShelf
from .limits import Limits, RateLimiter
from .loopcalls import LoopCalls
from .protocol import (
    MAX_JOIN_BYTES,
    MAX_MESSAGE_BYTES,
    ActMsg,
    AnswerMsg,
    HelloMsg,
    ProtocolError,
    dumps,
    parse_client_message,
    parse_join,
)

log = logging.getLogger(__name__)

__all__ = [
    "CODE_ALPHABET",
    "IncomingAnswer",
    "JoinPolicy",
    "LanHooks",
    "LanServer",
    "SeatInfo",
    "hash_token",
    "new_session_code",
    "page_bytes",
]

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
CODE_LENGTH = 6
BATCH_WINDOW = 0.003  # seconds: answers arriving within it share one batch (one commit)
MAX_STRIKES = 20  # malformed or over-limit messages before a connection is closed


def new_session_code() -> str:
    """A fresh short code for each session (part of the join URL)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def hash_token(token: str) -> str:
    """Device tokens are kept only as their SHA-256 (in memory and in the resume file)."""
    return hashlib.sha256(token.encode()).hexdigest()


def page_bytes(name: str = "phone.html") -> bytes:
    return resources.files("quiz_app.lan").joinpath(f"page/{name}").read_bytes()


TIMED_FIELDS = ("test_left", "q_left")  # seconds left in a personal message, as of "clock"


def _fresh(message: Mapping[str, Any], now: float) -> dict[str, Any]:
    """A personal message as of now: a message stamped with the laptop clock (``clock``)
    has its seconds-left fields reduced by the time since, so a phone that reconnects
    sees the same remaining time as the laptop (deadlines live on the laptop)."""
    out = dict(message)
    stamp = out.pop("clock", None)
    if isinstance(stamp, int | float):
        gone = max(0.0, now - float(stamp))
        for name in TIMED_FIELDS:
            value = out.get(name)
            if isinstance(value, int | float):
                out[name] = round(max(0.0, float(value) - gone), 1)
    return out


@dataclass(frozen=True)
class JoinPolicy:
    """Who may join: participant-mode identity rules (roster, guests)."""

    roster: Roster | None = None
    guests_allowed: bool = False
    today: date | None = None


@dataclass(frozen=True)
class IncomingAnswer:
    seat_id: str
    q: int
    letters: frozenset[str]
    key: str
    at: float  # laptop clock reading on receipt


@dataclass(frozen=True)
class SeatInfo:
    """A seat as the hall side sees it (persisted for a resume)."""

    id: str
    nip: str | None
    name: str
    token_hash: str


class LanHooks(Protocol):
    """What the server tells the hall. Called on the server thread: keep them short
    (post the work to the game's thread)."""

    def seat_joined(self, seat: SeatInfo, participant: Participant) -> None: ...

    def answers(self, batch: list[IncomingAnswer]) -> None: ...

    def takeover_requested(self, request_id: str, seat_id: str, name: str) -> None: ...

    def first_contact(self, host: str) -> None: ...


@dataclass
class _Seat:
    info: SeatInfo
    ws: web.WebSocketResponse | None = None
    keys: dict[str, str] = field(default_factory=dict)  # idempotency key -> status
    acked: dict[int, list[str]] = field(default_factory=dict)  # question -> stored letters
    personal: dict[str, Any] | None = None  # the last reveal/final for this seat
    removed: bool = False


@dataclass
class _Takeover:
    id: str
    seat_id: str
    token_hash: str
    ws: web.WebSocketResponse | None = None


class LanServer:
    """The phone server. ``start()`` binds ``host:port`` (0: any free port) and returns
    the port; everything else is thread-safe and returns at once."""

    def __init__(self, hooks: LanHooks, clock: Callable[[], float], *,
                 policy: JoinPolicy | None = None, code: str | None = None,
                 limits: Limits | None = None,
                 seats: Iterable[SeatInfo] = (), page: str = "phone.html",
                 images: ImageShelf | None = None) -> None:
        self.hooks = hooks
        self.clock = clock
        self.policy = policy or JoinPolicy()
        self.code = code or new_session_code()
        self.limits = limits or Limits()
        self.port = 0
        self.locked = False
        self._page = page_bytes(page)
        self._images = images
        self._seats: dict[str, _Seat] = {}
        self._by_token: dict[str, str] = {}  # token hash -> seat id
        self._by_nip: dict[str, str] = {}
        self._takeovers: dict[str, _Takeover] = {}
        self._takeover_by_token: dict[str, str] = {}
        self._guests = 0
        for info in seats:
            self._add_seat(info)
        self._public: dict[str, Any] | None = None
        self._batch: list[IncomingAnswer] = []
        self._flush_scheduled = False
        self._first_contact = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._stopped = threading.Event()
        self._gc_held = False  # quietgc.hold() while serving
        self._calls = LoopCalls()
        lim = self.limits
        self._http_limit = RateLimiter(lim.http_rate, lim.http_burst, clock, lim.max_tracked)
        self._join_limit = RateLimiter(lim.join_rate, lim.join_burst, clock, lim.max_tracked)
        self._msg_limit = RateLimiter(lim.message_rate, lim.message_burst, clock,
                                      lim.max_tracked)
        # figures the console reads (plain ints: safe to read from another thread)
        self.joined = len(self._seats)
        self.connected = 0

    # ------------------------------------------------------------------ life cycle

    def start(self, host: str = "0.0.0.0", port: int = 0, timeout: float = 10.0) -> int:
        """Bind and serve in a new thread. Falls back to a free port when ``port`` is
        taken. Returns the port; raises OSError when nothing can be bound."""
        ready = threading.Event()
        failure: list[BaseException] = []

        def run() -> None:
            loop = asyncio.new_event_loop()  # Proactor on Windows; no policy is set
            self._loop = loop
            try:
                loop.run_until_complete(self._bind(host, port))
            except OSError as exc:
                failure.append(exc)
                ready.set()
                loop.close()
                self._stopped.set()
                return
            ready.set()
            try:
                loop.run_forever()
            finally:
                loop.run_until_complete(self._shutdown())
                loop.close()
                self._stopped.set()

        quietgc.hold()  # no full GC pass stalls every thread while phones are served
        self._gc_held = True
        self._thread = threading.Thread(target=run, name="lan-server", daemon=True)
        self._thread.start()
        if not ready.wait(timeout):
            self._release_gc()
            raise OSError("phone server did not start")
        if failure:
            self._release_gc()
            raise failure[0]
        return self.port

    def _release_gc(self) -> None:
        if self._gc_held:
            self._gc_held = False
            quietgc.release()

    async def _bind(self, host: str, port: int) -> None:
        app = web.Application(client_max_size=MAX_JOIN_BYTES,
                              handler_args={"max_field_size": 4096, "max_line_size": 4096})
        app.router.add_get("/", self._page_handler)
        app.router.add_get("/j/{code}", self._page_handler)
        app.router.add_post("/api/join", self._join_handler)
        app.router.add_get("/ws", self._ws_handler)
        if self._images is not None:
            app.router.add_get("/img/{token}", self._image_handler)
        runner = web.AppRunner(app, access_log=None, handle_signals=False,
                               shutdown_timeout=1.0)
        await runner.setup()
        self._runner = runner
        try:
            site = web.TCPSite(runner, host, port, backlog=1024)
            await site.start()
        except OSError:
            if port == 0:
                raise
            site = web.TCPSite(runner, host, 0, backlog=1024)
            await site.start()
        server = site._server  # the asyncio Server: read the bound port
        sockets = getattr(server, "sockets", None) or ()
        self.port = int(sockets[0].getsockname()[1]) if sockets else port

    async def _shutdown(self) -> None:
        for seat in self._seats.values():
            if seat.ws is not None and not seat.ws.closed:
                await seat.ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    def stop(self, timeout: float = 5.0) -> None:
        """Close every connection and stop listening. Idempotent."""
        loop = self._loop
        if loop is None or self._thread is None:
            self._release_gc()
            return
        if not loop.is_closed():
            loop.call_soon_threadsafe(loop.stop)
        self._stopped.wait(timeout)
        self._thread.join(timeout)
        self._loop = None
        self._release_gc()

    @property
    def running(self) -> bool:
        return self._loop is not None and not self._stopped.is_set()

    def _call(self, fn: Callable[..., None], *args: Any) -> None:
        self._calls.call(self._loop, fn, *args)  # in order; one wake-up per batch

    def seed_answer(self, seat_id: str, q: int, letters: list[str]) -> None:
        """Before :meth:`start`: an answer stored before a resume, for the snapshot."""
        seat = self._seats.get(seat_id)
        if seat is not None:
            seat.acked[q] = sorted(letters)

    # ------------------------------------------------------------------ hall → phones

    def publish(self, message: Mapping[str, Any],
                personal: Mapping[str, Mapping[str, Any]] | None = None) -> None:
        """A new public state (question, closed, reveal …) for every phone, plus optional
        per-seat messages (own result and rank). One fan-out per event, never per answer."""
        self._call(self._publish, dict(message), dict(personal or {}))

    def publish_personal(self, personal: Mapping[str, Mapping[str, Any]]) -> None:
        """Per-seat messages for the current public state (own result and rank)."""
        self._call(self._publish_personal, dict(personal))

    def acknowledge(self, results: list[tuple[str, str, int, list[str], str]]) -> None:
        """``(seat id, key, question, letters, status)`` with status ``"ack"`` (committed),
        ``"refused:REASON"`` or ``"error"`` (not stored; the phone may resend)."""
        self._call(self._acknowledge, results)

    def set_locked(self, locked: bool) -> None:
        self._call(setattr, self, "locked", bool(locked))

    def remove_seat(self, seat_id: str) -> None:
        self._call(self._remove, seat_id)

    def resolve_takeover(self, request_id: str, approve: bool) -> None:
        self._call(self._resolve, request_id, approve)

    # ------------------------------------------------------------------ HTTP

    def _too_many(self, request: web.Request) -> bool:
        return not self._http_limit.allow(request.remote or "?")

    def _note_contact(self, request: web.Request) -> None:
        if not self._first_contact:
            self._first_contact = True
            self.hooks.first_contact(request.host)

    async def _page_handler(self, request: web.Request) -> web.StreamResponse:
        if self._too_many(request):
            return web.Response(status=429, text="Terlalu banyak permintaan; tunggu sebentar.")
        self._note_contact(request)
        return web.Response(body=self._page, content_type="text/html", charset="utf-8",
                            headers=_page_headers(request.host))

    async def _image_handler(self, request: web.Request) -> web.StreamResponse:
        if self._too_many(request):
            return web.Response(status=429, text="Terlalu banyak permintaan; tunggu sebentar.")
        assert self._images is not None
        image = await self._images.fetch(request.match_info["token"])
        if image is None:  # unknown token, or a file that cannot be served (logged)
            raise web.HTTPNotFound()
        return web.Response(body=image.data, content_type=image.content_type,
                            headers=IMAGE_HEADERS)

    async def _join_handler(self, request: web.Request) -> web.StreamResponse:
        address = request.remote or "?"
        if self._too_many(request) or not self._join_limit.allow(address):
            return _json({"error": "slow_down"}, 429)
        body = await request.content.read(MAX_JOIN_BYTES + 1)
        try:
            req = parse_join(body)
        except ProtocolError as exc:
            return _json({"error": exc.code}, 400)
        if req.code != self.code:
            return _json({"error": "code"}, 403)
        seated = self._by_nip.get(normalize_nip(req.nip))
        name = req.name or (self._seats[seated].info.name if seated else "")
        check = check_identity(req.nip, name, roster=self.policy.roster,
                               guests_allowed=self.policy.guests_allowed,
                               today=self.policy.today)
        if not check.ok or check.participant is None:
            problem = check.problem or IdentityProblem.NIP_INVALID
            return _json({"error": str(problem), "detail": check.detail}, 400)
        person = check.participant
        token = secrets.token_urlsafe(24)
        token_hash = hash_token(token)
        existing = self._by_nip.get(person.nip) if person.nip else None
        if existing is not None:
            request_id = secrets.token_hex(8)
            self._takeovers[request_id] = _Takeover(request_id, existing, token_hash)
            self._takeover_by_token[token_hash] = request_id
            self.hooks.takeover_requested(request_id, existing, self._seats[existing].info.name)
            return _json({"status": "waiting", "token": token, "name": person.name})
        if self.locked:
            return _json({"error": "locked"}, 403)
        if person.nip:
            seat_id = f"hp-{person.nip}"
        else:
            self._guests += 1
            seat_id = f"hp-tamu-{self._guests:03d}"
            while seat_id in self._seats:
                self._guests += 1
                seat_id = f"hp-tamu-{self._guests:03d}"
        info = SeatInfo(seat_id, person.nip, person.name, token_hash)
        self._add_seat(info)
        self.hooks.seat_joined(info, person)
        return _json({"status": "joined", "token": token, "name": person.name})

    def _add_seat(self, info: SeatInfo) -> None:
        self._seats[info.id] = _Seat(info)
        self._by_token[info.token_hash] = info.id
        if info.nip:
            self._by_nip[info.nip] = info.id
        if info.id.startswith("hp-tamu-"):
            self._guests = max(self._guests, int(info.id.rsplit("-", 1)[1]))
        self.joined = len(self._seats)

    # ------------------------------------------------------------------ WebSocket

    async def _ws_handler(self, request: web.Request) -> web.StreamResponse:
        if self._too_many(request):
            return web.Response(status=429)
        self._note_contact(request)
        ws = web.WebSocketResponse(heartbeat=20, max_msg_size=MAX_MESSAGE_BYTES,
                                   compress=False)
        await ws.prepare(request)
        seat: _Seat | None = None
        token_hash = ""
        strikes = 0
        try:
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    break
                try:
                    m = parse_client_message(msg.data)
                except ProtocolError as exc:
                    strikes += 1
                    await ws.send_str(dumps({"type": "error", "code": exc.code}))
                    if strikes > MAX_STRIKES:
                        break
                    continue
                if not self._msg_limit.allow(m.token):
                    strikes += 1
                    await ws.send_str(dumps({"type": "error", "code": "slow_down"}))
                    if strikes > MAX_STRIKES:
                        break
                    continue
                if seat is None or isinstance(m, HelloMsg):
                    if not isinstance(m, HelloMsg):
                        await ws.send_str(dumps({"type": "error", "code": "hello_first"}))
                        continue
                    token_hash = hash_token(m.token)
                    seat = await self._hello(ws, token_hash)
                    if seat is None and token_hash not in self._takeover_by_token:
                        break
                    continue
                if hash_token(m.token) != token_hash:
                    # a token answers only for its own seat
                    await ws.send_str(dumps({"type": "error", "code": "bad_token"}))
                    continue
                if seat.removed or seat.ws is not ws:
                    break
                if isinstance(m, AnswerMsg):
                    self._receive(seat, m)
                elif isinstance(m, ActMsg):
                    self._act(seat, m)
        finally:
            if seat is not None and seat.ws is ws:
                seat.ws = None
                self.connected -= 1
            request_id = self._takeover_by_token.get(token_hash)
            if request_id is not None:
                tk = self._takeovers.get(request_id)
                if tk is not None and tk.ws is ws:
                    tk.ws = None
        return ws

    async def _hello(self, ws: web.WebSocketResponse, token_hash: str) -> _Seat | None:
        seat_id = self._by_token.get(token_hash)
        if seat_id is None:
            request_id = self._takeover_by_token.get(token_hash)
            if request_id is not None and request_id in self._takeovers:
                self._takeovers[request_id].ws = ws
                await ws.send_str(dumps({"type": "waiting"}))
                return None
            await ws.send_str(dumps({"type": "error", "code": "unknown_token"}))
            return None
        seat = self._seats[seat_id]
        old = seat.ws
        if old is not None and old is not ws:
            # a new connection for a seat replaces the old one
            seat.ws = None
            self.connected -= 1
            await _send_quietly(old, {"type": "replaced"})
            await old.close()
        if seat.ws is None:
            seat.ws = ws
            self.connected += 1
        await ws.send_str(dumps(self._snapshot(seat)))
        return seat

    def _snapshot(self, seat: _Seat) -> dict[str, Any]:
        """What a (re)connecting phone needs: who it is, the current question with its own
        stored answer, and its last personal result."""
        public = dict(self._public) if self._public else None
        mine = None
        if public is not None and isinstance(public.get("q"), int):
            mine = seat.acked.get(public["q"])
        personal = _fresh(seat.personal, self.clock()) if seat.personal else None
        return {"type": "welcome", "name": seat.info.name, "nip": seat.info.nip or "",
                "state": public, "mine": mine, "personal": personal}

    def _act(self, seat: _Seat, m: ActMsg) -> None:
        """A desk action (start, next, flag, away …): handed to the hooks with the laptop
        clock's reading. A resend with a key already seen is dropped."""
        handler = getattr(self.hooks, "act", None)
        if handler is None:
            return
        if m.key:
            if m.key in seat.keys:
                return
            seat.keys[m.key] = "act"
            if len(seat.keys) > 200:
                for k in [k for k, v in seat.keys.items() if v != "pending"][:100]:
                    del seat.keys[k]
        handler(seat.info.id, m, self.clock())

    def _receive(self, seat: _Seat, m: AnswerMsg) -> None:
        status = seat.keys.get(m.key)
        if status is not None:
            if status != "pending":  # a resend: answer again, never store twice
                self._send(seat, self._ack_message(m.key, m.q, seat.acked.get(m.q), status))
            return
        seat.keys[m.key] = "pending"
        if len(seat.keys) > 200:
            for k in [k for k, v in seat.keys.items() if v != "pending"][:100]:
                del seat.keys[k]
        self._batch.append(IncomingAnswer(seat.info.id, m.q, m.letters, m.key, self.clock()))
        if not self._flush_scheduled:
            self._flush_scheduled = True
            assert self._loop is not None
            self._loop.call_later(BATCH_WINDOW, self._flush)

    def _flush(self) -> None:
        self._flush_scheduled = False
        batch, self._batch = self._batch, []
        if batch:
            self.hooks.answers(batch)

    @staticmethod
    def _ack_message(key: str, q: int, letters: list[str] | None, status: str) -> dict[str, Any]:
        if status == "ack":
            return {"type": "ack", "key": key, "q": q, "letters": letters or []}
        if status.startswith("refused:"):
            return {"type": "refused", "key": key, "q": q, "reason": status[8:]}
        return {"type": "error", "code": "not_stored", "key": key}

    def _acknowledge(self, results: list[tuple[str, str, int, list[str], str]]) -> None:
        for seat_id, key, q, letters, status in results:
            seat = self._seats.get(seat_id)
            if seat is None:
                continue
            if status == "error":
                seat.keys.pop(key, None)  # not stored: a resend is processed again
            else:
                seat.keys[key] = status
            if status == "ack":
                seat.acked[q] = sorted(letters)
            self._send(seat, self._ack_message(key, q, seat.acked.get(q), status))

    def _send(self, seat: _Seat, message: Mapping[str, Any]) -> None:
        ws = seat.ws
        if ws is not None and not ws.closed:
            asyncio.ensure_future(_send_quietly(ws, message))

    def _publish(self, message: dict[str, Any], personal: dict[str, Mapping[str, Any]]) -> None:
        self._public = message
        data = dumps(message)
        for seat_id, seat in self._seats.items():
            own = personal.get(seat_id)
            if own is not None:
                seat.personal = dict(own)
            elif message.get("type") == "question":
                seat.personal = None
            ws = seat.ws
            if ws is None or ws.closed:
                continue
            if own is not None:
                asyncio.ensure_future(_send_many(ws, (data, dumps(own))))
            else:
                asyncio.ensure_future(_send_many(ws, (data,)))

    def _publish_personal(self, personal: dict[str, Mapping[str, Any]],
                          send: bool = True) -> None:
        now = self.clock()
        for seat_id, own in personal.items():
            seat = self._seats.get(seat_id)
            if seat is not None:
                old = seat.personal
                if old is not None and isinstance(own.get("v"), int) \
                        and isinstance(old.get("v"), int) and own["v"] < old["v"]:
                    continue  # a newer state was already sent (versioned desk states)
                seat.personal = dict(own)
                if send:
                    self._send(seat, _fresh(own, now))

    def remember_personal(self, personal: Mapping[str, Mapping[str, Any]]) -> None:
        """What a reconnecting phone gets as its personal state, without sending it now
        (the phone already shows it, e.g. an acknowledged answer)."""
        self._call(self._publish_personal, dict(personal), False)

    def _remove(self, seat_id: str) -> None:
        seat = self._seats.get(seat_id)
        if seat is None or seat.removed:
            return
        seat.removed = True
        self._by_token.pop(seat.info.token_hash, None)
        if seat.ws is not None:
            ws, seat.ws = seat.ws, None
            self.connected -= 1
            asyncio.ensure_future(_close_with(ws, {"type": "removed"}))

    def _resolve(self, request_id: str, approve: bool) -> None:
        tk = self._takeovers.pop(request_id, None)
        if tk is None:
            return
        self._takeover_by_token.pop(tk.token_hash, None)
        seat = self._seats.get(tk.seat_id)
        if not approve or seat is None:
            if tk.ws is not None:
                asyncio.ensure_future(_close_with(tk.ws, {"type": "denied"}))
            return
        # the new device takes the seat: the old token stops working
        self._by_token.pop(seat.info.token_hash, None)
        seat.info = SeatInfo(seat.info.id, seat.info.nip, seat.info.name, tk.token_hash)
        seat.removed = False
        self._by_token[tk.token_hash] = seat.info.id
        if seat.ws is not None:
            old, seat.ws = seat.ws, None
            self.connected -= 1
            asyncio.ensure_future(_close_with(old, {"type": "replaced"}))
        if tk.ws is not None and not tk.ws.closed:
            seat.ws = tk.ws
            self.connected += 1
            self._send(seat, self._snapshot(seat))
        self.hooks.seat_joined(seat.info, Participant(name=seat.info.name, nip=seat.info.nip))

    # ------------------------------------------------------------------ for tests

    def seat_ids(self) -> list[str]:
        return list(self._seats)

    def connected_ids(self) -> set[str]:
        """Seats with an open connection now (read from another thread: a copy)."""
        return {sid for sid, seat in list(self._seats.items()) if seat.ws is not None}


def _page_headers(host: str) -> dict[str, str]:
    return {
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
        "Content-Security-Policy": (
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
            f"img-src data: 'self'; connect-src 'self' ws://{host}; base-uri 'none'; "
            "form-action 'none'; frame-ancestors 'none'"
        ),
    }


def _json(data: Mapping[str, Any], status: int = 200) -> web.Response:
    return web.Response(text=dumps(data), status=status, content_type="application/json",
                        headers={"Cache-Control": "no-store"})


async def _send_quietly(ws: web.WebSocketResponse, message: Mapping[str, Any]) -> None:
    await _send_many(ws, (dumps(message),))


async def _send_many(ws: web.WebSocketResponse, data: Iterable[str]) -> None:
    try:
        for item in data:
            if ws.closed:
                return
            await ws.send_str(item)
    except (ConnectionError, RuntimeError) as exc:  # the phone went away meanwhile
        log.debug("send to phone failed: %s", exc)


async def _close_with(ws: web.WebSocketResponse, message: Mapping[str, Any]) -> None:
    await _send_quietly(ws, message)
    try:
        await ws.close()
    except (ConnectionError, RuntimeError) as exc:
        log.debug("close failed: %s", exc)
