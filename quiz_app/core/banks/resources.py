"""Locate bundled question banks and assets, from a wheel or from a checkout."""

from __future__ import annotations

import re
from pathlib import Path

from ..userfile import peek_user_file

_ID_LINE = re.compile(r"^id:\s*['\"]?([a-z0-9][a-z0-9-]*)['\"]?\s*$", re.MULTILINE)


_PACKAGE = Path(__file__).resolve().parents[2]  # the quiz_app folder (installed or checkout)


def _bundled(name: str) -> Path:
    # An installed wheel carries the files inside the package (see pyproject.toml's
    # force-include); this is the folder importlib.resources.files("quiz_app") names, found
    # without importing importlib.resources on the start-up path.
    installed = _PACKAGE / "_bundled" / name
    if installed.is_dir():
        return installed
    # Running from a checkout (or an editable install): the top-level folder.
    return _PACKAGE.parent / name


def bundled_banks_dir() -> Path:
    return _bundled("question_banks")


def assets_dir() -> Path:
    return _bundled("assets")


def bundled_bank_files() -> list[Path]:
    folder = bundled_banks_dir()
    return sorted(p for p in folder.glob("*.yaml") if p.is_file())


def bundled_plan_files() -> list[Path]:
    folder = bundled_banks_dir() / "plans"
    return sorted(p for p in folder.glob("*.yaml") if p.is_file())


def declared_id(path: Path) -> str | None:
    """The top-level ``id:`` of a bank file, read cheaply without parsing the YAML."""
    data = peek_user_file(path, 8192)  # None for a FIFO or a device: never blocks
    if data is None:
        return None
    head = data.decode("utf-8-sig", errors="replace")
    match = _ID_LINE.search(head)
    return match.group(1) if match else None


def find_bank_by_id(bank_id: str, extra_dirs: list[Path] | None = None) -> Path | None:
    """Find a bank file whose ``id`` is ``bank_id``: first in ``extra_dirs``, then bundled."""
    for folder in [*(extra_dirs or []), bundled_banks_dir()]:
        for path in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")):
            if declared_id(path) == bank_id:
                return path
    return None
