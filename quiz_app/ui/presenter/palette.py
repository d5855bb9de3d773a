"""Colours and shapes of the answer tiles, checked for colour-blind viewers. No Qt.

Every option is told apart three ways: a colour from the Okabe–Ito palette (designed to
stay distinct for the common colour-vision deficiencies), a shape and a letter. The
functions below simulate deuteranopia, protanopia and tritanopia (Machado, Oliveira &
Fernandes 2009, severity 1.0, in linear sRGB) and measure CIELAB distances, so a test can
prove the tiles stay apart; the letter and shape carry the meaning even where colours
get close.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from math import sqrt


class Shape(StrEnum):
    TRIANGLE = "triangle"
    DIAMOND = "diamond"
    CIRCLE = "circle"
    SQUARE = "square"
    PENTAGON = "pentagon"
    HEXAGON = "hexagon"
    STAR = "star"
    CROSS = "cross"


@dataclass(frozen=True)
class TileStyle:
    letter: str
    colour: str  # "#RRGGBB"
    colour_name: str  # for the docs and screen readers
    shape: Shape

    @property
    def text_colour(self) -> str:
        """Black or white, whichever contrasts more with the tile."""
        return best_text_colour(self.colour)


# Okabe & Ito (2008), "Color Universal Design". A–D are the four used most.
TILES: tuple[TileStyle, ...] = (
    TileStyle("A", "#D55E00", "merah jingga", Shape.TRIANGLE),
    TileStyle("B", "#0072B2", "biru", Shape.DIAMOND),
    TileStyle("C", "#E69F00", "jingga", Shape.CIRCLE),
    TileStyle("D", "#009E73", "hijau kebiruan", Shape.SQUARE),
    TileStyle("E", "#CC79A7", "ungu kemerahan", Shape.PENTAGON),
    TileStyle("F", "#56B4E9", "biru langit", Shape.HEXAGON),
    TileStyle("G", "#F0E442", "kuning", Shape.STAR),
    TileStyle("H", "#BBBBBB", "abu-abu", Shape.CROSS),
)

BLACK = "#000000"
WHITE = "#FFFFFF"

# Machado et al. 2009, severity 1.0, applied to linear RGB.
CVD_MATRICES: dict[str, tuple[tuple[float, float, float], ...]] = {
    "deuteranopia": ((0.367322, 0.860646, -0.227968),
                     (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "protanopia": ((0.152286, 1.052583, -0.204868),
                   (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "tritanopia": ((1.255528, -0.076749, -0.178779),
                   (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}

RGB = tuple[float, float, float]


def tile(index: int) -> TileStyle:
    return TILES[index % len(TILES)]


def hex_to_rgb(colour: str) -> RGB:
    c = colour.lstrip("#")
    return (int(c[0:2], 16) / 255, int(c[2:4], 16) / 255, int(c[4:6], 16) / 255)


def _to_linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _to_srgb(c: float) -> float:
    c = min(1.0, max(0.0, c))
    return 12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055


def linear(colour: str) -> RGB:
    r, g, b = hex_to_rgb(colour)
    return (_to_linear(r), _to_linear(g), _to_linear(b))


def simulate(colour: str, deficiency: str) -> RGB:
    """The sRGB (0..1) colour as seen with ``deficiency`` (a key of CVD_MATRICES)."""
    m = CVD_MATRICES[deficiency]
    lin = linear(colour)
    out = [sum(m[i][j] * lin[j] for j in range(3)) for i in range(3)]
    return (_to_srgb(out[0]), _to_srgb(out[1]), _to_srgb(out[2]))


def _rgb_to_hex(rgb: RGB) -> str:
    return "#" + "".join(f"{round(c * 255):02X}" for c in rgb)


def simulate_hex(colour: str, deficiency: str) -> str:
    return _rgb_to_hex(simulate(colour, deficiency))


def lab(colour: str) -> RGB:
    """CIELAB (D65) of an sRGB colour."""
    r, g, b = linear(colour)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def delta_e(a: str, b: str) -> float:
    """CIE76 colour difference (about 2.3 is just noticeable; over 20 is obvious)."""
    la, lb = lab(a), lab(b)
    return sqrt(sum((x - y) ** 2 for x, y in zip(la, lb, strict=True)))


def relative_luminance(colour: str) -> float:
    r, g, b = linear(colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2 contrast ratio (1..21)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def best_text_colour(background: str) -> str:
    return BLACK if contrast_ratio(background, BLACK) >= contrast_ratio(background, WHITE) \
        else WHITE


def mix(a: str, b: str, t: float) -> str:
    """``a`` blended towards ``b`` by ``t`` (0..1), in sRGB."""
    ra, rb = hex_to_rgb(a), hex_to_rgb(b)
    return _rgb_to_hex(tuple(x + (y - x) * t for x, y in zip(ra, rb, strict=True)))  # type: ignore[arg-type]


def min_distance(colours: list[str], deficiency: str | None = None) -> float:
    """Smallest pairwise ΔE among ``colours`` (as seen with ``deficiency``)."""
    seen = [c if deficiency is None else simulate_hex(c, deficiency) for c in colours]
    return min(
        delta_e(seen[i], seen[j]) for i in range(len(seen)) for j in range(i + 1, len(seen))
    )


# The projected theme (dark: bright text carries best on washed-out projectors).
BACKGROUND = "#0E1A2B"
PANEL = "#18293F"
TEXT = "#FFFFFF"
MUTED = "#C3CEDD"
ALERT = "#F0E442"  # "Waktu habis!" banner (black text)
DIM_TARGET = "#0E1A2B"
DIM_AMOUNT = 0.72  # how far a wrong tile fades towards the background on reveal
