"""A `Briefing` written out: Markdown (pasteable into Word) and DOCX (python-docx).

Both renderers take every line from the same helpers (`scope_lines`, `action_lines`,
`reference_text`, …), so the two formats say the same thing and list the same
references. Neither adds anything but labels to what the `Briefing` holds.

Determinism: with `generated_at` unset, the bytes depend only on the briefing. A DOCX is
a zip: python-docx stamps each member with the current time and the core properties
with whatever the template holds, so the core properties are set to `FIXED_TIMESTAMP`
(or the generation time) and the package is re-zipped with fixed member timestamps.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from datetime import UTC, date, datetime

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.text.paragraph import Paragraph

from .answering import format_date, place_parts
from .briefing import (
    NOTHING_FOUND,
    UNPRINTABLE,
    ActionItem,
    Briefing,
    BriefingFormat,
    Reference,
    stated_label,
)
from .figures import Figures, briefing_figures, figure_rows

__all__ = [
    "FIXED_TIMESTAMP",
    "MEDIA_TYPES",
    "NOTICE",
    "filename_for",
    "reference_text",
    "render",
    "render_docx",
    "render_markdown",
]

MEDIA_TYPES: dict[str, str] = {
    "markdown": "text/markdown; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "json": "application/json",
}
EXTENSIONS: dict[str, str] = {"markdown": "md", "docx": "docx", "json": "json"}
FIXED_TIMESTAMP = datetime(2000, 1, 1, tzinfo=UTC)
"""Core properties of a DOCX made without a generation time."""
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)

NOTICE = (
    "Every statement below is quoted verbatim from the passage it cites; numbers in "
    "square brackets refer to the reference list. Nothing has been paraphrased."
)
SECTIONS = ("Summary", "Timeline", "Actions and commitments", "References")


def filename_for(topic: str, fmt: BriefingFormat) -> str:
    """'briefing-agency-staffing.md': letters, digits and hyphens only."""
    slug = re.sub(r"[^a-z0-9]+", "-", topic.lower()).strip("-")[:60].rstrip("-")
    return f"briefing-{slug}.{EXTENSIONS[fmt]}" if slug else f"briefing.{EXTENSIONS[fmt]}"


# -- shared wording -------------------------------------------------------------------------


def _long_date(value: date) -> str:
    return format_date(value, "day")


def _dated(label: str, approximate: bool) -> str:
    return f"{label} (approximate date)" if approximate else label


def _one_line(text: str) -> str:
    """One line of text; characters XML cannot hold (and no reader wants) become U+FFFD."""
    return UNPRINTABLE.sub("\ufffd", re.sub(r"\s+", " ", text)).strip()


def scope_lines(b: Briefing) -> list[tuple[str, str]]:
    """(label, value) lines of the question and scope, shared by both renderers."""
    s = b.scope
    if s.date_from and s.date_to:
        dates = f"{_long_date(s.date_from)} to {_long_date(s.date_to)}"
    elif s.date_from:
        dates = f"from {_long_date(s.date_from)}"
    elif s.date_to:
        dates = f"up to {_long_date(s.date_to)}"
    else:
        dates = "all dates"
    lines = [
        ("Question", b.topic),
        ("Committee", s.committee or "all committees"),
        ("Document type", s.doc_type or "all types"),
        ("Dates", dates),
        ("Documents searched", f"{s.documents_searched} of {s.documents_indexed} indexed"),
    ]
    if s.meetings_found:
        span = (
            f", from {s.evidence_from} to {s.evidence_to}"
            if s.evidence_from and s.evidence_from != s.evidence_to
            else (f", {s.evidence_from}" if s.evidence_from else "")
        )
        plural = "s" if s.meetings_found != 1 else ""
        lines.append(("Meetings cited", f"{s.meetings_found} meeting{plural}{span}"))
    else:
        lines.append(("Meetings cited", "none"))
    if s.span_text:
        named = f"{s.span_text} (ranked higher, not a filter)"
        lines.append(("Dates named in the question", named))
    if b.generated_at:
        lines.append(("Generated", generated_label(b.generated_at)))
    return lines


def generated_label(stamp: datetime) -> str:
    """'1 December 2026, 15:40 UTC': British order, the month in words."""
    utc = stamp.astimezone(UTC) if stamp.tzinfo else stamp
    return f"{_long_date(utc.date())}, {utc:%H:%M} UTC"


def figures_caption(f: Figures) -> str:
    """The heading of a briefing's figures table."""
    return f"Figures at a glance: {f.label.lower()} over time, as the cited passages state it"


