"""Errors a user can act on. Each carries its message in Japanese and English.

Anything that is not a ``UserError`` is a bug: the GUI logs it and shows a generic
"unexpected error" dialog, the CLI prints one line and the log path.
"""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can understand and fix; never shown with a traceback."""

    def __init__(self, ja: str, en: str) -> None:
        super().__init__(en)
        self.ja = ja
        self.en = en

    def message(self, lang: str) -> str:
        return self.en if lang == "en" else self.ja


class DatabaseError(UserError):
    """The database file cannot be used as it is."""


class DatabaseLockedError(DatabaseError):
    pass


class DatabaseUnreadableError(DatabaseError):
    pass


class DatabaseDamagedError(DatabaseUnreadableError):
    """An SQLite file of this app that fails the integrity check: restore a backup."""


class DatabaseInUseError(DatabaseError):
    """Another SME Guard (window or command) holds the database's instance lock."""


class DatabaseTooNewError(DatabaseError):
    pass


class StorageFullError(DatabaseError):
    pass


class ReadOnlyError(DatabaseError):
    pass


class BackupError(UserError):
    """A backup could not be written, or a file is not fit to be restored."""


class CatalogError(UserError):
    """A catalog file does not fit the schema; the message names file, entry and field."""
