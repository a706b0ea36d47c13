"""The add/edit/end/settings/import dialogs, each built from a Designer form in ``forms/``.

Each takes a ``save`` (or ``apply``) callable: on OK the dialog builds the record
and calls it. ``exec()`` returns ``QDialog.Accepted`` only after that call
returned without raising, and ``dialog.saved`` holds what it returned. A
``ValidationError`` is shown under the offending field and a ``StoreError`` in a
warning; either way the dialog stays open with everything typed kept.
"""

from mqp_desktop.ui.dialogs.agency_dialog import AgencyDialog
from mqp_desktop.ui.dialogs.end_dialog import EndDialog
from mqp_desktop.ui.dialogs.import_preview_dialog import ImportPreviewDialog, ImportPreviewModel
from mqp_desktop.ui.dialogs.member_dialog import MemberDialog
from mqp_desktop.ui.dialogs.subcommittee_dialog import SubcommitteeDialog

__all__ = [
    "AgencyDialog",
    "EndDialog",
    "ImportPreviewDialog",
    "ImportPreviewModel",
    "MemberDialog",
    "SubcommitteeDialog",
]
