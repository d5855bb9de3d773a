"""Question images for phones: unguessable tokens, guarded reads, an in-memory cache. No Qt.

A phone never names a file. When the desk starts (and when it switches to the next test)
every image of its banks gets a random token (:meth:`ImageShelf.add`); a seat's screen
carries the token of the image of the question that seat is on, and nothing else. The
server answers ``GET /img/{token}`` with :meth:`ImageShelf.fetch`: an unknown token is a
404 like any unknown path.

The bytes come through the one guarded reader (:func:`~quiz_app.core.userfile.read_user_bytes`:
regular files only, a size cap, ``O_NONBLOCK`` so a FIFO swapped in cannot block), on a
worker thread of the server loop (never the UI thread, never the loop itself), once per
image: the result is kept in memory. The content must match the suffix the bank validator
accepted (``.png``, ``.jpg``/``.jpeg``, ``.svg``): a file that is not what its name says
is refused, with the reason logged.

Threads: :meth:`add` runs on the owner (UI) thread, :meth:`fetch` on the server loop; the
token table is shared under a lock, the cache belongs to the server loop.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..core.banks import IMAGE_SUFFIXES
from ..core.errors import QuizError
from ..core.model import Bank
from ..core.userfile import read_user_bytes

log = logging.getLogger(__name__)

__all__ = ["IMAGE_HEADERS", "MAX_CACHE_BYTES", "MAX_IMAGE_BYTES", "ImageShelf", "ServedImage",
           "content_type_of"]

# A phone camera's JPEG is 2-5 MB; anything larger is an unscaled photo or a poster at
# print resolution, which dozens of phones on one hall Wi-Fi would each download (and the
# laptop would keep in memory). 5 MiB admits every ordinary photo and refuses the rest.
MAX_IMAGE_BYTES = 5 * 1024 * 1024
# Images kept in memory at most; past it an image is still served, read again each time.
MAX_CACHE_BYTES = 64 * 1024 * 1024
RETRY_AFTER = 30.0  # seconds before a refused image is read again (the trainer may fix it)

IMAGE_HEADERS = {
    # a token lives as long as the desk: the phone may keep the image for the session
    "Cache-Control": "private, max-age=3600",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    # an SVG opened on its own (not through <img>) runs no script and loads nothing
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
}

_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
          ".svg": "image/svg+xml"}
assert set(_TYPES) == set(IMAGE_SUFFIXES), "a content type for every image the banks accept"


def content_type_of(path: Path) -> str | None:
    """The content type for an image suffix the bank validator accepts, else None."""
    return _TYPES.get(path.suffix.lower())


@dataclass(frozen=True)
class ServedImage:
    data: bytes
    content_type: str


class ImageRefused(QuizError):
    """An image file that cannot be served (not regular, too large, not an image)."""


def _check_content(data: bytes, content_type: str) -> str | None:
    """Why ``data`` is not an image of ``content_type``, in Indonesian; None when it is."""
    if content_type == "image/png" and not data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "isi berkas bukan gambar PNG"
    if content_type == "image/jpeg" and not data.startswith(b"\xff\xd8\xff"):
        return "isi berkas bukan gambar JPEG"
    if content_type == "image/svg+xml" and b"<svg" not in data[:65536].lower():
        return "isi berkas bukan gambar SVG"
    return None


def read_image(path: Path) -> ServedImage:
    """The bytes and content type of one question image, or :class:`ImageRefused`."""
    content_type = content_type_of(path)
    if content_type is None:
        raise ImageRefused("gambar harus berformat png, jpg atau svg", path)
    data = read_user_bytes(path, max_bytes=MAX_IMAGE_BYTES, error=ImageRefused,
                           what="gambar")
    problem = _check_content(data, content_type)
    if problem is not None:
        raise ImageRefused(problem, path)
    return ServedImage(data, content_type)


class ImageShelf:
    """Tokens for the images of the desk's banks, and the images read so far."""

    def __init__(self, clock: Callable[[], float],
                 reader: Callable[[Path], ServedImage] = read_image) -> None:
        self._clock = clock
        self._reader = reader
        self._lock = threading.Lock()
        self._paths: dict[str, Path] = {}  # token -> file
        self._tokens: dict[Path, str] = {}  # file -> token
        # server loop only:
        self._cache: dict[str, ServedImage] = {}
        self._cached_bytes = 0
        self._refused: dict[str, float] = {}  # token -> clock reading of the refusal
        self._loading: dict[str, asyncio.Future[ServedImage | None]] = {}  # reads running

    def add(self, banks: Iterable[Bank]) -> dict[Path, str]:
        """Tokens for every image of ``banks`` (an image already known keeps its token).
        Returns file -> token for the seat screens."""
        out: dict[Path, str] = {}
        with self._lock:
            for bank in banks:
                for q in bank.questions:
                    if q.image is None:
                        continue
                    token = self._tokens.get(q.image)
                    if token is None:
                        token = secrets.token_urlsafe(16)
                        self._tokens[q.image] = token
                        self._paths[token] = q.image
                    out[q.image] = token
        return out

    async def fetch(self, token: str) -> ServedImage | None:
        """The image of ``token`` (server loop): from memory, or read once on a worker
        thread. None for an unknown token or a file that cannot be served (the reason is
        logged once per refusal)."""
        hit = self._cache.get(token)
        if hit is not None:
            return hit
        with self._lock:
            path = self._paths.get(token)
        if path is None:
            return None
        refused_at = self._refused.get(token)
        if refused_at is not None and self._clock() - refused_at < RETRY_AFTER:
            return None
        task = self._loading.get(token)
        if task is None:  # one read however many phones ask at once
            task = self._loading[token] = asyncio.ensure_future(self._load(token, path))
        return await asyncio.shield(task)

    async def _load(self, token: str, path: Path) -> ServedImage | None:
        try:
            image = await asyncio.get_running_loop().run_in_executor(None, self._read, path)
        finally:
            self._loading.pop(token, None)
        self._keep(token, image)
        return image

    def _read(self, path: Path) -> ServedImage | None:
        try:
            return self._reader(path)
        except QuizError as exc:
            log.warning("question image not served: %s", exc)
            return None

    def _keep(self, token: str, image: ServedImage | None) -> None:
        if image is None:
            self._refused[token] = self._clock()
            return
        self._refused.pop(token, None)
        if self._cached_bytes + len(image.data) <= MAX_CACHE_BYTES:
            self._cache[token] = image
            self._cached_bytes += len(image.data)
