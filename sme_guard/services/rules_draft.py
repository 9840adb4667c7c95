"""情報セキュリティ対策基準 (the security rules) drawn from the office's own records.

A draft of the rules is a snapshot of: the latest self-assessment's answer for every control
measure (with its owner, how it is done, its target date, or why it does not apply), the
recurring checks switched on with their intervals, the staff guidelines in force and the roles
of the contact tree. The snapshot is stored with the version, so an issued version keeps the
rules as they were when it was issued, whatever the records say later.

What a measure's answer makes of it (``RuleMeasure.category``):

- 実施済 / 一部実施: adopted - a rule of the office, with its owner;
- 未実施 with a target date: planned, with the date;
- 対象外: does not apply, with the reason the office gave;
- 未実施 without a target date: listed as such, never written as a rule.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from sme_guard.db.database import Database
from sme_guard.domain.catalog import Catalog, circled
from sme_guard.domain.codes import GuidelineKind, MeasureStatus, label
from sme_guard.errors import UserError
from sme_guard.services import assessments, incidents, recurring_checks, staff_guidelines
from sme_guard.services.catalog import entry_reference


class Category(StrEnum):
    ADOPTED = "adopted"
    PLANNED = "planned"
    NOT_APPLICABLE = "not_applicable"
    UNPLANNED = "unplanned"  # 未実施 with no plan: not a rule


class _Stored(BaseModel):
    # Read back from the database: fields added by a later version of the app are ignored.
    model_config = ConfigDict(extra="ignore", frozen=True)


class RuleMeasure(_Stored):
    ref: str  # 9②
    text: str  # the guideline's measure, in the rules' language
    reference: bool = False  # (参考)
    status: str  # MeasureStatus code
    owner: str | None = None
    how: str | None = None  # the assessment's evidence: how it is done
    due_on: date | None = None
    reason: str | None = None  # why it does not apply (対象外)

    @property
    def category(self) -> Category:
        if self.status in (MeasureStatus.DONE.value, MeasureStatus.PARTIAL.value):
            return Category.ADOPTED
        if self.status == MeasureStatus.NOT_APPLICABLE.value:
            return Category.NOT_APPLICABLE
        return Category.PLANNED if self.due_on is not None else Category.UNPLANNED


class RuleItem(_Stored):
    number: int
    title: str
    own: bool = False  # the office's own control item
    measures: tuple[RuleMeasure, ...] = ()

    def of(self, category: Category) -> list[RuleMeasure]:
        return [m for m in self.measures if m.category is category]


class RuleCheck(_Stored):
    title: str
    interval_days: int
    serves: tuple[str, ...] = ()  # the guideline entries it serves, as printed (9 運用①, 9①)


class RuleGuideline(_Stored):
    kind: str  # GuidelineKind code
    name: str  # スマートデバイス使用ガイドライン
    ref: str  # 10⑨ or 18①
    title: str | None = None  # None: no version issued yet
    version: int | None = None
    issued_on: date | None = None


class RuleContact(_Stored):
    position: int
    role: str
    person: str
    alternate: str = ""


class RulesContent(_Stored):
    source_name: str  # the self-assessment the rules come from
    source_held_on: date
    items: tuple[RuleItem, ...] = ()
    checks: tuple[RuleCheck, ...] = ()
    guidelines: tuple[RuleGuideline, ...] = ()
    contacts: tuple[RuleContact, ...] = ()


class NoAssessmentError(UserError):
    def __init__(self) -> None:
        super().__init__(
            "自己点検がまだありません。対策基準は最新の自己点検の回答から作成します。先に自己点検を行ってください。",
            "There is no self-assessment yet. The rules are drawn from the latest one: carry out a "
            "self-assessment first.",
        )


GUIDELINE_REFS = {GuidelineKind.DEVICES: "10⑨", GuidelineKind.SNS: "18①"}


def compose(database: Database, catalog: Catalog, lang: str, today: date) -> RulesContent:
    """The rules as the records say today: the latest self-assessment's answers per measure
    of ``catalog``, the recurring checks switched on, the guidelines in force, the contact tree.
    Texts are in ``lang``; a ``NoAssessmentError`` when there is no self-assessment."""
    latest = assessments.runs(database)[:1]
    if not latest:
        raise NoAssessmentError()
    run = assessments.answers(database, latest[0].id)
    items = []
    for item in catalog.items:
        measures = []
        for measure in item.measures:
            answer = run.measure(measure.id)
            measures.append(
                RuleMeasure(
                    ref=f"{item.number}{circled(measure.no)}",
                    text=measure.text.get(lang),
                    reference=measure.reference,
                    status=answer.status,
                    owner=answer.owner,
                    how=answer.evidence,
                    due_on=answer.due_on,
                    reason=answer.reason,
                )
            )
        items.append(
            RuleItem(
                number=item.number,
                title=item.title.get(lang),
                own=item.origin == "office",
                measures=tuple(measures),
            )
        )
    checks = [
        RuleCheck(
            title=line.title(lang),
            interval_days=line.interval_days,
            serves=tuple(entry_reference(catalog, point, lang)[0] for point in line.points),
        )
        for line in recurring_checks.checks(database, today)
        if line.enabled
    ]
    guidelines = []
    for kind in GuidelineKind:
        current = staff_guidelines.current_version(database, kind)
        guidelines.append(
            RuleGuideline(
                kind=kind.value,
                name=label(kind, lang),
                ref=GUIDELINE_REFS[kind],
                title=current.title if current else None,
                version=current.version if current else None,
                issued_on=current.issued_on if current else None,
            )
        )
    contacts = [
        RuleContact(position=c.position, role=c.role, person=c.person, alternate=c.alternate)
        for c in incidents.contacts(database)
    ]
    return RulesContent(
        source_name=run.run.name,
        source_held_on=run.run.held_on,
        items=tuple(items),
        checks=tuple(checks),
        guidelines=tuple(guidelines),
        contacts=tuple(contacts),
    )
