"""Presenter mode: a projected, timed quiz for a hall with a trainer console.

The one entry point for the main window is :func:`start_presenter`; the command line uses
``quiz-app present`` (``quiz_app/commands/present.py``).
"""

from __future__ import annotations

from . import refguard

refguard.install()  # before any widget: PySide6 6.12 on Python 3.11 loses None references

from .launch import Presenter, start_presenter  # noqa: E402

__all__ = ["Presenter", "start_presenter"]
