"""Generate the presenter sounds with Python's ``wave`` module (no downloaded assets).

    python assets/sounds/generate.py

* ``waktu_habis.wav`` — time is up: a soft two-note chime (660 Hz then 523 Hz, sine with
  a gentle attack and exponential decay), 0.7 s.
* ``detik.wav`` — the tick of the last five seconds: a short, quiet 1.2 kHz blip, 45 ms.

16-bit mono PCM, 22 050 Hz. The output is deterministic, so a test can check the files
in the repository are exactly what this script writes.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050


def _tone(freq: float, seconds: float, volume: float, attack: float, decay: float) -> list[float]:
    n = int(RATE * seconds)
    out = []
    for i in range(n):
        t = i / RATE
        env = min(1.0, t / attack) * math.exp(-t / decay)
        # a touch of the octave makes the sine sound softer, like a chime
        s = math.sin(2 * math.pi * freq * t) + 0.18 * math.sin(4 * math.pi * freq * t)
        out.append(volume * env * s / 1.18)
    return out


def _fade_out(samples: list[float], seconds: float) -> list[float]:
    n = min(len(samples), int(RATE * seconds))
    for i in range(n):
        samples[-1 - i] *= i / n
    return samples


def time_up() -> list[float]:
    first = _tone(660.0, 0.30, 0.45, 0.012, 0.16)
    second = _tone(523.25, 0.40, 0.45, 0.012, 0.22)
    return _fade_out(first + second, 0.05)


def tick() -> list[float]:
    return _fade_out(_tone(1200.0, 0.045, 0.22, 0.002, 0.012), 0.01)


def write(path: Path, samples: list[float]) -> None:
    frames = b"".join(struct.pack("<h", round(max(-1.0, min(1.0, s)) * 32767)) for s in samples)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)


def main(folder: Path | None = None) -> None:
    folder = folder or Path(__file__).resolve().parent
    write(folder / "waktu_habis.wav", time_up())
    write(folder / "detik.wav", tick())


if __name__ == "__main__":
    main()
