"""Render assets/icon.svg to the icons the bundles need (run after changing the SVG):
``packaging/linux/kuis-asn.png`` (256 px, for the .desktop entry) and
``packaging/windows/kuis_asn.ico`` (the executable's and installer's icon)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(ROOT / "assets/icon.svg")).render(painter)
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 (QImage/QPainter need an application)
    ok = render(256).save(str(ROOT / "packaging/linux/kuis-asn.png"))
    ok &= render(256).save(str(ROOT / "packaging/windows/kuis_asn.ico"))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
