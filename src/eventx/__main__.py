"""``python -m eventx``: the command line (see :mod:`eventx._cli._main`)."""

import sys

from eventx._cli._main import main

sys.exit(main())
