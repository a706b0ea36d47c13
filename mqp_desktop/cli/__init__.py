"""``mqp``: the command line over the same layers as the desktop program.

No Qt widgets are loaded. QtCore is imported only to find the default
database folder (``QStandardPaths``), and only when ``--db`` is not given.
``mqp --help`` lists the commands; each command's ``--help`` its options.
"""

from mqp_desktop.cli.app import build_parser, main

__all__ = ["build_parser", "main"]
