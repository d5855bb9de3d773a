"""The app's version: one place, read by pyproject (hatch), ``quiz-app --version``, the
About dialog, the bundle's name, and recorded by the bank cache and the results store."""

__version__ = "0.2.0"
