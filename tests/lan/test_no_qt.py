"""The phone server is tested like the core: importing it loads no Qt."""

from __future__ import annotations

import subprocess
import sys


def test_lan_imports_no_qt() -> None:
    code = (
        "import sys\n"
        "import quiz_app.lan.hall, quiz_app.lan.server, quiz_app.lan.writer\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "", f"Qt imported by quiz_app.lan: {out.stdout}"
