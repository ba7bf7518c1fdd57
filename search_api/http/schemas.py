"""What the API takes and returns: the wire schemas, and the only module that has them.

Field names here are a contract: evaluators' scripts call these routes, so rename
nothing; add fields only. Hits, citations, documents and briefings are the library's
own models, reused as they are; requests are parsed here and handed to the library as
its own request objects (`to_search_request`, ...), and results mapped back.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints, field_validator, model_validator

from indexer.models import Citation, Hit, SearchFilters, SearchMode

from ..answering import Answer
from ..briefing import MAX_BRIEFING_K, UNPRINTABLE, BriefingFormat, BriefingRequest
from ..documents import DocumentSummary, Facets, Stats
from ..figures import Figures, figures_of
from ..meetings import MeetingSummary
from ..ordering import DATE_POOL, Page, SortOrder
from ..search import MAX_K, SearchRequest, SearchResult
from ..temporal import TemporalIntent

__all__ = [
    "MAX_QUERY_CHARS",
    "AskCitation",
    "AskRequest",
    "AskResponse",
    "BriefingBody",
    "DocumentsResponse",
    "ErrorResponse",
    "FacetsResponse",
    "FeedQuery",
    "HealthResponse",
    "MeetingsQuery",
    "MeetingsResponse",
    "SearchQuery",
    "SearchResponse",
    "TemporalInfo",
    "temporal_info",
]

MAX_QUERY_CHARS = 1000
"""Longer than any real question; a longer one is a mistake or an attack, refused with 422."""

QueryText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_QUERY_CHARS),
]
OptionalName = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None


class _Filtered(BaseModel):
    """Filters shared by search and ask; hard filters, unlike a date named in a question."""

    committee: OptionalName = Field(default=None, description="Exact committee name")
    doc_type: OptionalName = Field(default=None, description="Exact document type")
    date_from: date | None = Field(default=None, description="ISO date, inclusive")
    date_to: date | None = Field(default=None, description="ISO date, inclusive")
    mode: SearchMode = Field(default="hybrid", description="dense, lexical or hybrid")

    @model_validator(mode="after")
    def _dates_in_order(self) -> _Filtered:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError(
                f"date_from ({self.date_from}) is after date_to ({self.date_to}); swap them"
            )
        return self

    def filters(self) -> SearchFilters:
        """The hard filters as the library takes them (blank names filter nothing)."""
        return SearchFilters(
            committee=self.committee or None,
            doc_type=self.doc_type or None,
            date_from=self.date_from,
            date_to=self.date_to,
        )


class SearchQuery(_Filtered):
    """GET /search parameters."""

    q: QueryText = Field(description="What to search for: words or a question")
    k: int = Field(default=10, ge=1, le=100, description="How many passages to return")
    sort: SortOrder = Field(
        default="relevance",
        description=f"relevance, or newest / oldest first by meeting date (the {DATE_POOL} "
        "most relevant passages, re-ordered)",
    )
    offset: int = Field(
        default=0, ge=0, le=MAX_K - 100, description="Skip this many passages (the next page)"
    )

    def to_request(self) -> SearchRequest:
        """The library's request: the same object the CLI and the evaluation build."""
        return SearchRequest(self.q, self.k, self.mode, self.filters())


class FeedQuery(_Filtered):
    """GET /feeds/search.atom parameters: a search to follow."""

    q: QueryText = Field(description="The search to follow")
    k: int = Field(default=20, ge=1, le=100, description="How many entries (newest first)")

    def to_request(self) -> SearchRequest:
        """The search the feed's entries come from."""
        return SearchRequest(self.q, self.k, self.mode, self.filters())


class MeetingsQuery(BaseModel):
    """GET /meetings parameters."""

    committee: OptionalName = Field(default=None, description="Exact committee name")
    year: int | None = Field(default=None, ge=1900, le=2200, description="Meetings of this year")


class MeetingsResponse(BaseModel):
    """GET /meetings response: newest meeting first, undated last."""

    count: int
    meetings: list[MeetingSummary]


class AskRequest(_Filtered):
    """POST /ask body."""

    question: QueryText
    k: int = Field(default=8, ge=1, le=50, description="How many passages to draw on")

    def to_request(self) -> SearchRequest:
        """The search the answer draws on."""
        return SearchRequest(self.question, self.k, self.mode, self.filters())


class BriefingBody(_Filtered):
    """POST /briefing body; the filters are hard, as for /search and /ask."""

    topic: QueryText = Field(description="The topic or question the briefing is about")
    format: BriefingFormat = Field(
        default="markdown", description="markdown (text/markdown), docx (Word) or json"
    )
    k: int = Field(default=12, ge=1, le=MAX_BRIEFING_K, description="How many passages to draw on")
    generated_at: bool = Field(
        default=True,
        description="Stamp the time of generation; false makes the output byte-for-byte "
        "reproducible for the same index and request",
    )

    @field_validator("topic")
    @classmethod
    def _printable(cls, topic: str) -> str:
        """Control characters and lone surrogates become U+FFFD (as the library does)."""
        return UNPRINTABLE.sub("\ufffd", topic)

    def to_request(self) -> BriefingRequest:
        """The library's briefing request (the format is the router's business)."""
        return BriefingRequest(
            self.topic, self.filters(), self.mode, self.k, generated_at=self.generated_at
        )


