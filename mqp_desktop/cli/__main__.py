"""``python -m mqp_desktop.cli``: the same as the ``mqp`` command."""

import sys

from mqp_desktop.cli import main

sys.exit(main())
