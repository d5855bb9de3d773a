"""Lazy room surfaces: each sub-package of the core names its public API in ``__all__``
and imports a module only when one of its names is first used, so importing a room (or
the app's start-up path) does not load every module in it."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_surface(
    package: str, surface: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for a package whose names live in its modules."""

    def __getattr__(name: str) -> Any:
        module = surface.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        globals_ = importlib.import_module(package).__dict__
        globals_[name] = value  # later lookups skip this function
        return value

    def __dir__() -> list[str]:
        return sorted(surface)

    return __getattr__, __dir__
