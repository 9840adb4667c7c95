"""The office's own security policy documents: 情報セキュリティ基本方針 (the basic policy) and
情報セキュリティ対策基準 (the security rules), kept as numbered versions, and the template
the basic policy is drafted from (``catalog/policy_templates.yaml``).

A version is a draft (``issued_on`` None) until it is issued; from then on its content never
changes - a change is a new version - so what was printed, signed and published stays what
the app shows. Only the record of where and when the basic policy was published (公表) is
added to an issued version afterwards: it says what happened to the text, not what it says.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from sqlalchemy import UniqueConstraint

from sme_guard.domain.base import Record
from sme_guard.domain.catalog import CODE_PATTERN, Text


class SecurityPolicy(Record, table=True):
    __tablename__ = "security_policy"
    __table_args__ = (UniqueConstraint("kind", "version"),)

    kind: str  # PolicyKind code: policy (基本方針) or rules (対策基準)
    version: int
    title: str
    issued_on: date | None = None  # None: a draft; once set the content is not changed again
    # The text: the basic policy's sections, or the rules drawn from the office's records, in
    # the language the version was drafted in, with the office's name and representative
    # (fixed when issued).
    content_json: str = "{}"
    notes: str | None = None  # the office's own note about the version; not printed
    published_on: date | None = None  # 公表 of the basic policy (web page, notice board ...)
    published_where: str | None = None


# The topics the issue asks a basic policy to cover, in this order.
POLICY_SECTIONS = (
    "purpose",  # 目的
    "scope",  # 適用範囲
    "commitment",  # 経営者の責任
    "compliance",  # 法令・契約の遵守
    "education",  # 教育
    "incidents",  # 事故への対応
    "improvement",  # 継続的改善
)


class _TemplateModel(BaseModel):
    # A hand-edited file: an unknown key is a typo, refused rather than ignored.
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class TemplateSection(_TemplateModel):
    key: str = Field(pattern=CODE_PATTERN)
    heading: Text
    body: Text  # "{office}" is replaced by the office's name when a draft is made


class BasicPolicyTemplate(_TemplateModel):
    title: Text
    sections: tuple[TemplateSection, ...]

    @model_validator(mode="after")
    def _every_topic_once(self) -> BasicPolicyTemplate:
        keys = tuple(s.key for s in self.sections)
        if keys != POLICY_SECTIONS:
            raise ValueError(f"sections: the keys must be {', '.join(POLICY_SECTIONS)} in this order")
        return self


class RulesTemplate(_TemplateModel):
    title: Text
    intro: Text  # "{office}" as above


class PolicyTemplates(_TemplateModel):
    # Required, so that nobody mistakes the template for text of the guideline or of IPA.
    written_for_this_app: Literal[True]
    policy: BasicPolicyTemplate
    rules: RulesTemplate
