"""The SQLite file: opening, migrating, reading and writing the register."""

from mqp_desktop.store.errors import (
    DatabaseCorrupt,
    DatabaseInUse,
    DatabaseLocked,
    DatabaseReadOnly,
    DatabaseTooNew,
    DiskFailing,
    DiskFull,
    EmptyDatabaseFile,
    EncryptedDatabase,
    HalfMadeDatabase,
    NotAnMqpDatabase,
    PasswordNeeded,
    RecordNotFound,
    StoreError,
    WrongPassword,
)
from mqp_desktop.store.store import Store

__all__ = [
    "DatabaseCorrupt",
    "DatabaseLocked",
    "DatabaseReadOnly",
    "DatabaseTooNew",
    "DatabaseInUse",
    "DiskFailing",
    "DiskFull",
    "EmptyDatabaseFile",
    "EncryptedDatabase",
    "HalfMadeDatabase",
    "NotAnMqpDatabase",
    "PasswordNeeded",
    "RecordNotFound",
    "Store",
    "StoreError",
    "WrongPassword",
]
