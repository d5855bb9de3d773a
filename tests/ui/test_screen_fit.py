"""Every window fits a 1024×600 netbook and a 1366×768 laptop: opened on an offscreen screen
of that size, each window fits the screen, and no control is clipped, squashed below its
minimum height (NIP and name boxes, option buttons) or drawn over another."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("width", "height"), [(1024, 600), (1366, 768)])
def test_every_window_fits_the_screen(tmp_path: Path, width: int, height: int) -> None:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [
        {"name": "Laptop", "x": 0, "y": 0, "width": width, "height": height,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "QUIZ_APP_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run([sys.executable, "-m", "tests.ui.screen_fit_child",
                             str(tmp_path / "data")], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(report) >= {"main", "setup", "presenter-setup", "message",
                           "participant/identity", "participant/question",
                           "participant-long/question", "results", "results/analysis",
                           "phone-desk", "presenter-console/ready",
                           "presenter-console/running", "presenter-console/revealed",
                           "presenter-console/finished", "presenter-console-phones/ready",
                           "presenter-console-phones/finished"}
    bad = {window: found for window, found in report.items() if found}
    assert bad == {}
