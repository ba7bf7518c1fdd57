"""`Reader.ask` in two halves (eval/README.md, r43-fitans): the search half (`searched`)
and the answer half (`answered`), which `eval.fit_answers` calls apart to answer one search
at every grid point. `/ask` is the one after the other; the filtered re-check's search of
the whole archive is its order without the density prior, searched with the prior off."""

from __future__ import annotations

from typing import Any

import pytest

import search_api.archive as archive_module
from indexer.models import SearchFilters
from search_api import answering
from search_api.archive import Archive
from search_api.http.schemas import AskResponse
from search_api.search import SearchRequest, SearchResult, search

QUESTIONS = [
    "agency social worker rates",
    "How has the number of agency social workers changed over time?",
    "What did the Ofsted monitoring visit find?",
    "What did the committee decide about the quince allowance for allotments?",
]
COMMITTEE = SearchFilters(committee="Children and Families Overview and Scrutiny Committee")


def _wire(question: str, answer: Any) -> str:
    return AskResponse.of(question, answer).model_dump_json() + repr(answer.features)


@pytest.mark.parametrize("filters", [SearchFilters(), COMMITTEE])
def test_ask_is_the_answer_half_of_the_search_half(
    seed_engine: Archive, filters: SearchFilters
) -> None:
    """The same answer, wire form and recorded signals alike, and a search answered twice
    answers the same (the answer half leaves what it answers from as it was)."""
    reader = seed_engine.reader()
    for question in QUESTIONS:
        request = SearchRequest(question, k=5, filters=filters)
        searched = reader.searched(request)
        first = _wire(question, reader.answered(searched))
        assert first == _wire(question, reader.ask(request))
        assert first == _wire(question, reader.answered(searched))


def test_a_trend_is_searched_at_timeline_hits(seed_engine: Archive) -> None:
    reader = seed_engine.reader()
    searched = reader.searched(SearchRequest(QUESTIONS[1], k=3))
    assert searched.found.intent.trend
    assert searched.request.k == len(searched.found.hits) == reader.settings.answers.timeline_hits


def test_the_answer_half_reads_the_constants_as_they_are_now(
    seed_engine: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What `eval.fit_answers` relies on: a constant set after the search moves the answer
    of that search as it moves `/ask`'s."""
    reader = seed_engine.reader()
    request = SearchRequest(QUESTIONS[2], k=8)
    searched = reader.searched(request)
    before = _wire(request.query, reader.answered(searched))
    monkeypatch.setattr(answering, "BEST_LIMIT", 1)
    monkeypatch.setattr(answering, "BEST_MARGIN", 0.0)
    after = _wire(request.query, reader.answered(searched))
    assert after == _wire(request.query, reader.ask(request))
    assert after != before, "the constants move nothing here: the test proves nothing"


def test_the_wide_recheck_is_the_unfiltered_order_without_the_prior(
    seed_engine: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A filtered request that abstains searches the whole archive once, with the prior
    off, and that search is the unfiltered search's `unbiased()` (hits, scores, cosines,
    intent); it is made only when asked, and once however often it is asked."""
    reader = seed_engine.reader()
    assert reader.settings.search.density_prior > 0
    made: list[float] = []

    def counted(retriever: Any, tuning: Any, *args: Any, **kwargs: Any) -> SearchResult:
        made.append(tuning.density_prior)
        return search(retriever, tuning, *args, **kwargs)

    monkeypatch.setattr(archive_module, "search", counted)
    for question in QUESTIONS:
        request = SearchRequest(question, k=8, filters=COMMITTEE)
        searched = reader.searched(request)
        made.clear()
        wide, again = searched.wide(), searched.wide()
        assert wide is again and made == [0.0]
        plain = reader.ranked(SearchRequest(question, k=searched.request.k)).unbiased()
        assert wide.hits == plain.hits and wide.cosines == plain.cosines
        assert wide.intent == plain.intent
    made.clear()
    reader.ask(SearchRequest(QUESTIONS[-1], k=5, filters=COMMITTEE))
    assert made == [reader.settings.search.density_prior, 0.0]  # filtered, then the archive
