"""The basic policy and the security rules as files to edit or publish: Word (.docx, through
python-docx), plain text and HTML for the office's web page (公表). All from the same blocks as
the PDF (``exchange.policy_document``), so each file says what the printout says.

The web formats leave out the signature line (it is for paper) and keep everything else. Files
are written beside their target and renamed over it once complete.
"""

from __future__ import annotations

from enum import StrEnum
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sme_guard.exchange.files import written_atomically
from sme_guard.exchange.policy_document import Block, Kind, blocks
from sme_guard.services.policies import PolicyDocument

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

# The Word document's font: the one SME Guard prints with, which Windows 10 and later have
# (BIZ UDゴシック); Word falls back to its own where it is missing.
WORD_FONT = "BIZ UDGothic"


class Format(StrEnum):
    DOCX = "docx"
    TXT = "txt"
    HTML = "html"


def export_policy(path: Path, doc: PolicyDocument, file_format: Format | str) -> None:
    """Write ``doc`` to ``path`` as .docx, plain text (UTF-8) or an HTML page (UTF-8)."""
    file_format = Format(file_format)
    with written_atomically(Path(path)) as temporary:  # exchange.files
        if file_format is Format.DOCX:
            word_document(doc).save(str(temporary))
        else:
            text = web_text(doc) if file_format is Format.TXT else web_page(doc)
            temporary.write_text(text, encoding="utf-8", newline="\n")


# ---------------------------------------------------------------- web text


def _web_blocks(doc: PolicyDocument) -> list[Block]:
    return [block for block in blocks(doc) if block.kind is not Kind.SIGNATURE]


def web_text(doc: PolicyDocument) -> str:
    """Plain text to paste into a web page or a notice: a blank line between blocks."""
    parts: list[str] = []
    for block in _web_blocks(doc):
        if block.kind is Kind.TITLE:
            parts.append(block.text)
        elif block.kind is Kind.ENTRY:
            parts.append("\n".join([f"・{block.text}", *(f"  {line}" for line in block.lines)]))
        elif block.kind is Kind.CLOSING:
            parts.append("\n".join(block.lines))
        elif block.kind is Kind.LABEL:
            parts.append(f"[{block.text}]")
        else:
            parts.append(block.text)
    return "\n\n".join(parts) + "\n"


def web_page(doc: PolicyDocument) -> str:
    """A standalone HTML page (no scripts, no outside files); every text escaped."""
    body: list[str] = []
    for block in _web_blocks(doc):
        text = escape(block.text)
        if block.kind is Kind.TITLE:
            body.append(f"<h1>{text}</h1>")
        elif block.kind is Kind.DRAFT:
            body.append(f'<p class="draft"><strong>{text}</strong></p>')
        elif block.kind is Kind.META:
            body.append(f'<p class="meta">{text}</p>')
        elif block.kind is Kind.HEADING:
            body.append(f"<h2>{text}</h2>")
        elif block.kind is Kind.SUBHEADING:
            body.append(f"<h3>{text}</h3>")
        elif block.kind is Kind.LABEL:
            body.append(f"<h4>{text}</h4>")
        elif block.kind is Kind.ENTRY:
            lines = "".join(f"<br>{escape(line)}" for line in block.lines)
            body.append(f'<p class="entry">{text}{lines}</p>')
        elif block.kind is Kind.CLOSING:
            body.append('<p class="closing">' + "<br>".join(escape(line) for line in block.lines) + "</p>")
        else:
            body.append(f"<p>{text}</p>")
    style = (
        "body{max-width:42em;margin:2em auto;padding:0 1em;line-height:1.7;}"
        ".meta,.closing{text-align:right;}.entry{margin-left:1.5em;}.draft{color:#b00000;}"
    )
    title = escape(blocks(doc)[0].text)
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(doc.lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n<style>{style}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


# ---------------------------------------------------------------- Word


def word_document(doc: PolicyDocument) -> WordDocument:
    """The document in Word: A4, the app's font, one paragraph per line of the printout."""
    import docx  # python-docx (and lxml) load only when a document is made
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_UNDERLINE
    from docx.shared import Mm, Pt, RGBColor

    word = docx.Document()
    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(20))
    section.top_margin = section.bottom_margin = Mm(20)
    _fonts(word, Pt)
    red, grey = RGBColor(0xB0, 0x00, 0x00), RGBColor(0x55, 0x55, 0x55)
    for block in blocks(doc):
        if block.kind is Kind.TITLE:
            paragraph = word.add_paragraph(block.text, style="Title")
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif block.kind is Kind.DRAFT:
            run = word.add_paragraph().add_run(block.text)
            run.bold, run.font.color.rgb = True, red
        elif block.kind is Kind.META:
            paragraph = word.add_paragraph(block.text)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif block.kind in (Kind.HEADING, Kind.SUBHEADING, Kind.LABEL):
            level = {Kind.HEADING: 1, Kind.SUBHEADING: 2, Kind.LABEL: 3}[block.kind]
            word.add_heading(block.text, level=level)
        elif block.kind is Kind.ENTRY:
            head = word.add_paragraph(block.text)
            head.paragraph_format.left_indent = Mm(6)
            head.paragraph_format.space_after = Pt(0)
            for line in block.lines:
                paragraph = word.add_paragraph()
                paragraph.paragraph_format.left_indent = Mm(12)
                paragraph.add_run(line).font.color.rgb = grey
        elif block.kind is Kind.CLOSING:
            for line in block.lines:
                paragraph = word.add_paragraph(line)
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                paragraph.paragraph_format.space_after = Pt(0)
        elif block.kind is Kind.SIGNATURE:
            paragraph = word.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            paragraph.paragraph_format.space_before = Pt(18)
            paragraph.add_run(block.text + " ").bold = True
            blank = paragraph.add_run("\u3000" * 14)  # the line to sign on
            blank.font.underline = WD_UNDERLINE.SINGLE
            paragraph.add_run(" " + block.hint if block.hint else "").font.color.rgb = grey
        else:
            paragraph = word.add_paragraph(block.text)
            paragraph.paragraph_format.first_line_indent = Pt(10)
    properties = word.core_properties
    properties.title, properties.author = doc.info.title, doc.office or "SME Guard"
    return word


def _fonts(word: Any, points: Any) -> None:
    """Every style used in the app's font, Japanese included (``eastAsia``), headings in black."""
    from docx.oxml.ns import qn
    from docx.shared import RGBColor

    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3"):
        style = word.styles[name]
        style.font.name = WORD_FONT
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attribute), WORD_FONT)
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(theme), None)
        if name != "Normal":
            style.font.color.rgb = RGBColor(0, 0, 0)
    word.styles["Normal"].font.size = points(10.5)
    word.styles["Title"].font.size = points(18)
