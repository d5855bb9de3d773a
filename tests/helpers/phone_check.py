"""Drive ``quiz-app cek-hp`` as a trainer would: start it, open the printed address the
way a phone does (the page, then a guest join), stop it with Ctrl+C."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import urllib.request
from collections.abc import Sequence


def check_phone_page(cmd: Sequence[str], env: dict[str, str], cwd: str) -> tuple[str, str]:
    """Returns (the page's HTML, everything the command printed). Loopback only."""
    proc = subprocess.Popen([*cmd, "cek-hp", "--host", "127.0.0.1", "--detik", "60"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env=env, cwd=cwd)
    assert proc.stdout is not None
    lines: list[str] = []
    try:
        url = None
        for line in proc.stdout:
            lines.append(line)
            found = re.search(r"(http://127\.0\.0\.1:(\d+))/j/([0-9A-Z-]+)", line)
            if found:
                url = found
                break
        assert url is not None, "".join(lines)
        with urllib.request.urlopen(url.group(0), timeout=10) as response:
            assert response.status == 200
            page = response.read().decode("utf-8")
        join = urllib.request.Request(
            url.group(1) + "/api/join", method="POST",
            data=json.dumps({"code": url.group(3), "nip": "", "name": "Uji Coba"}).encode(),
            headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(join, timeout=10) as response:
            assert json.loads(response.read())["status"] == "joined"
        for line in proc.stdout:
            lines.append(line)
            if "HP tersambung" in line:
                break
        proc.send_signal(signal.SIGINT)
        rest, _ = proc.communicate(timeout=30)
        lines.append(rest)
        assert proc.returncode == 0, "".join(lines)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return page, "".join(lines)
