"""Entry point for ``quiz-app`` and ``python -m quiz_app``."""

from __future__ import annotations

import sys

OPENED_WITH_APP = (".kuis-hasil", ".kuis-sesi")  # registered by the installers


def main() -> None:
    args = sys.argv[1:]
    if not args or (len(args) == 1 and args[0].lower().endswith(OPENED_WITH_APP)):
        # Plain `quiz-app` opens the window (skip the CLI's parser and its imports); so does
        # a double-clicked results package or session file, which the window then opens.
        from pathlib import Path

        from .core.paths import data_dir
        from .ui.app import run_app

        sys.exit(run_app(data_dir=data_dir(), open_file=Path(args[0]) if args else None))
    from .cli import main as cli_main

    sys.exit(cli_main())


if __name__ == "__main__":
    main()
