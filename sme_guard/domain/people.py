"""従業員: everyone the guideline counts as an employee (sheet No.1 備考)."""

from __future__ import annotations

from datetime import date

from sqlmodel import Field

from sme_guard.domain.base import Record
from sme_guard.domain.codes import EmploymentType, PersonRole


class Person(Record, table=True):
    name: str = Field(index=True)
    kana: str | None = None
    department: str | None = None
    employment_type: str = Field(default=EmploymentType.REGULAR.value)
    role: str = Field(default=PersonRole.EMPLOYEE.value)
    phone: str | None = None
    email: str | None = None
    joined_on: date | None = None
    # Leaving triggers the return of badges and devices and the review of user IDs (5 運用①).
    left_on: date | None = None
    notes: str | None = None
