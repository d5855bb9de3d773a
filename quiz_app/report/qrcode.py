"""A small QR Code encoder (ISO/IEC 18004): byte mode, error correction level M, versions
1-6 (up to 106 bytes), enough for a certificate's verification text. Pure Python, no
dependency; the certificate draws the modules as vector squares.

Follows the structure of Project Nayuki's reference implementation (MIT): data bits,
Reed-Solomon blocks, function patterns, zig-zag placement, the mask with the lowest
penalty (rules 1, 2 and 4), then the format bits.
"""

from __future__ import annotations

# version -> (error correction codewords per block, number of blocks, data codewords per block)
_M_BLOCKS = {1: (10, 1, 16), 2: (16, 1, 28), 3: (26, 1, 44), 4: (18, 2, 32), 5: (24, 2, 43),
             6: (16, 4, 27)}
_ALIGN = {1: (), 2: (6, 18), 3: (6, 22), 4: (6, 26), 5: (6, 30), 6: (6, 34)}
_ECL_M = 0b00

Matrix = list[list[bool]]


def _gf_mul(x: int, y: int) -> int:
    z = 0
    for i in reversed(range(8)):
        z = (z << 1) ^ ((z >> 7) * 0x11D)
        z ^= ((y >> i) & 1) * x
    return z


def _rs_divisor(degree: int) -> list[int]:
    result = [0] * (degree - 1) + [1]
    root = 1
    for _ in range(degree):
        for j in range(degree):
            result[j] = _gf_mul(result[j], root)
            if j + 1 < degree:
                result[j] ^= result[j + 1]
        root = _gf_mul(root, 0x02)
    return result


def _rs_remainder(data: list[int], divisor: list[int]) -> list[int]:
    result = [0] * len(divisor)
    for b in data:
        factor = b ^ result.pop(0)
        result.append(0)
        for i, coef in enumerate(divisor):
            result[i] ^= _gf_mul(coef, factor)
    return result


def _codewords(data: bytes) -> tuple[int, list[int]]:
    fits = [v for v, (_e, blocks, per) in _M_BLOCKS.items()
            if 4 + 8 + 8 * len(data) <= blocks * per * 8]
    if not fits:
        raise ValueError(f"{len(data)} bytes do not fit a version 1-6 QR code")
    version = fits[0]
    capacity = _M_BLOCKS[version][1] * _M_BLOCKS[version][2]
    bits: list[int] = []

    def put(value: int, n: int) -> None:
        bits.extend((value >> i) & 1 for i in reversed(range(n)))

    put(0b0100, 4)
    put(len(data), 8)
    for b in data:
        put(b, 8)
    put(0, min(4, capacity * 8 - len(bits)))
    put(0, -len(bits) % 8)
    words = [int("".join(map(str, bits[i:i + 8])), 2) for i in range(0, len(bits), 8)]
    pad = 0xEC
    while len(words) < capacity:
        words.append(pad)
        pad ^= 0xEC ^ 0x11
    ecc_len, blocks, per_block = _M_BLOCKS[version]
    divisor = _rs_divisor(ecc_len)
    data_blocks = [words[i * per_block:(i + 1) * per_block] for i in range(blocks)]
    ecc_blocks = [_rs_remainder(b, divisor) for b in data_blocks]
    out = [b[i] for i in range(per_block) for b in data_blocks]
    out += [b[i] for i in range(ecc_len) for b in ecc_blocks]
    return version, out


