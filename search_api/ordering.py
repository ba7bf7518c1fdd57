"""Orders and pages of search results: most relevant, newest or oldest first, page by page.

The search (`search_api.search`) ranks by relevance and nothing else; a member who
follows a topic wants the newest passages first, one who reads its history the oldest.
Ordering by date re-orders a fixed pool of the most relevant passages (`DATE_POOL`), so
a date order never brings up a passage that does not speak to the query, and the pages
of one date order are slices of one list. A relevance page is passages `offset` to
`offset + k` of the search for `offset + k`; for a trend, whose top k depends on k (its
period's ends come first), a slice of the longer search could repeat an earlier page, so
its page is that search less what the pages before it showed (hits and their windows'
context). A full page is taken to have more after it (a next page may still come back
empty).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from indexer.models import Hit

from .archive import Reader
from .search import MAX_K, SearchRequest, SearchResult

__all__ = ["DATE_POOL", "PAGES_WALKED", "Page", "SortOrder", "by_date", "page_of"]

SortOrder = Literal["relevance", "newest", "oldest"]

DATE_POOL = 100
"""The most relevant passages a date order sorts: beyond them a passage rarely speaks to
the query, and a newest-first list of weak matches would bury the strong ones."""

PAGES_WALKED = 20
"""Earlier pages a trend's relevance page re-makes to learn what they showed, one search
each: members page on a few times, and the bound keeps a deep `offset` from costing
hundreds of searches (beyond it the page is cut from one longer search, and may repeat)."""


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
    if sort == "relevance":
        result, hits = _relevance_page(reader, request, offset)
        more = len(hits) >= request.k and end < MAX_K
        return Page(result, hits, sort, offset, has_more=more)
    result = reader.search(replace(request, k=max(DATE_POOL, request.k)))
    ranked = by_date(result.hits, newest_first=sort == "newest")
    return Page(result, ranked[offset:end], sort, offset, has_more=len(ranked) > end)


def _relevance_page(
    reader: Reader, request: SearchRequest, offset: int
) -> tuple[SearchResult, list[Hit]]:
    """The search and the hits of the relevance page at `offset`, after the pages of
    `request.k` before it (the last one shorter when `offset` is not a multiple of k).
    Each page searches for exactly as many passages as it and the pages before it hold,
    so the first is the very search /ask, the CLI and the evaluation make. Only a
    trend's ranking depends on k: any other page is a slice of that one search. The
    query is read once (`Reader.reads`), for every search of the walk."""
    intent = reader.reads(request.query)
    walk = 0 < offset <= PAGES_WALKED * request.k and intent.trend
    if not walk:
        result = reader.search(replace(request, k=min(offset + request.k, MAX_K)), intent=intent)
        return result, result.hits[offset : offset + request.k]
    shown: set[int] = set()
    start = 0
    while True:
        end = offset + request.k if start >= offset else min(start + request.k, offset)
        result = reader.search(replace(request, k=min(end, MAX_K)), frozenset(shown), intent)
        hits = result.hits[: end - start]
        if start >= offset:
            return result, hits
        shown.update(p for h in hits for p in _shown_by(h))
        start = end


def _shown_by(hit: Hit) -> list[int]:
    """The passages a hit shows: its window's, or its own."""
    return [part.passage_id for part in hit.window] or [hit.passage_id]
