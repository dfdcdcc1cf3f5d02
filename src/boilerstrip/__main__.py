"""``python -m boilerstrip``: see :mod:`boilerstrip.cli`."""
import sys

from .cli import main

# Guarded: worker processes (spawn, forkserver) import this module again.
if __name__ == "__main__":
    sys.exit(main())
