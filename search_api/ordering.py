"""Orders and pages of search results: most relevant, newest or oldest first, page by page.

The search (`search_api.search`) ranks by relevance and nothing else; a member who
follows a topic wants the newest passages first, one who reads its history the oldest.
Ordering by date re-orders a fixed pool of the most relevant passages (`DATE_POOL`), so
a date order never brings up a passage that does not speak to the query, and the pages
of one date order are slices of one list. Relevance pages ask the search for
`offset + k` passages (plus one, to know whether there are more).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from indexer.models import Hit

from .archive import Reader
from .search import MAX_K, SearchRequest, SearchResult

__all__ = ["DATE_POOL", "Page", "SortOrder", "by_date", "page_of"]

SortOrder = Literal["relevance", "newest", "oldest"]

DATE_POOL = 100
"""The most relevant passages a date order sorts: beyond them a passage rarely speaks to
the query, and a newest-first list of weak matches would bury the strong ones."""


@dataclass
class Page:
    """One page of results in the order asked for."""

    result: SearchResult
    hits: list[Hit]
    sort: SortOrder
    offset: int
    has_more: bool


def by_date(hits: list[Hit], newest_first: bool) -> list[Hit]:
    """Hits by meeting date (a passage's own stated date breaks ties), undated last; equal
    dates keep their relevance order."""
    dated = [h for h in hits if h.citation.meeting_date]
    undated = [h for h in hits if not h.citation.meeting_date]

    def key(h: Hit) -> tuple[date, date]:
        c = h.citation
        meeting = c.meeting_date or date.min
        return meeting, c.stated_date or meeting

    return sorted(dated, key=key, reverse=newest_first) + undated


def page_of(reader: Reader, request: SearchRequest, sort: SortOrder, offset: int) -> Page:
    """Passages `offset` to `offset + request.k` of the search in the order `sort`."""
    end = offset + request.k
    wanted = min(end + 1, MAX_K) if sort == "relevance" else max(DATE_POOL, request.k)
    result = reader.search(replace(request, k=wanted))
    ranked = result.hits
    if sort != "relevance":
        ranked = by_date(ranked, newest_first=sort == "newest")
    return Page(result, ranked[offset:end], sort, offset, has_more=len(ranked) > end)
