"""A legacy Word (.doc) archive indexed end to end: the real file, reader, model, FAISS and
SQLite; search cites its paragraphs as it cites any other format's."""

from __future__ import annotations

import shutil
from pathlib import Path

from indexer.builder import Indexer
from indexer.embedding import Embedder
from indexer.settings import Settings
from search_api.archive import Archive
from tests.documents import LEGACY_DOC as DOC
from tests.searching import search


def test_a_legacy_word_document_is_indexed_and_cited_by_paragraph(
    tmp_path: Path, embedder: Embedder
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(DOC, corpus / "Minutes 21 November 2018.doc")
    settings = Settings(corpus=str(corpus), index_dir=tmp_path / "index")
    report = Indexer(settings, embedder).build()
    assert report.added == ["minutes-21-november-2018"] and not report.failed
    assert report.passages >= 9  # 41.1-41.9, each its own passage
    engine = Archive.open(settings, embedder)
    hits = search(engine, "staff morale was good with social workers talking positively", k=3)
    top = hits[0].citation
    assert (top.document_id, top.paragraph, top.item_title) == (
        "minutes-21-november-2018", "41.2", "Ofsted Improvement Letter",
    )  # fmt: skip
    assert top.meeting_date is not None and top.meeting_date.isoformat() == "2018-11-21"
    row = search(engine, "reduce agency staff to 10% of the social worker workforce", k=3)[0]
    assert row.citation.paragraph == "41.6"  # a table row of the .doc, read as its paragraph
