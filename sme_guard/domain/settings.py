"""The office's settings (事業所の設定): one row per key, read by the services and the command
line alike (``services.settings`` knows each key, its type and its default)."""

from __future__ import annotations

from sqlmodel import Field

from sme_guard.domain.base import Record


class AppSetting(Record, table=True):
    """Office-wide settings that the services and the command line need too."""

    __tablename__ = "app_setting"

    key: str = Field(unique=True)
    value: str
