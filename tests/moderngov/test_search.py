"""The imported folder is a corpus like any other: it indexes (real model, FAISS, SQLite)
and a sentence of the minutes is found, cited to its meeting and agenda item."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from indexer.builder import Indexer
from indexer.embedding import Embedder
from indexer.engine import SearchEngine
from indexer.models import Hit
from indexer.settings import Settings
from tests.moderngov.replay import ReplaySite
from tests.moderngov.test_import import MINUTES_HTML, run_cli

SENTENCE = "future Work Programme for the remainder of 2025/26 municipal year"


def search(settings: Settings, embedder: Embedder, query: str, k: int = 5) -> list[Hit]:
    """The one read-side call of these tests (the read API is being redesigned)."""
    return SearchEngine.open(settings, embedder).search(query, k)


def test_imported_archive_indexes_and_cites_the_work_programme_item(
    manchester: ReplaySite, tmp_path: Path, embedder: Embedder
) -> None:
    corpus = tmp_path / "manchester"
    assert run_cli(manchester, corpus) == 0
    settings = Settings(corpus=str(corpus), index_dir=tmp_path / "index")
    report = Indexer(settings, embedder).build()
    assert not report.failed, report.failed
    assert report.documents == 3

    hits = search(settings, embedder, SENTENCE)
    assert hits, "no passage found"
    top = hits[0]
    assert SENTENCE in top.text
    citation = top.citation
    assert citation.committee == "Audit Committee"
    assert citation.council == "Manchester City Council"
    assert citation.meeting_date == date(2026, 2, 10)
    assert (citation.item, citation.item_title) == ("9", "Work Programme")
    assert citation.doc_type == "minutes"
    assert citation.source_url == f"{manchester.url}/ieListDocuments.aspx?CId=144&MId=4967"
    assert citation.title == "Audit Committee - Tuesday 10 February 2026 - minutes"
    stored = {d.meta.path for d in SearchEngine.open(settings, embedder).documents()}
    assert MINUTES_HTML in stored
