"""A record was saved by someone else while it was being edited here: say so, plainly.

Shown when a save is refused with :class:`~mqp_desktop.store.errors.EditConflict` (another
copy of the program, or the command line, saved the same record since it was read). It
lists each field that differs — what the officer meant to save and what is stored now,
with who changed it and when — shows the officer's version as text to copy from, and
offers the choices:

* **Reload what is stored**: the edit window shows the stored version (the officer's
  typing stays in this window to copy from until it is closed);
* **Apply my changes on top**: the fields the officer changed are saved over the stored
  version, the other copy's changes to the other fields are kept — a new, deliberate save
  against the stored version;
* **Cancel**: back to the edit window with the typing kept; nothing saved.

The window never decides by itself: ``choice`` says what the officer chose.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTreeWidgetItem, QWidget

from mqp_desktop.domain.versions import changed_fields, when_in_words
from mqp_desktop.store.errors import EditConflict
from mqp_desktop.ui.generated.ui_conflict_dialog import Ui_ConflictDialog

RELOAD = "reload"
APPLY = "apply"
CANCEL = "cancel"
YOU_CHANGED = "✎ "


def _one_line(text: str, limit: int = 90) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ConflictDialog(QDialog):
    """``conflict`` as the store raised it; ``base``: the record as the edit window read it (marks
    the fields the officer changed); ``can_reload`` / ``can_apply``: whether the edit window can
    show the stored version, or save the officer's changes on top of it (else only Cancel).
    ``changed_here`` / ``changed_there``: the differences' fields changed by the officer / by the
    other copy, when the edit window works them out itself (the minutes' items)."""

    def __init__(
        self,
        conflict: EditConflict,
        *,
        base: Any = None,
        can_reload: bool = True,
        can_apply: bool = True,
        changed_here: set[str] | None = None,
        changed_there: set[str] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ui = Ui_ConflictDialog()
        self.ui.setupUi(self)
        self.conflict = conflict
        self.choice = CANCEL
        ui = self.ui
        mine = changed_here if changed_here is not None else self._changed(base, conflict.yours)
        theirs = changed_there if changed_there is not None else (
            self._changed(base, conflict.stored) if base is not None else None)
        who = f" by <b>{html.escape(conflict.changed_by)}</b>" if conflict.changed_by else ""
        when = f" at {html.escape(conflict.changed_when)}" if conflict.changed_at else ""
        what = conflict.what[:1].upper() + conflict.what[1:]
        ui.headingLabel.setText(
            f"<b>{html.escape(what)}</b> was changed{who}{when}, after you opened it here. "
            "Your changes have <b>not</b> been saved, and nothing was overwritten."
        )
        tree = ui.differencesTree
        header = tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        for d in conflict.differences:
            changed_by = d.changed_by + (f", {when_in_words(d.changed_at)}" if d.changed_at else "")
            if theirs is not None and d.field not in theirs and d.field in mine:
                changed_by = "not changed since you opened it"
            label = (YOU_CHANGED if d.field in mine else "") + d.label
            row = QTreeWidgetItem([label, _one_line(d.yours), _one_line(d.stored), changed_by])
            for col, full in ((1, d.yours), (2, d.stored)):
                row.setToolTip(col, full)
            row.setToolTip(0, f"{d.label}: you changed this field" if d.field in mine else d.label)
            tree.addTopLevelItem(row)
        if not conflict.differences:
            tree.addTopLevelItem(QTreeWidgetItem(["(no field shown here differs: it was saved again unchanged, "
                                                  "or changed in a part this window does not show)", "", "", ""]))
        ui.yoursText.setPlainText(self.yours_as_text())
        choices = []
        if can_reload:
            choices.append("<b>Reload what is stored</b> shows the stored version to edit again (your version "
                           "stays here to copy from).")
        if can_apply:
            marked = " (marked ✎)" if mine else ""
            choices.append(f"<b>Apply my changes on top</b> saves the fields you changed{marked} over the stored "
                           "version and keeps the other changes.")
        choices.append("<b>Cancel</b> goes back to your edit, unsaved.")
        ui.choicesLabel.setText(" ".join(choices))
        box = ui.buttonBox
        self.reload_button = box.addButton("&Reload what is stored", QDialogButtonBox.ButtonRole.ResetRole)
        self.apply_button = box.addButton("&Apply my changes on top", QDialogButtonBox.ButtonRole.ApplyRole)
        self.copy_button = box.addButton("Cop&y my version", QDialogButtonBox.ButtonRole.ActionRole)
        self.reload_button.setVisible(can_reload)
        self.apply_button.setVisible(can_apply)
        self.reload_button.setToolTip("Show the version stored now in the edit window; your changes are not saved")
        self.apply_button.setToolTip("Save the fields you changed over the stored version (a new save)")
        self.copy_button.setToolTip("Copy your version, field by field, to the clipboard")
        self.reload_button.clicked.connect(lambda: self._choose(RELOAD))
        self.apply_button.clicked.connect(lambda: self._choose(APPLY))
        self.copy_button.clicked.connect(self.copy_yours)
        box.button(QDialogButtonBox.StandardButton.Cancel).setToolTip("Back to your edit; nothing is saved")
        (self.reload_button if can_reload else box.button(QDialogButtonBox.StandardButton.Cancel)).setDefault(True)
        # As large as is useful, within the screen (1366x768 at 150% leaves 910x512 to fit in).
        screen = (parent.screen() if parent is not None else QGuiApplication.primaryScreen()).availableGeometry()
        self.resize(min(980, int(screen.width() * 0.92)), min(560, int(screen.height() * 0.9)))
        ui.splitter.setSizes([3, 2])

    @staticmethod
    def _changed(base: Any, record: Any) -> set[str]:
        """The fields ``record`` changed from ``base`` (the record as the edit window read it)."""
        if base is None or record is None or type(base) is not type(record):
            return set()
        try:
            return set(changed_fields(base, record))
        except (TypeError, AttributeError):
            return set()

    def yours_as_text(self) -> str:
        """The officer's side of each difference, as plain text to copy."""
        parts = [f"{d.label}:\n{d.yours}" for d in self.conflict.differences]
        return "\n\n".join(parts)

    def copy_yours(self) -> None:
        QGuiApplication.clipboard().setText(self.yours_as_text())
        self.copy_button.setText("Copied")

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()
