"""`python -m macros.build`: the strict build, published atomically (see command.py)."""

import sys

from macros.build.command import main

sys.exit(main())