class TemporalInfo(BaseModel):
    """What the question said about time, as understood."""

    span_from: date | None = None
    span_to: date | None = None
    span_text: str | None = Field(default=None, description="The words that named the span")
    trend: bool = Field(default=False, description="A question about change over time")


def temporal_info(intent: TemporalIntent | None) -> TemporalInfo:
    """The understood span and trend, as the API reports them."""
    span = intent.span if intent else None
    return TemporalInfo(
        span_from=span.start if span else None,
        span_to=span.end if span else None,
        span_text=span.text if span else None,
        trend=intent.trend if intent else False,
    )


class SearchResponse(BaseModel):
    """GET /search response."""

    query: str
    mode: SearchMode
    k: int
    hits: list[Hit]
    temporal: TemporalInfo = Field(default_factory=TemporalInfo)
    sort: SortOrder = "relevance"
    offset: int = Field(default=0, description="How many passages come before these")
    has_more: bool = Field(default=False, description="True when a next page has passages")

    @classmethod
    def of(cls, result: SearchResult) -> SearchResponse:
        """The wire form of a search result."""
        r = result.request
        return cls(
            query=r.query, mode=r.mode, k=r.k, hits=result.hits,
            temporal=temporal_info(result.intent), has_more=len(result.hits) >= r.k,
        )  # fmt: skip

    @classmethod
    def of_page(cls, page: Page, k: int) -> SearchResponse:
        """The wire form of one page of results (`k` as asked, not as searched)."""
        r = page.result
        return cls(
            query=r.request.query, mode=r.request.mode, k=k, hits=page.hits,
            temporal=temporal_info(r.intent), sort=page.sort, offset=page.offset,
            has_more=page.has_more,
        )  # fmt: skip


class AskCitation(BaseModel):
    """One numbered citation of an answer."""

    n: int = Field(description="The number of the [n] marker in the answer")
    passage_id: int
    text: str = Field(description="The whole cited passage")
    quote: str = Field(description="Words that stand verbatim in `text`")
    citation: Citation


class AskTimelineLine(BaseModel):
    """One meeting's line of an answer."""

    meeting_date: date | None = None
    date_label: str = Field(description="'21 November 2018' (as precisely as known)")
    committee: str | None = None
    text: str = Field(description="The line as the answer shows it, with its [n] markers")
    citations: list[int] = Field(description="The numbers of the citations on the line")


class AskResponse(BaseModel):
    """POST /ask response."""

    question: str
    answer: str
    citations: list[AskCitation]
    abstained: bool
    related: list[Hit] = Field(
        default_factory=list,
        description="When abstaining: the nearest passages, offered for reading, not as an answer",
    )
    temporal: TemporalInfo = Field(default_factory=TemporalInfo)
    lead: str | None = Field(
        default=None,
        description="The answer's opening line: the direct answer in the cited sentences' "
        "own words, with their [n] markers (the first line of `answer`)",
    )
    timeline: list[AskTimelineLine] = Field(
        default_factory=list,
        description="The rest of `answer`: one line a meeting, in date order",
    )
    figures: Figures | None = Field(
        default=None,
        description="For a question about change: the figures of one measure that the cited "
        "quotes state, by date, each with its citation number (a chart's data)",
    )

    @classmethod
    def of(cls, question: str, answer: Answer) -> AskResponse:
        """The wire form of an answer."""
        return cls(
            question=question,
            answer=answer.text,
            citations=[
                AskCitation(
                    n=c.n, passage_id=c.passage_id, text=c.text, quote=c.quote, citation=c.citation
                )  # fmt: skip
                for c in answer.citations
            ],
            abstained=answer.abstained,
            related=answer.related,
            temporal=temporal_info(answer.intent),
            lead=answer.lead,
            timeline=[
                AskTimelineLine(
                    meeting_date=line.meeting_date,
                    date_label=line.date_label,
                    committee=line.committee,
                    text=line.text,
                    citations=list(line.citations),
                )  # fmt: skip
                for line in answer.timeline
            ],
            figures=figures_of(answer),
        )


class HealthResponse(BaseModel):
    """GET /health response."""

    status: Literal["ok"] = "ok"
    passages: int
    documents: int
    model: str
    index_version: str | None = None

    @classmethod
    def of(cls, stats: Stats) -> HealthResponse:
        """The wire form of the archive's stats."""
        return cls(
            passages=stats.passages, documents=stats.documents, model=stats.model,
            index_version=stats.index_version,
        )  # fmt: skip


class DocumentsResponse(BaseModel):
    """GET /documents response."""

    count: int
    documents: list[DocumentSummary]


class FacetsResponse(BaseModel):
    """GET /facets response."""

    councils: list[str]
    committees: list[str]
    doc_types: list[str]
    date_from: date | None = None
    date_to: date | None = None

    @classmethod
    def of(cls, facets: Facets) -> FacetsResponse:
        """The wire form of the archive's facets."""
        return cls(
            councils=facets.councils, committees=facets.committees, doc_types=facets.doc_types,
            date_from=facets.date_from, date_to=facets.date_to,
        )  # fmt: skip


class ErrorResponse(BaseModel):
    """Every error: a message a person can act on, and the validation errors if any."""

    detail: str
    errors: list[dict[str, object]] | None = None
