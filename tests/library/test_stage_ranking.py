"""Round 35 (issue #13 §2/§3): a figure set against an earlier stage of one paper ("fewer
than it first planned") is read as a course between the two stages
(`TemporalIntent.stages`), ranked as the plain question: the spread over the archive's
first and last meetings on the topic gave up the stages' passages the plain ranking held
(eval/README.md, round 34's reading bound; round 35, r35-trend)."""

from __future__ import annotations

from dataclasses import replace

from search_api.archive import Archive
from search_api.search import SearchRequest, search

QUESTION = "Is the council relying on fewer agency social workers than it first planned?"


def test_a_stage_trend_is_ranked_as_the_plain_question(seed_engine: Archive) -> None:
    reader = seed_engine.reader()
    found = reader.ranked(SearchRequest(QUESTION, 10))
    assert found.intent.trend and found.intent.stages
    assert found.beyond, "a trend answer reads the candidates below its top k"
    plain = replace(found.intent, trend=False, subject=None, tracked=None, stages=False)
    as_asked = search(
        reader.snapshot.retriever, reader.settings.search, SearchRequest(QUESTION, 10),
        reader.latest_date(), reader.snapshot.year_end, plain,
    )  # fmt: skip
    assert [h.passage_id for h in found.hits] == [h.passage_id for h in as_asked.hits]
