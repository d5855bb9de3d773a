"""The trainer bundle (packaging/kuis_asn.spec) works without Python: built once with
``make bundle`` (reused while no source is newer), then driven as a trainer's laptop would:
version, validate, the main window opening and closing, and an HR export."""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from quiz_app._version import __version__
from quiz_app.core.results import ResultsStore
from tests.helpers.phone_check import check_phone_page
from tests.helpers.results import ANI, BUDI, fixed_spec, small_bank, take

# The first test builds the bundle (pip install + PyInstaller): allowed more than the
# suite's per-test limit, as a slow machine may need, and more than the build's own 1,200 s.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(1300)]

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / f"KuisASN-{__version__}"
EXE = BUNDLE / "kuis-asn"
SOURCES = ("quiz_app", "question_banks", "assets", "packaging", "pyproject.toml")


def _newest_source() -> float:
    newest = 0.0
    for name in SOURCES:
        path = ROOT / name
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()
                                               and "__pycache__" not in p.parts]
        newest = max([newest, *(p.stat().st_mtime for p in files)])
    return newest


@pytest.fixture(scope="session")
def bundle() -> Path:
    if shutil.which("make") is None:
        pytest.fail("make is needed to build the bundle")
    if not EXE.exists() or EXE.stat().st_mtime < _newest_source():
        done = subprocess.run(["make", "bundle"], cwd=ROOT, capture_output=True, text=True,
                              timeout=1200)
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert EXE.exists()
    return BUNDLE


def run(args: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {
        "PATH": "/usr/bin:/bin", "HOME": str(tmp_path / "home"), "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen", "QUIZ_APP_DATA_DIR": str(tmp_path / "data"),
        "QUIZ_APP_CACHE_DIR": str(tmp_path / "cache"), "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
        **env,
    }
    return subprocess.run([str(EXE), *args], capture_output=True, text=True, timeout=120,
                          env=environ, cwd=tmp_path)


def test_the_bundle_fits_the_size_goal(bundle: Path) -> None:
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    assert size <= 150 * 2**20, f"{size / 2**20:.0f} MiB"
    archive = ROOT / "dist" / f"KuisASN-{__version__}-linux-{os.uname().machine}.tar.gz"
    assert archive.is_file()
    for extra in ("kuis-asn.desktop", "kuis-asn.png", "install.sh", "BACA.txt"):
        assert (bundle / extra).is_file()


def test_version(bundle: Path, tmp_path: Path) -> None:
    out = run(["--version"], tmp_path)
    assert out.returncode == 0
    assert out.stdout.strip() == f"Kuis ASN {__version__}"


def test_validates_the_bundled_banks_and_locates_a_mistake(bundle: Path, tmp_path: Path) -> None:
    banks = sorted((bundle / "_internal/quiz_app/_bundled/question_banks").glob("*.yaml"))
    assert {b.name for b in banks} >= {"berakhlak.yaml", "netralitas_asn.yaml"}
    out = run(["validate", *map(str, banks)], tmp_path)
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.count("— OK") == len(banks)
    broken = tmp_path / "rusak.yaml"
    broken.write_text("format: kuis-bank/1\nid: rusak\ntitle: Rusak\nquestions:\n"
                      "  - id: q1\n    type: single\n    text: 'Soal tanpa tanda kutip penutup\n",
                      encoding="utf-8")
    out = run(["validate", str(broken)], tmp_path)
    assert out.returncode == 1
    assert re.search(r"rusak\.yaml:\d+:\d+: ", out.stdout), out.stdout
    assert "Traceback" not in out.stdout + out.stderr


def test_the_main_window_opens_lists_the_banks_and_closes(bundle: Path, tmp_path: Path) -> None:
    out = run([], tmp_path, QUIZ_APP_SMOKE="1")
    assert out.returncode == 0, out.stderr[-2000:]
    found = re.search(r"smoke files=(\d+) invalid=(\d+)", out.stdout)
    assert found, out.stdout + out.stderr[-2000:]
    assert int(found.group(1)) >= 4 and found.group(2) == "0"
    assert "Traceback" not in out.stderr


def test_exports_a_session_from_the_data_dir(bundle: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    bank = small_bank()
    spec = fixed_spec(bank)
    with ResultsStore.open_in(data) as store:
        sid = store.create_session("Sosialisasi Netralitas", spec.plan, place="Aula").id
        take(store, sid, ANI, spec, {q.question.id: q.question.option_keys[0]
                                     for q in spec.questions})
        take(store, sid, BUDI, spec, {})
    target = tmp_path / "hasil.csv"
    out = run(["--data-dir", str(data), "export", "--session", "latest", "--format", "csv",
               "--out", str(target)], tmp_path)
    assert out.returncode == 0, out.stdout + out.stderr
    rows = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    text = "\n".join(";".join(r) for r in rows)
    assert "Ani Lestari" in text and "Budi Santoso" in text
    assert "19850312 201001 2 002" in text or "198503122010012002" in text
    assert not (tmp_path / "home").exists() or not any((tmp_path / "home").rglob("*"))


def test_serves_the_phone_page_on_loopback(bundle: Path, tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path / "home"), "LANG": "C.UTF-8",
           "QUIZ_APP_DATA_DIR": str(tmp_path / "data")}
    page, out = check_phone_page([str(EXE)], env, str(tmp_path))
    assert "<title>Kuis ASN</title>" in page
    assert "HP tersambung: Uji Coba" in out


def test_install_script_adds_menu_entry_file_types_and_command(bundle: Path,
                                                                tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home)}
    done = subprocess.run(["sh", str(bundle / "install.sh")], capture_output=True, text=True,
                          env=env, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    share = home / ".local/share"
    opt = home / ".local/opt" / bundle.name
    entry = (share / "applications/kuis-asn.desktop").read_text(encoding="utf-8")
    assert f"Exec={opt}/kuis-asn %f" in entry
    assert "MimeType=application/x-kuis-hasil;application/x-kuis-sesi;" in entry
    assert (share / "icons/hicolor/256x256/apps/kuis-asn.png").is_file()
    assert "*.kuis-hasil" in (share / "mime/packages/kuis-asn-mime.xml").read_text()
    command = home / ".local/bin/kuis-asn"
    version = subprocess.run([str(command), "--version"], capture_output=True, text=True,
                             env={**env, "QT_QPA_PLATFORM": "offscreen"}, timeout=60)
    assert version.stdout.strip() == f"Kuis ASN {__version__}"
    gone = subprocess.run(["sh", str(opt / "install.sh"), "--hapus"], capture_output=True,
                          text=True, env=env, timeout=120)
    assert gone.returncode == 0
    assert not opt.exists() and not command.exists()
    assert not (share / "applications/kuis-asn.desktop").exists()
