"""Documents as the archive lists and shows them: metadata, passages in reading order,
and whether the original file can be served.

These are domain models (the HTTP layer returns them inside its envelopes unchanged,
so their field names are part of the API's contract: add fields, rename none).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import BaseModel, Field

from indexer.errors import DocumentNotFoundError, ScrutinyError
from indexer.models import DatePrecision

__all__ = [
    "DocumentDetail",
    "DocumentPassage",
    "DocumentSummary",
    "Facets",
    "PassageNotInDocumentError",
    "SourceFileMissingError",
    "Stats",
    "media_type_for",
]


class PassageNotInDocumentError(DocumentNotFoundError):
    """?passage= names a passage the document does not hold (a stale or mistyped link)."""

    def __init__(self, document_id: str, passage_id: int) -> None:
        ScrutinyError.__init__(self, f"Passage {passage_id} is not in document {document_id!r}")
        self.document_id = document_id


class SourceFileMissingError(DocumentNotFoundError):
    """The document is indexed but its original file is no longer where it was read."""

    def __init__(self, document_id: str) -> None:
        ScrutinyError.__init__(
            self, f"The original file of document {document_id!r} is not on this server"
        )
        self.document_id = document_id


class DocumentSummary(BaseModel):
    """One indexed document: its metadata and what the archive holds of it."""

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
    """A document read in full, one passage optionally selected (a cited one)."""

    document: DocumentSummary
    passages: list[DocumentPassage]
    selected_passage: int | None = None


@dataclass(frozen=True)
class Facets:
    """The filter choices the archive offers: what a search page's menus list."""

    councils: list[str]
    committees: list[str]
    doc_types: list[str]
    date_from: date | None
    date_to: date | None


@dataclass(frozen=True)
class Stats:
    """What one index version holds, and which version it is."""

    passages: int
    documents: int
    model: str
    index_version: str


MEDIA_TYPES = {
    ".pdf": "application/pdf",
    ".txt": "text/plain; charset=utf-8",
    ".html": "text/plain; charset=utf-8",
    ".htm": "text/plain; charset=utf-8",
}
"""HTML is served as text: an uploaded page must never run in the archive's origin."""


def media_type_for(path: Path) -> str:
    """The media type an original file is served with."""
    return MEDIA_TYPES.get(path.suffix.lower(), "application/octet-stream")
