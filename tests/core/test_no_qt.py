"""The core must stay usable without Qt (CLI, tests, a future server)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import quiz_app.core


def test_core_imports_no_qt() -> None:
    modules = [m.name for m in pkgutil.walk_packages(quiz_app.core.__path__, "quiz_app.core.")]
    assert "quiz_app.core.banks.bank" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "import quiz_app.cli\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"Qt imported by the core: {out.stdout}"