def meeting_heading(date_label: str, approximate: bool, committee: str | None) -> str:
    """A timeline heading: the date (marked if approximate), then the committee."""
    head = _dated(date_label, approximate)
    return f"{head} — {committee}" if committee else head


def point_lead(place: str, stated_label: str | None) -> str:
    """Where a point comes from, capitalised, with the date it states its position at."""
    place = place[:1].upper() + place[1:]
    return f"{place} (giving the position at {stated_label})" if stated_label else place


def action_quote(a: ActionItem) -> str:
    """An action's quotes on one line, joined by an ellipsis."""
    return " … ".join(_one_line(q) for q in a.quotes)


def action_lines(a: ActionItem) -> tuple[str, list[str]]:
    """The action's own line ('21 November 2018, item 43 …') and its who/when lines."""
    head = f"{a.date_label}, {a.place}"
    if a.who:
        source = "ACTION line" if a.who_source == "action line" else "as stated"
        who = f"{a.who} ({source})"
    else:
        who = "not stated"
    when = f"recorded at the meeting of {a.date_label}"
    if a.due:
        when += f"; the minutes say “{a.due}”"
    return head, [f"Who: {who}", f"When: {when}"]


def reference_text(r: Reference) -> str:
    """One reference entry as plain text (without its number or links)."""
    parts = [r.committee or r.council or "Unknown body", _dated(r.date_label, r.date_approximate)]
    parts += place_parts(r.item, r.item_title, r.paragraph, r.page)
    text = ", ".join(parts) + "."
    title = r.title or r.document_id
    text += f" {title}" + (f" ({r.doc_type})" if r.doc_type else "") + "."
    if r.stated_date:
        text += f" The passage gives its own date: {stated_label(r.stated_date)}."
    if r.also_in:
        text += " Also in: " + "; ".join(r.also_in) + "."
    return text


# -- Markdown -------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def md(text: str) -> str:
    """Document text as Markdown text: one line, markup characters escaped.

    Passages are untrusted and should read as written: `*`, `_`, `[`, `<` … in a quote
    must not turn into emphasis, links or HTML when the Markdown is rendered.
    """
    return _MD_SPECIAL.sub(r"\\\1", _one_line(text))


def render_markdown(b: Briefing) -> str:
    """The briefing as Markdown; text from documents is escaped so it cannot inject markup."""
    out: list[str] = [f"# {md(b.title)}", "", "## Question and scope", ""]
    out += [f"- {label}: {md(value)}" for label, value in scope_lines(b)]
    out += ["", NOTICE, "", "## Summary", ""]
    if b.summary:
        out += [f"- “{md(p.quote)}” [{p.ref}]" for p in b.summary]
    else:
        out.append(NOTHING_FOUND)
    out += ["", "## Timeline", ""]
    if b.timeline:
        for m in b.timeline:
            out += [f"### {md(meeting_heading(m.date_label, m.date_approximate, m.committee))}", ""]
            for p in m.points:
                lead = md(point_lead(p.place, p.stated_label))
                out.append(f"- {lead}: “{md(p.quote)}” [{p.ref}]")
            out.append("")
    else:
        out += [NOTHING_FOUND, ""]
    figures = briefing_figures(b)
    if figures:  # the timeline's figures, as a list (plain Markdown: no tables)
        out += [f"### {md(figures_caption(figures))}", ""]
        out += [f"- {md(d)}: {md(v)} {r}" for d, v, r in figure_rows(figures)]
        out.append("")
    out += ["## Actions and commitments", ""]
    if b.actions:
        for a in b.actions:
            head, details = action_lines(a)
            line = f"- {md(head)}: “{md(action_quote(a))}”"
            if a.action_line:
                line += f" {md(a.action_line)}"
            out.append(f"{line} [{a.ref}]")
            out += [f"  - {md(d)}" for d in details]
    else:
        out.append(NOTHING_FOUND)
    out += ["", "## References", ""]
    if b.references:
        for r in b.references:
            out.append(f"{r.n}. {md(reference_text(r))} Source: <{r.source_url}>")
    else:
        out.append(NOTHING_FOUND)
    return "\n".join(out) + "\n"


# -- DOCX -----------------------------------------------------------------------------------


