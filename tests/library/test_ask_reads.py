"""What an answer reads from the store beside its search (eval/README.md "What an answer
computes twice, round 31"): the cited documents' date precision comes with the hits."""

from __future__ import annotations

import pytest

from indexer.store import PassageStore
from search_api.archive import Archive
from search_api.search import SearchRequest


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
