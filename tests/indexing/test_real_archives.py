"""Real council papers indexed for real: Kingston's ModernGov pages and one-word-per-line
PDFs, and a slice of the Kent archive, found by search with their manifest citations."""

from __future__ import annotations

import csv
import shutil
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from eval.shared import ARCHIVES
from indexer.builder import Indexer
from indexer.embedding import Embedder
from indexer.models import SearchFilters
from indexer.settings import Settings
from search_api.archive import Archive
from tests.searching import search

KENT_SLICE = [
    "cabinet/2025-03-04/Scrutiny Committee - call-in Family Hubs Report to Cabinet - FINAL.pdf",
    "full_council/2025-03-13/Printed minutes 13th-Mar-2025 10.00 County Council.pdf",
]


def _kent_slice(target: Path) -> Path:
    """The slice's files with their own manifest rows, as a council would drop them in."""
    source = ARCHIVES / "kent"
    with (source / "manifest.csv").open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = [row for row in reader if row["path"] in KENT_SLICE]
        fields = reader.fieldnames or []
    for row in rows:
        (target / row["path"]).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source / row["path"], target / row["path"])
    with (target / "manifest.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return target


@pytest.fixture(scope="module")
def archive_engine(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Archive:
    if not ARCHIVES.is_dir():
        pytest.skip(f"the shared archives are not at {ARCHIVES}")
    root = tmp_path_factory.mktemp("archives")
    kent = _kent_slice(root / "kent")
    settings = Settings(corpus=f"{ARCHIVES / 'kingston'}:{kent}", index_dir=root / "index")
    report = Indexer(settings, embedder).build()
    assert not report.failed, report.failed
    assert report.documents == 4 + len(KENT_SLICE)
    return Archive.open(settings, embedder)


def test_kingston_pdf_passage_reads_as_sentences_with_its_citation(
    archive_engine: Archive,
) -> None:
    hits = search(archive_engine, "zebra crossing Coombe Lane West consultation", k=5)
    top = [h for h in hits if h.citation.title and "zebra crossing" in h.citation.title.lower()]
    assert top, [h.citation.title for h in hits]
    citation = top[0].citation
    assert citation.council == "Royal Borough of Kingston upon Thames"
    assert citation.committee == "Kingston and North Kingston Neighbourhood Committee"
    assert citation.meeting_date == date(2026, 1, 15)
    assert citation.doc_type == "report"
    assert citation.page is not None and citation.page >= 1
    own = next((p for p in top[0].window if p.passage_id == top[0].passage_id), None)
    text = top[0].text[own.start : own.end] if own else top[0].text  # the passage, not its window
    words = text.split()
    # Running text, not a word a line: a line break stands only where a sentence opens
    # (kept from the page since index format 5, `indexer.store.passage_text`).
    assert len(words) > 20 and all(len(line.split()) > 3 for line in text.split("\n"))
    assert sum(len(w) for w in words) / len(words) > 3  # words, not letters per line


def test_kingston_moderngov_page_cites_its_meeting(archive_engine: Archive) -> None:
    hits = search(
        archive_engine,
        "Manorgate Road petition traffic",
        k=10,
        filters=SearchFilters(doc_type="agenda and minutes"),
    )
    assert hits
    assert {h.citation.meeting_date for h in hits} <= {date(2026, 1, 15), date(2025, 12, 4)}
    assert all(h.citation.document_id in {"agenda_151", "agenda_412"} for h in hits)
    assert any(h.citation.item for h in hits)


def test_kent_call_in_report_and_minutes_cite_meeting_and_source(
    archive_engine: Archive,
) -> None:
    hits = search(archive_engine, "call-in of the Family Hubs decision 24/00093", k=10)
    hit = next(h for h in hits if h.citation.document_id.startswith("cabinet-2025-03-04-scrutiny"))
    report = hit.citation
    assert report.committee == "Cabinet" and report.meeting_date == date(2025, 3, 4)
    assert report.source_url and report.source_url.startswith("https://democracy.kent.gov.uk/")
    # The cited page is the PDF page that holds the passage's words.
    path, _ = archive_engine.reader().source_file(report.document_id)
    pages = PdfReader(path).pages
    assert report.page is not None and 1 <= report.page <= len(pages)
    page_words = " ".join((pages[report.page - 1].extract_text() or "").split())
    assert " ".join(hit.text.split()[:6]) in page_words
    minutes = search(
        archive_engine,
        "Review of Decision 24/00093 Commissioned Family Hubs Full Council motion",
        k=10,
        filters=SearchFilters(committee="County Council", doc_type="minutes"),
    )
    assert minutes
    first = minutes[0].citation
    assert first.meeting_date == date(2025, 3, 13)
    assert any(h.citation.item == "300" for h in minutes)
