"""What the API takes and returns. Field names here are a contract: evaluators' scripts
call these routes, so rename nothing; add fields only.

Hits and citations are the core's own `Hit` and `Citation`, reused as they are.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints, model_validator

from indexer.models import Citation, DatePrecision, Hit, SearchFilters, SearchMode

__all__ = [
    "MAX_QUERY_CHARS",
    "AskCitation",
    "AskRequest",
    "AskResponse",
    "DocumentDetail",
    "DocumentPassage",
    "DocumentSummary",
    "DocumentsResponse",
    "ErrorResponse",
    "FacetsResponse",
    "HealthResponse",
    "SearchQuery",
    "SearchResponse",
    "TemporalInfo",
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
        return SearchFilters(
            committee=self.committee or None,
            doc_type=self.doc_type or None,
            date_from=self.date_from,
            date_to=self.date_to,
        )


class SearchQuery(_Filtered):
    q: QueryText = Field(description="What to search for: words or a question")
    k: int = Field(default=10, ge=1, le=100, description="How many passages to return")


class AskRequest(_Filtered):
    question: QueryText
    k: int = Field(default=8, ge=1, le=50, description="How many passages to draw on")


class TemporalInfo(BaseModel):
    """What the question said about time, as understood."""

    span_from: date | None = None
    span_to: date | None = None
    span_text: str | None = Field(default=None, description="The words that named the span")
    trend: bool = Field(default=False, description="A question about change over time")


class SearchResponse(BaseModel):
    query: str
    mode: SearchMode
    k: int
    hits: list[Hit]
    temporal: TemporalInfo = Field(default_factory=TemporalInfo)


class AskCitation(BaseModel):
    n: int = Field(description="The number of the [n] marker in the answer")
    passage_id: int
    text: str = Field(description="The whole cited passage")
    quote: str = Field(description="Words that stand verbatim in `text`")
    citation: Citation


class AskResponse(BaseModel):
    question: str
    answer: str
    citations: list[AskCitation]
    abstained: bool
    related: list[Hit] = Field(
        default_factory=list,
        description="When abstaining: the nearest passages, offered for reading, not as an answer",
    )
    temporal: TemporalInfo = Field(default_factory=TemporalInfo)


class HealthResponse(BaseModel):
    status: Literal["ok"] = "ok"
    passages: int
    documents: int
    model: str
    index_version: str | None = None


class DocumentSummary(BaseModel):
    document_id: str
    title: str | None = None
    council: str | None = None
    committee: str | None = None
    meeting_date: date | None = None
    date_precision: DatePrecision | None = None
    date_approximate: bool = False
    doc_type: str | None = None
    source_url: str | None = None
    path: str
    pages: int | None = None
    notes: str | None = None
    passages: int = Field(description="How many passages the document holds")
    source_available: bool = Field(
        default=False, description="Whether GET /documents/{id}/source serves the original file"
    )


class DocumentsResponse(BaseModel):
    count: int
    documents: list[DocumentSummary]


class DocumentPassage(BaseModel):
    """A passage as it stands in this document (item and paragraph as numbered here)."""

    passage_id: int
    text: str
    item: str | None = None
    item_title: str | None = None
    paragraph: str | None = None
    page: int | None = None
    stated_date: date | None = None
    also_in: list[str] = Field(
        default_factory=list, description="Other documents holding the same passage"
    )
    selected: bool = Field(default=False, description="The passage asked for with ?passage=")


class DocumentDetail(BaseModel):
    document: DocumentSummary
    passages: list[DocumentPassage]
    selected_passage: int | None = None


class FacetsResponse(BaseModel):
    councils: list[str]
    committees: list[str]
    doc_types: list[str]
    date_from: date | None = None
    date_to: date | None = None


class ErrorResponse(BaseModel):
    detail: str
    errors: list[dict[str, object]] | None = None
