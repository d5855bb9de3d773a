"""PyInstaller entry script: the same ``main()`` as ``quiz-app`` and ``python -m quiz_app``."""

from quiz_app.__main__ import main

if __name__ == "__main__":
    main()
