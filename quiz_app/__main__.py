"""Entry point for ``quiz-app`` and ``python -m quiz_app``."""

from __future__ import annotations

import sys


def main() -> None:
    if len(sys.argv) == 1:
        # Plain `quiz-app` opens the window: skip the CLI's parser and its imports.
        from .core.paths import data_dir
        from .ui.app import run_app

        sys.exit(run_app(data_dir=data_dir()))
    from .cli import main as cli_main

    sys.exit(cli_main())


if __name__ == "__main__":
    main()