def _hyperlink(paragraph: Paragraph, url: str, text: str) -> None:
    """A clickable link (python-docx has no public API for adding one)."""
    r_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), "0563C1")
    props.append(style)
    props.append(colour)
    props.append(underline)
    run.append(props)
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def render_docx(b: Briefing) -> bytes:
    """The briefing as a .docx file; fixed timestamps when none is set, so output repeats."""
    doc = Document()
    stamp = b.generated_at or FIXED_TIMESTAMP
    props = doc.core_properties
    # Core properties hold at most 255 characters each (a topic may have 1000).
    props.title = _one_line(b.title)[:255]
    props.subject = _one_line(b.topic)[:255]
    props.author = "Scrutiny Search"
    props.last_modified_by = "Scrutiny Search"
    props.comments = NOTICE
    props.revision = 1
    props.created = stamp.replace(tzinfo=None)
    props.modified = stamp.replace(tzinfo=None)
    props.last_printed = stamp.replace(tzinfo=None)

    _page_setup(doc, b)
    doc.add_heading(_one_line(b.title), level=0)
    doc.add_heading("Question and scope", level=1)
    for label, value in scope_lines(b):
        doc.add_paragraph(_one_line(f"{label}: {value}"), style="List Bullet")
    doc.add_paragraph(NOTICE)

    def nothing() -> None:
        """The line written where a section has nothing to show."""
        doc.add_paragraph(NOTHING_FOUND)

    doc.add_heading("Summary", level=1)
    for p in b.summary:
        doc.add_paragraph(f"“{_one_line(p.quote)}” [{p.ref}]", style="List Bullet")
    if not b.summary:
        nothing()

    doc.add_heading("Timeline", level=1)
    for m in b.timeline:
        doc.add_heading(_one_line(meeting_heading(m.date_label, m.date_approximate,
                                                  m.committee)), level=2)  # fmt: skip
        for tp in m.points:
            lead = _one_line(point_lead(tp.place, tp.stated_label))
            doc.add_paragraph(f"{lead}: “{_one_line(tp.quote)}” [{tp.ref}]", style="List Bullet")
    if not b.timeline:
        nothing()

    figures = briefing_figures(b)
    if figures:
        doc.add_heading(_one_line(figures_caption(figures)), level=2)  # part of the timeline
        table = doc.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, ("Date", "Figure", "Reference"), strict=True):
            cell.text = text
        for row in figure_rows(figures):
            for cell, text in zip(table.add_row().cells, row, strict=True):
                cell.text = _one_line(text)

    doc.add_heading("Actions and commitments", level=1)
    for a in b.actions:
        head, details = action_lines(a)
        text = f"{_one_line(head)}: “{action_quote(a)}”"
        if a.action_line:
            text += f" {_one_line(a.action_line)}"
        doc.add_paragraph(f"{text} [{a.ref}]", style="List Bullet")
        for d in details:
            doc.add_paragraph(_one_line(d), style="List Bullet 2")
    if not b.actions:
        nothing()

    doc.add_heading("References", level=1)
    for r in b.references:
        para = doc.add_paragraph(f"{r.n}. {_one_line(reference_text(r))} Source: ")
        _hyperlink(para, r.source_url, _one_line(r.source_url))
    if not b.references:
        nothing()

    raw = io.BytesIO()
    doc.save(raw)
    return _fixed_zip(raw.getvalue())


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays the pages out."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1"),
                       ("end", None)):  # fmt: skip
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == instruction:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {instruction} "
            run._r.append(instr)
        else:
            t = OxmlElement("w:t")
            t.text = text
            run._r.append(t)


def _page_setup(doc: DocxDocument, b: Briefing) -> None:
    """A4 with 2.5 cm margins; the topic in the header; page X of Y and the date (when
    stamped) in the footer, on every page."""
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(25))
    header = section.header.paragraphs[0]
    header.text = _one_line(f"Briefing: {b.topic}")[:200]
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")
    if b.generated_at:
        footer.add_run(f" · {_long_date(b.generated_at.date())}")


def _fixed_zip(data: bytes) -> bytes:
    """The same package with fixed member timestamps, so equal content gives equal bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# -- dispatch -------------------------------------------------------------------------------

_RENDERERS: dict[str, Callable[[Briefing], bytes]] = {
    "markdown": lambda b: render_markdown(b).encode("utf-8"),
    "docx": render_docx,
    "json": lambda b: (b.model_dump_json(indent=2) + "\n").encode("utf-8"),
}


def render(b: Briefing, fmt: BriefingFormat) -> bytes:
    """The briefing as the bytes of a file in the given format."""
    return _RENDERERS[fmt](b)
