"""Subcommands added by features. Each module defines ``register(subparsers)``.

Modules here must import their heavy dependencies (Qt, openpyxl) inside the command
function, not at module level: every ``quiz-app`` call imports all of them.
"""
