"""Meetings: the documents of one committee on one day, read as the meeting they record.

Members think in meetings ("the November 2018 committee"), not in files: a meeting's
agenda-and-minutes page, the full text of an item and the reports tabled at it are one
event. A meeting is identified by its date and committee (`indexer.models.MeetingKey`);
its id in URLs is `meeting_id()` ("2018-11-21-children-and-families-…"), which the page
computes the same way from a citation (`static/common.js: meetingId`).

Everything here reads through a `Reader` (one index version): `list_meetings` from the
document summaries, `meeting_detail` from each document's passages in reading order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from pydantic import BaseModel, Field

from indexer.errors import DocumentNotFoundError
from indexer.models import DatePrecision

from .archive import Reader
from .documents import DocumentSummary

__all__ = [
    "AgendaItem",
    "ItemPassage",
    "MeetingDetail",
    "MeetingNotFoundError",
    "MeetingSummary",
    "list_meetings",
    "meeting_detail",
    "meeting_id",
]

MINUTES = re.compile(r"minutes", re.IGNORECASE)
"""Document types that record what was said item by item: their items make the agenda."""


class MeetingNotFoundError(DocumentNotFoundError):
    """No indexed document belongs to the meeting asked for (HTTP 404)."""

    def __init__(self, meeting: str) -> None:
        super(DocumentNotFoundError, self).__init__(
            f"No meeting with id {meeting!r} in the index; the list of meetings has every id"
        )


def meeting_id(meeting_date: date | None, committee: str | None) -> str:
    """'2018-11-21-children-and-families-overview-and-scrutiny-committee': stable, readable,
    safe in a URL; 'undated-…' for documents without a date."""
    slug = re.sub(r"[^a-z0-9]+", "-", (committee or "no committee").lower()).strip("-")
    return f"{meeting_date.isoformat() if meeting_date else 'undated'}-{slug or 'committee'}"


class MeetingSummary(BaseModel):
    """One meeting as listed: when, which committee, how many documents."""

    meeting_id: str = Field(description="Use with GET /meetings/{meeting_id}")
    meeting_date: date | None = None
    date_precision: DatePrecision | None = None
    date_approximate: bool = Field(
        default=False, description="True when no document of the meeting knows the day"
    )
    committee: str | None = None
    council: str | None = None
    documents: int
    passages: int


class ItemPassage(BaseModel):
    """One paragraph of an item's minutes, with the document it is read from."""

    passage_id: int
    document_id: str
    text: str
    paragraph: str | None = None
    page: int | None = None


class AgendaItem(BaseModel):
    """An agenda item and its minutes, in the order they were recorded."""

    item: str | None = Field(default=None, description="The item's number, e.g. '41'")
    item_title: str | None = None
    passages: list[ItemPassage]


class MeetingDetail(BaseModel):
    """A meeting: its agenda items in order with their minutes, and all its documents."""

    meeting: MeetingSummary
    items: list[AgendaItem]
    documents: list[DocumentSummary] = Field(
        description="Every document of the meeting, minutes first, with its original link"
    )


def _summaries(docs: Iterable[DocumentSummary]) -> dict[str, list[DocumentSummary]]:
    grouped: dict[str, list[DocumentSummary]] = {}
    for d in docs:
        grouped.setdefault(meeting_id(d.meeting_date, d.committee), []).append(d)
    return grouped


def _summary(key: str, docs: list[DocumentSummary]) -> MeetingSummary:
    exact = [d for d in docs if not d.date_approximate]
    first = (exact or docs)[0]
    return MeetingSummary(
        meeting_id=key,
        meeting_date=first.meeting_date,
        date_precision=first.date_precision,
        date_approximate=not exact,
        committee=first.committee,
        council=next((d.council for d in docs if d.council), None),
        documents=len(docs),
        passages=sum(d.passages for d in docs),
    )


def list_meetings(
    reader: Reader, committee: str | None = None, year: int | None = None
) -> list[MeetingSummary]:
    """Every meeting (newest first, undated last), optionally of one committee or year."""
    docs = [
        d
        for d in reader.documents()
        if (committee is None or d.committee == committee)
        and (year is None or (d.meeting_date is not None and d.meeting_date.year == year))
    ]
    meetings = [_summary(key, group) for key, group in _summaries(docs).items()]
    meetings.sort(key=lambda m: (m.meeting_date is None, -(m.meeting_date or date.min).toordinal(),
                                 m.committee or ""))  # fmt: skip
    return meetings


def _item_order(item: AgendaItem) -> tuple[int, tuple[int, ...], str]:
    """Numbered items by number (9 before 10, 41 before 41a), unnumbered ones after."""
    numbers = tuple(int(n) for n in re.findall(r"\d+", item.item or ""))
    return (0 if numbers else 1, numbers, item.item or "")


def meeting_detail(reader: Reader, meeting: str) -> MeetingDetail:
    """The meeting's agenda items in order, each with its minutes, and its documents.

    The items come from the meeting's minutes documents (a document whose type says
    minutes), in the order the minutes record them; a paragraph held by two of them
    (a minutes page and an item's full text) is shown once. A meeting with no minutes
    takes its items from whatever documents number them. Raises MeetingNotFoundError.
    """
    docs = _summaries(reader.documents()).get(meeting)
    if not docs:
        raise MeetingNotFoundError(meeting)
    minutes = [d for d in docs if MINUTES.search(d.doc_type or "")]
    ordered = minutes + [d for d in docs if d not in minutes]
    items: dict[tuple[str | None, str | None], AgendaItem] = {}
    seen: set[int] = set()
    for doc in minutes or docs:
        for p in reader.document(doc.document_id).passages:
            if p.passage_id in seen or not (p.item or p.item_title):
                continue
            if not minutes and not p.item:
                continue
            seen.add(p.passage_id)
            # A truncated title on one page and the full one on another: one item by number.
            key = (p.item, None) if p.item else (None, p.item_title)
            entry = items.setdefault(key, AgendaItem(item=p.item, item_title=p.item_title,
                                                     passages=[]))  # fmt: skip
            entry.passages.append(
                ItemPassage(
                    passage_id=p.passage_id,
                    document_id=doc.document_id,
                    text=p.text,
                    paragraph=p.paragraph,
                    page=p.page,
                )  # fmt: skip
            )
    return MeetingDetail(
        meeting=_summary(meeting, docs),
        # Minutes record the items in agenda order; numbers order items gathered elsewhere.
        items=list(items.values()) if minutes else sorted(items.values(), key=_item_order),
        documents=ordered,
    )
