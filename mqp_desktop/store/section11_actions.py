"""Section 11 action plans in the database: items per return, status, closing.

Mixed into :class:`mqp_desktop.store.section11.Section11Repo`; use it from there.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import Any

from mqp_desktop.domain.section11 import ActionItem, ActionStatus, validate_action
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store.errors import RecordNotFound
from mqp_desktop.store.store import Store, _d, _plain

ACTION_FIELDS = ("action", "owner", "due", "status", "closed", "standard", "notes")
ACTION_LABELS = {"due": "due date", "closed": "closed on", "standard": "standard it answers"}


class ActionPlanMixin:
    """Action-plan items: listed, added, updated (nothing deleted: an item is dropped)."""

    store: Store
    db: Any

    def _action(self, row: Mapping[str, Any], items: Mapping[int, tuple[int, str]] | None = None) -> ActionItem:
        standard = None
        if row["standard_item_id"] is not None:
            if items is not None:
                standard = items[row["standard_item_id"]][0]
            else:
                standard = self.db.execute(
                    "SELECT standard FROM s11_round_item WHERE id = ?", [row["standard_item_id"]]
                ).fetchone()[0]
        return ActionItem(
            id=row["id"],
            return_id=row["return_id"],
            action=row["action"],
            owner=row["owner"],
            due=_d(row["due"]),
            status=ActionStatus(row["status"]),
            closed=_d(row["closed"]),
            standard=standard,
            notes=row["notes"],
            row_version=row["row_version"],
        )

    def action(self, action_id: int) -> ActionItem:
        rows = list(self.db.query("SELECT * FROM s11_action WHERE id = ?", [action_id]))
        if not rows:
            raise RecordNotFound(
                f"There is no Section 11 action with id {action_id}.", "List them with 'mqp s11 action list'."
            )
        return self._action(rows[0])

    def actions(self, *, round_id: int | None = None, return_id: int | None = None) -> list[ActionItem]:
        """Action-plan items of one return, one round, or every round; by due date (none last)."""
        sql = "SELECT s11_action.* FROM s11_action JOIN s11_return ON s11_return.id = s11_action.return_id"
        where, args = [], []
        if round_id is not None:
            where.append("s11_return.round_id = ?")
            args.append(round_id)
        if return_id is not None:
            where.append("s11_action.return_id = ?")
            args.append(return_id)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY s11_action.due IS NULL, s11_action.due, s11_action.id"
        return [self._action(r) for r in self.db.query(sql, args)]

    def _action_values(self, item: ActionItem, round_id: int) -> dict[str, Any]:
        return {
            "action": item.action,
            "owner": item.owner,
            "due": _plain(item.due),
            "status": _plain(item.status),
            "closed": _plain(item.closed),
            "standard_item_id": self._item_id(round_id, item.standard, "") if item.standard is not None else None,
            "notes": item.notes,
        }

    def add_action(self, item: ActionItem, today: dt.date | None = None) -> ActionItem:
        """Add an item to a return's action plan (``item.return_id``)."""
        if item.return_id is None:
            raise ValidationError("return_id", "Say which return the action belongs to.")
        with self.store.write() as db:
            ret = self.get_return(item.return_id)
            rnd = self.round(ret.round_id)
            item = validate_action(dataclasses.replace(item, id=None), rnd.standards, today or dt.date.today())
            values = self._action_values(item, rnd.id)
            cur = db.execute(
                f"INSERT INTO s11_action (return_id, {', '.join(values)}) VALUES (?, {', '.join('?' * len(values))})",
                [ret.id] + list(values.values()),
            )
            item.id = cur.lastrowid
            changes = {k: [None, _plain(getattr(item, k))] for k in ACTION_FIELDS if getattr(item, k) not in (None, "")}
            self.store.record(
                "s11_action", item.id, "added",
                f"Section 11 action added for {self._agency_label(ret.agency_id)} ({rnd.name}): {item.action}",
                {"return_id": [None, ret.id], **changes},
            )
        item.row_version = 1
        return item

    def update_action(self, item: ActionItem, today: dt.date | None = None, *, action: str | None = None) -> ActionItem:
        """Save changes to an action (status, due date, owner, ...). Done or dropped needs a closed date
        (today when not given); reopening clears it. ``action`` names the change in the history
        (default "edited", or "marked <status>" when the status changed)."""
        if item.id is None:
            raise ValueError("update_action needs a saved action")
        read = self.store.require_version(item, "update_action")
        with self.store.write() as db:
            old = self.action(item.id)
            if item.return_id != old.return_id:
                raise ValidationError("return_id", "An action stays with the return it was added to.")
            ret = self.get_return(old.return_id)
            rnd = self.round(ret.round_id)
            if not ActionStatus(item.status).closed and old.closed is not None and item.closed == old.closed:
                item = dataclasses.replace(item, closed=None)  # reopened
            new = validate_action(item, rnd.standards, today or dt.date.today())
            diff = {k: [_plain(getattr(old, k)), _plain(getattr(new, k))] for k in ACTION_FIELDS
                    if getattr(old, k) != getattr(new, k)}
            if read != old.row_version:  # changed since it was read, even to what is saved now
                raise self.store.edit_conflict(
                    f"the Section 11 action '{old.action}' ({self._agency_label(ret.agency_id)}, {rnd.name})",
                    entity="s11_action", entity_id=old.id, read_version=read, stored_version=old.row_version,
                    yours={k: _plain(getattr(new, k)) for k in ACTION_FIELDS},
                    stored={k: _plain(getattr(old, k)) for k in ACTION_FIELDS}, labels=ACTION_LABELS,
                    yours_record=new, stored_record=old,
                )
            if not diff:
                return old
            values = self._action_values(new, rnd.id)
            columns = {("standard_item_id" if k == "standard" else k) for k in diff}
            db.execute(
                f"UPDATE s11_action SET {', '.join(f'{c} = ?' for c in sorted(columns))}, row_version = row_version + 1"
                " WHERE id = ? AND row_version = ?",
                [values[c] for c in sorted(columns)] + [new.id, read],
            )
            verb = action or (f"marked {new.status.value}" if "status" in diff else "edited")
            self.store.record(
                "s11_action", new.id, verb,
                f"Section 11 action {verb} ({self._agency_label(ret.agency_id)}, {rnd.name}): {new.action}", diff,
            )
        return dataclasses.replace(new, row_version=read + 1)
