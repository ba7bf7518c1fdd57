"""The seed corpus indexed for real: dedup, citations, retrieval modes and filters."""

from __future__ import annotations

from datetime import date

import pytest

from indexer.models import SearchFilters
from search_api.archive import Archive
from tests.searching import search

AGENCY_QUESTION = "How did agency staffing change between 2018 and 2022?"


def test_every_seed_document_is_indexed(seed_engine: Archive) -> None:
    docs = {d.document_id: d for d in seed_engine.reader().documents()}
    assert set(docs) == {
        "000_2725e8365af33fe2",
        "001_3bf3cecc07ef430f",
        "002_88d3f067c3aa2c93",
        "003_315652f360b52df6",
        "004_a3ad42d7930c8b10",
    }
    assert all(d.passages > 0 for d in docs.values())
    assert seed_engine.reader().failures() == []


def test_paragraph_41_4_is_one_passage_citing_both_documents(seed_engine: Archive) -> None:
    # Without "currently": a date word, which the one search path reads as "recently".
    hits = search(seed_engine, "about 40% of the workforce was agency staff", k=5)
    matching = [h for h in hits if "about 40% of the workforce was agency staff" in h.text]
    assert len(matching) == 1, [h.text[:60] for h in hits]
    citation = matching[0].citation
    assert citation.paragraph == "41.4"
    assert citation.item == "41"
    assert citation.item_title == "Ofsted Improvement Letter"
    assert citation.meeting_date == date(2018, 11, 21)
    assert {s.document_id for s in citation.sources} == {
        "001_3bf3cecc07ef430f",
        "003_315652f360b52df6",
    }
    assert all(s.paragraph == "41.4" for s in citation.sources)


@pytest.mark.parametrize("mode", ["dense", "lexical", "hybrid"])
def test_modes_return_ranked_cited_hits(seed_engine: Archive, mode: str) -> None:
    hits = search(seed_engine, "overspend on external placements", k=10, mode=mode)  # type: ignore[arg-type]
    assert 0 < len(hits) <= 10
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert len({h.passage_id for h in hits}) == len(hits)
    assert all(h.citation.document_id and h.citation.sources for h in hits)


def test_hybrid_top10_spans_2018_and_2022_for_agency_staffing(seed_engine: Archive) -> None:
    hits = search(seed_engine, AGENCY_QUESTION, k=10, mode="hybrid")
    texts = " ".join(h.text for h in hits)
    assert "about 40% of the workforce was agency staff" in texts
    assert "33.3%" in texts
    years = {h.citation.meeting_date.year for h in hits if h.citation.meeting_date}
    assert {2018, 2022} <= years


@pytest.mark.parametrize("mode", ["dense", "lexical", "hybrid"])
def test_date_filter_keeps_only_that_year(seed_engine: Archive, mode: str) -> None:
    filters = SearchFilters(date_from=date(2022, 1, 1), date_to=date(2022, 12, 31))
    hits = search(seed_engine, AGENCY_QUESTION, k=10, mode=mode, filters=filters)  # type: ignore[arg-type]
    assert hits
    assert all(h.citation.meeting_date and h.citation.meeting_date.year == 2022 for h in hits)


def test_year_precision_dates_match_a_range_inside_that_year(seed_engine: Archive) -> None:
    """002 is dated only to 2017: a range inside 2017 must still find it."""
    filters = SearchFilters(date_from=date(2017, 9, 1), date_to=date(2017, 10, 31))
    hits = search(seed_engine, "Ofsted inspection process", k=5, filters=filters)
    assert hits
    assert {h.citation.document_id for h in hits} == {"002_88d3f067c3aa2c93"}
    assert all(h.citation.date_approximate for h in hits)


def test_doc_type_and_committee_filters(seed_engine: Archive) -> None:
    report_hits = search(seed_engine, "workforce", k=10, filters=SearchFilters(doc_type="report"))
    assert report_hits
    assert {h.citation.document_id for h in report_hits} == {"004_a3ad42d7930c8b10"}
    none = search(seed_engine, "workforce", k=10, filters=SearchFilters(committee="Planning"))
    assert none == []
    ok = search(
        seed_engine,
        "workforce",
        k=3,
        filters=SearchFilters(committee="children and families overview and scrutiny committee"),
    )
    assert len(ok) == 3


def test_lexical_search_finds_exact_figures(seed_engine: Archive) -> None:
    hits = search(seed_engine, "£6.4 million overspend", k=3, mode="lexical")
    assert any("overspend position of £6.4 million" in h.text for h in hits)
    assert any("overspend" in w.lower() for w in hits[0].highlights)
