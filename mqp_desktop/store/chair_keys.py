"""The chair's public signing keys in the officer's database (``store.chair_keys``).

The chair makes a key pair on their own laptop (``domain/chair_key.py``) and sends the public
half; the officer imports it once, after reading its fingerprint to the chair by phone. Replacing
it (a new laptop, a forgotten passphrase, a new chair) is deliberate: a reason is required, the
old key is marked replaced and kept, so minutes it signed still verify. Every import and
replacement is recorded in the change history (entity ``chair_key``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from mqp_desktop.domain.chair_key import ChairPublicKey, RegisteredChairKey
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store.errors import RecordNotFound

if TYPE_CHECKING:
    from mqp_desktop.store.store import Store


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _key(row: Mapping[str, Any]) -> RegisteredChairKey:
    public = ChairPublicKey(name=row["name"], created_on=dt.date.fromisoformat(row["created_on"]),
                            public_key=row["public_key"], certificate=row["certificate"],
                            endorsement=row["endorsement"])
    return RegisteredChairKey(id=row["id"], public=public, imported_at=row["imported_at"],
                              replaced_at=row["replaced_at"], replaced_reason=row["replaced_reason"])


class ChairKeyRepo:
    def __init__(self, store: Store):
        self.store = store
        self.db = store.db

    def keys(self) -> list[RegisteredChairKey]:
        """Every key imported, oldest first (replaced ones too)."""
        return [_key(r) for r in self.db.query("SELECT * FROM chair_key ORDER BY id")]

    def current(self) -> RegisteredChairKey | None:
        """The chair's key in force, or None when none was imported."""
        rows = list(self.db.query("SELECT * FROM chair_key WHERE replaced_at IS NULL"))
        return _key(rows[0]) if rows else None

    def get(self, key_id: int) -> RegisteredChairKey:
        rows = list(self.db.query("SELECT * FROM chair_key WHERE id = ?", [key_id]))
        if not rows:
            raise RecordNotFound(f"There is no chair's key with id {key_id}.", "See 'mqp chair-key show'.")
        return _key(rows[0])

    def register(self, public: ChairPublicKey, *, replace_reason: str = "") -> RegisteredChairKey:
        """Hold ``public`` as the chair's key. The same key again changes nothing; another key while
        one is held needs ``replace_reason`` (the old key is marked replaced and kept)."""
        public.check()
        reason = " ".join((replace_reason or "").split())
        current = self.current()
        if current is not None and current.fingerprint == public.fingerprint:
            return current
        if any(k.fingerprint == public.fingerprint for k in self.keys()):
            raise ValidationError("key", f"This key ({public.spoken}) was the chair's before and was replaced: a "
                                  "replaced key is not taken back. Ask the chair for their current key.")
        if current is not None and not reason:
            raise ValidationError(
                "reason", f"This database already holds the chair's key of {current.name} (fingerprint "
                f"{current.spoken}). Replacing it is deliberate: compare the new key's fingerprint ({public.spoken}) "
                "with the chair by phone, then replace it giving the reason (mqp chair-key replace FILE --reason "
                "...).")
        now = _now()
        with self.store.write():
            if current is not None:
                self.store.update("chair_key", current.id, {"replaced_at": [None, now],
                                                            "replaced_reason": ["", reason]})
                self.store.record("chair_key", current.id, "replaced",
                                  f"Chair's signing key of {current.name} ({current.spoken}) replaced: {reason}",
                                  {"replaced_at": [None, now], "replaced_reason": ["", reason]})
            key_id = self.store.insert("chair_key", {
                "name": public.name, "fingerprint": public.fingerprint, "public_key": public.public_key,
                "certificate": public.certificate, "endorsement": public.endorsement,
                "created_on": public.created_on.isoformat(), "imported_at": now,
            })
            self.store.record("chair_key", key_id, "imported",
                              f"Chair's signing key imported: {public.name}, fingerprint {public.spoken}"
                              + (f" (replacing {current.spoken}: {reason})" if current else ""),
                              {"name": [None, public.name], "fingerprint": [None, public.fingerprint],
                               "created_on": [None, public.created_on.isoformat()]})
        return self.get(key_id)
