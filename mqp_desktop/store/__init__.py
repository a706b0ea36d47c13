"""The SQLite file: opening, migrating, reading and writing the register."""

from mqp_desktop.store.errors import (
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseReadOnly,
    DatabaseTooNew,
    DiskFull,
    NotAnMqpDatabase,
    RecordNotFound,
    StoreError,
)
from mqp_desktop.store.store import Store

__all__ = [
    "DatabaseCorrupt",
    "DatabaseLocked",
    "DatabaseReadOnly",
    "DatabaseTooNew",
    "DiskFull",
    "NotAnMqpDatabase",
    "RecordNotFound",
    "Store",
    "StoreError",
]
