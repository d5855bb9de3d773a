"""Question images on the phone desk: the token reaches only the phone on that question,
``GET /img/TOKEN`` serves the bytes through the guarded reader, and anything else (an
unknown token, a FIFO, a file over the cap, a file that is not what its name says) is a
404 with the reason logged, never a hang. No Qt."""

from __future__ import annotations

import asyncio
import json
import logging
import os
from pathlib import Path

import aiohttp
import pytest

from quiz_app.core.model import Navigation, Order, Review, TestKind
from quiz_app.lan.desk import PhoneDesk
from quiz_app.lan.images import MAX_IMAGE_BYTES
from quiz_app.lan.limits import Limits
from tests.helpers.fakes import FakeClock, make_bank, make_plan, make_question

from .phones import LOOSE, Owner, Phone, me, poster_png, until

ANI = "198503122010012002"
BUDI = "199001012015031001"
IMAGE_TEXT = "Manakah poster berikut yang melanggar netralitas ASN?"


class ImageDesk:
    """A desk whose test is q1 (plain), q2 (with an image), q3 (plain), in bank order."""

    def __init__(self, tmp_path: Path, limits: Limits = LOOSE) -> None:
        self.image = tmp_path / "bank" / "poster.png"
        self.image.parent.mkdir()
        self.image.write_bytes(poster_png())
        qs = [make_question("q1", answer="A", shuffle=False),
              make_question("q2", answer="B", shuffle=False, text=IMAGE_TEXT,
                            image=self.image),
              make_question("q3", answer="C", shuffle=False)]
        plan = make_plan(order=Order.BANK, shuffle_options=False, time_limit=600,
                         question_time_limit=60, kind=TestKind.PRETEST,
                         review=Review.ANSWERS, navigation=Navigation.FREE,
                         title="Pre-test Netralitas")
        self.clock = FakeClock()
        self.owner = Owner()
        self.desk = PhoneDesk.create(tmp_path / "data", self.clock, plan,
                                     [make_bank(questions=qs)])
        self.port = self.desk.start_server(self.owner.post, host="127.0.0.1", port=0,
                                           limits=limits)
        self.base = f"http://127.0.0.1:{self.port}"
        self.token = self.desk.test.images[self.image]

    async def phone(self, http: aiohttp.ClientSession, nip: str, name: str) -> Phone:
        p = Phone(http, self.base)
        assert self.desk.code is not None
        status, body = await p.join(self.desk.code, nip, name)
        assert status == 200, body
        await p.connect()
        await until(lambda: p.last("welcome") is not None, self.owner)
        return p

    async def get(self, http: aiohttp.ClientSession,
                  token: str) -> tuple[int, bytes, aiohttp.typedefs.LooseHeaders]:
        # a hang would fail here, not block the suite
        async with asyncio.timeout(10):
            async with http.get(f"{self.base}/img/{token}") as r:
                return r.status, await r.read(), r.headers


@pytest.fixture
def idesk(tmp_path):
    d = ImageDesk(tmp_path)
    yield d
    d.desk.close()


def assert_token_only_on_its_question(phone: Phone, token: str) -> int:
    """Every message carrying the token is the screen of the image question; returns how
    many did."""
    carrying = 0
    for raw in phone.raw:
        if token not in raw:
            continue
        carrying += 1
        msg = json.loads(raw)
        state = msg["personal"] if msg.get("type") == "welcome" else msg
        assert msg.get("type") in ("me", "welcome"), raw
        assert state.get("phase") == "question" and state.get("text") == IMAGE_TEXT, raw
        assert state.get("img") == token, raw
    return carrying


def test_the_image_token_reaches_only_the_phone_on_that_question(idesk: ImageDesk) -> None:
    async def go() -> None:
        async with aiohttp.ClientSession() as http:
            ani = await idesk.phone(http, ANI, "Ani Lestari")
            budi = await idesk.phone(http, BUDI, "Budi Santoso")
            idesk.desk.open_test()
            for p in (ani, budi):
                await p.send({"type": "act", "do": "start", "key": "s"})
            await until(lambda: me(ani).get("phase") == "question"
                        and me(budi).get("phase") == "question", idesk.owner)
            assert me(ani)["img"] is None  # q1 has no image
            await ani.send({"type": "act", "do": "next"})
            await until(lambda: me(ani).get("q") == 1, idesk.owner)
            assert me(ani)["img"] == idesk.token
            # the reconnecting phone gets it back in its welcome, the other one never
            await ani.drop()
            await ani.connect()
            await until(lambda: len(ani.of_type("welcome")) == 2, idesk.owner)
            assert ani.last("welcome")["personal"]["img"] == idesk.token
            await ani.send({"type": "act", "do": "next"})
            await until(lambda: me(ani).get("q") == 2, idesk.owner)
            assert me(ani)["img"] is None
            await ani.send({"type": "act", "do": "finish", "key": "f"})
            await until(lambda: me(ani).get("phase") == "result", idesk.owner)
            assert assert_token_only_on_its_question(ani, idesk.token) == 2
            assert assert_token_only_on_its_question(budi, idesk.token) == 0
            # the image never appears as a path either
            for raw in ani.raw + budi.raw:
                assert "poster.png" not in raw and str(idesk.image.parent) not in raw
            await ani.drop()
            await budi.drop()

    asyncio.run(go())


