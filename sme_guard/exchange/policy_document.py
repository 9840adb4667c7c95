"""The basic policy (基本方針) and the security rules (対策基準) as a list of blocks - title,
headings, paragraphs, entries, the closing lines, the signature line - that the PDF, the .docx
and the web text (plain text, HTML) all print. One list for every format, so each says the
same words in the same order.

A version prints in the language it was written in (``PolicyDocument.lang``), whatever the
screen's language: its labels follow its text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sme_guard.domain.codes import MeasureStatus, PolicyKind, label
from sme_guard.services.policies import PolicyDocument
from sme_guard.services.rules_draft import Category, RuleItem, RuleMeasure, RulesContent
from sme_guard.services.versions import version_name


class Kind(StrEnum):
    TITLE = "title"
    DRAFT = "draft"  # the warning that a version is not issued
    META = "meta"  # version and dates, under the title
    HEADING = "heading"
    SUBHEADING = "subheading"  # a control item of the rules
    LABEL = "label"  # a group of entries (adopted, planned, ...)
    PARAGRAPH = "paragraph"
    ENTRY = "entry"  # a measure, check, guideline or contact: a head and its lines
    CLOSING = "closing"  # date, office, representative, right-aligned
    SIGNATURE = "signature"  # a line to sign by hand (paper only: not in the web text)


@dataclass(frozen=True)
class Block:
    kind: Kind
    text: str
    lines: tuple[str, ...] = ()  # an entry's lines under its head; the closing's lines
    hint: str = ""  # the signature line's faint hint, "(印)"


def tr(lang: str, ja: str, en: str) -> str:
    return en if lang == "en" else ja


def long_date(day: date, lang: str) -> str:
    """A date as a formal document writes it: 2026年4月1日, 1 April 2026."""
    if lang == "en":
        return f"{day.day} {day.strftime('%B')} {day.year}"
    return f"{day.year}年{day.month}月{day.day}日"


def document_title(doc: PolicyDocument) -> str:
    return f"{doc.info.title} {version_name(doc.info.version, doc.lang)}"


def draft_warning(doc: PolicyDocument) -> str:
    what = tr(doc.lang, "公表・配布", "publish or hand out")
    return tr(
        doc.lang,
        f"下書き(未発行): この版はまだ発行されていません。{what}するのは発行してからにしてください。",
        f"DRAFT (not issued): this version has not been issued yet. Issue it before you {what} it.",
    )


def blocks(doc: PolicyDocument) -> list[Block]:
    """The document from its title to its signature line."""
    lang = doc.lang
    found = [Block(Kind.TITLE, doc.info.title)]
    if not doc.info.issued:
        found.append(Block(Kind.DRAFT, draft_warning(doc)))
    if doc.info.kind is PolicyKind.POLICY:
        found += _policy(doc)
    else:
        assert doc.rules is not None
        found += _rules(doc, doc.rules)
    found.append(Block(Kind.CLOSING, "", _closing(doc)))
    found.append(Block(Kind.SIGNATURE, tr(lang, "署名", "Signature"), hint=tr(lang, "(印)", "")))
    return found


def _closing(doc: PolicyDocument) -> tuple[str, ...]:
    lang, info = doc.lang, doc.info
    lines = []
    if info.issued_on is None:
        lines.append(
            tr(lang, f"{version_name(info.version, lang)}(下書き・未発行)", f"Version {info.version} (draft)")
        )
    else:
        established = doc.established_on or info.issued_on
        lines.append(
            tr(lang, f"{long_date(established, lang)} 制定", f"Established on {long_date(established, lang)}")
        )
        if info.version > 1:
            lines.append(
                tr(
                    lang,
                    f"{long_date(info.issued_on, lang)} 改定({version_name(info.version, lang)})",
                    f"Revised on {long_date(info.issued_on, lang)} (version {info.version})",
                )
            )
    lines.append(doc.office or tr(lang, "(事業所名が未設定です)", "(office name not set)"))
    # As the office writes it, usually with the title: 代表取締役 山田 太郎.
    lines.append(doc.representative or tr(lang, "(代表者が未設定です)", "(representative not set)"))
    return tuple(lines)


def _policy(doc: PolicyDocument) -> list[Block]:
    found = []
    for number, section in enumerate(doc.sections, start=1):
        found.append(Block(Kind.HEADING, f"{number}. {section.heading}"))
        found += [Block(Kind.PARAGRAPH, part) for part in section.body.splitlines() if part.strip()]
    return found


# ---------------------------------------------------------------- the rules


def _rules(doc: PolicyDocument, rules: RulesContent) -> list[Block]:
    lang = doc.lang
    source = tr(
        lang,
        f"自己点検「{rules.source_name}」({long_date(rules.source_held_on, lang)})の回答から作成",
        f'Drawn from the self-assessment "{rules.source_name}" of {long_date(rules.source_held_on, lang)}',
    )
    found = [Block(Kind.META, source)]
    found += [Block(Kind.PARAGRAPH, part) for part in doc.intro.splitlines() if part.strip()]
    found.append(Block(Kind.HEADING, tr(lang, "1. 管理策ごとの対策", "1. Measures by control item")))
    for item in rules.items:
        found += _item(item, lang)
    found.append(Block(Kind.HEADING, tr(lang, "2. 定期点検", "2. Recurring checks")))
    if not rules.checks:
        found.append(
            Block(Kind.PARAGRAPH, tr(lang, "定期点検は定めていません。", "No recurring checks are set."))
        )
    for check in rules.checks:
        every = tr(lang, f"{check.interval_days} 日ごと", f"Every {check.interval_days} days")
        serves = tr(lang, "、", ", ").join(check.serves)
        found.append(
            Block(Kind.ENTRY, check.title, (f"{every}({serves})" if lang != "en" else f"{every} ({serves})",))
        )
    found.append(Block(Kind.HEADING, tr(lang, "3. 従業員向けガイドライン", "3. Staff guidelines")))
    for guideline in rules.guidelines:
        if guideline.version is None or guideline.issued_on is None:
            line = tr(lang, "まだ発行していません。", "Not issued yet.")
        else:
            issued = long_date(guideline.issued_on, lang)
            line = tr(
                lang,
                f"「{guideline.title}」{version_name(guideline.version, lang)}({issued} 発行)を従業員が守ります。",
                f'Staff keep "{guideline.title}", version {guideline.version} (issued on {issued}).',
            )
        found.append(
            Block(
                Kind.ENTRY,
                f"{guideline.name}({guideline.ref})"
                if lang != "en"
                else f"{guideline.name} ({guideline.ref})",
                (line,),
            )
        )
    found.append(Block(Kind.HEADING, tr(lang, "4. 緊急連絡網の役割", "4. Roles in the contact tree")))
    if not rules.contacts:
        found.append(
            Block(
                Kind.PARAGRAPH,
                tr(lang, "緊急連絡網はまだ登録していません。", "The contact tree is not recorded yet."),
            )
        )
    for contact in rules.contacts:
        who = contact.person or tr(lang, "(未定)", "(not named)")
        if contact.alternate:
            who += tr(lang, f"(代理: {contact.alternate})", f" (alternate: {contact.alternate})")
        found.append(Block(Kind.ENTRY, f"{contact.position}. {contact.role}", (who,)))
    return found


GROUPS = (
    (Category.ADOPTED, "採用している対策", "Measures adopted"),
    (Category.PLANNED, "実施を計画している対策", "Measures planned"),
    (
        Category.NOT_APPLICABLE,
        "当社に当てはまらない対策(対象外)",
        "Measures that do not apply (not applicable)",
    ),
    (
        Category.UNPLANNED,
        "未実施で計画のない対策(当社のルールではありません)",
        "Measures not done and not planned (not rules of the office)",
    ),
)


def _item(item: RuleItem, lang: str) -> list[Block]:
    own = tr(lang, "(独自)", " (own)") if item.own else ""
    found = [Block(Kind.SUBHEADING, f"{item.number} {item.title}{own}")]
    for category, ja, en in GROUPS:
        measures = item.of(category)
        if measures:
            found.append(Block(Kind.LABEL, tr(lang, ja, en)))
            found += [Block(Kind.ENTRY, _measure_head(m, lang), _measure_lines(m, lang)) for m in measures]
    return found


def _measure_head(measure: RuleMeasure, lang: str) -> str:
    reference = tr(lang, "(参考)", " (reference)") if measure.reference else ""
    return f"{measure.ref} {measure.text}{reference}"


def _measure_lines(measure: RuleMeasure, lang: str) -> tuple[str, ...]:
    separator = tr(lang, "、", "; ")
    parts: list[str] = []
    category = measure.category
    if category is Category.ADOPTED:
        parts.append(label(MeasureStatus(measure.status), lang))
        parts.append(
            tr(lang, f"担当: {measure.owner}", f"owner: {measure.owner}")
            if measure.owner
            else tr(lang, "担当: 未定", "owner: not named")
        )
        if measure.status == MeasureStatus.PARTIAL.value and measure.due_on is not None:
            due = long_date(measure.due_on, lang)
            parts.append(tr(lang, f"完了目標日: {due}", f"to be completed by {due}"))
        if measure.how:
            parts.append(tr(lang, f"方法: {measure.how}", f"how: {measure.how}"))
    elif category is Category.PLANNED:
        assert measure.due_on is not None
        due = long_date(measure.due_on, lang)
        parts.append(tr(lang, f"目標日: {due}", f"target date: {due}"))
        if measure.owner:
            parts.append(tr(lang, f"担当: {measure.owner}", f"owner: {measure.owner}"))
    elif category is Category.NOT_APPLICABLE:
        reason = measure.reason or tr(lang, "(記入されていません)", "(none given)")
        parts.append(tr(lang, f"理由: {reason}", f"reason: {reason}"))
    return (separator.join(parts),) if parts else ()  # 未実施, no plan: its group says so
