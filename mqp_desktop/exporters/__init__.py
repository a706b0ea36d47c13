"""Data to files and files to data, as plain functions with no Qt: the register's
CSV/XLSX import and CSV/XLSX/Word export, the meeting programme as iCalendar,
the attendance report as CSV/XLSX/PDF, and the ToR 5 letters in Word.

Nothing is imported here on purpose: python-docx, openpyxl, reportlab and
icalendar are loaded only when an import or export actually runs, so starting
the program stays quick. Import what you need from the modules themselves::

    from mqp_desktop.exporters.register_import import preview_import, apply_import
    from mqp_desktop.exporters.register_export import export_register
    from mqp_desktop.exporters.calendar_export import export_calendar
    from mqp_desktop.exporters.attendance_export import export_attendance_report
    from mqp_desktop.exporters.letters import write_substitute_letters
"""
