"""``python -m boilerstrip``: see :mod:`boilerstrip.cli`."""
import sys

from .cli import main

sys.exit(main())
