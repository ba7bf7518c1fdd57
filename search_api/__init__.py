"""Everything that answers, as a library first: `Archive.open(settings).reader()` gives
search, answers, briefings and documents from one index version; `search_api.http` is
the web shell around it and `python -m search_api` the command-line one."""

from .archive import Archive, Reader
from .briefing import BriefingRequest
from .search import SearchRequest, SearchResult

__all__ = ["Archive", "BriefingRequest", "Reader", "SearchRequest", "SearchResult"]
