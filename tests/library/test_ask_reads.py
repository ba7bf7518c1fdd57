"""What an answer reads from the store beside its search (eval/README.md "What an answer
computes twice, round 31"): the cited documents' date precision comes with the hits. What
`/ask` and a page of `/search` read of the question: it is read once (round 33)."""

from __future__ import annotations

from typing import Any

import pytest

import search_api.archive as archive_module
import search_api.search as search_module
from indexer.models import SearchFilters
from indexer.store import PassageStore
from search_api.archive import Archive
from search_api.ordering import page_of
from search_api.search import SearchRequest, SearchResult, search
from search_api.temporal import TemporalIntent, parse_question

TREND = "How has the number of agency social workers changed over time?"


def test_date_precisions_come_with_the_hits_not_a_query_a_document(
    seed_engine: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    reader = seed_engine.reader()
    hits = reader.ranked(SearchRequest("improvement board Ofsted monitoring visit", k=20)).hits
    stored = {}
    for h in hits:
        doc = reader._store.document(h.citation.document_id)
        assert doc is not None
        stored[h.citation.document_id] = doc.meta.date_precision
    assert len(stored) > 1 and any(stored.values())

    def no_read(self: PassageStore, document_id: str) -> None:
        raise AssertionError(f"read {document_id} again")

    monkeypatch.setattr(PassageStore, "document", no_read)
    assert reader.precisions(hits) == stored


@pytest.fixture
def readings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The questions `parse_question` reads, in order, wherever the read path calls it."""
    read: list[str] = []

    def counted(question: str, *args: object, **kwargs: object) -> TemporalIntent:
        read.append(question)
        return parse_question(question, *args, **kwargs)  # type: ignore[arg-type]

    for module in (archive_module, search_module):
        monkeypatch.setattr(module, "parse_question", counted)
    return read


def test_an_answer_reads_its_question_once(
    seed_engine: Archive, readings: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`Reader.ask` reads a trend question to widen its search to `timeline_hits`, and its
    search takes that reading instead of reading the question again; so does the search
    of all the archive a filtered abstention makes again."""
    searches: list[SearchFilters] = []

    def counted(*args: Any, **kwargs: Any) -> SearchResult:
        searches.append(args[2].filters)
        return search(*args, **kwargs)

    monkeypatch.setattr(archive_module, "search", counted)
    reader = seed_engine.reader()
    assert reader.ask(SearchRequest(TREND, k=3)).citations
    assert readings == [TREND] and len(searches) == 1

    readings.clear()
    unrelated = "What did the committee decide about the quince allowance for allotments?"
    filters = SearchFilters(committee="Children and Families Overview and Scrutiny Committee")
    assert reader.ask(SearchRequest(unrelated, k=5, filters=filters)).abstained
    assert searches[1:] == [filters, SearchFilters()]  # filtered, then all the archive
    assert readings == [unrelated]


def test_a_page_of_a_trend_reads_its_question_once(
    seed_engine: Archive, readings: list[str]
) -> None:
    """The second relevance page of a trend walks the first page's search, then its own:
    one reading of the question for both."""
    page = page_of(seed_engine.reader(), SearchRequest(TREND, k=3), "relevance", 3)
    assert page.hits and readings == [TREND]
