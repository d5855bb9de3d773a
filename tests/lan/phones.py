"""Test helpers: an owner thread stand-in (the UI thread's queue) and simulated phones."""

from __future__ import annotations

import asyncio
import json
import queue
import time
from collections.abc import Callable
from typing import Any

import aiohttp

from quiz_app.lan.limits import Limits

LOOSE = Limits(http_rate=1000, http_burst=5000, join_rate=1000, join_burst=5000,
               message_rate=1000, message_burst=5000)


class Owner:
    """Work posted to 'the UI thread'; the test runs it with :meth:`pump`."""

    def __init__(self) -> None:
        self.queue: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()

    def post(self, fn: Callable[[], None]) -> None:
        self.queue.put(fn)

    def pump(self) -> int:
        n = 0
        while True:
            try:
                fn = self.queue.get_nowait()
            except queue.Empty:
                return n
            fn()
            n += 1


async def until(pred: Callable[[], bool], owner: Owner | None = None,
                timeout: float = 10.0) -> None:
    end = time.monotonic() + timeout
    while True:
        if owner is not None:
            owner.pump()
        if pred():
            return
        if time.monotonic() > end:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.005)


class Phone:
    """One simulated phone: joins over HTTP, talks over one WebSocket at a time and
    records every message it receives."""

    def __init__(self, http: aiohttp.ClientSession, base: str) -> None:
        self.http = http
        self.base = base
        self.token: str | None = None
        self.ws: aiohttp.ClientWebSocketResponse | None = None
        self.received: list[dict[str, Any]] = []
        self.raw: list[str] = []
        self._reader: asyncio.Task[None] | None = None

    async def join(self, code: str, nip: str, name: str = "") -> tuple[int, dict[str, Any]]:
        async with self.http.post(f"{self.base}/api/join",
                                  data=json.dumps({"code": code, "nip": nip, "name": name}),
                                  headers={"Content-Type": "application/json"}) as r:
            body = await r.json()
            if r.status == 200:
                self.token = body["token"]
            return r.status, body

    async def connect(self) -> None:
        self.ws = await self.http.ws_connect(f"{self.base}/ws")
        self._reader = asyncio.ensure_future(self._read(self.ws))
        await self.send({"type": "hello"})

    async def _read(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        async for msg in ws:
            if msg.type == aiohttp.WSMsgType.TEXT:
                self.raw.append(msg.data)
                self.received.append(json.loads(msg.data))

    async def send(self, message: dict[str, Any]) -> None:
        assert self.ws is not None
        await self.ws.send_str(json.dumps({"token": self.token, **message}))

    async def answer(self, q: int, letters: list[str], key: str) -> None:
        await self.send({"type": "answer", "q": q, "letters": letters, "key": key})

    async def drop(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self._reader is not None:
            await self._reader
        self.ws = None

    def of_type(self, kind: str) -> list[dict[str, Any]]:
        return [m for m in self.received if m.get("type") == kind]

    def last(self, kind: str) -> dict[str, Any] | None:
        found = self.of_type(kind)
        return found[-1] if found else None


class PhoneThread:
    """Simulated phones on their own asyncio loop in a thread, for tests whose own thread
    runs the Qt event loop: ``fut = pt.run(coro)``, then ``qtbot.waitUntil(fut.done)``."""

    def __init__(self) -> None:
        import threading

        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.http: aiohttp.ClientSession | None = None

        async def make() -> aiohttp.ClientSession:
            return aiohttp.ClientSession()

        self.http = self.run(make()).result(5)

    def run(self, coro):  # -> concurrent.futures.Future
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def close(self) -> None:
        if self.http is not None:
            self.run(self.http.close()).result(5)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


def poster_png(width: int = 320, height: int = 200) -> bytes:
    """A small real PNG (a mock campaign poster: blocks of colour), made without Qt."""
    import struct
    import zlib

    def colour(x: int, y: int) -> bytes:
        if y < height // 5:
            return b"\xf0\xb4\x00"  # yellow banner
        if width // 8 < x < width * 3 // 8 and height * 2 // 5 < y < height * 9 // 10:
            return b"\x10\x24\x3e"  # a dark portrait box
        if width // 2 < x < width * 7 // 8 and y % 40 < 14 and y > height // 3:
            return b"\xd5\x5e\x00"  # lines of "text"
        return b"\xe8\xee\xf5"  # light paper

    rows = b"".join(b"\x00" + b"".join(colour(x, y) for x in range(width))
                    for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def me(phone: Phone) -> dict[str, Any]:
    """The phone's current personal screen on the desk (its last 'me', or the welcome's)."""
    for m in reversed(phone.received):
        if m.get("type") == "me":
            return m
        if m.get("type") == "welcome" and m.get("personal"):
            return m["personal"]
    return {}
