"""Section 11 frameworks in the database: the shipped ones, stored versions, editing.

Mixed into :class:`mqp_desktop.store.section11.Section11Repo`; use it from there.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from mqp_desktop.domain.section11 import Framework, standards_to_data, validate_framework
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.paths import resource_path
from mqp_desktop.store.errors import RecordNotFound
from mqp_desktop.store.store import Store


def frameworks_dir() -> Path:
    return resource_path("frameworks")


@lru_cache(maxsize=1)
def _shipped() -> tuple[Framework, ...]:
    out = []
    for path in sorted(frameworks_dir().glob("*.json")):
        out.append(Framework.from_data(json.loads(path.read_text(encoding="utf-8"))))
    return tuple(out)


def shipped_frameworks() -> list[Framework]:
    """The frameworks shipped as data in ``resources/frameworks`` (not stored, ``id`` None)."""
    return list(_shipped())


DEFAULT_FRAMEWORK = "Section 11 statutory standards"


class FrameworksMixin:
    """Frameworks: listed (stored and shipped), found, and saved as new versions once used."""

    store: Store
    db: Any

    @staticmethod
    def _framework(row: Mapping[str, Any]) -> Framework:
        framework = Framework.from_data(
            {
                "name": row["name"],
                "version": row["version"],
                "description": row["description"],
                "standards": json.loads(row["standards"]),
            },
            id=row["id"],
        )
        return dataclasses.replace(framework, row_version=row["row_version"])

    def frameworks(self) -> list[Framework]:
        """Every stored framework version, then shipped ones not stored yet; by name, then version."""
        stored = [self._framework(r) for r in self.db.query("SELECT * FROM s11_framework")]
        keys = {(f.name.lower(), f.version) for f in stored}
        shipped = [f for f in shipped_frameworks() if (f.name.lower(), f.version) not in keys]
        return sorted(stored + shipped, key=lambda f: (f.name.lower(), f.version))

    def framework(self, key: int | str, version: int | None = None) -> Framework:
        """A framework by id, or by name (any case) at ``version`` (default: the latest)."""
        text = str(key).strip()
        if text.isdigit():
            row = self.db.execute("SELECT id FROM s11_framework WHERE id = ?", [int(text)]).fetchone()
            if row:
                return self._framework(next(self.db.query("SELECT * FROM s11_framework WHERE id = ?", [row[0]])))
        matches = [f for f in self.frameworks() if f.name.lower() == text.lower()]
        if version is not None:
            matches = [f for f in matches if f.version == version]
        if not matches:
            known = "; ".join(f.label for f in self.frameworks()) or "none"
            wanted = f"'{text}'" + (f" version {version}" if version is not None else "")
            raise RecordNotFound(f"There is no Section 11 framework {wanted}.", f"The frameworks: {known}.")
        return matches[-1]

    def rounds_using(self, framework_id: int | None) -> int:
        if framework_id is None:
            return 0
        return self.db.execute("SELECT count(*) FROM s11_round WHERE framework_id = ?", [framework_id]).fetchone()[0]

    def _is_shipped_copy(self, framework: Framework) -> bool:
        return any(
            f.name.lower() == framework.name.lower() and f.version == framework.version for f in shipped_frameworks()
        )

    def _insert_framework(self, framework: Framework, based_on: int | None, action: str) -> Framework:
        data = json.dumps(standards_to_data(framework.standards), ensure_ascii=False)
        cur = self.db.execute(
            "INSERT INTO s11_framework (name, version, description, standards, based_on_id) VALUES (?, ?, ?, ?, ?)",
            [framework.name, framework.version, framework.description, data, based_on],
        )
        saved = dataclasses.replace(framework, id=cur.lastrowid, row_version=1)
        self.store.record(
            "s11_framework",
            saved.id,
            action,
            f"Section 11 framework {action}: {saved.label}, {len(saved.standards)} standards",
            {"name": [None, saved.name], "version": [None, saved.version],
             "standards": [None, [s.label for s in saved.standards]]},
        )
        return saved

    def _stored(self, framework: Framework) -> Framework:
        """The stored copy of ``framework`` (stored now if it was never saved). Call inside a write.

        Refuses a framework edited since it was read (its standards differ from the
        stored version's): save it first, so the round names the version it copies.
        """
        framework = validate_framework(framework)
        if framework.id is not None:
            stored = self.framework(framework.id)
        else:
            rows = list(
                self.db.query(
                    "SELECT * FROM s11_framework WHERE name = ? COLLATE NOCASE AND version = ?",
                    [framework.name, framework.version],
                )
            )
            if not rows:
                return self._insert_framework(framework, None, "added")
            stored = self._framework(rows[0])
        if stored.standards != framework.standards:
            raise ValidationError(
                "framework",
                f"{framework.label} has changes that are not saved: save the framework first"
                " (it becomes a new version if a round already uses it), then create the round from it.",
            )
        return stored

    def save_framework(self, framework: Framework) -> Framework:
        """Save an edited or new framework; returns it as stored (with its id and version).

        A framework is never changed in place once an audit round uses it, nor
        when it is the shipped text: the edit is saved as the next version. A
        version no round uses yet is edited in place. A shipped framework's text
        is stored first as it ships, so the edit is always a version of its own.

        A framework read from the store (``id`` and ``row_version`` set) is refused with
        :class:`~mqp_desktop.store.errors.EditConflict` when its stored version was edited, or a
        newer version of it saved, by someone else since it was read.
        """
        framework = validate_framework(framework)
        with self.store.write():
            if framework.id is not None and framework.row_version is not None:
                self._check_framework_unchanged(framework)
            shipped = [f for f in shipped_frameworks() if f.name.lower() == framework.name.lower()]
            if shipped and not self._latest_stored(framework.name):
                self._stored(shipped[-1])
            latest = self._latest_stored(framework.name)
            if latest is None:
                return self._insert_framework(dataclasses.replace(framework, id=None), None, "added")
            if latest.standards == framework.standards and latest.description == framework.description:
                return latest
            if self.rounds_using(latest.id) or self._is_shipped_copy(latest):
                new = dataclasses.replace(framework, version=latest.version + 1, id=None)
                return self._insert_framework(new, latest.id, "new version")
            data = json.dumps(standards_to_data(framework.standards), ensure_ascii=False)
            self.db.execute(
                "UPDATE s11_framework SET description = ?, standards = ? WHERE id = ?",
                [framework.description, data, latest.id],
            )
            self.db.execute("UPDATE s11_framework SET row_version = row_version + 1 WHERE id = ?", [latest.id])
            saved = dataclasses.replace(framework, id=latest.id, version=latest.version, name=latest.name,
                                        row_version=(latest.row_version or 0) + 1)
            self.store.record(
                "s11_framework",
                saved.id,
                "edited",
                f"Section 11 framework edited: {saved.label}",
                {"standards": [[s.label for s in latest.standards], [s.label for s in saved.standards]]},
            )
            return saved

    def _check_framework_unchanged(self, framework: Framework) -> None:
        stored = self.framework(framework.id)
        latest = self._latest_stored(stored.name)
        if stored.row_version == framework.row_version and (latest is None or latest.id == stored.id):
            return
        now = latest if latest is not None else stored

        def words(f: Framework) -> dict[str, Any]:
            return {"version": f.version, "description": f.description,
                    "standards": "; ".join(s.label for s in f.standards)}

        raise self.store.edit_conflict(
            f"the Section 11 framework {stored.label}", entity="s11_framework", entity_id=now.id,
            read_version=framework.row_version, stored_version=now.row_version,
            yours=words(framework), stored=words(now), labels={"version": "framework version"},
            yours_record=framework, stored_record=now,
        )

    def _latest_stored(self, name: str) -> Framework | None:
        rows = list(
            self.db.query(
                "SELECT * FROM s11_framework WHERE name = ? COLLATE NOCASE ORDER BY version DESC LIMIT 1", [name]
            )
        )
        return self._framework(rows[0]) if rows else None
