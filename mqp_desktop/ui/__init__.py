"""The PySide6 desktop program: the only layer that imports Qt widgets.

* ``app``          - ``main()``: command-line options, QApplication set-up, start-up errors
* ``main_window``  - the window: navigation, menus, undo stack, open/new/recent databases
* ``pages``        - one widget per area of the navigation list (membership, agencies, history)
* ``models``       - the table models behind the pages' views
* ``settings``     - typed preferences on QSettings
* ``errors``       - messages for the environment's faults; the crash dialog for bugs
* ``dialogs``      - add/edit/end/settings/import dialogs built from Designer forms
"""