class _Grid:
    def __init__(self, version: int) -> None:
        self.size = 17 + 4 * version
        self.dark: Matrix = [[False] * self.size for _ in range(self.size)]
        self.function: Matrix = [[False] * self.size for _ in range(self.size)]

    def set(self, x: int, y: int, dark: bool) -> None:
        self.dark[y][x] = dark
        self.function[y][x] = True

    def functions(self, version: int) -> None:
        size = self.size
        for i in range(size):
            self.set(6, i, i % 2 == 0)
            self.set(i, 6, i % 2 == 0)
        for cx, cy in ((3, 3), (size - 4, 3), (3, size - 4)):
            for dy in range(-4, 5):
                for dx in range(-4, 5):
                    x, y = cx + dx, cy + dy
                    if 0 <= x < size and 0 <= y < size:
                        self.set(x, y, max(abs(dx), abs(dy)) not in (2, 4))
        align = _ALIGN[version]
        last = len(align) - 1
        for i, ax in enumerate(align):
            for j, ay in enumerate(align):
                if (i, j) in ((0, 0), (0, last), (last, 0)):
                    continue
                for dy in range(-2, 3):
                    for dx in range(-2, 3):
                        self.set(ax + dx, ay + dy, max(abs(dx), abs(dy)) != 1)
        self.format_bits(0)

    def format_bits(self, mask: int) -> None:
        data = _ECL_M << 3 | mask
        rem = data
        for _ in range(10):
            rem = (rem << 1) ^ ((rem >> 9) * 0x537)
        bits = (data << 10 | rem) ^ 0x5412
        size = self.size

        def bit(i: int) -> bool:
            return (bits >> i) & 1 == 1

        for i in range(6):
            self.set(8, i, bit(i))
        self.set(8, 7, bit(6))
        self.set(8, 8, bit(7))
        self.set(7, 8, bit(8))
        for i in range(9, 15):
            self.set(14 - i, 8, bit(i))
        for i in range(8):
            self.set(size - 1 - i, 8, bit(i))
        for i in range(8, 15):
            self.set(8, size - 15 + i, bit(i))
        self.set(8, size - 8, True)

    def place(self, words: list[int]) -> None:
        size = self.size
        i = 0
        right = size - 1
        while right >= 1:
            if right == 6:
                right = 5
            for vert in range(size):
                for j in range(2):
                    x = right - j
                    upward = ((right + 1) & 2) == 0
                    y = size - 1 - vert if upward else vert
                    if not self.function[y][x] and i < len(words) * 8:
                        self.dark[y][x] = (words[i >> 3] >> (7 - (i & 7))) & 1 == 1
                        i += 1
            right -= 2

    def masked(self, mask: int) -> Matrix:
        test = _MASKS[mask]
        return [
            [d != (not f and test(x, y)) for x, (d, f) in enumerate(zip(row, frow, strict=True))]
            for y, (row, frow) in enumerate(zip(self.dark, self.function, strict=True))
        ]


_MASKS = (
    lambda x, y: (x + y) % 2 == 0,
    lambda x, y: y % 2 == 0,
    lambda x, y: x % 3 == 0,
    lambda x, y: (x + y) % 3 == 0,
    lambda x, y: (x // 3 + y // 2) % 2 == 0,
    lambda x, y: x * y % 2 + x * y % 3 == 0,
    lambda x, y: (x * y % 2 + x * y % 3) % 2 == 0,
    lambda x, y: ((x + y) % 2 + x * y % 3) % 2 == 0,
)


def _penalty(m: Matrix) -> int:
    size = len(m)
    score = 0
    for lines in (m, [list(col) for col in zip(*m, strict=True)]):
        for line in lines:
            run = 1
            for a, b in zip(line, line[1:], strict=False):
                if a == b:
                    run += 1
                else:
                    score += run - 2 if run >= 5 else 0
                    run = 1
            score += run - 2 if run >= 5 else 0
    for y in range(size - 1):
        for x in range(size - 1):
            if m[y][x] == m[y][x + 1] == m[y + 1][x] == m[y + 1][x + 1]:
                score += 3
    dark = sum(sum(row) for row in m)
    total = size * size
    score += (abs(dark * 20 - total * 10) + total - 1) // total * 10
    return score


def encode(text: str) -> Matrix:
    """The QR modules of ``text`` (UTF-8), ``True`` = dark; no quiet zone."""
    version, words = _codewords(text.encode("utf-8"))
    grid = _Grid(version)
    grid.functions(version)
    grid.place(words)
    best: tuple[int, Matrix] | None = None
    for mask in range(8):
        grid.format_bits(mask)
        matrix = grid.masked(mask)
        score = _penalty(matrix)
        if best is None or score < best[0]:
            best = (score, matrix)
    assert best is not None
    return best[1]
