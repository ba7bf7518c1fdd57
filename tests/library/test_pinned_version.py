"""A request reads one index version from start to end, even when a new version is
published while it runs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import search_api.archive as archive_module
from indexer.builder import Indexer
from indexer.embedding import Embedder
from indexer.settings import Settings
from search_api.archive import Archive
from search_api.briefing import BriefingRequest
from search_api.http.app import create_app
from search_api.search import SearchRequest

NEW_MINUTES = """Children's Services Scrutiny Committee
Minutes of the meeting held on 14 March 2023

12. Quince allowance pilot
12.1 The committee heard that the quince allowance pilot for foster carers had paid
the quince allowance to 41 households since January 2023.
12.2 It was agreed that a further report on the quince allowance pilot would come to
the committee in September 2023.
"""
QUESTION = "What did the committee hear about the quince allowance pilot?"


@pytest.fixture
def index(seed_copy: Settings) -> Settings:
    """A private copy of the seed index: the new version is published into it."""
    return seed_copy


def _publish_new_version(settings: Settings, embedder: Embedder, tmp_path: Path) -> None:
    new = tmp_path / "incoming" / "quince-minutes.txt"
    new.parent.mkdir(exist_ok=True)
    new.write_text(NEW_MINUTES)
    report = Indexer(settings, embedder).add([new])
    assert report.version, "a new version must be published"


def test_reader_keeps_its_version(index: Settings, embedder: Embedder, tmp_path: Path) -> None:
    archive = Archive.open(index, embedder)
    reader = archive.reader()
    before = reader.search(SearchRequest(QUESTION, k=5))

    _publish_new_version(index, embedder, tmp_path)  # between the reader's calls
    assert archive.refresh() and archive.version != reader.version

    # Everything the old reader says still comes from its version.
    again = reader.search(SearchRequest(QUESTION, k=5))
    assert [h.passage_id for h in again.hits] == [h.passage_id for h in before.hits]
    assert all(h.citation.document_id != "quince-minutes" for h in again.hits)
    assert reader.ask(SearchRequest(QUESTION, k=5)).citations == [] or all(
        c.citation.document_id != "quince-minutes"
        for c in reader.ask(SearchRequest(QUESTION, k=5)).citations
    )
    briefing = reader.briefing(BriefingRequest("quince allowance pilot", generated_at=False))
    assert all(r.document_id != "quince-minutes" for r in briefing.references)
    assert "quince-minutes" not in {d.document_id for d in reader.documents()}
    assert reader.stats().index_version == reader.version

    # A new reader sees the new version.
    fresh = archive.reader().search(SearchRequest(QUESTION, k=5))
    assert fresh.hits[0].citation.document_id == "quince-minutes"


def test_http_request_straddling_a_publish_reads_one_version(
    index: Settings, embedder: Embedder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/ask searches, then reads dates of the cited documents: a version published and
    switched to between those steps must not leak into the answer."""
    archive = Archive.open(index, embedder)
    real_search = archive_module.search
    published: list[str] = []

    def search_then_publish(*args: object, **kwargs: object) -> object:
        result = real_search(*args, **kwargs)  # type: ignore[arg-type]
        if not published:  # the first request only: a writer publishes mid-request
            _publish_new_version(index, embedder, tmp_path)
            assert archive.refresh()
            published.append(archive.version)
        return result

    monkeypatch.setattr(archive_module, "search", search_then_publish)
    with TestClient(create_app(archive=archive), raise_server_exceptions=False) as client:
        first = client.post("/ask", json={"question": QUESTION, "k": 5})
        assert first.status_code == 200 and published
        cited = {c["citation"]["document_id"] for c in first.json()["citations"]}
        related = {h["citation"]["document_id"] for h in first.json()["related"]}
        assert "quince-minutes" not in cited | related
        # The next request reads the new version.
        second = client.get("/search", params={"q": QUESTION, "k": 3}).json()
        assert second["hits"][0]["citation"]["document_id"] == "quince-minutes"
        assert client.get("/health").json()["index_version"] == published[0]


def test_a_version_reads_its_date_range_once_and_a_new_version_its_own(
    index: Settings, embedder: Embedder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every question reads the archive's latest date ("recently"; an answer to a trend
    question up to three times): read once per version, as its year end is; a version
    published later, with a later meeting, is read afresh by the readers that get it."""
    archive = Archive.open(index, embedder)
    old = archive.snapshot
    real = old.store.date_range
    reads: list[int] = []

    def counted() -> tuple[date | None, date | None]:
        reads.append(1)
        return real()

    monkeypatch.setattr(old.store, "date_range", counted)
    trend = "How has the number of agency social workers changed over time?"
    for _ in range(2):
        reader = archive.reader()
        assert reader.reads(trend).trend
        reader.ask(SearchRequest(trend, k=3))
        reader.search(SearchRequest(QUESTION, k=5))
        reader.facets()
    assert len(reads) == 1
    before = reader.latest_date()
    assert before is not None and before < date(2023, 3, 14)

    _publish_new_version(index, embedder, tmp_path)
    assert archive.refresh()
    assert reader.latest_date() == before  # the pinned reader keeps its version's
    assert archive.reader().latest_date() == date(2023, 3, 14)
    assert archive.reader().facets().date_to == date(2023, 3, 14)
    assert len(reads) == 1
