"""`search(archive, query, ...)`: the one search call, spelled shortly for index tests."""

from __future__ import annotations

from indexer.models import Hit, SearchFilters, SearchMode
from search_api.archive import Archive
from search_api.search import SearchRequest


def search(
    archive: Archive,
    query: str,
    k: int = 10,
    mode: SearchMode = "hybrid",
    filters: SearchFilters | None = None,
) -> list[Hit]:
    """The hits of `Reader.search` on the archive's live version: what /search serves."""
    request = SearchRequest(query, k, mode, filters or SearchFilters())
    return archive.reader().search(request).hits
