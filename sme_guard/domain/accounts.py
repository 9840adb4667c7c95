"""アカウント台帳 (control 5): who can get into which system or service, with which ID."""

from __future__ import annotations

from datetime import date

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from sme_guard.domain.base import Record
from sme_guard.domain.codes import AccountPrivilege, AccountStatus, AuthMethod


class UserAccount(Record, table=True):
    __tablename__ = "user_account"
    __table_args__ = (UniqueConstraint("system", "login"),)

    account_number: str = Field(unique=True)  # the office's own number, matches Excel rows
    # The system or service; a cloud service's accounts carry its name (kept on renames).
    system: str = Field(index=True)
    login: str  # the user ID (5③: one per identifiable person)
    person_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    shared: bool = False  # a shared or anonymous ID (flagged)
    privilege: str = Field(default=AccountPrivilege.USER.value)  # 5④⑤
    auth_method: str = Field(default=AuthMethod.PASSWORD.value)  # 5②
    issued_on: date | None = None
    last_reviewed_on: date | None = None  # 5 運用①
    disabled_on: date | None = None
    status: str = Field(default=AccountStatus.ACTIVE.value, index=True)
    notes: str | None = None
