"""The Governance page (issue 12): case reviews, training, documents and reviews, attendance follow-up.

``page.py`` the page and its tabs, ``models.py`` their tables and detail panes, ``dialogs.py`` the Designer-form
dialogs, ``controller.py`` the actions, dialogs and undo, ``circulate.py`` the minutes' circulation dialog.
"""
