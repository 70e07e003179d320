"""`python -m game`: the game's command line (see game/cli.py)."""

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
