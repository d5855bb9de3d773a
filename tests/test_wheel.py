"""The installed app (a wheel, not this checkout) finds its bundled banks and assets."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_installed_wheel_finds_bundled_banks(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation",
         "-q", "-w", str(dist)],
        check=True, capture_output=True, timeout=300,
    )
    wheel = next(dist.glob("kuis_asn-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "quiz_app/_bundled/question_banks/contoh.yaml" in names
    assert "quiz_app/_bundled/question_banks/plans/kuis_aula.yaml" in names
    assert "quiz_app/_bundled/question_banks/ikrar/ikrar_netralitas.yaml" in names
    assert "quiz_app/lan/page/desk.html" in names
    assert "quiz_app/_bundled/assets/icon.svg" in names
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site),
         str(wheel)],
        check=True, capture_output=True, timeout=300,
    )
    code = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "import quiz_app\n"
        "from quiz_app.core.banks.resources import (\n"
        "    assets_dir, bundled_bank_files, bundled_banks_dir)\n"
        "assert (assets_dir() / 'icon.svg').is_file()\n"
        "from quiz_app.core.banks.bank import load_bank\n"
        "assert quiz_app.__file__.startswith(sys.argv[1]), quiz_app.__file__\n"
        "files = bundled_bank_files()\n"
        "print(bundled_banks_dir())\n"
        "print(','.join(load_bank(f).id for f in files))\n"
        "from quiz_app.core.banks import bundled_pledge_file, load_pledge\n"
        "assert load_pledge(bundled_pledge_file()).lines\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(site)], cwd=tmp_path,
                         capture_output=True, text=True, check=True, timeout=120)
    folder, ids = out.stdout.splitlines()
    assert folder.startswith(str(site)) and folder.endswith("_bundled/question_banks")
    assert "contoh" in ids.split(",")
