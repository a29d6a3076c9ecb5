"""``python -m eventx``: the command line (see :mod:`eventx._cli`)."""

import sys

from eventx._cli import main

sys.exit(main())
