"""Metadata: what a document says about itself, merged under its manifest row.

The text gives the committee and date in a meeting title line ("Children and Families
Overview and Scrutiny Committee - Wednesday 21 November 2018 10.00 am"), a header
("Meeting Date: 14th July, 2022") or a minutes opening ("MINUTES of a meeting of the
Cabinet held ... on Thursday, 30 January 2025"). The manifest, written by a person,
overrides the text field by field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from indexer.ingest.cleaning import Para
from indexer.ingest.manifest import ManifestRow, SourceFile
from indexer.ingest.readers import RawDocument
from indexer.models import DatePrecision, DocumentMeta

MONTHS = {
    name: index
    for index, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY_DATE = rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH}),?\s+(?P<year>(?:19|20)\d\d)"

MEETING_TITLE = re.compile(
    rf"^(?P<committee>[A-Z][^\n]{{3,150}}?)\s+[-\u2013]\s+{_WEEKDAY},?\s+{_DAY_DATE}", re.MULTILINE
)
MEETING_DATE_HEADER = re.compile(rf"\bMeeting\s+Date:?\s*(?:{_WEEKDAY},?\s+)?{_DAY_DATE}", re.I)
MINUTES_OPENING = re.compile(
    r"\bMINUTES of (?:a|the) (?:meeting|special meeting) of (?:the )?"
    r"(?P<committee>[A-Z][\w&,' -]{2,80}?)"
    rf"\s+held\b.{{0,200}}?\bon\s+(?:{_WEEKDAY},?\s+)?{_DAY_DATE}",
    re.DOTALL,
)
COUNCIL = re.compile(
    r"\b((?:Royal Borough of |London Borough of )?[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,3} "
    r"(?:County|Borough|City|District|Metropolitan Borough) Council)\b"
)
COUNCIL_CAPS = re.compile(
    r"^([A-Z]+(?: [A-Z]+){0,3} (?:COUNTY|BOROUGH|CITY|DISTRICT) COUNCIL)\s*$", re.M
)
COMMITTEE_CAPS = re.compile(
    r"^((?:[A-Z]+|and|of|the|for)(?: (?:[A-Z]+|and|of|the|for))*"
    r" (?:COMMITTEE|PANEL|BOARD|CABINET))\s*$"
)

_STATED = re.compile(
    rf"\b(?:position|situation|figures|data)\s+(?:as\s+)?(?:at|of)\s+(?:the\s+end\s+of\s+)?"
    rf"(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<month>{_MONTH}),?\s+(?P<year>(?:19|20)\d\d)"
    rf"|\bas\s+(?:at|of)\s+(?:(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<month2>{_MONTH}),?\s+"
    rf"(?P<year2>(?:19|20)\d\d)"
)
_SMALL_WORDS = frozenset(
    ["a", "an", "and", "of", "the", "for", "to", "in", "on", "at", "by", "with", "or"]
)


@dataclass(frozen=True)
class TextMetadata:
    """Metadata read from a document's own text; the manifest row, when there is one, wins."""

    council: str | None = None
    committee: str | None = None
    meeting_date: date | None = None
    date_precision: DatePrecision | None = None
    doc_type: str | None = None
    title: str | None = None


def _date(day: str | None, month: str, year: str) -> date | None:
    try:
        return date(int(year), MONTHS[month.lower()], int(day) if day else 1)
    except (ValueError, KeyError):
        return None


def stated_date_in(text: str) -> date | None:
    """The date a passage gives for its own content: "position at September 2022"."""
    match = _STATED.search(text)
    if match is None:
        return None
    if match["month"]:
        return _date(match["day"], match["month"], match["year"])
    return _date(match["day2"], match["month2"], match["year2"])


def title_case(text: str) -> str:
    """'CHILDREN and FAMILIES OVERVIEW' -> 'Children and Families Overview'."""
    words = text.split()
    return " ".join(
        w.lower() if i and w.lower() in _SMALL_WORDS else w[:1].upper() + w[1:].lower()
        for i, w in enumerate(words)
    )


def from_text(raw: RawDocument, paras: list[Para]) -> TextMetadata:
    """Read council, committee, meeting date, type and title from the first paragraphs."""
    lines = [*raw.header_lines, *(p.text for p in paras[:60])]
    head = "\n".join(lines)
    committee: str | None = None
    meeting: date | None = None
    title: str | None = None
    match = MEETING_TITLE.search(head)
    if match:
        committee = match["committee"].strip()
        committee = re.sub(
            r"^(?:Agenda for|Agenda, decisions and minutes|Meeting)\s+", "", committee
        )
        meeting = _date(match["day"], match["month"], match["year"])
        title = head[match.start() : match.end()]
        title = re.sub(r"^(?:Agenda for)\s+", "", title)
    if meeting is None and (m := MEETING_DATE_HEADER.search(head)):
        meeting = _date(m["day"], m["month"], m["year"])
    if m := MINUTES_OPENING.search(re.sub(r"\s+", " ", head)):
        committee = committee or m["committee"].strip()
        meeting = meeting or _date(m["day"], m["month"], m["year"])
    if committee is None:
        for line in lines[:8]:
            if cm := COMMITTEE_CAPS.match(line.strip()):
                committee = title_case(cm.group(1))
                break
    council: str | None = None
    if cc := COUNCIL_CAPS.search(head):
        council = title_case(cc.group(1))
    elif cn := COUNCIL.search(head):
        council = cn.group(1)
    return TextMetadata(
        council=council,
        committee=committee,
        meeting_date=meeting,
        date_precision="day" if meeting else None,
        doc_type=_doc_type(head),
        title=title or _first_title(paras),
    )


def _doc_type(head: str) -> str | None:
    first = head[:400].lower()
    if "agenda, decisions and minutes" in first or "agenda and minutes" in first:
        return "agenda and minutes"
    if re.search(r"\bminutes of (?:a|the) meeting\b", first):
        return "minutes"
    if "purpose of report" in head.lower():
        return "report"
    return None


def _first_title(paras: list[Para]) -> str | None:
    for para in paras[:5]:
        if 3 <= len(para.text) <= 150:
            return para.text
    return None


def build_meta(source: SourceFile, text: TextMetadata, pages: int | None) -> DocumentMeta:
    """Text-derived metadata with the manifest row laid over it, field by field.

    date_approximate: the manifest's column when given, else true when the precision is
    coarser than a day.
    """
    row: ManifestRow | None = source.row
    fields: dict[str, object] = {
        "council": text.council,
        "committee": text.committee,
        "meeting_date": text.meeting_date,
        "date_precision": text.date_precision,
        "doc_type": text.doc_type,
        "title": text.title,
        "source_url": None,
        "notes": None,
    }
    if row is not None:
        for name in fields:
            value = getattr(row, name)
            if value not in (None, ""):
                fields[name] = value
        if row.meeting_date is not None and row.date_precision is None:
            fields["date_precision"] = "day"
    precision = fields["date_precision"]
    if row is not None and row.date_approximate is not None:
        approximate = row.date_approximate
    else:
        approximate = precision is not None and precision != "day"
    return DocumentMeta(
        document_id=source.document_id,
        path=source.relative_path,
        date_approximate=approximate,
        pages=pages,
        **fields,  # type: ignore[arg-type]
    )
