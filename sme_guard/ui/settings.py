"""Settings, each declared once with its type and default (QSettings underneath)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from sme_guard.paths import APP_NAME

T = TypeVar("T", str, int, bool, QByteArray)


def _store() -> QSettings:
    # The default format is native (the registry on Windows); tests switch it to INI files.
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, APP_NAME, APP_NAME)


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type[T]
    default: T

    def get(self) -> T:
        # What the store gives back depends on its format (the registry, or text in an INI file).
        value: Any = _store().value(self.key, self.default)
        if self.type is bool and isinstance(value, str):  # INI files give "true"/"false"
            return self.type(value.lower() == "true")
        try:
            return self.type(value)
        except (TypeError, ValueError):
            return self.default

    def set(self, value: T) -> None:
        _store().setValue(self.key, value)


WINDOW_GEOMETRY = Setting("window/geometry", QByteArray, QByteArray())
WINDOW_STATE = Setting("window/state", QByteArray, QByteArray())
CURRENT_TAB = Setting("window/current_tab", int, 0)
CATALOG_LANGUAGE = Setting("catalog/language", str, "")
CATALOG_SPLITTER = Setting("catalog/splitter", QByteArray, QByteArray())


def register_setting(register_key: str, name: str) -> Setting[str]:
    """Per-register view settings (column widths, sort order), one key per register."""
    return Setting(f"registers/{register_key}/{name}", str, "")
