"""Presenter mode: a projected, timed quiz for a hall with a trainer console.

The one entry point for the main window is :func:`start_presenter`; the command line uses
``quiz-app present`` (``quiz_app/commands/present.py``).
"""

from __future__ import annotations

from .launch import Presenter, start_presenter

__all__ = ["Presenter", "start_presenter"]