def test_get_image_by_token_serves_the_bytes_once_read(idesk: ImageDesk) -> None:
    async def go() -> None:
        async with aiohttp.ClientSession() as http:
            status, body, headers = await idesk.get(http, idesk.token)
            assert status == 200 and body == poster_png()
            assert headers["Content-Type"] == "image/png"
            assert headers["X-Content-Type-Options"] == "nosniff"
            assert headers["Cache-Control"].startswith("private, max-age=")
            assert "sandbox" in headers["Content-Security-Policy"]
            # kept in memory: the file is not read again
            idesk.image.unlink()
            status, body, _ = await idesk.get(http, idesk.token)
            assert status == 200 and body == poster_png()
            # unknown tokens, or a path in place of a token, are plain 404s
            for bad in ("x" * 22, "poster.png", "..%2Fbank%2Fposter.png"):
                status, _, _ = await idesk.get(http, bad)
                assert status == 404, bad
            async with http.get(f"{idesk.base}/img/../bank/poster.png") as r:
                assert r.status == 404
            # the page may load the image (same origin)
            async with http.get(idesk.base + "/") as r:
                assert "img-src data: 'self'" in r.headers["Content-Security-Policy"]

    asyncio.run(go())


def _fifo(path: Path) -> str:
    path.unlink()
    os.mkfifo(path)
    return "bukan berkas biasa"


def _too_big(path: Path) -> str:
    with path.open("r+b") as f:  # a valid PNG start, grown past the cap (sparse)
        f.truncate(MAX_IMAGE_BYTES + 1)
    return "terlalu besar"


def _not_png(path: Path) -> str:
    path.write_text("<html><script>alert(1)</script></html>")
    return "bukan gambar PNG"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("spoil", [_fifo, _too_big, _not_png])
def test_an_image_that_cannot_be_served_is_a_404_with_the_reason_logged(
        tmp_path: Path, spoil, caplog: pytest.LogCaptureFixture) -> None:
    d = ImageDesk(tmp_path)
    try:
        reason = spoil(d.image)

        async def go() -> None:
            async with aiohttp.ClientSession() as http:
                with caplog.at_level(logging.WARNING, logger="quiz_app.lan.images"):
                    status, body, _ = await d.get(http, d.token)
                    assert status == 404 and b"script" not in body
                    (logged,) = [r.getMessage() for r in caplog.records
                                 if "not served" in r.getMessage()]
                    assert reason in logged and "poster.png" in logged
                    # the refusal is remembered for a while: no read, no new log line
                    caplog.clear()
                    status, _, _ = await d.get(http, d.token)
                    assert status == 404 and not caplog.records

        asyncio.run(go())
    finally:
        d.desk.close()


def test_image_requests_are_rate_limited_per_address(tmp_path: Path) -> None:
    # join + WebSocket would use two of the burst; here no phone joins: 3 GETs pass
    d = ImageDesk(tmp_path, Limits(http_rate=0.001, http_burst=3.0))
    try:
        async def go() -> None:
            async with aiohttp.ClientSession() as http:
                statuses = [(await d.get(http, d.token))[0] for _ in range(4)]
                assert statuses == [200, 200, 200, 429]

        asyncio.run(go())
    finally:
        d.desk.close()


def test_the_next_test_on_the_same_desk_serves_its_own_images(idesk: ImageDesk,
                                                               tmp_path: Path) -> None:
    later = tmp_path / "post" / "poster-post.png"
    later.parent.mkdir()
    later.write_bytes(poster_png(40, 30))
    qs = [make_question("p1", answer="A", shuffle=False, text=IMAGE_TEXT, image=later)]

    async def go() -> None:
        async with aiohttp.ClientSession() as http:
            ani = await idesk.phone(http, ANI, "Ani Lestari")
            ready: list[int] = []
            idesk.desk.next_test(make_plan(kind=TestKind.POSTTEST, title="Post-test",
                                           order=Order.BANK),
                                 [make_bank(questions=qs)], on_ready=ready.append)
            await until(lambda: bool(ready), idesk.owner)
            idesk.desk.open_test()
            await ani.send({"type": "act", "do": "start", "key": "s"})
            await until(lambda: me(ani).get("phase") == "question", idesk.owner)
            token = me(ani)["img"]
            assert token and token != idesk.token
            status, body, _ = await idesk.get(http, token)
            assert status == 200 and body == poster_png(40, 30)
            await ani.drop()

    asyncio.run(go())
