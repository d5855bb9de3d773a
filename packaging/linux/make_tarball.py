"""After PyInstaller: add the Linux desktop files to ``dist/KuisASN-<version>/`` and pack
``dist/KuisASN-<version>-linux-<arch>.tar.gz``; print the folder and archive sizes."""

from __future__ import annotations

import platform
import re
import shutil
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VERSION = re.search(r'__version__ = "([^"]+)"',
                    (ROOT / "quiz_app/_version.py").read_text()).group(1)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    name = f"KuisASN-{VERSION}"
    bundle = ROOT / "dist" / name
    linux = ROOT / "packaging/linux"
    for file in ("kuis-asn.desktop", "kuis-asn.png", "kuis-asn-mime.xml", "install.sh",
                 "BACA.txt"):
        shutil.copy2(linux / file, bundle / file)
    archive = ROOT / "dist" / f"{name}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(bundle, arcname=name)
    print(f"{bundle.relative_to(ROOT)}: {folder_size(bundle) / 2**20:.0f} MiB")
    print(f"{archive.relative_to(ROOT)}: {archive.stat().st_size / 2**20:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
