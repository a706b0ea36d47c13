"""MQ&P Desktop: the business support team's program for a safeguarding
children partnership subcommittee.

Layers (only ``mqp_desktop.ui`` imports Qt widgets):

* ``mqp_desktop.domain``    - plain-Python rules and dataclasses (no Qt, no SQL)
* ``mqp_desktop.store``     - the SQLite file: migrations, repositories, history
* ``mqp_desktop.exporters`` - data to files (CSV, XLSX, Word) and file import
* ``mqp_desktop.cli``       - the ``mqp`` command line over the same layers
* ``mqp_desktop.ui``        - the PySide6 desktop program
"""

__version__ = "0.1.0"
APP_DISPLAY_NAME = "MQ&P Desktop"
# Names Qt builds folder paths and QSettings keys from: no "&" in a folder name.
APP_NAME = "MQP Desktop"
ORG_NAME = "MQP"
