"""`python -m service.wiring`: the same as the `bounceback` command."""

import sys

from service.wiring.main import main

sys.exit(main())
