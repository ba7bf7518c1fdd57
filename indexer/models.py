"""The things that travel through the pipeline, from a file on disk to a cited hit.

Ingestion produces `ParsedDocument`s (a `DocumentMeta` plus its `Chunk`s); storage turns
chunks into `Passage`s, stored once per distinct text, each with every `Source` that
holds it; retrieval returns `Hit`s whose `Citation` names the meeting, item and paragraph.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

DatePrecision = Literal["day", "month", "year"]
SearchMode = Literal["dense", "lexical", "hybrid"]
MeetingKey = tuple[date | None, str | None]
"""A meeting is its date and committee: what timelines group by, what coverage spreads
over and what a briefing reads in full for actions. Built only by the `meeting`
properties below, so every part of the system agrees on what one meeting is."""


class DocumentMeta(BaseModel):
    """What we know about one document: from its manifest row, else from its own text."""

    document_id: str = Field(description="Stable id: corpus name and path without extension")
    path: str = Field(description="Path of the file relative to its corpus folder")
    council: str | None = None
    committee: str | None = None
    meeting_date: date | None = Field(
        default=None, description="For an uncertain date, the first day of the month or year"
    )
    date_precision: DatePrecision | None = None
    date_approximate: bool = Field(
        default=False, description="True when the date is not known to the day"
    )
    doc_type: str | None = None
    title: str | None = None
    source_url: str | None = None
    notes: str | None = None
    pages: int | None = Field(default=None, description="Page count for paged formats (PDF)")

    @property
    def meeting(self) -> MeetingKey:
        """The meeting this document belongs to."""
        return self.meeting_date, self.committee


class Chunk(BaseModel):
    """A passage as cut from one document, before de-duplication and embedding."""

    text: str
    item: str | None = Field(default=None, description="Agenda item number, e.g. '41'")
    item_title: str | None = None
    paragraph: str | None = Field(default=None, description="Paragraph number, e.g. '41.4'")
    page: int | None = Field(default=None, description="1-based page where the chunk starts")
    ordinal: int = Field(description="Position of the chunk in its document, from 0")
    stated_date: date | None = Field(
        default=None,
        description="A date the passage gives for itself ('position at September 2022')",
    )
    model_text: str | None = Field(
        default=None,
        description="What the encoder reads instead of `text`, when it differs: a converted"
        " table row's cells still separated by ' | ' (`indexer.ingest.cells_as_printed`)",
    )


class ParsedDocument(BaseModel):
    """One parsed file: its metadata, its passages, and the hash that detects a changed file."""

    meta: DocumentMeta
    chunks: list[Chunk]
    content_hash: str = Field(description="sha256 of the file's bytes")


class _Place(BaseModel):
    """Where a passage stands: the document, its meeting and its place in the agenda."""

    document_id: str
    title: str | None = None
    council: str | None = None
    committee: str | None = None
    meeting_date: date | None = None
    date_precision: DatePrecision | None = Field(
        default=None, description="How precisely meeting_date is known: day, month or year"
    )
    date_approximate: bool = False
    doc_type: str | None = None
    item: str | None = None
    item_title: str | None = None
    paragraph: str | None = None
    page: int | None = None
    source_url: str | None = None


class Source(_Place):
    """One place a passage stands: a document and its position in it."""

    ordinal: int = 0


class Citation(_Place):
    """Where a passage comes from: its primary source, with every other source listed."""

    stated_date: date | None = Field(
        default=None, description="A date the passage gives for itself, if any"
    )
    sources: list[Source] = Field(default_factory=list)

    @property
    def effective_date(self) -> date | None:
        """The date a passage speaks for: its own stated date, else its meeting's."""
        return self.stated_date or self.meeting_date

    @property
    def meeting(self) -> MeetingKey:
        """The meeting the passage's primary source belongs to."""
        return self.meeting_date, self.committee

    def at(self, place: Source) -> Citation:
        """The citation read at another of its places (one of `sources`): that place first
        and cited (its document, meeting, item, paragraph and page), the others after it."""
        if not self.sources or place is self.sources[0]:
            return self
        rest = [s for s in self.sources if s is not place]
        return self.model_copy(
            update={**place.model_dump(exclude={"ordinal"}), "sources": [place, *rest]}
        )


class Passage(BaseModel):
    """A stored passage with its citation (no score: not the answer to a query)."""

    passage_id: int
    text: str
    citation: Citation


class WindowPart(BaseModel):
    """One passage of a hit's window: where it stands and where its text is in the hit's."""

    passage_id: int
    paragraph: str | None = None
    page: int | None = None
    start: int = Field(description="Offset of the passage's text in the hit's `text`")
    end: int = Field(description="Offset just after it")
    document_id: str | None = Field(
        default=None,
        description="Set on a part folded in from a near copy of the hit printed elsewhere"
        " (the draft and the final, a motion and the minutes that vote on it): the"
        " document it stands in, which the hit's citation does not name",
    )
    title: str | None = Field(default=None, description="That document's title")


class Hit(BaseModel):
    """A passage as a search returns it: scored, cited, with the words to mark up.

    `/search` returns the passage with its agenda item's neighbouring passages around it
    (`search_api.windows`): `text` is then that window, `window` its passages in reading
    order, and the score and citation stay the scoring passage's."""

    passage_id: int
    text: str
    score: float
    citation: Citation
    highlights: list[str] = Field(default_factory=list)
    window: list[WindowPart] = Field(
        default_factory=list,
        description="The passages `text` holds, in reading order (the scoring passage is "
        "the one with this hit's passage_id); empty when `text` is the passage alone",
    )


class SearchFilters(BaseModel):
    """Hard filters (unlike dates named in a question, which only boost)."""

    committee: str | None = None
    doc_type: str | None = None
    date_from: date | None = None
    date_to: date | None = None

    def is_empty(self) -> bool:
        """True when nothing is filtered: retrieval then skips computing allowed ids."""
        return not (self.committee or self.doc_type or self.date_from or self.date_to)
