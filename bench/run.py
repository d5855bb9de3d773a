"""Kuis ASN benchmarks: ratios against a baseline measured side by side in the same run.

Each figure is the median of several runs, each in a fresh process, ours and the baseline
alternating so that machine noise hits both. Usage: ``python bench/run.py [--runs N] [--json]``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
sys.path.insert(0, str(ROOT))

# The baseline: a bare QLabel window, its first frame detected the same way as the app's
# (quiz_app.ui.app.FirstFrame): a zero timer queued on the first Paint event fires once
# that frame has been painted and flushed.
BARE_WINDOW = (
    "import sys\n"
    "from PySide6.QtCore import QEvent, QObject, QTimer\n"
    "from PySide6.QtWidgets import QApplication, QLabel\n"
    "app = QApplication(sys.argv[:1])\n"
    "w = QLabel('Kuis ASN'); w.setWindowTitle('bare'); w.resize(1100, 700)\n"
    "class F(QObject):\n"
    "    def eventFilter(self, o, e):\n"
    "        if e.type() == QEvent.Type.Paint:\n"
    "            o.removeEventFilter(self)\n"
    "            QTimer.singleShot(0, lambda: print('first frame', flush=True))\n"
    "        return False\n"
    "f = F(); w.installEventFilter(f); w.show()\n"
    "app.exec()\n"
)


def time_until_line(cmd: list[str], marker: str, env: dict[str, str]) -> float:
    """Seconds from spawning ``cmd`` until it prints a line containing ``marker``."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
                            text=True, cwd=ROOT)
    assert proc.stdout is not None
    try:
        for line in proc.stdout:
            if marker in line:
                return time.perf_counter() - start
        raise RuntimeError(f"{cmd} exited without printing {marker!r}")
    finally:
        proc.kill()
        proc.wait()


def time_run(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env, cwd=ROOT)
    return time.perf_counter() - start


def paired(ours: Callable[[], float], base: Callable[[], float], runs: int) -> dict[str, float]:
    """Alternate the two (which goes first alternates too); the ratio is the median of
    the pairwise ratios, so a noisy moment hits one pair, not the figure."""
    ours_t, base_t = [], []
    ours(), base()  # warm the OS file cache for both
    for i in range(runs):
        if i % 2:
            ours_t.append(ours())
            base_t.append(base())
        else:
            base_t.append(base())
            ours_t.append(ours())
    o, b = statistics.median(ours_t), statistics.median(base_t)
    ratio = statistics.median(x / y for x, y in zip(ours_t, base_t, strict=True))
    return {"ours_s": round(o, 4), "baseline_s": round(b, 4), "ratio": round(ratio, 3)}


STARTUP_MODULES = ("__init__.py", "ui/__init__.py", "ui/app.py", "ui/main_window.py",
                   "ui/style.py", "ui/i18n.py", "ui/dialogs.py", "ui/worker.py",
                   "core/__init__.py", "core/paths.py")


def bytecode_compiled() -> bool:
    """Whether the modules the app imports before its first frame have up-to-date .pyc
    files (the first run writes them; a run without them pays for compiling)."""
    import importlib.util

    for name in STARTUP_MODULES:
        src = ROOT / "quiz_app" / name
        pyc = Path(importlib.util.cache_from_source(str(src)))
        if not pyc.exists() or pyc.stat().st_mtime < src.stat().st_mtime:
            return False
    return True


def generate_bank(path: Path, n: int = 10_000) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from gen_bank import write_bank

    write_bank(path, n)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--only", nargs="*", help="run only these benchmarks (by key)")
    args = parser.parse_args()

    results: dict[str, dict[str, float]] = {}
    targets: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               "QUIZ_APP_DATA_DIR": str(tmpdir / "data"),
               "QUIZ_APP_CACHE_DIR": str(tmpdir / "cache")}
        bank = tmpdir / "bank10k.yaml"
        generate_bank(bank)
        wanted = set(args.only or [])

        def want(key: str) -> bool:
            return not wanted or key in wanted

        if want("startup"):  # spawn -> first painted frame of the main window
            start_env = {**env, "QUIZ_APP_BENCH_STARTUP": "1"}
            compiled = bytecode_compiled()
            results["startup"] = paired(
                lambda: time_until_line([PY, "-m", "quiz_app"], "first frame", start_env),
                lambda: time_until_line([PY, "-c", BARE_WINDOW], "first frame", start_env),
                args.runs)
            results["startup"]["bytecode_compiled_before"] = compiled
            results["startup"]["bytecode_compiled_after"] = bytecode_compiled()
            targets["startup"] = 1.3
        load = [PY, "-c", "import sys, yaml; yaml.load(open(sys.argv[1], encoding='utf-8'), "
                "Loader=yaml.CSafeLoader)", str(bank)]
        if want("validate_cold"):
            results["validate_cold"] = paired(
                lambda: time_run([PY, "-m", "quiz_app", "validate", "--no-cache", str(bank)], env),
                lambda: time_run(load, env), args.runs)
            targets["validate_cold"] = 1.2
        if want("validate_warm"):
            time_run([PY, "-m", "quiz_app", "validate", str(bank)], env)  # fill the cache
            results["validate_warm"] = paired(
                lambda: time_run([PY, "-m", "quiz_app", "validate", str(bank)], env),
                lambda: time_run(load, env), args.runs)
            targets["validate_warm"] = 0.1
        sys.path.insert(0, str(ROOT / "bench"))
        import extra  # benchmarks added by later features (export, UI stalls)

        extra.run(results, targets, tmpdir, env, args.runs, want)

    for key, target in targets.items():
        results[key]["target"] = target
        results[key]["ok"] = results[key]["ratio"] <= target
    if args.json:
        print(json.dumps(results, sort_keys=True))
    else:
        print(f"{'benchmark':<16}{'ours (s)':>10}{'baseline (s)':>14}{'ratio':>8}{'target':>8}  ok")
        for key, r in results.items():
            print(f"{key:<16}{r['ours_s']:>10.3f}{r['baseline_s']:>14.3f}{r['ratio']:>8.3f}"
                  f"{'≤' + str(r.get('target', '-')):>8}  {'yes' if r.get('ok', True) else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
