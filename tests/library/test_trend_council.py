"""A trend's timeline is one council's (`search.lead_council`), on an archive of several.

The fixture is the seed corpus (Gloucestershire, 2017-2022) and one real Kent County
Council document: the 30 January 2025 Cabinet minutes as converted from their PDF
(`tests/data/ingestion`), which speak of funding for children's services. Before the
rule, a Gloucestershire trend took that Kent meeting as its latest end (checked when
these tests were written: the first question below cited "30 January 2025"), and a Kent
trend its earliest from the seeds' 2018 minutes.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from indexer.builder import Indexer
from indexer.embedding import Embedder
from indexer.models import Hit, SearchFilters
from indexer.settings import Settings
from search_api.abstention import MODEL
from search_api.archive import Archive
from search_api.search import SearchRequest, council_pool
from search_api.temporal import parse_question
from tests.indexes import beside_seeds

ROOT = Path(__file__).resolve().parents[2]
KENT_MINUTES = ROOT / "tests" / "data" / "ingestion" / "kent_cabinet_2025-01-30_pymupdf4llm.md"
GLOUCESTERSHIRE = "Gloucestershire County Council"
KENT = "Kent County Council"


@pytest.fixture(scope="module")
def mixed(
    tmp_path_factory: pytest.TempPathFactory, seed_settings: Settings, embedder: Embedder
) -> Archive:
    """The seeds and one Kent meeting, indexed together: the Kent meeting added to a copy
    of the session's seed index."""
    kent = tmp_path_factory.mktemp("kent")
    shutil.copy(KENT_MINUTES, kent / "cabinet-2025-01-30-minutes.md")
    (kent / "manifest.csv").write_text(
        "path,council,committee,meeting_date,date_precision,doc_type,title\n"
        "cabinet-2025-01-30-minutes.md,Kent County Council,Cabinet,2025-01-30,day,minutes,"
        "Cabinet minutes 30 January 2025\n",
        encoding="utf-8",
    )
    settings = beside_seeds(seed_settings, tmp_path_factory.mktemp("mixed") / "index", kent)
    report = Indexer(settings, embedder).build()
    assert not report.failed, report.failed
    assert report.unchanged == 5 and report.added == ["cabinet-2025-01-30-minutes"]
    return Archive.open(settings, embedder)


def _cited_councils(archive: Archive, question: str) -> tuple[set[str | None], int]:
    answer = archive.reader().ask(SearchRequest(question, 8))
    assert not answer.abstained
    meetings = {c.citation.meeting for c in answer.citations}
    return {c.citation.council for c in answer.citations}, len(meetings)


def test_a_trend_naming_its_council_keeps_to_it(mixed: Archive) -> None:
    question = "How has funding for Gloucestershire's children's services changed over the years?"
    councils, meetings = _cited_councils(mixed, question)
    assert councils == {GLOUCESTERSHIRE}
    assert meetings >= 2


def test_a_trend_naming_no_council_keeps_to_the_one_leading_the_results(mixed: Archive) -> None:
    # Kent's minutes hold the passages nearest the question; the seeds' older mentions of
    # children's services once joined its timeline as the earliest end.
    question = "How have children's mental health services changed over time?"
    councils, _ = _cited_councils(mixed, question)
    assert councils == {KENT}
    assert mixed.reader().search(SearchRequest(question, 8)).council == KENT


def test_one_councils_archive_is_left_alone(seed_engine: Archive) -> None:
    found = seed_engine.reader().search(
        SearchRequest("How has agency staffing changed over the years?", 8)
    )
    assert found.council == GLOUCESTERSHIRE
    assert {h.citation.council for h in found.hits} == {GLOUCESTERSHIRE}


# A trend's pool and top k are its council's (eval/README.md, round 30, r30-ends).

GLOUCESTERSHIRE_TREND = (
    "How has funding for children's services in Gloucestershire changed over the years?"
)


