"""Data to files and files to data: the register's CSV/XLSX import and its
CSV/XLSX/Word export, as plain functions with no Qt.

Nothing is imported here on purpose: python-docx and openpyxl are loaded only
when an import or export actually runs, so starting the program stays quick.
Import what you need from the modules themselves::

    from mqp_desktop.exporters.register_import import preview_import, apply_import
    from mqp_desktop.exporters.register_export import export_register
"""
