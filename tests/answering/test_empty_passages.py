"""Passages with nothing to say (round 50, `search_api.empty`).

Kingston's ModernGov page for its cancelled 4 December 2025 meeting is one passage: the
meeting's heading, "CANCELLED. No documents are available for this meeting. Proposed
venue: …". It names the council, the committee and a day, so it ranked first for
questions about Kingston whose topic the archive does not hold, and `/ask` read their
best cosine off it and answered. A real index of the seeds and Kingston's papers (its
four files, as the shared archive holds them), the real model.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date

import pytest

from eval.shared import ARCHIVES
from indexer.builder import Indexer
from indexer.embedding import Embedder
from indexer.models import Citation
from indexer.settings import Settings
from search_api.archive import Archive, Reader
from search_api.empty import content_free
from search_api.search import SearchRequest
from tests.indexes import beside_seeds

KINGSTON = ARCHIVES / "kingston"
CANCELLED = "Agenda_412.html"

UNANSWERABLE = (
    # Rounds 49-50's Kingston unanswerable tune rows whose first passage was the page.
    "What rent increase did Kingston set for its council homes for 2025-26?",
    "How much did the Kingston neighbourhood committee give towards the Kingston carnival?",
)


@pytest.fixture(scope="module")
def kingston(
    tmp_path_factory: pytest.TempPathFactory, seed_settings: Settings, embedder: Embedder
) -> Iterator[Reader]:
    """A reader of the seeds and Kingston's four papers."""
    if not KINGSTON.is_dir():
        pytest.fail(f"the shared archives are missing: expected {KINGSTON}")
    extra = tmp_path_factory.mktemp("kingston")
    for f in KINGSTON.iterdir():
        if f.name != "LICENSE":
            shutil.copy(f, extra / f.name)
    settings = beside_seeds(seed_settings, tmp_path_factory.mktemp("kingston-index") / "i", extra)
    report = Indexer(settings, embedder).build()
    assert not report.failed, report.failed
    archive = Archive.open(settings, embedder)
    yield archive.reader()


def _cancelled_page(reader: Reader) -> int:
    store = reader.snapshot.store
    (doc,) = [d for d, s in store.stored_documents().items() if s.meta.path == CANCELLED]
    (page,) = store.document_passages(doc)
    return page.passage_id


def test_only_the_cancelled_meetings_page_is_content_free(kingston: Reader) -> None:
    """Of every passage of the seeds and Kingston, the cancelled meeting's page alone has
    nothing to say: the seed meeting's heading with its "Venue:" says where it met (a tune
    question asks it), "There were no petitions submitted." what a meeting did."""
    store = kingston.snapshot.store
    free = {
        p.passage_id
        for d in store.stored_documents()
        for p in store.document_passages(d)
        if content_free(p.text, p.citation)
    }
    assert free == {_cancelled_page(kingston)}


def _citation(**fields: object) -> Citation:
    return Citation.model_validate(
        {
            "document_id": "d",
            "council": "Gloucestershire County Council",
            "committee": "Children and Families Overview and Scrutiny Committee",
            "meeting_date": date(2017, 10, 6),
            **fields,
        }
    )


@pytest.mark.parametrize(
    ("text", "fields", "free"),
    [
        # A link line, as seed 002 prints it, alone and beside what its item says.
        ("This is the link to the Ofsted webpage", {}, True),
        (
            "A Senior Ofsted Inspector will be in attendance. This is the link to the Ofsted "
            "webpage",
            {},
            False,
        ),
        ("(Pages 1 - 14)", {}, True),
        ("See supplement pack published alongside the main agenda", {}, True),
        ("Document is Restricted", {}, True),
        ("To follow", {"item_title": "Budget Monitoring Report"}, True),
        ("Budget Monitoring Report No reports.", {"item_title": "Budget Monitoring Report"}, True),
        # What a meeting did or had is content: an item's "None" answers who gave apologies.
        ("There were no petitions submitted.", {"item_title": "Petitions"}, False),
        ("Apologies for Absence None.", {"item_title": "Apologies for Absence"}, False),
        ("The item was postponed to the March meeting because the report was late.", {}, False),
        (
            "Children and Families Overview and Scrutiny Committee - Wednesday 21 November "
            "2018 10.00 am Venue: Council Chamber - Shire Hall, Gloucester.",
            {"meeting_date": date(2018, 11, 21)},
            False,
        ),
    ],
)
def test_furniture_by_kind_of_layout(text: str, fields: dict[str, object], free: bool) -> None:
    assert content_free(text, _citation(**fields)) is free


@pytest.mark.parametrize("question", UNANSWERABLE)
def test_the_page_ranks_after_every_passage_with_content(kingston: Reader, question: str) -> None:
    page = _cancelled_page(kingston)
    for found in (
        kingston.ranked(SearchRequest(question)),
        kingston.search(SearchRequest(question)),
    ):
        ids = [h.passage_id for h in found.hits]
        assert page in ids  # shown, last: it is what a search for it would want
        assert ids[-1] == page
        assert page not in [h.passage_id for h in found.content().hits]


@pytest.mark.parametrize("question", UNANSWERABLE)
def test_the_page_is_no_support_for_answering(kingston: Reader, question: str) -> None:
    """The page's cosine is the question's best: main's tree answered both on it (the
    best cosine weighs most in `MODEL`). Judged on the passages with content, the archive
    does not speak to them."""
    found = kingston.ranked(SearchRequest(question))
    page = _cancelled_page(kingston)
    assert max(found.cosines, key=found.cosines.__getitem__) == page
    answer = kingston.ask(SearchRequest(question))
    assert answer.abstained
    assert answer.features is not None and answer.features.top_cosine < found.cosines[page]


def test_a_search_for_cancelled_meetings_still_shows_the_page(kingston: Reader) -> None:
    page = _cancelled_page(kingston)
    found = kingston.search(SearchRequest("cancelled meeting"))
    assert page in [h.passage_id for h in found.hits]
