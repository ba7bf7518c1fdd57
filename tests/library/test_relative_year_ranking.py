"""A year named from the question's own time is no part of what is searched
(`temporal.RELATIVE_YEAR`; eval/README.md, round 36, r36-trend): "next year" and "this
year" ask for the same thing at two times, and on the seeds they rank alike. On main their
words reached both retrievers and the two rankings differed."""

from __future__ import annotations

from search_api.archive import Archive
from search_api.search import SearchRequest

ASKED = "Is the council relying on more agency social workers"


def test_next_year_and_this_year_rank_alike(seed_engine: Archive) -> None:
    reader = seed_engine.reader()
    nxt = reader.ranked(SearchRequest(f"{ASKED} next year?", 10))
    this = reader.ranked(SearchRequest(f"{ASKED} this year?", 10))
    assert nxt.intent.topic == this.intent.topic == f"{ASKED}?"
    assert [h.passage_id for h in nxt.hits] == [h.passage_id for h in this.hits]