def test_a_trends_top_k_is_its_councils_while_the_council_has_passages(mixed: Archive) -> None:
    found = mixed.reader().search(SearchRequest(GLOUCESTERSHIRE_TREND, 10))
    assert found.intent.trend and found.council == GLOUCESTERSHIRE
    ranked = [*found.hits, *found.below]
    assert any(h.citation.council == KENT for h in ranked), "Kent's minutes reach the pool"
    assert {h.citation.council for h in found.hits} == {GLOUCESTERSHIRE}
    # Moved, not dropped: the other council's passages stand below all of the council's.
    councils = [h.citation.council for h in ranked]
    assert KENT not in councils[: councils.count(GLOUCESTERSHIRE)]


def test_the_pool_takes_the_councils_next_passages_for_anothers(mixed: Archive) -> None:
    retriever = mixed.snapshot.retriever
    tuning = mixed.settings.search
    intent = parse_question(GLOUCESTERSHIRE_TREND, date(2025, 1, 30))
    ranked, _, _ = retriever.rank(intent.topic, 200, "hybrid", SearchFilters(), tuning)
    hits = retriever.hits(ranked)
    kent = [h for h in hits if h.citation.council == KENT]
    own = [h for h in hits if h.citation.council == GLOUCESTERSHIRE]
    assert len(kent) >= 2 and len(own) >= 6
    pool = [*own[:3], *kent[:2]]
    deeper = own[3:]
    out = council_pool(pool, lambda: deeper, intent, tuning, GLOUCESTERSHIRE)
    # Two of Kent's in the pool: the council's next two join it; the rest stay below.
    assert {h.passage_id for h in out} == {h.passage_id for h in [*pool, *own[3:5]]}
    assert [h.score for h in out] == sorted((h.score for h in out), reverse=True)

    # A pool of the council's alone is left as it is, the ranking below it not read.
    def unread() -> list[Hit]:
        raise AssertionError("the ranking below a one-council pool was read")

    assert council_pool(own[:3], unread, intent, tuning, GLOUCESTERSHIRE) == own[:3]


def test_whether_to_answer_is_judged_on_the_ranking_as_retrieved(mixed: Archive) -> None:
    # The top k before Kent's passages moved below: what abstention reads (`Reader.ask`).
    found = mixed.reader().search(SearchRequest(GLOUCESTERSHIRE_TREND, 10))
    assert found.as_ranked is not None and len(found.as_ranked) == 10
    assert any(h.citation.council == KENT for h in found.as_ranked)
    ranked = {h.passage_id for h in [*found.hits, *found.below]}
    assert {h.passage_id for h in found.as_ranked} <= ranked
    # Not a trend, no council read: nothing moved, nothing kept apart.
    assert mixed.reader().search(SearchRequest("What is a MASH?", 10)).as_ranked is None


def test_one_councils_trend_keeps_no_second_ranking(seed_engine: Archive) -> None:
    # On one council's archive `council_first` moves nothing: the answer's own signals are
    # the ranking as retrieved, so none is kept to be read a second time (`Reader.ask`).
    found = seed_engine.reader().search(SearchRequest(GLOUCESTERSHIRE_TREND, 10))
    assert found.council == GLOUCESTERSHIRE and found.intent.trend
    assert found.as_ranked is None


def test_a_council_read_trend_records_the_signals_it_was_decided_on(mixed: Archive) -> None:
    # Whether a trend read on one council's passages is answered is judged on the ranking
    # as retrieved (`as_ranked`, `Reader.ask`): those signals are what the answer records,
    # what `eval.answer_diagnose` writes and `eval.fit_abstention` fits on.
    reader = mixed.reader()
    request = SearchRequest(GLOUCESTERSHIRE_TREND, reader.settings.answers.timeline_hits)
    found = reader.ranked(request)
    assert found.as_ranked is not None
    asked = reader.answers.features(
        GLOUCESTERSHIRE_TREND, found.intent, found.as_ranked, found.cosines
    )
    answer = reader.ask(request)
    assert answer.features == asked
    assert MODEL.supported(answer.features) is not answer.abstained
