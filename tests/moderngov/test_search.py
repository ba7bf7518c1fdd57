"""The imported folder is a corpus like any other: it indexes (real model, FAISS, SQLite)
and a sentence of the minutes is found, cited to its meeting and agenda item."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from indexer.builder import Indexer
from indexer.embedding import Embedder
from indexer.settings import Settings
from search_api.archive import Archive
from tests.moderngov.replay import ReplaySite
from tests.moderngov.test_import import MINUTES_HTML, run_cli
from tests.searching import search

SENTENCE = "future Work Programme for the remainder of 2025/26 municipal year"


def test_imported_archive_indexes_and_cites_the_work_programme_item(
    manchester: ReplaySite, tmp_path: Path, embedder: Embedder
) -> None:
    corpus = tmp_path / "manchester"
    assert run_cli(manchester, corpus) == 0
    settings = Settings(corpus=str(corpus), index_dir=tmp_path / "index")
    report = Indexer(settings, embedder).build()
    assert not report.failed, report.failed
    assert report.documents == 3

    archive = Archive.open(settings, embedder)
    hits = search(archive, SENTENCE, k=5)
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
    stored = {d.path for d in archive.reader().documents()}
    assert MINUTES_HTML in stored
